"""The situation checker: an act chosen from the rule map gets the plan a question about it gets (verdict,
condition, provisions, sanction), only for the askers the entry binds, and its card's link carries the choice."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from assistant.answering import Assistant
from assistant.checker import Choice, acts, election_of
from assistant.retrieval import HybridSearcher
from corpus.registry import Registry
from corpus.rules import RuleMap
from ingest.index import Index
from netral.config import Settings
from tests.conftest import HashEmbedder
from ui.checker_tab import CheckerHandlers, link_params

RULES = Path(__file__).parent / "fixtures" / "rules_small.toml"


@pytest.fixture
def assistant(ingested: Index, settings: Settings, registry: Registry) -> Assistant:
    searcher = HybridSearcher(ingested, HashEmbedder(), registry, settings)
    return Assistant(searcher, registry, settings, rules=RuleMap.load(RULES))


def test_acts_are_the_entries_that_bind_the_asker(assistant: Assistant) -> None:
    pns = [i for _t, i in assistant.situation_acts("PNS")]
    assert pns == sorted(pns, key=lambda i: next(t for t, j in assistant.situation_acts("PNS") if j == i).lower())
    assert {"kampanye-pasangan", "kampanye-atribut", "kampanye"} <= set(pns)
    assert "pasal-hilang" not in pns  # its provision is not in the index
    cpns = {i for _t, i in assistant.situation_acts("CPNS")}
    assert "kampanye-pasangan" not in cpns and "kampanye-atribut" in cpns


def test_checked_act_gets_the_plan_its_question_gets(assistant: Assistant) -> None:
    card = assistant.check_situation(Choice("PNS", "semua", "kampanye", "kampanye-pasangan"))
    asked = assistant.answer("boleh nggak saya datang ke kampanye suami saya?")
    assert card is not None
    assert card.verdict == asked.verdict == "bersyarat"
    assert [c.id for c in card.citations][:1] == [c.id for c in asked.citations][:1]
    assert card.answer.startswith("Bersyarat: Boleh hadir hanya bila sedang cuti di luar tanggungan negara")


def test_an_act_not_ruled_for_the_asker_gets_no_card(assistant: Assistant) -> None:
    assert assistant.check_situation(Choice("CPNS", "semua", "", "kampanye-pasangan")) is None
    assert assistant.check_situation(Choice("PNS", "semua", "", "tidak-ada")) is None
    assert assistant.check_situation(Choice("PNS", "semua", "", "pasal-hilang")) is None


def test_hand_edited_link_values_fall_back_to_defaults() -> None:
    assert Choice("presiden", "pilpres", "kemarin", "x").valid() == Choice("PNS", "semua", "", "x")


def test_election_of_an_entry_follows_the_statutes_it_rests_on() -> None:
    rules = RuleMap.load()
    by_id = {s.id: s for s in rules.situations}
    assert election_of(by_id["mencalonkan-kepala-daerah"]) == "pilkada"
    assert election_of(by_id["kampanye-atribut"]) == "semua"
    pemilu = {i for _t, i in acts(rules, "PNS", "pemilu")}
    pilkada = {i for _t, i in acts(rules, "PNS", "pilkada")}
    assert "mencalonkan-kepala-daerah" in pilkada and "mencalonkan-kepala-daerah" not in pemilu
    assert "kampanye-atribut" in pemilu and "kampanye-atribut" in pilkada
    assert all(by_id[i].verdict != "informasi" for i in pemilu | pilkada)


def test_card_and_link_carry_the_choice(assistant: Assistant) -> None:
    h = CheckerHandlers(assistant, assistant.article_view)
    card, query = h.card("PNS", "pilkada", "kampanye", "kampanye-atribut")
    assert 'class="nt-verdict v-tidak"' in card and "Kampanye dengan atribut" in card
    assert "Masa kampanye" in card and 'id="sitasi-cek-1"' in card
    assert query == "?tab=cek&pelaku=PNS&pemilihan=pilkada&tahapan=kampanye&perbuatan=kampanye-atribut"
    request = SimpleNamespace(query_params=link_params(Choice("PNS", "pilkada", "kampanye", "kampanye-atribut")))
    reopened = h.from_url(request)  # type: ignore[arg-type]
    assert reopened[1:4] == ("PNS", "pilkada", "kampanye") and reopened[5] == card
    empty, no_link = h.card("PNS", "semua", "", None)
    assert no_link == "" and "Periksa" in empty
    refused, _ = h.card("CPNS", "semua", "", "kampanye-pasangan")
    assert "tidak diatur untuk pilihan Anda" in refused
