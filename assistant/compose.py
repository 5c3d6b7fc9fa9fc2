"""Answer composers: the deterministic extractive one and the LLM one, plus citation checking.

The LLM may only cite the numbered sources it was given. After generation, markers pointing to no source
are removed and the citation list is rebuilt from the records of the sources actually cited, so a quote
shown to a user is always the corpus text, never the model's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import resources

from assistant.understanding import asks_permission
from netral.records import Citation, Source, Verdict
from netral.statuses import is_binding, status_label

_MARKER = re.compile(r"\[(\d{1,2})\]")
_VERDICT_LINE = re.compile(r"^\s*\**\s*jawaban\s*\**\s*:\s*\**\s*(?P<v>[^\n*.]+)", re.I | re.M)
_VERDICT_WORDS: list[tuple[str, Verdict]] = [
    ("tidak diatur", "di_luar_cakupan"),
    ("tidak tercakup", "di_luar_cakupan"),
    ("tidak boleh", "tidak_boleh"),
    ("dilarang", "tidak_boleh"),
    ("bersyarat", "bersyarat"),
    ("boleh", "boleh"),
    ("informasi", "informasi"),
]


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


def build_messages(question: str, sources: Sequence[Source], budget_chars: int) -> list[tuple[str, str]]:
    # One worked example on a deliberately unrelated point (who counts as ASN): small models copy examples,
    # and a copied sentence about that point is then rejected by the support check instead of passing.
    # The format reminder goes last, where a small model attends to it most.
    shot_q, shot_a = prompt_text("example_id.txt").split("---", 1)
    user = (
        f"SUMBER:\n{render_sources(sources, budget_chars)}\n\nPERTANYAAN: {question}\n\n"
        + prompt_text("format_id.txt").strip()
    )
    return [("system", prompt_text("system_id.txt")), ("human", shot_q.strip()), ("ai", shot_a.strip()),
            ("human", user)]


def parse_verdict(text: str) -> Verdict | None:
    m = _VERDICT_LINE.search(text)
    head = (m.group("v") if m else text[:60]).lower()
    for word, verdict in _VERDICT_WORDS:
        if word in head:
            return verdict
    return None


@dataclass
class CheckedText:
    text: str
    cited: list[Source]
    removed_markers: int


def check_citations(text: str, sources: Sequence[Source]) -> CheckedText:
    """Drop markers that point to no source; renumber the cited sources 1..n in order of first use."""
    by_number = {s.number: s for s in sources}
    order: list[int] = []
    removed = 0

    def repl(m: re.Match[str]) -> str:
        nonlocal removed
        n = int(m.group(1))
        if n not in by_number:
            removed += 1
            return ""
        if n not in order:
            order.append(n)
        return f"[{order.index(n) + 1}]"

    cleaned = _MARKER.sub(repl, text)
    cleaned = re.sub(r"[ \t]+([.,;])", r"\1", cleaned)
    cleaned = re.sub(r"[ \t]{2,}", " ", cleaned).strip()
    return CheckedText(cleaned, [by_number[n] for n in order], removed)


_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")


def _support(sentence: str, source: Source) -> float:
    """Share of the sentence's content words (stemmed) that occur in the cited article."""
    from ingest.lexical import tokenize

    words = set(tokenize(_MARKER.sub(" ", sentence)))
    if not words:
        return 1.0
    return len(words & set(tokenize(source.text + " " + source.quote + " " + source.label))) / len(words)


def keep_supported(text: str, sources: Sequence[Source], threshold: float) -> str:
    """Drop citation markers whose source does not share the sentence's words, then drop sentences that
    state something no source supports. A small model cites [1] after anything; this keeps only what the
    cited text can carry."""
    by_number = {s.number: s for s in sources}
    kept: list[str] = []
    for sentence in _SENTENCE.findall(text):
        markers = [int(n) for n in _MARKER.findall(sentence)]
        good = [n for n in markers if n in by_number and _support(sentence, by_number[n]) >= threshold]
        for n in set(markers) - set(good):
            sentence = sentence.replace(f"[{n}]", "")
        best = max((_support(sentence, s) for s in sources), default=0.0)
        if good or best >= threshold or not sentence.strip():
            kept.append(sentence)
    return "".join(kept).strip()


def citations_of(sources: Sequence[Source]) -> list[Citation]:
    return [
        Citation(id=s.citation_id, doc_id=s.doc_id, label=s.label, status=s.status, quote=s.quote,
                 number=k, article_id=s.article_id)
        for k, s in enumerate(sources, start=1)
    ]


# --- extractive ----------------------------------------------------------------------------------------------

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


def extractive_answer(question: str, sources: Sequence[Source], verdict: Verdict) -> str:
    lines = [_VERDICT_SENTENCE.get(verdict, _VERDICT_SENTENCE["informasi"])]
    for s in sources:
        tag = " (materi sosialisasi, tidak mengikat)" if s.status == "materi" else ""
        if s.status == "dicabut":
            tag = " (sudah dicabut; hanya sebagai rujukan sejarah)"
        quote = s.quote if len(s.quote) <= 400 else s.quote[:400].rsplit(" ", 1)[0] + " …"
        lines.append(f"- {s.label}{tag}: “{quote}” [{s.number}]")
    return "\n".join(lines)


def stream_words(text: str) -> Iterator[str]:
    """Token-like pieces of a finished text, so every backend can feed the same streaming UI."""
    yield from re.findall(r"\S+\s*", text)
