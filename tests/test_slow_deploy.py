"""The deployment files run as systemd would run them: the environment file read as EnvironmentFile= reads it,
the units' Environment= lines, a clean environment otherwise, the Chroma unit's and the web unit's ExecStart
command lines, ExecReload's signal and a stop by SIGTERM to the main process (KillMode=mixed). Only the folders
and ports are pointed at the test's own. Slow: a real ingest with the packaged embedder and real web workers."""

from __future__ import annotations

import os
import signal
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import free_port, make_corpus
from tests.deploy_files import (
    DEPLOY,
    REPO,
    SYSTEMD_PATH,
    command_line,
    read_env_file,
    read_unit,
    unit_environment,
)
from tests.test_slow_scale_out import _wait

pytestmark = pytest.mark.slow

PP94 = "peraturan/pp-94-2021-disiplin-pns.md"
HEALTH = "/api/v1/kesehatan"


def _status(port: int, path: str) -> int:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as resp:
            return int(resp.status)
    except urllib.error.HTTPError as exc:
        return exc.code
    except OSError:
        return 0


def _children(pid: int) -> list[int]:
    return [int(x) for x in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def _reload(unit: dict[str, list[str]], main_pid: int) -> None:
    """ExecReload= as systemd runs it, with $MAINPID filled in."""
    words = [str(main_pid) if w == "$MAINPID" else w for w in command_line(unit, "ExecReload")]
    subprocess.run(words, check=True, timeout=10)


def _service_env(base: Path, corpus: Path) -> dict[str, str]:
    """What the web unit's processes see: a clean environment, the unit's Environment= and the shipped
    environment file, with the folders pointed at the test's."""
    env = {"PATH": SYSTEMD_PATH, "LANG": "C.UTF-8"}
    # The checkout under test: in CI the venv's editable install points at it already; a worktree sets it.
    if os.environ.get("PYTHONPATH"):
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    env.update(unit_environment(read_unit(DEPLOY / "netral.service")))
    env.update(read_env_file(DEPLOY / "netral.env"))
    env.update(HOME=str(base / "home"), NETRAL_DATA_DIR=str(base / "data"), NETRAL_CORPUS_DIR=str(corpus))
    return env


@pytest.fixture(scope="module")
def chroma_unit(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The Chroma unit's ExecStart with its folder and port pointed at the test's; its URL."""
    base = tmp_path_factory.mktemp("chroma")
    unit = read_unit(DEPLOY / "netral-chroma.service")
    words = command_line(unit, "ExecStart")
    port = free_port()
    words[words.index("--path") + 1] = str(base / "chroma")
    words[words.index("--port") + 1] = str(port)
    env = {"PATH": SYSTEMD_PATH, "LANG": "C.UTF-8", **unit_environment(unit), "HOME": str(base)}
    proc = subprocess.Popen(words, env=env, cwd=base, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait(lambda: _status(port, "/api/v2/heartbeat") == 200, 60, "the Chroma server")
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(30)


@pytest.fixture(scope="module")
def service_env(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path, chroma_unit: str) -> dict[str, str]:
    """The service's environment over a one-regulation index that `netral ingest` (the unit's venv) built in the
    Chroma unit's server."""
    base = tmp_path_factory.mktemp("service")
    env = {**_service_env(base, make_corpus(base / "corpus", corpus_dir, (PP94,))), "NETRAL_CHROMA_URL": chroma_unit}
    netral = command_line(read_unit(DEPLOY / "netral.service"), "ExecStart")[0]
    done = subprocess.run([netral, "ingest"], env=env, cwd=REPO, capture_output=True, text=True, timeout=600,
                          check=False)
    assert done.returncode == 0, done.stderr
    return env


def _start(env: dict[str, str], log: Path) -> tuple[subprocess.Popen[bytes], dict[str, list[str]]]:
    """ExecStart= in WorkingDirectory= (the checkout); what the journal would get goes to `log`."""
    unit = read_unit(DEPLOY / "netral.service")
    with log.open("wb") as out:
        proc = subprocess.Popen(command_line(unit, "ExecStart"), env=env, cwd=REPO, stdout=out, stderr=out)
    return proc, unit


def _serving(port: int) -> bool:
    return _status(port, HEALTH) == 200 and _status(port, "/") == 200


def _stop(proc: subprocess.Popen[bytes]) -> int:
    """KillSignal=SIGTERM to the main process only (KillMode=mixed), within the unit's TimeoutStopSec."""
    timeout = int(read_unit(DEPLOY / "netral.service")["Service.TimeoutStopSec"][-1])
    proc.send_signal(signal.SIGTERM)
    return proc.wait(timeout)


def test_web_unit_with_workers_on_the_chroma_unit(service_env: dict[str, str], tmp_path: Path) -> None:
    port = free_port()
    env = {**service_env, "NETRAL_WEB_PORT": str(port), "NETRAL_WEB_WORKERS": "2"}
    ports = [port, port + 1]
    proc, unit = _start(env, tmp_path / "journal.log")
    try:
        _wait(lambda: all(_serving(p) for p in ports), 300, "both workers")
        workers = _children(proc.pid)
        assert len(workers) == 2

        # systemctl reload: the workers restart one after the other; one of them answers all along.
        _reload(unit, proc.pid)
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            assert any(_status(p, HEALTH) == 200 for p in ports), "the site went down during the reload"
            now = _children(proc.pid)
            if len(now) == 2 and not set(now) & set(workers) and all(_serving(p) for p in ports):
                break
            time.sleep(0.5)
        else:
            pytest.fail("the workers were not restarted")
    finally:
        code = _stop(proc)
    assert code == 0, (tmp_path / "journal.log").read_text(errors="replace")
    assert not any(_status(p, "/") for p in ports)


def test_web_unit_single_process_reloads_on_sighup(service_env: dict[str, str], tmp_path: Path) -> None:
    """With one worker (no supervisor), `systemctl reload` reloads the index instead of ending the service
    (systemd would not restart a service that SIGHUP ended)."""
    port = free_port()
    env = {**service_env, "NETRAL_WEB_PORT": str(port), "NETRAL_WEB_WORKERS": "1"}
    proc, unit = _start(env, tmp_path / "journal.log")
    try:
        _wait(lambda: _serving(port), 300, "the web app")
        _reload(unit, proc.pid)
        time.sleep(3)
        assert proc.poll() is None and _serving(port)
    finally:
        code = _stop(proc)
    stderr = (tmp_path / "journal.log").read_text(errors="replace")
    assert "SIGHUP: indeks dimuat ulang" in stderr, stderr
    # A process ended by SIGTERM counts as a clean stop for systemd (not restarted, not failed).
    assert code in (0, -signal.SIGTERM), stderr
    assert not _status(port, "/")
