"""Parse cleaned regulation text into articles: BAB › Bagian › Paragraf › Pasal › ayat › huruf / angka.

OCR damages article headings (`PasaJT2`, `Pasat 200`, `Pasal I 1`) and the text is full of references
(`sebagaimana dimaksud dalam Pasal 5`) that look like headings. So headings are not taken one by one:
every "Pasal N"-like token is a candidate with a plausibility weight, and the article sequence is the
chain of candidates with increasing numbers that best explains the text (gaps cost, so a stray reference
to "Pasal 50" inside Pasal 20 is never chosen). Amending acts (a "Pasal I" whose angka say "Ketentuan
Pasal 7 diubah sehingga berbunyi sebagai berikut:") are parsed into the articles they replace or insert.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.clean import flatten
from ingest.loaders import PAGE_BREAK
from netral.records import Article, DocumentInfo, Provision

# Bump when parsing changes what articles or provisions come out: the ingest then re-parses every document
# even though the files did not change.
PARSER_VERSION = "4"

# --- segments: body (batang tubuh) and penjelasan ------------------------------------------------------------

_BODY_START = re.compile(r"\bMEMUTUSKAN\b|\bMenetapkan\s*:")
# Some OCR texts lost "MEMUTUSKAN"; the first "BAB I" then opens the body.
_FIRST_BAB = re.compile(r"\bBAB\s+I\b")
_CLOSING = re.compile(
    r"Agar\s+setiap\s+orang\s+(?:dapat\s+)?mengetahuinya|\b(?:Disahkan|Ditetapkan)\s+di\s+Jakarta"
)
_PENJELASAN = re.compile(r"\bPENJELASAN\s+ATAS\b|^\s*PENJELASAN\s*$", re.M)
_PENJELASAN_END = re.compile(r"TAMBAHAN\s+LEMBARAN\s+NEGARA")
_UMUM = re.compile(r"\bI\s*\.\s*UMUM\b")
_PASAL_DEMI_PASAL = re.compile(r"\bII\s*\.\s*PASAL\s+DEMI\s+PASAL\b", re.I)


@dataclass
class Segment:
    kind: str  # "body" | "penjelasan"
    start: int
    end: int


def segments(text: str) -> list[Segment]:
    """Alternating body / penjelasan spans. A lampiran holding a whole statute (UU 1/2015) is a second body."""
    out: list[Segment] = []
    pos = 0
    while pos < len(text):
        b = _BODY_START.search(text, pos) or (_FIRST_BAB.search(text, pos) if not out else None)
        if b is None:
            break
        nxt_pen = _PENJELASAN.search(text, b.end())
        close = _CLOSING.search(text, b.end())
        body_end = min(x.start() for x in (nxt_pen, close) if x is not None) if (nxt_pen or close) else len(text)
        out.append(Segment("body", b.end(), body_end))
        if nxt_pen is None:
            break
        # The penjelasan ends where the next statute starts (its own MEMUTUSKAN) or at the TLN footer.
        nxt_body = _BODY_START.search(text, nxt_pen.end())
        stop = nxt_body.start() if nxt_body else len(text)
        pen_end = _PENJELASAN_END.search(text, nxt_pen.end(), stop)
        out.append(Segment("penjelasan", nxt_pen.end(), pen_end.start() if pen_end else stop))
        pos = stop
    return out


# --- heading candidates ------------------------------------------------------------------------------------



def _candidate_re(word: str, first: str, split: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\w/])(?:{word})\s*"
        rf"(?P<num>(?:\d|[{first}])[0-9lIOoT]{{0,2}}(?:\s{split}{{1,2}}(?=\s))?)(?:\s?(?P<suf>[A-Z])(?![A-Za-z.]))?"
        r"(?![\w/])"
    )


# Amending acts and their penjelasan are read with the strict forms only: there a target number is looked
# for, not a sequence filled, and OCR forms would add second copies of the same article.
_CANDIDATE_STRICT = _candidate_re(r"[Pp]asa[lJtI1i]|PASAL", "lIOT", r"\d")
_CANDIDATE = _candidate_re(r"[Pp]asa[lJtI1i\]]|[Pp]asd|PASAL", "lIOTLS", r"[\dlI]")
_DIGITS = str.maketrans({"l": "1", "I": "1", "O": "0", "o": "0", "T": "7", "L": "1", "S": "5"})
# A heading as printed: "Pasal 12", "PASAL 7A". Anything else was read from OCR damage ("Pasa] 50", "Pasd 142",
# "Pasal L22", "Pasal 9 I") and is marked as a reconstructed heading.
_CLEAN_HEADING = re.compile(r"(?:Pasal|PASAL)\s+\d{1,3}(?:\s?[A-Z])?")
# Words after "Pasal N" that make it a reference; lowercase words are handled by the case rule.
_REFERENCE_NEXT = {"s.d.", "UUD", "jo", "jo."}
# Lowercase words that continue a reference ("Pasal 5 ayat (1)", "Pasal 5 dan Pasal 6"). Any other lowercase
# word after a "Pasal N" that stands at a sentence boundary is a heading whose first word OCR lowercased
# ("Pasal 199 unhtk dapat …") or an article opening on a list ("Pasal 115 a. menyampaikan …"): weak evidence,
# taken only when it fills a gap in the article sequence.
_REFERENCE_LOWER = {
    "ayat", "huruf", "angka", "dan", "atau", "dan/atau", "sampai", "sebagaimana", "yang", "dalam", "pada", "ini",
    "tersebut", "berlaku", "diubah", "dihapus", "disisipkan", "dicabut", "jo", "juncto", "dst", "s.d", "hingga",
    "serta", "menjadi", "dengan", "tentang", "mengenai", "di", "ke", "dari", "bagi", "oleh", "terhadap",
}
_WEAK = 0.3

Number = tuple[int, str]  # (187, "A") for Pasal 187A
# "Bagran"/"Bagan" and "Paragraf I" are how OCR reads "Bagian" and "Paragraf 1".
_BAGIAN = r"Bag(?:ian|ran|an)\s+Ke[a-z]+"
_PARAGRAF = r"Paragraf\s*[\dIl]{1,2}"
_STRUCT_BEFORE = re.compile(rf"(?:BAB\s+[IVXLC]+|{_BAGIAN}|{_PARAGRAF})\s[^.;:()]{{0,80}}$")


@dataclass
class Candidate:
    start: int
    end: int
    values: tuple[Number, ...]
    weight: float
    reconstructed: bool = False  # read from a damaged or weakly evidenced heading


def _values(num: str, suf: str | None) -> tuple[Number, ...]:
    suffix = suf or ""
    parts = num.split()
    out: list[Number] = []
    for raw in ("".join(parts), parts[0]):
        digits = raw.translate(_DIGITS)
        if digits.isdigit():
            value = (int(digits), suffix if raw == "".join(parts) else "")
            if value not in out and value[0] > 0:
                out.append(value)
    return tuple(out)


def _weight(text: str, start: int, end: int) -> float:
    """0 = a reference, not a heading; 1 = a clear heading; _WEAK = a heading only if the sequence needs it."""
    after = text[end:end + 40].lstrip()
    nxt = after.split(" ", 1)[0].split("\n", 1)[0]
    if not after or after[0] in ",);/-" or nxt.strip(",.;:") in _REFERENCE_NEXT:
        return 0.0
    if nxt[:1].islower():
        if nxt.strip(",.;:") in _REFERENCE_LOWER or not re.fullmatch(r"[a-z]\.|[a-z]{3,}", nxt):
            return 0.0
        return _WEAK if _boundary(text, start) == 1.0 else 0.0
    if nxt == "(1)":
        # "Pasal 9 (1) ..." opens an article; a reference would say "Pasal 9 ayat (1)".
        return 1.0
    return _boundary(text, start)


def _boundary(text: str, start: int) -> float:
    """How clearly the text before `start` ends a sentence, an article or a structural heading (0 … 1)."""
    # An amending act quotes the new article: `berikut: "Pasal 7 (1) ...`; the quote is not context.
    before = text[max(0, start - 60):start].rstrip(" \"“")
    stripped = before.rstrip(" ")
    if not stripped or stripped[-1] in ".;:)\n" + PAGE_BREAK:
        line_break = True
        prev_char = stripped[-1] if stripped else "\n"
    else:
        line_break = False
        prev_char = stripped[-1]
    if prev_char == "," and re.search(r"[A-Za-z]{3,},$", stripped):
        return 0.0  # "Pasal 3, Pasal 4" is a list of references; "n, Pasal 6" is OCR junk before a heading
    words = re.findall(r"[\w-]+", stripped.replace(PAGE_BREAK, " ").split("\n")[-1])
    prev_word = words[-1] if words else ""
    if prev_char in ".;:)" or line_break and (not prev_word or not prev_word[:1].islower()):
        return 1.0
    if _STRUCT_BEFORE.search(before):
        return 1.0  # right after a "Paragraf 1 Pelanggaran ..." title
    if prev_word[:1].islower():
        # "... dimaksud dalam\nPasal 5" is a reference; a lowercase word before a real heading only happens
        # when OCR lost the punctuation, so accept it weakly when a line break separates them.
        return 0.4 if "\n" in before[len(stripped.rstrip()):] or before.endswith("\n") else 0.0
    return 1.0


def candidates(text: str, start: int, end: int, strict: bool = False) -> list[Candidate]:
    out = []
    for m in (_CANDIDATE_STRICT if strict else _CANDIDATE).finditer(text, start, end):
        vals = _values(m.group("num"), m.group("suf"))
        if not vals:
            continue
        w = _weight(text, m.start(), m.end())
        if strict and w == _WEAK:
            continue
        if w > 0:
            damaged = w < 1.0 or not _CLEAN_HEADING.fullmatch(flatten(m.group(0)))
            out.append(Candidate(m.start(), m.end(), vals, w, damaged))
    return out


def _gap(prev: Number | None, cur: Number) -> int | None:
    """Missing numbers between two consecutive headings; None if `cur` cannot follow `prev`."""
    if prev is None:
        return cur[0] - 1 if not cur[1] else cur[0]
    if cur[0] == prev[0]:
        return 0 if cur[1] > prev[1] else None
    if cur[0] < prev[0]:
        return None
    return cur[0] - prev[0] - 1


def best_chain(cands: list[Candidate], window: int = 400) -> list[tuple[Candidate, Number]]:
    """Dynamic programming over (candidate, value): maximise weights minus missing numbers."""
    nodes = [(c, v) for c in cands for v in c.values]
    if not nodes:
        return []
    score = [0.0] * len(nodes)
    back = [-1] * len(nodes)
    for i, (c, v) in enumerate(nodes):
        g0 = _gap(None, v)
        score[i] = c.weight - (g0 if g0 is not None else 99)
        for j in range(max(0, i - window), i):
            pc, pv = nodes[j]
            if pc.start >= c.start:
                continue
            g = _gap(pv, v)
            if g is None:
                continue
            s = score[j] + c.weight - g
            # Ties go to the later predecessor: a catchword "Pasal 6" before a page break loses to the
            # heading "Pasal 6" after it.
            if s > score[i] or (s == score[i] and back[i] != -1 and j > back[i]):
                score[i], back[i] = s, j
    i = max(range(len(nodes)), key=lambda k: (score[k], k))
    chain = []
    while i != -1:
        chain.append(nodes[i])
        i = back[i]
    return list(reversed(chain))


# --- structural headings (BAB / Bagian / Paragraf) ------------------------------------------------------------

_STRUCT = re.compile(
    rf"(?:(?<=\n)|(?<=[.;:]\s)|^)\s*(?P<kind>BAB\s+[IVXLC]+\b|{_BAGIAN}\b|{_PARAGRAF}\b)",
)
# Small words a title keeps in lowercase ("Jumlah Kursi dan Daerah Pemilihan").
_TITLE_LOWER = {"dan", "atau", "di", "ke", "dari", "yang", "untuk", "bagi", "serta", "dalam", "pada", "terhadap",
                "dengan", "oleh", "tentang", "sebagai", "antar", "antara"}


def split_trailing_headings(body: str) -> tuple[str, list[str]]:
    """Cut BAB/Bagian/Paragraf headings that follow an article's text; they open the next article."""
    before, headings, _ = split_headings_and_orphan(body)
    return before, headings


