"""Measure login throttling: how long 50 wrong passwords take, and how many of them are actually checked.

    python bench/bench_login.py

Serves the web app on loopback with a stub assistant (no index needed) and the default throttle settings, then:
- the admin tab: 50 wrong passwords through `/admin_login` as fast as a client can send them, then the right one;
- NETRAL_AUTH: 50 wrong passwords posted to gradio's `/login`, then the right one;
- the policy itself, on a simulated clock: how long a guesser who waits exactly as long as told needs before 50
  guesses have been checked (from one address, and spread over 50 addresses against one account).
Before throttling, the same 50 tries took 0.53 s (admin) and 0.04 s (NETRAL_AUTH), every one of them checked.
Writes bench/results/login.json and bench/results/login.md.
"""

from __future__ import annotations

import json
import logging
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import httpx
from gradio_client import Client
from harness import RESULTS, free_port  # the project's packages are importable after it

from netral.config import Settings
from netral.records import Answer, ArticleView
from ui.admin import Admin
from ui.app import WebDeps, build_app, launch
from ui.feedback import FeedbackStore
from ui.throttle import LoginThrottle

TRIES = 50
ADMIN = "bench-Kq7#mZ2p-admin"
USER, PASSWORD = "bkd", "bench-Lq8#nZ3r-user"


class StubAssistant:
    backend = "stub"

    def answer(self, question: str, history: Sequence[str] = ()) -> Answer:
        return Answer(question=question, answer="-", verdict="informasi", backend=self.backend)

    def stream(self, question: str, history: Sequence[str] = ()) -> Iterator[str | Answer]:
        yield self.answer(question, history)

    def article_view(self, article_id: str) -> ArticleView | None:
        return None

    def situation_acts(self, actor: str, election: str = "semua") -> list[tuple[str, str]]:
        return []

    def check_situation(self, choice: Any) -> Answer | None:
        return None


def serve(tmp: Path) -> tuple[Any, WebDeps, str]:
    settings = Settings(data_dir=tmp / "data", admin_password=ADMIN, auth=f"{USER}:{PASSWORD}",
                        web_port=free_port())
    deps = WebDeps(StubAssistant(), FeedbackStore(settings.feedback_db), settings,
                   Admin(settings, lambda: {"documents": [], "missing": []}, lambda hook: None), files_dir=tmp / "f")
    demo = build_app(deps)
    launch(demo, settings, block=False, upload_tokens=deps.upload_tokens)
    return demo, deps, f"http://127.0.0.1:{settings.web_port}"


def admin_tries(base: str) -> dict[str, Any]:
    client = Client(base + "/", auth=(USER, PASSWORD), verbose=False)
    t0 = time.perf_counter()
    replies = [client.predict(f"tebakan-{k}", api_name="/admin_login") for k in range(TRIES)]
    seconds = time.perf_counter() - t0
    right = client.predict(ADMIN, api_name="/admin_login")
    return {"seconds": round(seconds, 2), "checked": replies.count("Kata sandi salah."),
            "refused_unchecked": sum(r.startswith("Terlalu banyak") for r in replies),
            "right_password_straight_after": right}


def auth_tries(base: str) -> dict[str, Any]:
    t0 = time.perf_counter()
    statuses = [httpx.post(f"{base}/login", data={"username": USER, "password": f"tebakan-{k}"}).status_code
                for k in range(TRIES)]
    seconds = time.perf_counter() - t0
    right = httpx.post(f"{base}/login", data={"username": USER, "password": PASSWORD})
    return {"seconds": round(seconds, 2), "checked": statuses.count(400), "refused_unchecked": statuses.count(429),
            "right_password_straight_after": f"HTTP {right.status_code}"}


def patient_guesser(settings: Settings, clients: int) -> float:
    """Simulated seconds until TRIES guesses have been checked, the guesser waiting exactly as long as told,
    spreading the guesses over `clients` addresses against one account."""
    now = [0.0]
    throttle = LoginThrottle.from_settings(settings, "simulated guesser", clock=lambda: now[0])
    checked = 0
    while checked < TRIES:
        client = f"10.0.0.{checked % clients}"
        now[0] += throttle.wait_time([f"klien:{client}", "akun:admin"])
        result = throttle.attempt(client, "admin", lambda: False)
        checked += not result.refused
    return now[0]


def measured(tmp: Path, measure: Any) -> dict[str, Any]:
    """`measure(base URL)` against a server of its own, so one measurement's lockouts do not touch the other's."""
    demo, deps, base = serve(tmp)
    try:
        return dict(measure(base))
    finally:
        demo.close()
        deps.feedback.close()


def main() -> None:
    logging.basicConfig(level=logging.ERROR)  # the throttle's warnings, one per failed try, are not the result
    with tempfile.TemporaryDirectory() as tmp:
        auth = measured(Path(tmp) / "auth", auth_tries)
        admin = measured(Path(tmp) / "admin", admin_tries)
    defaults = Settings()
    policy = {"one_address_hours": round(patient_guesser(defaults, 1) / 3600, 1),
              "fifty_addresses_one_account_hours": round(patient_guesser(defaults, TRIES) / 3600, 1)}
    result = {"tries": TRIES, "settings": {"login_max_failures": defaults.login_max_failures,
                                           "login_base_delay": defaults.login_base_delay,
                                           "login_lockout_seconds": defaults.login_lockout_seconds},
              "before_throttling": {"admin_seconds": 0.53, "netral_auth_seconds": 0.04, "checked": TRIES},
              "admin": admin, "netral_auth": auth, "time_for_50_checked_guesses": policy}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "login.json").write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (RESULTS / "login.md").write_text(markdown(result), encoding="utf-8")
    print(markdown(result))


def markdown(r: dict[str, Any]) -> str:
    a, n, p = r["admin"], r["netral_auth"], r["time_for_50_checked_guesses"]
    return "\n".join([
        f"| {r['tries']} wrong passwords as fast as possible | admin tab | NETRAL_AUTH login |",
        "|---|---|---|",
        f"| before throttling | {r['before_throttling']['admin_seconds']} s, all checked | "
        f"{r['before_throttling']['netral_auth_seconds']} s, all checked |",
        f"| wall time now | {a['seconds']} s | {n['seconds']} s |",
        f"| passwords actually checked / refused unchecked | {a['checked']} / {a['refused_unchecked']} | "
        f"{n['checked']} / {n['refused_unchecked']} |",
        f"| right password straight after | {a['right_password_straight_after']} | "
        f"{n['right_password_straight_after']} |",
        "",
        f"A guesser who waits exactly as long as told needs {p['one_address_hours']} h for {r['tries']} checked "
        f"guesses from one address, and {p['fifty_addresses_one_account_hours']} h spread over {r['tries']} "
        "addresses against one account.",
        "",
    ])


if __name__ == "__main__":
    main()
