"""The web app's gate, in front of gradio: who a request comes from, and the NETRAL_AUTH login with throttling.

gradio checks the NETRAL_AUTH login by calling a function with the user name and password only; the gate
records the client address of every request (CLIENT), so that the login can be throttled per client address as
well as per account (ui/throttle.py).
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Awaitable, Callable, MutableMapping, Sequence
from contextvars import ContextVar
from typing import Any

from ui.throttle import LoginThrottle, wait_message

Scope = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[Any]], Callable[[Any], Awaitable[None]]], Awaitable[None]]

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


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}


class Gate:
    """ASGI middleware: records the client address of every request (CLIENT)."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = _headers(scope)
        client = client_address((scope.get("client") or ("?",))[0], headers.get("x-forwarded-for"))
        mark = CLIENT.set(client)
        try:
            await self.app(scope, receive, send)
        finally:
            CLIENT.reset(mark)


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