def split_headings_and_orphan(body: str) -> tuple[str, list[str], tuple[str, str]]:
    """(article text, trailing headings, orphan): the orphan is text after the last heading's title that reads
    as an article body ("BAB IV HAK MEMILIH (1) Warga Negara …"): a Pasal whose own heading OCR lost.
    Headings keep their old form (title and what follows, up to 120 characters), so that articles whose
    sequence is complete come out as before; the caller decides whether the orphan (the last heading's title
    alone, the text) is a lost article."""
    m = _STRUCT.search(body)
    if not m:
        return body, [], ("", "")
    tail = body[m.start():]
    found = list(_STRUCT.finditer(tail))
    headings = []
    orphan = ("", "")
    for k, h in enumerate(found):
        stop = found[k + 1].start() if k + 1 < len(found) else len(tail)
        title = flatten(tail[h.end():stop])[:120]
        headings.append(f"{flatten(h.group('kind'))} {title}".strip())
        if k == len(found) - 1:
            rest = flatten(tail[h.end():stop])
            text = _after_title(h.group("kind"), rest)
            if text:
                orphan = (f"{flatten(h.group('kind'))} {rest[:len(rest) - len(text)]}".strip(), text)
    return body[:m.start()], headings, orphan


def _after_title(kind: str, rest: str) -> str:
    """What follows a heading's title when it is article text, else ""."""
    words = rest.split(" ")
    upper = kind.startswith("BAB")
    end = len(words)
    for i, w in enumerate(words):
        if re.fullmatch(r"\(\d{1,2}\)|[a-z]\.", w):
            end = i
            break
        letters = re.sub(r"[^A-Za-z]", "", w)
        if not letters:
            continue
        if upper and not letters.isupper():
            end = max(i - 1, 1) if letters[:1].isupper() else i
            break
        if not upper and letters[:1].islower() and w not in _TITLE_LOWER:
            end = max(i - 1, 1)  # the capitalised word before a lowercase one opens the sentence
            break
    orphan = " ".join(words[end:]).strip()
    # Article text has a sentence in it: several lowercase words and some length.
    if len(orphan) < 30 or len(re.findall(r"\b[a-z]{3,}\b", orphan)) < 4:
        return ""
    return orphan


