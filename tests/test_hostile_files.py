"""Finding 1: one hostile file never stops an ingest. Each file is read in a child process within a page, time and
memory budget; a file that fails is skipped with its reason, the rest is indexed, the failure is remembered so
the file is not read again, and `netral ingest` says with its exit code that something was skipped."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from corpus.registry import Registry
from ingest import pipeline
from ingest.index import Index
from ingest.loaders import LoadError
from ingest.pipeline import Ingestor
from netral.config import Settings
from netral.records import IngestReport
from tests.conftest import HashEmbedder
from tests.hostile import REGULATION_LINES, deep_pdf, inflating_pdf, looping_pdf, many_pages_pdf, text_pdf
from ui.cli import EXIT_SKIPPED, main

REAL_DOCS = {"uu-20-2023", "pp-94-2021", "uu-5-2014", "materi/002_b02840f67c21a277"}


def _ingest(index: Index, settings: Settings, registry: Registry) -> IngestReport:
    index.settings = settings  # the reading budget comes from the index's settings
    return Ingestor(index, HashEmbedder(), registry, settings.chunk_max_chars).run(settings.corpus_dir,
                                                                                 uploads=settings.upload_dir)


def test_hostile_pdfs_are_skipped_with_a_reason_and_the_rest_is_indexed(index: Index, settings: Settings,
                                                                       registry: Registry) -> None:
    hostile = settings.corpus_dir / "pdf"
    hostile.mkdir()
    inflating_pdf(hostile / "bom-70mb.pdf")  # ~200 KB on disk, 70 MB inflated: pypdf's LimitReachedError
    many_pages_pdf(hostile / "dua-puluh-ribu-halaman.pdf")
    looping_pdf(hostile / "pohon-melingkar.pdf")
    deep_pdf(hostile / "pohon-dalam.pdf")
    (hostile / "terpotong.pdf").write_bytes((hostile / "bom-70mb.pdf").read_bytes()[:5000])
    text_pdf(hostile / "uu-99-2030.pdf", [REGULATION_LINES])
    t0 = time.perf_counter()
    report = _ingest(index, settings, registry)
    seconds = time.perf_counter() - t0
    reasons = {e.file: e.reason for e in report.errors}
    assert "batas aman pembaca PDF" in reasons["pdf/bom-70mb.pdf"]
    assert "20.000 halaman" in reasons["pdf/dua-puluh-ribu-halaman.pdf"]
    assert "NETRAL_INGEST_MAX_PAGES" in reasons["pdf/dua-puluh-ribu-halaman.pdf"]
    assert "cyclic" in reasons["pdf/pohon-melingkar.pdf"]
    assert "page tree depth" in reasons["pdf/pohon-dalam.pdf"]
    assert "PDF rusak" in reasons["pdf/terpotong.pdf"]
    indexed = set(index.store.document_hashes())
    assert indexed == REAL_DOCS | {"uu-99-2030"}  # a good PDF next to the hostile ones is indexed too
    assert seconds < 90, f"ingest with hostile files took {seconds:.0f} s"


def test_a_failed_file_is_not_read_again_until_it_changes(index: Index, settings: Settings, registry: Registry,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[str] = []
    real = pipeline.read_isolated

    def counting(path: Path, registry: Registry, budget: pipeline.Budget, on_page: object = None) -> object:
        reads.append(path.name)
        return real(path, registry, budget)

    monkeypatch.setattr(pipeline, "read_isolated", counting)
    bomb = many_pages_pdf(settings.corpus_dir / "bom.pdf", pages=3000)
    first = _ingest(index, settings, registry)
    assert "3.000 halaman" in first.errors[0].reason and reads.count("bom.pdf") == 1
    second = _ingest(index, settings, registry)
    assert reads.count("bom.pdf") == 1  # not read again (nor any unchanged document)
    assert len(reads) == 5
    assert "tidak dibaca ulang" in second.errors[0].reason and "3.000 halaman" in second.errors[0].reason
    bomb.write_bytes(b"%PDF-1.4\nrusak")  # changed: read again, with the new reason
    third = _ingest(index, settings, registry)
    assert reads.count("bom.pdf") == 2
    assert "PDF rusak" in third.errors[0].reason and "tidak dibaca ulang" not in third.errors[0].reason
    bomb.unlink()
    assert _ingest(index, settings, registry).errors == []
    assert set(index.store.document_hashes()) == REAL_DOCS


def test_time_and_memory_budgets_skip_the_file(tmp_path: Path, small_corpus: Path, registry: Registry) -> None:
    many_pages_pdf(small_corpus / "lambat.pdf")  # 20,000 pages: ~20 s to extract without the page budget
    settings = Settings(corpus_dir=small_corpus, data_dir=tmp_path / "data", embedder="fake", collection="budget",
                        ingest_max_pages=50_000, ingest_file_seconds=3)
    index = Index.open(settings)
    try:
        t0 = time.perf_counter()
        report = _ingest(index, settings, registry)
        assert "batas waktu 3 detik" in report.errors[0].reason and report.errors[0].file == "lambat.pdf"
        assert time.perf_counter() - t0 < 30
        (small_corpus / "lambat.pdf").unlink()
        inflating_pdf(small_corpus / "rakus.pdf")
        report = _ingest(index, settings.with_(ingest_memory_mb=150), registry)
        assert "memori lebih dari 150 MB" in report.errors[0].reason and report.errors[0].file == "rakus.pdf"
        assert set(index.store.document_hashes()) == REAL_DOCS
    finally:
        index.close()


@pytest.mark.parametrize("error", [RecursionError("maximum recursion depth exceeded"), MemoryError(),
                                   ValueError("aneh")])
def test_any_error_while_reading_skips_only_that_file(index: Index, settings: Settings, registry: Registry,
                                                      monkeypatch: pytest.MonkeyPatch, error: Exception) -> None:
    real = pipeline.read_isolated

    def flaky(path: Path, registry: Registry, budget: pipeline.Budget, on_page: object = None) -> object:
        if path.name == "uu-5-2014-asn.md":
            raise error
        return real(path, registry, budget)

    monkeypatch.setattr(pipeline, "read_isolated", flaky)
    report = _ingest(index, settings, registry)
    assert [e.file for e in report.errors] == ["peraturan/uu-5-2014-asn.md"]
    assert type(error).__name__ in report.errors[0].reason
    assert set(index.store.document_hashes()) == REAL_DOCS - {"uu-5-2014"}


def test_a_crash_of_the_reading_process_is_a_skipped_file(tmp_path: Path) -> None:
    from ingest.isolation import Budget, read_isolated

    bomb = inflating_pdf(tmp_path / "bom.pdf")
    with pytest.raises(LoadError, match="memori lebih dari 120 MB"):
        read_isolated(bomb, Registry.load(), Budget(memory_mb=120))


def test_netral_ingest_exit_code_says_whether_files_were_skipped(settings: Settings, capsys: pytest.CaptureFixture[str],
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    for key in ("NETRAL_DATA_DIR", "NETRAL_CORPUS_DIR", "NETRAL_EMBEDDER"):
        monkeypatch.delenv(key, raising=False)
    args = ["ingest", "--corpus-dir", str(settings.corpus_dir), "--data-dir", str(settings.data_dir),
            "--embedder", "fake"]
    inflating_pdf(settings.corpus_dir / "bom.pdf", megabytes=80)
    assert main(args) == EXIT_SKIPPED == 3
    out = capsys.readouterr().out
    assert "DILEWATI bom.pdf" in out and "uu-20-2023" in out
    (settings.corpus_dir / "bom.pdf").unlink()
    assert main(args) == 0
    assert "DILEWATI" not in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["ingest", "--help"])
    assert "3  pengindeksan selesai, tetapi ada berkas yang dilewati" in capsys.readouterr().out


def test_failed_upload_is_quarantined_and_later_uploads_are_indexed(ingested: Index, settings: Settings,
                                                                    registry: Registry, corpus_dir: Path,
                                                                    tmp_path: Path) -> None:
    """The admin path of the finding: a hostile upload no longer ends the job with an error, a normal document
    uploaded afterwards is indexed, and the failed upload can be set aside from the admin tab."""
    from assistant.answering import Assistant
    from assistant.retrieval import HybridSearcher
    from ui.reload import AssistantReloader
    from ui.serve import admin_for

    settings = settings.with_(admin_password="x")
    assistant = Assistant(HybridSearcher(ingested, HashEmbedder(), registry, settings), registry, settings)
    admin = admin_for(settings, assistant, AssistantReloader(settings, assistant).reload)
    admin.accept([inflating_pdf(tmp_path / "bom.pdf", megabytes=80), many_pages_pdf(tmp_path / "banyak.pdf")])
    assert admin.start_ingest()
    admin.wait(120)
    assert not admin.state.error, admin.state.summary()
    assert "DILEWATI @unggahan/bom.pdf" in admin.state.summary()
    assert [f.name for f in admin.failed_uploads()] == ["banyak.pdf", "bom.pdf"]
    assert "20.000 halaman" in admin.failed_uploads()[0].reason

    admin.accept([corpus_dir / "peraturan" / "pp-42-2004-jiwa-korps-kode-etik-pns.md"])
    assert admin.start_ingest()
    admin.wait(120)
    assert not admin.state.error and "baru: @unggahan/pp-42-2004" in admin.state.summary()
    assert "tidak dibaca ulang" in admin.state.summary()  # the bomb is not read a second time
    assert "pp-42-2004" in {d["id"] for d in admin.corpus_status()["documents"]}

    moved = admin.quarantine_upload("bom.pdf")
    assert moved == settings.quarantine_dir / "bom.pdf" and moved.exists()
    admin.remove_upload("banyak.pdf")
    assert sorted(p.name for p in settings.upload_dir.iterdir()) == ["pp-42-2004-jiwa-korps-kode-etik-pns.md"]
    assert admin.failed_uploads() == []
    with pytest.raises(ValueError, match="bukan unggahan yang gagal"):
        admin.remove_upload("pp-42-2004-jiwa-korps-kode-etik-pns.md")  # an indexed upload is not "failed"
    with pytest.raises(ValueError, match="bukan unggahan yang gagal"):
        admin.remove_upload("../feedback.sqlite")
    assert admin.start_ingest()
    admin.wait(120)
    assert "DILEWATI" not in admin.state.summary()  # the quarantined file is not read again
    shutil.rmtree(settings.quarantine_dir)
