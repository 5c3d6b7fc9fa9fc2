"""The LLM-judged ragas metrics run end to end with a scripted chat model and Indonesian prompts."""

from __future__ import annotations

import json
from typing import Any

from langchain_core.language_models.fake_chat_models import FakeListChatModel

from evals.gold import GoldItem
from evals.metrics import ItemResult
from evals.ragas_eval import NLI_INSTRUCTION, STATEMENT_INSTRUCTION, judged_scores
from netral.records import Answer, Citation
from tests.conftest import HashEmbedder


class ScriptedJudge(FakeListChatModel):
    """Answers each ragas prompt with valid JSON, chosen by the (Indonesian) instruction it receives."""

    seen: list[str] = []

    def _call(self, messages: Any, stop: Any = None, run_manager: Any = None, **kwargs: Any) -> str:
        text = "\n".join(str(getattr(m, "content", m)) for m in messages)
        type(self).seen.append(text)
        if STATEMENT_INSTRUCTION[:40] in text:
            return json.dumps({"statements": ["PNS dilarang menjadi anggota partai politik."]})
        if NLI_INSTRUCTION[:40] in text:
            return json.dumps({"statements": [{"statement": "PNS dilarang menjadi anggota partai politik.",
                                               "reason": "Tertulis di konteks.", "verdict": 1}]})
        return json.dumps({"question": "Apakah PNS boleh menjadi anggota partai politik?", "noncommittal": 0})


def test_faithfulness_and_relevancy_with_indonesian_prompts() -> None:
    item = GoldItem("t1", "Apakah PNS boleh menjadi anggota partai politik?", "Tidak boleh.",
                    ("pp-11-2017/pasal-255",), "tidak_boleh", "partai")
    answer = Answer(question=item.user_input, answer="PNS dilarang menjadi anggota partai politik [1].",
                    verdict="tidak_boleh", backend="test",
                    citations=[Citation("pp-11-2017/pasal-255", "pp-11-2017", "Pasal 255 PP 11/2017", "berlaku",
                                        "PNS dilarang menjadi anggota dan/atau pengurus partai politik.")],
                    retrieved=["pp-11-2017/pasal-255"])
    result = ItemResult(item, answer)
    ScriptedJudge.seen = []
    judged_scores([result], ScriptedJudge(responses=["-"]), HashEmbedder())
    assert result.scores["faithfulness"] == 1.0
    assert 0.0 < result.scores["response_relevancy"] <= 1.0
    assert any("pernyataan" in s for s in ScriptedJudge.seen)  # the prompts were Indonesian
