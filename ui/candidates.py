"""Gold-set candidates from user feedback: every answer a user disliked, written as a gold item whose reference
fields are empty, for a maintainer to complete (verdict, reference, reference_context_ids, category) and add to
the dev split. What the assistant said and why the user disliked it travel beside them (`given`, `feedback`), so
the maintainer sees what went wrong; the gold-set validation (evals/gold.py) reports every field still empty.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ui.feedback import FeedbackRow, FeedbackStore

# The fields of a gold item (evals/gold.py) the maintainer completes; the candidate leaves them empty.
REFERENCE_FIELDS: dict[str, Any] = {"reference": "", "reference_context_ids": [], "verdict": "", "category": "",
                                    "condition": ""}


@dataclass(frozen=True)
class CandidateExport:
    path: Path
    written: int


def candidate(row: FeedbackRow) -> dict[str, Any]:
    """One disliked answer as a gold-set candidate."""
    record = row.record or {}
    # Article ids, as the gold set's reference_context_ids are (the provision is in each citation's label).
    cited = list(dict.fromkeys(c.get("article_id") or c.get("id") for c in record.get("citations", [])))
    item: dict[str, Any] = {"id": f"umpan-{row.id}", "user_input": row.question}
    if row.history:
        item["history"] = list(row.history)
    item.update(REFERENCE_FIELDS)
    item["given"] = {"answer": row.answer, "verdict": row.verdict, "citations": row.citations,
                     "cited_ids": [c for c in cited if c], "backend": row.backend}
    item["feedback"] = {"id": row.id, "when": row.when, "reason": row.category, "comment": row.comment,
                        "mode": row.mode}
    return item


def write_candidates(store: FeedbackStore, dest: Path, include_reviewed: bool = False) -> CandidateExport:
    """Every disliked answer not yet reviewed (or every one) as JSONL at `dest`, oldest first."""
    rows = store.rows(rating=-1, unreviewed=not include_reviewed)
    dest.parent.mkdir(parents=True, exist_ok=True)
    with dest.open("w", encoding="utf-8") as fh:
        for row in reversed(rows):
            fh.write(json.dumps(candidate(row), ensure_ascii=False) + "\n")
    return CandidateExport(dest, len(rows))
