"""The web app's gate, in front of gradio: who a request comes from, which uploads are accepted, and the
NETRAL_AUTH login with throttling.

gradio accepts files on `POST /gradio_api/upload` from anyone who can reach the app, up to its `max_file_size`,
whatever tab (if any) they come from. The gate narrows that down to the two tabs that take files:
- the admin tab, whose documents may be up to NETRAL_MAX_UPLOAD_MB: only a browser that logged in to the
  admin tab carries the upload cookie (a random token issued at that login, valid for UPLOAD_TOKEN_TTL_S);
- the queue tab (Antrean), open to every user of the app: up to NETRAL_MAX_QUEUE_UPLOAD_MB per request, and
  NETRAL_UPLOADS_PER_HOUR requests per client address.
Everything else is refused before a byte is stored, with a message in Indonesian that the page shows.
"""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping, Sequence
from contextvars import ContextVar
from http.cookies import CookieError, SimpleCookie
from typing import Any

from netral.config import Settings
from ui.throttle import LoginThrottle, RateLimit, wait_message

Scope = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[Any]], Callable[[Any], Awaitable[None]]], Awaitable[None]]

UPLOAD_COOKIE = "netral_unggah"
# An admin session's upload right lasts a working day; logging in again issues a new one.
UPLOAD_TOKEN_TTL_S = 8 * 3600
# Multipart framing around the file (boundaries, headers) is allowed on top of the size limit.
MULTIPART_SLACK = 64 * 1024
LOOPBACK = ("127.0.0.1", "::1", "localhost")

# The client address of the request being served, for the NETRAL_AUTH login, which gradio calls with the user
# name and password only.
CLIENT: ContextVar[str] = ContextVar("netral_client", default="?")


def client_address(peer: str | None, forwarded_for: str | None) -> str:
    """The address a request comes from. Behind a proxy on this machine (README, "Scaling out") that is the last
    X-Forwarded-For entry, which the proxy itself appends; from anywhere else the header is not trusted."""
    peer = peer or "?"
    if peer in LOOPBACK and forwarded_for:
        return forwarded_for.split(",")[-1].strip() or peer
    return peer


def request_client(request: Any) -> str:
    """`client_address` of a gradio/starlette request (or "?" without one, as in direct calls from tests)."""
    if request is None:
        return "?"
    client = getattr(request, "client", None)
    headers = getattr(request, "headers", None) or {}
    return client_address(getattr(client, "host", None), headers.get("x-forwarded-for"))


class UploadTokens:
    """Upload rights of browsers logged in to the admin tab (kept in memory: a restart asks for a new login)."""

    def __init__(self, ttl_s: float = UPLOAD_TOKEN_TTL_S, clock: Callable[[], float] = time.monotonic):
        self._ttl_s = ttl_s
        self._clock = clock
        self._tokens: dict[str, float] = {}
        self._lock = threading.Lock()

    def issue(self) -> str:
        token = secrets.token_urlsafe(24)
        now = self._clock()
        with self._lock:
            self._tokens = {t: exp for t, exp in self._tokens.items() if exp > now}
            self._tokens[token] = now + self._ttl_s
        return token

    def valid(self, token: str | None) -> bool:
        if not token:
            return False
        with self._lock:
            expiry = self._tokens.get(token)
        return expiry is not None and expiry > self._clock()


class UploadQuota:
    """At most `per_hour` uploads per client address in any hour."""

    def __init__(self, per_hour: int, clock: Callable[[], float] = time.monotonic):
        self.per_hour = per_hour
        # No uploads at all when set to 0 (RateLimit reads 0 as "no limit").
        self._limit = RateLimit(per_hour, 3600.0, clock) if per_hour > 0 else None

    def take(self, client: str) -> bool:
        return self._limit is not None and self._limit.take(client) == 0


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}


def _cookie(headers: dict[str, str], name: str) -> str | None:
    try:
        jar = SimpleCookie(headers.get("cookie", ""))
    except CookieError:
        return None
    morsel = jar.get(name)
    return morsel.value if morsel else None


class Gate:
    """ASGI middleware: records the client address of every request (CLIENT) and screens uploads."""

    def __init__(self, app: ASGIApp, settings: Settings, tokens: UploadTokens, quota: UploadQuota | None = None):
        self.app = app
        self.settings = settings
        self.tokens = tokens
        self.quota = quota or UploadQuota(settings.uploads_per_hour)

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = _headers(scope)
        client = client_address((scope.get("client") or ("?",))[0], headers.get("x-forwarded-for"))
        mark = CLIENT.set(client)
        try:
            if scope.get("method") == "POST" and scope.get("path", "").rstrip("/").endswith("/gradio_api/upload"):
                refusal = self.screen_upload(headers, client)
                if refusal is not None:
                    await _plain(send, *refusal)
                    return
            await self.app(scope, receive, send)
        finally:
            CLIENT.reset(mark)

    def screen_upload(self, headers: dict[str, str], client: str) -> tuple[int, str] | None:
        """(status, message) refusing an upload, or None to let it through."""
        if self.tokens.valid(_cookie(headers, UPLOAD_COOKIE)):
            return None  # the admin tab: gradio's own limit (NETRAL_MAX_UPLOAD_MB) applies
        limit_mb = self.settings.max_queue_upload_mb
        try:
            length = int(headers.get("content-length", ""))
        except ValueError:
            return 411, "Unggahan ditolak: ukuran berkas tidak disebutkan."
        if length > limit_mb * 1024 * 1024 + MULTIPART_SLACK:
            return 413, (f"Berkas terlalu besar: batas unggahan {limit_mb} MB. Dokumen yang lebih besar hanya dapat "
                         "diunggah dari tab Admin setelah masuk.")
        if not self.quota.take(client):
            return 429, "Terlalu banyak unggahan dari alamat ini dalam satu jam; coba lagi nanti."
        return None


async def _plain(send: Any, status: int, message: str) -> None:
    body = message.encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", b"%d" % len(body))]})
    await send({"type": "http.response.body", "body": body})


class AppLogin:
    """The NETRAL_AUTH check that gradio calls for its login form, throttled per client and per account."""

    def __init__(self, pairs: Sequence[tuple[str, str]], throttle: LoginThrottle):
        self._passwords = dict(pairs)
        self.throttle = throttle

    def _matches(self, username: str, password: str) -> bool:
        # The same comparison for a user name that does not exist, so timing does not tell which ones do.
        expected = self._passwords.get(username)
        ok = hmac.compare_digest(password.encode(), (expected or secrets.token_hex(16)).encode())
        return ok and expected is not None

    def __call__(self, username: str, password: str) -> bool:
        from fastapi import HTTPException

        result = self.throttle.attempt(CLIENT.get(), username, lambda: self._matches(username, password))
        if result.refused:
            raise HTTPException(status_code=429, detail=wait_message(result.wait_s))
        return result.ok
