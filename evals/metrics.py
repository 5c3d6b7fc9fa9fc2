"""The project's own metrics: retrieval by article id, citations, verdicts, abstention, repealed law.

Everything is computed at article level: a citation of `pp-94-2021/pasal-5/huruf-n` counts as
`pp-94-2021/pasal-5`, the unit the gold set is written in.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from statistics import mean
from typing import Any

from evals.gold import GoldItem
from netral.ids import article_of
from netral.records import Answer

KS = (1, 3, 5, 10)


@dataclass(frozen=True)
class Metric:
    """A summary number of an evaluation run: its name (the key in metrics.json and in thresholds.toml), which
    way is better, and what it measures."""

    name: str
    higher_is_better: bool
    description: str

    @property
    def bound(self) -> str:
        """The thresholds.toml bound that guards it: a floor for higher-is-better metrics, else a ceiling."""
        return "min" if self.higher_is_better else "max"


METRICS: tuple[Metric, ...] = (
    *(Metric(f"hit@{k}", True, f"a reference article among the first {k} retrieved") for k in KS),
    Metric("mrr", True, "mean reciprocal rank of the first reference article retrieved"),
    Metric("id_context_precision", True, "ragas IDBasedContextPrecision over article ids"),
    Metric("id_context_recall", True, "ragas IDBasedContextRecall over article ids"),
    Metric("citation_hit", True, "a reference article among the citations"),
    Metric("citation_precision", True, "share of cited articles that are reference articles"),
    Metric("citation_recall", True, "share of reference articles cited"),
    Metric("citation_validity", True, "every citation exists in the corpus and quotes it exactly"),
    Metric("citations_per_answer", False, "citations shown per in-scope answer (fewer, right ones are better)"),
    Metric("verdict_accuracy", True, "verdict equals the reference verdict"),
    Metric("condition_stated", True, "bersyarat items answered bersyarat with most of the reference condition's words"),
    Metric("abstention_accuracy", True, "out-of-scope questions declined"),
    Metric("false_abstention_rate", False, "in-scope questions declined"),
    Metric("repealed_as_in_force", False, "citations of repealed law shown as in force (count)"),
    Metric("string_similarity", True, "ragas NonLLMStringSimilarity to the reference answer"),
    Metric("rouge_l", True, "ROUGE-L to the reference answer"),
    Metric("chrf", True, "chrF to the reference answer"),
    Metric("faithfulness", True, "ragas Faithfulness (LLM judge)"),
    Metric("response_relevancy", True, "ragas ResponseRelevancy (LLM judge)"),
    Metric("seconds_mean", False, "mean seconds per answer"),
    Metric("crashed", False, "items whose answer raised (count)"),
)
METRIC_BY_NAME = {m.name: m for m in METRICS}


@dataclass
class ItemResult:
    item: GoldItem
    answer: Answer | None
    error: str = ""
    seconds: float = 0.0
    scores: dict[str, float] = field(default_factory=dict)

    @property
    def retrieved(self) -> list[str]:
        return self.answer.retrieved if self.answer else []

    @property
    def cited(self) -> list[str]:
        if not self.answer:
            return []
        out: list[str] = []
        for c in self.answer.citations:
            a = article_of(c.id)
            if a not in out:
                out.append(a)
        return out


@dataclass(frozen=True)
class CorpusFacts:
    """What scoring reads from the index: each article's exact text (to check quotes), each document's status, and
    for each article of an amending act the article whose text it replaced. The two name one provision: "Pasal 117
    UU 7/2017" in a reference and its text in force, "Pasal 117 … sebagaimana diubah dengan Perppu 1/2022", in an
    answer (or the other way round) are the same basis."""

    texts: Mapping[str, str]
    doc_status: Mapping[str, str]
    replaces: Mapping[str, str] = field(default_factory=dict)

    def provision(self, article_id: str) -> str:
        return self.replaces.get(article_id, article_id)


def retrieval_scores(retrieved: Sequence[str], reference: Sequence[str]) -> dict[str, float]:
    ref = set(reference)
    ranks = [i for i, r in enumerate(retrieved, start=1) if r in ref]
    out = {f"hit@{k}": float(any(r <= k for r in ranks)) for k in KS}
    out["mrr"] = 1.0 / ranks[0] if ranks else 0.0
    return out


def citation_scores(cited: Sequence[str], reference: Sequence[str]) -> dict[str, float]:
    ref = set(reference)
    good = [c for c in cited if c in ref]
    return {
        "citation_hit": float(bool(good)),
        "citation_precision": len(good) / len(cited) if cited else 0.0,
        "citation_recall": len(set(good)) / len(ref) if ref else 0.0,
    }


def score_item(r: ItemResult, corpus: CorpusFacts) -> dict[str, float]:
    """Per-item scores."""
    s: dict[str, float] = {}
    a = r.answer
    if a is None:
        return {"crashed": 1.0}
    s["abstained"] = float(a.abstained)
    s["verdict_correct"] = float(a.verdict == r.item.verdict)
    # Every citation must exist in the corpus and quote its text exactly.
    valid = [c for c in a.citations if c.quote.rstrip(" …") in corpus.texts.get(article_of(c.id), "")]
    s["citations"] = float(len(a.citations))
    s["citation_valid"] = float(len(valid) == len(a.citations))
    s["repealed_as_in_force"] = float(sum(
        1 for c in a.citations if corpus.doc_status.get(c.doc_id) == "dicabut" and c.status != "dicabut"
    ))
    if r.item.verdict == "bersyarat" and r.item.condition:
        s["condition_stated"] = float(a.verdict == "bersyarat" and condition_overlap(r.item.condition, a.answer) >= 0.5)
    if not r.item.out_of_scope and r.item.reference_context_ids:
        # Items grounded only on training material (the binding text is not in the corpus) have no basis to score.
        reference = [corpus.provision(i) for i in r.item.reference_context_ids]
        s.update(retrieval_scores([corpus.provision(i) for i in r.retrieved], reference))
        s.update(citation_scores([corpus.provision(i) for i in r.cited], reference))
    return s


def condition_overlap(condition: str, answer: str) -> float:
    """Share of the reference condition's content words (stemmed) that the answer contains."""
    from ingest.lexical import tokenize

    words = set(tokenize(condition))
    return len(words & set(tokenize(answer))) / len(words) if words else 0.0


