"""The web app built with a fake assistant and driven over HTTP with gradio_client, as a browser would."""

from __future__ import annotations

import csv
import json
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from gradio_client import Client, handle_file

from assistant.checker import Choice
from assistant.compose import stream_words
from netral.config import Settings
from netral.records import Answer, ArticleView, Citation, IngestReport, SkippedFile
from tests.conftest import free_port
from ui.admin import Admin
from ui.app import WebDeps, build_app, launch
from ui.feedback import FeedbackStore

QUOTE = "memberikan dukungan kepada calon Presiden/Wakil Presiden, calon Kepala Daerah/Wakil Kepala Daerah"
CITATION = Citation("pp-94-2021/pasal-5/huruf-n", "pp-94-2021", "Pasal 5 huruf n PP 94/2021", "berlaku", QUOTE, 1,
                    "pp-94-2021/pasal-5")


class FakeAssistant:
    """Answers every question the same way; remembers the histories it was given; can be told to fail."""

    backend = "palsu"

    def __init__(self) -> None:
        self.histories: list[list[str]] = []
        self.fail = False

    def answer(self, question: str, history: Sequence[str] = ()) -> Answer:
        if self.fail:
            raise ConnectionError("model server down")
        self.histories.append(list(history))
        if "gaji" in question:
            return Answer(question=question, answer="Maaf, peraturan yang dimuat tidak mengatur hal ini.",
                          verdict="di_luar_cakupan", abstained=True, backend=self.backend)
        return Answer(question=question, answer="Tidak boleh. PNS dilarang memberikan dukungan kepada calon [1].",
                      verdict="tidak_boleh", citations=[CITATION], backend=self.backend,
                      notes=["SKB 2022 belum dimuat."])

    def stream(self, question: str, history: Sequence[str] = ()) -> Iterator[str | Answer]:
        ans = self.answer(question, history)
        yield from stream_words(ans.answer)
        yield ans

    def article_view(self, citation_id: str) -> ArticleView | None:
        if not citation_id.startswith("pp-94-2021/pasal-5"):
            return None
        quoted = citation_id.endswith("/huruf-n")
        return ArticleView("pp-94-2021/pasal-5", "Pasal 5 PP 94/2021", "Peraturan Pemerintah Nomor 94 Tahun 2021 "
                           "tentang Disiplin Pegawai Negeri Sipil", "berlaku",
                           "PNS dilarang:\nm. menjadi anggota partai politik;\nn. " + QUOTE,
                           "Huruf m Cukup jelas. Huruf n Yang dimaksud dengan dukungan adalah …",
                           part="huruf n" if quoted else "", part_text="n. " + QUOTE if quoted else "",
                           part_penjelasan="Yang dimaksud dengan dukungan adalah …" if quoted else "")

    def situation_acts(self, actor: str, election: str = "semua") -> list[tuple[str, str]]:
        return [("Memakai atribut kampanye", "kampanye-atribut")] if actor in ("PNS", "PPPK") else []

    def check_situation(self, choice: Choice) -> Answer | None:
        if choice.act != "kampanye-atribut" or choice.actor not in ("PNS", "PPPK"):
            return None
        return Answer(question=f"{choice.actor}: Memakai atribut kampanye",
                      answer="Tidak boleh. PNS dilarang memberikan dukungan kepada calon [1].",
                      verdict="tidak_boleh", citations=[CITATION], backend="peta aturan")


class FakeIngest:
    def __init__(self) -> None:
        self.release = threading.Event()
        self.reloaded = 0

    def status(self) -> dict[str, Any]:
        return {"documents": [{"id": "pp-94-2021", "status": "berlaku", "pasal": 60, "chunks": 78,
                               "title": "Peraturan Pemerintah Nomor 94 Tahun 2021", "file": "@unggahan/pp-94.md"}],
                "missing": [{"id": "skb-2-2022", "title": "SKB Netralitas ASN 2022", "expected_file": "skb.pdf"}]}

    def ingest(self, hook: Any) -> Any:
        hook.document_started("@unggahan/baru.md", 4)
        self.release.wait(10)
        hook.chunks_embedded(4)
        hook.document_done("@unggahan/baru.md", "baru")
        return IngestReport(errors=[SkippedFile("rusak.pdf", "PDF rusak")])

    def reload(self) -> None:
        self.reloaded += 1


