"""The situation checker: who asks, which election, which act, chosen from the rule map instead of written as a
question, answered by the same plan a matched question gets (verdict, condition, provisions, sanction), so the
card and the chat never disagree. No words are matched: the chosen situation is planned as it stands."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.compose import citations_of, planned_answer
from assistant.planning import Planner
from assistant.understanding import Focus
from corpus.rules import ELECTION_DOCS, RuleMap, Situation
from netral.ids import ArticleId
from netral.records import Answer

ACTORS = {"PNS": "PNS", "PPPK": "PPPK", "CPNS": "CPNS", "pejabat": "Pejabat (ASN yang menduduki jabatan)",
          "kepala_daerah": "Kepala daerah atau wakilnya"}
ELECTIONS = {"semua": "Pemilu atau Pilkada", "pemilu": "Pemilu (presiden, DPR, DPD, DPRD)",
             "pilkada": "Pilkada (gubernur, bupati, wali kota)"}
STAGES = {"sebelum-pendaftaran": "Sebelum pendaftaran calon", "penetapan-calon": "Setelah penetapan calon",
          "kampanye": "Masa kampanye", "masa-tenang": "Masa tenang", "pemungutan": "Hari pemungutan suara",
          "setelah": "Setelah pemungutan suara"}


@dataclass(frozen=True)
class Choice:
    """What the asker chose; each part has a fixed set of values (the URL of a checker card carries them)."""

    actor: str = "PNS"
    election: str = "semua"
    stage: str = ""
    act: str = ""  # a situation id of the rule map

    def valid(self) -> Choice:
        """The same choice with every unknown value replaced by the default (a hand-edited link)."""
        return Choice(self.actor if self.actor in ACTORS else "PNS",
                      self.election if self.election in ELECTIONS else "semua",
                      self.stage if self.stage in STAGES else "", self.act)


def election_of(s: Situation) -> str:
    """"pilkada" or "pemilu" when only that election's statutes ground the entry; "semua" otherwise (an entry
    grounded only on the regional-election acts is not offered for a general election, and the reverse)."""
    docs = {ArticleId.parse(i).doc for i in s.ids() if ArticleId.try_parse(i)}
    only = [kind for kind, own in ELECTION_DOCS.items()
            if docs & own and not docs & set().union(*(o for k, o in ELECTION_DOCS.items() if k != kind))]
    return only[0] if only else "semua"


def acts(rules: RuleMap, actor: str, election: str = "semua") -> list[tuple[str, str]]:
    """(title, situation id) of the acts the map rules on for this asker in this election, by title. Entries that
    state facts (who decides, where to report) are questions for the chat, not acts to check."""
    found = [(s.title, s.id) for s in rules.situations
             if s.verdict != "informasi" and actor in s.applies_to
             and (election == "semua" or election_of(s) in ("semua", election))]
    return sorted(found, key=lambda x: x[0].lower())


def check(planner: Planner, choice: Choice) -> Answer | None:
    """The checker's answer for `choice`: None when the act is unknown, not ruled for this asker, or its
    provisions are not all loaded."""
    s = planner.rules.get(choice.act)
    if s is None or s.verdict == "informasi":
        return None
    words = re.sub(r"\s+", " ", f"{s.title} {s.description}".lower())
    # Asked as "may I, and what is the sanction?": the card shows the verdict and, for a forbidden act, the
    # provision that sets the sanction.
    focus = Focus(text=words, ask=words, actor=choice.actor, asks_permission=True, asks_sanction=True,
                  asks_who=False, asks_report=False, asks_when=False, asks_procedure=False, asks_status=False,
                  reports_case=False, injected=False)
    plan = planner.plan_situation(s, focus)
    if plan is None:
        return None
    citations = citations_of(plan.sources)
    setting = {src.citation_id for src in plan.sanction}
    return Answer(question=f"{ACTORS[choice.actor]}: {s.title}", answer=planned_answer(plan), verdict=plan.verdict,
                  citations=citations, notes=list(plan.notes), backend="peta aturan", query=s.id, rule=s.id,
                  sanctions=[f"{c.label}: {c.quote}" for c in citations if c.id in setting])
