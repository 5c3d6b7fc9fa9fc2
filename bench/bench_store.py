"""The article store on SQLite and on PostgreSQL: the hot read paths through SQLAlchemy Core against the plain
drivers (sqlite3, psycopg), the BM25 build from the store at 1× and 8× the corpus, and search latency with the
store in PostgreSQL against the embedded file.

    python bench/bench_store.py                                  # a throwaway PostgreSQL on loopback
    python bench/bench_store.py --database-url postgresql://…    # an existing server (creates no database)

Reads the index `make ingest` built (NETRAL_DATA_DIR), never writes it: its article store is copied into a
temporary SQLite file and into PostgreSQL. The 8× store repeats every document, article and chunk row under
distinct ids (`<id>-r<r>`), as bench_growth.py's replicas do, without embedding them again: what the BM25 build
reads is the same. Writes bench/results/store.json and bench/results/store.md.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

from harness import RESULTS, pct, queries, throwaway_postgres  # first: makes the packages importable

from ingest.lexical import BM25Index, lexical_units
from ingest.store import ARTICLES, CHUNKS, DOCUMENTS, ArticleStore, article_from_json
from netral.config import Settings


def median_ms(fn: Callable[[], Any], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return round(statistics.median(times), 1)


def replicate(source: ArticleStore, path: Path, factor: int) -> ArticleStore:
    """A SQLite store holding every row of `source` `factor` times, under distinct ids."""
    from sqlalchemy import select

    target = ArticleStore(path)
    with source._t.read() as src, target.transaction() as dst:
        tables = ((DOCUMENTS, ("doc_id",)), (ARTICLES, ("id", "doc_id")),
                  (CHUNKS, ("id", "article_id", "doc_id", "vector_id")))
        for table, keys in tables:
            rows = [dict(r) for r in src.execute(select(table)).mappings()]
            for r in range(1, factor + 1):
                dst.execute(table.insert(), [{**row, **{k: row[k] if r == 1 else f"{row[k]}-r{r}" for k in keys}}
                                             for row in rows])
    return target


def raw_reader(location: Path | str) -> tuple[Callable[[], list[tuple[str, str, str]]], Callable[[str], Any]]:
    """chunk_parts and article lookup with the plain driver and one connection, as the store did before."""
    if isinstance(location, Path):
        db: Any = sqlite3.connect(str(location), check_same_thread=False, isolation_level=None)
        mark = "?"
    else:
        import psycopg

        db = psycopg.connect(location, autocommit=True)
        mark = "%s"

    def parts() -> list[tuple[str, str, str]]:
        return sorted(tuple(r) for r in db.execute("SELECT id, context, text FROM chunks").fetchall())

    def article(art_id: str) -> Any:
        row = db.execute(f"SELECT data FROM articles WHERE id={mark}", (art_id,)).fetchone()
        return article_from_json(row[0]) if row else None

    return parts, article


def hot_paths(store: ArticleStore) -> dict[str, Any]:
    parts, article = raw_reader(store.path)
    ids = sorted(store.article_ids())
    sample = random.Random(7).sample(ids, min(1000, len(ids)))
    assert parts() == store.chunk_parts() and all(article(i) == store.article(i) for i in sample[:50])

    def lookups(fn: Callable[[str], Any]) -> float:
        t0 = time.perf_counter()
        for i in sample:
            fn(i)
        return round((time.perf_counter() - t0) / len(sample) * 1e6, 1)

    lookups(store.article), lookups(article)  # warm both
    return {"chunks": len(store.chunk_parts()), "chunk_parts_ms": {"sqlalchemy": median_ms(store.chunk_parts),
                                                                   "driver": median_ms(parts)},
            "article_lookup_us": {"sqlalchemy": statistics.median(lookups(store.article) for _ in range(3)),
                                  "driver": statistics.median(lookups(article) for _ in range(3))}}


def bm25_build_ms(store: ArticleStore) -> float:
    def build() -> BM25Index:
        return BM25Index.build(u for cid, ctx, text in store.chunk_parts() for u in lexical_units(cid, ctx, text))

    return median_ms(build, runs=3)


def search_latency(settings: Settings, store: Path | str, host: Path) -> tuple[dict[str, Any], list[list[str]]]:
    """Search over `store` and the index's own vectors, as a host whose data folder is `host` (empty: its BM25
    is built from the store, as every host's is when the store changed)."""
    from assistant.retrieval import HybridSearcher
    from corpus.registry import Registry
    from ingest.embedders import create
    from ingest.index import Index
    from ingest.store import VectorStore

    vectors = VectorStore(settings.index_dir / "chroma", settings.collection, settings.chroma_url)
    (host / "index").mkdir(parents=True)
    index = Index(ArticleStore(store), vectors, settings.with_(data_dir=host))
    searcher = HybridSearcher(index, create(settings.embedder), Registry.load(), settings)
    searcher.warm_up()
    times, found = [], []
    for q in queries():
        t0 = time.perf_counter()
        result = searcher.search(q, k=5)
        times.append((time.perf_counter() - t0) * 1000)
        found.append([h.id for h in result.hits])
    index.close()
    return {"queries": len(times), "p50_ms": pct(times, 50), "p95_ms": pct(times, 95),
            "max_ms": round(max(times), 1)}, found


