"""Durable feedback on answers (thumbs up/down, a reason and an optional comment): a SQLite file under the data
folder, or the shared PostgreSQL database when NETRAL_DATABASE_URL is set (then every host sees and exports every
row). Each row keeps the whole answer it judges (its record: citations, quotes, statuses) and the questions before
it, so a disliked answer can become a gold-set candidate (evals/candidates.py) and be marked reviewed.

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

from netral.database import Location, Tables, add_missing_columns
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
    # Added later (an older store gets them on open): the reason chosen, the answer's whole record (JSON), the
    # questions asked before it in the conversation (JSON list) and when a maintainer marked the row reviewed.
    Column("category", Text, nullable=False, server_default=""),
    Column("record", Text, nullable=True),
    Column("history", Text, nullable=False, server_default="[]"),
    Column("reviewed_at", Float, nullable=True),
    sqlite_autoincrement=True,
)
LATER_COLUMNS = ("category", "record", "history", "reviewed_at")
# What a person can say about one chat message: gradio draws "Like" and "Dislike" as thumbs and lists the other
# choices under a flag. A reason is a dislike with that reason as its category.
REASONS = ("Putusan keliru", "Pasal keliru atau kurang", "Syarat tidak disebut", "Sulit dipahami")
FEEDBACK_OPTIONS = ("Like", "Dislike", *REASONS)
FEEDBACK_CHOICES: dict[str, tuple[int, str | None]] = {"Like": (1, ""), "Dislike": (-1, None),
                                                       **{r: (-1, r) for r in REASONS}}
MAX_COMMENT_CHARS = 2000
MAX_CATEGORY_CHARS = 80
# New columns go at the end: spreadsheets made from earlier exports keep their column letters.
EXPORT_COLUMNS = ("id", "waktu", "penilaian", "komentar", "pertanyaan", "jawaban", "putusan", "sitasi", "backend",
                  "mode", "alasan", "ditinjau")


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
    category: str = ""
    record: dict[str, Any] | None = None  # Answer.to_record() of the judged answer (None: saved before it was kept)
    history: tuple[str, ...] = ()
    reviewed_at: float | None = None

    @property
    def when(self) -> str:
        return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(self.created_at))

    @property
    def reviewed(self) -> bool:
        return self.reviewed_at is not None


def _row(r: Any) -> FeedbackRow:
    return FeedbackRow(r.id, r.created_at, r.rating, r.comment, r.question, r.answer, r.verdict,
                       json.loads(r.citations), r.backend, r.mode, r.category or "",
                       json.loads(r.record) if r.record else None, tuple(json.loads(r.history or "[]")),
                       r.reviewed_at)


class FeedbackStore:
    def __init__(self, location: Location):
        self.path = location
        self._t = Tables(location, METADATA, synchronous="FULL")
        add_missing_columns(self._t.engine, FEEDBACK, LATER_COLUMNS)

    def close(self) -> None:
        self._t.close()

    def add(self, answer: Answer, rating: int, comment: str = "", mode: str = "chat", category: str = "",
            history: tuple[str, ...] | list[str] = ()) -> int:
        """Save one judgement of `answer` (asked after the questions `history`); returns its row id once it is on
        disk."""
        _check(rating)
        cites = json.dumps([c.label for c in answer.citations], ensure_ascii=False)
        row = {"created_at": time.time(), "rating": rating, "comment": (comment or "").strip()[:MAX_COMMENT_CHARS],
               "question": answer.question, "answer": answer.answer, "verdict": answer.verdict, "citations": cites,
               "backend": answer.backend, "mode": mode, "category": (category or "").strip()[:MAX_CATEGORY_CHARS],
               "record": json.dumps(answer.to_record(), ensure_ascii=False),
               "history": json.dumps(list(history), ensure_ascii=False)}
        with self._t.write() as c:
            return int(c.execute(FEEDBACK.insert().values(row).returning(FEEDBACK.c.id)).scalar_one())

    def update(self, row_id: int, rating: int, comment: str = "", category: str | None = None) -> None:
        """Replace the judgement stored as `row_id` (the same user changing their mind about the same answer); a
        changed judgement is to be reviewed again. `category` None keeps the reason stored; an empty comment keeps
        the comment stored (a reason picked after the comment was sent)."""
        _check(rating)
        values: dict[str, Any] = {"rating": rating, "created_at": time.time(), "reviewed_at": None}
        if (comment or "").strip():
            values["comment"] = comment.strip()[:MAX_COMMENT_CHARS]
        if category is not None:
            values["category"] = category.strip()[:MAX_CATEGORY_CHARS]
        with self._t.write() as c:
            c.execute(FEEDBACK.update().where(FEEDBACK.c.id == row_id).values(**values))

    def remove(self, row_id: int) -> None:
        """Delete a judgement its author withdrew."""
        with self._t.write() as c:
            c.execute(FEEDBACK.delete().where(FEEDBACK.c.id == row_id))

    def rows(self, limit: int | None = None, verdict: str = "", category: str = "", rating: int = 0,
             unreviewed: bool = False) -> list[FeedbackRow]:
        """Newest first; only the given verdict, reason, rating (1 or -1) or not yet reviewed, when asked."""
        q = select(FEEDBACK).order_by(FEEDBACK.c.id.desc())
        if verdict:
            q = q.where(FEEDBACK.c.verdict == verdict)
        if category:
            q = q.where(FEEDBACK.c.category == category)
        if rating:
            q = q.where(FEEDBACK.c.rating == rating)
        if unreviewed:
            q = q.where(FEEDBACK.c.reviewed_at.is_(None))
        if limit:
            q = q.limit(limit)
        with self._t.read() as c:
            return [_row(r) for r in c.execute(q).all()]

    def categories(self) -> list[str]:
        """The reasons given so far, for the admin's filter."""
        q = select(FEEDBACK.c.category).where(FEEDBACK.c.category != "").distinct().order_by(FEEDBACK.c.category)
        with self._t.read() as c:
            return [r[0] for r in c.execute(q).all()]

    def mark_reviewed(self, ids: list[int], reviewed: bool = True) -> int:
        """Mark rows reviewed (or not); returns how many rows exist among `ids`."""
        if not ids:
            return 0
        with self._t.write() as c:
            result = c.execute(FEEDBACK.update().where(FEEDBACK.c.id.in_(ids)).values(
                reviewed_at=time.time() if reviewed else None))
            return int(result.rowcount or 0)

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


def _check(rating: int) -> None:
    if rating not in (-1, 1):
        raise ValueError("rating must be 1 (membantu) or -1 (kurang tepat)")


def table_row(r: FeedbackRow, full: bool = False) -> list[Any]:
    """One row for the admin table (texts shortened) or the CSV export (`full`)."""
    def cut(text: str, n: int) -> str:
        return text if full or len(text) <= n else text[:n] + " …"

    return [r.id, r.when, "membantu" if r.rating > 0 else "kurang tepat", cut(r.comment, 200),
            cut(r.question, 200), cut(r.answer, 300), r.verdict, "; ".join(r.citations), r.backend, r.mode,
            r.category, "ya" if r.reviewed else ""]