def apply_headings(path: list[str], headings: list[str]) -> list[str]:
    new = list(path)
    for h in headings:
        level = _level(h)
        new = [p for p in new if _level(p) < level] + [h]
    return new


def _level(h: str) -> int:
    return 0 if h.startswith("BAB") else 1 if h.startswith("Bagian") else 2


# --- ayat / huruf / angka ----------------------------------------------------------------------------------

_MARKER = re.compile(
    r"(?:(?<=\s)|^)(?:\((?P<ayat>\d{1,2})\)|(?P<huruf>[a-z])\.|(?P<angka>\d{1,2})\.|(?P<ocr1>[fl1])\s\.)(?=\s)"
)


def _next_letter(x: str) -> str:
    return chr(ord(x) + 1)


@dataclass
class _Open:
    ayat: Provision | None = None
    huruf: Provision | None = None
    angka: Provision | None = None
    ayat_n: int = 0
    huruf_x: str | None = None
    angka_n: int = 0
    items: list[Provision] = field(default_factory=list)


_SHORT_WORDS = {"di", "ke", "ya", "se", "RI", "PP", "UU"}


def _prev_ok(text: str, pos: int) -> tuple[bool, str]:
    before = text[:pos].rstrip()
    if not before:
        return True, ""
    ch = before[-1]
    if ch in ":;.":
        return True, ch
    word = before.rsplit(" ", 1)[-1]
    # OCR junk left between items ("... huruf d; 5.i A e. bekerja") must not hide the next marker.
    junk = not word.isalpha() or (len(word) == 1 and word.isupper()) or (len(word) <= 2 and word not in _SHORT_WORDS)
    return word in ("dan", "atau", "dan/atau") or junk, ch


