"""Benchmark answering per backend: time to first token and total time. Extractive over all benchmark
queries; llamacpp (in process) and the openai backend against llama.cpp's OpenAI-compatible server (the API
vLLM serves) over a subset.

    python bench/bench_answer.py                      # extractive on all queries + llamacpp on 10
    python bench/bench_answer.py --openai-server      # also the openai backend on a local llama.cpp server
    python bench/bench_answer.py --llm-questions 0    # extractive only

Needs an index (`netral ingest`). Writes bench/results/answer.json and bench/results/answer.md.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time

from harness import RESULTS, free_port, http_ok, pct, queries, wait_until  # first: makes the packages importable

from assistant.answering import Assistant
from assistant.backends import create_generator
from assistant.retrieval import HybridSearcher
from assistant.session import load_rules
from corpus.registry import Registry
from ingest.embedders import create
from ingest.index import Index
from netral.config import Settings
from netral.records import Answer


def measure(assistant: Assistant, questions: list[str], backend: str) -> dict:
    """First token and total time per question; answers replaced by the extractive one are counted."""
    ttft, total, fallbacks, abstained = [], [], 0, 0
    for q in questions:
        t0 = time.perf_counter()
        first = None
        final: Answer | None = None
        for item in assistant.stream(q):
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
        fallbacks += final.backend != backend
    return {
        "questions": len(questions), "generated": len(total), "abstained": abstained,
        "fell_back_to_extractive": fallbacks,
        "ttft_median_ms": round(statistics.median(ttft), 1) if ttft else None,
        "ttft_p95_ms": pct(ttft, 95) if ttft else None,
        "total_p50_ms": pct(total, 50) if total else None,
        "total_p95_ms": pct(total, 95) if total else None,
    }


def llama_server(model: str) -> tuple[subprocess.Popen[bytes], str]:
    """llama.cpp's OpenAI-compatible server with the packaged model on a free loopback port."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "llama_cpp.server", "--model", model, "--host", "127.0.0.1",
                             "--port", str(port), "--n_ctx", "2048", "--n_threads", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if wait_until(lambda: http_ok(f"http://127.0.0.1:{port}/v1/models"), 120):
        return proc, f"http://127.0.0.1:{port}/v1"
    proc.kill()
    raise SystemExit("llama.cpp server did not start")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--llm-questions", type=int, default=10, help="questions for the generative backends")
    ap.add_argument("--openai-server", action="store_true",
                    help="also measure the openai backend against a local llama.cpp server")
    args = ap.parse_args()
    settings = Settings.from_env()
    questions = queries()
    index = Index.open(settings)
    registry = Registry.load()
    searcher = HybridSearcher(index, create(settings.embedder), registry, settings)
    searcher.warm_up()
    rules = load_rules(settings)
    result: dict = {"extractive_sources": settings.extractive_sources, "llm_sources": settings.llm_sources,
                    "prompt_source_chars": settings.prompt_source_chars}
    result["extractive"] = measure(Assistant(searcher, registry, settings, rules=rules), questions, "extractive")
    subset = questions[: args.llm_questions]
    if subset:
        gen = create_generator("llamacpp", settings)
        llm = Assistant(searcher, registry, settings, gen, rules)
        llm.answer("netralitas ASN")  # load the model outside the measurement
        result["llamacpp"] = measure(llm, subset, "llamacpp")
        gen.close()  # type: ignore[union-attr]
    if subset and args.openai_server:
        server, url = llama_server(settings.llm_model_path)
        try:
            s = settings.with_(openai_base_url=url, openai_model="qwen")
            remote = Assistant(searcher, registry, s, create_generator("openai", s), rules)
            remote.answer("netralitas ASN")  # the server loads the model on the first request
            result["openai"] = measure(remote, subset, "openai")
        finally:
            server.terminate()
            server.wait(30)
    index.close()
    out = RESULTS
    out.mkdir(parents=True, exist_ok=True)
    (out / "answer.json").write_text(json.dumps(result, indent=2) + "\n")
    md = render(result)
    (out / "answer.md").write_text(md)
    print(md)
    return 0


BACKEND_LABEL = {"extractive": "extractive", "llamacpp": "llamacpp (in process)",
                 "openai": "openai → llama.cpp server on loopback"}


def render(r: dict) -> str:
    lines = ["| backend | questions answered | first token median / p95 | total p50 / p95 | "
             "replaced by the extractive answer |", "|---|---|---|---|---|"]
    for key, label in BACKEND_LABEL.items():
        if key not in r:
            continue
        m = r[key]
        lines.append(f"| {label} | {m['generated']} of {m['questions']} "
                     f"| {m['ttft_median_ms']} / {m['ttft_p95_ms']} ms "
                     f"| {m['total_p50_ms']} / {m['total_p95_ms']} ms | "
                     f"{m['fell_back_to_extractive'] if key != 'extractive' else '–'} |")
    lines.append(f"\nContext budget for the generative backends: {r['llm_sources']} sources, "
                 f"{r['prompt_source_chars']} characters of source text in the prompt; extractive answers quote "
                 f"{r['extractive_sources']} sources.")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
