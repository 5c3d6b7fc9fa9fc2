"""One rule for every question that reaches the assistant (CLI, web chat, letter desk, HTTP API, batch files).

Questions arrive with whatever bytes a terminal, a browser or a spreadsheet produced: invalid UTF-8 (which
Python turns into lone surrogates that crash the first `print` or JSON encoder), control characters, private-use
or unassigned code points. They are removed here. A question is also capped in length: a 10 MB "question"
would otherwise be searched, prompted and echoed back, and the cap is stated to the user.
"""

from __future__ import annotations

import unicodedata

# Unicode categories that carry no meaning in a question: controls, lone surrogates (undecodable bytes),
# private use and unassigned code points.
_DROP_CATEGORIES = {"Cc", "Cs", "Co", "Cn"}
_KEEP_CONTROLS = {"\n", "\t"}
REPLACEMENT = "\ufffd"


class QuestionRejected(ValueError):
    """A question that cannot be answered as given; the message (Indonesian) says why."""


def scrub(text: str) -> str:
    """`text` without the characters a question never needs (see the module docstring), NFC-normalised."""
    kept = []
    for ch in text:
        if ch in _KEEP_CONTROLS:
            kept.append(ch)
        elif ch == "\r":
            kept.append("\n")
        elif ch != REPLACEMENT and unicodedata.category(ch) not in _DROP_CATEGORIES:
            kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept))


def too_long_message(length: int, limit: int) -> str:
    return (f"Pertanyaan terlalu panjang ({length:,} karakter; batasnya {limit:,}). Persingkat pertanyaan Anda, "
            "misalnya hanya inti kasusnya.").replace(",", ".")


def clean_question(text: str | None, max_chars: int) -> str:
    """The question ready to answer, or QuestionRejected (empty, or longer than `max_chars`)."""
    text = text or ""
    if len(text) > 2 * max_chars:  # refused before any per-character work on a multi-megabyte input
        raise QuestionRejected(too_long_message(len(text), max_chars))
    cleaned = scrub(text).strip()
    if not cleaned:
        raise QuestionRejected("Pertanyaan masih kosong. Tulis pertanyaan Anda tentang netralitas ASN.")
    if len(cleaned) > max_chars:
        raise QuestionRejected(too_long_message(len(cleaned), max_chars))
    return cleaned
