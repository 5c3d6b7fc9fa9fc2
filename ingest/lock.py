"""One ingest at a time per index, across processes (the CLI, the admin tab, other web workers) and, when the
index is in the shared database, across hosts."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import text

from netral.database import dedicated_connection, engine_for

LOCK_FILE = "ingest.lock"
# The PostgreSQL advisory lock of an ingest ("ntrl"). Below 2**32, so pg_locks shows it as classid 0, objid KEY.
INGEST_LOCK_KEY = 0x6E74_726C
BUSY = ("pengindeksan lain sedang berjalan pada indeks ini (dari perintah `netral ingest` atau tab admin, "
        "di server ini atau server lain); tunggu sampai selesai, lalu ulangi")


class IngestBusy(RuntimeError):
    """Another ingest (the CLI, the admin tab, another web worker or host) is writing this index right now."""


@contextmanager
def ingest_lock(index_dir: Path, database_url: str = "") -> Iterator[None]:
    """One ingest at a time per index. With a database URL, a PostgreSQL advisory lock held by a connection of
    its own: the server releases it when that session ends, even when the ingest is killed or its host is lost.
    Otherwise an advisory lock on a file in the index folder, which the kernel releases when its holder exits,
    even by SIGKILL. Either way no stale lock is ever left."""
    if database_url:
        with _database_lock(database_url):
            yield
        return
    index_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(index_dir / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise IngestBusy(BUSY) from exc
        yield
    finally:
        os.close(fd)  # releases the lock


@contextmanager
def _database_lock(database_url: str) -> Iterator[None]:
    engine, conn = dedicated_connection(database_url)
    try:
        if not conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": INGEST_LOCK_KEY}).scalar():
            raise IngestBusy(BUSY)
        try:
            yield
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": INGEST_LOCK_KEY})
    finally:
        conn.close()  # ends the session: the lock goes with it even if the unlock above failed
        engine.dispose()


# Whether any session of this database holds the ingest lock; reading pg_locks takes no lock itself, so asking
# never makes an ingest that starts at that moment fail.
_HELD = text(
    "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = 0 "
    "AND objid = :k AND objsubid = 1 AND database = (SELECT oid FROM pg_database WHERE datname = current_database()))"
)


def ingest_running(index_dir: Path, database_url: str = "") -> bool:
    """Whether some process holds the ingest lock of this index (on any host, with a database URL)."""
    if database_url:
        with engine_for(database_url, reads=True).connect() as conn:
            return bool(conn.execute(_HELD, {"k": INGEST_LOCK_KEY}).scalar())
    path = index_dir / LOCK_FILE
    if not path.exists():
        return False
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        return False
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
