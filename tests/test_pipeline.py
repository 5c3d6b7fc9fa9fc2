"""Ingest: incremental by content hash, atomic per document, bad files skipped, embedder recorded."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from corpus.registry import Registry
from ingest.index import Index
from ingest.pipeline import Ingestor, NoDocuments
from ingest.store import IndexMismatch
from netral.config import Settings
from tests.conftest import HashEmbedder


def _run(index: Index, settings: Settings, registry: Registry, embedder=None):
    return Ingestor(index, embedder or HashEmbedder(), registry, settings.chunk_max_chars).run(settings.corpus_dir)


def test_first_ingest_then_nothing_changed(ingested: Index, settings: Settings, registry: Registry) -> None:
    docs = {d["doc_id"]: d for d in ingested.store.documents()}
    assert set(docs) == {"uu-20-2023", "pp-94-2021", "uu-5-2014", "materi/002_b02840f67c21a277"}
    assert docs["uu-20-2023"]["n_articles"] == 77
    n_vectors = ingested.vectors.count()
    assert n_vectors == sum(d["n_chunks"] for d in docs.values())
    report = _run(ingested, settings, registry)
    assert {r.label for r in report.rows} == {"tidak berubah"}
    assert ingested.vectors.count() == n_vectors


def test_changed_document_replaces_its_chunks(ingested: Index, settings: Settings, registry: Registry) -> None:
    path = settings.corpus_dir / "peraturan" / "pp-94-2021-disiplin-pns.md"
    path.write_text(path.read_text(encoding="utf-8").replace("PNS dilarang:", "PNS dilarang keras:"), encoding="utf-8")
    report = _run(ingested, settings, registry)
    status = {r.doc_id: r.label for r in report.rows}
    assert status["pp-94-2021"] == "diperbarui" and status["uu-20-2023"] == "tidak berubah"
    assert "dilarang keras" in ingested.store.article("pp-94-2021/pasal-5").text
    assert ingested.vectors.all_ids() == ingested.store.vector_ids()  # no stale vectors left


def test_removed_document_disappears(ingested: Index, settings: Settings, registry: Registry) -> None:
    (settings.corpus_dir / "peraturan" / "uu-5-2014-asn.md").unlink()
    _run(ingested, settings, registry)
    assert "uu-5-2014" not in ingested.store.document_hashes()
    assert ingested.vectors.all_ids() == ingested.store.vector_ids()


class _Crash(HashEmbedder):
    def __init__(self, after: int):
        super().__init__()
        self.calls = 0
        self.after = after

    def embed_passages(self, texts):
        self.calls += 1
        if self.calls > self.after:
            raise KeyboardInterrupt("simulated kill")
        return super().embed_passages(texts)


def test_interrupted_ingest_leaves_no_half_document(index: Index, settings: Settings, registry: Registry) -> None:
    with pytest.raises(KeyboardInterrupt):
        _run(index, settings, registry, _Crash(after=3))
    # whatever is visible is complete: every visible chunk has its vector, no document is half there
    for d in index.store.documents():
        assert d["n_chunks"] == len(index.store.vector_ids(d["doc_id"]))
    _run(index, settings, registry)  # restart finishes and cleans the orphans
    assert index.vectors.all_ids() == index.store.vector_ids()
    clean = Index.open(settings.with_(data_dir=settings.data_dir.parent / "clean", collection="clean"))
    _run(clean, settings, registry)
    assert sorted(clean.store.vector_ids()) == sorted(index.store.vector_ids())
    clean.close()


def test_bad_files_are_reported_and_rest_ingested(index: Index, settings: Settings, registry: Registry) -> None:
    (settings.corpus_dir / "pdf").mkdir()
    (settings.corpus_dir / "pdf" / "rusak.pdf").write_bytes(b"%PDF-1.4 broken")
    (settings.corpus_dir / "kosong.md").write_bytes(b"")
    (settings.corpus_dir / "catatan.xlsx").write_bytes(b"PK")
    (settings.corpus_dir / "tanpa-pasal.md").write_text("UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 99 TAHUN 2030\n"
                                                        "Hanya teks tanpa pasal.", encoding="utf-8")
    shutil.copy(settings.corpus_dir / "peraturan" / "pp-94-2021-disiplin-pns.md", settings.corpus_dir / "salinan.md")
    report = _run(index, settings, registry)
    reasons = {e.file: e.reason for e in report.errors}
    assert "PDF rusak" in reasons["pdf/rusak.pdf"]
    assert "kosong" in reasons["kosong.md"]
    assert "tidak didukung" in reasons["catatan.xlsx"]
    assert "Pasal" in reasons["tanpa-pasal.md"]
    assert "duplikat" in reasons["salinan.md"] or "duplikat" in reasons.get("peraturan/pp-94-2021-disiplin-pns.md", "")
    assert len(index.store.document_hashes()) == 4


def test_empty_corpus_says_where_to_put_documents(index: Index, tmp_path: Path, registry: Registry) -> None:
    empty = tmp_path / "kosong"
    empty.mkdir()
    with pytest.raises(NoDocuments, match="NETRAL_CORPUS_DIR"):
        Ingestor(index, HashEmbedder(), registry).run(empty)


def test_mismatched_embedder_is_refused(ingested: Index, settings: Settings, registry: Registry) -> None:
    with pytest.raises(IndexMismatch, match="--rebuild"):
        _run(ingested, settings, registry, HashEmbedder(name="other"))


def test_vectors_are_normalised_and_searchable(ingested: Index) -> None:
    q = HashEmbedder().embed_query("netralitas")
    assert abs(float(np.linalg.norm(q)) - 1.0) < 1e-5
    assert ingested.vectors.query(q, 3)
