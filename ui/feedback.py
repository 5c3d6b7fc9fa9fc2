"""Durable feedback on answers (thumbs up/down and an optional comment): a SQLite file under the data folder, or
the shared PostgreSQL database when NETRAL_DATABASE_URL is set (then every host sees and exports every row).

Every write is its own committed transaction (SQLite with `synchronous=FULL`), so a row the user was told was
saved survives a killed server or a power cut. The store is opened per call site, not at import.
"""

from __future__ import annotations

import csv
import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import CheckConstraint, Column, Float, Integer, MetaData, Table, Text, func, select

from netral.database import Location, Tables
from netral.records import Answer
from netral.spreadsheet import safe_row

METADATA = MetaData()
FEEDBACK = Table(
    "feedback", METADATA,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created_at", Float, nullable=False),
    Column("rating", Integer, CheckConstraint("rating IN (-1, 1)"), nullable=False),
    Column("comment", Text, nullable=False),
    Column("question", Text, nullable=False),
    Column("answer", Text, nullable=False),
    Column("verdict", Text, nullable=False),
    Column("citations", Text, nullable=False),
    Column("backend", Text, nullable=False),
    Column("mode", Text, nullable=False),
    sqlite_autoincrement=True,
)
MAX_COMMENT_CHARS = 2000
EXPORT_COLUMNS = ("id", "waktu", "penilaian", "komentar", "pertanyaan", "jawaban", "putusan", "sitasi", "backend",
                  "mode")


@dataclass(frozen=True)
class FeedbackRow:
    id: int
    created_at: float
    rating: int
    comment: str
    question: str
    answer: str
    verdict: str
    citations: list[str]
    backend: str
    mode: str

    @property
    def when(self) -> str:
        return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(self.created_at))


class FeedbackStore:
    def __init__(self, location: Location):
        self.path = location
        self._t = Tables(location, METADATA, synchronous="FULL")

    def close(self) -> None:
        self._t.close()

    def add(self, answer: Answer, rating: int, comment: str = "", mode: str = "chat") -> int:
        """Save one judgement of `answer`; returns its row id once it is on disk."""
        if rating not in (-1, 1):
            raise ValueError("rating must be 1 (membantu) or -1 (kurang tepat)")
        cites = json.dumps([c.label for c in answer.citations], ensure_ascii=False)
        row = {"created_at": time.time(), "rating": rating, "comment": (comment or "").strip()[:MAX_COMMENT_CHARS],
               "question": answer.question, "answer": answer.answer, "verdict": answer.verdict, "citations": cites,
               "backend": answer.backend, "mode": mode}
        with self._t.write() as c:
            return int(c.execute(FEEDBACK.insert().values(row).returning(FEEDBACK.c.id)).scalar_one())

    def update(self, row_id: int, rating: int, comment: str = "") -> None:
        """Replace the judgement stored as `row_id` (the same user changing their mind about the same answer)."""
        if rating not in (-1, 1):
            raise ValueError("rating must be 1 (membantu) or -1 (kurang tepat)")
        with self._t.write() as c:
            c.execute(FEEDBACK.update().where(FEEDBACK.c.id == row_id).values(
                rating=rating, comment=(comment or "").strip()[:MAX_COMMENT_CHARS], created_at=time.time()))

    def rows(self, limit: int | None = None) -> list[FeedbackRow]:
        q = select(FEEDBACK).order_by(FEEDBACK.c.id.desc())
        if limit:
            q = q.limit(limit)
        with self._t.read() as c:
            raw = c.execute(q).all()
        return [FeedbackRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], json.loads(r[7]), r[8], r[9]) for r in raw]

    def count(self) -> int:
        with self._t.read() as c:
            return int(c.execute(select(func.count()).select_from(FEEDBACK)).scalar_one())

    def export_csv(self, dest: Path) -> Path:
        dest.parent.mkdir(parents=True, exist_ok=True)
        with dest.open("w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(EXPORT_COLUMNS)
            for r in self.rows():
                w.writerow(safe_row(table_row(r, full=True)))
        return dest


def table_row(r: FeedbackRow, full: bool = False) -> list[Any]:
    """One row for the admin table (texts shortened) or the CSV export (`full`)."""
    def cut(text: str, n: int) -> str:
        return text if full or len(text) <= n else text[:n] + " …"

    return [r.id, r.when, "membantu" if r.rating > 0 else "kurang tepat", cut(r.comment, 200),
            cut(r.question, 200), cut(r.answer, 300), r.verdict, "; ".join(r.citations), r.backend, r.mode]
