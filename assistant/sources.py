"""Pick the sources an answer may cite, and the exact provision of each that matches the question."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.retrieval import HybridSearcher
from ingest.lexical import tokenize
from netral.labels import article_label
from netral.records import Article, Provision, SearchHit, Source

MAX_QUOTE_CHARS = 700


def _overlap(question_tokens: set[str], text: str) -> float:
    toks = tokenize(text)
    if not toks:
        return 0.0
    hits = sum(1 for t in set(toks) if t in question_tokens)
    return hits + 0.1 * hits / len(set(toks))  # prefer the tighter provision on ties


def best_provision(article: Article, question: str) -> tuple[Provision | None, str]:
    """The provision whose words best match the question, with its parent's lead-in when that carries the
    subject ("PNS dilarang: ... n. memberikan dukungan ...")."""
    qt = set(tokenize(question, expand_slang=True))
    candidates = [p for p in article.all_provisions() if p.text]
    if not candidates:
        return None, article.text
    best = max(candidates, key=lambda p: (_overlap(qt, p.text), -len(p.path)))
    if _overlap(qt, best.text) == 0:
        return None, article.text
    return best, best.text


def _trim(text: str, limit: int = MAX_QUOTE_CHARS) -> str:
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit] + " …"


def select_sources(
    searcher: HybridSearcher, hits: Sequence[SearchHit], question: str, limit: int, prefer_binding: bool = True
) -> list[Source]:
    """Numbered sources: in-force regulation first, at most one non-binding material, repealed law only
    when nothing in force was found for it."""
    chosen: list[SearchHit] = []
    materials = 0
    for h in hits:
        if h.status == "materi":
            if materials >= 1:
                continue
            materials += 1
        chosen.append(h)
    if prefer_binding:
        in_force = [h for h in chosen if h.status not in ("dicabut", "diubah")]
        older = [h for h in chosen if h.status in ("dicabut", "diubah")]
        chosen = in_force + older
    out: list[Source] = []
    for h in chosen[:limit]:
        art = searcher.index.store.article(h.id)
        info = searcher.info(h.doc_id)
        if art is None or info is None:
            continue
        prov, quote = best_provision(art, question) if art.kind == "pasal" else (None, art.text)
        label = article_label(art, info, prov.path if prov else "")
        out.append(Source(
            number=len(out) + 1, article_id=art.id, doc_id=art.doc_id, label=label, status=h.status,
            quote=_trim(quote), provision=prov.path if prov else "", text=art.text, kind=art.kind,
        ))
    return out
