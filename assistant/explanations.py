"""The Penjelasan of one part of a Pasal. A Penjelasan explains a Pasal part by part under headings in the text
("Huruf a Yang dimaksud dengan … Huruf b Cukup jelas."), nested as the Pasal is (Ayat, then Huruf, then Angka):
the part a citation quotes is read by following those headings down its provision path."""

from __future__ import annotations

import re

from netral.ids import provision_parts

_HEADINGS = {
    "ayat": re.compile(r"\bAyat\s*\((?P<v>\w+)\)"),
    "huruf": re.compile(r"\bHuruf\s+(?P<v>[a-z])\b"),
    "angka": re.compile(r"\bAngka\s+(?P<v>\d+)\b"),
}


def explanation_of(penjelasan: str, path: str) -> str:
    """The Penjelasan of the provision at `path` ("huruf-n/angka-4"); "" when the Penjelasan does not explain the
    Pasal part by part down to it."""
    text = penjelasan or ""
    if not path or not text.strip():
        return ""
    for kind, value in provision_parts(path):
        pattern = _HEADINGS.get(kind)
        if pattern is None:
            return ""
        heads = list(pattern.finditer(text))
        start = next((m for m in heads if m.group("v") == value), None)
        if start is None:
            return ""
        end = next((m.start() for m in heads if m.start() > start.start()), len(text))
        text = text[start.end():end]
    return " ".join(text.split())
