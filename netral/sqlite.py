"""One way to open the project's SQLite files: autocommit (explicit BEGIN where needed), WAL, shared across
the web server's threads."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Literal


def open_db(path: Path, schema: str, synchronous: Literal["NORMAL", "FULL"] = "NORMAL") -> sqlite3.Connection:
    """`FULL` makes every committed transaction durable across a power cut, not only a process crash."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute(f"PRAGMA synchronous={synchronous}")
    db.executescript(schema)
    return db
