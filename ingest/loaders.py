"""Read source files (PDF, Word .docx, Markdown, plain text) into raw text.

A file that cannot be read raises `LoadError` with a reason in Indonesian; the pipeline reports it by name
and carries on with the rest of the corpus.
"""

from __future__ import annotations

import codecs
import hashlib
import logging
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ingest.ocr import OcrOptions, OcrUnavailable, PageProgress, read_pages, summarise
from netral.records import OcrSummary

log = logging.getLogger(__name__)

SUPPORTED = {".pdf", ".docx", ".md", ".txt"}
FORMATS_TEXT = "PDF, DOCX, MD, atau TXT"
# Files in the corpus folder that describe the corpus rather than being part of it.
IGNORED_NAMES = {"manifest.md", "readme.md", "readme.txt", "license", "license.md"}
MAX_TEXT_BYTES = 25 * 1024 * 1024
# A .docx is a zip archive: what it would unpack to is checked before it is opened (a small file can unpack to
# gigabytes). Circulars and regulations are well under a megabyte of XML.
MAX_DOCX_UNPACKED_BYTES = 200 * 1024 * 1024
PAGE_BREAK = "\f"
# A PDF page with less text than this in its text layer is a scan (or a scanned page in a typed PDF): it is
# read by OCR when OCR is on. Real text pages, even a lone "Pasal 12" catchword page, carry more.
MIN_TEXT_LAYER_CHARS = 20


class LoadError(Exception):
    """A source file that cannot be used; `reason` is shown to users."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class SourceText:
    path: Path
    text: str  # pages separated by PAGE_BREAK for PDFs
    content_hash: str
    kind: str  # "pdf" | "docx" | "md" | "txt"
    ocr: OcrSummary | None = None  # pages read by OCR, for a PDF with scanned pages


def discover(corpus_dir: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    """All candidate files below `corpus_dir`, sorted; and the ones skipped with a reason."""
    files: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    for path in sorted(p for p in corpus_dir.rglob("*") if p.is_file()):
        if any(part.startswith(".") for part in path.relative_to(corpus_dir).parts):
            continue
        if path.name.lower() in IGNORED_NAMES:
            continue
        if path.suffix.lower() not in SUPPORTED:
            skipped.append((path, f"jenis berkas '{path.suffix or '(tanpa ekstensi)'}' tidak didukung "
                                  f"(gunakan {FORMATS_TEXT})"))
            continue
        files.append(path)
    return files, skipped


def file_hash(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def load(path: Path, max_pages: int = 2000, ocr: OcrOptions | None = None,
         on_page: PageProgress | None = None) -> SourceText:
    """The text of `path`; LoadError when it cannot be used (a PDF with more than `max_pages` pages included).
    Scanned PDF pages are read by OCR when `ocr` is given (`on_page` hears of each page read).
    The ingest calls this in a child process with a time and memory budget (ingest/isolation.py)."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise LoadError(f"jenis berkas '{suffix}' tidak didukung (gunakan {FORMATS_TEXT})")
    size = path.stat().st_size
    if size == 0:
        raise LoadError("berkas kosong (0 byte)")
    digest = file_hash(path)
    if suffix == ".pdf":
        text, summary = _read_pdf(path, max_pages, digest, ocr, on_page)
        return SourceText(path, text, digest, "pdf", summary)
    if suffix == ".docx":
        return SourceText(path, _read_docx(path), digest, "docx")
    if size > MAX_TEXT_BYTES:
        raise LoadError(f"berkas teks terlalu besar ({size / 1e6:.0f} MB; batas {MAX_TEXT_BYTES // 2**20} MB)")
    text = _decode(path.read_bytes(), path)
    if not text.strip():
        raise LoadError("berkas tidak berisi teks")
    return SourceText(path, text, digest, suffix.lstrip("."))


def check_docx_archive(path: Path, max_unpacked: int = MAX_DOCX_UNPACKED_BYTES) -> None:
    """LoadError unless `path` is a zip archive holding a Word document that unpacks to at most `max_unpacked`
    bytes (checked from the archive's directory, before anything is unpacked)."""
    try:
        with zipfile.ZipFile(path) as zf:
            unpacked = sum(i.file_size for i in zf.infolist())
            if "word/document.xml" not in zf.namelist():
                raise LoadError("berkas .docx tidak berisi dokumen Word (word/document.xml tidak ada)")
    except zipfile.BadZipFile as exc:
        raise LoadError("berkas .docx rusak atau bukan dokumen Word (bukan arsip ZIP yang sah)") from exc
    if unpacked > max_unpacked:
        raise LoadError(f"berkas .docx terlalu besar setelah dibuka ({unpacked / 1e6:.0f} MB; batas "
                        f"{max_unpacked // 2**20} MB)")


def docx_lines(element: Any) -> list[str]:
    """The paragraphs under a Word XML element (a document body, a page header) in order, table cells included;
    one paragraph a line."""
    lines: list[str] = []
    for block in element.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append("".join(t.text or "" for t in block.iter() if t.tag.endswith("}t")))
        elif tag == "tbl":
            for cell in block.iter():
                if cell.tag.endswith("}p"):
                    lines.append("".join(t.text or "" for t in cell.iter() if t.tag.endswith("}t")))
    return [line.strip() for line in lines]


