"""Faults: an ingest process killed with SIGKILL mid-way, then restarted, leaves exactly the index a clean ingest
builds; an oversized text file is refused with a reason."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from corpus.registry import Registry
from ingest.index import Index
from ingest.loaders import LoadError, load
from ingest.pipeline import Ingestor
from netral.config import Settings
from tests.conftest import REPO, HashEmbedder

# Runs in a child process: the fake embedder, slowed down so the kill lands in the middle of the corpus.
SLOW_INGEST = """
import sys, time
sys.path.insert(0, {repo!r})
from pathlib import Path
from corpus.registry import Registry
from ingest.index import Index
from ingest.pipeline import Ingestor
from netral.config import Settings
from tests.conftest import HashEmbedder

class Slow(HashEmbedder):
    def embed_passages(self, texts):
        time.sleep(0.05)
        return super().embed_passages(texts)

settings = Settings(corpus_dir=Path({corpus!r}), data_dir=Path({data!r}), embedder="fake", collection="kill")
index = Index.open(settings)
Ingestor(index, Slow(), Registry.load(), settings.chunk_max_chars).run(settings.corpus_dir,
                                                                        progress=None)
print("finished", flush=True)
"""


def _signature(index: Index) -> tuple[dict[str, int], set[str], int]:
    docs = {d["doc_id"]: d["n_chunks"] for d in index.store.documents()}
    return docs, {v.split("@")[0] for v in index.vectors.all_ids()}, index.vectors.count()


def test_sigkilled_ingest_restarts_to_a_consistent_index(settings: Settings, registry: Registry,
                                                         tmp_path: Path) -> None:
    data = tmp_path / "killed"
    script = SLOW_INGEST.format(repo=str(REPO), corpus=str(settings.corpus_dir), data=str(data))
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    # Kill once the first document is visible and before the last one is (the corpus has four).
    deadline = time.time() + 120
    killed_mid_way = False
    while time.time() < deadline and proc.poll() is None:
        probe = Index.open(Settings(data_dir=data, collection="kill"))
        visible = probe.store.document_count()
        probe.close()
        if 1 <= visible < 4:
            proc.send_signal(signal.SIGKILL)
            killed_mid_way = True
            break
        time.sleep(0.05)
    proc.wait(30)
    assert killed_mid_way and proc.returncode == -signal.SIGKILL, "the ingest ended before it could be killed"

    restarted = Index.open(settings.with_(data_dir=data, collection="kill"))
    Ingestor(restarted, HashEmbedder(), registry, settings.chunk_max_chars).run(settings.corpus_dir)
    clean = Index.open(settings.with_(data_dir=tmp_path / "clean", collection="clean"))
    Ingestor(clean, HashEmbedder(), registry, settings.chunk_max_chars).run(settings.corpus_dir)
    docs, chunk_ids, n_vectors = _signature(restarted)
    clean_docs, clean_ids, clean_n = _signature(clean)
    assert docs == clean_docs  # no missing document, same chunk count per document
    assert chunk_ids == clean_ids and n_vectors == clean_n  # no duplicate and no missing vector
    assert restarted.vectors.all_ids() == restarted.store.vector_ids()
    restarted.close()
    clean.close()


def test_fifty_megabyte_text_file_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "besar.txt"
    with big.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: 50 MB without writing them
    with pytest.raises(LoadError, match="terlalu besar"):
        load(big)