@pytest.fixture
def web(tmp_path: Path) -> Iterator[tuple[Client, WebDeps, FakeIngest]]:
    settings = Settings(data_dir=tmp_path / "data", admin_password="sandi-admin", web_port=free_port())
    fake_ingest = FakeIngest()
    deps = WebDeps(FakeAssistant(), FeedbackStore(settings.feedback_db), settings,
                   Admin(settings, fake_ingest.status, fake_ingest.ingest, fake_ingest.reload),
                   files_dir=tmp_path / "files")
    demo = build_app(deps)
    launch(demo, settings, block=False, upload_tokens=deps.upload_tokens)
    try:
        yield Client(f"http://127.0.0.1:{settings.web_port}/", verbose=False), deps, fake_ingest
    finally:
        fake_ingest.release.set()
        demo.close()
        deps.feedback.close()


def _texts(history: list[dict[str, Any]]) -> list[str]:
    out = []
    for m in history:
        content = m["content"]
        out.append(content if isinstance(content, str) else " ".join(p.get("text", "") for p in content))
    return out


def test_ask_shows_answer_verdict_and_citation_card(web: tuple[Client, WebDeps, FakeIngest]) -> None:
    client, _deps, _ = web
    history, panel, box = client.predict("Boleh nggak PNS like postingan caleg?", api_name="/ask")
    texts = _texts(history)
    assert texts[0] == "Boleh nggak PNS like postingan caleg?"
    assert "Tidak boleh" in texts[1] and "Pasal 5 huruf n PP 94/2021" in texts[1]
    assert 'class="nt-verdict v-tidak"' in panel
    assert "Pasal 5 huruf n PP 94/2021" in panel and QUOTE in panel
    assert "Buka Pasal 5 PP 94/2021 selengkapnya" in panel and "Yang dimaksud dengan dukungan" in panel
    assert 'class="nt-status s-berlaku"' in panel
    assert "SKB 2022 belum dimuat." in panel
    assert box == ""


def test_conversation_memory_passes_previous_questions(web: tuple[Client, WebDeps, FakeIngest]) -> None:
    client, deps, _ = web
    history, _panel, _ = client.predict("PNS boleh ikut kampanye?", api_name="/ask")
    history, _panel, _ = client.predict("kalau PPPK bagaimana?", history, api_name="/ask")
    assert len(history) == 4
    assert deps.assistant.histories[-1] == ["PNS boleh ikut kampanye?"]  # type: ignore[attr-defined]


def test_user_html_is_shown_as_text(web: tuple[Client, WebDeps, FakeIngest]) -> None:
    client, _deps, _ = web
    history, _panel, _ = client.predict("<script>alert('x')</script> <img src=x onerror=alert(1)>", api_name="/ask")
    shown = _texts(history)[0]
    assert "<script>" not in shown and "<img" not in shown
    assert "&lt;script&gt;" in shown


def test_empty_question_gets_a_message_and_keeps_history(web: tuple[Client, WebDeps, FakeIngest]) -> None:
    client, _deps, _ = web
    history, _panel, _ = client.predict("PNS boleh ikut kampanye?", api_name="/ask")
    history, panel, _ = client.predict("   ", history, api_name="/ask")
    assert len(history) == 2
    assert "Pertanyaan masih kosong" in panel


def test_failed_answer_keeps_history_and_saved_feedback(web: tuple[Client, WebDeps, FakeIngest]) -> None:
    client, deps, _ = web
    history, _panel, _ = client.predict("PNS boleh ikut kampanye?", api_name="/ask")
    assert client.predict("jelas", api_name="/like")[0].startswith("Terima kasih")
    deps.assistant.fail = True  # type: ignore[attr-defined]
    history, panel, box = client.predict("dan kalau PPPK?", history, api_name="/ask")
    texts = _texts(history)
    assert len(texts) == 4 and "Tidak boleh" in texts[1]
    assert "gangguan" in texts[3] and "gangguan" in panel
    assert box == "dan kalau PPPK?"  # the question is given back to send again
    assert deps.feedback.count() == 1


