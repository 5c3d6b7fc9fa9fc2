"""The one place an assistant is built from settings: the command line, the web app (and each of its workers)
and the evaluation all open their session here."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from assistant.answering import Assistant
from assistant.backends import BackendUnavailable, create_generator, default_backend
from assistant.retrieval import HybridSearcher
from corpus.registry import Registry
from corpus.rules import RuleMap, RuleMapError
from ingest.embedders import Embedder, UnknownEmbedder, create
from ingest.index import Index
from ingest.store import IndexMismatch
from netral.config import Settings
from netral.errors import UserError

EMPTY_INDEX = "indeks masih kosong; jalankan `netral ingest` terlebih dahulu"


def open_embedder(settings: Settings) -> Embedder:
    try:
        return create(settings.embedder)
    except UnknownEmbedder as exc:
        raise UserError(str(exc)) from exc


def open_index(settings: Settings) -> Index:
    try:
        return Index.open(settings)
    except Exception as exc:  # a Chroma server that is down, a locked or unreadable index folder
        raise UserError(f"indeks tidak dapat dibuka ({type(exc).__name__}: {exc})") from exc


def open_searcher(settings: Settings, embedder: Embedder, registry: Registry) -> HybridSearcher:
    """A searcher over the index as it is now, on its own connection (closed with `searcher.index.close()`)."""
    index = open_index(settings)
    if index.store.document_count() == 0:
        index.close()
        raise UserError(EMPTY_INDEX)
    try:
        return HybridSearcher(index, embedder, registry, settings)
    except IndexMismatch as exc:
        index.close()
        raise UserError(str(exc)) from exc


def load_rules(settings: Settings) -> RuleMap:
    """The packaged rule map, or the file `NETRAL_RULES_FILE` names (a map under review)."""
    try:
        return RuleMap.load(Path(settings.rules_file) if settings.rules_file else None)
    except (OSError, RuleMapError) as exc:
        raise UserError(f"peta aturan tidak dapat dibaca ({exc})") from exc


def build_assistant(settings: Settings) -> Assistant:
    """The configured assistant; the caller closes it (`Assistant.close`)."""
    searcher = open_searcher(settings, open_embedder(settings), Registry.load())
    try:
        rules = load_rules(settings)
        generator = create_generator(default_backend(settings), settings)
    except BackendUnavailable as exc:
        searcher.index.close()
        raise UserError(str(exc)) from exc
    except UserError:
        searcher.index.close()
        raise
    return Assistant(searcher, searcher.registry, settings, generator, rules)


@contextmanager
def assistant_session(settings: Settings) -> Iterator[Assistant]:
    """The configured assistant; its model and index are closed on the way out, whatever happens."""
    assistant = build_assistant(settings)
    try:
        yield assistant
    finally:
        assistant.close()
