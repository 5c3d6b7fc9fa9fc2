"""Finding 3: passwords cannot be guessed at full speed. The admin password and the NETRAL_AUTH login are
throttled per client address and per account (growing delay, then a temporary lockout; each failure logged), and
`netral web` refuses to start with a weak admin password."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from gradio_client import Client

from netral.passwords import weak_password_reason
from tests.webapp import ADMIN, serve
from ui.cli import main
from ui.throttle import LoginThrottle


def test_throttle_grows_the_delay_then_locks_out_per_client_and_per_account(caplog: pytest.LogCaptureFixture) -> None:
    now = [1000.0]
    throttle = LoginThrottle(max_failures=10, lockout_s=900, base_delay_s=1.0, clock=lambda: now[0])
    right = "benar"

    def attempt(password: str, client: str = "10.0.0.1", account: str = "admin") -> Any:
        return throttle.attempt(client, account, lambda: password == right)

    with caplog.at_level(logging.WARNING, logger="ui.throttle"):
        results = [attempt(f"salah-{k}") for k in range(50)]
    checked = [r for r in results if not r.refused]
    assert len(checked) == 3 and all(not r.ok for r in results)  # 2 free tries, then 1 s to wait
    assert attempt(right).refused  # the right password is not even looked at while the client must wait
    waits = []
    for k in range(9):  # a patient guesser: waits exactly as long as told
        now[0] += throttle.wait_time(["klien:10.0.0.1", "akun:admin"])
        result = attempt(f"lagi-{k}")
        assert not result.refused and not result.ok
        waits.append(result.wait_s)
    assert waits[:6] == [2.0, 4.0, 8.0, 16.0, 32.0, 64.0] and waits[6:] == [900.0, 900.0, 900.0]
    assert attempt(right, client="10.9.9.9").refused  # the account is locked for every client
    assert sum("failed for account 'admin' from 10.0.0.1" in r.getMessage() for r in caplog.records) >= 3
    now[0] += 901
    assert attempt(right).ok
    assert attempt("salah").ok is False and not attempt("salah lagi").refused  # a success clears the count


def test_fifty_wrong_admin_passwords_over_http(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    # A base delay longer than the test, so the count of checked tries does not depend on the machine's speed.
    with serve(tmp_path, login_base_delay=60) as (base, _deps), caplog.at_level(logging.WARNING):
        client = Client(base + "/", verbose=False)
        t0 = time.perf_counter()
        replies = [client.predict(f"tebakan-{k}", api_name="/admin_login") for k in range(50)]
        seconds = time.perf_counter() - t0
        assert replies.count("Kata sandi salah.") == 3
        assert all(r.startswith("Terlalu banyak percobaan") for r in replies[3:])
        after = client.predict(ADMIN, api_name="/admin_login")
        assert after.startswith("Terlalu banyak percobaan")  # the right password is not accepted straight after
        assert any("admin login failed" in r.getMessage() and "127.0.0.1" in r.getMessage() for r in caplog.records)
        assert seconds < 60


def test_netral_auth_login_is_throttled(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    auth = "bkd:rahasia-Kq7#mZ2p,bawaslu:awas-Lq8#nZ3r"
    with serve(tmp_path, auth=auth, login_base_delay=60) as (base, _deps), caplog.at_level(logging.WARNING):
        t0 = time.perf_counter()
        statuses = [httpx.post(f"{base}/login", data={"username": "bkd", "password": f"tebak-{k}"}).status_code
                    for k in range(50)]
        seconds = time.perf_counter() - t0
        assert statuses[:3] == [400, 400, 400] and set(statuses[3:]) == {429} and seconds < 30
        right = httpx.post(f"{base}/login", data={"username": "bkd", "password": "rahasia-Kq7#mZ2p"})
        assert right.status_code == 429 and "Terlalu banyak percobaan" in right.json()["detail"]
        assert any("NETRAL_AUTH login failed for account 'bkd' from 127.0.0.1" in r.getMessage()
                   for r in caplog.records)
        # Behind the local proxy, another address: its own count for another account, the account's for 'bkd'.
        proxied = {"x-forwarded-for": "10.1.2.3"}
        other = httpx.post(f"{base}/login", data={"username": "bawaslu", "password": "awas-Lq8#nZ3r"},
                           headers=proxied)
        assert other.status_code == 200
        same_account = httpx.post(f"{base}/login", data={"username": "bkd", "password": "rahasia-Kq7#mZ2p"},
                                  headers=proxied)
        assert same_account.status_code == 429


def test_weak_admin_password_is_refused_at_start(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    for weak in ("x", "uji", "rahasia123", "admin2024!!!", "aaaaaaaaaaaaaaaa", "123456789012345"):
        assert weak_password_reason(weak), weak
    for strong in ("uji-Kq7#mZ2p-admin", "Kuda-Lari-Pagi-93", "tV8qj3-LmPz0xR"):
        assert weak_password_reason(strong) is None, strong
    monkeypatch.setenv("NETRAL_ADMIN_PASSWORD", "rahasia")
    monkeypatch.setenv("NETRAL_DATA_DIR", str(tmp_path))
    assert main(["web"]) == 2
    err = capsys.readouterr().err
    assert "NETRAL_ADMIN_PASSWORD terlalu lemah: terlalu pendek (7 karakter; minimal 12)" in err
