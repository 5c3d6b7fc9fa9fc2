"""Measure OCR of scanned regulations and the recovery of lost Pasal headings.

    python bench/bench_ocr.py

- Synthetic scans: every regulation snippet under tests/fixtures/ (hand-written, fictional) is drawn as an
  image-only PDF at 200 dpi, turned 0.6° and speckled (tests/scans.py), then read back through the loader with
  Tesseract at 200 and 300 dpi: pages per minute on this machine, character error rate against the source text
  (whitespace-normalised), and how many of the source's Pasal and ayat the parser recovers from the OCR text.
- Real corpus: the parser's warnings about Pasal whose heading was not found, per document (the corpus has no
  scans, so its cold ingest does not change; see bench/results/index.*).
- With `--ocrmypdf <path to the ocrmypdf command>`, the same scans are also read by ocrmypdf (its own text layer,
  `--force-ocr -l ind`, then extracted with pypdf), the alternative the loader could have used; ocrmypdf is not a
  project dependency, so it is measured from wherever it is installed.
Writes bench/results/ocr.json and bench/results/ocr.md.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from harness import RESULTS  # the project's packages are importable after it
from rapidfuzz.distance import Levenshtein

from corpus.registry import Registry
from ingest.clean import clean
from ingest.isolation import read_document
from ingest.loaders import discover, load
from ingest.ocr import OcrOptions
from ingest.structure import parse_regulation
from netral.records import DocumentInfo
from tests.scans import scanned_pdf

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = sorted([*(ROOT / "tests/fixtures/scan").glob("*.md"), *(ROOT / "tests/fixtures/structure").glob("*.md")])
# Warnings on the real corpus before lost headings were recovered (same command, parser version 3).
WARNINGS_BEFORE = {"pp-11-2017": 5, "pp-49-2018": 2, "pp-94-2021": 1, "uu-7-2017": 26}


def _info(path: Path) -> DocumentInfo:
    _, _, nomor, tahun = path.stem.split("-")
    return DocumentInfo(id=path.stem, jenis="PERDA", nomor=nomor, tahun=int(tahun), tentang="uji", status="berlaku")


def _source_text(path: Path) -> str:
    return re.sub(r"<!--.*?-->", "", path.read_text(encoding="utf-8"), flags=re.S)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _structure(text: str, info: DocumentInfo) -> tuple[set[str], set[str]]:
    arts = parse_regulation(clean(text), info).articles
    pasal = {a.number for a in arts if a.kind == "pasal" and not a.amends}
    ayat = {f"{a.number}/{p.path}" for a in arts if a.kind == "pasal" for p in a.all_provisions() if p.kind == "ayat"}
    return pasal, ayat


def _read_with_ocrmypdf(command: str, pdf: Path) -> tuple[str, int]:
    from pypdf import PdfReader

    out = pdf.with_suffix(".ocrmypdf.pdf")
    subprocess.run([command, "--force-ocr", "-l", "ind", "--output-type", "pdf", "-q", str(pdf), str(out)],
                   check=True)
    pages = PdfReader(str(out)).pages
    return "\f".join(p.extract_text() or "" for p in pages), len(pages)


def synthetic(dpi: int, work: Path, ocrmypdf: str = "") -> dict[str, Any]:
    pages = chars = errors = 0
    pasal_found = pasal_total = ayat_found = ayat_total = 0
    seconds = 0.0
    per_doc = []
    for fixture in FIXTURES:
        source = _source_text(fixture)
        pdf = scanned_pdf(source, work / f"{fixture.stem}.pdf")
        t0 = time.perf_counter()
        if ocrmypdf:
            text, n_pages = _read_with_ocrmypdf(ocrmypdf, pdf)
            confidence = None
        else:
            src = load(pdf, ocr=OcrOptions(None, dpi=dpi))
            assert src.ocr is not None
            text, n_pages, confidence = src.text, len(src.ocr.pages), src.ocr.mean_confidence
        seconds += time.perf_counter() - t0
        pages += n_pages
        ref, got = _norm(source), _norm(text.replace("\f", " "))
        chars += len(ref)
        errors += Levenshtein.distance(ref, got)
        want_p, want_a = _structure(source, _info(fixture))
        got_p, got_a = _structure(text, _info(fixture))
        pasal_found += len(want_p & got_p)
        pasal_total += len(want_p)
        ayat_found += len(want_a & got_a)
        ayat_total += len(want_a)
        per_doc.append({"fixture": fixture.name, "pages": n_pages,
                        "confidence": None if confidence is None else round(confidence, 1),
                        "pasal": f"{len(want_p & got_p)}/{len(want_p)}",
                        "ayat": f"{len(want_a & got_a)}/{len(want_a)}"})
    return {"engine": "ocrmypdf" if ocrmypdf else "pdfium + pytesseract", "dpi": dpi, "documents": len(FIXTURES),
            "pages": pages, "seconds": round(seconds, 1),
            "pages_per_minute": round(pages / seconds * 60, 1), "cer": round(errors / chars, 4),
            "pasal_recovered": f"{pasal_found}/{pasal_total}", "ayat_recovered": f"{ayat_found}/{ayat_total}",
            "per_document": per_doc}


def corpus_warnings(corpus: Path) -> dict[str, int]:
    out: dict[str, int] = {}
    registry = Registry.load()
    files, _ = discover(corpus)
    for path in files:
        try:
            doc = read_document(path, registry, 2000)
        except Exception:  # noqa: BLE001 - a file that cannot be read has no parser warnings to count
            continue
        missing = [w for w in doc.warnings if "not found before" in w]
        if missing:
            out[doc.info.id] = len(missing)
    return out


def main() -> None:
    from netral.config import Settings

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ocrmypdf", default="", help="path to an ocrmypdf command to measure beside the loader")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="netral-ocr-bench-"))
    runs = [synthetic(dpi, work) for dpi in (200, 300)]
    if args.ocrmypdf:
        runs.append(synthetic(0, work, args.ocrmypdf))
    after = corpus_warnings(Settings.from_env().corpus_dir)
    result = {"synthetic": runs, "corpus_missing_headings": {"before": WARNINGS_BEFORE, "after": after,
                                                              "before_total": sum(WARNINGS_BEFORE.values()),
                                                              "after_total": sum(after.values())}}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "ocr.json").write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (RESULTS / "ocr.md").write_text(markdown(result), encoding="utf-8")
    print(markdown(result))


def markdown(r: dict[str, Any]) -> str:
    lines = ["| engine | render dpi | pages | pages/min | character error rate | Pasal recovered | ayat recovered |",
             "|---|---|---|---|---|---|---|"]
    for s in r["synthetic"]:
        dpi = s["dpi"] or "its own"
        lines.append(f"| {s['engine']} | {dpi} | {s['pages']} | {s['pages_per_minute']} | {s['cer']:.2%} | "
                     f"{s['pasal_recovered']} | {s['ayat_recovered']} |")
    c = r["corpus_missing_headings"]
    lines += ["", f"Synthetic scans: {r['synthetic'][0]['documents']} fictional regulations drawn at 200 dpi, "
              "turned 0.6° and speckled, read with Tesseract (ind).", "",
              f"Real corpus, Pasal whose heading was not found: {c['before_total']} before, {c['after_total']} now.",
              "", "| document | before | now |", "|---|---|---|"]
    for doc in sorted(set(c["before"]) | set(c["after"])):
        lines.append(f"| {doc} | {c['before'].get(doc, 0)} | {c['after'].get(doc, 0)} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