def parse_provisions(text: str) -> tuple[list[Provision], str]:
    """Provisions of one article's (flattened) text, and the text re-flowed with a line per provision."""
    st = _Open()
    cuts: list[tuple[int, Provision]] = []
    for m in _MARKER.finditer(text):
        ok, prev = _prev_ok(text, m.start())
        if not ok:
            continue
        prov = _interpret(st, m, prev)
        if prov is not None:
            cuts.append((m.start(), prov))
    for k, (pos, prov) in enumerate(cuts):
        stop = cuts[k + 1][0] if k + 1 < len(cuts) else len(text)
        prov.text = text[pos:stop].strip()
        if prov.kind == "angka" and prov.label == "angka 1":
            # "f . ikut kampanye": OCR read the marker "1." as "f ." or "l ."; restore it.
            prov.text = re.sub(r"^[fl1]\s\.", "1.", prov.text)
    lead_end = cuts[0][0] if cuts else len(text)
    lines = [text[:lead_end].strip()] + [p.text for _, p in cuts]
    return st.items, "\n".join(line for line in lines if line)


def _interpret(st: _Open, m: re.Match[str], prev: str) -> Provision | None:  # noqa: C901 - one state machine
    ayat, huruf, angka, ocr1 = m.group("ayat"), m.group("huruf"), m.group("angka"), m.group("ocr1")
    options: list[tuple[str, str]] = []
    if ayat:
        options.append(("ayat", str(int(ayat))))
    if huruf:
        options.append(("huruf", huruf))
        if huruf == "l":
            options.append(("angka", "1"))
    if angka:
        options.append(("angka", str(int(angka))))
        if angka == "1":
            options.append(("huruf", "l"))
    if ocr1:
        options.append(("angka", "1"))
    want_sub = prev == ":"

    def new_ayat(n: int) -> Provision:
        p = Provision("ayat", f"ayat ({n})", f"ayat-{n}", "")
        st.items.append(p)
        st.ayat, st.ayat_n, st.huruf, st.huruf_x, st.angka, st.angka_n = p, n, None, None, None, 0
        return p

    def new_huruf(x: str) -> Provision:
        base = st.ayat.path + "/" if st.ayat else ""
        p = Provision("huruf", f"huruf {x}", f"{base}huruf-{x}", "")
        (st.ayat.children if st.ayat else st.items).append(p)
        st.huruf, st.huruf_x, st.angka, st.angka_n = p, x, None, 0
        return p

    def new_angka(n: int) -> Provision:
        parent = st.huruf or st.ayat
        base = parent.path + "/" if parent else ""
        p = Provision("angka", f"angka {n}", f"{base}angka-{n}", "")
        (parent.children if parent else st.items).append(p)
        st.angka, st.angka_n = p, n
        return p

    opts = set(options)
    if want_sub and ("angka", "1") in opts and st.angka_n == 0 and st.huruf_x not in (None,) and st.huruf_x != "k":
        return new_angka(1)
    if ("ayat", str(st.ayat_n + 1)) in opts:
        return new_ayat(st.ayat_n + 1)
    if st.angka_n > 0 and ("angka", str(st.angka_n + 1)) in opts:
        return new_angka(st.angka_n + 1)
    if st.huruf_x is not None and ("huruf", _next_letter(st.huruf_x)) in opts:
        return new_huruf(_next_letter(st.huruf_x))
    if ("huruf", "a") in opts and (st.huruf_x is None or want_sub):
        return new_huruf("a")
    if ("angka", "1") in opts and st.angka_n == 0:
        return new_angka(1)
    return None


