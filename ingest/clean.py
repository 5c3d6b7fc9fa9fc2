"""Remove OCR noise that the official salinan texts really have, without rewording the law.

Each pass targets one kind of damage seen in the corpus (see the corpus MANIFEST): page furniture
(the president's title, `-2-` page numbers and `SK No …` sheet numbers, also in garbled forms), catchwords repeated
across a page break, hyphenated line breaks, `(21` for `(2)` and `2Ol4` for `2014`. Anything that is not
clearly one of these is left alone: a quote shown to a user must be the regulation's own words.
"""

from __future__ import annotations

import re
import unicodedata

from ingest.loaders import PAGE_BREAK

# --- page furniture ------------------------------------------------------------------------------------

_SK_LINE = re.compile(r"^\s*SK\s*No\.?\s*\d{5,7}\s*[A-Za-z]?\s*$")
_SK_INLINE = re.compile(r"\s*\bSK\s*No\.?\s*\d{5,7}\s*A\b\s*")
_PAGE_NUMBER = re.compile(r"^\s*-\s*\d{1,3}\s*-?\s*$")
# Garbled renderings of "SK No 106893 A" found in the PP 94/2021 text, e.g. `: il( Nlo l0r.-'il ^n`,
# `ll!'. l'lo l()(1167 A`, `{ll( Nlo l0(l,lJl i ^A`: a short junk prefix with a bracket, a mangled "No",
# a mangled number starting with l/1/I, and an optional one- or two-character tail.
_SK_GARBLED = re.compile(
    r"(?P<lead>[;.]?)\s*(?::\s*){0,2}"
    r"(?:[^\s]{0,4}[({<!/'][^\s]{0,3}\s+|[:;,.'\[]\s*)?"
    r"\^?(?:N|NI|l\.|I\.|i\\|I'\.|l'|i'\.|ir|irl|\[\.|',l|lrl|'\.)(?:l|I)?[oq6O]\s+"
    r"[l1I\[(|][^\s]{1,12}"
    # up to two junk tokens after it, never a list marker ("e.", "5.", "(2)") or a short real word
    r"(?:\s+(?!(?:[a-z]|\d{1,2})\.(?:\s|$))(?!\()(?![a-z]{2,4}(?:\s|$))(?![A-Za-z]{2,}[.,;:]?(?:\s|$))"
    r"[^\s]{1,5}(?=\s|$)){0,2}"
)
# A page header that OCR ran into the text: "PFTESIDEN REPUBLIK INDONESIA", "REFUBUK INDONESIA".
_INLINE_HEADER = re.compile(
    r"\bP[A-Z]{0,3}[EI][S5]\s?[I1!l]\s?D\s?E\s?N\s+R[A-Z]{5,7}\s+IN\S{0,3}NESIA\b(?!\s*,)"
    r"|\b(?!REPUBLIK\b)R[EF][A-Z]{4,6}\s+IN\S{0,3}NESIA\b(?!\s*,)"
)


