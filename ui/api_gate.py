"""The JSON API's gate, in front of its routes: keys, rate limit, request size, the audit log, and failures.

Every request under /api/v1 passes here before FastAPI sees it, so the order of refusals is the same whatever
the body holds: API turned off (503) → no key or a wrong one (401; repeated wrong keys from one address are
throttled like logins, 429) → the key's rate limit (429 with Retry-After) → a body over the size cap (413).
Health, the OpenAPI document and its docs page need no key. A call that passed the key check is written to the
audit log (ui/audit.py) with what the route noted about it (`note`) before its response starts; an unexpected
failure is logged here in English with its traceback, and the client only ever gets the Indonesian JSON error.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
from collections.abc import Awaitable, Callable, MutableMapping, Sequence
from typing import Any

import anyio

from netral.config import Settings
from ui.audit import AuditEntry, AuditLog
from ui.guard import client_address
from ui.throttle import LoginThrottle, RateLimit, retry_after

log = logging.getLogger(__name__)

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# Request bodies are JSON of a question, its history (at most MAX_HISTORY questions) or a rated answer record:
# well under this even with every character \u-escaped. Larger bodies are refused before they are read whole.
MAX_BODY_BYTES = 1024 * 1024
# Where a route leaves what the audit log should know about the call (the question, verdict, cited ids).
AUDIT_STATE = "netral_audit"
# curl -d sends `application/x-www-form-urlencoded` unless told otherwise; the API only ever takes JSON, so such
# bodies (and bodies with no type or plain text) are read as JSON rather than refused for their header.
JSON_ALIASES = ("", "application/x-www-form-urlencoded", "text/plain")

DISABLED = ("API JSON belum diaktifkan di server ini. Atur NETRAL_API_KEYS dengan pasangan nama:kunci (dipisah "
            "koma), misalnya NETRAL_API_KEYS=\"bkd-semarang:<kunci acak panjang>\", lalu mulai ulang `netral web`.")
KEY_MISSING = "Kunci API diperlukan. Kirim header `Authorization: Bearer <kunci>`."
KEY_WRONG = "Kunci API tidak dikenal. Periksa kunci yang dikirim di header `Authorization: Bearer <kunci>`."
TOO_LARGE = f"Permintaan terlalu besar (batasnya {MAX_BODY_BYTES // (1024 * 1024)} MB)."
SERVER_FAILURE = ("Maaf, terjadi gangguan di server saat memproses permintaan ini. Silakan coba lagi sebentar "
                  "lagi; bila berulang, hubungi pengelola layanan.")


def error_body(code: str, message: str, **extra: Any) -> dict[str, Any]:
    """The one shape of every API error: a code for programs, a message (Indonesian) for people."""
    return {"error": code, "message": message, **extra}


def note(scope: Scope, **fields: Any) -> None:
    """What a route tells the audit log about the call it is answering (AuditEntry's fields)."""
    scope.setdefault("state", {}).setdefault(AUDIT_STATE, {}).update(fields)


def route_path(scope: Scope) -> str:
    """The path inside the API ("/jawab"), wherever the API is mounted."""
    path, root = str(scope.get("path", "")), str(scope.get("root_path", ""))
    return path[len(root):] if root and path.startswith(root) else path


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}


def _digest(key: str) -> bytes:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).digest()


class ApiKeys:
    """The configured keys, checked in constant time: the token's digest is compared with every key's digest
    (equal lengths, no early exit), so neither which key nor how much of one matched shows in the timing."""

    def __init__(self, pairs: Sequence[tuple[str, str]]):
        self._digests = [(name, _digest(key)) for name, key in pairs]

    def __bool__(self) -> bool:
        return bool(self._digests)

    def identify(self, token: str) -> str | None:
        """The name of the key `token` is, or None."""
        presented = _digest(token)
        found: str | None = None
        for name, digest in self._digests:
            if hmac.compare_digest(presented, digest):
                found = name
        return found


def bearer_token(headers: dict[str, str]) -> str | None:
    scheme, _, token = headers.get("authorization", "").strip().partition(" ")
    token = token.strip()
    return token if scheme.lower() == "bearer" and token else None


