"""The deployment files under deploy/: the systemd units pass `systemd-analyze verify` and say what an operator
relies on, the environment file names only real settings and parses as systemd reads it, and nginx.conf is the
configuration the README shows."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import threading
from dataclasses import fields
from pathlib import Path, PurePosixPath

import pytest

from netral.config import PREFIX, Settings
from tests.deploy_files import DEPLOY, REPO, installed_here, read_env_file, read_unit, unit_environment
from ui.cli import check_web_security, reload_on_hangup

UNITS = ("netral.service", "netral-chroma.service")


@pytest.fixture(scope="module")
def unit() -> dict[str, list[str]]:
    return read_unit(DEPLOY / "netral.service")


@pytest.fixture(scope="module")
def env() -> dict[str, str]:
    return read_env_file(DEPLOY / "netral.env")


def test_units_pass_systemd_analyze_verify(tmp_path: Path) -> None:
    # verify checks that every command exists: the units are checked with the install paths pointing at this
    # checkout and the venv running the tests (`make install` creates the same scripts under /opt/netral/.venv).
    exe = shutil.which("systemd-analyze") or "/usr/bin/systemd-analyze"
    for name in UNITS:
        (tmp_path / name).write_text(installed_here((DEPLOY / name).read_text(encoding="utf-8")), encoding="utf-8")
    done = subprocess.run([exe, "verify", *(str(tmp_path / n) for n in UNITS)], capture_output=True, text=True,
                          timeout=60, check=False)
    # An unknown key or a bad value is only a warning to verify, so its output must be empty too.
    assert done.returncode == 0 and not done.stderr.strip() and not done.stdout.strip(), done.stderr + done.stdout


def test_verify_notices_a_misspelt_directive(tmp_path: Path) -> None:
    """The check above would catch a typo: verify reports it."""
    exe = shutil.which("systemd-analyze") or "/usr/bin/systemd-analyze"
    text = installed_here((DEPLOY / "netral.service").read_text(encoding="utf-8"))
    (tmp_path / "netral.service").write_text(text.replace("ProtectSystem=", "ProtectSytem="), encoding="utf-8")
    done = subprocess.run([exe, "verify", str(tmp_path / "netral.service")], capture_output=True, text=True,
                          timeout=60, check=False)
    assert "ProtectSytem" in done.stderr


def test_unit_runs_the_supervisor_as_an_operator_expects(unit: dict[str, list[str]], env: dict[str, str]) -> None:
    one = {key: values[-1] for key, values in unit.items()}
    assert one["Service.User"] == "netral" and one["Service.EnvironmentFile"] == "/etc/netral/netral.env"
    assert one["Service.ExecStart"].split() == ["/opt/netral/.venv/bin/netral", "web"]
    assert one["Service.WorkingDirectory"] == "/opt/netral"  # the packaged model path is relative to it
    assert one["Service.ExecReload"] == "/bin/kill -HUP $MAINPID"
    assert one["Service.Restart"] == "on-failure"
    # SIGTERM to the supervisor alone, which stops each worker within 20 s (ui/workers.py) before systemd's kill.
    assert one["Service.KillSignal"] == "SIGTERM" and one["Service.KillMode"] == "mixed"
    assert int(one["Service.TimeoutStopSec"]) > 20
    for key, value in (("NoNewPrivileges", "yes"), ("ProtectSystem", "strict"), ("PrivateTmp", "yes"),
                       ("ProtectHome", "yes"), ("CapabilityBoundingSet", "")):
        assert one[f"Service.{key}"] == value, key
    # The only folder the service may write holds the data folder the environment file names.
    writable = [PurePosixPath(p.lstrip("-")) for v in unit["Service.ReadWritePaths"] for p in v.split()]
    assert any(PurePosixPath(env["NETRAL_DATA_DIR"]).is_relative_to(w) for w in writable), writable
    home = PurePosixPath(unit_environment(unit)["HOME"])
    assert any(home.is_relative_to(w) for w in writable)
    assert PurePosixPath("/var/lib", one["Service.StateDirectory"]) in writable


def test_env_file_names_only_real_settings(env: dict[str, str]) -> None:
    names = {PREFIX + f.name.upper() for f in fields(Settings)}
    assert set(env) <= names, sorted(set(env) - names)
    settings = Settings.from_env(env)  # every value has the setting's type
    assert settings.web_workers > 1 and settings.chroma_url  # several workers need the Chroma server
    assert settings.chroma_url == "http://127.0.0.1:8000"
    check_web_security(settings)  # empty passwords and keys: the tab and the API off, not refused
    for wanted in ("NETRAL_DATA_DIR", "NETRAL_CORPUS_DIR", "NETRAL_CHROMA_URL", "NETRAL_BACKEND",
                   "NETRAL_OPENAI_BASE_URL", "NETRAL_OPENAI_MODEL", "NETRAL_OPENAI_API_KEY", "NETRAL_API_KEYS",
                   "NETRAL_ADMIN_PASSWORD", "NETRAL_AUTH", "NETRAL_WEB_HOST", "NETRAL_WEB_PORT", "NETRAL_WEB_WORKERS"):
        assert wanted in env, wanted


def test_every_setting_in_the_env_file_is_explained() -> None:
    lines = (DEPLOY / "netral.env").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines):
        if line.startswith(PREFIX):
            assert lines[number - 1].startswith("#") or lines[number - 1].startswith(PREFIX), line
    # The shared store is not a setting of this version: shown, but commented out.
    assert any(re.fullmatch(r"#NETRAL_DATABASE_URL=postgresql://\S+", line) for line in lines)


def test_chroma_unit_serves_the_url_the_env_file_names(env: dict[str, str]) -> None:
    chroma = read_unit(DEPLOY / "netral-chroma.service")
    (line,) = chroma["Service.ExecStart"]
    words = line.split()
    assert words[:2] == ["/opt/netral/.venv/bin/chroma", "run"]
    host, port = words[words.index("--host") + 1], words[words.index("--port") + 1]
    assert env["NETRAL_CHROMA_URL"] == f"http://{host}:{port}" and host == "127.0.0.1"
    assert chroma["Service.User"] == ["netral"]
    path = PurePosixPath(words[words.index("--path") + 1])
    assert any(path.is_relative_to(w) for w in chroma["Service.ReadWritePaths"])


def test_nginx_conf_is_the_readme_block_and_lists_every_worker(env: dict[str, str]) -> None:
    conf = (DEPLOY / "nginx.conf").read_text(encoding="utf-8")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert readme.split("```nginx\n", 1)[1].split("```", 1)[0] == conf
    ports = [int(p) for p in re.findall(r"server 127\.0\.0\.1:(\d+);", conf)]
    first, workers = int(env["NETRAL_WEB_PORT"]), int(env["NETRAL_WEB_WORKERS"])
    assert ports == list(range(first, first + workers))
    size = re.search(r"client_max_body_size (\d+)m;", conf)
    assert size and int(size.group(1)) == int(env["NETRAL_MAX_UPLOAD_MB"])


def test_sighup_reloads_a_single_web_process() -> None:
    """ExecReload on `netral web` without workers: the index is reloaded and the process lives on."""
    reloaded = threading.Event()
    before = signal.getsignal(signal.SIGHUP)
    try:
        reload_on_hangup(reloaded.set)
        os.kill(os.getpid(), signal.SIGHUP)
        assert reloaded.wait(10)
    finally:
        signal.signal(signal.SIGHUP, before)
