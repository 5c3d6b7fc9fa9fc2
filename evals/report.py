"""The evaluation report: metrics.json, report.md and a static report.html with a chart."""

from __future__ import annotations

import base64
import html
import json
import tomllib
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from statistics import mean
from typing import Any

from evals.metrics import METRIC_BY_NAME, METRICS, ItemResult, aggregate
from evals.ragas_eval import JUDGED, NON_LLM

HEADLINE = tuple(m.name for m in METRICS)
CATEGORY_COLUMNS = ("items", "hit@5", "mrr", "citation_hit", "verdict_accuracy", "abstained")


def summarize(results: Sequence[ItemResult]) -> dict[str, Any]:
    summary = aggregate(results)
    for key in (*NON_LLM, *JUDGED):
        vals = [r.scores[key] for r in results if key in r.scores]
        summary[key] = round(mean(vals), 4) if vals else None
    summary["judged_items"] = sum(1 for r in results if "faithfulness" in r.scores)
    return summary


def by_category(results: Sequence[ItemResult]) -> dict[str, dict[str, Any]]:
    groups: dict[str, list[ItemResult]] = defaultdict(list)
    for r in results:
        groups[r.item.category].append(r)
    out = {}
    for cat, rs in sorted(groups.items()):
        def avg(key: str, rs: list[ItemResult] = rs) -> float | None:
            vals = [r.scores[key] for r in rs if key in r.scores]
            return round(mean(vals), 3) if vals else None

        out[cat] = {"items": len(rs), "hit@5": avg("hit@5"), "mrr": avg("mrr"), "citation_hit": avg("citation_hit"),
                    "verdict_accuracy": avg("verdict_correct"), "abstained": avg("abstained")}
    return out


def worst(results: Sequence[ItemResult], n: int = 12) -> list[ItemResult]:
    def badness(r: ItemResult) -> tuple[float, ...]:
        s = r.scores
        if r.answer is None:
            return (-10.0,)
        if r.item.out_of_scope:
            return (4.0,) if s.get("abstained") else (-2.0,)
        return (s.get("citation_hit", 0) + s.get("hit@5", 0) + s.get("verdict_correct", 0) + s.get("mrr", 0),)

    bad = [r for r in results if r.answer is None or badness(r)[0] < 3.5]
    return sorted(bad, key=badness)[:n]


def gated(thresholds_path: Path) -> list[tuple[str, float]]:
    """(metric name, bound) for every metric the thresholds file guards, in the report's order. A bound on the
    wrong side of a metric (a `max` on a higher-is-better one) or an unknown name is a mistake in the file."""
    rules = tomllib.loads(thresholds_path.read_text(encoding="utf-8"))
    unknown = sorted(set(rules) - set(METRIC_BY_NAME))
    if unknown:
        raise ValueError(f"{thresholds_path}: unknown metrics {unknown}")
    out = []
    for m in METRICS:
        if m.name not in rules:
            continue
        rule = rules[m.name]
        if set(rule) != {m.bound}:
            raise ValueError(f"{thresholds_path}: {m.name} takes {{{m.bound} = …}}, not {rule}")
        out.append((m.name, rule[m.bound]))
    return out


def check(summary: dict[str, Any], thresholds_path: Path) -> list[str]:
    """Failures against the thresholds file: `metric = {min = x}` or `{max = y}`, as the metric's direction says."""
    failures = []
    for name, bound in gated(thresholds_path):
        value = summary.get(name)
        if value is None:
            failures.append(f"{name}: not measured")
        elif METRIC_BY_NAME[name].higher_is_better and value < bound:
            failures.append(f"{name} = {value} < {bound}")
        elif not METRIC_BY_NAME[name].higher_is_better and value > bound:
            failures.append(f"{name} = {value} > {bound}")
    return failures


def write_report(
    out_dir: Path, results: Sequence[ItemResult], meta: dict[str, Any], compare: dict[str, Any] | None = None,
) -> dict[str, Any]:
    out_dir.mkdir(parents=True, exist_ok=True)
    summary = summarize(results)
    cats = by_category(results)
    data = {
        "run": meta, "summary": summary, "categories": cats,
        "items": [
            {"id": r.item.id, "category": r.item.category, "question": r.item.user_input,
             "expected_verdict": r.item.verdict, "reference_ids": list(r.item.reference_context_ids),
             "verdict": r.answer.verdict if r.answer else None, "retrieved": r.retrieved[:10], "cited": r.cited,
             "backend": r.answer.backend if r.answer else None, "rule": r.answer.rule if r.answer else "",
             "error": r.error or (r.answer.error if r.answer else ""),
             "scores": {k: round(v, 4) for k, v in r.scores.items()}, "seconds": round(r.seconds, 3)}
            for r in results
        ],
    }
    (out_dir / "metrics.json").write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    chart = _chart(cats, out_dir / "chart.png")
    deltas = _deltas(summary, compare["summary"]) if compare else {}
    (out_dir / "report.md").write_text(_markdown(summary, cats, results, meta, deltas), encoding="utf-8")
    (out_dir / "report.html").write_text(_html(summary, cats, results, meta, deltas, chart), encoding="utf-8")
    return data


def _deltas(new: dict[str, Any], old: dict[str, Any]) -> dict[str, float]:
    out = {}
    for k in HEADLINE:
        a, b = new.get(k), old.get(k)
        if isinstance(a, int | float) and isinstance(b, int | float):
            out[k] = round(a - b, 4)
    return out


def _fmt(v: Any) -> str:
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:.3f}"
    return str(v)


