"""Statuses of documents and articles, and the one table of how each is shown."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# "berlaku": in force; "dicabut": repealed; "diubah": an article whose text a later act replaced (or, for a
# document in the registry, in force but amended); "materi": non-binding training material.
Status = Literal["berlaku", "dicabut", "diubah", "materi", "tidak diketahui"]


@dataclass(frozen=True)
class StatusText:
    long: str  # in answers, letters and tooltips
    badge: str  # on a citation card


STATUS_TEXT: dict[str, StatusText] = {
    "berlaku": StatusText("berlaku", "berlaku"),
    "dicabut": StatusText("dicabut", "dicabut"),
    "diubah": StatusText("berlaku (telah diubah)", "berlaku · telah diubah"),
    "materi": StatusText("materi sosialisasi (tidak mengikat)", "materi sosialisasi"),
    "tidak diketahui": StatusText("status tidak diketahui", "status tidak diketahui"),
}


def status_label(status: str) -> str:
    return STATUS_TEXT[status].long if status in STATUS_TEXT else status


def status_badge(status: str) -> str:
    return STATUS_TEXT[status].badge if status in STATUS_TEXT else status


def is_binding(status: str) -> bool:
    """Law a verdict may rest on: in force, including a regulation added without a registry entry (its status
    unknown) — not training material, repealed law, or an article text a later act replaced."""
    return status not in ("materi", "dicabut", "diubah")
