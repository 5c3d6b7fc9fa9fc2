"""Persistent index: the article store (source of truth), Chroma vectors and the BM25 file built from the store.

The article store is a SQLite file under the index folder, or the shared PostgreSQL database when
NETRAL_DATABASE_URL is set (netral/database.py); the same SQLAlchemy Core statements serve both.
Visibility is decided by the article store alone: a document's rows are replaced in one transaction after
its vectors are written. Vectors are keyed `<chunk id>@<content hash>`, so vectors of a half-ingested or
superseded version are never matched to current chunks, and are garbage-collected on the next ingest.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import Column, Float, Index, Integer, MetaData, Table, Text, bindparam, func, select, text
from sqlalchemy.engine import Connection

from netral.database import Location, Tables, add_missing_columns
from netral.records import Amendment, Article, Chunk, DocumentInfo, ParsedDocument, Provision

log = logging.getLogger(__name__)
TIE_MARGIN = 10

METADATA = MetaData()
META = Table("meta", METADATA, Column("key", Text, primary_key=True), Column("value", Text, nullable=False))
DOCUMENTS = Table(
    "documents", METADATA,
    Column("doc_id", Text, primary_key=True), Column("source_file", Text, nullable=False),
    Column("content_hash", Text, nullable=False), Column("info", Text, nullable=False),
    Column("n_articles", Integer, nullable=False), Column("n_chunks", Integer, nullable=False),
    Column("warnings", Text, nullable=False), Column("ingested_at", Float, nullable=False),
    Column("ocr", Text, nullable=False, server_default=""),
)
ARTICLES = Table(
    "articles", METADATA,
    Column("id", Text, primary_key=True), Column("doc_id", Text, nullable=False),
    Column("ord", Integer, nullable=False), Column("data", Text, nullable=False),
    Index("articles_doc", "doc_id"),
)
CHUNKS = Table(
    "chunks", METADATA,
    Column("id", Text, primary_key=True), Column("article_id", Text, nullable=False),
    Column("doc_id", Text, nullable=False), Column("vector_id", Text, nullable=False),
    Column("text", Text, nullable=False), Column("context", Text, nullable=False),
    Index("chunks_doc", "doc_id"),
)
# The same statement upserts in SQLite (3.24+) and PostgreSQL.
_SET_META = text("INSERT INTO meta(key, value) VALUES(:key, :value) "
                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value")
# Ordering is done in Python wherever it decides something (BM25 ids, the fingerprint): PostgreSQL sorts text by
# its locale, SQLite by bytes, and every host must see the same order.
_CHUNK_PARTS = select(CHUNKS.c.id, CHUNKS.c.context, CHUNKS.c.text)
_ARTICLE = select(ARTICLES.c.data).where(ARTICLES.c.id == bindparam("id"))
_BATCH = 500


class IndexMismatch(RuntimeError):
    """The index was built with another embedder; its vectors cannot be compared with this one's."""


