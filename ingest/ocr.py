"""Read PDF pages that have no text layer (scans) with Tesseract and its Indonesian model.

A page is rendered with pdfium at `dpi` and read by Tesseract (Debian's `tesseract-ocr` + `tesseract-ocr-ind`,
through pytesseract). Each page's text and mean word confidence are cached under `cache_dir`, keyed by the
file's content hash, the page and the settings, so a re-ingest (or `--rebuild`) never reads the same scan again.
The text then goes through the same cleaning and structure parsing as any other text.

This runs inside the ingest's child process (ingest/isolation.py), within its memory budget; progress is
reported per page so the parent's time budget counts from the last page read, not from the start.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from netral.records import OcrSummary

# Bump when what a page's cached text means changes (rendering, Tesseract options, text assembly).
CACHE_VERSION = "1"
# Tesseract's page segmentation "fully automatic, no OSD": regulation pages are single- or two-column text.
TESSERACT_CONFIG = "--psm 3"


class OcrUnavailable(RuntimeError):
    """Tesseract or its language model is not installed; the message says how to install it (Indonesian)."""


@dataclass(frozen=True)
class OcrOptions:
    cache_dir: Path | None
    lang: str = "ind"
    dpi: int = 300
    low_confidence: float = 70.0  # pages whose mean word confidence is below this are named in the report


@dataclass(frozen=True)
class OcrPage:
    number: int  # 1-based page number in the PDF
    text: str
    confidence: float  # mean word confidence, 0 … 100


PageProgress = Callable[[int, int], None]  # (pages read so far, pages to read)


def summarise(pages: list[OcrPage], low: float) -> OcrSummary:
    conf = sum(p.confidence for p in pages) / len(pages) if pages else 0.0
    return OcrSummary(tuple(p.number for p in pages), conf, tuple(p.number for p in pages if p.confidence < low))


def check_available(lang: str) -> None:
    """Raise OcrUnavailable unless the tesseract binary and the `lang` model are installed."""
    if shutil.which("tesseract") is None:
        raise OcrUnavailable("OCR belum terpasang: pasang paket tesseract-ocr dan tesseract-ocr-ind "
                             "(`make ocr`, atau apt-get install tesseract-ocr tesseract-ocr-ind)")
    import pytesseract

    if lang not in pytesseract.get_languages(config=""):
        raise OcrUnavailable(f"model bahasa OCR '{lang}' belum terpasang: pasang paket tesseract-ocr-{lang}")


def read_pages(pdf: Path, content_hash: str, numbers: list[int], options: OcrOptions,
               progress: PageProgress | None = None) -> list[OcrPage]:
    """OCR of the given 1-based pages of `pdf`, from the cache when they were read before."""
    check_available(options.lang)
    import pypdfium2

    out: list[OcrPage] = []
    doc = pypdfium2.PdfDocument(str(pdf))
    try:
        for k, number in enumerate(numbers, start=1):
            key = _cache_key(content_hash, number, options)
            page = _cached(options.cache_dir, key)
            if page is None:
                bitmap = doc[number - 1].render(scale=options.dpi / 72, grayscale=True)
                page = read_image(bitmap.to_pil(), number, options.lang)
                _store(options.cache_dir, key, page)
            out.append(page)
            if progress is not None:
                progress(k, len(numbers))
    finally:
        doc.close()
    return out


def read_image(image: Any, number: int, lang: str) -> OcrPage:
    """Text and mean confidence of one page image; words are put back into Tesseract's lines and paragraphs."""
    import pytesseract

    data = pytesseract.image_to_data(image, lang=lang, config=TESSERACT_CONFIG,
                                     output_type=pytesseract.Output.DICT)
    lines: dict[tuple[int, int, int], list[str]] = {}
    confidences: list[float] = []
    for word, conf, block, par, line in zip(data["text"], data["conf"], data["block_num"], data["par_num"],
                                            data["line_num"], strict=True):
        if not str(word).strip():
            continue
        lines.setdefault((block, par, line), []).append(str(word))
        if float(conf) >= 0:
            confidences.append(float(conf))
    text_lines: list[str] = []
    last_par: tuple[int, int] | None = None
    for (block, par, _line), words in lines.items():
        if last_par is not None and (block, par) != last_par:
            text_lines.append("")  # a blank line between paragraphs, as in the text files
        line_text = tidy_line(" ".join(words))
        if not line_text:
            continue
        text_lines.append(line_text)
        last_par = (block, par)
    mean = sum(confidences) / len(confidences) if confidences else 0.0
    return OcrPage(number, "\n".join(text_lines), mean)


# What Tesseract makes of specks and the page edge around a line: a quote or bar before a list marker
# ("'a. menghadiri"), a lone dot or bar after the last word ("Pasal 2 .", "partai, ."), a list letter read twice
# ("Cc. menggunakan"). Removing them lets the structure parser see the markers it looks for.
_JUNK = "\\'‘’“”„`\"|—–_"
_LEADING_JUNK = re.compile(rf"^[{_JUNK},.:;]+\s*(?=\S)")
_TRAILING_JUNK = re.compile(rf"(?<=\S)(?:\s+[{_JUNK}.]+)+$")
_ONLY_JUNK = re.compile(rf"^[{_JUNK},.:;\s]*$")
_DOUBLED_LETTER = re.compile(r"^([A-Z])([a-z])\.(?=\s)")
# "Pasal 4:" — a speck read as punctuation after a heading standing alone on its line.
_HEADING_PUNCT = re.compile(r"^((?:Pasal|PASAL|BAB)\s+\S+)\s*[:.;,]$")


def tidy_line(line: str) -> str:
    if _ONLY_JUNK.match(line):
        return ""
    line = _TRAILING_JUNK.sub("", _LEADING_JUNK.sub("", line.strip()))
    line = _HEADING_PUNCT.sub(r"\1", line)
    m = _DOUBLED_LETTER.match(line)
    if m and m.group(1).lower() == m.group(2):
        line = f"{m.group(2)}.{line[m.end():]}"
    return line


def _cache_key(content_hash: str, number: int, options: OcrOptions) -> str:
    raw = f"{CACHE_VERSION}|{content_hash}|{number}|{options.dpi}|{options.lang}|{TESSERACT_CONFIG}"
    return hashlib.sha256(raw.encode()).hexdigest()


def _cached(cache_dir: Path | None, key: str) -> OcrPage | None:
    if cache_dir is None:
        return None
    path = cache_dir / f"{key}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return OcrPage(int(data["number"]), str(data["text"]), float(data["confidence"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None  # absent or damaged: read the page again


def _store(cache_dir: Path | None, key: str, page: OcrPage) -> None:
    if cache_dir is None:
        return
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = cache_dir / f"{key}.tmp"
    tmp.write_text(json.dumps({"number": page.number, "text": page.text, "confidence": page.confidence}),
                   encoding="utf-8")
    tmp.replace(cache_dir / f"{key}.json")
