"""Answers composed from a plan, and the gate a generated explanation of a plan must pass.

The composed answer is the plan in words: the bottom line first, then every planned provision with its exact
corpus text. A language model may only explain a decided plan: its sentences are shown one by one, each only
after it cites planned sources that carry its words and states no other verdict. Citations come from the plan's
records, so a quote shown to a user is always the corpus text, never the model's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from importlib import resources

from assistant.planning import Plan
from assistant.understanding import asks_permission
from ingest.lexical import tokenize
from netral.records import Citation, Source, Verdict
from netral.statuses import is_binding, status_label

MARKER = re.compile(r"\[(\d{1,2})\]")


def prompt_text(name: str) -> str:
    return resources.files("assistant").joinpath(f"prompts/{name}").read_text(encoding="utf-8")


def render_sources(sources: Sequence[Source], budget_chars: int) -> str:
    """Numbered sources for the prompt: the matching provision of each, cut to its share of the budget."""
    per = max(150, budget_chars // max(1, len(sources)))
    lines = []
    for s in sources:
        status = "materi" if s.status == "materi" else status_label(s.status)
        body = s.quote if len(s.quote) <= per else s.quote[:per].rsplit(" ", 1)[0] + " …"
        lines.append(f"[{s.number}] {s.label} ({status}): {body}")
    return "\n".join(lines)


def citations_of(sources: Sequence[Source]) -> list[Citation]:
    return [
        Citation(id=s.citation_id, doc_id=s.doc_id, label=s.label, status=s.status, quote=s.quote,
                 number=k, article_id=s.article_id)
        for k, s in enumerate(sources, start=1)
    ]


# --- a bottom line from search alone (no situation of the rule map fits) ------------------------------------

_PROHIBITION = re.compile(r"\bdilarang\b|melanggar ketentuan larangan|tidak dengan hormat", re.I)
_CONDITION = re.compile(
    r"\b(mengundurkan diri|wajib mengundurkan|harus mengundurkan|cuti di luar tanggungan|dengan syarat|"
    r"sepanjang|kecuali|tanpa menggunakan atribut)\b",
    re.I,
)


def extractive_verdict(question: str, sources: Sequence[Source], verdict_sources: int) -> Verdict:
    """A bottom line only where the quoted provisions state one; otherwise "informasi"."""
    if not sources or not asks_permission(question):
        return "informasi"
    binding = [s for s in sources[:verdict_sources] if is_binding(s.status)]
    for s in binding:
        lead = s.text.split("\n", 1)[0]
        if _PROHIBITION.search(s.quote) or (s.provision and _PROHIBITION.search(lead)):
            return "tidak_boleh"
        if _CONDITION.search(s.quote):
            return "bersyarat"
    return "informasi"


_VERDICT_SENTENCE: dict[str, str] = {
    "tidak_boleh": "Tidak boleh. Peraturan yang berlaku melarangnya:",
    "bersyarat": "Bersyarat. Peraturan mengaturnya dengan syarat tertentu:",
    "boleh": "Boleh, sesuai ketentuan berikut:",
    "informasi": "Berikut ketentuan yang paling relevan dengan pertanyaan Anda:",
}


# --- answers composed from a plan ---------------------------------------------------------------------------

_BOTTOM_LINE: dict[str, str] = {
    "tidak_boleh": "Tidak boleh.",
    "boleh": "Boleh.",
    "bersyarat": "Bersyarat:",
    "informasi": "",
}


def bottom_line(plan: Plan) -> str:
    """The first line a person reads: the verdict, its condition, and the rule with its basis."""
    if plan.situation is None:
        return _VERDICT_SENTENCE.get(plan.verdict, _VERDICT_SENTENCE["informasi"])
    law = plan.basis[0] if plan.basis else (plan.materials[0] if plan.materials else None)
    # The condition is cited to the provision that governs it when the map names one, else to the training
    # material that states it (it often comes from a circular the corpus lacks).
    said = plan.condition[0] if plan.condition else (plan.materials[0] if plan.materials else law)
    rule = f"{_sentence(plan.rule)}{_marker(plan, law)}."
    head = _BOTTOM_LINE.get(plan.verdict, "")
    if plan.refusing:
        return f"Boleh menolak, dan memang sepatutnya: yang diminta justru dilarang. {rule}"
    if plan.verdict == "bersyarat":
        return f"{head} {_sentence(plan.condition_text)}{_marker(plan, said)}. {rule}"
    level = plan.situation.sanction_level
    if plan.verdict == "informasi" and plan.sanction and level:
        # A case being handled asks what follows: the level of the penalty comes first, then the rule broken.
        return f"Perbuatan ini diancam {penalty_name(level)}{_marker(plan, plan.sanction[0])}. {rule}"
    return f"{head} {rule}".strip()


def penalty_name(level: str) -> str:
    """"hukuman disiplin sedang"; a breach of the code of ethics carries a moral sanction, not a disciplinary one."""
    return "sanksi moral (pelanggaran kode etik)" if level == "moral" else f"hukuman disiplin {level}"


def _marker(plan: Plan, source: Source | None) -> str:
    return f" [{plan.number_of(source)}]" if source is not None else ""


def _sentence(text: str) -> str:
    """Without its final full stop, so a citation marker can follow it."""
    return text.strip().rstrip(".")


def _quote_line(s: Source, number: int, lead_in: str = "") -> str:
    tag = " (materi sosialisasi, tidak mengikat)" if s.status == "materi" else ""
    if s.status == "dicabut":
        tag = " (sudah dicabut; hanya sebagai rujukan sejarah)"
    quote = s.quote if len(s.quote) <= 400 else s.quote[:400].rsplit(" ", 1)[0] + " …"
    if s.lead:
        quote = f"{s.lead} … {quote}"
    return f"- {lead_in}{s.label}{tag}: “{quote}” [{number}]"


def missing_lines(plan: Plan, cited: set[int]) -> list[str]:
    """The composed lines for the planned sources a generated explanation did not cite, so that every source
    the plan chose is shown with its quote."""
    lines = [_quote_line(s, plan.number_of(s)) for s in (*plan.basis, *plan.condition, *plan.materials)
             if plan.number_of(s) not in cited]
    level = plan.situation.sanction_level if plan.situation else ""
    for s in plan.sanction:
        if plan.number_of(s) not in cited:
            # "Sanksi: hukuman disiplin sedang — Pasal 13 huruf g PP 94/2021: “…” [2]"
            lines.append(_quote_line(s, plan.number_of(s), f"Sanksi: {penalty_name(level)} — " if level else
                                     "Sanksi — "))
    for other, source in plan.others:
        if plan.number_of(source) not in cited:
            lines.append(f"Selain itu ({other.title.lower()}): {_sentence(other.rule)} [{plan.number_of(source)}].")
    return lines


def planned_answer(plan: Plan) -> str:
    return "\n".join([bottom_line(plan), *missing_lines(plan, set())])


def build_explain_messages(question: str, plan: Plan, budget_chars: int) -> list[tuple[str, str]]:
    """A model is asked to explain a decided plan in plain words, never to decide it."""
    decided = bottom_line(plan)
    user = (f"SUMBER:\n{render_sources(plan.sources, budget_chars)}\n\nKESIMPULAN: {decided}\n\n"
            f"PERTANYAAN: {question}\n\nTulis 1-3 kalimat penjelasan, tiap kalimat diakhiri [nomor sumber].")
    return [("system", prompt_text("explain_id.txt")), ("human", user)]


_CONTRARY: dict[str, re.Pattern[str]] = {
    # A sentence that states another verdict than the plan's is not an explanation of it.
    "tidak_boleh": re.compile(r"(?<!tidak )\b(boleh|diperbolehkan|diizinkan|tidak dilarang|aman)\b", re.I),
    "boleh": re.compile(r"\b(tidak boleh|dilarang|melanggar|pelanggaran)\b", re.I),
    "bersyarat": re.compile(r"\b(selalu boleh|bebas|sama sekali tidak boleh)\b", re.I),
    "informasi": re.compile(r"$^"),
}


class ExplanationFilter:
    """Takes a model's text piece by piece and lets through only whole sentences that may be shown: each cites
    planned sources only, is supported by the source it cites, states no other verdict, and does not repeat the
    question. Nothing it lets through is taken back later."""

    def __init__(self, question: str, plan: Plan, threshold: float):
        self.plan = plan
        self.threshold = threshold
        self._numbers = {s.number for s in plan.sources}
        self._by_number = {s.number: s for s in plan.sources}
        self._question_words = set(tokenize_words(question))
        self._buffer = ""
        self.accepted: list[str] = []

    def feed(self, piece: str) -> list[str]:
        self._buffer += piece
        out = []
        while True:
            m = re.search(r"[.!?](?:\s*\[\d{1,2}\])*[.!?]?(?=\s|$)|\n", self._buffer)
            if not m or (m.end() == len(self._buffer) and m.group(0) != "\n"):
                break  # a sentence end at the very end may still be followed by its marker
            sentence, self._buffer = self._buffer[: m.end()], self._buffer[m.end():]
            if self._acceptable(sentence.strip()):
                out.append(sentence.strip())
        self.accepted += out
        return out

    def finish(self) -> list[str]:
        rest, self._buffer = self._buffer.strip(), ""
        out = [rest] if rest and self._acceptable(rest) else []
        self.accepted += out
        return out

    def _acceptable(self, sentence: str) -> bool:
        if not sentence or re.match(r"^\**\s*(jawaban|kesimpulan)\s*\**\s*:", sentence, re.I):
            return False
        markers = [int(n) for n in MARKER.findall(sentence)]
        if not markers or any(n not in self._numbers for n in markers):
            return False
        if any(_support(sentence, self._by_number[n]) < self.threshold for n in markers):
            return False
        if _CONTRARY[self.plan.verdict].search(MARKER.sub(" ", sentence)):
            return False
        words = set(tokenize_words(MARKER.sub(" ", sentence)))
        return bool(words - self._question_words)


def tokenize_words(text: str) -> list[str]:
    return tokenize(text)


def _support(sentence: str, source: Source) -> float:
    """Share of the sentence's content words (stemmed) that occur in the cited source."""
    words = set(tokenize(MARKER.sub(" ", sentence)))
    if not words:
        return 1.0
    return len(words & set(tokenize(source.text + " " + source.quote + " " + source.label))) / len(words)


def stream_words(text: str) -> Iterator[str]:
    """Token-like pieces of a finished text, so every backend can feed the same streaming UI."""
    yield from re.findall(r"\S+\s*", text)
