"""Growth benchmark: the corpus replicated 1×, 2×, 4× and 8× (distinct document ids), and how ingest time,
index size, memory and query latency grow with it.

    python bench/bench_growth.py                      # 1×, 2×, 4×, 8× (about 45 minutes on 2 cores)
    python bench/bench_growth.py --factors 1 2        # a quicker look

Replica r of a file is the same bytes under the name `r<r>-<name>` with r trailing blank lines (a PDF comment
for PDFs), so that its content hash differs and the duplicate check does not skip it; a replicated registry
gives every replica its own document id (`pp-94-2021-r3`) with the same status and relations. The sizes are
built one after the other into one index: going from 4× to 8× ingests only replicas 5–8, exactly what a cold
8× ingest does after its first half, so the time to build n× is the sum of the steps up to n. Every step and
every measurement runs in its own process, so each memory peak (max RSS) is that step's own.

Writes bench/results/growth.json and bench/results/growth.md.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from harness import RESULTS, dir_mb, pct, queries  # first: makes the packages importable

from corpus.registry import Registry

# --- the replicated corpus ---------------------------------------------------------------------------------

def replica_name(name: str, r: int) -> str:
    return name if r == 1 else f"r{r}-{name}"


def replica_registry(base: Registry, factor: int) -> Registry:
    """The registry with every document repeated as `<id>-r<r>` for replicas 2..factor; relations point within
    the same replica, aliases stay with the original (an alias must name one document)."""
    docs = list(base.documents)
    titles = list(base.material_titles)
    for r in range(2, factor + 1):
        def rid(ids: tuple[str, ...], r: int = r) -> tuple[str, ...]:
            return tuple(f"{i}-r{r}" for i in ids)

        docs += [
            replace(d, id=f"{d.id}-r{r}", file=replica_name(d.file, r) if d.file else "", aliases=(),
                    mencabut=rid(d.mencabut), dicabut_oleh=rid(d.dicabut_oleh), mengubah=rid(d.mengubah),
                    diubah_oleh=rid(d.diubah_oleh))
            for d in base.documents
        ]
        titles += [(replica_name(f, r), f"{t} (salinan {r})") for f, t in base.material_titles]
    return Registry(tuple(docs), tuple(titles))


def write_replicas(source: Path, target: Path, replicas: range) -> None:
    from ingest.loaders import discover

    files, _skipped = discover(source)
    for r in replicas:
        for path in files:
            rel = path.relative_to(source)
            dest = target / rel.parent / replica_name(rel.name, r)
            dest.parent.mkdir(parents=True, exist_ok=True)
            trailer = b"" if r == 1 else (f"\n%replika {r}\n".encode() if path.suffix == ".pdf" else b"\n" * r)
            dest.write_bytes(path.read_bytes() + trailer)


# --- steps, each run in a child process ------------------------------------------------------------------

def step_ingest(corpus: Path, data: Path, factor: int) -> dict:
    from ingest.embedders import create
    from ingest.index import Index
    from ingest.pipeline import Ingestor
    from netral.config import Settings

    settings = Settings.from_env().with_(data_dir=data, corpus_dir=corpus)
    index = Index.open(settings)
    ingestor = Ingestor(index, create(settings.embedder), replica_registry(Registry.load(), factor),
                        settings.chunk_max_chars, settings.embed_max_chars)
    t0 = time.perf_counter()
    report = ingestor.run(corpus)
    seconds = time.perf_counter() - t0
    index.close()
    added = [r for r in report.rows if r.status in ("new", "updated")]
    return {"seconds": round(seconds, 2), "documents_added": len(added), "pasal_added": sum(r.pasal for r in added),
            "chunks_added": sum(r.chunks for r in added), "errors": [e.reason for e in report.errors]}


def step_measure(corpus: Path, data: Path, factor: int) -> dict:
    from assistant.answering import Assistant
    from assistant.retrieval import HybridSearcher
    from ingest.embedders import create
    from ingest.index import Index
    from netral.config import Settings

    settings = Settings.from_env().with_(data_dir=data, corpus_dir=corpus, backend="extractive")
    registry = replica_registry(Registry.load(), factor)
    questions = queries()
    t0 = time.perf_counter()
    index = Index.open(settings)
    searcher = HybridSearcher(index, create(settings.embedder), registry, settings)
    searcher.warm_up()
    startup = time.perf_counter() - t0
    search_ms, answer_ms = [], []
    for q in questions:
        t = time.perf_counter()
        searcher.search(q, k=5)
        search_ms.append((time.perf_counter() - t) * 1000)
    assistant = Assistant(searcher, registry, settings)
    for q in questions:
        t = time.perf_counter()
        assistant.answer(q)
        answer_ms.append((time.perf_counter() - t) * 1000)
    docs = index.store.documents()
    index.close()
    return {
        "documents": len(docs), "pasal": sum(d["n_articles"] for d in docs), "chunks": sum(d["n_chunks"] for d in docs),
        "startup_seconds": round(startup, 2), "queries": len(questions),
        "search_p50_ms": pct(search_ms, 50), "search_p95_ms": pct(search_ms, 95), "search_p99_ms": pct(search_ms, 99),
        "answer_p50_ms": pct(answer_ms, 50), "answer_p95_ms": pct(answer_ms, 95),
    }


def run_step(step: str, corpus: Path, data: Path, factor: int, log: Path) -> tuple[dict, float]:
    """Run one step in a child process; its JSON result and its own peak RSS in MB."""
    cmd = [sys.executable, __file__, "--step", step, "--corpus", str(corpus), "--data", str(data),
           "--factor", str(factor)]
    with log.open("a") as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err, text=True)
        assert proc.stdout is not None
        out = proc.stdout.read()
        _pid, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"step {step} at {factor}× failed; see {log}")
    return json.loads(out.strip().splitlines()[-1]), round(usage.ru_maxrss / 1024, 0)  # ru_maxrss is KiB


# --- trend -------------------------------------------------------------------------------------------------

def fit(xs: list[float], ys: list[float]) -> dict:
    """Linear least squares y = a + b·x with R², and the power-law exponent k of y ∝ x^k (log-log slope)."""
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sxx
    a = my - b * mx
    ss_tot = sum((y - my) ** 2 for y in ys)
    ss_res = sum((y - a - b * x) ** 2 for x, y in zip(xs, ys, strict=True))
    lx, ly = [math.log(x) for x in xs], [math.log(max(y, 1e-9)) for y in ys]
    mlx, mly = sum(lx) / n, sum(ly) / n
    k = sum((u - mlx) * (v - mly) for u, v in zip(lx, ly, strict=True)) / sum((u - mlx) ** 2 for u in lx)
    return {"intercept": round(a, 3), "slope": round(b, 3), "r2": round(1 - ss_res / ss_tot, 4) if ss_tot else 1.0,
            "exponent": round(k, 3)}


TRENDS = {
    "build_seconds": "time to build the index (s)",
    "index_mb": "index size on disk (MB)",
    "ingest_peak_rss_mb": "ingest memory peak (MB)",
    "reingest_seconds": "re-ingest with nothing changed (s)",
    "startup_seconds": "open index + warm up (s)",
    "query_peak_rss_mb": "query process memory peak (MB)",
    "search_p95_ms": "search p95 (ms)",
    "answer_p95_ms": "extractive answer p95 (ms)",
}


def render(result: dict) -> str:
    rows = result["levels"]
    lines = [
        f"Corpus replicated n× (distinct ids), embedder `{result['embedder']}`, {result['cpus']} CPU cores. "
        f"Each step ingests only the replicas it adds; build time is the sum of the steps.",
        "",
        "| n× | documents | Pasal | chunks | step: added chunks / s | chunks/s | build time | re-ingest (unchanged) "
        "| index on disk | ingest peak RSS | open + warm-up | query peak RSS | search p50 / p95 / p99 "
        "| extractive answer p50 / p95 |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['factor']} | {r['documents']} | {r['pasal']} | {r['chunks']} | {r['chunks_added']} / "
            f"{r['step_seconds']} s | {r['chunks_per_second']} | {r['build_seconds']} s | {r['reingest_seconds']} s "
            f"| {r['index_mb']} MB | {r['ingest_peak_rss_mb']:.0f} MB | {r['startup_seconds']} s "
            f"| {r['query_peak_rss_mb']:.0f} MB "
            f"| {r['search_p50_ms']} / {r['search_p95_ms']} / {r['search_p99_ms']} ms "
            f"| {r['answer_p50_ms']} / {r['answer_p95_ms']} ms |"
        )
    if result.get("trends"):
        lines += ["", "Fitted trend over n (least squares y = a + b·n; k is the exponent of y ∝ n^k, 1 = linear):", "",
                  "| measure | a | b per 1× | R² | k |", "|---|---|---|---|---|"]
        for key, t in result["trends"].items():
            lines.append(f"| {TRENDS[key]} | {t['intercept']} | {t['slope']} | {t['r2']} | {t['exponent']} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--factors", type=int, nargs="+", default=[1, 2, 4, 8])
    ap.add_argument("--keep", type=Path, help="build in this folder and keep it (default: a temporary folder)")
    ap.add_argument("--step", choices=["ingest", "measure"], help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--factor", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.step:
        fn = step_ingest if args.step == "ingest" else step_measure
        print(json.dumps(fn(args.corpus, args.data, args.factor)))
        return 0

    from netral.config import Settings

    base = Settings.from_env()
    factors = sorted(set(args.factors))
    work = args.keep or Path(tempfile.mkdtemp(prefix="netral-growth-"))
    corpus, data, log = work / "corpus", work / "data", work / "steps.log"
    work.mkdir(parents=True, exist_ok=True)
    result: dict = {"embedder": base.embedder, "cpus": os.cpu_count(), "levels": []}
    built, build_seconds = 0, 0.0
    for factor in factors:
        write_replicas(base.corpus_dir.resolve(), corpus, range(built + 1, factor + 1))
        built = factor
        ingest, ingest_rss = run_step("ingest", corpus, data, factor, log)
        build_seconds += ingest["seconds"]
        again, _ = run_step("ingest", corpus, data, factor, log)
        measured, query_rss = run_step("measure", corpus, data, factor, log)
        row = {"factor": factor, **measured, "chunks_added": ingest["chunks_added"],
               "step_seconds": ingest["seconds"],
               "chunks_per_second": round(ingest["chunks_added"] / ingest["seconds"], 2) if ingest["seconds"] else 0,
               "build_seconds": round(build_seconds, 1), "reingest_seconds": again["seconds"],
               "index_mb": dir_mb(data / "index"), "ingest_peak_rss_mb": ingest_rss, "query_peak_rss_mb": query_rss,
               "errors": ingest["errors"]}
        result["levels"].append(row)
        print(json.dumps(row), flush=True)
    if len(factors) >= 3:
        xs = [float(r["factor"]) for r in result["levels"]]
        result["trends"] = {key: fit(xs, [float(r[key]) for r in result["levels"]]) for key in TRENDS}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "growth.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    (RESULTS / "growth.md").write_text(render(result))
    print(render(result))
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
