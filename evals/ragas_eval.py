"""ragas metrics: id-based retrieval metrics and non-LLM answer similarity always; LLM-judged faithfulness
and relevancy with `--judge`, with their prompts rewritten in Indonesian (ragas' defaults are English and a
small local judge follows instructions in the language of the text much better)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from typing import Any

from evals.metrics import ItemResult

log = logging.getLogger(__name__)

NON_LLM = ("id_context_precision", "id_context_recall", "string_similarity", "rouge_l", "chrf")
JUDGED = ("faithfulness", "response_relevancy")


def _sample(r: ItemResult) -> Any:
    from ragas.dataset_schema import SingleTurnSample

    a = r.answer
    assert a is not None
    return SingleTurnSample(
        user_input=r.item.user_input,
        response=a.answer,
        reference=r.item.reference,
        retrieved_contexts=[c.quote for c in a.citations] or [""],
        retrieved_context_ids=list(a.retrieved),
        reference_context_ids=list(r.item.reference_context_ids) or ["-"],
    )


def non_llm_scores(results: Sequence[ItemResult]) -> None:
    """Adds the non-LLM ragas metrics to each result's scores (in place)."""
    from ragas.metrics import IDBasedContextPrecision, IDBasedContextRecall, NonLLMStringSimilarity, RougeScore
    from ragas.metrics.collections import CHRFScore

    id_p, id_r, sim, rouge, chrf = (IDBasedContextPrecision(), IDBasedContextRecall(), NonLLMStringSimilarity(),
                                    RougeScore(), CHRFScore())

    async def run() -> None:
        for r in results:
            if r.answer is None:
                continue
            s = _sample(r)
            if not r.item.out_of_scope:
                r.scores["id_context_precision"] = float(await id_p.single_turn_ascore(s))
                r.scores["id_context_recall"] = float(await id_r.single_turn_ascore(s))
            r.scores["string_similarity"] = float(await sim.single_turn_ascore(s))
            r.scores["rouge_l"] = float(await rouge.single_turn_ascore(s))
            res = await chrf.ascore(reference=r.item.reference, response=r.answer.answer)
            r.scores["chrf"] = float(res.value)

    asyncio.run(run())


# --- LLM-judged metrics with Indonesian prompts -----------------------------------------------------------

STATEMENT_INSTRUCTION = (
    "Diberikan sebuah pertanyaan dan sebuah jawaban, uraikan setiap kalimat jawaban menjadi satu atau beberapa "
    "pernyataan yang dapat dipahami sendiri. Jangan memakai kata ganti. Tulis pernyataan dalam bahasa "
    "Indonesia. Keluarkan dalam format JSON."
)
NLI_INSTRUCTION = (
    "Tugas Anda menilai kesetiaan (faithfulness) sejumlah pernyataan terhadap konteks yang diberikan. Untuk "
    "setiap pernyataan, beri verdict 1 bila pernyataan dapat disimpulkan langsung dari konteks, atau 0 bila "
    "tidak. Konteks dan pernyataan berbahasa Indonesia; tulis alasan dalam bahasa Indonesia."
)
RELEVANCE_INSTRUCTION = (
    "Buat satu pertanyaan (dalam bahasa Indonesia) yang dijawab oleh jawaban berikut, lalu tentukan apakah "
    "jawaban itu mengelak (noncommittal). Beri noncommittal 1 bila jawaban mengelak atau tidak tegas "
    "(misalnya 'saya tidak tahu'), dan 0 bila jawaban tegas."
)


def indonesian_prompts(metric: Any) -> Any:
    """Replace each prompt's instruction with an Indonesian one; keep ragas' examples and output models."""
    prompts = metric.get_prompts()
    table = {
        "statement_generator_prompt": STATEMENT_INSTRUCTION,
        "n_l_i_statement_prompt": NLI_INSTRUCTION,
        "response_relevance_prompt": RELEVANCE_INSTRUCTION,
    }
    for name, prompt in prompts.items():
        if name in table:
            prompt.instruction = table[name]
            prompt.language = "indonesian"
    metric.set_prompts(**prompts)
    return metric


class _Embeddings:
    """Our embedder as a LangChain Embeddings object (for ResponseRelevancy)."""

    def __init__(self, embedder: Any):
        self.embedder = embedder

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [v.tolist() for v in self.embedder.embed_passages(texts)]

    def embed_query(self, text: str) -> list[float]:
        return list(self.embedder.embed_query(text).tolist())

    async def aembed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embed_documents(texts)

    async def aembed_query(self, text: str) -> list[float]:
        return self.embed_query(text)


def judged_scores(results: Sequence[ItemResult], chat_model: Any, embedder: Any) -> None:
    """Faithfulness and response relevancy judged by `chat_model` (any LangChain chat model)."""
    from langchain_core.embeddings import Embeddings
    from ragas.embeddings import LangchainEmbeddingsWrapper
    from ragas.llms import LangchainLLMWrapper
    from ragas.metrics import Faithfulness, ResponseRelevancy

    class Adapter(_Embeddings, Embeddings):
        pass

    llm = LangchainLLMWrapper(chat_model)
    faith = indonesian_prompts(Faithfulness(llm=llm))
    rel = indonesian_prompts(ResponseRelevancy(llm=llm, embeddings=LangchainEmbeddingsWrapper(Adapter(embedder)),
                                               strictness=1))

    async def run() -> None:
        for r in results:
            if r.answer is None or r.answer.abstained:
                continue
            s = _sample(r)
            for key, metric in (("faithfulness", faith), ("response_relevancy", rel)):
                try:
                    r.scores[key] = float(await metric.single_turn_ascore(s))
                except Exception as exc:  # a judge that returns unparsable JSON must not stop the run
                    log.warning("judge failed on %s/%s: %s", r.item.id, key, exc)

    asyncio.run(run())
