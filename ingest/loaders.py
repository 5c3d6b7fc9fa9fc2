"""Read source files (PDF, Markdown, plain text) into raw text.

A file that cannot be read raises `LoadError` with a reason in Indonesian; the pipeline reports it by name
and carries on with the rest of the corpus.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

SUPPORTED = {".pdf", ".md", ".txt"}
# Files in the corpus folder that describe the corpus rather than being part of it.
IGNORED_NAMES = {"manifest.md", "readme.md", "readme.txt", "license", "license.md"}
MAX_TEXT_BYTES = 25 * 1024 * 1024
PAGE_BREAK = "\f"


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
    kind: str  # "pdf" | "md" | "txt"


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
                                  "(gunakan PDF, MD, atau TXT)"))
            continue
        files.append(path)
    return files, skipped


def file_hash(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def load(path: Path) -> SourceText:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise LoadError(f"jenis berkas '{suffix}' tidak didukung (gunakan PDF, MD, atau TXT)")
    size = path.stat().st_size
    if size == 0:
        raise LoadError("berkas kosong (0 byte)")
    digest = file_hash(path)
    if suffix == ".pdf":
        return SourceText(path, _read_pdf(path), digest, "pdf")
    if size > MAX_TEXT_BYTES:
        raise LoadError(f"berkas teks terlalu besar ({size / 1e6:.0f} MB; batas {MAX_TEXT_BYTES // 2**20} MB)")
    raw = path.read_bytes()
    if not _looks_textual(raw, path):
        raise LoadError("isi berkas bukan teks (mungkin berkas biner dengan ekstensi yang salah)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LoadError(
            f"berkas bukan teks UTF-8 (byte tidak valid di posisi {exc.start}); simpan ulang sebagai UTF-8"
        ) from exc
    if not text.strip():
        raise LoadError("berkas tidak berisi teks")
    return SourceText(path, text, digest, suffix.lstrip("."))


def _looks_textual(raw: bytes, path: Path) -> bool:
    head = raw[:4096]
    if head.startswith(b"%PDF"):
        raise LoadError("berkas ini adalah PDF dengan ekstensi yang salah; ubah ekstensinya menjadi .pdf")
    return b"\x00" not in head


def _read_pdf(path: Path) -> str:
    # Imported here: pypdf is only needed when a PDF is actually ingested.
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception as exc:  # pypdf raises several types for unsupported encryption
                raise LoadError("PDF terenkripsi dan tidak dapat dibuka tanpa kata sandi") from exc
            if not ok:
                raise LoadError("PDF terenkripsi dan tidak dapat dibuka tanpa kata sandi")
        pages = [(page.extract_text() or "") for page in reader.pages]
    except LoadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise LoadError(f"PDF rusak atau tidak lengkap ({type(exc).__name__}: {exc})") from exc
    if not pages:
        raise LoadError("PDF tidak memiliki halaman")
    if sum(len(p.strip()) for p in pages) < 40 * max(1, len(pages) // 4):
        raise LoadError(
            "PDF tidak memiliki lapisan teks (hasil pindaian/gambar); jalankan OCR terlebih dahulu"
        )
    return PAGE_BREAK.join(pages)