# --- articles ------------------------------------------------------------------------------------------------


def number_str(v: Number) -> str:
    return f"{v[0]}{v[1]}"


def _article_id(doc_id: str, number: str, prefix: str = "") -> str:
    return f"{doc_id}/{prefix}pasal-{number.lower()}"


@dataclass
class ParseResult:
    articles: list[Article]
    warnings: list[str]


def _page_of(text: str, pos: int) -> int:
    return text.count(PAGE_BREAK, 0, pos) + 1


def _make_article(doc_id: str, number: str, raw: str, path: list[str], prefix: str = "") -> Article:
    flat = flatten(raw)
    provisions, reflowed = parse_provisions(flat)
    return Article(
        id=_article_id(doc_id, number, prefix),
        doc_id=doc_id,
        number=number,
        text=reflowed,
        heading_path=list(path),
        provisions=provisions,
    )


def parse_body(text: str, seg: Segment, doc_id: str, prefix: str = "") -> ParseResult:
    cands = candidates(text, seg.start, seg.end)
    chain = best_chain(cands)
    warnings: list[str] = []
    arts: list[Article] = []
    path: list[str] = []
    head, first_headings = split_trailing_headings(text[seg.start:chain[0][0].start] if chain else "")
    path = apply_headings(path, first_headings)
    prev: Number | None = None
    for k, (cand, value) in enumerate(chain):
        stop = chain[k + 1][0].start if k + 1 < len(chain) else seg.end
        body, headings, orphan = split_headings_and_orphan(text[cand.end:stop])
        number = number_str(value)
        gap = _gap(prev, value)
        if gap:
            warnings.append(_missing_warning(doc_id, prev, value, gap))
        art = _make_article(doc_id, number, body, path, prefix)
        art.reconstructed = cand.reconstructed
        if PAGE_BREAK in text:
            art.page = _page_of(text, cand.start)
        arts.append(art)
        base, path = path, apply_headings(path, headings)
        prev = value
        following = chain[k + 1][1] if k + 1 < len(chain) else None
        if orphan[1] and following is not None and _gap(value, following):
            # A heading (BAB/Bagian) followed by article text right before the next heading found, with a
            # number missing in between: the text is the last missing Pasal, whose heading OCR lost.
            lost: Number = (following[0] - 1, "") if not following[1] else (following[0], "")
            if lost != value and _gap(value, lost) is not None:
                path = apply_headings(base, headings[:-1] + [orphan[0]])
                rebuilt = _make_article(doc_id, number_str(lost), orphan[1], path, prefix)
                rebuilt.reconstructed = True
                if PAGE_BREAK in text:
                    rebuilt.page = _page_of(text, stop)
                arts.append(rebuilt)
                prev = lost
    return ParseResult(arts, warnings)


