"""The OpenAI-compatible backend against a small local server speaking the chat-completions protocol,
and its failure modes (server down, garbage output)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from assistant.answering import Assistant
from assistant.backends import BackendUnavailable, create_generator
from assistant.retrieval import HybridSearcher
from corpus.registry import Registry
from ingest.index import Index
from netral.config import Settings
from tests.conftest import HashEmbedder


class _Handler(BaseHTTPRequestHandler):
    reply = "Jawaban: Tidak boleh\nPNS dilarang memberikan dukungan kepada calon [1]."
    delay = 0.0
    requests: list[dict] = []

    def log_message(self, *args: object) -> None:
        return None

    def handle(self) -> None:
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):  # the client gave up waiting (timeout test)
            pass

    def do_POST(self) -> None:  # noqa: N802 - http.server naming
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).requests.append(body)
        time.sleep(self.delay)
        words = [w + " " for w in self.reply.split(" ")]
        if body.get("stream"):
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            for w in words:
                chunk = {"id": "x", "object": "chat.completion.chunk", "created": 0, "model": body["model"],
                         "choices": [{"index": 0, "delta": {"content": w}, "finish_reason": None}]}
                self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
            self.wfile.write(b"data: [DONE]\n\n")
            return
        payload = {"id": "x", "object": "chat.completion", "created": 0, "model": body["model"],
                   "choices": [{"index": 0, "message": {"role": "assistant", "content": self.reply},
                                "finish_reason": "stop"}],
                   "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}
        data = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture
def server() -> Iterator[str]:
    _Handler.requests = []
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}/v1"
    srv.shutdown()


def _assistant(ingested: Index, settings: Settings, registry: Registry, url: str) -> Assistant:
    s = settings.with_(openai_base_url=url, openai_model="qwen-lokal",
                       llm_timeout=min(settings.llm_timeout, 5.0))
    gen = create_generator("openai", s)
    return Assistant(HybridSearcher(ingested, HashEmbedder(), registry, s), registry, s, gen)


def test_openai_compatible_server(ingested: Index, settings: Settings, registry: Registry, server: str) -> None:
    a = _assistant(ingested, settings, registry, server)
    ans = a.answer("Apakah PNS boleh ikut kampanye calon presiden?")
    assert ans.backend == "openai" and ans.verdict == "tidak_boleh" and ans.citations
    sent = _Handler.requests[-1]
    assert sent["model"] == "qwen-lokal" and sent["messages"][0]["role"] == "system"
    assert "SUMBER:" in sent["messages"][-1]["content"]
    # The classic field every self-hosted server (vLLM, llama.cpp, LM Studio) honours.
    assert sent["max_tokens"] == settings.llm_max_tokens and "max_completion_tokens" not in sent


def test_server_down_falls_back(ingested: Index, settings: Settings, registry: Registry) -> None:
    a = _assistant(ingested, settings, registry, "http://127.0.0.1:9/v1")
    ans = a.answer("Apakah PNS boleh ikut kampanye calon presiden?")
    assert ans.backend == "extractive" and ans.error and ans.citations


def test_server_slower_than_the_timeout_falls_back(ingested: Index, settings: Settings, registry: Registry,
                                                    server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_Handler, "delay", 3.0)
    a = _assistant(ingested, settings.with_(llm_timeout=1.0), registry, server)
    t0 = time.perf_counter()
    ans = a.answer("Apakah PNS boleh ikut kampanye calon presiden?")
    assert ans.backend == "extractive" and ans.citations
    assert any("tidak dapat dipakai" in n for n in ans.notes), ans.notes
    assert time.perf_counter() - t0 < 6  # one try and one retry of 1 s each, not the server's pace


def test_garbage_output_falls_back(ingested: Index, settings: Settings, registry: Registry, server: str,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_Handler, "reply", "[n] [n] ##### ?????")
    ans = _assistant(ingested, settings, registry, server).answer("Apakah PNS boleh ikut kampanye?")
    assert ans.backend == "extractive" and ans.citations


def test_unconfigured_and_unknown_backends(settings: Settings) -> None:
    with pytest.raises(BackendUnavailable, match="NETRAL_OPENAI_BASE_URL"):
        create_generator("openai", settings)
    with pytest.raises(BackendUnavailable, match="tidak dikenal"):
        create_generator("gpt-local", settings)
    assert create_generator("extractive", settings) is None
