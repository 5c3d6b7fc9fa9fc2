"""Decide what a source file is: a known regulation, an unknown regulation PDF, or training material."""

from __future__ import annotations

import re
from pathlib import Path

from corpus.registry import Registry, doc_id_for
from netral.records import MATERIAL_JENIS, DocumentInfo
from netral.regulation_types import by_code, code_of_heading, heading_pattern

_NUMBER_AND_TITLE = (r"\s+NOMOR\s*:?\s+(?P<nomor>[0-9lIO]{1,4})\s+TAHUN\s+(?P<tahun>[0-9lIO]{4})"
                     r"(?:.{0,400}?\s+TENTANG\s+(?P<tentang>.{5,200}?)(?:\s+DENGAN\s+RAHMAT|\n\n|$))?")
_TITLE = re.compile(rf"(?P<jenis>{heading_pattern()})[^\n]{{0,80}}?{_NUMBER_AND_TITLE}", re.S)
# A circular or a joint decree names its issuers between the kind and the number, over several lines:
# "SURAT EDARAN / MENTERI PENDAYAGUNAAN APARATUR NEGARA DAN REFORMASI BIROKRASI / REPUBLIK INDONESIA /
# NOMOR 18 TAHUN 2023"; the SKB lists five institutions.
_ISSUED_TITLE = re.compile(rf"(?P<jenis>SURAT\s+EDARAN|KEPUTUSAN\s+BERSAMA).{{0,400}}?{_NUMBER_AND_TITLE}", re.S)
# A joint decree (SKB) carries one number per signing institution: "NOMOR 2 TAHUN 2022 / NOMOR 800-5474
# TAHUN 2022 / …"; the registry knows it by the first.
_NUMBERS = re.compile(r"\bNOMOR\s*:?\s+(\S+)\s+TAHUN\s+(\d{4})")
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
            if registered is not None and issued_by(registered, first_page):
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


def issued_by(info: DocumentInfo, first_page: str) -> bool:
    """Whether the first page names the issuer a registry entry's kind implies ("SE MENPANRB": the Minister of
    PANRB), so that another ministry's circular with the same number and year is not taken for it."""
    kind = by_code(info.jenis)
    return kind is None or not kind.issuer or re.search(kind.issuer, first_page[:3000], re.I) is not None


def detect_title(text: str) -> tuple[str, str, int, str] | None:
    head = re.sub(r"[ \t]+", " ", text[:3000])
    found = [m for m in (_TITLE.search(head), _ISSUED_TITLE.search(head)) if m is not None]
    if not found:
        return None
    m = min(found, key=lambda x: x.start())
    jenis = code_of_heading(m.group("jenis"))
    if jenis == "SKB" and len(_NUMBERS.findall(head[m.start():])) < 2:
        return None  # a "keputusan bersama" mentioned in passing, not a joint decree's title
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