def _missing_warning(doc_id: str, prev: Number | None, value: Number, gap: int) -> str:
    missing = f"{prev[0] + 1}" if prev else "1"
    return (f"{doc_id}: heading of Pasal {missing}" + (f"–{value[0] - 1}" if gap > 1 else "")
            + f" not found before Pasal {number_str(value)} (text merged into the previous article)")


def parse_penjelasan(text: str, seg: Segment) -> tuple[str, dict[str, str]]:
    """(penjelasan umum, {article number: penjelasan text})."""
    m_umum = _UMUM.search(text, seg.start, seg.end)
    m_pdp = _PASAL_DEMI_PASAL.search(text, seg.start, seg.end)
    umum = ""
    if m_umum:
        umum = flatten(text[m_umum.end():m_pdp.start() if m_pdp else seg.end])
    start = m_pdp.end() if m_pdp else seg.start
    chain = best_chain(candidates(text, start, seg.end))
    per: dict[str, str] = {}
    for k, (cand, value) in enumerate(chain):
        stop = chain[k + 1][0].start if k + 1 < len(chain) else seg.end
        per[number_str(value)] = flatten(text[cand.end:stop])
    return umum, per


# --- amending acts -----------------------------------------------------------------------------------------

_ROMAN = re.compile(r"(?<![\w/])Pasal\s+(?P<r>I{1,3}|IV|V)(?=\s+[A-Z])")
# "Pasal I" is sometimes read as "Pasal 1"; what follows it tells them apart.
_PASAL_I = re.compile(r"(?<![\w/])Pasal\s+[I1l](?=\s+Beberapa\s+ketentuan)")
# An amendment instruction: "3. Ketentuan Pasal 7 diubah sehingga berbunyi …", "Di antara Pasal 10 dan
# Pasal 11 disisipkan 1 (satu) pasal …", "10. Ketentuan Pasal 19 dihapus." The number is optional because
# the PDF text layer sometimes loses it.
_INSTRUCTION = re.compile(
    r"(?:(?<=\n)|(?<=[.:;\"”]\s)|^)(?:\d{1,3}\.\s+)?"
    r"(?=(?:Ketentuan\s+(?:(?:ayat|huruf|angka)\s+\S+\s+(?:dan\s+)?){0,4}(?:Pasal|BAB|Bab|Bagian|Paragraf|"
    r"Penjelasan|Lampiran|Judul)|Judul|Di\s*antara|Diantara|Penjelasan\s+Pasal|Lampiran|Setelah|"
    r"Pasal\s+\d+\s?[A-Z]?\s+dihapus)"
    r"[^\n]{0,300}?\b(?:diubah|disisipkan|dihapus|ditambah\w*|menjadi\s+berbunyi)\b)"
)
_TARGETS = re.compile(r"Pasal\s+(\d{1,3}(?:\s?[A-Z](?![a-z]))?)")
_INTRO_END = re.compile(r"sebagai\s+berikut\s*:?|berikut\s*:", re.I)


