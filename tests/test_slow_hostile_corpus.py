"""The whole real corpus with hostile and broken files beside it: `netral ingest` finishes, indexes all 19 real
documents, lists every hostile file as skipped with its reason and exits with 3 (slow; the deterministic
embedder, so it runs in about a minute)."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

from tests.hostile import deep_pdf, inflating_pdf, looping_pdf, many_pages_pdf
from ui.cli import EXIT_SKIPPED, main

pytestmark = pytest.mark.slow


def _hostile(root: Path) -> set[str]:
    """Hostile files among the real ones, named as the ingest report names them."""
    inflating_pdf(root / "pdf" / "uu-99-2030-bom.pdf")
    many_pages_pdf(root / "pdf" / "dua-puluh-ribu-halaman.pdf")
    looping_pdf(root / "pdf" / "melingkar.pdf")
    deep_pdf(root / "pdf" / "dalam.pdf")
    real_pdf = next((root / "pdf").glob("perppu-*.pdf")).read_bytes()
    (root / "pdf" / "terpotong.pdf").write_bytes(real_pdf[: len(real_pdf) // 3])
    (root / "peraturan" / "biner.md").write_bytes(bytes(range(256)) * 64)
    (root / "peraturan" / "latin1.md").write_bytes("Pasal 1 Pegawai dilarang … café".encode("latin-1", "replace"))
    (root / "peraturan" / "kosong.md").write_bytes(b"")
    (root / "materi" / "salinan.txt").write_bytes(next((root / "materi").glob("000_*.txt")).read_bytes())
    (root / "materi" / "catatan.docx").write_bytes(b"PK\x03\x04")
    return {"pdf/uu-99-2030-bom.pdf", "pdf/dua-puluh-ribu-halaman.pdf", "pdf/melingkar.pdf", "pdf/dalam.pdf",
            "pdf/terpotong.pdf", "peraturan/biner.md", "peraturan/latin1.md", "peraturan/kosong.md",
            "materi/salinan.txt", "materi/catatan.docx"}


def test_real_corpus_with_hostile_files_is_ingested(corpus_dir: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    for key in ("NETRAL_DATA_DIR", "NETRAL_CORPUS_DIR", "NETRAL_EMBEDDER", "NETRAL_CHROMA_URL"):
        monkeypatch.delenv(key, raising=False)
    root = tmp_path / "korpus"
    shutil.copytree(corpus_dir, root)
    hostile = _hostile(root)
    args = ["ingest", "--corpus-dir", str(root), "--data-dir", str(tmp_path / "data"), "--embedder", "fake", "--json"]
    t0 = time.perf_counter()
    code = main(args)
    seconds = time.perf_counter() - t0
    report = json.loads(capsys.readouterr().out)
    assert code == EXIT_SKIPPED
    assert {e["file"] for e in report["errors"]} == hostile, report["errors"]
    assert len(report["rows"]) == 19 and all(r["status"] == "new" for r in report["rows"])
    assert sum(r["pasal"] for r in report["rows"]) == 1498
    assert seconds < 300

    t0 = time.perf_counter()
    assert main(args) == EXIT_SKIPPED  # again: nothing changed, the hostile files are not read a second time
    again = json.loads(capsys.readouterr().out)
    assert time.perf_counter() - t0 < 20
    assert all(r["status"] == "unchanged" for r in again["rows"]) and len(again["rows"]) == 19
    reasons = {e["file"]: e["reason"] for e in again["errors"]}
    assert "tidak dibaca ulang" in reasons["pdf/uu-99-2030-bom.pdf"]
    with capsys.disabled():
        print(f"\ncold ingest of the real corpus with {len(hostile)} hostile files beside it: {seconds:.1f} s")
