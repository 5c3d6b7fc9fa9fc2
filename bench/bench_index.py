"""Benchmark the index: cold and warm ingest, in-process search latency, CLI cold start.

    python bench/bench_index.py                 # full run on NETRAL_CORPUS_DIR (about 6 minutes)
    python bench/bench_index.py --skip-ingest   # search and CLI figures on the existing index only

Writes bench/results/index.json and bench/results/index.md.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from harness import RESULTS, dir_mb, pct, queries  # the project's packages are importable after it

from assistant.retrieval import HybridSearcher
from corpus.registry import Registry
from ingest.embedders import create
from ingest.index import Index
from ingest.pipeline import Ingestor
from netral.config import Settings


def ingest(settings: Settings) -> dict:
    index = Index.open(settings)
    ingestor = Ingestor(index, create(settings.embedder), Registry.load(), settings.chunk_max_chars,
                        settings.embed_max_chars)
    t0 = time.perf_counter()
    report = ingestor.run(settings.corpus_dir)
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    again = ingestor.run(settings.corpus_dir)
    warm = time.perf_counter() - t0
    index.close()
    docs = [r for r in report.rows if r.status != "removed"]
    n_docs, n_pasal, n_chunks = len(docs), sum(r.pasal for r in docs), sum(r.chunks for r in docs)
    return {
        "documents": n_docs, "pasal": n_pasal, "chunks": n_chunks,
        "cold_seconds": round(cold, 1), "warm_seconds": round(warm, 2),
        "cold_per_second": {"documents": round(n_docs / cold, 3), "pasal": round(n_pasal / cold, 2),
                            "chunks": round(n_chunks / cold, 2)},
        "warm_documents_per_second": round(n_docs / warm, 1),
        "warm_all_unchanged": all(r.status == "unchanged" for r in again.rows),
        "index_mb": dir_mb(settings.index_dir),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),  # KiB on Linux
        "errors": report.errors,
    }


def search_latency(settings: Settings, queries: list[str]) -> dict:
    index = Index.open(settings)
    searcher = HybridSearcher(index, create(settings.embedder), Registry.load(), settings)
    searcher.warm_up()
    times = []
    for q in queries:
        t0 = time.perf_counter()
        searcher.search(q, k=5)
        times.append((time.perf_counter() - t0) * 1000)
    index.close()
    return {"queries": len(queries), "p50_ms": pct(times, 50), "p95_ms": pct(times, 95), "p99_ms": pct(times, 99),
            "max_ms": round(max(times), 1)}


def cli_cold_start(settings: Settings, runs: int = 3) -> dict:
    exe = str(Path(sys.executable).parent / "netral")
    env = {**os.environ, "NETRAL_DATA_DIR": str(settings.data_dir), "NETRAL_CORPUS_DIR": str(settings.corpus_dir)}
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([exe, "search", "netralitas ASN dalam pemilu", "--json"], env=env, check=True,
                       capture_output=True)
        times.append(time.perf_counter() - t0)
    return {"runs": runs, "median_seconds": round(statistics.median(times), 2), "max_seconds": round(max(times), 2)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--skip-ingest", action="store_true", help="measure search on the existing index only")
    args = ap.parse_args()
    base = Settings.from_env()
    result: dict = {"machine": {"cpus": os.cpu_count()}, "embedder": base.embedder,
                    "chunk_max_chars": base.chunk_max_chars, "embed_max_chars": base.embed_max_chars}
    tmp = None
    if args.skip_ingest:
        settings = base
    else:
        tmp = Path(tempfile.mkdtemp(prefix="netral-bench-"))
        settings = base.with_(data_dir=tmp / "data")
        result["ingest"] = ingest(settings)
    result["search"] = search_latency(settings, queries())
    result["cli_cold_start"] = cli_cold_start(settings)
    out = RESULTS
    out.mkdir(parents=True, exist_ok=True)
    previous = json.loads((out / "index.json").read_text()) if (out / "index.json").exists() else {}
    if args.skip_ingest and "ingest" in previous:
        result["ingest"] = previous["ingest"]
    (out / "index.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    (out / "index.md").write_text(render(result))
    print(render(result))
    if tmp:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


def render(r: dict) -> str:
    lines = ["| measure | value | target |", "|---|---|---|"]
    if "ingest" in r:
        i = r["ingest"]
        lines += [
            f"| cold ingest ({i['documents']} documents, {i['pasal']} Pasal, {i['chunks']} chunks) | "
            f"{i['cold_seconds']} s | ≤ 360 s |",
        ]
        if "cold_per_second" in i:
            c = i["cold_per_second"]
            lines += [
                f"| cold ingest throughput: documents / Pasal / chunks per second | {c['documents']} / {c['pasal']} / "
                f"{c['chunks']} | |",
                f"| ingest memory peak (max RSS of the process) | {i['peak_rss_mb']} MB | |",
                f"| index size on disk (vectors, article store, BM25) | {i['index_mb']} MB | |",
            ]
        lines.append(f"| re-ingest, nothing changed | {i['warm_seconds']} s"
                     + (f" ({i['warm_documents_per_second']} documents/s)" if "warm_documents_per_second" in i else "")
                     + " | ≤ 15 s |")
    s = r["search"]
    lines += [
        f"| search in-process, {s['queries']} queries: p50 / p95 / p99 | {s['p50_ms']} / {s['p95_ms']} / "
        f"{s['p99_ms']} ms | p95 ≤ 150 ms |",
        f"| CLI cold start (`netral search … --json`), median of {r['cli_cold_start']['runs']} | "
        f"{r['cli_cold_start']['median_seconds']} s | ≤ 4 s |",
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
