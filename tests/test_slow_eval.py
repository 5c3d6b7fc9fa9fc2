"""`netral eval --check` with the extractive backend on the whole gold set and the real index (CI gate)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from netral.config import Settings
from ui import cli

pytestmark = pytest.mark.slow


def test_eval_check_extractive_whole_gold_set(real_index: Settings, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NETRAL_DATA_DIR", str(real_index.data_dir))
    out = tmp_path / "report"
    code = cli.main(["eval", "--backend", "extractive", "--out", str(out), "--check"])
    summary = json.loads((out / "metrics.json").read_text(encoding="utf-8"))["summary"]
    print(json.dumps(summary, indent=2))
    assert code == 0, summary
