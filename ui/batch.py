"""Batch answering for helpdesk queues: JSONL or CSV in, JSONL out; one bad line never stops the run."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from netral.records import Answer


class Answers(Protocol):
    def answer(self, question: str, history: Sequence[str] = ()) -> Answer: ...


def read_questions(path: Path) -> Iterator[tuple[int, dict[str, Any] | None, str]]:
    """(line number, record or None, problem) for every line of a .jsonl or .csv file."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as fh:
            for k, row in enumerate(csv.DictReader(fh), start=2):
                yield _check(k, dict(row))
        return
    if suffix not in (".jsonl", ".ndjson", ".json"):
        raise ValueError(f"format berkas '{suffix}' tidak didukung; gunakan .jsonl atau .csv")
    with path.open(encoding="utf-8") as fh:
        for k, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                yield k, None, f"bukan JSON yang valid ({exc.msg})"
                continue
            if not isinstance(rec, dict):
                yield k, None, "baris harus berupa objek JSON dengan kolom 'question'"
                continue
            yield _check(k, rec)


def _check(k: int, rec: dict[str, Any]) -> tuple[int, dict[str, Any] | None, str]:
    q = rec.get("question")
    if not isinstance(q, str) or not q.strip():
        return k, None, "kolom 'question' kosong atau tidak ada"
    return k, rec, ""


@dataclass
class BatchItem:
    """One line of a queue: its answer, or why it was skipped."""

    line: int
    id: Any
    answer: Answer | None
    problem: str = ""


def answer_file(assistant: Answers, src: Path) -> Iterator[BatchItem]:
    """Answer every usable line of `src`; a bad or failing line is reported and the rest go on."""
    for k, rec, problem in read_questions(src):
        if rec is None:
            yield BatchItem(k, None, None, problem)
            continue
        try:
            ans = assistant.answer(rec["question"])
        except Exception as exc:  # one failing question must not lose the rest of the queue
            yield BatchItem(k, rec.get("id"), None, f"gagal dijawab: {type(exc).__name__}: {exc}")
            continue
        yield BatchItem(k, rec.get("id", k), ans)


def run_batch(assistant: Answers, src: Path, dest: Path) -> dict[str, Any]:
    answered, problems = 0, []
    dest.parent.mkdir(parents=True, exist_ok=True)
    with dest.open("w", encoding="utf-8") as out:
        for item in answer_file(assistant, src):
            if item.answer is None:
                problems.append({"line": item.line, "reason": item.problem})
                continue
            out.write(json.dumps({"id": item.id, **item.answer.to_json()}, ensure_ascii=False) + "\n")
            out.flush()
            answered += 1
    return {"answered": answered, "failed": len(problems), "problems": problems}
