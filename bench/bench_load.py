"""Load on the running web app: N simulated users at once, each asking several questions over HTTP
(gradio_client, the `/jawab` endpoint that the chat's answers come from).

    python bench/bench_load.py --backend extractive --users 20 --questions 5
    python bench/bench_load.py --backend llamacpp --users 4 --questions 2

Starts `netral web` on a free loopback port against the existing index (`netral ingest` first), measures
each request from submission to answer, records the longest queue position each user was shown, and writes
bench/results/load.json (one entry per backend) and bench/results/load.md.
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
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"


def pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[max(0, min(len(s) - 1, round(q / 100 * (len(s) - 1))))] if s else float("nan")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(backend: str, port: int, log_path: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "NETRAL_BACKEND": backend}
    log = log_path.open("w")
    proc = subprocess.Popen([sys.executable, "-m", "netral.cli", "web", "--port", str(port)], env=env, cwd=ROOT,
                            stdout=log, stderr=subprocess.STDOUT)
    deadline = time.time() + 180
    while time.time() < deadline:
        if proc.poll() is not None:
            raise SystemExit("web app exited:\n" + log_path.read_text())
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2):
                return proc
        except OSError:
            time.sleep(0.5)
    proc.kill()
    raise SystemExit("web app did not start in 180 s")


def user(url: str, questions: list[str], out: list[dict[str, Any]], lock: threading.Lock) -> None:
    from gradio_client import Client

    client = Client(url, verbose=False)
    for q in questions:
        t0 = time.perf_counter()
        max_rank, error, verdict = 0, "", ""
        try:
            job = client.submit(q, api_name="/jawab")
            while not job.done():
                rank = getattr(job.status(), "rank", None)
                max_rank = max(max_rank, rank or 0)
                time.sleep(0.05)
            res = job.result()
            if not isinstance(res, dict) or "error" in res or not res.get("answer"):
                error = f"bad response: {str(res)[:200]}"
            else:
                verdict = res["verdict"]
        except Exception as exc:  # counted as an error of the system under load
            error = f"{type(exc).__name__}: {exc}"
        with lock:
            out.append({"question": q, "ms": (time.perf_counter() - t0) * 1000, "queue_rank_max": max_rank,
                        "error": error, "verdict": verdict})


def run(backend: str, users: int, per_user: int) -> dict[str, Any]:
    queries = [q for q in (ROOT / "bench" / "queries.txt").read_text(encoding="utf-8").splitlines() if q.strip()]
    port = free_port()
    proc = start_server(backend, port, Path(f"/tmp/netral-load-{port}.log"))
    url = f"http://127.0.0.1:{port}/"
    try:
        from gradio_client import Client

        Client(url, verbose=False).predict("netralitas ASN", api_name="/jawab")  # warm-up, not measured
        out: list[dict[str, Any]] = []
        lock = threading.Lock()
        threads = [threading.Thread(target=user, args=(url, [queries[(u * per_user + k) % len(queries)]
                                                            for k in range(per_user)], out, lock))
                   for u in range(users)]
        t0 = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - t0
    finally:
        proc.terminate()
        proc.wait(30)
    ok = [r["ms"] for r in out if not r["error"]]
    return {
        "backend": backend, "users": users, "questions_per_user": per_user, "requests": len(out),
        "errors": sum(1 for r in out if r["error"]), "error_samples": [r["error"] for r in out if r["error"]][:5],
        "p50_ms": round(pct(ok, 50), 1), "p95_ms": round(pct(ok, 95), 1), "p99_ms": round(pct(ok, 99), 1),
        "max_ms": round(max(ok), 1) if ok else None, "wall_s": round(wall, 2),
        "throughput_per_s": round(len(ok) / wall, 3), "max_queue_position_seen": max(r["queue_rank_max"] for r in out),
        "requests_that_waited_in_queue": sum(1 for r in out if r["queue_rank_max"] > 0),
    }


def write(entry: dict[str, Any]) -> None:
    path = RESULTS / "load.json"
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    data[entry["backend"]] = entry
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    lines = ["| backend | users × questions | errors | p50 / p95 / p99 ms | throughput (answers/s) | "
             "most requests queued at once |", "|---|---|---|---|---|---|"]
    for e in data.values():
        lines.append(f"| {e['backend']} | {e['users']} × {e['questions_per_user']} | {e['errors']} | "
                     f"{e['p50_ms']} / {e['p95_ms']} / {e['p99_ms']} | {e['throughput_per_s']} | "
                     f"{e['max_queue_position_seen']} |")
    (RESULTS / "load.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--backend", default="extractive")
    ap.add_argument("--users", type=int, default=20)
    ap.add_argument("--questions", type=int, default=5, help="questions per user")
    args = ap.parse_args()
    entry = run(args.backend, args.users, args.questions)
    write(entry)
    print(json.dumps(entry, indent=2, ensure_ascii=False))
    return 1 if entry["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
