"""Circulars (Surat Edaran) and joint decrees (SKB): binding texts without Pasal.

A circular is cut into its numbered points ("1. Latar Belakang", …, "5. Isi Edaran: a. … b. …"), cited as
"angka 5 huruf b SE MenPANRB 18/2023"; a joint decree into its diktum ("KESATU: …", cited "Diktum KESATU SKB
2/2022") and the sections of its lampiran, cut at its BAB headings like a paper. An instrument with neither is
cut into sections, so a dropped official text is always indexed. Huruf and angka inside a unit are parsed as in
a Pasal, so an answer can quote the one point that applies.
"""

from __future__ import annotations

import re

from ingest.clean import flatten
from ingest.kinds.base import DocumentKind, Parsed, context_line
from ingest.kinds.material import split_material
from ingest.loaders import LoadError
from ingest.structure import parse_provisions
from netral.ids import ArticleId
from netral.labels import provision_words
from netral.records import Article, DocumentInfo

_DIKTUM_WORDS = ("KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM", "KETUJUH", "KEDELAPAN",
                 "KESEMBILAN", "KESEPULUH")
_DIKTUM = re.compile(rf"(?m)^[ \t]*(?P<w>{'|'.join(_DIKTUM_WORDS)})[ \t]*:")
_POINT = re.compile(r"(?m)^[ \t]*(?P<n>\d{1,2})\.[ \t]+(?=\S)")
_LAMPIRAN = re.compile(r"(?m)^[ \t]*LAMPIRAN\b")
# The title ends the heading block: what comes before it (addressees, the title itself) is not a point.
_TITLE_END = re.compile(r"\bTENTANG\b[^\n]*\n(?:[^\n]*[A-Z]{3}[^\n]*\n){0,4}")


def parse(text: str, info: DocumentInfo) -> Parsed:
    lampiran = _LAMPIRAN.search(text)
    body_end = lampiran.start() if lampiran else len(text)
    title = _TITLE_END.search(text, 0, min(body_end, 4000))
    start = title.end() if title else 0
    units = _diktum(text, start, body_end, info) or _points(text, start, body_end, info)
    if lampiran is not None:
        units += [_renamed(a, "lampiran", a.number) for a in split_material(text[lampiran.end():], info)]
    if not units:
        units = [_renamed(a, "bagian", a.number) for a in split_material(text, info)]
    if not units:
        raise LoadError("naskah surat edaran/keputusan bersama tidak berisi teks yang dapat dipotong")
    return Parsed(units, [])


def _diktum(text: str, start: int, end: int, info: DocumentInfo) -> list[Article]:
    found = [m for m in _DIKTUM.finditer(text, start, end)]
    order = [m.group("w") for m in found]
    if not found or order != list(_DIKTUM_WORDS[:len(order)]):
        return []
    return [_unit(info, "diktum", m.group("w"), text[m.end():(found[k + 1].start() if k + 1 < len(found) else end)])
            for k, m in enumerate(found)]


def _points(text: str, start: int, end: int, info: DocumentInfo) -> list[Article]:
    """Top-level points 1, 2, 3 … in sequence; a nested "1." inside a point does not restart the count."""
    chosen: list[re.Match[str]] = []
    for m in _POINT.finditer(text, start, end):
        if int(m.group("n")) == len(chosen) + 1:
            chosen.append(m)
    if len(chosen) < 2:
        return []
    units = []
    for k, m in enumerate(chosen):
        stop = chosen[k + 1].start() if k + 1 < len(chosen) else end
        units.append(_unit(info, "angka", m.group("n"), text[m.end():stop]))
    return units


def _unit(info: DocumentInfo, kind: str, name: str, raw: str) -> Article:
    first_line, _, rest = raw.strip().partition("\n")
    # "3. Isi Edaran" then its points: the title is the unit's heading, its list starts on the next line.
    heading = first_line.strip() if len(first_line) <= 80 and rest and not first_line.rstrip().endswith(".") else ""
    provisions, reflowed = parse_provisions(flatten(rest if heading else raw))
    return Article(id=str(ArticleId.unit_of(info.id, kind, name)), doc_id=info.id, number=name,
                   text=f"{heading}\n{reflowed}" if heading else reflowed,
                   heading_path=[heading] if heading else [], provisions=provisions)


def _renamed(section: Article, kind: str, number: str) -> Article:
    section.id = str(ArticleId.unit_of(section.doc_id, kind, number))
    section.kind = "pasal"  # binding text, quoted by provision like a Pasal
    provisions, reflowed = parse_provisions(section.text)
    section.provisions, section.text = provisions, reflowed
    return section


def label(article: Article, info: DocumentInfo, provision_path: str = "", long: bool = False) -> str:
    doc_name = info.long_name if long else info.short_name
    unit = ArticleId.parse(article.id).unit
    where = {"angka": f"angka {article.number}", "diktum": f"Diktum {article.number.upper()}",
             "lampiran": f"Lampiran bagian {article.number}", "bagian": f"bagian {article.number}"}[unit.split("-")[0]]
    if provision_path:
        where += " " + provision_words(provision_path)
    return f"{where} {doc_name}"


def context(article: Article, info: DocumentInfo) -> str:
    return context_line(f"{info.short_name} tentang {info.tentang}", article)


KIND = DocumentKind(
    name="instrumen", parse=parse, label=label, context=context,
    rank_weight=lambda _settings: 1.0, max_hits_per_document=lambda _settings: None, subject_priors=True,
    binding=True,
)