def test_feedback_is_saved_durably_and_exported(web: tuple[Client, WebDeps, FakeIngest], tmp_path: Path) -> None:
    client, deps, _ = web
    assert client.predict("x", api_name="/like")[0] == "Belum ada jawaban untuk dinilai."
    client.predict("PNS boleh ikut kampanye?", api_name="/ask")
    client.predict("", api_name="/like")
    client.predict("kalau PPPK bagaimana?", api_name="/ask")
    client.predict("kurang lengkap", api_name="/dislike")
    reopened = FeedbackStore(deps.settings.feedback_db)  # another connection sees committed rows
    rows = reopened.rows()
    reopened.close()
    assert [(r.rating, r.comment) for r in rows] == [(-1, "kurang lengkap"), (1, "")]
    assert rows[0].citations == ["Pasal 5 huruf n PP 94/2021"] and rows[0].backend == "palsu"
    assert client.predict(api_name="/admin_feedback_csv") is None  # not logged in
    client.predict("sandi-admin", api_name="/admin_login")
    exported = client.predict(api_name="/admin_feedback_csv")
    with open(exported, encoding="utf-8-sig", newline="") as fh:
        table = list(csv.reader(fh))
    assert table[0][:4] == ["id", "waktu", "penilaian", "komentar"]
    assert [r[2] for r in table[1:]] == ["kurang tepat", "membantu"]


def test_draft_letter_and_downloads(web: tuple[Client, WebDeps, FakeIngest]) -> None:
    client, _deps, _ = web
    letter, panel, note = client.predict("Apakah PNS boleh mendukung calon bupati?", "Sdr. Budi", "BKD Kota Contoh",
                                         "Kepala BKD", "Semarang", "800/1/BKD", api_name="/draft")
    assert letter.startswith("Nomor   : 800/1/BKD")
    assert "Yth. Sdr. Budi" in letter and "Dengan hormat," in letter and "Semarang," in letter
    assert ("Dasar hukum:\n1. Pasal 5 huruf n Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin Pegawai "
            "Negeri Sipil (berlaku): \u201c" + QUOTE) in letter
    assert "Pasal 5 huruf n PP 94/2021" in panel and note.startswith("Draf siap")
    edited = letter.replace("Dengan hormat,", "Dengan hormat, (disunting)")
    for fmt in ("txt", "md", "docx", "pdf"):
        path, msg = client.predict(edited, fmt, api_name="/export_letter")
        assert path.endswith("." + fmt) and "siap diunduh" in msg
        if fmt == "docx":
            from docx import Document

            text = "\n".join(p.text for p in Document(path).paragraphs)
            assert text.startswith("BKD KOTA CONTOH\n")  # the plain header names the unit the draft was sent from
        elif fmt == "pdf":
            from pypdf import PdfReader

            text = " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())
            assert text.startswith("BKD KOTA CONTOH Nomor : 800/1/BKD")
        else:
            text = Path(path).read_text(encoding="utf-8")
        assert "(disunting)" in text and "Pasal 5 huruf n Peraturan Pemerintah Nomor 94 Tahun 2021" in text


def test_draft_refuses_empty_question_and_export_without_draft(web: tuple[Client, WebDeps, FakeIngest]) -> None:
    client, _deps, _ = web
    letter, _panel, note = client.predict("", "", "", "", "", "", api_name="/draft")
    assert letter == "" and "kosong" in note
    path, msg = client.predict("", "docx", api_name="/export_letter")
    assert path is None and "Belum ada draf" in msg