@contextmanager
def databases(url: str) -> Iterator[Callable[[str], str]]:
    if url:
        yield lambda _name: url
    else:
        with throwaway_postgres() as new:
            yield new


def run(settings: Settings, url: str, work: Path) -> dict[str, Any]:
    source = settings.index_dir / "articles.sqlite"
    if not source.exists():
        raise SystemExit(f"no index at {settings.index_dir}: run `netral ingest` first")
    result: dict[str, Any] = {}
    with ExitStack() as stack:
        new_db = stack.enter_context(databases(url))
        one = stack.enter_context(_closing(ArticleStore(work / "1x.sqlite")))
        one.copy_from(stack.enter_context(_closing(ArticleStore(source))))
        eight = stack.enter_context(_closing(replicate(one, work / "8x.sqlite", 8)))
        pg_one_url = new_db("bench_1x")
        pg_one = stack.enter_context(_closing(ArticleStore(pg_one_url)))
        pg_one.copy_from(one)
        result["hot_paths"] = {"sqlite": hot_paths(one), "postgresql": hot_paths(pg_one)}
        result["bm25_build_ms"] = {"sqlite 1x": bm25_build_ms(one), "sqlite 8x": bm25_build_ms(eight),
                                   "postgresql 1x": bm25_build_ms(pg_one)}
        if not url:  # an existing server's database is not overwritten with the 8x rows
            pg_eight = stack.enter_context(_closing(ArticleStore(new_db("bench_8x"))))
            pg_eight.copy_from(eight)
            result["bm25_build_ms"]["postgresql 8x"] = bm25_build_ms(pg_eight)
        result["chunks"] = {"1x": len(one.chunk_parts()), "8x": len(eight.chunk_parts())}
        # Both read the index's own vectors; only the article store differs.
        embedded, hits_a = search_latency(settings, work / "1x.sqlite", work / "embedded-host")
        shared, hits_b = search_latency(settings, pg_one_url, work / "postgresql-host")
        result["search"] = {"embedded": embedded, "postgresql": shared, "same_results": hits_a == hits_b}
    return result


@contextmanager
def _closing(store: ArticleStore) -> Iterator[ArticleStore]:
    try:
        yield store
    finally:
        store.close()


def write(r: dict[str, Any]) -> None:
    (RESULTS / "store.json").write_text(json.dumps(r, indent=2) + "\n", encoding="utf-8")
    h, b, s = r["hot_paths"], r["bm25_build_ms"], r["search"]
    lines = ["| measure | SQLite | PostgreSQL |", "|---|---|---|"]
    paths = ((f"all chunk parts ({h['sqlite']['chunks']} chunks), SQLAlchemy Core / plain driver, ms",
              "chunk_parts_ms"), ("one article by id, SQLAlchemy Core / plain driver, µs", "article_lookup_us"))
    for label, key in paths:
        lines.append(f"| {label} | {h['sqlite'][key]['sqlalchemy']} / {h['sqlite'][key]['driver']} | "
                     f"{h['postgresql'][key]['sqlalchemy']} / {h['postgresql'][key]['driver']} |")
    for factor in ("1x", "8x"):
        lines.append(f"| BM25 build from the store, {factor} ({r['chunks'][factor]} chunks), s | "
                     f"{b[f'sqlite {factor}'] / 1000:.2f} | "
                     f"{b[f'postgresql {factor}'] / 1000:.2f} |" if f"postgresql {factor}" in b else
                     f"| BM25 build from the store, {factor}, s | {b[f'sqlite {factor}'] / 1000:.2f} | – |")
    lines.append(f"| search in-process, {s['embedded']['queries']} queries: p50 / p95 ms | "
                 f"{s['embedded']['p50_ms']} / {s['embedded']['p95_ms']} | "
                 f"{s['postgresql']['p50_ms']} / {s['postgresql']['p95_ms']} |")
    lines.append(f"| same top-5 articles for every query | | {'yes' if s['same_results'] else 'no'} |")
    (RESULTS / "store.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--database-url", default="", help="an existing PostgreSQL database (default: a throwaway server)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="netral-store-") as tmp:
        result = run(Settings.from_env(), args.database_url, Path(tmp))
    write(result)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
