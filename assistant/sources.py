"""Pick the sources an answer may cite, and the exact provision of each that matches the question."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from assistant.retrieval import HybridSearcher
from ingest.kinds import article_label
from ingest.lexical import tokenize
from netral.records import Article, DocumentInfo, Provision, SearchHit, Source

MAX_QUOTE_CHARS = 700


def _overlap(question_tokens: set[str], text: str, idf: Callable[[str], float]) -> float:
    """Rare shared words count more (idf from the BM25 index); long provisions are mildly penalised so
    that "4. ... menggunakan fasilitas negara" beats a long item that shares only common words."""
    toks = set(tokenize(text))
    if not toks:
        return 0.0
    return sum(idf(t) for t in toks & question_tokens) / len(toks) ** 0.3


def best_provision(
    article: Article, question: str, idf: Callable[[str], float] = lambda _t: 1.0
) -> tuple[Provision | None, str]:
    """The provision whose words best match the question."""
    qt = set(tokenize(question, expand_slang=True))
    candidates = [p for p in article.all_provisions() if p.text]
    if not candidates:
        return None, article.text
    best = max(candidates, key=lambda p: (_overlap(qt, p.text, idf), -len(p.path)))
    if _overlap(qt, best.text, idf) == 0:
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
    """Numbered sources: in-force regulation first, few non-binding materials, repealed law only
    when nothing in force was found for it."""
    chosen: list[SearchHit] = []
    materials = 0
    for h in hits:
        if h.status == "materi":
            if materials >= searcher.settings.max_materials_per_answer:
                continue
            materials += 1
        chosen.append(h)
    if prefer_binding:
        in_force = [h for h in chosen if h.status not in ("dicabut", "diubah")]
        older = [h for h in chosen if h.status in ("dicabut", "diubah")]
        chosen = in_force + older
    out: list[Source] = []
    for h in chosen[:limit]:
        art = searcher.article(h.id)
        info = searcher.info(h.doc_id)
        if art is None or info is None:
            continue
        prov, quote = best_provision(art, question, searcher.bm25.idf) if art.kind == "pasal" else (None, art.text)
        label = article_label(art, info, prov.path if prov else "")
        out.append(Source(
            number=len(out) + 1, article_id=art.id, doc_id=art.doc_id, label=label, status=h.status,
            quote=_trim(quote), provision=prov.path if prov else "", text=art.text, kind=art.kind,
        ))
    return out


def renumber(sources: Sequence[Source]) -> list[Source]:
    return [replace(s, number=k) for k, s in enumerate(sources, start=1)]


def repeal_clause(searcher: HybridSearcher, new_doc_id: str, old: DocumentInfo) -> Source | None:
    """The provision of `new_doc_id` that repeals `old` ("... Nomor 53 Tahun 2010 ... dicabut ...")."""
    info = searcher.info(new_doc_id)
    if info is None:
        return None
    mention = re.compile(rf"Nomor\s+{re.escape(old.nomor)}\s+Tahun\s+{old.tahun}\b[^.;]*?\bdicabut", re.S)
    for art in searcher.articles_of(new_doc_id):
        if art.kind != "pasal" or not mention.search(art.text):
            continue
        prov = next((p for p in art.all_provisions() if mention.search(p.text)), None)
        quote = prov.text if prov else art.text
        return Source(
            number=1, article_id=art.id, doc_id=art.doc_id, label=article_label(art, info, prov.path if prov else ""),
            status=searcher.status_of(art, info), quote=_trim(quote), provision=prov.path if prov else "",
            text=art.text, kind=art.kind,
        )
    return None
