"""The letterhead (kop surat) template: a Word file the admin uploads, checked, stored in the data folder, and
read back for the letters built on it.

The check happens before the file replaces the stored one, and the replacement is atomic: a letter exported at
the same moment is built on the old template or the new one, never on half a file.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from ingest.loaders import LoadError, check_docx_archive, docx_lines

# What a letterhead may unpack to: its XML and a logo or two, far below what a regulation may.
MAX_UNPACKED_BYTES = 50 * 1024 * 1024


class LetterheadRejected(ValueError):
    """An upload that cannot serve as a letterhead (message in Indonesian, for the page)."""


def check_letterhead(path: Path, max_bytes: int) -> None:
    """LetterheadRejected unless `path` is a Word document (.docx) of at most `max_bytes` that opens."""
    name = Path(path).name
    if path.suffix.lower() != ".docx":
        raise LetterheadRejected(f"'{name}': kop surat harus berupa dokumen Word (.docx)")
    size = path.stat().st_size
    if size == 0:
        raise LetterheadRejected(f"'{name}': berkas kosong")
    if size > max_bytes:
        raise LetterheadRejected(f"'{name}': lebih besar dari {max_bytes / 2**20:.0f} MB")
    try:
        check_docx_archive(path, MAX_UNPACKED_BYTES)
    except LoadError as exc:
        raise LetterheadRejected(f"'{name}': {exc.reason}") from exc
    import docx

    try:
        docx.Document(str(path))
    except Exception as exc:  # a damaged part, or another kind of Office file (a macro document) renamed .docx
        raise LetterheadRejected(f"'{name}': berkas .docx tidak dapat dibuka sebagai dokumen Word "
                                 f"({type(exc).__name__})") from exc


def store_letterhead(src: Path, dest: Path) -> None:
    """Copy a checked template to `dest`, replacing the previous one atomically."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(dest.name + ".baru")
    shutil.copyfile(src, partial)
    os.replace(partial, dest)


def letterhead_lines(path: Path) -> list[str]:
    """The text of a template's first page: its first-page (or default) header, then its body; for the PDF,
    which sets this text where the .docx keeps the template itself."""
    import docx

    document = docx.Document(str(path))
    lines: list[str] = []
    if document.sections:
        section = document.sections[0]
        header = section.first_page_header if section.different_first_page_header_footer else section.header
        if not header.is_linked_to_previous:
            lines += docx_lines(header._element)
    lines += docx_lines(document.element.body)
    return [line for line in lines if line]
