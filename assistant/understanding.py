"""What a question means: the one place its wording is read.

Follow-up questions, repealed rules named by the user, what is out of scope, and the intents that steer search,
source choice and the verdict (does it ask whether something is allowed, which sanction, about PPPK only …).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant.citations import doc_mentions
from corpus.registry import Registry
from ingest.lexical import tokenize
from netral.records import DocumentInfo

MAX_QUESTION_CHARS = 2000

# Words (stemmed by ingest.lexical.stem) that put a question inside what this corpus governs: political
# neutrality, discipline and the status of civil servants around elections.
_DOMAIN = {
    "netral", "netralitas", "politik", "partai", "kampanye", "calon", "pemilu", "pemilih", "pilih", "pilkada",
    "dukung", "pasang", "tim", "sukses", "atribut", "deklarasi", "sanksi", "hukum", "disiplin", "etik",
    "larang", "langgar", "berhenti", "mundur", "golong", "kepala", "daerah", "presiden", "legislatif",
    "dewan", "wakil", "rakyat", "anggota", "pengurus", "fasilitas", "negara", "jabatan", "korps",
    "asas", "aparatur", "bawaslu", "kasn", "skb", "edar", "pppk", "asn", "pns", "lurah", "camat", "desa",
    "parpol", "caleg", "paslon", "media", "sosial", "unggah", "foto", "pihak", "berpiha", "keputus",
    "janji", "kerja", "guru", "dosen", "medis", "tni", "polri", "pejabat", "cuti", "gawai", "pegawai",
}
# Topics this corpus does not govern even when election words appear (voter registration, pay, tax).
_OUT_OF_SCOPE = re.compile(
    r"\b(gaji|tunjangan|thr|gaji\s*13|pajak|pph|npwp|bpjs|kredit|pinjaman|cicilan|pensiun(?:an)?\s+berapa|"
    r"daftar\s+pemilih|dpt|cek\s+dpt|pindah\s+(?:memilih|tps)|formulir\s+a5|cara\s+mencoblos|jam\s+buka\s+tps|"
    r"resep|cuaca|sepak\s*bola|harga|cpns\s+2\d{3}\s+dibuka|formasi\s+cpns|nilai\s+skd|passing\s+grade)\b",
    re.I,
)
_NEUTRALITY = re.compile(r"\b(netral\w*|kampanye|partai|dukung\w*|calon|caleg|paslon|politik|berpihak)\b", re.I)

_FOLLOW_UP = re.compile(
    r"^\s*(kalau|kalo|klo|bagaimana|gimana|terus|lalu|trus|bila|jika|dan|kemudian|bagaimana\s+dengan|"
    r"untuk|apakah\s+juga|sama|berlaku\s+juga)\b|\b(juga|tersebut|itu|tadi|hal\s+yang\s+sama)\b",
    re.I,
)
_SUBJECTS = ("PPPK", "PNS", "ASN", "guru", "dosen", "camat", "lurah", "kepala desa", "pejabat")


# --- intents -----------------------------------------------------------------------------------------------

# A question about PPPK only: PNS-only provisions (PP 11/2017, the PNS discipline rules) are not its subject.
_PPPK_QUESTION = re.compile(r"\bpppk\b|perjanjian kerja", re.I)
_PNS_QUESTION = re.compile(r"\b(?:pns|cpns|pegawai negeri)\b", re.I)
# A question about consequences.
_SANCTION_QUESTION = re.compile(r"\b(sanksi\w*|hukuman\w*|dihukum|kena\s+apa|akibat\w*|"
                                r"konsekuensi\w*|diberhentikan|dipecat|dijatuhi|pidana)\b", re.I)
# "... kena sanksi?" / "kena pasal apa" ask whether the conduct is prohibited and by which rule: the
# prohibition is the answer, the sanction article second. "Sanksinya apa", "hukuman apa" ask for the sanction.
_WHETHER_SANCTIONED = re.compile(r"\b(?:kena|terkena|bisa kena|dapat)\s+(?:sanksi|pasal|hukuman)\b(?!\w)", re.I)
_WHICH_SANCTION = re.compile(r"\b(?:sanksi\w*|hukuman\w*)\s+(?:apa|berupa|yang)\b|\bapa\s+(?:sanksi|hukuman)\w*|"
                             r"\b(?:tingkat|jenis)\s+(?:apa|hukuman)|\bdihukum\b|konsekuensi\w*|akibat\w*|pidana", re.I)
_DEFINITION = re.compile(r"\b(dimaksud|definisi|pengertian|arti(?:nya)?|istilah)\b", re.I)
# Does the question ask whether something is allowed (so the answer has a bottom line)?
_PERMISSION_Q = re.compile(
    r"\b(boleh\w*|diperbolehkan|dilarang|larangan|bisa|bisakah|dapatkah|melanggar|pelanggaran|aman|kena|"
    r"apakah\s+(?:saya|asn|pns|pppk)?\s*\w*\s*(?:ikut|menjadi|jadi|hadir|datang|memberi\w*|menghadiri|"
    r"mencalonkan|share|like|pakai|memakai|memasang))\b",
    re.I,
)
# Topics whose detailed rules sit in documents the corpus may lack (registry `topik`).
_SPOUSE = re.compile(r"\b(suami|istri|isteri|pasangan|pasutri)\b", re.I)
_CANDIDATE = re.compile(r"\b(calon|caleg|nyaleg|paslon|capres|cakada|mencalonkan)\b", re.I)
_SKB_TOPIC = re.compile(r"\b(skb|like|share|komen|medsos|media sosial|foto|swafoto|selfie|pose|unggah)\w*", re.I)


def asks_sanction(text: str) -> bool:
    """Does the question ask what the sanction is (rather than whether the conduct is prohibited)?"""
    if not _SANCTION_QUESTION.search(text):
        return False
    return not _WHETHER_SANCTIONED.search(text) or bool(_WHICH_SANCTION.search(text))


def asks_permission(text: str) -> bool:
    return bool(_PERMISSION_Q.search(text))


def asks_definition(text: str) -> bool:
    return bool(_DEFINITION.search(text))


def about_pppk_only(text: str) -> bool:
    return bool(_PPPK_QUESTION.search(text)) and not _PNS_QUESTION.search(text)


def topics(text: str) -> list[str]:
    """Registry topics the question touches (`topik` of a document: where its detailed rules are), the most
    specific first."""
    found = []
    if _SPOUSE.search(text) and _CANDIDATE.search(text):
        found.append("pasangan-calon")
    if _SKB_TOPIC.search(text):
        found.append("rincian-pelanggaran")
    return found


@dataclass
class Understood:
    question: str  # as asked, trimmed
    query: str  # what to search for
    repealed: list[DocumentInfo] = field(default_factory=list)  # repealed documents named in the question
    replacements: list[DocumentInfo] = field(default_factory=list)
    out_of_scope: bool = False
    truncated: bool = False


def understand(question: str, history: Sequence[str], registry: Registry) -> Understood:
    q = re.sub(r"\s+", " ", question).strip()
    truncated = len(q) > MAX_QUESTION_CHARS
    if truncated:
        q = q[:MAX_QUESTION_CHARS]
    query = rewrite_follow_up(q, history)
    repealed, replacements = [], []
    for mention in doc_mentions(query, registry):
        info = registry.get(mention.doc_id)
        if info is not None and info.status == "dicabut":
            repealed.append(info)
            repl = registry.replacement_for(info.id)
            if repl is not None and repl not in replacements:
                replacements.append(repl)
    return Understood(q, query, repealed, replacements, is_out_of_scope(query), truncated)


def rewrite_follow_up(question: str, history: Sequence[str]) -> str:
    """"kalau PPPK bagaimana?" after "PNS boleh ikut kampanye?" -> "PPPK boleh ikut kampanye? kalau PPPK …"."""
    if not history:
        return question
    previous = history[-1]
    content = [t for t in tokenize(question) if t not in ("bagaimana", "gimana")]
    if len(content) > 6 or not _FOLLOW_UP.search(question):
        return question
    new_subject = next((s for s in _SUBJECTS if re.search(rf"\b{s}\b", question, re.I)), None)
    base = previous
    if new_subject:
        for s in _SUBJECTS:
            if s.lower() != new_subject.lower():
                base = re.sub(rf"\b{s}\b", new_subject, base, flags=re.I)
    return f"{base} {question}"


def is_out_of_scope(query: str) -> bool:
    if _OUT_OF_SCOPE.search(query) and not _NEUTRALITY.search(query):
        return True
    tokens = set(tokenize(query, expand_slang=True))
    return not (tokens & _DOMAIN)
