"""The gold question set: loading and validation."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

VERDICTS = {"boleh", "tidak_boleh", "bersyarat", "informasi", "di_luar_cakupan"}
CATEGORIES = {
    "asas", "partai", "pencalonan", "medsos", "kampanye", "fasilitas", "keputusan", "sanksi", "pppk",
    "kode_etik", "pasangan", "dicabut", "luar_cakupan", "injeksi",
}
REQUIRED = ("id", "user_input", "reference", "reference_context_ids", "verdict", "category")


@dataclass(frozen=True)
class GoldItem:
    id: str
    user_input: str
    reference: str
    reference_context_ids: tuple[str, ...]
    verdict: str
    category: str
    history: tuple[str, ...] = field(default_factory=tuple)

    @property
    def out_of_scope(self) -> bool:
        return self.verdict == "di_luar_cakupan"


def default_path() -> Path:
    return Path(str(resources.files("evals").joinpath("gold.jsonl")))


def load_gold(path: Path | None = None) -> list[GoldItem]:
    items = []
    for line in (path or default_path()).read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            items.append(GoldItem(
                id=d["id"], user_input=d["user_input"], reference=d["reference"],
                reference_context_ids=tuple(d["reference_context_ids"]), verdict=d["verdict"],
                category=d["category"], history=tuple(d.get("history", ())),
            ))
    return items


def validate(path: Path, known_ids: Iterable[str]) -> list[str]:
    """Problems in the gold file: missing fields, unknown verdicts or categories, ids not in the index."""
    known = set(known_ids)
    problems = []
    seen: set[str] = set()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"line {n}: not JSON ({exc.msg})")
            continue
        missing = [k for k in REQUIRED if k not in d]
        if missing:
            problems.append(f"line {n}: missing {missing}")
            continue
        if d["id"] in seen:
            problems.append(f"line {n}: duplicate id {d['id']}")
        seen.add(d["id"])
        if not str(d["user_input"]).strip() or not str(d["reference"]).strip():
            problems.append(f"line {n}: empty user_input or reference")
        if d["verdict"] not in VERDICTS:
            problems.append(f"line {n}: unknown verdict {d['verdict']!r}")
        if d["category"] not in CATEGORIES:
            problems.append(f"line {n}: unknown category {d['category']!r}")
        ids = d["reference_context_ids"]
        if d["verdict"] != "di_luar_cakupan" and not ids:
            problems.append(f"line {n}: an in-scope item needs reference_context_ids")
        for ref in ids:
            if ref not in known:
                problems.append(f"line {n}: reference id {ref!r} is not in the index")
    return problems
