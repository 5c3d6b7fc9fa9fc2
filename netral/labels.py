"""Human labels for citations, in Indonesian legal style ("Pasal 5 huruf n PP 94/2021")."""

from __future__ import annotations

import re

from netral.ids import provision_parts


def short_doc_from_id(doc_id: str) -> str:
    """"uu-1-2015" -> "UU 1/2015" (for amendment targets, which may not be loaded)."""
    m = re.fullmatch(r"([a-z-]+?)-(\d+)-(\d{4})", doc_id)
    if not m:
        return doc_id
    return f"{m.group(1).upper().replace('-', ' ')} {m.group(2)}/{m.group(3)}"


def provision_words(path: str) -> str:
    """"ayat-2/huruf-n/angka-4" -> "ayat (2) huruf n angka 4"."""
    words = []
    for kind, val in provision_parts(path):
        words.append(f"ayat ({val})" if kind == "ayat" else f"{kind} {val}")
    return " ".join(words)
