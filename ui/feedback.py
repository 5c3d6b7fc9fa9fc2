"""Durable feedback on answers (thumbs up/down and an optional comment) in SQLite.

Every write is its own committed transaction with `synchronous=FULL`, so a row the user was told was saved
survives a killed server or a power cut. The store is opened per call site, not at import.
"""

from __future__ import annotations

import csv
import json
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from netral.records import Answer
from netral.spreadsheet import safe_row
from netral.sqlite import open_db

SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at REAL NOT NULL,
    rating INTEGER NOT NULL CHECK (rating IN (-1, 1)),
    comment TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    verdict TEXT NOT NULL,
    citations TEXT NOT NULL,
    backend TEXT NOT NULL,
    mode TEXT NOT NULL
);
"""
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
    def __init__(self, path: Path):
        self.path = path
        self._lock = threading.Lock()
        self._db = open_db(path, SCHEMA, synchronous="FULL")

    def close(self) -> None:
        self._db.close()

    def add(self, answer: Answer, rating: int, comment: str = "", mode: str = "chat") -> int:
        """Save one judgement of `answer`; returns its row id once it is on disk."""
        if rating not in (-1, 1):
            raise ValueError("rating must be 1 (membantu) or -1 (kurang tepat)")
        cites = json.dumps([c.label for c in answer.citations], ensure_ascii=False)
        row = (time.time(), rating, (comment or "").strip()[:MAX_COMMENT_CHARS], answer.question, answer.answer,
               answer.verdict, cites, answer.backend, mode)
        with self._lock:
            cur = self._db.execute(
                "INSERT INTO feedback(created_at, rating, comment, question, answer, verdict, citations, backend, "
                "mode) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", row)
        return int(cur.lastrowid or 0)

    def update(self, row_id: int, rating: int, comment: str = "") -> None:
        """Replace the judgement stored as `row_id` (the same user changing their mind about the same answer)."""
        if rating not in (-1, 1):
            raise ValueError("rating must be 1 (membantu) or -1 (kurang tepat)")
        with self._lock:
            self._db.execute("UPDATE feedback SET rating=?, comment=?, created_at=? WHERE id=?",
                             (rating, (comment or "").strip()[:MAX_COMMENT_CHARS], time.time(), row_id))

    def rows(self, limit: int | None = None) -> list[FeedbackRow]:
        sql = "SELECT * FROM feedback ORDER BY id DESC" + (" LIMIT ?" if limit else "")
        with self._lock:
            raw = self._db.execute(sql, (limit,) if limit else ()).fetchall()
        return [FeedbackRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], json.loads(r[7]), r[8], r[9]) for r in raw]

    def count(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM feedback").fetchone()[0])

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
