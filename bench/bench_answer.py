"""Benchmark answering: extractive latency over the benchmark queries, llamacpp time to first token and
total time over a subset.

    python bench/bench_answer.py                      # extractive on all queries + llamacpp on 10
    python bench/bench_answer.py --llm-questions 0    # extractive only

Needs an index (`netral ingest`). Writes bench/results/answer.json and bench/results/answer.md.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.answering import Assistant  # noqa: E402
from assistant.backends import create_generator  # noqa: E402
from assistant.retrieval import HybridSearcher  # noqa: E402
from corpus.registry import Registry  # noqa: E402
from ingest.embedders import create  # noqa: E402
from ingest.pipeline import Index  # noqa: E402
from netral.config import Settings  # noqa: E402
from netral.records import Answer  # noqa: E402


def pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[max(0, min(len(s) - 1, round(q / 100 * (len(s) - 1))))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--llm-questions", type=int, default=10, help="questions for the llamacpp backend")
    args = ap.parse_args()
    settings = Settings.from_env()
    queries = [q for q in (ROOT / "bench" / "queries.txt").read_text(encoding="utf-8").splitlines() if q.strip()]
    index = Index.open(settings)
    registry = Registry.load()
    searcher = HybridSearcher(index, create(settings.embedder), registry, settings)
    searcher.warm_up()
    result: dict = {"extractive_sources": settings.extractive_sources, "llm_sources": settings.llm_sources,
                    "prompt_source_chars": settings.prompt_source_chars}

    extractive = Assistant(searcher, registry, settings)
    times = []
    for q in queries:
        t0 = time.perf_counter()
        extractive.answer(q)
        times.append((time.perf_counter() - t0) * 1000)
    result["extractive"] = {"questions": len(queries), "p50_ms": round(pct(times, 50), 1),
                            "p95_ms": round(pct(times, 95), 1), "max_ms": round(max(times), 1)}

    if args.llm_questions:
        gen = create_generator("llamacpp", settings)
        llm = Assistant(searcher, registry, settings, gen)
        llm.answer("netralitas ASN")  # load the model outside the measurement
        ttft, total, fallbacks, abstained = [], [], 0, 0
        for q in queries[: args.llm_questions]:
            t0 = time.perf_counter()
            first = None
            final: Answer | None = None
            for item in llm.stream(q):
                if first is None and isinstance(item, str):
                    first = time.perf_counter()
                if isinstance(item, Answer):
                    final = item
            end = time.perf_counter()
            assert final is not None
            if final.abstained:
                abstained += 1
                continue  # no generation happened
            ttft.append(((first or end) - t0) * 1000)
            total.append((end - t0) * 1000)
            fallbacks += final.backend != "llamacpp"
        gen.close()  # type: ignore[union-attr]
        result["llamacpp"] = {
            "questions": args.llm_questions, "generated": len(total), "abstained": abstained,
            "fell_back_to_extractive": fallbacks,
            "ttft_median_ms": round(statistics.median(ttft), 0) if ttft else None,
            "total_p50_ms": round(pct(total, 50), 0) if total else None,
            "total_p95_ms": round(pct(total, 95), 0) if total else None,
        }
    index.close()
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "answer.json").write_text(json.dumps(result, indent=2) + "\n")
    md = render(result)
    (out / "answer.md").write_text(md)
    print(md)
    return 0


def render(r: dict) -> str:
    e = r["extractive"]
    lines = ["| measure | value | target |", "|---|---|---|",
             f"| extractive answer, {e['questions']} questions: p50 / p95 | {e['p50_ms']} / {e['p95_ms']} ms | "
             "p95 ≤ 1000 ms |"]
    if "llamacpp" in r:
        m = r["llamacpp"]
        lines += [
            f"| llamacpp time to first token, median of {m['generated']} | {m['ttft_median_ms']} ms | ≤ 10000 ms |",
            f"| llamacpp full answer p50 / p95 | {m['total_p50_ms']} / {m['total_p95_ms']} ms | p95 ≤ 30000 ms |",
            f"| llamacpp answers that fell back to extractive | {m['fell_back_to_extractive']} of {m['generated']} | |",
        ]
    lines.append(f"\nContext budget for llamacpp: {r['llm_sources']} sources, {r['prompt_source_chars']} characters "
                 f"of source text in the prompt; extractive answers quote {r['extractive_sources']} sources.")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
