"""Persistent index: an SQLite article store (source of truth), Chroma vectors and the BM25 file.

Visibility is decided by the SQLite store alone: a document's rows are replaced in one transaction after
its vectors are written. Vectors are keyed `<chunk id>@<content hash>`, so vectors of a half-ingested or
superseded version are never matched to current chunks, and are garbage-collected on the next ingest.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np

from netral.records import Amendment, Article, Chunk, DocumentInfo, ParsedDocument, Provision
from netral.sqlite import open_db

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY, source_file TEXT NOT NULL, content_hash TEXT NOT NULL, info TEXT NOT NULL,
    n_articles INTEGER NOT NULL, n_chunks INTEGER NOT NULL, warnings TEXT NOT NULL, ingested_at REAL NOT NULL,
    ocr TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, ord INTEGER NOT NULL, data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_doc ON articles(doc_id);
CREATE TABLE IF NOT EXISTS chunks (
    id TEXT PRIMARY KEY, article_id TEXT NOT NULL, doc_id TEXT NOT NULL, vector_id TEXT NOT NULL,
    text TEXT NOT NULL, context TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_doc ON chunks(doc_id);
"""


class IndexMismatch(RuntimeError):
    """The index was built with another embedder; its vectors cannot be compared with this one's."""


class ArticleStore:
    def __init__(self, path: Path):
        self.path = path
        self._db = open_db(path, SCHEMA)
        columns = {r[1] for r in self._db.execute("PRAGMA table_info(documents)")}
        if "ocr" not in columns:  # an index built before scanned PDFs were read
            self._db.execute("ALTER TABLE documents ADD COLUMN ocr TEXT NOT NULL DEFAULT ''")

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # --- embedder bookkeeping ---------------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)", (key, value))

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
        rows = self._db.execute("SELECT doc_id, source_file, content_hash FROM documents").fetchall()
        return {r[0]: (r[1], r[2]) for r in rows}

    def document_count(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM documents").fetchone()[0])

    def documents(self) -> list[dict[str, Any]]:
        rows = self._db.execute(
            "SELECT doc_id, source_file, content_hash, info, n_articles, n_chunks, warnings, ingested_at, ocr "
            "FROM documents ORDER BY doc_id"
        ).fetchall()
        return [
            {"doc_id": r[0], "source_file": r[1], "content_hash": r[2], "info": info_from_json(r[3]),
             "n_articles": r[4], "n_chunks": r[5], "warnings": json.loads(r[6]), "ingested_at": r[7],
             "ocr": json.loads(r[8]) if r[8] else None}
            for r in rows
        ]

    def vector_ids(self, doc_id: str | None = None) -> set[str]:
        if doc_id is None:
            rows = self._db.execute("SELECT vector_id FROM chunks").fetchall()
        else:
            rows = self._db.execute("SELECT vector_id FROM chunks WHERE doc_id=?", (doc_id,)).fetchall()
        return {r[0] for r in rows}

    def replace_document(self, parsed: ParsedDocument, chunks: Sequence[Chunk], vector_ids: Sequence[str]) -> None:
        info = parsed.info
        with self.transaction() as db:
            self._delete_rows(db, info.id)
            db.execute(
                "INSERT INTO documents(doc_id, source_file, content_hash, info, n_articles, n_chunks, warnings, "
                "ingested_at, ocr) VALUES(?,?,?,?,?,?,?,?,?)",
                (info.id, parsed.source_file, parsed.content_hash, json.dumps(asdict(info)),
                 sum(1 for a in parsed.articles if a.kind == "pasal"), len(chunks),
                 json.dumps(parsed.warnings, ensure_ascii=False), time.time(),
                 json.dumps(parsed.ocr.to_json()) if parsed.ocr else ""),
            )
            db.executemany(
                "INSERT INTO articles VALUES(?,?,?,?)",
                [(a.id, info.id, k, json.dumps(asdict(a), ensure_ascii=False)) for k, a in enumerate(parsed.articles)],
            )
            db.executemany(
                "INSERT INTO chunks VALUES(?,?,?,?,?,?)",
                [(c.id, c.article_id, c.doc_id, v, c.text, c.context) for c, v in zip(chunks, vector_ids, strict=True)],
            )

    def remove_document(self, doc_id: str) -> None:
        with self.transaction() as db:
            self._delete_rows(db, doc_id)

    @staticmethod
    def _delete_rows(db: sqlite3.Connection, doc_id: str) -> None:
        db.execute("DELETE FROM chunks WHERE doc_id=?", (doc_id,))
        db.execute("DELETE FROM articles WHERE doc_id=?", (doc_id,))
        db.execute("DELETE FROM documents WHERE doc_id=?", (doc_id,))

    # --- reads for search -------------------------------------------------------------------------------

    def chunk_parts(self) -> list[tuple[str, str, str]]:
        """(chunk id, context, text) of every visible chunk, in a stable order."""
        rows = self._db.execute("SELECT id, context, text FROM chunks ORDER BY id").fetchall()
        return [(r[0], r[1], r[2]) for r in rows]

    def chunk_rows(self, ids: Sequence[str]) -> dict[str, tuple[str, str, str, str]]:
        """chunk id -> (article id, doc id, text, context)."""
        out: dict[str, tuple[str, str, str, str]] = {}
        for start in range(0, len(ids), 500):
            part = list(ids[start:start + 500])
            q = f"SELECT id, article_id, doc_id, text, context FROM chunks WHERE id IN ({','.join('?' * len(part))})"
            for r in self._db.execute(q, part).fetchall():
                out[r[0]] = (r[1], r[2], r[3], r[4])
        return out

    def vector_to_chunk(self, vector_ids: Sequence[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for start in range(0, len(vector_ids), 500):
            part = list(vector_ids[start:start + 500])
            q = f"SELECT vector_id, id FROM chunks WHERE vector_id IN ({','.join('?' * len(part))})"
            out.update({r[0]: r[1] for r in self._db.execute(q, part).fetchall()})
        return out

    def article(self, article_id: str) -> Article | None:
        row = self._db.execute("SELECT data FROM articles WHERE id=?", (article_id,)).fetchone()
        return article_from_json(row[0]) if row else None

    def articles(self, doc_id: str) -> list[Article]:
        rows = self._db.execute("SELECT data FROM articles WHERE doc_id=? ORDER BY ord", (doc_id,)).fetchall()
        return [article_from_json(r[0]) for r in rows]

    def article_texts(self) -> dict[str, str]:
        """article id -> exact article text, for checking that quotes are the corpus' words."""
        rows = self._db.execute("SELECT id, data FROM articles").fetchall()
        return {r[0]: json.loads(r[1])["text"] for r in rows}

    def amendments(self) -> list[Amendment]:
        """Every article of an amending act in the index, with the act's year and status."""
        rows = self._db.execute(
            "SELECT a.id, a.data, d.info FROM articles a JOIN documents d ON a.doc_id = d.doc_id "
            "WHERE a.data LIKE '%\"amends\": \"%'"
        ).fetchall()
        out = []
        for art_id, data, info_raw in rows:
            target = json.loads(data).get("amends")
            info = json.loads(info_raw)
            if target:
                out.append(Amendment(art_id, target, int(info.get("tahun", 0)), info.get("status", "berlaku")))
        return out

    def citable_ids(self) -> set[str]:
        """Article ids and provision ids (`<article>/ayat-1/huruf-d`)."""
        out: set[str] = set()
        for (raw,) in self._db.execute("SELECT data FROM articles").fetchall():
            art = article_from_json(raw)
            out.add(art.id)
            out.update(f"{art.id}/{p.path}" for p in art.all_provisions())
        return out

    def article_ids(self) -> set[str]:
        return {r[0] for r in self._db.execute("SELECT id FROM articles").fetchall()}

    def info(self, doc_id: str) -> DocumentInfo | None:
        row = self._db.execute("SELECT info FROM documents WHERE doc_id=?", (doc_id,)).fetchone()
        return info_from_json(row[0]) if row else None

    def fingerprint(self) -> str:
        rows = self._db.execute("SELECT doc_id, content_hash FROM documents ORDER BY doc_id").fetchall()
        return "|".join(f"{a}:{b[:12]}" for a, b in rows)


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

    def __init__(self, path: Path, collection: str, url: str = ""):
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
        self._col = self._client.get_or_create_collection(
            name=collection, metadata={"hnsw:space": "cosine"}, embedding_function=None
        )

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
        if k <= 0 or self.count() == 0:
            return []
        res = self._col.query(query_embeddings=[vector.tolist()], n_results=min(k, self.count()), include=["distances"])
        distances = res["distances"] or [[]]
        return list(zip(res["ids"][0], [1.0 - float(d) for d in distances[0]], strict=True))
