"""Documents uploaded in the admin tab, shared by every host through the database (NETRAL_DATABASE_URL).

On one host the uploads folder (`Settings.upload_dir`) is where uploads live, as it always was. With a shared
database a document uploaded on host A must be read by an ingest on host B too, and B's ingest must not remove it
from the index as a file that is gone: so each upload is also kept in the database, and before every ingest a host
brings its uploads folder in line with it (`sync_uploads`). A document the admin removed or set aside stays in
the table as a tombstone, so that every host deletes its copy; files that an operator put into the folder by hand
are left alone.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Column, Float, LargeBinary, MetaData, Table, Text, select, update

from netral.config import Settings
from netral.database import Location, Tables

log = logging.getLogger(__name__)

METADATA = MetaData()
UPLOADS = Table(
    "upload", METADATA,
    Column("name", Text, primary_key=True),
    Column("sha256", Text, nullable=False),
    Column("uploaded_at", Float, nullable=False),
    Column("content", LargeBinary, nullable=False),  # empty for a removed upload
    Column("removed_at", Float, nullable=True),
)


@dataclass(frozen=True)
class SyncReport:
    written: tuple[str, ...]
    deleted: tuple[str, ...]


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class UploadStore:
    def __init__(self, location: Location):
        self._t = Tables(location, METADATA, synchronous="FULL")

    def close(self) -> None:
        self._t.close()

    def __enter__(self) -> UploadStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def put(self, path: Path) -> None:
        """Keep (or replace) the upload named like `path`."""
        data = path.read_bytes()
        row = {"sha256": _sha256(data), "uploaded_at": time.time(), "content": data, "removed_at": None}
        with self._t.write() as db:
            if db.execute(update(UPLOADS).where(UPLOADS.c.name == path.name).values(row)).rowcount == 0:
                db.execute(UPLOADS.insert().values(name=path.name, **row))

    def remove(self, name: str) -> None:
        """The upload is gone for every host (its content dropped, its name kept as a tombstone)."""
        with self._t.write() as db:
            db.execute(update(UPLOADS).where(UPLOADS.c.name == name).values(content=b"", removed_at=time.time()))

    def present(self) -> dict[str, str]:
        """name -> sha256 of every upload in force."""
        q = select(UPLOADS.c.name, UPLOADS.c.sha256).where(UPLOADS.c.removed_at.is_(None))
        with self._t.read() as db:
            return {r[0]: r[1] for r in db.execute(q)}

    def sync_to(self, folder: Path) -> SyncReport:
        """Write every upload the folder lacks or holds in another version; delete the folder's copies of removed
        uploads. Each file is replaced atomically: a reader sees the old or the new document, never half."""
        folder.mkdir(parents=True, exist_ok=True)
        with self._t.read() as db:
            rows = db.execute(select(UPLOADS.c.name, UPLOADS.c.sha256, UPLOADS.c.removed_at)).all()
        written, deleted = [], []
        for name, sha, removed_at in rows:
            if Path(name).name != name:  # never outside the folder, whatever a row says
                log.warning("upload row %r ignored: not a plain file name", name)
                continue
            local = folder / name
            if removed_at is not None:
                if local.is_file():
                    local.unlink()
                    deleted.append(name)
                continue
            if local.is_file() and _sha256(local.read_bytes()) == sha:
                continue
            with self._t.read() as db:
                data = db.execute(select(UPLOADS.c.content).where(UPLOADS.c.name == name)).scalar_one()
            tmp = folder / f".{name}.{os.getpid()}.tmp"
            tmp.write_bytes(data)
            os.replace(tmp, local)
            written.append(name)
        return SyncReport(tuple(written), tuple(deleted))


def shared_uploads(settings: Settings) -> UploadStore | None:
    """The uploads table when hosts share a database; None on one host (the folder alone holds the uploads)."""
    return UploadStore(settings.database_url) if settings.database_url else None


def sync_uploads(settings: Settings, folder: Path) -> SyncReport | None:
    """Before an ingest: this host's uploads folder as the shared database says it is (nothing on one host)."""
    store = shared_uploads(settings)
    if store is None:
        return None
    with store:
        report = store.sync_to(folder)
    if report.written or report.deleted:
        log.info("uploads from the shared database: %d written, %d deleted", len(report.written),
                 len(report.deleted))
    return report
