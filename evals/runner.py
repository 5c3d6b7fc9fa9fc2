"""Run the assistant over the gold set, score every item, never stop on one item's crash."""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable, Sequence
from typing import Protocol

from evals.gold import GoldItem
from evals.metrics import CorpusFacts, ItemResult, score_item
from netral.records import Answer


class Answerer(Protocol):
    """What the runner needs from the assistant (assistant.answering.Assistant, or a stub in tests)."""

    def answer(self, question: str, history: Sequence[str] = ()) -> Answer: ...


def run_items(
    assistant: Answerer, items: Sequence[GoldItem], corpus: CorpusFacts,
    progress: Callable[[GoldItem], None] | None = None,
) -> list[ItemResult]:
    results = []
    for item in items:
        t0 = time.perf_counter()
        try:
            ans = assistant.answer(item.user_input, list(item.history))
            r = ItemResult(item, ans, seconds=time.perf_counter() - t0)
        except Exception as exc:  # recorded in the report; the run goes on
            r = ItemResult(item, None, error=f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=3)}",
                           seconds=time.perf_counter() - t0)
        r.scores = score_item(r, corpus)
        results.append(r)
        if progress:
            progress(item)
    return results
