"""One ingest at a time per index folder, across processes (the CLI, the admin tab, other web workers)."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_FILE = "ingest.lock"


class IngestBusy(RuntimeError):
    """Another ingest (the CLI, the admin tab, another web worker) is writing this index right now."""


@contextmanager
def ingest_lock(index_dir: Path) -> Iterator[None]:
    """One ingest at a time per index folder, across processes. An advisory lock on a file in the index
    folder: the kernel releases it when its holder exits, even by SIGKILL, so no stale lock is ever left."""
    index_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(index_dir / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise IngestBusy(
                "pengindeksan lain sedang berjalan pada indeks ini (dari perintah `netral ingest` atau tab "
                "admin); tunggu sampai selesai, lalu ulangi"
            ) from exc
        yield
    finally:
        os.close(fd)  # releases the lock


def ingest_running(index_dir: Path) -> bool:
    """Whether some process holds the ingest lock of this index folder."""
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


