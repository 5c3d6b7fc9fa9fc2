"""The assistant: question (+ chat history) → grounded Answer with verified article-level citations."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from assistant.backends import Generator
from assistant.compose import (
    build_messages,
    check_citations,
    citations_of,
    extractive_answer,
    extractive_verdict,
    keep_supported,
    parse_verdict,
    stream_words,
)
from assistant.retrieval import HybridSearcher
from assistant.sources import renumber, repeal_clause, select_sources
from assistant.understanding import Understood, topics, understand
from corpus.registry import Registry
from ingest.kinds import article_label
from netral.config import Settings
from netral.records import Answer, ArticleView, Citation, Source, Verdict

log = logging.getLogger(__name__)

SCOPE_TEXT = (
    "Asisten ini menjawab pertanyaan tentang netralitas ASN (PNS dan PPPK): keanggotaan partai politik, "
    "pencalonan diri, kampanye dan atributnya, dukungan kepada calon (termasuk di media sosial), penggunaan "
    "fasilitas negara, kode etik, serta hukuman disiplin."
)
EMPTY_QUESTION = "Pertanyaan kosong. Silakan tulis pertanyaan Anda tentang netralitas ASN."
# A quoted provision that states a consequence is listed again under "sanctions".
_SANCTION = re.compile(r"hukuman disiplin|sanksi|diberhentikan|pemberhentian|pidana", re.I)


@dataclass
class Prepared:
    understood: Understood
    sources: list[Source]
    notes: list[str]
    retrieved: list[str]
    retrieve_ms: float


class Assistant:
    def __init__(
        self, searcher: HybridSearcher, registry: Registry, settings: Settings,
        generator: Generator | None = None,
    ):
        self.searcher = searcher
        self.registry = registry
        self.settings = settings
        self.generator = generator

    @property
    def backend(self) -> str:
        return self.generator.name if self.generator else "extractive"

    def replace_searcher(self, searcher: HybridSearcher) -> HybridSearcher:
        """Answer from `searcher` from now on (after an ingest); returns the previous one, which requests
        already running still use, for the caller to close later."""
        old, self.searcher = self.searcher, searcher
        return old

    def close(self) -> None:
        close = getattr(self.generator, "close", None)
        if close:
            close()
        self.searcher.index.close()

    # --- public API ----------------------------------------------------------------------------------------

    def answer(self, question: str, history: Sequence[str] = ()) -> Answer:
        final: Answer | None = None
        for item in self.stream(question, history):
            if isinstance(item, Answer):
                final = item
        assert final is not None
        return final

    def stream(self, question: str, history: Sequence[str] = ()) -> Iterator[str | Answer]:
        """Text pieces as they are produced, then the final, checked Answer (whose text may differ from the
        streamed one: markers to unknown sources are removed)."""
        t0 = time.perf_counter()
        if not isinstance(question, str) or not question.strip():
            yield self._abstain(str(question or ""), EMPTY_QUESTION, [], t0, verdict="informasi")
            return
        prep = self.prepare(question, history)
        if prep.understood.out_of_scope or not prep.sources:
            text = (
                "Maaf, peraturan yang dimuat tidak mengatur hal ini, jadi saya tidak dapat menjawabnya. "
                + SCOPE_TEXT
            )
            ans = self._abstain(prep.understood.question, text, prep.notes, t0)
            yield from stream_words(ans.answer)
            yield ans
            return
        if self.generator is None:
            ans = self._extractive(prep, t0)
            yield from stream_words(ans.answer)
            yield ans
            return
        yield from self._generate(prep, t0)

    def article_view(self, article_id: str) -> ArticleView | None:
        """The whole Pasal a citation points to (`Citation.article_id`), with its Penjelasan."""
        art = self.searcher.article(article_id)
        info = self.searcher.info(art.doc_id) if art else None
        if art is None or info is None:
            return None
        return ArticleView(id=art.id, title=article_label(art, info), document=info.long_name,
                           status=self.searcher.status_of(art, info), text=art.text, penjelasan=art.penjelasan)

    # --- steps ---------------------------------------------------------------------------------------------

    def prepare(self, question: str, history: Sequence[str]) -> Prepared:
        t0 = time.perf_counter()
        u = understand(question, history, self.registry)
        notes: list[str] = []
        if u.truncated:
            notes.append("Pertanyaan sangat panjang; hanya 2.000 karakter pertama yang dipakai.")
        query = u.query
        for old, new in zip(u.repealed, u.replacements, strict=False):
            notes.append(
                f"{old.short_name} sudah dicabut dan diganti {new.short_name}; jawaban ini memakai {new.short_name}."
            )
            # Article numbers differ between the old and the new act: search the subject, not the number.
            query = re.sub(r"\bpasal\s+\d+\w?(\s+(ayat|huruf|angka)\s*\(?\w+\)?)*", " ", query, flags=re.I)
            query = query.replace(old.nomor, new.nomor).replace(str(old.tahun), str(new.tahun))
            for alias in old.aliases:  # "UU ASN lama" names the repealed act without its number
                query = re.sub(rf"\b{re.escape(alias)}\b", new.short_name, query, flags=re.I)
        notes.extend(self._missing_basis(u.query))
        if u.out_of_scope:
            return Prepared(u, [], notes, [], (time.perf_counter() - t0) * 1000)
        result = self.searcher.search(query, k=max(10, self.settings.max_sources + 4))
        sources = select_sources(self.searcher, result.hits, u.query, self.settings.max_sources)
        for old, new in zip(u.repealed, u.replacements, strict=False):
            clause = repeal_clause(self.searcher, new.id, old)
            if clause is not None and all(s.article_id != clause.article_id for s in sources):
                # "Is X still in force?" is answered first by the article that repealed it.
                sources = renumber([clause, *sources])
        if any(s.status == "dicabut" for s in sources) and not u.repealed:
            notes.append("Sebagian rujukan berasal dari peraturan yang sudah dicabut dan hanya ditampilkan sebagai "
                         "pembanding; yang berlaku adalah peraturan penggantinya.")
        return Prepared(u, sources, notes, [h.id for h in result.hits], (time.perf_counter() - t0) * 1000)

    def _missing_basis(self, question: str) -> list[str]:
        """Notes naming the expected documents (registry) that govern the question's topics but are not loaded."""
        asked = topics(question)
        if not asked:
            return []
        loaded = self.searcher.loaded_documents()
        return [d.missing_note for d in self.registry.governing(asked) if d.id not in loaded and d.missing_note]

    def _extractive(self, prep: Prepared, t0: float, error: str = "", backend_down: bool = False) -> Answer:
        sources = prep.sources[: self.settings.extractive_sources]
        verdict = extractive_verdict(prep.understood.question, sources, self.settings.verdict_sources)
        text = extractive_answer(prep.understood.question, sources, verdict)
        return self._finish(prep, text, verdict, citations_of(sources), t0, "extractive", error=error,
                            backend_down=backend_down)

    def _generate(self, prep: Prepared, t0: float) -> Iterator[str | Answer]:
        assert self.generator is not None
        offered = prep.sources[: self.settings.llm_sources]
        prep = Prepared(prep.understood, offered, prep.notes, prep.retrieved, prep.retrieve_ms)
        messages = build_messages(prep.understood.question, offered, self.settings.prompt_source_chars)
        pieces: list[str] = []
        first_token: float | None = None
        try:
            for piece in self.generator.stream(messages):
                if first_token is None:
                    first_token = time.perf_counter()
                pieces.append(piece)
                yield piece
        except Exception as exc:  # server down, timeout, model crash: the user still gets an answer
            log.warning("backend %s failed: %s", self.generator.name, exc)
            ans = self._extractive(prep, t0, error=f"{type(exc).__name__}: {exc}", backend_down=True)
            yield ans
            return
        raw = "".join(pieces)
        ans = self._checked(prep, raw, t0)
        if first_token is not None:
            ans.timings["first_token_ms"] = (first_token - t0) * 1000
        yield ans

    def _checked(self, prep: Prepared, raw: str, t0: float) -> Answer:
        verdict = parse_verdict(raw)
        body = re.sub(r"^\s*\**\s*jawaban\s*\**\s*:[^\n]*\n?", "", raw, count=1, flags=re.I).strip()
        checked = check_citations(keep_supported(body, prep.sources, self.settings.support_threshold), prep.sources)
        body = checked.text
        if verdict == "di_luar_cakupan":
            text = (body or "Peraturan yang dimuat tidak mengatur hal ini.") + "\n\n" + SCOPE_TEXT
            return self._abstain(prep.understood.question, text, prep.notes, t0, backend=self.backend)
        if verdict is None or not checked.cited or len(body) < 20:
            # Unusable output (no verdict line, no citation, or nothing said): fall back to the articles.
            return self._extractive(prep, t0, error="jawaban model tidak dapat diverifikasi")
        ruled = extractive_verdict(prep.understood.question, prep.sources, self.settings.verdict_sources)
        if ruled in ("tidak_boleh", "bersyarat") and verdict == "boleh":
            # The quoted provision itself prohibits or conditions it: a model saying "boleh" is wrong.
            return self._extractive(prep, t0, error="kesimpulan model bertentangan dengan pasal yang dikutip")
        return self._finish(prep, body, verdict, citations_of(checked.cited), t0, self.backend)

    def _finish(
        self, prep: Prepared, text: str, verdict: Verdict, citations: list[Citation], t0: float, backend: str,
        error: str = "", backend_down: bool = False,
    ) -> Answer:
        notes = list(prep.notes)
        if error and backend_down:
            notes.insert(0, "Model bahasa tidak dapat dipakai saat ini; jawaban disusun langsung dari kutipan pasal.")
        elif error:  # the model answered, but its answer did not pass the citation checks
            notes.insert(0, "Jawaban model bahasa tidak lolos pemeriksaan sitasi; jawaban disusun langsung dari "
                            "kutipan pasal.")
        sanctions = [f"{c.label}: {c.quote}" for c in citations if _SANCTION.search(c.quote) and c.status != "materi"]
        total = (time.perf_counter() - t0) * 1000
        return Answer(
            question=prep.understood.question, answer=text, verdict=verdict, citations=citations,
            sanctions=sanctions, abstained=False, backend=backend,
            timings={"retrieve_ms": prep.retrieve_ms, "total_ms": total}, notes=notes,
            query=prep.understood.query, retrieved=prep.retrieved, error=error,
        )

    def _abstain(
        self, question: str, text: str, notes: list[str], t0: float, verdict: Verdict = "di_luar_cakupan",
        backend: str = "",
    ) -> Answer:
        return Answer(
            question=question, answer=text, verdict=verdict, citations=[], abstained=True,
            backend=backend or self.backend, timings={"total_ms": (time.perf_counter() - t0) * 1000},
            notes=notes,
        )