def test_batch_drafts_every_good_line_and_reports_bad_ones(web: tuple[Client, WebDeps, FakeIngest],
                                                           tmp_path: Path) -> None:
    client, _deps, _ = web
    src = tmp_path / "antrean.csv"
    src.write_text("id,question\nA1,PNS boleh ikut kampanye?\nA2,\nA3,berapa gaji PNS?\n", encoding="utf-8")
    files, summary = client.predict(handle_file(str(src)), "BKD", "Semarang", api_name="/batch")
    assert summary.startswith("2 pertanyaan dijawab") and "baris 3" in summary
    by_ext = {Path(f).suffix: f for f in files}
    with open(by_ext[".csv"], encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["id"] for r in rows] == ["A1", "A3"]
    assert rows[0]["dasar_hukum"] == "Pasal 5 huruf n PP 94/2021" and "Dasar hukum:" in rows[0]["draf_surat"]
    assert rows[1]["putusan"] == "di_luar_cakupan"
    records = [json.loads(line) for line in Path(by_ext[".jsonl"]).read_text(encoding="utf-8").splitlines()]
    assert records[0]["citations"][0]["quote"] == QUOTE and records[0]["draft_letter"].startswith("Nomor")


def test_admin_requires_password_and_ingests_uploads_in_background(
        web: tuple[Client, WebDeps, FakeIngest], tmp_path: Path) -> None:
    client, deps, fake = web
    doc = tmp_path / "baru.md"
    doc.write_text("# Peraturan baru\nPasal 1\nIsi.", encoding="utf-8")
    assert "Masuk sebagai admin" in client.predict([handle_file(str(doc))], api_name="/admin_upload")
    assert client.predict("salah", api_name="/admin_login") == "Kata sandi salah."
    assert client.predict("sandi-admin", api_name="/admin_login") == "Masuk sebagai admin."
    table = client.predict(api_name="/admin_corpus")
    assert table[0]["data"][0][0] == "pp-94-2021" and "skb-2-2022" in table[1]
    bad = tmp_path / "catatan.xlsx"
    bad.write_bytes(b"PK")
    assert "tidak didukung" in client.predict([handle_file(str(bad))], api_name="/admin_upload")
    started = client.predict([handle_file(str(doc))], api_name="/admin_upload")
    assert "berjalan di latar belakang" in started
    assert (deps.settings.upload_dir / "baru.md").read_text(encoding="utf-8").startswith("# Peraturan baru")
    assert deps.admin is not None and deps.admin.state.running
    assert "Sedang mengindeks @unggahan/baru.md: 0/4" in deps.admin.state.summary()
    fake.release.set()
    deps.admin.wait(10)
    summary = deps.admin.state.summary()
    assert "selesai" in summary and "baru: @unggahan/baru.md" in summary and "DILEWATI rusak.pdf" in summary
    assert fake.reloaded == 1


