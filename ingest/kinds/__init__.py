"""Document kinds, by name. Adding a kind is one module here that defines `KIND` and one line in `KINDS`."""

from __future__ import annotations

from ingest.kinds import instrument, material, regulation
from ingest.kinds.base import DocumentKind, Parsed
from netral.records import Article, DocumentInfo

KINDS: dict[str, DocumentKind] = {k.name: k for k in (regulation.KIND, instrument.KIND, material.KIND)}

__all__ = ["KINDS", "DocumentKind", "Parsed", "article_label", "kind_of"]


def kind_of(info: DocumentInfo) -> DocumentKind:
    return KINDS[info.kind]


def article_label(article: Article, info: DocumentInfo, provision_path: str = "", long: bool = False) -> str:
    """How a unit is cited: "Pasal 5 huruf n PP 94/2021", "Materi sosialisasi: … (bagian 3)"."""
    return kind_of(info).label(article, info, provision_path, long)