def _read_docx(path: Path) -> str:
    """The paragraphs of a Word document in order, table cells included (circulars often set their lists in
    tables); one paragraph a line, as the structure parser expects of plain text."""
    check_docx_archive(path)
    import docx  # python-docx; imported here so that reading other formats does not load it

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors… for a damaged file
        raise LoadError(f"berkas .docx tidak dapat dibaca ({type(exc).__name__})") from exc
    text = "\n".join(docx_lines(document.element.body))
    if not text.strip():
        raise LoadError("berkas .docx tidak berisi teks (mungkin hanya gambar hasil pindaian)")
    return text


def _decode(raw: bytes, path: Path) -> str:
    """UTF-8 (with or without BOM), or UTF-16 with its BOM (what Windows Notepad calls "Unicode")."""
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if raw.startswith(bom):
            try:
                return raw[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                raise LoadError(f"berkas UTF-16 rusak (byte tidak valid di posisi {exc.start})") from exc
    if not _looks_textual(raw, path):
        raise LoadError("isi berkas bukan teks (mungkin berkas biner dengan ekstensi yang salah)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LoadError(
            f"berkas bukan teks UTF-8 (byte tidak valid di posisi {exc.start}); simpan ulang sebagai UTF-8"
        ) from exc


def _looks_textual(raw: bytes, path: Path) -> bool:
    head = raw[:4096]
    if head.startswith(b"%PDF"):
        raise LoadError("berkas ini adalah PDF dengan ekstensi yang salah; ubah ekstensinya menjadi .pdf")
    return b"\x00" not in head


def _read_pdf(path: Path, max_pages: int, digest: str, ocr: OcrOptions | None,
              on_page: PageProgress | None) -> tuple[str, OcrSummary | None]:
    # Imported here: pypdf is only needed when a PDF is actually ingested.
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError

    try:
        reader = PdfReader(str(path))
        _decrypt(reader)
        n_pages = len(reader.pages)
        if n_pages > max_pages:
            raise LoadError(f"PDF memiliki {_count(n_pages)} halaman, melebihi batas {_count(max_pages)} halaman per "
                            "berkas (NETRAL_INGEST_MAX_PAGES)")
        pages = [(page.extract_text() or "") for page in reader.pages[:max_pages]]
    except LoadError:
        raise
    except LimitReachedError as exc:
        raise LoadError(f"PDF melampaui batas aman pembaca PDF ({str(exc)[:200]}); kemungkinan berkas jebakan, "
                        "misalnya data termampat yang mengembang sangat besar") from exc
    except RecursionError as exc:
        raise LoadError("struktur PDF bersarang terlalu dalam untuk dibaca") from exc
    except MemoryError:
        raise  # the reader's memory budget, reported as such by ingest/isolation.py
    except Exception as exc:  # pypdf raises many types on damaged files (PdfReadError, ValueError, KeyError …)
        raise LoadError(f"PDF rusak atau tidak lengkap ({type(exc).__name__}: {str(exc)[:200]})") from exc
    if not pages:
        raise LoadError("PDF tidak memiliki halaman")
    summary = _read_scanned(path, digest, pages, ocr, on_page) if ocr is not None else None
    if sum(len(p.strip()) for p in pages) < 40 * max(1, len(pages) // 4):
        raise LoadError(
            "PDF tidak memiliki lapisan teks (hasil pindaian/gambar) dan OCR tidak menghasilkan teks"
            if summary else
            "PDF tidak memiliki lapisan teks (hasil pindaian/gambar) dan OCR dimatikan; aktifkan dengan "
            "NETRAL_OCR=1"
        )
    text = PAGE_BREAK.join(pages)
    if len(text) > MAX_TEXT_BYTES:
        raise LoadError(f"teks PDF terlalu besar ({len(text) / 1e6:.0f} juta karakter; batas "
                        f"{MAX_TEXT_BYTES // 2**20} juta)")
    return text, summary


def _read_scanned(path: Path, digest: str, pages: list[str], ocr: OcrOptions,
                  on_page: PageProgress | None) -> OcrSummary | None:
    """Replace the text of pages without a text layer by their OCR reading, in place; None if there were none."""
    scanned = [k for k, p in enumerate(pages, start=1) if len(p.strip()) < MIN_TEXT_LAYER_CHARS]
    if not scanned:
        return None
    try:
        read = read_pages(path, digest, scanned, ocr, on_page)
    except OcrUnavailable as exc:
        raise LoadError(f"PDF berisi halaman hasil pindaian, tetapi {exc}") from exc
    except MemoryError:
        raise
    except Exception as exc:  # pdfium or Tesseract failing on a damaged page image
        raise LoadError(f"OCR halaman pindaian gagal ({type(exc).__name__}: {str(exc)[:200]})") from exc
    for page in read:
        pages[page.number - 1] = page.text
    return summarise(read, ocr.low_confidence)


def _count(n: int) -> str:
    """20000 as Indonesian writes it: 20.000."""
    return f"{n:,}".replace(",", ".")


def _decrypt(reader: object) -> None:
    if not getattr(reader, "is_encrypted", False):
        return
    try:
        ok = reader.decrypt("")  # type: ignore[attr-defined]
    except Exception as exc:  # pypdf raises several types for unsupported encryption
        raise LoadError("PDF terenkripsi dan tidak dapat dibuka tanpa kata sandi") from exc
    if not ok:
        raise LoadError("PDF terenkripsi dan tidak dapat dibuka tanpa kata sandi")
