"""Scanned PDFs read by OCR (Tesseract + its Indonesian model), end to end, on scans the tests make themselves.

The synthetic regulation in tests/fixtures/scan/ is drawn as page images at 200 dpi, turned 0.6° and
speckled (tests/scans.py), and saved as an image-only PDF: no text layer, like a JDIH scan. It must come out
with every Pasal, ayat and huruf, its Penjelasan attached, searchable and cited with the right label. Needs
Debian's tesseract-ocr and tesseract-ocr-ind, which `make test` installs (`make ocr`).
"""

from __future__ import annotations

import os
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from assistant.retrieval import HybridSearcher
from corpus.registry import Registry
from ingest import ocr
from ingest.index import Index
from ingest.isolation import Budget, parse_source, read_isolated
from ingest.kinds import article_label
from ingest.loaders import LoadError, load
from ingest.ocr import OcrOptions, tidy_line
from ingest.pipeline import Ingestor, ProgressHook
from ingest.status import corpus_status, format_corpus_status
from netral.config import Settings
from netral.records import DocumentInfo, ParsedDocument
from tests.conftest import HashEmbedder
from tests.hostile import text_pdf
from tests.scans import scanned_pdf

pytestmark = pytest.mark.slow  # Tesseract reads about a page every 3 s on 2 cores

FIXTURE = Path(__file__).parent / "fixtures" / "scan" / "perda-contoh-7-2024.md"
INFO = DocumentInfo(id="perda-contoh-7-2024", jenis="PERDA", nomor="7", tahun=2024,
                    tentang="Netralitas Pegawai dalam Pemilihan", status="berlaku", file="perda-scan.pdf")


def _registry() -> Registry:
    base = Registry.load()
    return Registry(base.documents + (INFO,), base.material_titles)


@cache
def _scan_dir() -> Path:
    import tempfile

    return Path(tempfile.mkdtemp(prefix="netral-scan-"))


@cache
def scan() -> Path:
    return scanned_pdf(FIXTURE.read_text(encoding="utf-8"), _scan_dir() / "perda-scan.pdf")


@cache
def parsed() -> ParsedDocument:
    src = load(scan(), ocr=OcrOptions(_scan_dir() / "cache"))
    return parse_source(src, _registry())


def _article(number: str):  # type: ignore[no-untyped-def]
    return next(a for a in parsed().articles if a.id == f"perda-contoh-7-2024/pasal-{number}")


def test_the_scan_has_no_text_layer() -> None:
    assert all(not (p.extract_text() or "").strip() for p in PdfReader(str(scan())).pages)


def test_without_ocr_a_scan_is_skipped_with_its_reason() -> None:
    with pytest.raises(LoadError, match="lapisan teks.*NETRAL_OCR=1"):
        load(scan())


def test_every_pasal_ayat_and_huruf_recovered() -> None:
    doc = parsed()
    assert [a.number for a in doc.articles if a.kind == "pasal"] == ["1", "2", "3", "4", "5"]
    assert doc.warnings == []
    pasal_2 = [p.label for p in _article("2").all_provisions()]
    assert pasal_2 == ["ayat (1)", "ayat (2)", "huruf a", "huruf b", "huruf c"]
    assert [p.label for p in _article("3").all_provisions()] == ["ayat (1)", "ayat (2)"]
    assert [p.label for p in _article("1").all_provisions()] == ["huruf a", "huruf b"]
    assert "kendaraan dinas" in _article("2").text
    assert _article("4").text.startswith("Pegawai yang melanggar")
    assert "masa kampanye adalah masa yang ditetapkan" in _article("2").penjelasan
    assert _article("2").heading_path == ["BAB II KEWAJIBAN DAN LARANGAN"]


def test_cited_with_the_right_label() -> None:
    art = _article("2")
    huruf_c = next(p for p in art.all_provisions() if p.label == "huruf c")
    assert article_label(art, INFO, huruf_c.path) == "Pasal 2 ayat (2) huruf c PERDA 7/2024"


def test_document_records_that_it_was_read_by_ocr() -> None:
    summary = parsed().ocr
    assert summary is not None and summary.pages == (1, 2)
    assert 70 <= summary.mean_confidence <= 100
    assert summary.low_confidence_pages == ()


def test_pages_are_read_once_then_come_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    options = OcrOptions(tmp_path / "cache")
    seen: list[tuple[int, int]] = []
    first = load(scan(), ocr=options, on_page=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 2), (2, 2)] and len(list((tmp_path / "cache").glob("*.json"))) == 2

    def no_tesseract(*_args: object, **_kw: object) -> None:
        raise AssertionError("a cached page was read again")

    monkeypatch.setattr(ocr, "read_image", no_tesseract)
    assert load(scan(), ocr=options).text == first.text


def test_pdf_with_typed_and_scanned_pages(tmp_path: Path) -> None:
    typed = text_pdf(tmp_path / "typed.pdf", [["Halaman ketik pertama dengan lapisan teks yang utuh.",
                                               "Ditetapkan sebagai lampiran surat pengantar."]])
    writer = PdfWriter()
    for part in (typed, scan()):
        for page in PdfReader(str(part)).pages:
            writer.add_page(page)
    mixed = tmp_path / "campuran.pdf"
    with mixed.open("wb") as fh:
        writer.write(fh)
    src = load(mixed, ocr=OcrOptions(tmp_path / "cache"))
    assert src.ocr is not None and src.ocr.pages == (2, 3)  # only the scanned pages were read
    first, second = src.text.split("\f")[:2]
    assert "Halaman ketik pertama" in first and "NOMOR 7 TAHUN 2024" in second


