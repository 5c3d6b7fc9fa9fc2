"""The files under deploy/ read the way systemd reads them, for the tests of the unit and its environment file."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEPLOY = REPO / "deploy"
# Where the unit expects the checkout and its venv; the tests point these at the checkout and venv they run in.
INSTALL_DIR = "/opt/netral"
INSTALL_VENV = INSTALL_DIR + "/.venv"
# The environment systemd gives a service before Environment= and EnvironmentFile= (systemd.exec(5)).
SYSTEMD_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"


def read_env_file(path: Path) -> dict[str, str]:
    """KEY=VALUE lines as systemd's EnvironmentFile= takes them: blank lines and lines starting with '#' or ';'
    are skipped, the key and an unquoted value are trimmed, a value in single or double quotes is taken whole
    (double quotes honour backslash escapes). A line of any other shape is an error here, where systemd would
    only log it: a typo must not pass unnoticed."""
    env: dict[str, str] = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        key, sep, value = line.partition("=")
        key, value = key.strip(), value.strip()
        if not sep or not key.replace("_", "").isalnum() or key[0].isdigit():
            raise ValueError(f"{path}:{number}: not KEY=VALUE: {raw!r}")
        if len(value) >= 2 and value[0] == value[-1] == "'":
            value = value[1:-1]
        elif len(value) >= 2 and value[0] == value[-1] == '"':
            value = value[1:-1].encode("utf-8").decode("unicode_escape")
        env[key] = value
    return env


def read_unit(path: Path) -> dict[str, list[str]]:
    """A unit file's settings as "Section.Key" -> every value given (Environment= may come several times)."""
    unit: dict[str, list[str]] = {}
    section = ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            continue
        key, _, value = line.partition("=")
        unit.setdefault(f"{section}.{key.strip()}", []).append(value.strip())
    return unit


def unit_environment(unit: dict[str, list[str]]) -> dict[str, str]:
    """The variables the unit's Environment= lines set (space-separated assignments, quotes as in a shell)."""
    env: dict[str, str] = {}
    for line in unit.get("Service.Environment", []):
        for word in shlex.split(line):
            key, _, value = word.partition("=")
            env[key] = value
    return env


def installed_here(text: str) -> str:
    """A unit's text with the install paths pointing at this checkout and the venv running the tests."""
    return text.replace(INSTALL_VENV, sys.prefix).replace(INSTALL_DIR, str(REPO))


def command_line(unit: dict[str, list[str]], key: str) -> list[str]:
    """ExecStart= or ExecReload= as the words systemd runs, with the install paths pointing here."""
    (line,) = unit[f"Service.{key}"]
    return shlex.split(installed_here(line))
