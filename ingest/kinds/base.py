"""What a kind of document is: how it is parsed, chunked, labelled, ranked and cited."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from netral.config import Settings
from netral.records import Article, DocKind, DocumentInfo


def context_line(lead: str, article: Article, *tail: str) -> str:
    """The line a chunk is embedded with: the document, the unit's headings (80 characters each), then `tail`."""
    return "[" + " › ".join([lead, *(h[:80] for h in article.heading_path), *tail]) + "]"


@dataclass(frozen=True)
class Parsed:
    articles: list[Article]
    warnings: list[str]


@dataclass(frozen=True)
class DocumentKind:
    name: DocKind
    # Cleaned text -> citable units. Raises ingest.loaders.LoadError when the text holds none.
    parse: Callable[[str, DocumentInfo], Parsed]
    # "Pasal 5 huruf n PP 94/2021" (long=True: the full title); args: unit, document, provision path, long.
    label: Callable[[Article, DocumentInfo, str, bool], str]
    # The line every chunk is embedded with: "[PP 94/2021 tentang … › BAB II › Pasal 5]".
    context: Callable[[Article, DocumentInfo], str]
    # Search: a score multiplier, a cap on hits from one document (None: no cap), and whether the priors read
    # from an article's subject (civil servants, political conduct, sanctions) apply to its units.
    rank_weight: Callable[[Settings], float]
    max_hits_per_document: Callable[[Settings], int | None]
    subject_priors: bool
    # May a verdict rest on it (law), or does it only explain (training material)?
    binding: bool