def test_isolated_reader_reports_pages_and_counts_time_from_progress() -> None:
    pages: list[tuple[int, int]] = []
    # Each page takes ~3 s: a budget of 8 s without progress would stop a 2-page file counted from its start
    # only if the pages were slower than that; the count restarts at every page.
    doc = read_isolated(scan(), _registry(), Budget(seconds=8, ocr=OcrOptions(None)),
                        on_page=lambda done, total: pages.append((done, total)))
    assert pages == [(1, 2), (2, 2)] and len([a for a in doc.articles if a.kind == "pasal"]) == 5


def test_missing_language_model_is_a_clear_reason() -> None:
    with pytest.raises(LoadError, match="model bahasa OCR 'xyz' belum terpasang"):
        load(scan(), ocr=OcrOptions(None, lang="xyz"))


def test_tidy_line_removes_speck_debris_only() -> None:
    assert tidy_line("'a. menghadiri kampanye") == "a. menghadiri kampanye"
    assert tidy_line("Cc. menggunakan kendaraan") == "c. menggunakan kendaraan"
    assert tidy_line("Pasal 2 .") == "Pasal 2" and tidy_line("Pasal 4:") == "Pasal 4"
    assert tidy_line("sedang. | |") == "sedang." and tidy_line(" | ") == ""
    assert tidy_line("NOMOR 7 TAHUN 2024 |") == "NOMOR 7 TAHUN 2024"
    assert tidy_line("Menetapkan : PERATURAN DAERAH") == "Menetapkan : PERATURAN DAERAH"
    assert tidy_line("(2) Pegawai dilarang:") == "(2) Pegawai dilarang:"


class _Pages(ProgressHook):
    def __init__(self) -> None:
        self.pages: list[tuple[str, int, int]] = []

    def pages_read(self, name: str, done: int, total: int) -> None:
        self.pages.append((name, done, total))


def test_ingest_makes_the_scan_searchable_and_reports_it(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    scanned_pdf(FIXTURE.read_text(encoding="utf-8"), corpus / "perda-scan.pdf")
    settings = Settings(corpus_dir=corpus, data_dir=tmp_path / "data", embedder="fake",
                        collection=f"t{os.getpid()}ocr")
    index = Index.open(settings)
    try:
        hook = _Pages()
        report = Ingestor(index, HashEmbedder(), _registry()).run(corpus, progress=hook)
        assert report.errors == [] and hook.pages == [("perda-scan.pdf", 1, 2), ("perda-scan.pdf", 2, 2)]
        assert any(w.startswith("OCR: 2 halaman") for w in report.rows[0].warnings)
        status = corpus_status(index.store, _registry())
        doc = next(d for d in status["documents"] if d["id"] == INFO.id)
        assert doc["ocr"]["pages"] == [1, 2] and doc["pasal"] == 5
        assert "OCR: 2 halaman pindaian" in format_corpus_status(status, corpus)
        hits = HybridSearcher(index, HashEmbedder(), _registry(), settings).search("kendaraan dinas kampanye").hits
        assert hits and hits[0].id.startswith("perda-contoh-7-2024/pasal-2")
        # A rebuild reads the scan again from the OCR cache: no page is read by Tesseract a second time.
        cached = sorted(p.stat().st_mtime_ns for p in settings.ocr_cache_dir.glob("*.json"))
        hook = _Pages()
        Ingestor(index, HashEmbedder(), _registry()).run(corpus, rebuild=True, progress=hook)
        assert len(hook.pages) == 2
        assert sorted(p.stat().st_mtime_ns for p in settings.ocr_cache_dir.glob("*.json")) == cached
    finally:
        index.close()


def test_ocr_can_be_turned_off(tmp_path: Path) -> None:
    settings = replace(Settings(), ocr=False)
    assert Settings.from_env({"NETRAL_OCR": "0"}).ocr is False and settings.ocr is False
    with pytest.raises(ValueError, match="NETRAL_OCR"):
        Settings.from_env({"NETRAL_OCR": "mungkin"})


def test_admin_upload_reads_a_scan_and_shows_its_pages(ingested: Index, settings: Settings,
                                                       registry: Registry) -> None:
    import time

    from assistant.answering import Assistant
    from ui.admin import JobState, _Hook
    from ui.reload import AssistantReloader
    from ui.serve import admin_for

    state = JobState(running=True, started=time.time())
    _Hook(state).pages_read("@unggahan/pindaian.pdf", 3, 12)
    assert "Membaca hasil pindaian @unggahan/pindaian.pdf dengan OCR: halaman 3/12" in state.summary()

    settings = settings.with_(admin_password="x")
    assistant = Assistant(HybridSearcher(ingested, HashEmbedder(), registry, settings), registry, settings)
    admin = admin_for(settings, assistant, AssistantReloader(settings, assistant).reload)
    admin.accept([scan()])
    assert admin.start_ingest()
    admin.wait(300)
    assert not admin.state.error, admin.state.summary()
    assert "perda-scan.pdf: OCR: 2 halaman hasil pindaian dibaca" in admin.state.summary()