class ArticleStore:
    def __init__(self, location: Location):
        self.path = location
        self._t = Tables(location, METADATA)
        add_missing_columns(self._t.engine, DOCUMENTS, ("ocr",))  # an index built before scanned PDFs were read

    def close(self) -> None:
        self._t.close()

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        with self._t.write() as c:
            yield c

    # --- embedder bookkeeping ---------------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        with self._t.read() as c:
            value = c.execute(select(META.c.value).where(META.c.key == key)).scalar()
        return None if value is None else str(value)

    def set_meta(self, key: str, value: str) -> None:
        with self._t.write() as c:
            c.execute(_SET_META, {"key": key, "value": value})

    def check_embedder(self, name: str) -> None:
        built_with = self.get_meta("embedder")
        if built_with is not None and built_with != name and self.document_count() > 0:
            raise IndexMismatch(
                f"Indeks dibangun dengan embedder '{built_with}', sedangkan konfigurasi sekarang '{name}'. "
                f"Jalankan `netral ingest --rebuild` atau atur NETRAL_EMBEDDER={built_with}."
            )

    # --- documents --------------------------------------------------------------------------------------

    def document_hashes(self) -> dict[str, tuple[str, str]]:
        """doc_id -> (source file, content hash) of what is visible now."""
        d = DOCUMENTS.c
        with self._t.read() as c:
            rows = c.execute(select(d.doc_id, d.source_file, d.content_hash)).all()
        return {r[0]: (r[1], r[2]) for r in sorted(tuple(r) for r in rows)}

    def document_count(self) -> int:
        with self._t.read() as c:
            return int(c.execute(select(func.count()).select_from(DOCUMENTS)).scalar_one())

    def documents(self) -> list[dict[str, Any]]:
        d = DOCUMENTS.c
        with self._t.read() as c:
            rows = c.execute(select(d.doc_id, d.source_file, d.content_hash, d.info, d.n_articles, d.n_chunks,
                                    d.warnings, d.ingested_at, d.ocr)).all()
        return [
            {"doc_id": r[0], "source_file": r[1], "content_hash": r[2], "info": info_from_json(r[3]),
             "n_articles": r[4], "n_chunks": r[5], "warnings": json.loads(r[6]), "ingested_at": r[7],
             "ocr": json.loads(r[8]) if r[8] else None}
            for r in sorted(rows, key=lambda r: str(r[0]))
        ]

    def vector_ids(self, doc_id: str | None = None) -> set[str]:
        q = select(CHUNKS.c.vector_id)
        if doc_id is not None:
            q = q.where(CHUNKS.c.doc_id == doc_id)
        with self._t.read() as c:
            return {r[0] for r in c.execute(q)}

    def replace_document(self, parsed: ParsedDocument, chunks: Sequence[Chunk], vector_ids: Sequence[str]) -> None:
        info = parsed.info
        with self.transaction() as db:
            self._delete_rows(db, info.id)
            db.execute(DOCUMENTS.insert(), {
                "doc_id": info.id, "source_file": parsed.source_file, "content_hash": parsed.content_hash,
                "info": json.dumps(asdict(info)), "n_articles": sum(1 for a in parsed.articles if a.kind == "pasal"),
                "n_chunks": len(chunks), "warnings": json.dumps(parsed.warnings, ensure_ascii=False),
                "ingested_at": time.time(), "ocr": json.dumps(parsed.ocr.to_json()) if parsed.ocr else "",
            })
            if parsed.articles:
                db.execute(ARTICLES.insert(), [
                    {"id": a.id, "doc_id": info.id, "ord": k, "data": json.dumps(asdict(a), ensure_ascii=False)}
                    for k, a in enumerate(parsed.articles)
                ])
            if chunks:
                db.execute(CHUNKS.insert(), [
                    {"id": ch.id, "article_id": ch.article_id, "doc_id": ch.doc_id, "vector_id": v, "text": ch.text,
                     "context": ch.context}
                    for ch, v in zip(chunks, vector_ids, strict=True)
                ])

    def remove_document(self, doc_id: str) -> None:
        with self.transaction() as db:
            self._delete_rows(db, doc_id)

    @staticmethod
    def _delete_rows(db: Connection, doc_id: str) -> None:
        db.execute(CHUNKS.delete().where(CHUNKS.c.doc_id == doc_id))
        db.execute(ARTICLES.delete().where(ARTICLES.c.doc_id == doc_id))
        db.execute(DOCUMENTS.delete().where(DOCUMENTS.c.doc_id == doc_id))

    # --- reads for search -------------------------------------------------------------------------------

    def chunk_parts(self) -> list[tuple[str, str, str]]:
        """(chunk id, context, text) of every visible chunk, in a stable order (by id, as bytes)."""
        with self._t.read() as c:
            rows = c.execute(_CHUNK_PARTS).all()
        return sorted((r[0], r[1], r[2]) for r in rows)

    def chunk_rows(self, ids: Sequence[str]) -> dict[str, tuple[str, str, str, str]]:
        """chunk id -> (article id, doc id, text, context)."""
        ch = CHUNKS.c
        q = select(ch.id, ch.article_id, ch.doc_id, ch.text, ch.context).where(
            ch.id.in_(bindparam("ids", expanding=True)))
        out: dict[str, tuple[str, str, str, str]] = {}
        with self._t.read() as c:
            for start in range(0, len(ids), _BATCH):
                for r in c.execute(q, {"ids": list(ids[start:start + _BATCH])}):
                    out[r[0]] = (r[1], r[2], r[3], r[4])
        return out

    def vector_to_chunk(self, vector_ids: Sequence[str]) -> dict[str, str]:
        q = select(CHUNKS.c.vector_id, CHUNKS.c.id).where(CHUNKS.c.vector_id.in_(bindparam("ids", expanding=True)))
        out: dict[str, str] = {}
        with self._t.read() as c:
            for start in range(0, len(vector_ids), _BATCH):
                out.update({r[0]: r[1] for r in c.execute(q, {"ids": list(vector_ids[start:start + _BATCH])})})
        return out

    def article(self, article_id: str) -> Article | None:
        with self._t.read() as c:
            raw = c.execute(_ARTICLE, {"id": article_id}).scalar()
        return article_from_json(raw) if raw is not None else None

    def articles(self, doc_id: str) -> list[Article]:
        q = select(ARTICLES.c.data).where(ARTICLES.c.doc_id == doc_id).order_by(ARTICLES.c.ord)
        with self._t.read() as c:
            return [article_from_json(r[0]) for r in c.execute(q)]

    def article_texts(self) -> dict[str, str]:
        """article id -> exact article text, for checking that quotes are the corpus' words."""
        with self._t.read() as c:
            rows = c.execute(select(ARTICLES.c.id, ARTICLES.c.data)).all()
        return {r[0]: json.loads(r[1])["text"] for r in rows}

    def amendments(self) -> list[Amendment]:
        """Every article of an amending act in the index, with the act's year and status."""
        a, d = ARTICLES.c, DOCUMENTS.c
        q = select(a.id, a.data, d.info).join_from(ARTICLES, DOCUMENTS, a.doc_id == d.doc_id).where(
            a.data.like('%"amends": "%'))
        with self._t.read() as c:
            rows = c.execute(q).all()
        out = []
        for art_id, data, info_raw in sorted(tuple(r) for r in rows):
            target = json.loads(data).get("amends")
            info = json.loads(info_raw)
            if target:
                out.append(Amendment(art_id, target, int(info.get("tahun", 0)), info.get("status", "berlaku")))
        return out

    def citable_ids(self) -> set[str]:
        """Article ids and provision ids (`<article>/ayat-1/huruf-d`)."""
        out: set[str] = set()
        with self._t.read() as c:
            raws = c.execute(select(ARTICLES.c.data)).scalars().all()
        for raw in raws:
            art = article_from_json(raw)
            out.add(art.id)
            out.update(f"{art.id}/{p.path}" for p in art.all_provisions())
        return out

    def article_ids(self) -> set[str]:
        with self._t.read() as c:
            return set(c.execute(select(ARTICLES.c.id)).scalars())

    def info(self, doc_id: str) -> DocumentInfo | None:
        with self._t.read() as c:
            raw = c.execute(select(DOCUMENTS.c.info).where(DOCUMENTS.c.doc_id == doc_id)).scalar()
        return info_from_json(raw) if raw is not None else None

    def copy_from(self, other: ArticleStore, batch: int = 2000) -> None:
        """Replace every row of this store with `other`'s, in one transaction (an index built in a SQLite file
        moved into the shared database without embedding it again; the vectors are copied apart)."""
        with other._t.read() as src, self.transaction() as dst:
            for table in METADATA.sorted_tables:
                dst.execute(table.delete())
            for table in METADATA.sorted_tables:
                rows = src.execute(select(table)).mappings()
                while chunk := [dict(r) for r in rows.fetchmany(batch)]:
                    dst.execute(table.insert(), chunk)

    def fingerprint(self) -> str:
        """The visible documents and their content hashes: equal on every host reading the same store, and
        changed by every ingest that changed something."""
        return "|".join(f"{a}:{b[:12]}" for a, (_src, b) in self.document_hashes().items())


