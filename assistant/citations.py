"""Recognise regulations and articles named in a question ("pasal 5 pp 94/2021", "UU ASN pasal 9")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.registry import Registry, doc_id_for
from netral.ids import ArticleId
from netral.regulation_types import code_of_spoken, spoken_pattern

_JENIS = rf"(?P<jenis>{spoken_pattern()})"
_DOC = re.compile(
    _JENIS + r"\s*(?:no(?:mor)?\.?\s*)?(?P<nomor>\d{1,4})\s*(?:/|tahun|thn\.?|th\.?|-)\s*(?P<tahun>(?:19|20)\d{2})",
    re.I,
)
_PASAL = re.compile(
    r"\bpasal\s+(?P<num>\d{1,3}\s?[a-z]?)\b(?P<rest>(?:\s*(?:ayat\s*\(?\s*\d{1,2}[a-z]?\s*\)?|huruf\s+[a-z]\b|angka\s+\d{1,2}))*)",
    re.I,
)


@dataclass(frozen=True)
class DocMention:
    doc_id: str
    start: int
    end: int


@dataclass(frozen=True)
class ArticleMention:
    doc_id: str
    number: str  # "5", "187a"
    provision: str  # "huruf-n/angka-4"

    @property
    def article_id(self) -> str:
        return ArticleId.pasal(self.doc_id, self.number).article


def doc_mentions(text: str, registry: Registry) -> list[DocMention]:
    out = []
    for m in _DOC.finditer(text):
        jenis = code_of_spoken(m.group("jenis"))
        known = registry.find(jenis, str(int(m.group("nomor"))), int(m.group("tahun")))
        doc_id = known.id if known else doc_id_for(jenis, str(int(m.group("nomor"))), m.group("tahun"))
        out.append(DocMention(doc_id, m.start(), m.end()))
    alias = registry.by_alias(text)
    if alias is not None and not any(d.doc_id == alias.id for d in out):
        pos = text.lower().find(next(a for a in alias.aliases if a in text.lower()))
        out.append(DocMention(alias.id, pos, pos + 1))
    return sorted(out, key=lambda d: d.start)


def article_mentions(text: str, registry: Registry) -> list[ArticleMention]:
    """Each "pasal N" paired with the nearest regulation named in the same question."""
    docs = doc_mentions(text, registry)
    out = []
    for m in _PASAL.finditer(text):
        if not docs:
            break
        nearest = min(docs, key=lambda d: min(abs(d.start - m.end()), abs(m.start() - d.end)))
        number = m.group("num").replace(" ", "").lower()
        provision = _provision_path(m.group("rest") or "")
        out.append(ArticleMention(nearest.doc_id, number, provision))
    return out


def _provision_path(rest: str) -> str:
    parts = []
    for kind, val in re.findall(r"(ayat|huruf|angka)\s*\(?\s*([0-9]{1,2}[a-z]?|[a-z])\s*\)?", rest, re.I):
        parts.append(f"{kind.lower()}-{val.lower()}")
    return "/".join(parts)