def test_admin_tab_disabled_without_password(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", web_port=free_port())
    deps = WebDeps(FakeAssistant(), FeedbackStore(settings.feedback_db), settings, files_dir=tmp_path / "f")
    demo = build_app(deps)
    launch(demo, settings, block=False)
    try:
        client = Client(f"http://127.0.0.1:{settings.web_port}/", verbose=False)
        assert "nonaktif" in client.predict("apa saja", api_name="/admin_login")
        assert client.predict(api_name="/admin_feedback_csv") is None
    finally:
        demo.close()
        deps.feedback.close()


def test_login_for_whole_app_from_settings() -> None:
    assert Settings(auth="bkd:rahasia, bawaslu:kuat").auth_pairs() == [("bkd", "rahasia"), ("bawaslu", "kuat")]
    assert Settings().auth_pairs() == []
    with pytest.raises(ValueError, match="pengguna:sandi"):
        Settings(auth="tanpa-sandi").auth_pairs()


def test_real_admin_upload_is_ingested_and_answerable(ingested: Any, settings: Settings, corpus_dir: Path,
                                                      registry: Any, tmp_path: Path) -> None:
    """The admin path on a real (small) index: the uploaded PP 42/2004 is stored under the uploads folder,
    ingested in the background, and the assistant answers from it right after; a later CLI-style ingest of the
    corpus keeps it."""
    from assistant.answering import Assistant
    from assistant.retrieval import HybridSearcher
    from ingest.pipeline import Ingestor
    from tests.conftest import HashEmbedder
    from ui.reload import AssistantReloader
    from ui.serve import admin_for

    settings = settings.with_(admin_password="x")
    assistant = Assistant(HybridSearcher(ingested, HashEmbedder(), registry, settings), registry, settings)
    admin = admin_for(settings, assistant, AssistantReloader(settings, assistant).reload)
    before = {d["id"] for d in admin.corpus_status()["documents"]}
    assert "pp-42-2004" not in before
    admin.accept([corpus_dir / "peraturan" / "pp-42-2004-jiwa-korps-kode-etik-pns.md"])
    assert admin.start_ingest()
    admin.wait(120)
    assert not admin.state.running and not admin.state.error, admin.state.summary()
    assert "baru: @unggahan/pp-42-2004-jiwa-korps-kode-etik-pns.md" in admin.state.summary()
    status = {d["id"]: d for d in admin.corpus_status()["documents"]}
    assert status["pp-42-2004"]["file"] == "@unggahan/pp-42-2004-jiwa-korps-kode-etik-pns.md"
    ans = assistant.answer("Apa saja etika PNS dalam bermasyarakat menurut kode etik PNS?")
    assert any(c.doc_id == "pp-42-2004" for c in ans.citations), [c.id for c in ans.citations]
    report = Ingestor(ingested, HashEmbedder(), registry, settings.chunk_max_chars).run(
        settings.corpus_dir, uploads=settings.upload_dir)
    assert "pp-42-2004" in ingested.store.document_hashes()
    assert all(r.label == "tidak berubah" for r in report.rows)


def test_whole_app_login_from_netral_auth(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", web_port=free_port(), auth="bkd:rahasia")
    deps = WebDeps(FakeAssistant(), FeedbackStore(settings.feedback_db), settings, files_dir=tmp_path / "f")
    demo = build_app(deps)
    launch(demo, settings, block=False)
    url = f"http://127.0.0.1:{settings.web_port}/"
    try:
        with pytest.raises(Exception):  # noqa: B017 - gradio_client raises its own error types for a 401
            Client(url, verbose=False).predict("PNS boleh ikut kampanye?", api_name="/jawab")
        with pytest.raises(Exception):  # noqa: B017
            Client(url, auth=("bkd", "salah"), verbose=False)
        answer = Client(url, auth=("bkd", "rahasia"), verbose=False).predict("PNS boleh ikut kampanye?",
                                                                              api_name="/jawab")
        assert answer["verdict"] == "tidak_boleh"
    finally:
        demo.close()
        deps.feedback.close()


def test_admin_letterhead_upload_and_letters_built_on_it(web: tuple[Client, WebDeps, FakeIngest],
                                                         tmp_path: Path) -> None:
    from docx import Document

    client, deps, _ = web
    template = Document()
    template.sections[0].header.paragraphs[0].text = "PEMERINTAH KOTA CONTOH"
    template.add_paragraph("BADAN KEPEGAWAIAN DAERAH")
    template.save(str(tmp_path / "kop.docx"))
    bad = tmp_path / "kop.docx.pdf"
    bad.write_bytes(b"%PDF-1.4")
    kop = handle_file(str(tmp_path / "kop.docx"))
    assert "Masuk sebagai admin" in client.predict(kop, api_name="/admin_letterhead")
    client.predict("sandi-admin", api_name="/admin_login")
    refused = client.predict(handle_file(str(bad)), api_name="/admin_letterhead")
    assert refused.startswith("Kop surat ditolak:") and "dokumen Word (.docx)" in refused
    assert not deps.settings.letterhead_path.exists()
    assert "Kop surat disimpan" in client.predict(kop, api_name="/admin_letterhead")
    letter, _panel, _note = client.predict("Apakah PNS boleh mendukung calon bupati?", "", "BKD Kota Contoh", "", "",
                                           "", api_name="/draft")
    path, _msg = client.predict(letter, "docx", api_name="/export_letter")
    document = Document(path)
    assert document.sections[0].header.paragraphs[0].text == "PEMERINTAH KOTA CONTOH"
    assert [p.text for p in document.paragraphs][:2] == ["BADAN KEPEGAWAIAN DAERAH", "Nomor   : (nomor surat)"]
    assert "Kop surat dihapus" in client.predict(api_name="/admin_remove_letterhead")
