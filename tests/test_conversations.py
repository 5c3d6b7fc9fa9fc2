"""Kept conversations: the store of logged-in people (SQLite and PostgreSQL), the browser's copy, and the chat
handlers that save, reopen, forget and download them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import gradio as gr
import pytest

from netral.config import Settings
from netral.records import Answer, Citation
from tests.test_web import CITATION, FakeAssistant
from ui.app import Handlers, WebDeps
from ui.conversations import ConversationStore, browser_get, browser_list, browser_save, browser_secret
from ui.feedback import FeedbackStore
from ui.history import SAVE_FAILED, History


def _answer(question: str, verdict: str = "tidak_boleh") -> Answer:
    return Answer(question=question, answer=f"Jawaban atas {question} [1].", verdict=verdict,  # type: ignore[arg-type]
                  citations=[CITATION], backend="palsu", notes=["catatan"])


def test_store_keeps_each_owners_conversations_apart(tmp_path: Path,
                                                     store_at: Callable[[Path], Path | str]) -> None:
    store = ConversationStore(store_at(tmp_path / "percakapan.sqlite"), keep=2)
    first = [_answer("Boleh ikut kampanye?")]
    store.save("ana", "c1", first)
    store.save("ana", "c1", [*first, _answer("Kalau cuti?", "bersyarat")])  # the same conversation, longer
    store.save("budi", "c2", [_answer("Boleh like postingan caleg?")])
    assert [c.id for c in store.list("ana")] == ["c1"]
    got = store.get("ana", "c1")
    assert got is not None and [a.question for a in got.answers] == ["Boleh ikut kampanye?", "Kalau cuti?"]
    assert got.answers[1].verdict == "bersyarat" and got.answers[0].citations[0] == CITATION
    assert got.title == "Boleh ikut kampanye?"
    assert store.get("budi", "c1") is None  # another login cannot open it, even knowing its id
    store.save("ana", "c3", [_answer("Ketiga")])
    store.save("ana", "c4", [_answer("Keempat")])
    assert [c.id for c in store.list("ana")] == ["c4", "c3"]  # keep=2: the oldest went
    assert store.delete_all("ana") == 2
    assert store.list("ana") == [] and [c.id for c in store.list("budi")] == ["c2"]
    store.close()
    reopened = ConversationStore(store_at(tmp_path / "percakapan.sqlite"))
    assert [c.id for c in reopened.list("budi")] == ["c2"]
    reopened.close()


def test_browser_copy_round_trip_and_limit() -> None:
    copy = browser_save({}, "a", [_answer("Satu")], keep=2)
    copy = browser_save(copy, "b", [_answer("Dua")], keep=2)
    copy = browser_save(copy, "c", [_answer("Tiga")], keep=2)
    assert [c.id for c in browser_list(copy)] == ["c", "b"]
    got = browser_get(copy, "b")
    assert got is not None and got.answers[0] == _answer("Dua")
    assert browser_get(copy, "a") is None and browser_get(None, "a") is None


def test_browser_secret_is_made_once_and_kept(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    key = browser_secret(settings)
    assert len(key) >= 32 and browser_secret(settings) == key
    assert settings.browser_secret_file.stat().st_mode & 0o077 == 0
    assert browser_secret(settings.with_(browser_secret="dari-lingkungan")) == "dari-lingkungan"


def _history(tmp_path: Path, store: ConversationStore | None) -> tuple[Handlers, History]:
    settings = Settings(data_dir=tmp_path / "data")
    deps = WebDeps(FakeAssistant(), FeedbackStore(settings.feedback_db), settings, files_dir=tmp_path / "files",
                   conversations=store)
    h = Handlers(deps)
    return h, History(store, 5, h._fresh_dir, h._lookup)


def _ask(h: Handlers, question: str, answers: list[Answer]) -> list[Answer]:
    *_, (_chat, _panel, answers, _box) = h.chat(question, [], answers)
    return answers


@pytest.mark.parametrize("login", ["", "ana"])
def test_chat_is_kept_and_reopened_after_a_reload(tmp_path: Path, login: str) -> None:
    store = ConversationStore(tmp_path / "percakapan.sqlite") if login else None
    h, history = _history(tmp_path, store)
    request = SimpleNamespace(username=login or None)
    answers = _ask(h, "Boleh datang ke kampanye suami?", [])
    conv, copy, _choices, msg = history.keep_answer(answers, "", {}, request)  # type: ignore[arg-type]
    answers = _ask(h, "Kalau hanya menonton dari jauh?", answers)
    conv2, copy, choices, msg = history.keep_answer(answers, conv, copy, request)  # type: ignore[arg-type]
    assert conv2 == conv and msg == ""
    assert choices["choices"][0][1] == conv and choices["value"] == conv
    if login:  # kept in the store, never in the browser of a shared computer
        assert copy == {} and len(store.get(login, conv).answers) == 2  # type: ignore[union-attr]
    else:
        assert len(browser_get(copy, conv).answers) == 2  # type: ignore[union-attr]
    # A reload: a fresh page with only what the browser (or the login) brings.
    chat, panel, restored, reopened_id, listed = history.on_load(copy, request)  # type: ignore[arg-type]
    assert reopened_id == conv and [a.question for a in restored] == [a.question for a in answers]
    assert len(chat) == 4 and "Kalau hanya menonton dari jauh?" in chat[2]["content"]
    assert "Dasar hukum" in chat[3]["content"] and "nt-card" in panel
    assert listed["value"] == conv
    # The next question continues the same conversation, with the earlier questions as its history.
    _ask(h, "Dan kalau memakai atribut?", restored)
    assert h.d.assistant.histories[-1] == ["Boleh datang ke kampanye suami?", "Kalau hanya menonton dari jauh?"]
    copy, listed, msg = history.forget(copy, request)  # type: ignore[arg-type]
    assert msg == "Riwayat dihapus (1 percakapan)." and listed["choices"] == []
    after = history.on_load(copy, request)  # type: ignore[arg-type]
    assert after[3] == gr.skip() and after[4]["choices"] == []  # nothing left to reopen
    if store is not None:
        store.close()


def test_failed_save_keeps_the_chat_and_says_so(tmp_path: Path) -> None:
    store = ConversationStore(tmp_path / "percakapan.sqlite")
    h, history = _history(tmp_path, store)
    answers = _ask(h, "Boleh ikut kampanye?", [])
    store.close()  # the store is gone: the save fails
    conv, _copy, _choices, msg = history.keep_answer(answers, "", {}, SimpleNamespace(username="ana"))  # type: ignore[arg-type]
    assert msg == SAVE_FAILED and conv  # the id is kept, so a later save continues the same conversation


def test_reopen_of_an_unknown_conversation_changes_nothing(tmp_path: Path) -> None:
    _h, history = _history(tmp_path, None)
    out = history.reopen("tidak-ada", {}, SimpleNamespace(username=None))  # type: ignore[arg-type]
    assert out[-1] == "Percakapan itu tidak ditemukan lagi."
    assert out[:4] == (gr.skip(),) * 4


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_conversation_downloads_with_its_citations(tmp_path: Path, fmt: str) -> None:
    h, history = _history(tmp_path, None)
    answers = _ask(h, "Boleh like postingan caleg?", [])
    path, msg = history.download(answers, fmt)
    assert path is not None and msg.endswith("siap diunduh.")
    if fmt == "pdf":
        from pypdf import PdfReader

        text = " ".join((p.extract_text() or "") for p in PdfReader(path).pages)
    else:
        from docx import Document

        text = "\n".join(p.text for p in Document(path).paragraphs)
    flat = " ".join(text.split())
    assert "Pertanyaan 1" in flat and "Boleh like postingan caleg?" in flat and "Tidak boleh" in flat
    assert CITATION.label in flat and "berlaku" in flat
    assert " ".join(CITATION.quote.split())[:40] in flat
    assert history.download([], fmt) == (None, "Belum ada percakapan untuk diunduh.")


def test_answer_record_round_trip() -> None:
    ans = Answer("q", "t", "bersyarat", [Citation("x/y", "d", "L", "berlaku", "kutipan", 2, "x")], ["s"],
                 notes=["n"], timings={"total": 1.0})
    record = ans.to_record()
    assert Answer.from_record(record) == ans
    assert Answer.from_record({**record, "field_of_a_later_version": 1}) == ans
