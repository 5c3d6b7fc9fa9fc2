"""Load on the running web app: N simulated users at once, each asking several questions over HTTP
(gradio's event protocol, the `/jawab` endpoint that the chat's answers come from).

    python bench/bench_load.py --backend extractive --users 20 --questions 5
    python bench/bench_load.py --backend llamacpp --users 4 --questions 2
    python bench/bench_load.py --backend extractive --users 20 --questions 5 --workers 2
    python bench/bench_load.py --backend extractive --users 20 --questions 5 --postgres
    python bench/bench_load.py --backend extractive --users 20 --questions 5 --postgres --api

Starts `netral web` on a free loopback port against the existing index (`netral ingest` first), measures
each request from submission to answer, records the longest queue position each user was shown, and writes
bench/results/load.json (one entry per configuration) and bench/results/load.md.

With --workers N it starts a Chroma server (`chroma run`) on loopback, copies the index's vectors into it and
its article store next to it (no re-embedding), runs `netral web --workers N` against it, and pins each user
to one worker in turn, as a load balancer with sticky sessions does. With --postgres the article store goes into
a throwaway PostgreSQL server on loopback instead (NETRAL_DATABASE_URL), the vectors to a Chroma server, and the
web app starts with an empty data folder, as a host of a multi-host set-up does. With --api the users are a
ticketing system's clients: each question is a `POST /api/v1/jawab` with an API key, over one keep-alive
connection per user, instead of the chat's event protocol.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from harness import (
    RESULTS,
    ROOT,
    cpu_seconds,
    free_port,
    http_ok,
    listening,
    machine_cpu_seconds,
    pct,
    queries,
    throwaway_postgres,
    wait_until,
)


def start_server(backend: str, port: int, log_path: Path, workers: int = 1,
                 env_extra: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    env = {**os.environ, "NETRAL_BACKEND": backend, **(env_extra or {})}
    log = log_path.open("w")
    proc = subprocess.Popen([sys.executable, "-m", "ui.cli", "web", "--port", str(port),
                             "--workers", str(workers)], env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.time() + 300
    for p in range(port, port + workers):
        while not http_ok(f"http://127.0.0.1:{p}/"):
            if proc.poll() is not None:
                raise SystemExit("web app exited:\n" + log_path.read_text())
            if time.time() > deadline:
                proc.kill()
                raise SystemExit("web app did not start in 300 s")
            time.sleep(0.5)
    return proc


def chroma_copy(work: Path, store_files: bool = True) -> tuple[subprocess.Popen[bytes], dict[str, str]]:
    """A Chroma server holding a copy of the current index's vectors, and the settings that point at it; with
    `store_files` the article store and BM25 file are copied into the new data folder too."""
    import shutil

    from ingest.store import VectorStore
    from netral.config import Settings

    settings = Settings.from_env()
    port = free_port()
    exe = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
    server = subprocess.Popen([exe, "run", "--path", str(work / "chroma"), "--host", "127.0.0.1", "--port",
                               str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    if not wait_until(lambda: listening(port), 60):
        server.kill()
        raise SystemExit("chroma server did not start")
    source = VectorStore(settings.index_dir / "chroma", settings.collection)
    target = VectorStore(Path(), settings.collection, url)
    for ids, vectors, metas in source.batches():
        target.add(ids, vectors, metas)
    data = work / "data"
    (data / "index").mkdir(parents=True)
    for name in ("articles.sqlite", "bm25.json") if store_files else ():
        shutil.copy(settings.index_dir / name, data / "index" / name)
    return server, {"NETRAL_CHROMA_URL": url, "NETRAL_DATA_DIR": str(data)}


class BadResponse(Exception):
    """An answer the server gave that is not a usable answer record."""


def ask_all(questions: list[str], ask: Callable[[str], tuple[str, int]], out: list[dict[str, Any]],
            lock: threading.Lock) -> None:
    """One user's questions in turn, each timed from submission to answer; `ask` returns the verdict and the
    furthest queue place the user was shown, and raises for a failure (counted as an error of the system)."""
    for q in questions:
        t0 = time.perf_counter()
        max_rank, error, verdict = 0, "", ""
        try:
            verdict, max_rank = ask(q)
        except Exception as exc:  # counted as an error of the system under load
            error = f"{type(exc).__name__}: {exc}"
        with lock:
            out.append({"question": q, "ms": (time.perf_counter() - t0) * 1000, "queue_rank_max": max_rank,
                        "error": error, "verdict": verdict})


class WebSession:
    """One browser tab's worth of gradio's event protocol, as the chat page speaks it: the question joins the
    queue (`POST <api>/queue/join`), and the answer arrives on the session's event stream
    (`GET <api>/queue/data`), after messages that give the request's place in the queue. Plain httpx over one
    keep-alive connection: a load generator that costs the shared cores as little as a browser on another
    machine would (gradio_client's threads and polling took more CPU than the server it measured)."""

    def __init__(self, url: str, api_name: str = "jawab") -> None:
        import uuid

        import httpx

        self.http = httpx.Client(base_url=url, timeout=120)
        config = self.http.get("config").raise_for_status().json()
        self.prefix = config.get("api_prefix", "").strip("/") + "/"
        self.fn_index = next(d.get("id", i) for i, d in enumerate(config["dependencies"])
                             if d.get("api_name") == api_name)
        self.session_hash = uuid.uuid4().hex[:11]

    def ask(self, q: str) -> tuple[Any, int]:
        """The event's output and the furthest queue place the server reported for it."""
        joined = self.http.post(self.prefix + "queue/join", json={
            "data": [q], "fn_index": self.fn_index, "session_hash": self.session_hash, "event_data": None,
            "trigger_id": None}).raise_for_status().json()
        event_id, max_rank = joined["event_id"], 0
        with self.http.stream("GET", self.prefix + "queue/data", params={"session_hash": self.session_hash}) as r:
            for line in r.iter_lines():
                if not line.startswith("data:"):
                    continue
                msg = json.loads(line[5:])
                if msg.get("event_id") != event_id:
                    continue
                if msg["msg"] == "estimation":
                    max_rank = max(max_rank, msg.get("rank") or 0)
                elif msg["msg"] == "process_completed":
                    if not msg.get("success"):
                        raise BadResponse(str(msg.get("output"))[:200])
                    return msg["output"]["data"][0], max_rank
        raise BadResponse("event stream ended before the answer")

    def close(self) -> None:
        self.http.close()


def user(url: str, questions: list[str], out: list[dict[str, Any]], lock: threading.Lock) -> None:
    session = WebSession(url)

    def ask(q: str) -> tuple[str, int]:
        res, max_rank = session.ask(q)
        if not isinstance(res, dict) or "error" in res or not res.get("answer"):
            raise BadResponse(str(res)[:200])
        return res["verdict"], max_rank

    try:
        ask_all(questions, ask, out, lock)
    finally:
        session.close()


# The key the benchmark's server accepts and its clients send; its per-key rate limit is lifted (the load is the
# measure, not the limit).
API_KEY = "bench:kunci-beban-untuk-pengukuran-saja"


def api_user(url: str, questions: list[str], out: list[dict[str, Any]], lock: threading.Lock) -> None:
    import httpx

    headers = {"Authorization": f"Bearer {API_KEY.split(':', 1)[1]}"}
    with httpx.Client(base_url=url, headers=headers, timeout=120) as client:

        def ask(q: str) -> tuple[str, int]:
            resp = client.post("api/v1/jawab", json={"question": q})
            body = resp.json()
            if resp.status_code != 200 or not body.get("answer"):
                raise BadResponse(f"HTTP {resp.status_code}: {str(body)[:200]}")
            return body["verdict"], 0  # the API has no queue to show

        ask_all(questions, ask, out, lock)


def postgres_copy(stack: ExitStack) -> str:
    """A throwaway PostgreSQL database holding a copy of the current index's article store; its URL."""
    from ingest.store import ArticleStore
    from netral.config import Settings

    url = stack.enter_context(throwaway_postgres())("netral_load")
    source, target = ArticleStore(Settings.from_env().index_dir / "articles.sqlite"), ArticleStore(url)
    target.copy_from(source)
    source.close()
    target.close()
    return url


def run(backend: str, users: int, per_user: int, workers: int = 1, postgres: bool = False,
        api: bool = False) -> dict[str, Any]:
    import tempfile

    questions = queries()
    port = free_port_run(workers)
    chroma: subprocess.Popen[bytes] | None = None
    env_extra: dict[str, str] = {}
    work = Path(tempfile.mkdtemp(prefix="netral-load-"))
    stack = ExitStack()
    if postgres:
        database_url = postgres_copy(stack)
        chroma, env_extra = chroma_copy(work, store_files=False)
        env_extra["NETRAL_DATABASE_URL"] = database_url
    elif workers > 1:
        chroma, env_extra = chroma_copy(work)
    if api:
        env_extra.update(NETRAL_API_KEYS=API_KEY, NETRAL_API_RATE_PER_MINUTE="0")
    proc = start_server(backend, port, work / "web.log", workers, env_extra)
    urls = [f"http://127.0.0.1:{p}/" for p in range(port, port + workers)]
    try:
        for url in urls:  # warm-up, not measured
            warm = WebSession(url)
            warm.ask("netralitas ASN")
            warm.close()
        out: list[dict[str, Any]] = []
        lock = threading.Lock()
        asks = [[questions[(u * per_user + k) % len(questions)] for k in range(per_user)] for u in range(users)]
        client = api_user if api else user
        threads = [threading.Thread(target=client, args=(urls[u % workers], asks[u], out, lock)) for u in range(users)]
        server_cpu0, machine_cpu0, client_cpu0 = cpu_seconds(proc.pid), machine_cpu_seconds(), sum(os.times()[:2])
        t0 = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - t0
        # Clients, server and databases share the same cores here: how the CPU was spent says what the
        # server would do with the machine to itself.
        cpu = {"server_s": round(cpu_seconds(proc.pid) - server_cpu0, 1),
               "clients_s": round(sum(os.times()[:2]) - client_cpu0, 1),
               "machine_s": round(machine_cpu_seconds() - machine_cpu0, 1), "cores": os.cpu_count()}
    finally:
        proc.terminate()
        proc.wait(60)
        if chroma is not None:
            chroma.terminate()
            chroma.wait(30)
        stack.close()
    ok = [r["ms"] for r in out if not r["error"]]
    store = "PostgreSQL + Chroma server" if postgres else "Chroma server" if workers > 1 else "embedded"
    return {
        "backend": backend, "workers": workers, "store": store, "via": "JSON API" if api else "web app",
        "users": users, "questions_per_user": per_user, "requests": len(out),
        "errors": sum(1 for r in out if r["error"]), "error_samples": [r["error"] for r in out if r["error"]][:5],
        "p50_ms": pct(ok, 50), "p95_ms": pct(ok, 95), "p99_ms": pct(ok, 99),
        "max_ms": round(max(ok), 1) if ok else None, "wall_s": round(wall, 2),
        "throughput_per_s": round(len(ok) / wall, 3), "max_queue_position_seen": max(r["queue_rank_max"] for r in out),
        "requests_that_waited_in_queue": sum(1 for r in out if r["queue_rank_max"] > 0), "cpu": cpu,
    }


def free_port_run(n: int) -> int:
    """The first of n consecutive free loopback ports."""
    for _ in range(50):
        first = free_port()
        try:
            socks = []
            for p in range(first, first + n):
                s = socket.socket()
                socks.append(s)
                s.bind(("127.0.0.1", p))
            return first
        except OSError:
            continue
        finally:
            for s in socks:
                s.close()
    raise SystemExit(f"no {n} consecutive free ports")


def key(entry: dict[str, Any]) -> str:
    workers = entry.get("workers", 1)
    name = entry["backend"] if workers == 1 else f"{entry['backend']}, {workers} workers"
    name = f"{name}, PostgreSQL" if entry.get("store", "").startswith("PostgreSQL") else name
    return f"{name}, JSON API" if entry.get("via") == "JSON API" else name


def write(entry: dict[str, Any]) -> None:
    path = RESULTS / "load.json"
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    data[key(entry)] = entry
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    lines = ["| configuration | users × questions | errors | p50 / p95 / p99 ms | throughput (answers/s) | "
             "most requests queued at once | CPU s: server / clients / machine |", "|---|---|---|---|---|---|---|"]
    for name, e in data.items():
        cpu = e.get("cpu")
        spent = f"{cpu['server_s']} / {cpu['clients_s']} / {cpu['machine_s']}" if cpu else "not measured"
        lines.append(f"| {name} ({e.get('store', 'embedded')}) | {e['users']} × {e['questions_per_user']} | "
                     f"{e['errors']} | "
                     f"{e['p50_ms']} / {e['p95_ms']} / {e['p99_ms']} | {e['throughput_per_s']} | "
                     f"{e['max_queue_position_seen']} | {spent} |")
    (RESULTS / "load.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--backend", default="extractive")
    ap.add_argument("--users", type=int, default=20)
    ap.add_argument("--questions", type=int, default=5, help="questions per user")
    ap.add_argument("--workers", type=int, default=1, help="web worker processes (more than 1: on a Chroma server)")
    ap.add_argument("--postgres", action="store_true",
                    help="the article store in a throwaway PostgreSQL, the vectors on a Chroma server, no local files")
    ap.add_argument("--api", action="store_true", help="ask through POST /api/v1/jawab with an API key")
    args = ap.parse_args()
    entry = run(args.backend, args.users, args.questions, args.workers, args.postgres, args.api)
    write(entry)
    print(json.dumps(entry, indent=2, ensure_ascii=False))
    return 1 if entry["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
