"""Decide what a source file is: a known regulation, an unknown regulation PDF, or training material."""

from __future__ import annotations

import re
from pathlib import Path

from corpus.registry import Registry, doc_id_for
from netral.records import MATERIAL_JENIS, DocumentInfo
from netral.regulation_types import code_of_heading, heading_pattern

_TITLE = re.compile(
    rf"(?P<jenis>{heading_pattern()})"
    r"[^\n]{0,80}?\s+NOMOR\s+(?P<nomor>[0-9lIO]{1,4})\s+TAHUN\s+(?P<tahun>[0-9lIO]{4})"
    r"(?:\s+TENTANG\s+(?P<tentang>.{5,200}?)(?:\s+DENGAN\s+RAHMAT|\n\n|$))?",
    re.S,
)
_DIGITS = str.maketrans({"l": "1", "I": "1", "O": "0"})


def identify(path: Path, first_page: str, registry: Registry) -> DocumentInfo:
    """Registry entry by file name; else a regulation title on the first page; else training material."""
    known = registry.by_file(path.name)
    if known is not None:
        return known
    in_materials = any(part.lower() in ("materi", "materials") for part in path.parts)
    if not in_materials:
        found = detect_title(first_page)
        if found is not None:
            jenis, nomor, tahun, tentang = found
            registered = registry.find(jenis, nomor, tahun)
            if registered is not None:
                return registered
            return DocumentInfo(
                id=doc_id_for(jenis, nomor, tahun), jenis=jenis, nomor=nomor, tahun=tahun,
                tentang=tentang or "(judul tidak terbaca)", status="tidak diketahui", file=path.name,
            )
    title = registry.material_title(path.name) or _first_line(first_page) or path.stem
    return DocumentInfo(
        id=f"materi/{path.stem}", jenis=MATERIAL_JENIS, nomor="", tahun=0, tentang=title, status="materi",
        file=path.name,
    )


def detect_title(text: str) -> tuple[str, str, int, str] | None:
    head = re.sub(r"[ \t]+", " ", text[:3000])
    m = _TITLE.search(head)
    if not m:
        return None
    jenis = code_of_heading(m.group("jenis"))
    nomor = str(int(m.group("nomor").translate(_DIGITS)))
    tahun = int(m.group("tahun").translate(_DIGITS))
    tentang = re.sub(r"\s+", " ", m.group("tentang") or "").strip().title()
    return jenis, nomor, tahun, tentang


def _first_line(text: str) -> str:
    for line in text.splitlines():
        line = line.strip()
        if len(line) > 8:
            return line[:100]
    return ""