def aggregate(results: Sequence[ItemResult]) -> dict[str, Any]:
    """Summary numbers over a list of scored results."""
    ok = [r for r in results if r.answer is not None]
    in_scope = [r for r in ok if not r.item.out_of_scope]
    out_scope = [r for r in ok if r.item.out_of_scope]

    def avg(rs: Sequence[ItemResult], key: str) -> float | None:
        vals = [r.scores[key] for r in rs if key in r.scores]
        return round(mean(vals), 4) if vals else None

    m: dict[str, Any] = {"items": len(results), "crashed": len(results) - len(ok), "in_scope": len(in_scope),
                         "out_of_scope": len(out_scope)}
    for k in (*[f"hit@{k}" for k in KS], "mrr", "citation_hit", "citation_precision", "citation_recall"):
        m[k] = avg(in_scope, k)
    m["verdict_accuracy"] = avg(ok, "verdict_correct")
    m["condition_stated"] = avg(ok, "condition_stated")
    answered = [r for r in in_scope if not r.scores.get("abstained")]
    m["citations_per_answer"] = avg(answered, "citations")
    m["abstention_accuracy"] = avg(out_scope, "abstained")
    m["false_abstention_rate"] = avg(in_scope, "abstained")
    m["citation_validity"] = avg(ok, "citation_valid")
    m["repealed_as_in_force"] = int(sum(r.scores.get("repealed_as_in_force", 0) for r in ok))
    m["seconds_mean"] = round(mean(r.seconds for r in results), 3) if results else None
    return m
