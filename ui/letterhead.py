"""The letterhead (kop surat) template: a Word file the admin uploads, checked, kept in the store (its SQLite file
under the data folder, or the shared PostgreSQL database, so that every host builds letters on the one the admin
uploaded on any of them), and copied to a local file for the letters built on it.

The check happens before the file replaces the stored one, and every replacement is atomic: a letter exported at
the same moment is built on the old template or the new one, never on half a file.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from sqlalchemy import Column, Float, Integer, LargeBinary, MetaData, Table, Text, delete, insert, select

from ingest.loaders import LoadError, check_docx_archive, docx_lines
from netral.config import Settings
from netral.database import Location, Tables

METADATA = MetaData()
# One row at most: the template in use.
LETTERHEAD = Table(
    "letterhead", METADATA,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("uploaded_at", Float, nullable=False),
    Column("content", LargeBinary, nullable=False),
)

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


class LetterheadStore:
    """The template in the store, and its local copy at `cache` (python-docx reads a file)."""

    def __init__(self, location: Location, cache: Path):
        self.cache = cache
        self._t = Tables(location, METADATA)

    @classmethod
    def open(cls, settings: Settings) -> LetterheadStore:
        return cls(settings.letterhead_db, settings.letterhead_path)

    def close(self) -> None:
        self._t.close()

    def __enter__(self) -> LetterheadStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def put(self, src: Path) -> None:
        """Keep a checked template in place of the previous one."""
        content = Path(src).read_bytes()
        with self._t.write() as c:
            c.execute(delete(LETTERHEAD))
            c.execute(insert(LETTERHEAD).values(id=1, name=Path(src).name, uploaded_at=time.time(), content=content))
        self._write_cache(content)

    def remove(self) -> bool:
        """Delete the template (letters go back to the plain header); False if there was none."""
        with self._t.write() as c:
            removed = c.execute(delete(LETTERHEAD)).rowcount
        self.cache.unlink(missing_ok=True)
        return bool(removed)

    def uploaded_at(self) -> float | None:
        with self._t.read() as c:
            return c.execute(select(LETTERHEAD.c.uploaded_at)).scalar_one_or_none()

    def local_copy(self) -> Path | None:
        """The template as a local file, brought up to date with the store (another host may have replaced it);
        None when there is none."""
        with self._t.read() as c:
            content = c.execute(select(LETTERHEAD.c.content)).scalar_one_or_none()
        if content is None:
            self.cache.unlink(missing_ok=True)
            return None
        if not self.cache.is_file() or self.cache.read_bytes() != content:
            self._write_cache(content)
        return self.cache

    def _write_cache(self, content: bytes) -> None:
        self.cache.parent.mkdir(parents=True, exist_ok=True)
        partial = self.cache.with_name(f"{self.cache.name}.{os.getpid()}.baru")
        partial.write_bytes(content)
        os.replace(partial, self.cache)


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