def parse_amending(text: str, seg: Segment, doc_id: str, target_doc: str) -> ParseResult:
    pasal_i = _PASAL_I.search(text, seg.start, seg.end)
    if pasal_i is None:
        return ParseResult([], [f"{doc_id}: amending act without a 'Pasal I' heading"])
    later = [
        m for m in _ROMAN.finditer(text, pasal_i.end(), seg.end)
        if m.group("r") != "I" and _weight(text, m.start(), m.end()) > _WEAK
    ]
    i_end = later[0].start() if later else seg.end
    arts: list[Article] = []
    warnings: list[str] = []
    instr = _instructions(text, pasal_i.end(), i_end)
    intro_end = instr[0][0] if instr else i_end
    arts.append(_make_article(doc_id, "I", text[pasal_i.end():intro_end], []))
    seen: dict[str, int] = {}
    for k, (pos, body_start) in enumerate(instr):
        stop = instr[k + 1][0] if k + 1 < len(instr) else i_end
        for art in _amended_articles(text, pos, body_start, stop, doc_id, target_doc):
            if art.id in seen:
                warnings.append(f"{doc_id}: Pasal {art.number} amended twice; the later text is kept")
                arts[seen[art.id]] = art
                continue
            seen[art.id] = len(arts)
            arts.append(art)
    for k, m in enumerate(later):
        stop = later[k + 1].start() if k + 1 < len(later) else seg.end
        arts.append(_make_article(doc_id, m.group("r"), text[m.end():stop], []))
    return ParseResult(arts, warnings)


