"""Slow down password guessing (the admin password, the NETRAL_AUTH logins, JSON API keys), and cap how often
one caller may use a service (`RateLimit`: anonymous uploads, each API key).

Every failed try is counted per client (its IP address) and per account. The first FREE_TRIES failures cost
nothing (a typo or two); after the n-th failure beyond them, the next try for that client or account is refused
without looking at the password until base·2^(n-1) seconds have passed; after `max_failures` failures the client
or account is locked out for `lockout_s`, and every later failure locks it again at once, until a successful
login clears it. Refusing instead of sleeping keeps the server's worker threads free: a flood of tries costs the
server nothing and teaches the guesser nothing. Each failure and each lockout is logged as a warning (with the
client, never the password tried); refused tries only at INFO, so that a flood of them does not fill the log.

The per-account count is what stops guesses spread over many addresses; its price is that such a flood also
locks out the real user of that account until the lockout ends (README, "Security").
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from netral.config import Settings

log = logging.getLogger(__name__)

# Failures that cost no waiting: people mistype passwords, and a retry within a second is normal.
FREE_TRIES = 2
# Failures older than this with no failure since are forgotten: yesterday's typos do not slow down today.
FORGET_AFTER_S = 24 * 3600.0
# At most this many clients and accounts are remembered; the oldest records go first, so a flood of made-up
# addresses cannot grow the table without bound.
MAX_RECORDS = 10_000


@dataclass
class _Record:
    failures: int = 0
    last_failure: float = 0.0
    locked_until: float = 0.0


@dataclass(frozen=True)
class LoginResult:
    ok: bool
    # Seconds the caller must wait before the next try is looked at (0 when the password was checked).
    wait_s: float = 0.0
    # True when the try was refused without checking the password (too early, or locked out).
    refused: bool = False


def wait_message(wait_s: float) -> str:
    """Indonesian text for a refused try."""
    if wait_s >= 90:
        return (f"Terlalu banyak percobaan masuk yang gagal. Akses dikunci sementara; coba lagi dalam "
                f"{wait_s / 60:.0f} menit.")
    return f"Terlalu banyak percobaan masuk yang gagal. Tunggu {max(1, round(wait_s))} detik, lalu coba lagi."


class LoginThrottle:
    def __init__(self, max_failures: int, lockout_s: float, base_delay_s: float, what: str = "login",
                 clock: Callable[[], float] = time.monotonic):
        self.max_failures = max(1, max_failures)
        self.lockout_s = lockout_s
        self.base_delay_s = base_delay_s
        self.what = what
        self._clock = clock
        self._records: dict[str, _Record] = {}
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Settings, what: str,
                      clock: Callable[[], float] = time.monotonic) -> LoginThrottle:
        return cls(settings.login_max_failures, settings.login_lockout_seconds, settings.login_base_delay, what,
                   clock)

    def _delay(self, failures: int) -> float:
        if failures >= self.max_failures:
            return self.lockout_s
        if failures <= FREE_TRIES:
            return 0.0
        return min(self.base_delay_s * 2 ** (failures - FREE_TRIES - 1), self.lockout_s)

    def _record(self, key: str, now: float) -> _Record:
        rec = self._records.get(key)
        if rec is not None and rec.failures and now - rec.last_failure > FORGET_AFTER_S:
            rec = None
        if rec is None:
            if len(self._records) >= MAX_RECORDS:
                oldest = min(self._records, key=lambda k: self._records[k].last_failure)
                del self._records[oldest]
            rec = self._records[key] = _Record()
        return rec

    def wait_time(self, keys: Sequence[str]) -> float:
        """Seconds before a try for any of `keys` is looked at again (0: now)."""
        now = self._clock()
        with self._lock:
            waits = [0.0]
            for key in keys:
                rec = self._record(key, now)
                waits.append(rec.locked_until - now)
                waits.append(rec.last_failure + self._delay(rec.failures) - now)
            return max(waits)

    def attempt(self, client: str, account: str, check: Callable[[], bool]) -> LoginResult:
        """Check a password with `check()` unless `client` or `account` must still wait."""
        keys = (f"klien:{client}", f"akun:{account}")
        wait = self.wait_time(keys)
        if wait > 0:
            # INFO, not WARNING: a flood of refused tries must not flood the log (the failures that led to the
            # refusal were logged as warnings).
            log.info("%s refused for account %r from %s: %.0f s to wait", self.what, account, client, wait)
            return LoginResult(False, wait, refused=True)
        if check():
            with self._lock:
                for key in keys:
                    self._records.pop(key, None)
            return LoginResult(True)
        return LoginResult(False, self._fail(keys, client, account))

    def _fail(self, keys: Sequence[str], client: str, account: str) -> float:
        now = self._clock()
        with self._lock:
            for key in keys:
                rec = self._record(key, now)
                rec.failures += 1
                rec.last_failure = now
                if rec.failures >= self.max_failures:
                    rec.locked_until = now + self.lockout_s
            failures = max(self._records[k].failures for k in keys)
        delay = self._delay(failures)
        if failures >= self.max_failures:
            log.warning("%s failed for account %r from %s (%d failures): locked for %.0f s", self.what, account,
                        client, failures, self.lockout_s)
        else:
            log.warning("%s failed for account %r from %s (%d failures): next try in %.0f s", self.what, account,
                        client, failures, delay)
        return delay


class RateLimit:
    """At most `limit` requests per caller in any `window_s` seconds (a sliding window over the times of the
    accepted ones). A refused request is not counted, so a caller who keeps knocking is let in again as soon as
    the oldest accepted request leaves the window, and is told exactly when that is."""

    def __init__(self, limit: int, window_s: float, clock: Callable[[], float] = time.monotonic):
        self.limit = limit
        self.window_s = window_s
        self._clock = clock
        self._seen: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def take(self, caller: str) -> float:
        """0 when `caller` may go ahead (the request is counted), else the seconds until it may."""
        if self.limit <= 0:
            return 0.0
        now = self._clock()
        with self._lock:
            times = self._seen.setdefault(caller, deque())
            while times and now - times[0] >= self.window_s:
                times.popleft()
            if len(times) >= self.limit:
                return max(times[0] + self.window_s - now, 1e-3)
            times.append(now)
            if len(self._seen) > MAX_RECORDS:  # forget idle callers, so made-up names cannot grow the table
                self._seen = {c: t for c, t in self._seen.items() if t and now - t[-1] < self.window_s}
            return 0.0


def retry_after(wait_s: float) -> str:
    """A Retry-After header value: whole seconds, rounded up, never 0 (which would invite an instant retry)."""
    return str(max(1, math.ceil(wait_s)))
