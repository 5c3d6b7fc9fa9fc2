"""`netral eval`: glue between the CLI, the assistant, the evaluation package and the report."""

from __future__ import annotations

import argparse
import json
import sys
import time
from importlib import resources
from pathlib import Path

from assistant.answering import Assistant
from evals.gold import load_gold, split_path, unknown_ids, validate
from evals.metrics import CorpusFacts
from evals.report import check, gated, write_report
from evals.runner import run_items
from netral.config import Settings


def previous_metrics(path: Path) -> dict:
    """An earlier report's metrics, from its metrics.json or from the report folder that holds it."""
    if path.is_dir():
        path = path / "metrics.json"
    try:
        return dict(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError as exc:
        raise ValueError(f"--compare: {path} tidak ditemukan (beri metrics.json atau folder laporannya)") from exc
    except (OSError, ValueError) as exc:
        raise ValueError(f"--compare: {path} tidak dapat dibaca sebagai metrics.json ({exc})") from exc


def run_evaluation(assistant: Assistant, settings: Settings, args: argparse.Namespace) -> int:
    from tqdm import tqdm

    store = assistant.searcher.index.store
    gold_path = args.gold or split_path(args.split)
    try:  # read before the run, so that a wrong path does not cost a whole evaluation
        compare = previous_metrics(args.compare) if args.compare else None
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    # The packaged splits name articles their writers read in the corpus text; a few of them the parser loses to
    # OCR damage, and those count as missed rather than as a broken gold file (tests/test_evals.py pins which).
    strict = args.gold is not None
    problems = validate(gold_path, store.article_ids() if strict else None)
    if problems:
        print("Gold set tidak valid:\n  " + "\n  ".join(problems[:20]), file=sys.stderr)
        return 2
    for item_id, ref in unknown_ids(gold_path, store.article_ids()):
        print(f"catatan: {item_id} merujuk {ref}, yang tidak ada di indeks (pasal hilang saat diurai)", file=sys.stderr)
    items = load_gold(gold_path)[: args.limit] if args.limit else load_gold(gold_path)
    corpus = CorpusFacts(store.article_texts(), {d["doc_id"]: d["info"].status for d in store.documents()},
                         {a.article_id: a.target_id for a in store.amendments()})
    started = time.strftime("%Y-%m-%d %H:%M:%S")
    with tqdm(total=len(items), desc="eval", unit="butir", file=sys.stderr) as bar:
        results = run_items(assistant, items, corpus, progress=lambda _i: bar.update(1))
    from evals.ragas_eval import judged_scores, non_llm_scores

    non_llm_scores(results)
    if args.judge:
        from assistant.backends import create_generator

        # ragas asks the judge for JSON lists of statements: give it room to finish them.
        judge_settings = settings.with_(llm_max_tokens=settings.judge_max_tokens,
                                        llm_context=max(settings.llm_context, 4096))
        judge = create_generator(args.judge_backend or "llamacpp", judge_settings)
        if judge is None:
            print("--judge memerlukan backend generatif (llamacpp, openai, ollama)", file=sys.stderr)
            return 2
        judged_scores(results, judge.model, assistant.searcher.embedder)  # type: ignore[attr-defined]
    out = args.out or Path("reports") / f"{assistant.backend}-{time.strftime('%Y%m%d-%H%M%S')}"
    meta = {"backend": assistant.backend, "started": started, "gold": str(gold_path), "items": len(items),
            "judge": bool(args.judge), "settings": {"max_sources": settings.max_sources,
                                                    "embedder": settings.embedder}}
    data = write_report(out, results, meta, compare)
    s = data["summary"]
    print(f"laporan: {out}/report.html")
    thresholds = args.thresholds or Path(str(resources.files("evals").joinpath("thresholds.toml")))
    for key, _bound in gated(thresholds):
        print(f"  {key:22} {s.get(key)}")
    if args.check:
        failures = check(s, thresholds)
        if failures:
            print("DI BAWAH AMBANG:\n  " + "\n  ".join(failures), file=sys.stderr)
            return 1
        print("semua metrik memenuhi ambang")
    return 0

