"""Running more than one process on one index: the ingest lock, a running app following an ingest made by
another process, settings handed to worker processes, and the worker supervisor."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.answering import Assistant
from assistant.retrieval import HybridSearcher
from corpus.registry import Registry
from ingest.index import Index
from ingest.lock import IngestBusy, ingest_lock, ingest_running
from ingest.pipeline import Ingestor
from netral.config import Settings
from tests.conftest import HashEmbedder, free_port
from ui import cli
from ui.reload import AssistantReloader
from ui.workers import Supervisor


def test_second_ingest_is_refused_while_one_runs(index: Index, settings: Settings, registry: Registry) -> None:
    ingestor = Ingestor(index, HashEmbedder(), registry, settings.chunk_max_chars)
    assert not ingest_running(settings.index_dir)
    with ingest_lock(settings.index_dir):
        assert ingest_running(settings.index_dir)
        with pytest.raises(IngestBusy, match="pengindeksan lain sedang berjalan"):
            ingestor.run(settings.corpus_dir)
        assert index.store.document_hashes() == {}  # refused before touching anything
    assert not ingest_running(settings.index_dir)
    report = ingestor.run(settings.corpus_dir)
    assert {r.label for r in report.rows} == {"baru"}


def test_cli_ingest_says_another_ingest_is_running(settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    with ingest_lock(settings.index_dir):
        code = cli.main(["ingest", "--corpus-dir", str(settings.corpus_dir), "--data-dir", str(settings.data_dir),
                         "--embedder", "fake"])
    assert code == 2
    assert "pengindeksan lain sedang berjalan" in capsys.readouterr().err


def test_lock_of_a_killed_ingest_is_released(tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from pathlib import Path; from ingest.lock import ingest_lock\n"
         f"with ingest_lock(Path({str(tmp_path)!r})):\n    print('held', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[1],
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    assert ingest_running(tmp_path)
    holder.send_signal(signal.SIGKILL)
    holder.wait(10)
    assert not ingest_running(tmp_path)


def test_running_app_follows_an_ingest_made_by_another_process(
    ingested: Index, settings: Settings, registry: Registry, corpus_dir: Path
) -> None:
    assistant = Assistant(HybridSearcher(ingested, HashEmbedder(), registry, settings), registry, settings)
    reloader = AssistantReloader(settings, assistant)
    assert not reloader.check()  # nothing changed
    question = "Apa saja etika PNS dalam bermasyarakat menurut kode etik PNS?"
    assert not any(c.doc_id == "pp-42-2004" for c in assistant.answer(question).citations)

    (settings.corpus_dir / "peraturan" / "pp-42-2004-jiwa-korps-kode-etik-pns.md").write_bytes(
        (corpus_dir / "peraturan" / "pp-42-2004-jiwa-korps-kode-etik-pns.md").read_bytes())
    other = Index.open(settings)  # its own connection, as `netral ingest` in another process has
    try:
        Ingestor(other, HashEmbedder(), registry, settings.chunk_max_chars).run(settings.corpus_dir)
    finally:
        other.close()
    with ingest_lock(settings.index_dir):
        assert not reloader.check()  # never reload while an ingest holds the index
    before = assistant.searcher
    assert reloader.check()
    assert assistant.searcher is not before
    assert any(c.doc_id == "pp-42-2004" for c in assistant.answer(question).citations)
    assert not reloader.check()  # and only once
    reloader.stop()


def test_settings_reach_worker_processes_unchanged(tmp_path: Path) -> None:
    s = Settings(data_dir=tmp_path / "d", web_port=8100, dense_weight=0.7, backend="extractive",
                 chroma_url="http://127.0.0.1:8000", index_poll_seconds=2.5, auth="a:b")
    assert Settings.from_env(s.to_env()) == s


def test_workers_need_a_chroma_server(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code = cli.main(["web", "--workers", "2", "--data-dir", str(tmp_path)])
    assert code == 2
    assert "server Chroma" in capsys.readouterr().err


def _http_server(port: int) -> list[str]:
    return [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"]


def test_supervisor_restarts_a_dead_worker_and_restarts_all_one_by_one(tmp_path: Path) -> None:
    ports = [free_port(), free_port()]
    sup = Supervisor(_http_server, ports, {**os.environ}, ready_timeout=30)
    try:
        sup.start()
        assert all(sup.ready(w) for w in sup.workers)
        first = sup.workers[0].proc
        assert first is not None
        first.kill()
        first.wait(10)
        deadline = time.monotonic() + 10
        while not sup.watch_once() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert sup.workers[0].proc is not first and sup.workers[0].restarts == 1
        assert sup.wait_ready(sup.workers[0])
        assert sup.workers[1].restarts == 0

        pids = [w.proc.pid for w in sup.workers if w.proc]
        sup.rolling_restart()
        assert all(w.proc and w.proc.pid not in pids for w in sup.workers)
        assert all(sup.ready(w) for w in sup.workers)
    finally:
        sup.stop()
    assert all(w.proc is not None and w.proc.poll() is not None for w in sup.workers)
    assert not any(sup.ready(w) for w in sup.workers)


def test_supervisor_backs_off_a_worker_that_keeps_failing(tmp_path: Path) -> None:
    sup = Supervisor(lambda port: [sys.executable, "-c", "raise SystemExit(3)"], [free_port()], {**os.environ})
    sup._spawn(sup.workers[0])
    t0 = time.monotonic()
    while time.monotonic() - t0 < 4.5:
        sup.watch_once()
        time.sleep(0.05)
    sup.stop()
    # Restarting at once would have meant dozens of restarts; with 1 s, 2 s, 4 s … waits it is at most three.
    assert 1 <= sup.workers[0].restarts <= 3
    assert sup.workers[0].quick_deaths >= 2
