"""Is a password strong enough to guard the admin tab? Checked once when the web app starts.

Throttling (ui/throttle.py) makes each guess slow; a password that is among the first guesses any attacker
tries, or short enough to enumerate, still falls. The rules are simple so that the refusal message can state
them: at least MIN_LENGTH characters, not mostly one character, not made of digits only, and not built around a
common password or the application's own vocabulary.
"""

from __future__ import annotations

import re

MIN_LENGTH = 12
MIN_DISTINCT = 6
# Words attackers try first, in English and Indonesian, and the words this application invites.
COMMON_WORDS = (
    "password", "passw0rd", "admin", "administrator", "qwerty", "asdf", "letmein", "welcome", "secret", "changeme",
    "rahasia", "sandi", "katasandi", "masuk", "netral", "netralitas", "asn", "pns", "pppk", "bkd", "bawaslu",
    "indonesia", "merdeka", "garuda", "jakarta", "123456", "654321", "abcdef", "uji", "test", "contoh",
)


def weak_password_reason(password: str) -> str | None:
    """Why `password` is too weak (Indonesian), or None when it passes."""
    if len(password) < MIN_LENGTH:
        return f"terlalu pendek ({len(password)} karakter; minimal {MIN_LENGTH})"
    if len(set(password)) < MIN_DISTINCT:
        return f"terlalu sedikit karakter yang berbeda (minimal {MIN_DISTINCT})"
    if password.isdigit():
        return "hanya berisi angka"
    core = re.sub(r"[^a-z]", "", password.lower())
    for word in COMMON_WORDS:
        if word.isalpha() and core and len(core) - len(word) < 6 and word in core:
            return f"berpusat pada kata yang mudah ditebak ('{word}')"
    return None