def _markdown(summary: dict[str, Any], cats: dict[str, Any], results: Sequence[ItemResult], meta: dict[str, Any],
              deltas: dict[str, float]) -> str:
    lines = [f"# Evaluasi netral — {meta.get('backend')} — {meta.get('started')}", "",
             f"Gold set: `{meta.get('gold')}` ({summary['items']} butir; {summary['in_scope']} dalam cakupan, "
             f"{summary['out_of_scope']} di luar cakupan; {summary['crashed']} gagal dijalankan).", "",
             "| metric | value |" + (" Δ |" if deltas else ""), "|---|---|" + ("---|" if deltas else "")]
    for k in HEADLINE:
        if k in summary:
            d = f" {deltas[k]:+.3f} |" if k in deltas else (" |" if deltas else "")
            lines.append(f"| {k} | {_fmt(summary[k])} |{d}")
    lines += ["", "## Per kategori", "", "| kategori | " + " | ".join(CATEGORY_COLUMNS) + " |",
              "|---" * (len(CATEGORY_COLUMNS) + 1) + "|"]
    for cat, row in cats.items():
        lines.append(f"| {cat} | " + " | ".join(_fmt(row[c]) for c in CATEGORY_COLUMNS) + " |")
    lines += ["", "## Butir terburuk", ""]
    for r in worst(results):
        lines.append(f"- **{r.item.id}** ({r.item.category}) {r.item.user_input[:160]}")
        lines.append(f"  - diharapkan: {r.item.verdict}, {list(r.item.reference_context_ids)}")
        if r.answer is None:
            lines.append(f"  - GAGAL: {r.error.splitlines()[0]}")
        else:
            lines.append(f"  - dijawab: {r.answer.verdict} (entri {r.answer.rule or '-'}); dikutip {r.cited}; "
                         f"ditemukan {r.retrieved[:5]}")
    return "\n".join(lines) + "\n"


def _chart(cats: dict[str, Any], path: Path) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = list(cats)
    fig, ax = plt.subplots(figsize=(10, 4))
    width = 0.27
    for k, (key, label) in enumerate((("hit@5", "hit@5"), ("citation_hit", "pasal emas dikutip"),
                                     ("verdict_accuracy", "putusan tepat"))):
        vals = [cats[c][key] if cats[c][key] is not None else 0 for c in names]
        ax.bar([i + (k - 1) * width for i in range(len(names))], vals, width, label=label)
    ax.set_xticks(range(len(names)), names, rotation=30, ha="right")
    ax.set_ylim(0, 1.05)
    ax.legend(loc="lower right", fontsize=8)
    ax.set_title("Per kategori")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path.read_bytes()


def _html(summary: dict[str, Any], cats: dict[str, Any], results: Sequence[ItemResult], meta: dict[str, Any],
          deltas: dict[str, float], chart: bytes) -> str:
    e = html.escape
    rows = "".join(
        f"<tr><td>{e(k)}</td><td>{_fmt(summary[k])}</td>"
        + (f"<td class={'up' if deltas.get(k, 0) > 0 else 'down' if deltas.get(k, 0) < 0 else ''}>"
           f"{deltas[k]:+.3f}</td>" if k in deltas else ("<td></td>" if deltas else "")) + "</tr>"
        for k in HEADLINE if k in summary
    )
    cat_rows = "".join(
        f"<tr><td>{e(c)}</td>" + "".join(f"<td>{_fmt(row[col])}</td>" for col in CATEGORY_COLUMNS) + "</tr>"
        for c, row in cats.items()
    )
    worst_rows = "".join(
        f"<tr><td>{e(r.item.id)}</td><td>{e(r.item.category)}</td><td>{e(r.item.user_input)}</td>"
        f"<td>{e(r.item.verdict)}<br><small>{e(', '.join(r.item.reference_context_ids))}</small></td>"
        f"<td>{e(r.answer.verdict if r.answer else 'GAGAL')}<br><small>dikutip: {e(', '.join(r.cited))}<br>"
        f"ditemukan: {e(', '.join(r.retrieved[:5]))}</small></td></tr>"
        for r in worst(results)
    )
    img = base64.b64encode(chart).decode()
    return f"""<!doctype html><html lang="id"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Evaluasi netral — {e(str(meta.get('backend')))}</title>
<style>body{{font-family:system-ui,sans-serif;max-width:1100px;margin:2rem auto;padding:0 1rem;color:#1f2933}}
table{{border-collapse:collapse;margin:1rem 0;width:100%}}td,th{{border:1px solid #d9dee3;padding:.35rem .5rem;
text-align:left;vertical-align:top;font-size:.92rem}}th{{background:#f3f5f7}}.up{{color:#137333}}.down{{color:#b3261e}}
small{{color:#5f6b76}}</style></head><body>
<h1>Evaluasi netral</h1>
<p>Backend <b>{e(str(meta.get('backend')))}</b>, {e(str(meta.get('started')))}; gold set {e(str(meta.get('gold')))}:
{summary['items']} butir ({summary['in_scope']} dalam cakupan, {summary['out_of_scope']} di luar cakupan,
{summary['crashed']} gagal).</p>
<h2>Ringkasan</h2><table><tr><th>metric</th><th>nilai</th>{'<th>Δ</th>' if deltas else ''}</tr>{rows}</table>
<h2>Per kategori</h2><img alt="grafik per kategori" src="data:image/png;base64,{img}" style="max-width:100%">
<table><tr><th>kategori</th>{''.join(f'<th>{c}</th>' for c in CATEGORY_COLUMNS)}</tr>{cat_rows}</table>
<h2>Butir terburuk</h2><table><tr><th>id</th><th>kategori</th><th>pertanyaan</th><th>diharapkan</th>
<th>hasil</th></tr>{worst_rows}</table></body></html>
"""
