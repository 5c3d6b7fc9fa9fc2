"""The opened index, as search reads it: the article store, the vectors and the BM25 index built from the store.

Search imports this module, never the ingest pipeline that writes the index. The BM25 file in the index folder
is only a cache keyed by the store's fingerprint: a host whose data folder is empty (the store in the shared
database, the vectors on a Chroma server) builds it from the store when it opens the index.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ingest.lexical import BM25Index, lexical_units
from ingest.store import ArticleStore, VectorStore
from netral.config import Settings

BM25_FILE = "bm25.json"
# Bump when tokenisation or the passage scheme changes, so persisted BM25 files are rebuilt.
LEXICAL_VERSION = "units-4"


@dataclass
class Index:
    """The opened index: what search needs."""

    store: ArticleStore
    vectors: VectorStore
    settings: Settings

    @classmethod
    def open(cls, settings: Settings) -> Index:
        settings.index_dir.mkdir(parents=True, exist_ok=True)
        store = ArticleStore(settings.article_db)
        vectors = VectorStore(settings.index_dir / "chroma", settings.collection, settings.chroma_url,
                              settings.dense_search_ef)
        return cls(store, vectors, settings)

    @property
    def bm25_path(self) -> Path:
        return self.settings.index_dir / BM25_FILE

    def lexical(self) -> BM25Index:
        """The cached BM25 index, rebuilt from the article store if it does not match the store now."""
        fp = f"{LEXICAL_VERSION}|{self.store.fingerprint()}"
        if self.bm25_path.exists():
            idx = BM25Index.load(self.bm25_path)
            if idx.fingerprint == fp:
                return idx
        units = (u for cid, ctx, text in self.store.chunk_parts() for u in lexical_units(cid, ctx, text))
        idx = BM25Index.build(units, fingerprint=fp)
        idx.save(self.bm25_path)
        return idx

    def close(self) -> None:
        self.store.close()


