"""The assistant: question (+ chat history) → grounded Answer with verified article-level citations."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from assistant.backends import Generator
from assistant.checker import Choice, acts, check
from assistant.compose import (
    MARKER,
    ExplanationFilter,
    bottom_line,
    build_explain_messages,
    citations_of,
    extractive_verdict,
    missing_lines,
    planned_answer,
    stream_words,
)
from assistant.explanations import explanation_of
from assistant.planning import Plan, Planner
from assistant.retrieval import HybridSearcher
from assistant.sources import renumber, repeal_clause, select_sources
from assistant.understanding import Understood, asks_permission, outside_field, topics, understand, unglossed
from corpus.registry import Registry
from corpus.rules import RuleMap
from ingest.kinds import article_label
from netral.config import Settings
from netral.ids import ArticleId
from netral.labels import provision_words
from netral.records import Answer, ArticleView, Citation, Progress, SearchHit, Source, Verdict

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
    plan: Plan | None  # None: out of scope, or nothing found
    notes: list[str]
    retrieved: list[str]
    retrieve_ms: float

    @property
    def sources(self) -> list[Source]:
        return self.plan.sources if self.plan else []


class Assistant:
    def __init__(
        self, searcher: HybridSearcher, registry: Registry, settings: Settings,
        generator: Generator | None = None, rules: RuleMap | None = None,
    ):
        self.searcher = searcher
        self.registry = registry
        self.settings = settings
        self.generator = generator
        # The rule map, checked against this index: situations whose provisions are not all loaded are left out.
        self.rules = rules.checked_against(searcher.citable_ids()) if rules is not None else None

    @property
    def backend(self) -> str:
        return self.generator.name if self.generator else "extractive"

    def replace_searcher(self, searcher: HybridSearcher) -> HybridSearcher:
        """Answer from `searcher` from now on (after an ingest); returns the previous one, which requests
        already running still use, for the caller to close later."""
        old, self.searcher = self.searcher, searcher
        if self.rules is not None:
            self.rules = self.rules.checked_against(searcher.citable_ids())
        return old

    def planner(self) -> Planner | None:
        if self.rules is None:
            return None
        return Planner(self.rules, self.searcher, self.registry, self.settings.max_sanction_sources,
                       self.settings.max_basis_sources)

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

    def stream(self, question: str, history: Sequence[str] = ()) -> Iterator[str | Progress | Answer]:
        """What a person sees while waiting (text that stays, or a progress note), then the final Answer. Text
        already shown is never taken back: a generated explanation is let through sentence by sentence, only
        once each sentence has passed the checks."""
        t0 = time.perf_counter()
        if not isinstance(question, str) or not question.strip():
            yield self._abstain(str(question or ""), EMPTY_QUESTION, [], t0, verdict="informasi")
            return
        prep = self.prepare(question, history)
        if prep.plan is None:
            text = (
                "Maaf, peraturan yang dimuat tidak mengatur hal ini, jadi saya tidak dapat menjawabnya. "
                + SCOPE_TEXT
            )
            ans = self._abstain(prep.understood.question, text, prep.notes, t0)
            yield from stream_words(ans.answer)
            yield ans
            return
        if self.generator is None:
            ans = self._composed(prep, t0)
            yield from stream_words(ans.answer)
            yield ans
            return
        yield from self._generate(prep, t0)

    def situation_acts(self, actor: str, election: str = "semua") -> list[tuple[str, str]]:
        """(title, id) of the acts the situation checker offers this asker in this election."""
        return acts(self.rules, actor, election) if self.rules is not None else []

    def check_situation(self, choice: Choice) -> Answer | None:
        """The situation checker's answer for a chosen asker and act (None: not ruled, or not loaded)."""
        planner = self.planner()
        return check(planner, choice) if planner is not None else None

    def article_view(self, citation_id: str) -> ArticleView | None:
        """The whole Pasal a citation points to (`Citation.id`, or an article id), with its Penjelasan; when the
        citation points inside it, the quoted part and that part's own Penjelasan."""
        aid = ArticleId.try_parse(citation_id)
        if aid is None:
            return None
        art = self.searcher.article(str(aid.at("")))
        info = self.searcher.info(art.doc_id) if art else None
        if art is None or info is None:
            return None
        part = next((p for p in art.all_provisions() if p.path == aid.provision), None) if aid.provision else None
        return ArticleView(id=art.id, title=article_label(art, info), document=info.long_name,
                           status=self.searcher.status_of(art, info), text=art.text, penjelasan=art.penjelasan,
                           reconstructed=art.reconstructed, part=provision_words(aid.provision) if part else "",
                           part_text=part.text if part else "",
                           part_penjelasan=explanation_of(art.penjelasan, aid.provision) if part else "",
                           page=art.page, published=info.sources)

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
        if u.out_of_scope:
            return Prepared(u, None, notes, [], (time.perf_counter() - t0) * 1000)
        self._unloaded_named(u, notes)
        result = self.searcher.search(query, k=max(10, self.settings.max_sources + 4))
        planner = self.planner()
        # "Is UU 5/2014 Pasal 87 still in force?" is answered by the act that repealed it, not by a situation;
        # unless the rule map has the very question ("UU 5/2014 dicabut, PP 94/2021 ikut gugur?": the old law's
        # implementing regulations still stand), an entry marked to come first.
        # A repeal told as the premise of asking whether an act is now allowed ("UU itu kan sudah dicabut, jadi
        # sekarang PNS boleh dong jadi anggota partai?") is answered by the act's situation under the law in force.
        status_of_repealed = bool(u.repealed) and u.focus is not None and u.focus.asks_status \
            and not asks_permission(unglossed(u.focus.ask))
        plan = planner.plan(u.focus) if planner is not None and u.focus is not None else None
        if status_of_repealed and not (plan is not None and plan.situation is not None and plan.situation.priority):
            plan = None
        if plan is not None:
            notes.extend(n for n in plan.notes if n not in notes)
            # The grade of an act's penalty asked: the act's ban and the article that sets the grade answer it.
            grade_asked = u.focus is not None and u.focus.asks_grade and bool(plan.sanction)
            if plan.verdict == "informasi" and planner is not None and not (u.focus and u.focus.asks_permission) \
                    and not grade_asked:
                # A fact question (who decides, how the examination runs): the map knows the topic, search knows
                # which article of it answers this very question.
                planner.add_best_hit(plan, result.hits, self.settings.max_fact_sources,
                                     u.focus.election if u.focus is not None else "",
                                     u.focus.actor if u.focus is not None else "")
        elif u.focus is not None and not u.names_document and not u.follows_field and outside_field(u.focus.text):
            # No situation fits and nothing of neutrality, elections or discipline is named: another part of
            # civil-service life, answered by other rules and desks. A follow-up in the field is searched instead:
            # what it adds ("pas di sana sy dikasih kaos …") belongs to the question before.
            u.out_of_scope = True
            return Prepared(u, None, notes, [], (time.perf_counter() - t0) * 1000)
        else:
            plan = self._search_plan(u, result.hits, notes)
        retrieved = [s.article_id for s in plan.sources] if plan else []
        retrieved += [h.id for h in result.hits if h.id not in retrieved]
        return Prepared(u, plan, notes, retrieved, (time.perf_counter() - t0) * 1000)

    def _search_plan(self, u: Understood, hits: list[SearchHit], notes: list[str]) -> Plan | None:
        """No situation of the rule map fits: the closest provisions found by search, with a bottom line only
        where the quoted provisions state one."""
        sources = select_sources(self.searcher, hits, u.query, self.settings.max_sources)
        repeals: set[str] = set()
        for old, new in zip(u.repealed, u.replacements, strict=False):
            clause = repeal_clause(self.searcher, new.id, old)
            if clause is not None:
                # "Is X still in force?" is answered first by the article that repealed it, wherever search put it.
                sources = renumber([clause, *(s for s in sources if s.article_id != clause.article_id)])
                repeals.add(clause.article_id)
        sources = sources[: self.settings.extractive_sources]
        if not sources:
            return None
        notes.extend(n for n in self._missing_basis(u.query) if n not in notes)
        if any(s.status == "dicabut" for s in sources) and not u.repealed:
            notes.append("Sebagian rujukan berasal dari peraturan yang sudah dicabut dan hanya ditampilkan sebagai "
                         "pembanding; yang berlaku adalah peraturan penggantinya.")
        # A repeal clause says which act is in force, not whether the act asked about is allowed.
        verdict = extractive_verdict(u.question, [s for s in sources if s.article_id not in repeals],
                                     self.settings.verdict_sources)
        if repeals and not (u.focus is not None and u.focus.asks_permission):
            # "Is that old rule still used?" asks which act is in force: a fact, whatever the acts quoted beside
            # the repeal clause forbid.
            verdict = "informasi"
        if verdict == "informasi" and u.focus is not None and u.focus.asks_permission:
            notes.append("Situasi ini tidak ada dalam peta aturan netralitas yang ditinjau; pasal di bawah adalah "
                         "yang paling dekat dengan pertanyaan Anda, bukan jawaban boleh/tidak yang pasti. "
                         "Tanyakan kepada BKD atau Inspektorat untuk kasus Anda.")
        return Plan(verdict, "", "", None, renumber(sources))

    def _unloaded_named(self, u: Understood, notes: list[str]) -> None:
        """A governing document named whose official text is not loaded ("SE MenPANRB 18/2023"): say so. Its
        number and year stay in the query: the training materials that summarise it quote them."""
        if not u.named:
            return
        loaded = self.searcher.loaded_documents()
        for doc in u.named:
            if doc.id not in loaded and doc.missing_note and doc.missing_note not in notes:
                notes.append(doc.missing_note)

    def _missing_basis(self, question: str) -> list[str]:
        """Notes naming the expected documents (registry) that govern the question's topics but are not loaded."""
        asked = topics(question)
        if not asked:
            return []
        loaded = self.searcher.loaded_documents()
        return [d.missing_note for d in self.registry.governing(asked) if d.id not in loaded and d.missing_note]

    def _composed(self, prep: Prepared, t0: float, error: str = "", backend_down: bool = False) -> Answer:
        assert prep.plan is not None
        return self._finish(prep, planned_answer(prep.plan), prep.plan.verdict, citations_of(prep.plan.sources), t0,
                            "extractive", error=error, backend_down=backend_down)

    def _generate(self, prep: Prepared, t0: float) -> Iterator[str | Progress | Answer]:
        """The plan's bottom line at once; then the model's explanation, sentence by sentence as each passes the
        checks; then, for every planned source the explanation did not cite, its quote (the composed lines)."""
        assert self.generator is not None and prep.plan is not None
        plan = prep.plan
        head = bottom_line(plan)
        yield from stream_words(head + "\n")
        yield Progress("Menyusun penjelasan…")
        gate = ExplanationFilter(prep.understood.question, plan, self.settings.support_threshold)
        messages = build_explain_messages(prep.understood.question, plan, self.settings.prompt_source_chars)
        first_token: float | None = None
        error, down = "", False
        try:
            for piece in self.generator.stream(messages):
                if first_token is None:
                    first_token = time.perf_counter()
                for sentence in gate.feed(piece):
                    yield sentence + " "
            for sentence in gate.finish():
                yield sentence + " "
        except Exception as exc:  # server down, timeout, model crash: the user still gets the whole answer
            log.warning("backend %s failed: %s", self.generator.name, exc)
            error, down = f"{type(exc).__name__}: {exc}", True
        if not gate.accepted and not error:
            error = "jawaban model tidak dapat diverifikasi"
        # Quotes the explanation did not cite are shown as composed lines (the bottom line cites, but does not quote).
        cited = {int(n) for n in MARKER.findall(" ".join(gate.accepted))}
        rest = missing_lines(plan, cited)
        if rest:
            yield from stream_words(("\n" if gate.accepted else "") + "\n".join(rest))
        text = "\n".join(part for part in (head, " ".join(gate.accepted), "\n".join(rest)) if part)
        backend = self.backend if gate.accepted else "extractive"
        ans = self._finish(prep, text, plan.verdict, citations_of(plan.sources), t0, backend, error=error,
                           backend_down=down)
        if first_token is not None:
            ans.timings["first_token_ms"] = (first_token - t0) * 1000
        yield ans

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
            rule=prep.plan.situation.id if prep.plan is not None and prep.plan.situation is not None else "",
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
