"""Hybrid article search: BM25 + dense vectors fused by reciprocal rank, in-force law first.

Results are articles (the citable unit), not chunks: a Pasal split into several chunks scores as its best
chunk. An article named in the question ("pasal 5 pp 94/2021") is returned first.
"""

from __future__ import annotations

import re
import time
from collections import defaultdict
from dataclasses import dataclass, field

from assistant.citations import article_mentions, doc_mentions
from assistant.understanding import about_pppk_only, asks_definition, asks_sanction
from corpus.registry import Registry
from ingest.embedders import Embedder
from ingest.index import Index
from ingest.kinds import article_label, kind_of
from ingest.lexical import BM25Index, fold_units, tokenize
from netral.config import Settings
from netral.ids import ArticleId, doc_of
from netral.records import Article, DocumentInfo, SearchHit
from netral.statuses import Status

# What an article is about (read from its text; what a question means is read in assistant.understanding).
_CIVIL_SERVANT = re.compile(r"\b(?:PNS|ASN|PPPK|Pegawai Negeri|Aparatur Sipil|Pegawai Pemerintah)\b")
_PPPK_SUBJECT = re.compile(r"\b(?:ASN|PPPK|Aparatur Sipil|Pegawai Pemerintah dengan Perjanjian Kerja)\b")
# Articles on the political conduct the corpus is about.
_POLITICAL = re.compile(r"partai politik|kampanye|netral|pasangan calon|dukungan kepada calon|mencalonkan|"
                        r"keberpihakan|calon (?:presiden|gubernur|bupati|walikota|anggota)", re.I)
# Articles that impose sanctions, and the article a sanction provision refers to.
_CROSS_REFERENCE = re.compile(r"sebagaimana dimaksud dalam Pasal (\d{1,3}[A-Z]?)\s+huruf")
_SANCTION_ARTICLE = re.compile(r"Hukuman Disiplin (?:ringan|sedang|berat)|dijatuhkan bagi|diberhentikan|"
                               r"dipidana|sanksi", re.I)



@dataclass
class SearchResult:
    query: str
    hits: list[SearchHit]
    elapsed_ms: float
    named_docs: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"query": self.query, "results": [h.to_json() for h in self.hits],
                "elapsed_ms": round(self.elapsed_ms, 1)}


