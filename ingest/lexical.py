"""BM25 over chunk texts with Indonesian normalisation (stop words, a light affix stemmer, slang).

Persisted as JSON beside the vector store, with a fingerprint of the article store it was built from so a
stale file (an ingest killed between the two writes) is detected and rebuilt instead of trusted.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

STOPWORDS = frozenset(
    """
    yang dan atau di ke dari pada dalam untuk dengan oleh sebagai adalah ini itu tersebut juga serta bagi
    akan telah sudah dapat bisa harus tidak bukan ada para secara antara setiap maupun agar supaya karena
    sehingga apabila jika kalau bila bahwa yaitu yakni sebagaimana dimaksud huruf ayat angka pasal nomor
    tahun tentang hal lain lainnya masing suatu sesuatu saya aku kamu anda kami kita dia ia mereka apa apakah
    bagaimana gimana kok sih nih dong ya yg gak nggak ngga enggak gk ga tdk boleh kah pun lah nya mau ingin
    the of to
    """.split()
)

# Informal words people type, mapped to the words the regulations use. Applied to queries only.
SLANG: dict[str, str] = {
    "nyaleg": "calon anggota legislatif dewan perwakilan rakyat",
    "caleg": "calon anggota legislatif dewan perwakilan rakyat",
    "capres": "calon presiden",
    "cawapres": "calon wakil presiden",
    "cakada": "calon kepala daerah",
    "cagub": "calon gubernur",
    "cawagub": "calon wakil gubernur",
    "cabup": "calon bupati",
    "cawabup": "calon wakil bupati",
    "cawalkot": "calon walikota",
    "kades": "kepala desa",
    "paslon": "pasangan calon",
    "pasutri": "suami istri pasangan",
    "suami": "suami pasangan",
    "istri": "istri pasangan",
    "medsos": "media sosial",
    "sosmed": "media sosial",
    "parpol": "partai politik",
    "pilkada": "pemilihan gubernur bupati walikota kepala daerah",
    "pemilu": "pemilihan umum",
    "pileg": "pemilihan umum anggota dewan perwakilan rakyat",
    "pilpres": "pemilihan umum presiden",
    # Reacting to a candidate's post is, in the regulations' words, giving support to a candidate.
    "like": "menyukai memberikan dukungan",
    "share": "membagikan menyebarluaskan memberikan dukungan",
    "komen": "komentar memberikan dukungan",
    "postingan": "unggahan media sosial",
    # State property used for a campaign is "fasilitas negara" in the regulations.
    "mobil": "mobil kendaraan fasilitas negara",
    "kendaraan": "kendaraan fasilitas negara",
    "laptop": "laptop fasilitas negara",
    "kantor": "kantor fasilitas negara",
    "cpns": "calon pns",
    "seragam": "seragam atribut",
    "kaos": "kaos atribut partai",
    "posting": "unggahan media sosial",
    "kampanye": "kampanye",
    # The regulations use the abbreviations themselves; PNS and PPPK are both ASN.
    "asn": "asn aparatur sipil negara",
    "pns": "pns asn",
    "pppk": "pppk asn",
    "netral": "netral netralitas",
    "nyapres": "calon presiden",
    "timses": "tim kampanye sukses",
    "nyalon": "mencalonkan calon",
    "resign": "mengundurkan diri",
    "mundur": "mengundurkan diri",
    "repost": "membagikan unggahan dukungan",
    "story": "unggahan media sosial",
    "ig": "media sosial instagram",
    "fb": "media sosial facebook",
    "wa": "whatsapp media sosial",
    "baliho": "baliho spanduk alat peraga kampanye dukungan",
    "spanduk": "spanduk alat peraga kampanye dukungan",
}

_PARTICLES = ("lah", "kah", "pun", "nya")
_SUFFIXES = ("kan", "an")  # "-i" is left alone: too many roots end in i (jadi, beri, bagi)
_VOWELS = set("aeiou")
_TOKEN = re.compile(r"[a-z0-9]+")


def stem(word: str) -> str:
    """A light Indonesian stemmer (after Nazief-Adriani): particles, one suffix, one prefix with the
    nasal sound changes (menetapkan -> tetap, memihak -> pihak, penyuluhan -> suluh). Deterministic and
    used the same way on documents and queries, so its few mistakes cancel out."""
    if len(word) <= 4 or not word.isalpha():
        return word
    for suf in _PARTICLES:
        if word.endswith(suf) and len(word) - len(suf) >= 4:
            word = word[: -len(suf)]
            break
    for suf in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 5:
            word = word[: -len(suf)]
            break
    return _strip_prefix(word)


def _strip_prefix(word: str) -> str:
    def ok(rest: str) -> bool:
        return len(rest) >= 4

    for pre in ("memper", "diper", "ber", "ter", "per"):
        if word.startswith(pre) and ok(word[len(pre):]):
            return word[len(pre):]
    for pre, vowel_root in (("meng", ""), ("peng", ""), ("meny", "s"), ("peny", "s"), ("mem", "p"), ("pem", "p"),
                            ("men", "t"), ("pen", "t")):
        if word.startswith(pre):
            rest = word[len(pre):]
            if rest and rest[0] in _VOWELS and vowel_root:
                rest = vowel_root + rest
            if ok(rest):
                return rest
    for pre in ("me", "pe", "di", "ke", "se"):
        if word.startswith(pre) and ok(word[len(pre):]):
            return word[len(pre):]
    return word


def tokenize(text: str, expand_slang: bool = False) -> list[str]:
    words = _TOKEN.findall(text.lower())
    if expand_slang:
        expanded: list[str] = []
        for w in words:
            expanded.extend(_TOKEN.findall(SLANG[w]) if w in SLANG else [w])
        words = expanded
    return [stem(w) for w in words if w not in STOPWORDS and len(w) > 1]


@dataclass
class BM25Index:
    ids: list[str] = field(default_factory=list)
    doc_len: list[int] = field(default_factory=list)
    postings: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    fingerprint: str = ""
    k1: float = 1.2
    b: float = 0.75
    _vocab: list[str] | None = field(default=None, repr=False)
    _norm: list[float] | None = field(default=None, repr=False)

    @classmethod
    def build(cls, docs: Iterable[tuple[str, str]], fingerprint: str = "") -> BM25Index:
        index = cls(fingerprint=fingerprint)
        post: dict[str, list[tuple[int, int]]] = defaultdict(list)
        # Passages overlap (a window of provisions slides over each chunk, lexical_units), so each line is read
        # about three times: its tokens are computed once. No token spans a line break, so the tokens of a text
        # are exactly the tokens of its lines in order.
        lines: dict[str, list[str]] = {}
        for i, (doc_id, text) in enumerate(docs):
            toks = []
            for line in text.split("\n"):
                got = lines.get(line)
                if got is None:
                    got = lines[line] = tokenize(line)
                toks.extend(got)
            index.ids.append(doc_id)
            index.doc_len.append(len(toks))
            for term, tf in Counter(toks).items():
                post[term].append((i, tf))
        index.postings = dict(post)
        return index

    def correct(self, term: str) -> str:
        """The closest indexed word for a misspelt query word ("kampnye" -> "kampanye"), else the word."""
        if term in self.postings or len(term) < 4 or term.isdigit():
            return term
        if self._vocab is None:
            self._vocab = sorted(self.postings)
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        limit = 1 if len(term) < 7 else 2
        best = process.extractOne(term, self._vocab, scorer=Levenshtein.distance, score_cutoff=limit)
        return str(best[0]) if best else term

    def search(self, query: str, k: int = 10, allowed: set[str] | None = None) -> list[tuple[str, float]]:
        if not self.ids:
            return []
        n = len(self.ids)
        if self._norm is None:  # each passage's length normalisation, the same for every query
            avgdl = sum(self.doc_len) / n or 1.0
            self._norm = [self.k1 * (1 - self.b + self.b * dl / avgdl) for dl in self.doc_len]
        norm = self._norm
        scores: dict[int, float] = defaultdict(float)
        terms = [self.correct(t) for t in tokenize(query, expand_slang=True)]
        for term, qtf in Counter(terms).items():
            plist = self.postings.get(term)
            if not plist:
                continue
            weight = qtf**0.5 * math.log(1 + (n - len(plist) + 0.5) / (len(plist) + 0.5)) * (self.k1 + 1)
            for i, tf in plist:
                scores[i] += weight * tf / (tf + norm[i])
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
        out = []
        for i, s in ranked:
            if allowed is not None and self.ids[i] not in allowed:
                continue
            out.append((self.ids[i], s))
            if len(out) >= k:
                break
        return out

    def idf(self, term: str) -> float:
        n = len(self.ids) or 1
        df = len(self.postings.get(term, ()))
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def save(self, path: Path) -> None:
        data = {"fingerprint": self.fingerprint, "ids": self.ids, "doc_len": self.doc_len,
                "postings": self.postings}
        tmp = path.with_suffix(f".{os.getpid()}.tmp")  # processes of one host may write the cache at once
        tmp.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
        os.replace(tmp, path)  # atomic: readers see the old or the new index, never half of one

    @classmethod
    def load(cls, path: Path) -> BM25Index:
        data = json.loads(path.read_text(encoding="utf-8"))
        postings = {t: [(int(i), int(tf)) for i, tf in p] for t, p in data["postings"].items()}
        return cls(ids=data["ids"], doc_len=data["doc_len"], postings=postings, fingerprint=data["fingerprint"])


UNIT_SEP = "~"


def lexical_units(chunk_id: str, context: str, text: str, window: int = 3) -> list[tuple[str, str]]:
    """Passages for BM25: the chunk's context line plus a window of consecutive provisions.

    Scoring whole long articles favours short ones that repeat a word; scoring a few provisions at a time
    lets "j. menjadi anggota dan/atau pengurus partai politik" inside a 30-line Pasal compete on its own.
    The ids are `<chunk id>~<k>`; search folds them back to chunks.
    """
    lines = [ln for ln in text.split("\n") if ln.strip()] or [text]
    if len(lines) <= window:
        return [(f"{chunk_id}{UNIT_SEP}0", f"{context}\n{text}")]
    lead = lines[0] if len(lines[0]) < 300 else ""
    out = []
    for k in range(0, len(lines) - window + 1):
        body = "\n".join(lines[k:k + window])
        head = f"{lead}\n" if lead and k > 0 else ""
        out.append((f"{chunk_id}{UNIT_SEP}{k}", f"{context}\n{head}{body}"))
    return out


def fold_units(hits: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """Unit hits to chunk hits, best unit per chunk, order kept."""
    seen: dict[str, float] = {}
    for unit_id, score in hits:
        chunk_id = unit_id.split(UNIT_SEP, 1)[0]
        if chunk_id not in seen:
            seen[chunk_id] = score
    return list(seen.items())


def fingerprint_of(pairs: Sequence[tuple[str, str]]) -> str:
    import hashlib

    h = hashlib.sha256()
    for a, b in pairs:
        h.update(a.encode())
        h.update(b.encode())
    return h.hexdigest()[:16]
