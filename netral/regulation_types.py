"""Kinds of regulation (UU, PP, Perppu …): the one table of their codes, names, title headings and the words
people use for them in questions."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class RegulationType:
    code: str  # "PP": in document ids (lower-cased) and short names ("PP 94/2021")
    long: str  # "Peraturan Pemerintah": in full titles
    heading: str  # the title's first words on an official text, upper-case
    spoken: tuple[str, ...]  # how a question names it (lower-case regex alternatives)
    issuer: str = ""  # regex the first page must match for a registry entry of this kind (one issuer's series)


REGULATION_TYPES: tuple[RegulationType, ...] = (
    # Longest headings first: "PERATURAN PEMERINTAH PENGGANTI UNDANG-UNDANG" before "PERATURAN PEMERINTAH".
    RegulationType("PERPPU", "Peraturan Pemerintah Pengganti Undang-Undang",
                   "PERATURAN PEMERINTAH PENGGANTI UNDANG-UNDANG", ("perppu", "perpu")),
    RegulationType("UU", "Undang-Undang", "UNDANG-UNDANG", ("uu", r"undang[- ]undang")),
    RegulationType("PP", "Peraturan Pemerintah", "PERATURAN PEMERINTAH", ("pp", r"peraturan\s+pemerintah")),
    RegulationType("PERPRES", "Peraturan Presiden", "PERATURAN PRESIDEN", ("perpres",)),
    RegulationType("PERMEN", "Peraturan Menteri", "PERATURAN MENTERI", ("permen",)),
    RegulationType("SKB", "Keputusan Bersama", "KEPUTUSAN BERSAMA", ("skb",)),
    RegulationType("SE", "Surat Edaran", "SURAT EDARAN", ("se",)),
    # Registry entries use this code; a title heading "SURAT EDARAN" is read as SE, as the registry matches by
    # the first word of the code.
    RegulationType("SE MENPANRB", "Surat Edaran Menteri PANRB", "", ("se menpanrb",),
                   issuer=r"PENDAYAGUNAAN\s+APARATUR\s+NEGARA|MENPAN"),
)


def by_code(code: str) -> RegulationType | None:
    return next((t for t in REGULATION_TYPES if t.code == code.upper()), None)


def long_name(code: str) -> str:
    t = by_code(code)
    return t.long if t else code


def heading_pattern() -> str:
    """Alternatives matching a title heading, longest first, for the document identifier."""
    heads = sorted({t.heading for t in REGULATION_TYPES if t.heading}, key=len, reverse=True)
    return "|".join(h.replace(" ", r"\s+") for h in heads)


def code_of_heading(heading: str) -> str:
    flat = re.sub(r"\s+", " ", heading.strip().upper())
    return next(t.code for t in REGULATION_TYPES if t.heading and t.heading == flat)


def spoken_pattern() -> str:
    """Alternatives matching how a question names a kind ("pp", "undang-undang", "perpu")."""
    words = sorted({w for t in REGULATION_TYPES if " " not in t.code for w in t.spoken}, key=len, reverse=True)
    return "|".join(words)


def code_of_spoken(word: str) -> str:
    low = re.sub(r"\s+", " ", word.lower())
    for t in REGULATION_TYPES:
        if any(re.fullmatch(w, low) for w in t.spoken):
            return t.code
    return word.upper()
