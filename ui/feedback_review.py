"""The admin's review of user feedback: the judgements listed by verdict and reason, counted, marked reviewed,
and the disliked answers written as gold-set candidates (ui/candidates.py) for a maintainer to complete."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from netral.records import VERDICT_LABEL
from ui.candidates import write_candidates
from ui.feedback import FeedbackRow, FeedbackStore, table_row

ALL = "semua"
MAX_ROWS = 200


class FeedbackReview:
    def __init__(self, store: FeedbackStore, fresh_dir: Callable[[], Path]):
        self.store = store
        self._fresh_dir = fresh_dir

    def filters(self) -> tuple[list[tuple[str, str]], list[str]]:
        """The choices of the verdict filter (label, value) and of the reason filter."""
        return [("Semua", ALL), *((label, v) for v, label in VERDICT_LABEL.items())], [ALL, *self.store.categories()]

    def table(self, verdict: str = ALL, category: str = ALL, unreviewed: bool = False,
              ) -> tuple[list[list[Any]], str]:
        """The rows matching the filters (newest first, at most MAX_ROWS) and a summary by verdict and reason."""
        rows = self.store.rows(limit=MAX_ROWS, verdict="" if verdict in ("", ALL) else verdict,
                               category="" if category in ("", ALL) else category, unreviewed=unreviewed)
        return [table_row(r) for r in rows], summary(self.store.rows())

    def mark(self, ids_text: str, reviewed: bool = True) -> str:
        """Mark the rows named in `ids_text` ("3, 5 7-9") reviewed (or not)."""
        ids = parse_ids(ids_text)
        if not ids:
            return "Tulis nomor (id) masukan yang ditinjau, misalnya `3, 5, 7-9`."
        found = self.store.mark_reviewed(ids, reviewed)
        state = "ditandai sudah ditinjau" if reviewed else "dikembalikan ke belum ditinjau"
        missing = len(ids) - found
        return f"{found} masukan {state}." + (f" {missing} nomor tidak ditemukan." if missing else "")

    def export_candidates(self, include_reviewed: bool = False) -> tuple[str | None, str]:
        """The disliked answers not yet reviewed, as a JSONL of gold-set candidates."""
        done = write_candidates(self.store, self._fresh_dir() / "kandidat-gold.jsonl", include_reviewed)
        if not done.written:
            return None, "Tidak ada jawaban yang dinilai kurang tepat dan belum ditinjau."
        return str(done.path), (f"{done.written} kandidat gold siap diunduh. Lengkapi `verdict`, `reference`, "
                                "`reference_context_ids` dan `category`, lalu tambahkan ke `evals/gold_dev.jsonl`; "
                                "tandai masukannya sudah ditinjau.")


def summary(rows: list[FeedbackRow]) -> str:
    """Counts by verdict and by reason, likes and dislikes apart, and how many are still to be reviewed."""
    if not rows:
        return "Belum ada masukan."
    by_verdict = Counter((r.verdict, r.rating) for r in rows)
    lines = ["| putusan | membantu | kurang tepat |", "|---|---|---|"]
    for verdict in sorted({r.verdict for r in rows}):
        lines.append(f"| {VERDICT_LABEL.get(verdict, verdict)} | {by_verdict[(verdict, 1)]} | "
                     f"{by_verdict[(verdict, -1)]} |")
    reasons = Counter(r.category for r in rows if r.rating < 0 and r.category)
    if reasons:
        lines += ["", "Alasan: " + "; ".join(f"{name} ({n})" for name, n in reasons.most_common())]
    waiting = sum(1 for r in rows if r.rating < 0 and not r.reviewed)
    lines += ["", f"{len(rows)} masukan; {waiting} penilaian kurang tepat belum ditinjau."]
    return "\n".join(lines)


_RANGE = re.compile(r"(\d+)\s*-\s*(\d+)|(\d+)")
MAX_IDS = 1000


def parse_ids(text: str) -> list[int]:
    """"3, 5 7-9" -> [3, 5, 7, 8, 9] (a range is capped, so a typo cannot ask for millions of rows)."""
    out: list[int] = []
    for m in _RANGE.finditer(text or ""):
        if m.group(3):
            out.append(int(m.group(3)))
        else:
            lo, hi = sorted((int(m.group(1)), int(m.group(2))))
            out.extend(range(lo, min(hi, lo + MAX_IDS) + 1))
    return sorted(set(out))[:MAX_IDS]