def _instructions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Positions (marker start, text start) of the numbered amendment instructions 1, 2, 3 …"""
    return [(m.start(), m.end()) for m in _INSTRUCTION.finditer(text, start, end)]


def _amended_articles(
    text: str, pos: int, body_start: int, stop: int, doc_id: str, target_doc: str
) -> list[Article]:
    intro = _INTRO_END.search(text, body_start, stop)
    header_end = intro.end() if intro else min(stop, text.find("\n", body_start) % (stop + 1))
    header = flatten(text[pos:header_end])
    targets = {t.replace(" ", "").upper() for t in _TARGETS.findall(header)}
    inserted = re.search(r"\bdisisipkan\b.*?\b(?:yakni|yaitu)\b(?P<new>.*)", header)
    if inserted and _TARGETS.search(inserted.group("new")):
        # "Di antara Pasal 10 dan Pasal 11 disisipkan 1 (satu) pasal, yakni Pasal 10A": only 10A is new.
        targets = {t.replace(" ", "").upper() for t in _TARGETS.findall(inserted.group("new"))}
    heads = [c for c in candidates(text, body_start, stop, strict=True)
             if any(number_str(v) in targets for v in c.values)]
    instruction = flatten(text[pos:heads[0].start if heads else header_end]).rstrip(' "“')
    if not heads:
        deleted = re.search(r"\bdihapus\b", instruction) is not None
        body = "Dihapus." if deleted else flatten(text[header_end:stop]).strip(' "“”')
        # An instruction that replaces only an ayat ("Ketentuan Pasal 16 ayat (2) menjadi berbunyi …")
        # is kept as a partial amendment of that article.
        return [
            Article(id=_article_id(doc_id, t), doc_id=doc_id, number=t, text=body,
                    amends=f"{target_doc}/pasal-{t.lower()}", instruction=instruction)
            for t in sorted(targets)
        ]
    out = []
    for k, c in enumerate(heads):
        end = heads[k + 1].start if k + 1 < len(heads) else stop
        number = next(number_str(v) for v in c.values if number_str(v) in targets)
        body, _ = split_trailing_headings(text[c.end:end])
        art = _make_article(doc_id, number, body, [])
        art.amends = f"{target_doc}/pasal-{number.lower()}"
        art.instruction = instruction
        out.append(art)
    return out


def parse_amending_penjelasan(text: str, seg: Segment, numbers: set[str]) -> dict[str, str]:
    m_pdp = _PASAL_DEMI_PASAL.search(text, seg.start, seg.end)
    start = m_pdp.end() if m_pdp else seg.start
    heads = [c for c in candidates(text, start, seg.end, strict=True)
             if any(number_str(v) in numbers for v in c.values)]
    out: dict[str, str] = {}
    for k, c in enumerate(heads):
        end = heads[k + 1].start if k + 1 < len(heads) else seg.end
        number = next(number_str(v) for v in c.values if number_str(v) in numbers)
        chunk = re.split(r"\bAngka\s+\d+\b|\bPasal\s+II\b", text[c.end:end])[0]
        out.setdefault(number, flatten(chunk))
    return out


# --- entry point -------------------------------------------------------------------------------------------


def parse_regulation(text: str, info: DocumentInfo) -> ParseResult:
    """Articles of one regulation, with the penjelasan attached to the article it explains."""
    segs = segments(text)
    bodies = [s for s in segs if s.kind == "body"]
    if not bodies:
        return ParseResult([], [f"{info.id}: no 'MEMUTUSKAN'/'Menetapkan' found; no articles parsed"])
    amending = bool(info.mengubah) or bool(re.search(r"\bPERUBAHAN\b", text[:2000]))
    target = info.mengubah[0] if info.mengubah else ""
    articles: list[Article] = []
    warnings: list[str] = []
    for idx, seg in enumerate(segs):
        body_no = sum(1 for s in segs[:idx] if s.kind == "body")  # bodies seen before this segment
        if seg.kind == "body":
            # A document with two bodies (a penetapan act and its lampiran statute): the last body is the
            # statute people cite; the first gets the "penetapan/" prefix.
            prefix = "penetapan/" if len(bodies) > 1 and body_no < len(bodies) - 1 else ""
            if amending and target:
                res = parse_amending(text, seg, info.id, target)
            else:
                res = parse_body(text, seg, info.id, prefix)
            articles.extend(res.articles)
            warnings.extend(res.warnings)
        else:
            prefix = "penetapan/" if len(bodies) > 1 and body_no - 1 < len(bodies) - 1 else ""
            _attach_penjelasan(text, seg, info, articles, prefix, amending and bool(target))
    _check_unique(info.id, articles, warnings)
    return ParseResult(articles, warnings)


def _attach_penjelasan(
    text: str, seg: Segment, info: DocumentInfo, articles: list[Article], prefix: str, amending: bool
) -> None:
    by_id = {a.id: a for a in articles}
    if amending:
        per = parse_amending_penjelasan(text, seg, {a.number for a in articles})
        umum = ""
    else:
        umum, per = parse_penjelasan(text, seg)
    for number, expl in per.items():
        art = by_id.get(_article_id(info.id, number, prefix))
        if art is not None and not art.penjelasan:
            art.penjelasan = expl
    if umum:
        articles.append(Article(
            id=f"{info.id}/{prefix}penjelasan/umum", doc_id=info.id, number="umum", text=umum,
            heading_path=["Penjelasan Umum"], kind="penjelasan-umum",
        ))


def _check_unique(doc_id: str, articles: list[Article], warnings: list[str]) -> None:
    seen: set[str] = set()
    for a in articles:
        if a.id in seen:
            warnings.append(f"{doc_id}: duplicate article id {a.id}")
        seen.add(a.id)