def info_from_json(raw: str) -> DocumentInfo:
    data = json.loads(raw)
    for key in ("mencabut", "dicabut_oleh", "mengubah", "diubah_oleh", "aliases"):
        data[key] = tuple(data.get(key, ()))
    return DocumentInfo(**data)


def _provision(d: dict[str, Any]) -> Provision:
    return Provision(d["kind"], d["label"], d["path"], d["text"], [_provision(c) for c in d.get("children", [])])


def article_from_json(raw: str) -> Article:
    data = json.loads(raw)
    data["provisions"] = [_provision(p) for p in data.get("provisions", [])]
    return Article(**data)


class VectorStore:
    """Chroma, embedded (PersistentClient) by default or a server when a URL is configured."""

    def __init__(self, path: Path, collection: str, url: str = "", search_ef: int = 400):
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        chroma_settings = ChromaSettings(anonymized_telemetry=False)
        if url:
            from urllib.parse import urlparse

            u = urlparse(url)
            self._client = chromadb.HttpClient(
                host=u.hostname or "127.0.0.1", port=u.port or 8000, ssl=u.scheme == "https",
                settings=chroma_settings,
            )
        else:
            path.mkdir(parents=True, exist_ok=True)
            self._client = chromadb.PersistentClient(path=str(path), settings=chroma_settings)
        # No embedding function: Chroma's default downloads a model; we always pass our own vectors.
        # A wide HNSW search (ef far above the candidates asked for) makes the few thousand chunks' search exact:
        # with Chroma's default (100) the neighbours found depend on how the graph was built, which depends on
        # the builder's thread count, so the same corpus gave other answers on another machine.
        self._col = self._client.get_or_create_collection(
            name=collection, metadata={"hnsw:space": "cosine", "hnsw:search_ef": search_ef}, embedding_function=None
        )
        hnsw = (self._col.configuration_json or {}).get("hnsw") or {}
        if hnsw.get("ef_search", search_ef) != search_ef:
            # An index built before: Chroma applies the new width when the collection is next loaded.
            log.info("Chroma collection %s: ef_search %s -> %s from the next start", collection,
                     hnsw.get("ef_search"), search_ef)
            self._col.modify(configuration={"hnsw": {"ef_search": search_ef}})

    def add(self, ids: Sequence[str], vectors: np.ndarray, metadatas: Sequence[dict[str, Any]]) -> None:
        for start in range(0, len(ids), 256):
            self._col.upsert(
                ids=list(ids[start:start + 256]),
                embeddings=vectors[start:start + 256].tolist(),
                metadatas=list(metadatas[start:start + 256]),
            )

    def delete(self, ids: Sequence[str]) -> None:
        for start in range(0, len(ids), 500):
            self._col.delete(ids=list(ids[start:start + 500]))

    def all_ids(self) -> set[str]:
        out: set[str] = set()
        offset = 0
        while True:
            got = self._col.get(include=[], limit=1000, offset=offset)
            out.update(got["ids"])
            if len(got["ids"]) < 1000:
                return out
            offset += 1000

    def batches(self, size: int = 500) -> Iterator[tuple[list[str], np.ndarray, list[dict[str, Any]]]]:
        """Every stored vector with its id and metadata, `size` at a time (to copy an index elsewhere)."""
        offset = 0
        while True:
            got = self._col.get(include=["embeddings", "metadatas"], limit=size, offset=offset)
            if not got["ids"]:
                return
            yield list(got["ids"]), np.asarray(got["embeddings"], dtype=np.float32), \
                [dict(m or {}) for m in (got["metadatas"] or [])]
            offset += size

    def count(self) -> int:
        return int(self._col.count())

    def query(self, vector: np.ndarray, k: int) -> list[tuple[str, float]]:
        size = self.count() if k > 0 else 0  # one call: on a Chroma server each is a round trip
        if size == 0:
            return []
        # Equal scores (a text repeated by an amending law, or float noise of the last digit) come back in an order
        # set by how the graph was built; ordered by score rounded and then id, and drawn from a few more than
        # asked, the same corpus ranks the same everywhere.
        res = self._col.query(query_embeddings=[vector.tolist()], n_results=min(k + TIE_MARGIN, size),
                              include=["distances"])
        distances = res["distances"] or [[]]
        found = zip(res["ids"][0], [1.0 - float(d) for d in distances[0]], strict=True)
        return sorted(found, key=lambda hit: (-round(hit[1], 5), hit[0]))[:k]