def _is_president_header(line: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", line).upper()
    if not letters or len(line.strip()) > 40:
        return False
    if line.rstrip().endswith(","):  # the title followed by a comma opens the preamble: content
        return False
    if letters in {"SALINAN"}:
        return True
    # OCR variants: PR.ES!DEN, PRES IDEN, REPUBUK INIX)NESIA, REPIJ BLIK INDONESIA, REPUELIK ...
    if _close(letters, "PRESIDEN") or _close(letters, "PRESIDENREPUBLIKINDONESIA", 4):
        return True
    return letters.startswith("REP") and letters.endswith(("NESIA", "ESIA")) and 14 <= len(letters) <= 20


def _close(a: str, b: str, tolerance: int = 2) -> bool:
    if abs(len(a) - len(b)) > tolerance:
        return False
    mismatches = sum(1 for x, y in zip(a, b, strict=False) if x != y) + abs(len(a) - len(b))
    return mismatches <= tolerance


def strip_page_furniture(text: str) -> str:
    """Drop page headers, page numbers, SK lines and the catchword that precedes a page break."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if _SK_LINE.match(line):
            # The line after "SK No ..." is the catchword: the first words of the next page, which the
            # next page repeats. Drop it when a page header follows (that is what makes it a catchword).
            j = i + 1
            if j < len(lines) and lines[j].strip() and _header_follows(lines, j + 1):
                j += 1
            i = j
            continue
        if _PAGE_NUMBER.match(line) or _is_president_header(line):
            i += 1
            continue
        out.append(line)
        i += 1
    text = "\n".join(out)
    text = _SK_INLINE.sub(" ", text)
    text = _SK_GARBLED.sub(lambda m: m.group("lead") + " ", text)
    text = drop_junk_runs(text)
    text = _INLINE_HEADER.sub(" ", text)
    return text


def _header_follows(lines: list[str], start: int) -> bool:
    for k in range(start, min(start + 4, len(lines))):
        if not lines[k].strip() or lines[k] == PAGE_BREAK:
            continue
        return _is_president_header(lines[k]) or bool(_PAGE_NUMBER.match(lines[k]))
    return False


# --- repeated catchwords ---------------------------------------------------------------------------------

# "e. akuntabel… e. akuntabel dalam", "Agar. . . Agar setiap", "16. Pejabat.\n16. Pejabat Yang",
# "23. Batas . {iD 23. Batas": the same 1-4 words before and after a page break, the first copy ending
# in an ellipsis or a lone dot, with at most one junk token in between.
_CATCHWORD = re.compile(
    r"(?P<cw>(?<![\w/-])(?:(?:\d{1,3}|[a-z])\.\s+)?[A-Za-z][\w/-]*(?:[ \t]+[A-Za-z][\w/-]*){0,3})"
    r"[ \t]*(?:…|\.(?:\s?\.){0,2})\s*(?:[^\sA-Za-z0-9]\S{0,4}\s+)?(?P=cw)\b"
)
# "2. Pejabat 2. Pejabat Pembina", "Pasal 6\nPasal 6": a list marker or heading and its first word,
# twice in a row.
_DOUBLED_MARKER = re.compile(
    r"(?P<cw>(?<!\S)(?:\d{1,3}\.|[a-z]\.|\(\d{1,2}\)|Pasal\s+\d{1,3}[A-Z]?|Huruf\s+[a-z]|Angka\s+\d{1,2})"
    r"(?:\s+[A-Za-z]\w*)?)\s+(?P=cw)\b"
)


def collapse_catchwords(text: str) -> str:
    text = _CATCHWORD.sub(lambda m: m.group("cw"), text)
    return _DOUBLED_MARKER.sub(lambda m: m.group("cw"), text)


# --- words and numbers -----------------------------------------------------------------------------------

_HYPHEN_BREAK = re.compile(r"([A-Za-z]{2,})-(?:[ \t]*\n[ \t]*|[ \t]+)([a-zA-Z]{2,})")


def _join_hyphen(m: re.Match[str]) -> str:
    left, right = m.group(1), m.group(2)
    # Reduplication (undang-undang, perundang-undangan, sewenang-wenang) keeps its hyphen;
    # a syllable split by the line break (pelak-\nsanaan) is joined.
    for k in range(min(len(left), len(right)), 2, -1):
        if left.lower().endswith(right[:k].lower()):
            return f"{left}-{right}"
    if right[0].isupper():
        return f"{left}-{right}"
    return f"{left}{right}"


_YEAR = re.compile(r"\b(?=[0-9OolIL]{4}\b)([12L][9O0oI1l][0-9OolIL]{2})\b")
_AYAT_BROKEN = re.compile(r"\((\d)[1l](?=\s+[A-Z(a-z])")
_AYAT_LETTER = re.compile(r"\(([lI])\)")
_PASAL_NUMBER = re.compile(r"\b(Pasal)\s+(\d[0-9lIO]{0,2}|[lI]\d{1,2})\b")
_DIGIT_MAP = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "L": "1"})


def _fix_year(m: re.Match[str]) -> str:
    token = m.group(1)
    fixed = token.translate(_DIGIT_MAP)
    real_digits = sum(ch.isdigit() for ch in token)
    if fixed == token or real_digits < 2 or not (fixed.startswith(("19", "20"))):
        return token
    return fixed


def fix_numbers(text: str) -> str:
    text = _YEAR.sub(_fix_year, text)
    text = _AYAT_BROKEN.sub(r"(\1)", text)
    text = _AYAT_LETTER.sub("(1)", text)
    text = _PASAL_NUMBER.sub(lambda m: f"{m.group(1)} {m.group(2).translate(_DIGIT_MAP)}", text)
    return text


# --- stray junk ------------------------------------------------------------------------------------------

_CARET = re.compile(r"\^(?=\w)|(?<=\s)\^(?=\s)")


def _is_junk_line(line: str) -> bool:
    s = line.strip()
    if not s or len(s) > 16:
        return False
    if re.fullmatch(r"\(?\d{1,2}[)1l]?|[a-z]\.|\d{1,3}\.", s):  # list markers standing alone are content
        return False
    alnum = sum(ch.isalnum() for ch in s)
    return alnum / len(s.replace(" ", "")) < 0.5 or re.fullmatch(r"[A-Za-z]{1,3}'?\s*'?", s) is not None


_JUNK_TOKEN = re.compile(r"(?=\S*[(){}<>!|\\^'])(?!\(\d{1,2}[a-z]?\)[.,;:]?$)(?!\([a-z]\)[.,;:]?$)\S{1,12}$")
_SHORT = re.compile(r"^[^\s]{1,2}$")


def _is_junk_token(tok: str) -> bool:
    return bool(_JUNK_TOKEN.match(tok)) or bool(re.fullmatch(r"[^\w\s\"“”]{1,4}", tok))


def drop_junk_runs(text: str) -> str:
    """Remove runs of two or more junk tokens (`,1, ),16 l(lh-5(., r,`), keeping line structure."""
    out_lines = []
    for line in text.split("\n"):
        toks = line.split(" ")
        keep = [True] * len(toks)
        i = 0
        while i < len(toks):
            if _is_junk_token(toks[i]):
                j = i
                junk = 0
                while j < len(toks) and (_is_junk_token(toks[j]) or (_SHORT.match(toks[j]) and junk)):
                    junk += _is_junk_token(toks[j])
                    j += 1
                # trailing short tokens only count when another junk token follows them
                while j > i and not _is_junk_token(toks[j - 1]):
                    j -= 1
                if junk >= 2:
                    for k in range(i, j):
                        keep[k] = False
                i = max(j, i + 1)
            else:
                i += 1
        out_lines.append(" ".join(t for t, k in zip(toks, keep, strict=True) if k))
    return "\n".join(out_lines)


def drop_junk_lines(text: str) -> str:
    return "\n".join(line for line in text.split("\n") if not _is_junk_line(line))


def normalize_whitespace(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\t", " ")
    text = re.sub(r"[ ]{2,}", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def clean(text: str) -> str:
    """All passes, in the order that keeps each one simple."""
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)  # provenance comments in converted files
    text = text.replace("\r\n", "\n").replace("\u00a0", " ")
    text = _CARET.sub("", text)  # "^jelas": a stray caret before words, not part of them
    text = strip_page_furniture(text)
    text = drop_junk_lines(text)
    text = _HYPHEN_BREAK.sub(_join_hyphen, text)
    text = fix_numbers(text)
    text = normalize_whitespace(text)
    text = collapse_catchwords(text)
    return text


def flatten(text: str) -> str:
    """One-line form for display and quoting: newlines become spaces, page breaks vanish."""
    return re.sub(r"\s+", " ", text.replace(PAGE_BREAK, " ")).strip()
