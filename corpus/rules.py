"""The rule map (corpus/rules.toml): one entry per situation the neutrality regulations govern.

Reviewed data, written from the law and the training materials: what the situation is, the words that show a
question is about it (facets), who it applies to, the verdict and its condition, and the article ids that ground
it. An entry whose ids are not all in the index is reported and not used, so an answer never rests on a
provision that cannot be shown.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, cast

from netral.records import Verdict

VERDICTS = ("boleh", "tidak_boleh", "bersyarat", "informasi")
ACTORS = ("PNS", "PPPK", "CPNS", "pejabat", "kepala_daerah", "honorer")
# "moral": a breach of the code of ethics (PP 42/2004), whose sanction is a moral one, not a disciplinary level.
SANCTION_LEVELS = ("", "ringan", "sedang", "berat", "moral")
# The statutes of each kind of election: the regional-election acts (UU 1/2015 as amended) and the general-election
# act with its amending Perppu.
ELECTION_DOCS = {"pilkada": frozenset({"uu-1-2015", "uu-8-2015", "uu-10-2016"}),
                 "pemilu": frozenset({"uu-7-2017", "perppu-1-2022"})}


class RuleMapError(ValueError):
    """The rule map file itself is malformed (not a problem of one entry against the index)."""


@dataclass(frozen=True)
class MaterialQuote:
    file: str  # file name of a training material ("002_b02840f67c21a277.txt")
    quote: str  # verbatim passage, used to find the section that says it


@dataclass(frozen=True)
class Situation:
    id: str
    title: str
    description: str
    examples: tuple[str, ...]
    match: tuple[frozenset[str], ...]  # any set matches when all its facets occur in the question
    unless: frozenset[str]
    applies_to: tuple[str, ...]
    verdict: Verdict
    condition: str
    rule: str
    basis: tuple[str, ...]  # article or provision ids, binding law first
    sanction: tuple[str, ...]
    sanction_level: str
    materials: tuple[MaterialQuote, ...] = ()
    governing: tuple[str, ...] = ()  # registry ids of governing documents the corpus may lack
    note: str = ""
    condition_basis: tuple[str, ...] = ()  # the provision that governs the condition itself (e.g. unpaid leave)
    # Entries about who is bound at all (no longer a civil servant, no longer a party member) come before every
    # entry about an act, however many of the act's facets a question shows.
    priority: int = 0
    # Situations that break this one's condition (a regional head campaigning with the official car breaks the
    # condition of campaigning at all): asked alongside it, the question is this one's and its condition answers.
    breaches: frozenset[str] = frozenset()
    # Situations this one stands for when its own facets are present too: an act told of a prospective candidate
    # (before the election body names the candidates) is a breach of the code of ethics, not of discipline.
    covers: frozenset[str] = frozenset()
    # Facets that, named anywhere in a question answered by another entry, bring this one's first provision beside
    # the answer: a premise to set right ("KASN sudah dibubarkan, sekarang siapa yang menghukum?").
    also_when: frozenset[str] = frozenset()
    # Facets that count only where the asker's own clauses name them (running for office is the asker's own act).
    own: frozenset[str] = frozenset()
    # The same power held by the regency's or city's election supervisor (UU 7/2017 Pasal 103 beside Bawaslu's
    # own Pasal 95): cited in place of the article of the same document when the question names that body.
    local_basis: tuple[str, ...] = ()
    # A procedure told in steps of one regulation (the summons, then the examining team): its provisions are cited
    # in order even from one document, where other entries cite one article per document.
    steps: bool = False
    # The election's own statute forbids the act itself, on pain of a criminal penalty (UU 10/2016 Pasal 71: an
    # official's decision or act favouring a candidate): in a question about that election its provision is cited
    # first, ahead of the disciplinary regulation.
    election_first: bool = False
    # A procedure's entry (its verdict is information) asked only whether its step may be taken ("emg bs dihukum
    # 2x?", "bolehkah ia dibebaskan sementara selama diperiksa?"): the bottom line that answers, and its condition.
    asked_verdict: Verdict | None = None
    asked_condition: str = ""

    def ids(self) -> tuple[str, ...]:
        return self.basis + self.sanction + self.condition_basis + self.local_basis


@dataclass(frozen=True)
class Facet:
    name: str
    patterns: tuple[re.Pattern[str], ...]
    # All the patterns in one alternation: it matches somewhere exactly when one of them does, so one scan
    # rules out a facet the text never mentions (most facets, for most questions) before each pattern is tried.
    any_pattern: re.Pattern[str] | None = None

    def _starts(self, text: str) -> Iterator[int]:
        """Where the facet's patterns match in `text`, lazily (`occurs` stops at the first match not denied): none
        at all when the one alternation misses."""
        if self.any_pattern is not None and self.any_pattern.search(text) is None:
            return iter(())
        return (m.start() for p in self.patterns for m in p.finditer(text))

    def occurs(self, text: str) -> bool:
        return any(not is_denied(text, s) for s in self._starts(text))

    def only_denied(self, text: str) -> bool:
        """Mentioned, and denied wherever it is ("hadir tanpa atribut apapun")."""
        starts = list(self._starts(text))
        return bool(starts) and all(is_denied(text, s) for s in starts)


@dataclass(frozen=True)
class Bridge:
    """How a regulation written for one kind of employee binds another: a CPNS is bound by PP 94/2021 through
    its Pasal 43 (mutatis mutandis), and a CPNS found to have committed a moderate or heavy breach is dismissed as
    a CPNS (PP 11/2017 Pasal 37). For such an asker, a prohibition of `document` is cited with `bridge`, and
    `consequence` is the sanction shown."""

    actor: str
    document: str
    bridge: str
    consequence: str

    def ids(self) -> tuple[str, ...]:
        return (self.bridge, self.consequence)


def _lifts(data: dict[str, Any], facets: dict[str, Facet], problems: list[str]) -> dict[str, frozenset[str]]:
    """The [kecuali_batal] table; an entry naming an unknown facet is reported in `problems` and left out."""
    lifts: dict[str, frozenset[str]] = {}
    for name, lifted in data.get("kecuali_batal", {}).items():
        unknown = sorted(({name} | set(lifted)) - set(facets))
        if unknown:
            problems.append(f"kecuali_batal.{name}: unknown facets {unknown}")
        else:
            lifts[name] = frozenset(lifted)
    return lifts


def _actor_marks(data: dict[str, Any], facets: dict[str, Facet], problems: list[str]) -> dict[str, str]:
    """The [penanda_pelaku] table; an entry naming an unknown facet or actor is reported and left out."""
    marks: dict[str, str] = {}
    for name, actor in data.get("penanda_pelaku", {}).items():
        if name not in facets or actor not in ACTORS:
            problems.append(f"penanda_pelaku.{name}: unknown facet or actor {actor!r}")
        else:
            marks[name] = actor
    return marks


@dataclass
class RuleMap:
    facets: dict[str, Facet]
    situations: list[Situation]
    problems: list[str] = field(default_factory=list)  # entries set aside, and why
    bridges: dict[str, Bridge] = field(default_factory=dict)  # by actor
    # Facets that, present, keep others from ruling an entry out ([kecuali_batal]): the asker running too lifts
    # the exclusion a relative's candidacy makes.
    lifts: dict[str, frozenset[str]] = field(default_factory=dict)
    # Facets that name who acts ([penanda_pelaku]): a governor who "ingin ikut berkampanye" is a regional head.
    actor_marks: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | None = None) -> RuleMap:
        if path is None:
            raw = resources.files("corpus").joinpath("rules.toml").read_text(encoding="utf-8")
        else:
            raw = path.read_text(encoding="utf-8")
        try:
            data = tomllib.loads(raw)
        except tomllib.TOMLDecodeError as exc:
            raise RuleMapError(f"rules.toml is not valid TOML: {exc}") from exc
        facets = {name: _facet(name, pats) for name, pats in data.get("facet", {}).items()}
        situations, problems = [], []
        seen: set[str] = set()
        for entry in data.get("situasi", []):
            try:
                s = _situation(entry)
            except (KeyError, TypeError, ValueError) as exc:
                problems.append(f"{entry.get('id', '?')}: {exc}")
                continue
            unknown = sorted(({f for group in s.match for f in group} | s.unless | s.also_when | s.own) - set(facets))
            if s.id in seen:
                problems.append(f"{s.id}: duplicate id")
            elif unknown:
                problems.append(f"{s.id}: unknown facets {unknown}")
            else:
                seen.add(s.id)
                situations.append(s)
        for s in situations:
            if s.breaches - seen:
                problems.append(f"{s.id}: unknown situations in pelanggaran_syarat {sorted(s.breaches - seen)}")
            if s.covers - seen:
                problems.append(f"{s.id}: unknown situations in meliputi {sorted(s.covers - seen)}")
        bridges: dict[str, Bridge] = {}
        for actor, entry in data.get("pelaku", {}).items():
            try:
                if actor not in ACTORS:
                    raise ValueError(f"unknown actor {actor!r}")
                bridges[actor] = Bridge(actor, entry["dokumen"], entry["jembatan"], entry["akibat"])
            except (KeyError, TypeError, ValueError) as exc:
                problems.append(f"pelaku.{actor}: {exc}")
        return cls(facets, situations, problems, bridges, _lifts(data, facets, problems),
                   _actor_marks(data, facets, problems))

    def checked_against(self, known_ids: Iterable[str]) -> RuleMap:
        """The entries whose every id names an article (or a provision of one) in the index; the others are
        reported in `problems` and left out."""
        known = set(known_ids)
        kept, problems = [], list(self.problems)
        for s in self.situations:
            missing = [i for i in s.ids() if i not in known]
            if missing:
                problems.append(f"{s.id}: ids not in the index {missing}")
            else:
                kept.append(s)
        bridges = {}
        for actor, b in self.bridges.items():
            missing = [i for i in b.ids() if i not in known]
            if missing:
                problems.append(f"pelaku.{actor}: ids not in the index {missing}")
            else:
                bridges[actor] = b
        return RuleMap(self.facets, kept, problems, bridges, self.lifts, self.actor_marks)

    def facets_in(self, text: str) -> set[str]:
        """The facets the text mentions, except where it denies them ("saya tidak akan ikut kampanye", "belum
        kampanye", "tanpa atribut"): a denied act is not what the question is about."""
        low = re.sub(r"\s+", " ", text.lower())
        return {name for name, facet in self.facets.items() if facet.occurs(low)}

    def actor_named_in(self, text: str) -> str | None:
        """The actor a facet of [penanda_pelaku] names in `text`, if any."""
        low = re.sub(r"\s+", " ", text.lower())
        return next((actor for name, actor in self.actor_marks.items() if self.facets[name].occurs(low)), None)

    def denied_in(self, text: str) -> set[str]:
        """The facets the text mentions only to deny them ("saya hadir tanpa atribut")."""
        low = re.sub(r"\s+", " ", text.lower())
        return {name for name, facet in self.facets.items() if facet.only_denied(low)}

    def ruling_out(self, text: str) -> set[str]:
        """The acts of `acts_in` that rule entries out: less those another act present lifts ([kecuali_batal])."""
        acts = self.acts_in(text)
        for name, lifted in self.lifts.items():
            if name in acts:
                acts -= lifted
        return acts

    def acts_in(self, text: str) -> set[str]:
        """The facets of what the asker does: `facets_in`, less the acts they say they never did or already know
        are not allowed ("sy ga pernah komen atau kasih jempol kok", "saya paham saya nggak boleh jadi tim
        sukses"). Such an act rules no entry out, though the question still mentions it."""
        return self.facets_in(_NEVER_DONE.sub(" ", text))

    def mentions(self, text: str, names: frozenset[str]) -> bool:
        """Does the text mention one of these facets (as `facets_in` reads it)? Only those facets are scanned."""
        low = re.sub(r"\s+", " ", text.lower())
        return any(self.facets[n].occurs(low) for n in names if n in self.facets)

    def get(self, situation_id: str) -> Situation | None:
        return next((s for s in self.situations if s.id == situation_id), None)


# A negation just before a mention denies it, unless it is the question's own "tidak boleh …?" ("not allowed to")
# or the chat form of asking, "boleh ga …?", "bisa tidak …?" ("may I or not"); so does a refusal ("saya tolak jadi
# saksinya"). A list or a slash after the chat form of asking denies nothing either ("bs ga sy ajukan keberatan/
# banding?").
_ASKING_BEFORE = r"(?<!boleh )(?<!bisa )(?<!bs )(?<!blh )(?<!bole )(?<!dapat )(?<!mau )(?<!apa )(?<!apakah )"
_NEGATION = _ASKING_BEFORE + \
            r"\b(tidak|tdk|gak|ga|gk|g|nggak|ngga|enggak|engga|kagak|ndak|nda|tak|ora|bukan|belum|blm|tanpa|never|" \
            r"not|won't|don't|didn't|doesn't|wouldn't|without|with no|and no|out of|lepas|melepas|copot|mencopot|bkn|" \
            r"tolak|menolak|nolak|refuse|refused|decline|declined|" \
            r"no(?!\s*\.?\s*\d)(?!\s+(urut|urt|hp|wa|telp|rek)\b))\b"  # "no" not as "nomor": "no 3", "no urut"
# A negation followed by these asks or names the rule ("ga boleh?", "tidak wajib", "tidak netral"), not a denial.
_ASKING_AFTER = r"boleh|bisa|bs|blh|bole|dilarang|perlu|harus|wajib|allowed|permitted|netral\w*|neutral"
# "bisa sy tarik gak biar bisa balik": a "gak" that closes a question and runs on with "biar/supaya/karena" denies
# nothing after it.
_DENIAL = re.compile(_NEGATION + rf"(?!\s+({_ASKING_AFTER}|"
                                 r"biar|supaya|agar|soalnya|karena|krn|soale)\b)"
                     r"(\s+[^\s,.;:?!]+){0,2}\s*$")  # at most two words, within one clause
_NOT_NEUTRAL = re.compile(r"netral|neutral", re.I)
# The rest of a denied list: "tanpa like, komen, atau share" denies all three.
# Items may be two words each: "tidak ada spanduk, pembagian atribut, atau sambutan politik".
_DENIED_LIST = re.compile(_ASKING_BEFORE + r"\b(tanpa|without|tidak|tdk|gak|ga|gk|nggak|bukan|no|won't|will not|"
                          r"don't|never)\s+"
                          r"(pernah\s+|sama sekali\s+|pake\s+|sebagai\s+|jadi\s+|menjadi\s+|as\s+(a\s+|an\s+)?|"
                          r"pakai\s+|memakai\s+|ever\s+)?\w+(\s*,\s*\w+)*\s*(,\s*)?"
                          r"(atau|dan|maupun|ataupun|or|and|nor|,)\s*$|"
                          r"\b(tanpa|without|tidak ada|tdk ada|gak ada|ga ada|gk ada|nggak ada|no)\s+\w+(\s+\w+)?"
                          r"(\s*,\s*\w+(\s+\w+)?)*\s*,\s*((atau|dan|maupun|ataupun|or|and|nor)\s+)?(\w+\s+)?$|"
                          # "ga pake kaos partai ato atribut", "gak pernah like, komen, share, apalagi follow akun
                          # tim pemenangan": a denial runs on through "or" and "let alone" (not "tidak boleh … atau",
                          # which asks, nor "tidak tahu … atau", which doubts).
                          + _ASKING_BEFORE + r"\b(tanpa|without|tidak|tdk|gak|ga|gk|nggak|ngga|enggak|never|no)"
                          rf"(?!\s+({_ASKING_AFTER}|tahu|tau|"
                          r"paham|yakin|ngerti|mengerti|jelas|sempat)\b)\s+(\w+[\s,]+){1,5}"
                          r"(atau|ato|maupun|ataupun|apalagi|or|nor|let alone)\s+(\w+\s+){0,2}$|"
                          # "gak ada gambar caleg/paslon sama sekali": a denial runs on through a slash.
                          + _ASKING_BEFORE + r"\b(tanpa|without|tidak|tdk|gak|ga|gk|nggak|no)\s+(\w+\s+){0,3}\w+"
                          r"(\s*/\s*\w+)*\s*/\s*$")


# An act the asker denies ever doing, or already knows is not allowed ("oke, saya paham saya nggak boleh jadi tim
# sukses. Tapi kalau cuma datang …?"), to the end of its sentence (a list of acts denied: "ga pernah like, komen,
# share").
# Never having left a party is no act never done: it is still being a member ("blm pernah resmi keluar").
_NEVER_DONE = re.compile(r"(\b(ga|gak|nggak|ngga|enggak|tidak|tdk|tak|never|belum|blm)\s+(pernah|sekali ?pun|once)\b"
                         r"(?!\s+(resmi\s+|secara resmi\s+)?(keluar|mundur|berhenti|resign\w*|left|quit)\b)|"
                         r"\b(paham|ngerti|mengerti|understand|got it|(udh|udah|sudah|sdh)\s+(tau|tahu))\b"
                         r"[^.?!,;]{0,30}"
                         r"\b(ga|gak|nggak|ngga|tidak|tdk|"
                         r"can't|cannot|not allowed to)\b)[^.?!;]*", re.I)
# What the asker fears being taken for ("takut dikira ikut kampanye") is not what they do.
_FEARED = re.compile(r"\b(takut|takutnya|khawatir|kuatir|cemas|was-was|ragu|afraid|worried)\s+(\w+\s+)?"
                     r"(dikira|dianggap|disangka|dicap|dituduh|dinilai|being seen as|be seen as|seen as)"
                     r"(\s+[^\s,.;:?!]+){0,2}\s*$")


def is_denied(text: str, start: int) -> bool:
    if _NOT_NEUTRAL.match(text, start):
        return False  # "tidak netral" names the violation itself
    before = text[max(0, start - 30):start]
    return bool(_DENIAL.search(before) or _DENIED_LIST.search(text[max(0, start - 70):start])
                or _FEARED.search(text[max(0, start - 40):start]))


def _facet(name: str, patterns: list[str]) -> Facet:
    try:
        return Facet(name, tuple(re.compile(p, re.I) for p in patterns),
                     re.compile("|".join(f"(?:{p})" for p in patterns), re.I) if patterns else None)
    except re.error as exc:
        raise RuleMapError(f"facet {name}: bad pattern ({exc})") from exc


def _situation(e: dict) -> Situation:
    verdict = e["putusan"]
    if verdict not in VERDICTS:
        raise ValueError(f"unknown putusan {verdict!r}")
    condition = e.get("syarat", "")
    if (verdict == "bersyarat") != bool(condition):
        raise ValueError("syarat is required exactly for putusan bersyarat")
    applies = tuple(e.get("berlaku_bagi", ACTORS))
    if set(applies) - set(ACTORS):
        raise ValueError(f"unknown berlaku_bagi {sorted(set(applies) - set(ACTORS))}")
    level = e.get("tingkat_sanksi", "")
    if level not in SANCTION_LEVELS:
        raise ValueError(f"unknown tingkat_sanksi {level!r}")
    asked_verdict, asked_condition = e.get("putusan_bila_ditanya", ""), e.get("syarat_bila_ditanya", "")
    if asked_verdict and (verdict != "informasi" or asked_verdict not in VERDICTS or asked_verdict == "informasi"):
        raise ValueError("putusan_bila_ditanya is a bottom line of an entry whose putusan is informasi")
    if (asked_verdict == "bersyarat") != bool(asked_condition):
        raise ValueError("syarat_bila_ditanya is required exactly for putusan_bila_ditanya bersyarat")
    match = tuple(frozenset(group) for group in e["cocok"])
    if not match or not all(match):
        raise ValueError("cocok needs at least one non-empty facet list")
    return Situation(
        id=e["id"], title=e["judul"], description=e.get("uraian", ""), examples=tuple(e.get("contoh", ())),
        match=match, unless=frozenset(e.get("kecuali", ())), applies_to=applies, verdict=cast(Verdict, verdict),
        condition=condition, rule=e["aturan"], basis=tuple(e.get("dasar", ())), sanction=tuple(e.get("sanksi", ())),
        sanction_level=level,
        materials=tuple(MaterialQuote(m["berkas"], m["kutipan"]) for m in e.get("materi", ())),
        governing=tuple(e.get("dokumen_pengatur", ())), note=e.get("catatan", ""),
        condition_basis=tuple(e.get("dasar_syarat", ())), priority=int(e.get("prioritas", 0)),
        breaches=frozenset(e.get("pelanggaran_syarat", ())), covers=frozenset(e.get("meliputi", ())),
        also_when=frozenset(e.get("juga_bila", ())), own=frozenset(e.get("milik_penanya", ())),
        local_basis=tuple(e.get("dasar_kabupaten_kota", ())), steps=bool(e.get("dasar_bertahap", False)),
        election_first=bool(e.get("dasar_pemilihan_dulu", False)),
        asked_verdict=cast(Verdict, asked_verdict) if asked_verdict else None,
        asked_condition=asked_condition,
    )