class HybridSearcher:
    def __init__(self, index: Index, embedder: Embedder, registry: Registry, settings: Settings):
        self.index = index
        self.embedder = embedder
        self.registry = registry
        self.settings = settings
        index.store.check_embedder(embedder.name)
        self._bm25: BM25Index | None = None
        self._infos: dict[str, DocumentInfo] = {}
        self._amended_by: dict[str, str] | None = None
        self._amendments: list[tuple[str, str]] = []
        self._superseded: set[str] | None = None
        self._leads: dict[str, str] = {}
        self._lead_tokens: dict[str, frozenset[str]] = {}
        self._citable: set[str] | None = None
        # Rows read from the store, kept for the searcher's life: an answer reads some thirty articles and the
        # rows of every candidate chunk, each a round trip to a shared database; a changed index gets a new
        # searcher (ui/reload.py), so nothing here goes stale.
        self._articles: dict[str, Article | None] = {}
        self._chunk_rows: dict[str, tuple[str, str, str, str]] = {}
        self._vector_chunks: dict[str, str] = {}

    # --- lazily loaded state -----------------------------------------------------------------------------

    @property
    def bm25(self) -> BM25Index:
        if self._bm25 is None:
            self._bm25 = self.index.lexical()
        return self._bm25

    def info(self, doc_id: str) -> DocumentInfo | None:
        if doc_id not in self._infos:
            info = self.index.store.info(doc_id)
            if info is None:
                return None
            self._infos[doc_id] = info
        return self._infos[doc_id]

    def superseded(self) -> set[str]:
        """Articles whose text is no longer the one in force: amended originals and earlier amendments."""
        if self._superseded is None:
            latest = self.amended_by()
            self._superseded = set(latest) | {a for a, target in self._amendments if latest.get(target) != a}
        return self._superseded

    def amended_by(self) -> dict[str, str]:
        """target article id -> id of the latest in-force amendment of it (from amending acts in the index)."""
        if self._amended_by is None:
            latest: dict[str, tuple[int, str]] = {}
            self._amendments = []
            for amendment in self.index.store.amendments():
                self._amendments.append((amendment.article_id, amendment.target_id))
                if amendment.act_status != "dicabut":
                    known = latest.get(amendment.target_id)
                    if known is None or amendment.act_year > known[0]:
                        latest[amendment.target_id] = (amendment.act_year, amendment.article_id)
            self._amended_by = {t: a for t, (_y, a) in latest.items()}
        return self._amended_by

    def _lead_covered(self, article_id: str, query_words: set[str]) -> bool:
        """Does the question say most of what the article's lead sentence says? A short lead ("Etika terhadap
        diri sendiri meliputi:", "Pemberhentian … diusulkan oleh:") names what the article is about, like a
        title; an article that merely lists the topic among others has a longer lead the question covers less."""
        lead = self._lead_words(article_id)
        return len(lead) >= 2 and len(lead & query_words) / len(lead) >= self.settings.lead_coverage

    def _lead_words(self, article_id: str) -> frozenset[str]:
        # Called for every candidate chunk of every query: tokenize each lead once per searcher.
        if article_id not in self._lead_tokens:
            self._lead_tokens[article_id] = frozenset(tokenize(self.lead(article_id)))
        return self._lead_tokens[article_id]

    def lead(self, article_id: str) -> str:
        """The first line of an article (its lead sentence), cached: articles do not change under a searcher."""
        if article_id not in self._leads:
            art = self.article(article_id)
            self._leads[article_id] = art.text.split("\n", 1)[0] if art else ""
        return self._leads[article_id]

    def article(self, article_id: str) -> Article | None:
        if article_id not in self._articles:
            self._articles[article_id] = self.index.store.article(article_id)
        return self._articles[article_id]

    def chunk_rows(self, chunk_ids: list[str]) -> dict[str, tuple[str, str, str, str]]:
        """chunk id -> (article id, doc id, text, context), read from the store once per chunk."""
        missing = [c for c in chunk_ids if c not in self._chunk_rows]
        if missing:
            self._chunk_rows.update(self.index.store.chunk_rows(missing))
        return {c: self._chunk_rows[c] for c in chunk_ids if c in self._chunk_rows}

    def vector_chunks(self, vector_ids: list[str]) -> dict[str, str]:
        """vector id -> chunk id, read from the store once per vector."""
        missing = [v for v in vector_ids if v not in self._vector_chunks]
        if missing:
            self._vector_chunks.update(self.index.store.vector_to_chunk(missing))
        return {v: self._vector_chunks[v] for v in vector_ids if v in self._vector_chunks}

    def articles_of(self, doc_id: str) -> list[Article]:
        return self.index.store.articles(doc_id)

    def citable_ids(self) -> set[str]:
        """Every article id and every provision id (`<article>/<path>`) in the index: what a citation may name."""
        if self._citable is None:
            self._citable = self.index.store.citable_ids()
        return self._citable

    def loaded_documents(self) -> set[str]:
        return set(self.index.store.document_hashes())

    def warm_up(self) -> None:
        _ = self.bm25
        self.embedder.embed_query("netralitas")
        self.amended_by()

    # --- search ------------------------------------------------------------------------------------------

    def search(self, query: str, k: int = 5) -> SearchResult:
        t0 = time.perf_counter()
        query = query.strip()
        if not query:
            return SearchResult(query, [], 0.0)
        named = [d.doc_id for d in doc_mentions(query, self.registry)]
        fused, ranks = self._fuse(query)
        rows = self.chunk_rows(list(fused))
        ordered = self._rank_articles(fused, rows, named, query)
        top = ordered[0][1][0] if ordered else 0.0
        hits: list[SearchHit] = []
        for mention in article_mentions(query, self.registry):
            art = self.article(mention.article_id)
            if art is not None and all(h.id != art.id for h in hits):
                hits.append(self._hit(art, f"{art.id}#0", top + 1.0, {"citation": 1}))
        per_document: dict[str, int] = defaultdict(int)
        for article_id, (score, chunk_id) in ordered:
            if len(hits) >= k:
                break
            doc_id = rows[chunk_id][1] if chunk_id in rows else doc_of(article_id)
            if any(h.id == article_id for h in hits):
                continue
            info = self.info(doc_id)
            cap = kind_of(info).max_hits_per_document(self.settings) if info else None
            if cap is not None:
                if per_document[doc_id] >= cap:
                    continue
                per_document[doc_id] += 1
            art = self.article(article_id)
            if art is not None:
                hits.append(self._hit(art, chunk_id, score, ranks[chunk_id]))
        return SearchResult(query, hits[:k], (time.perf_counter() - t0) * 1000, named)

    def _fuse(self, query: str) -> tuple[dict[str, float], dict[str, dict[str, int]]]:
        """Reciprocal-rank fusion of the BM25 and dense chunk rankings."""
        n = self.settings.candidates
        lexical = fold_units(self.bm25.search(query, k=n * 4))[:n]
        dense_raw = self.index.vectors.query(self.embedder.embed_query(query), k=n * 2)
        vec_to_chunk = self.vector_chunks([v for v, _ in dense_raw])
        dense = [(vec_to_chunk[v], s) for v, s in dense_raw if v in vec_to_chunk][:n]
        fused: dict[str, float] = defaultdict(float)
        ranks: dict[str, dict[str, int]] = defaultdict(dict)
        for name, ranking, weight in (("bm25", lexical, 1.0), ("dense", dense, self.settings.dense_weight)):
            for rank, (chunk_id, _s) in enumerate(ranking, start=1):
                fused[chunk_id] += weight / (self.settings.rrf_k + rank)
                ranks[chunk_id][name] = rank
        return fused, ranks

    def _rank_articles(
        self, fused: dict[str, float], rows: dict[str, tuple[str, str, str, str]], named: list[str], query: str
    ) -> list[tuple[str, tuple[float, str]]]:
        """Chunk scores to article scores (best chunk), with the status and subject priors applied."""
        by_article: dict[str, tuple[float, str]] = {}
        sanction_intent = asks_sanction(query)
        subject = _PPPK_SUBJECT if about_pppk_only(query) else _CIVIL_SERVANT
        query_words = set(tokenize(query, expand_slang=True))
        definition_intent = asks_definition(query)
        for chunk_id, score in fused.items():
            if chunk_id not in rows:
                continue
            article_id, doc_id, text = rows[chunk_id][0], rows[chunk_id][1], rows[chunk_id][2]
            score *= self._weight(doc_id, named)
            aid = ArticleId.parse(article_id)
            if aid.is_general_elucidation:
                score *= self.settings.general_elucidation_weight
            if article_id in self.superseded():
                score *= self.settings.repealed_weight  # a later act replaced this text
            if not definition_intent and aid.is_definitions and "yang dimaksud dengan" in text:
                # The definitions article shares words with everything; it answers "apa yang dimaksud".
                score *= self.settings.general_elucidation_weight
            info = self.info(doc_id)
            if info is not None and kind_of(info).subject_priors:
                # A long Pasal is split: its later chunks lack the lead sentence that says what it is about
                # ("Hukuman Disiplin berat … dijatuhkan bagi PNS yang melanggar ketentuan larangan:").
                text = f"{self.lead(article_id)}\n{text}"
                if subject.search(text):
                    score *= self.settings.civil_servant_weight
                if _POLITICAL.search(text):
                    score *= self.settings.political_topic_weight
                if sanction_intent and _SANCTION_ARTICLE.search(text):
                    score *= self.settings.sanction_intent_weight
                if self._lead_covered(article_id, query_words):
                    score *= self.settings.lead_match_weight
            if article_id not in by_article or score > by_article[article_id][0]:
                by_article[article_id] = (score, chunk_id)
        self._follow_references(by_article, rows, sanction_intent)
        return sorted(by_article.items(), key=lambda kv: (-kv[1][0], kv[0]))

    def _follow_references(
        self, by_article: dict[str, tuple[float, str]], rows: dict[str, tuple[str, str, str, str]],
        sanction_intent: bool,
    ) -> None:
        """A sanction article ("... sebagaimana dimaksud dalam Pasal 5 huruf n") among the best hits brings the
        article it refers to next to it: before it when the question asks what is allowed, right after it when
        the question asks about the sanction."""
        top = sorted(by_article.items(), key=lambda kv: -kv[1][0])[: self.settings.reference_follow_top]
        for article_id, (score, chunk_id) in top:
            if chunk_id not in rows:
                continue
            text = rows[chunk_id][2]
            if not _SANCTION_ARTICLE.search(f"{self.lead(article_id)}\n{text}"):
                continue
            number = self._referenced_article(article_id, text)
            if number is None:
                continue
            ref = str(ArticleId.parse(article_id).sibling(number))
            if ref == article_id:
                continue
            # Just below the sanction article when the sanction is asked, just above it otherwise.
            offset = self.settings.reference_offset
            wanted = score * (1 - offset if sanction_intent else 1 + offset)
            current = by_article.get(ref)
            if current is None or current[0] < wanted:
                by_article[ref] = (wanted, current[1] if current else f"{ref}#0")

    def _referenced_article(self, article_id: str, chunk_text: str) -> str | None:
        """The article a sanction provision points to: the first reference in the matching chunk, else the
        last one before it (sub-items "1. … 5." of a split Pasal sit under an item that holds the reference)."""
        m = _CROSS_REFERENCE.search(chunk_text)
        if m:
            return m.group(1)
        art = self.article(article_id)
        start = art.text.find(chunk_text[:200]) if art else -1
        if art is None or start < 0:
            return None
        before = list(_CROSS_REFERENCE.finditer(art.text, 0, start))
        return before[-1].group(1) if before else None

    def _weight(self, doc_id: str, named: list[str]) -> float:
        if doc_id in named:
            return self.settings.named_document_weight
        info = self.info(doc_id)
        if info is None:
            return 1.0
        if info.status == "dicabut":
            return self.settings.repealed_weight
        return kind_of(info).rank_weight(self.settings)

    def status_of(self, art: Article, info: DocumentInfo) -> Status:
        if info.status == "dicabut":
            return "dicabut"
        if art.id in self.superseded():
            return "diubah"
        if info.status == "diubah":
            return "berlaku"
        return info.status

    def _hit(self, art: Article, chunk_id: str, score: float, ranks: dict[str, int]) -> SearchHit:
        info = self.info(art.doc_id)
        assert info is not None  # an article is only visible together with its document row
        return SearchHit(
            id=art.id, chunk_id=chunk_id, doc_id=art.doc_id, label=article_label(art, info),
            status=self.status_of(art, info), score=score, text=art.text, sources=dict(ranks),
        )
