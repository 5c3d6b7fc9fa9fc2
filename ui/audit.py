"""The audit log of the JSON API: who (the key's name, never the key) asked what, when, and what they were told.

One row per call that passed the key check, written before the response leaves the server (a call whose
row cannot be written is answered 500 instead: an answer nobody can account for is not given). Every write is
its own committed transaction with `synchronous=FULL`, as for feedback. Rows older than
`NETRAL_AUDIT_RETENTION_DAYS` are deleted when the log is opened and then at most once an hour while it is
written to; the admin tab and `netral audit-export` export what is kept as CSV. The rows are in a SQLite file under
the data folder, or in the shared PostgreSQL database when NETRAL_DATABASE_URL is set (one log for every host).
"""

from __future__ import annotations

import csv
import json
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Float, Index, Integer, MetaData, Table, Text, func, select

from netral.database import Location, Tables
from netral.spreadsheet import safe_row

log = logging.getLogger(__name__)

METADATA = MetaData()
AUDIT = Table(
    "audit", METADATA,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created_at", Float, nullable=False),
    Column("key_name", Text, nullable=False),
    Column("client", Text, nullable=False),
    Column("endpoint", Text, nullable=False),
    Column("status", Integer, nullable=False),
    Column("question", Text, nullable=False),
    Column("verdict", Text, nullable=False),
    Column("cited", Text, nullable=False),
    Column("backend", Text, nullable=False),
    Column("elapsed_ms", Float, nullable=False),
    Index("audit_created_at", "created_at"),
    sqlite_autoincrement=True,
)
EXPORT_COLUMNS = ("id", "waktu", "kunci", "klien", "permintaan", "status", "pertanyaan", "putusan", "pasal_dikutip",
                  "backend", "ms")
DAY_S = 86_400.0
# Old rows are looked for at most this often while the log is written to.
PRUNE_EVERY_S = 3600.0


@dataclass(frozen=True)
class AuditEntry:
    """One API call as the audit log keeps it."""

    key_name: str
    endpoint: str  # "POST /jawab"
    status: int
    client: str = ""
    question: str = ""  # the question, search query, article id or rated question the call was about
    verdict: str = ""
    cited: Sequence[str] = ()  # article or provision ids the response named
    backend: str = ""
    elapsed_ms: float = 0.0


@dataclass(frozen=True)
class AuditRow:
    id: int
    created_at: float
    entry: AuditEntry

    @property
    def when(self) -> str:
        """ISO 8601 with the server's UTC offset: unambiguous when the file is read elsewhere."""
        return datetime.fromtimestamp(self.created_at).astimezone().isoformat(timespec="seconds")


class AuditLog:
    def __init__(self, location: Location, retention_days: int = 0, clock: Callable[[], float] = time.time):
        self.path = location
        self.retention_days = retention_days
        self._clock = clock
        self._t = Tables(location, METADATA, synchronous="FULL")
        self._last_prune = 0.0
        self.prune()

    def close(self) -> None:
        self._t.close()

    def record(self, entry: AuditEntry) -> int:
        """Write one call; returns its row id once it is on disk."""
        now = self._clock()
        if now - self._last_prune >= PRUNE_EVERY_S:
            self.prune()
        row = {"created_at": now, "key_name": entry.key_name, "client": entry.client, "endpoint": entry.endpoint,
               "status": entry.status, "question": entry.question, "verdict": entry.verdict,
               "cited": json.dumps(list(entry.cited), ensure_ascii=False), "backend": entry.backend,
               "elapsed_ms": round(entry.elapsed_ms, 1)}
        with self._t.write() as c:
            return int(c.execute(AUDIT.insert().values(row).returning(AUDIT.c.id)).scalar_one())

    def prune(self) -> int:
        """Delete the rows older than the retention period (none when it is 0); returns how many went."""
        now = self._clock()
        self._last_prune = now
        if self.retention_days <= 0:
            return 0
        with self._t.write() as c:
            gone = int(c.execute(AUDIT.delete().where(AUDIT.c.created_at < now - self.retention_days * DAY_S))
                       .rowcount or 0)
        if gone:
            log.info("audit log: %d rows older than %d days deleted", gone, self.retention_days)
        return gone

    def rows(self, limit: int | None = None) -> list[AuditRow]:
        """Newest first."""
        q = select(AUDIT).order_by(AUDIT.c.id.desc())
        if limit:
            q = q.limit(limit)
        with self._t.read() as c:
            raw = c.execute(q).all()
        return [AuditRow(r[0], r[1], AuditEntry(key_name=r[2], client=r[3], endpoint=r[4], status=r[5],
                                                question=r[6], verdict=r[7], cited=tuple(json.loads(r[8])),
                                                backend=r[9], elapsed_ms=r[10])) for r in raw]

    def count(self) -> int:
        with self._t.read() as c:
            return int(c.execute(select(func.count()).select_from(AUDIT)).scalar_one())

    def export_csv(self, dest: Path) -> int:
        """Every kept row, oldest first, as CSV for a spreadsheet (formula-like cells quoted); returns the count.
        Written to a temporary file that replaces `dest` at the end: an export that fails leaves no half file."""
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_name(f".{dest.name}.tmp")
        rows = list(reversed(self.rows()))
        try:
            with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
                w = csv.writer(fh)
                w.writerow(EXPORT_COLUMNS)
                for r in rows:
                    w.writerow(safe_row(export_row(r)))
            tmp.replace(dest)
        finally:
            tmp.unlink(missing_ok=True)
        return len(rows)


def export_row(r: AuditRow) -> list[Any]:
    e = r.entry
    return [r.id, r.when, e.key_name, e.client, e.endpoint, e.status, e.question, e.verdict, "; ".join(e.cited),
            e.backend, e.elapsed_ms]