class ApiGate:
    def __init__(self, app: ASGIApp, settings: Settings, audit: AuditLog, open_paths: Sequence[str],
                 clock: Callable[[], float] = time.monotonic):
        self.app = app
        self.audit = audit
        self.open_paths = frozenset(open_paths)
        self.keys = ApiKeys(settings.api_key_pairs())
        self.rate = RateLimit(settings.api_rate_per_minute, 60.0, clock)
        self.rate_per_minute = settings.api_rate_per_minute
        # Wrong keys are counted per client address as failed logins are (a few free, then growing waits, then a
        # lockout): keys are long and random, and this keeps it so for anyone trying them one after another.
        self.wrong_keys = LoginThrottle.from_settings(settings, "API key", clock)
        self.max_question_chars = settings.max_question_chars

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or route_path(scope).rstrip("/") in self.open_paths:
            await self.app(scope, receive, send)
            return
        headers = _headers(scope)
        client = client_address((scope.get("client") or ("?",))[0], headers.get("x-forwarded-for"))
        endpoint = f"{scope.get('method', '')} {route_path(scope)}"
        if not self.keys:
            log.info("API request %s from %s refused: no NETRAL_API_KEYS configured", endpoint, client)
            await _send_json(send, 503, error_body("api_nonaktif", DISABLED))
            return
        token = bearer_token(headers)
        if token is None:
            await _send_json(send, 401, error_body("kunci_diperlukan", KEY_MISSING), {"www-authenticate": "Bearer"})
            return
        found: list[str] = []

        def check() -> bool:
            name = self.keys.identify(token)
            if name:
                found.append(name)
            return name is not None

        result = self.wrong_keys.attempt(client, client, check)
        if result.refused:
            after = retry_after(result.wait_s)
            await _send_json(send, 429, error_body(
                "kunci_salah_berulang", f"Terlalu banyak kunci API yang salah dari alamat ini. Coba lagi dalam {after} "
                                        "detik."), {"retry-after": after})
            return
        if not result.ok:
            await _send_json(send, 401, error_body("kunci_salah", KEY_WRONG),
                             {"www-authenticate": 'Bearer error="invalid_token"'})
            return
        name = found[0]
        wait = self.rate.take(name)
        if wait > 0:
            log.info("API key %r over its rate limit (%s)", name, endpoint)
            after = retry_after(wait)
            await _send_json(send, 429, error_body(
                "batas_laju", f"Terlalu banyak permintaan dengan kunci ini (batasnya {self.rate_per_minute} per "
                              f"menit). Coba lagi dalam {after} detik."), {"retry-after": after})
            return
        declared = headers.get("content-length", "")
        too_large = declared.isdigit() and int(declared) > MAX_BODY_BYTES  # refused before a byte is read
        body = None if too_large else await _read_body(receive, MAX_BODY_BYTES)
        if body is None:
            await _send_json(send, 413, error_body("terlalu_besar", TOO_LARGE))
            return
        scope.setdefault("state", {})[AUDIT_STATE] = {}
        await self._serve(_as_json(scope, headers), _replay(body, receive), send, name, client, endpoint)

    async def _serve(self, scope: Scope, receive: Receive, send: Send, name: str, client: str,
                     endpoint: str) -> None:
        """Run the route; write the audit row when its response starts (refusing to send it when the row
        cannot be written); turn any failure into the Indonesian 500."""
        t0 = time.perf_counter()
        started = False
        swallowed = False

        async def audited_send(message: MutableMapping[str, Any]) -> None:
            nonlocal started, swallowed
            if swallowed:
                return
            if message["type"] == "http.response.start":
                started = True
                entry = self._entry(scope, name, client, endpoint, int(message["status"]), t0)
                try:
                    await anyio.to_thread.run_sync(self.audit.record, entry)
                except Exception:
                    log.exception("API %s by key %r: audit row could not be written; answer withheld", endpoint,
                                  name)
                    swallowed = True
                    await _send_json(send, 500, error_body("gangguan_server", SERVER_FAILURE))
                    return
            await send(message)

        try:
            await self.app(scope, receive, audited_send)
        except Exception:
            log.exception("API %s by key %r from %s failed", endpoint, name, client)
            if not started:
                await audited_send(_json_start(500))
                await audited_send(_json_body(error_body("gangguan_server", SERVER_FAILURE)))

    def _entry(self, scope: Scope, name: str, client: str, endpoint: str, status: int, t0: float) -> AuditEntry:
        noted: dict[str, Any] = scope.get("state", {}).get(AUDIT_STATE, {})
        return AuditEntry(
            key_name=name, endpoint=endpoint, status=status, client=client,
            question=str(noted.get("question", ""))[: self.max_question_chars], verdict=str(noted.get("verdict", "")),
            cited=tuple(str(c) for c in noted.get("cited", ())), backend=str(noted.get("backend", "")),
            elapsed_ms=(time.perf_counter() - t0) * 1000,
        )


async def _read_body(receive: Receive, limit: int) -> bytes | None:
    """The whole request body, or None as soon as it passes `limit` bytes."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    """A `receive` that hands the route the body already read, then the client's own messages (its disconnect)."""
    sent = False

    async def replayed() -> MutableMapping[str, Any]:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed


def _as_json(scope: Scope, headers: dict[str, str]) -> Scope:
    """The scope with the body declared as JSON when it came as curl's default form type, plain text or untyped."""
    if headers.get("content-type", "").split(";")[0].strip().lower() not in JSON_ALIASES:
        return scope
    raw = [(k, v) for k, v in scope.get("headers", []) if k.lower() != b"content-type"]
    scope["headers"] = [*raw, (b"content-type", b"application/json")]
    return scope


def _json_start(status: int, extra: dict[str, str] | None = None, length: int | None = None) -> dict[str, Any]:
    headers = [(b"content-type", b"application/json; charset=utf-8")]
    if length is not None:
        headers.append((b"content-length", str(length).encode()))
    headers.extend((k.encode("latin-1"), v.encode("latin-1")) for k, v in (extra or {}).items())
    return {"type": "http.response.start", "status": status, "headers": headers}


def _json_body(payload: dict[str, Any]) -> dict[str, Any]:
    return {"type": "http.response.body", "body": json.dumps(payload, ensure_ascii=False).encode("utf-8")}


async def _send_json(send: Send, status: int, payload: dict[str, Any], extra: dict[str, str] | None = None) -> None:
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    await send(_json_start(status, extra, len(body)))
    await send({"type": "http.response.body", "body": body})

