"""Feedback on every answer: stored with that answer's record, listed by verdict and reason, marked reviewed, and
disliked answers written as gold-set candidates (from the admin tab and `netral eval --from-feedback`)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import gradio as gr

from evals.gold import REQUIRED
from netral.config import Settings
from netral.records import Answer, Citation, Verdict
from tests.test_web import FakeAssistant
from ui import render
from ui.app import Handlers, WebDeps
from ui.candidates import write_candidates
from ui.feedback import FeedbackStore
from ui.feedback_review import FeedbackReview, parse_ids, summary

CITE = Citation("pp-94-2021/pasal-5/huruf-n", "pp-94-2021", "Pasal 5 huruf n PP 94/2021", "berlaku", "teks", 1,
                "pp-94-2021/pasal-5")


def answer(question: str, verdict: Verdict = "tidak_boleh") -> Answer:
    return Answer(question=question, answer=f"Jawaban untuk {question} [1].", verdict=verdict,
                  citations=[CITE], backend="extractive")


def like(index: int, liked: bool | str) -> gr.LikeData:
    """What the chatbot's like event carries: the message's index and the choice (True, False, a reason, "")."""
    return cast(gr.LikeData, SimpleNamespace(index=index, liked=liked, value=None))


def test_a_store_made_before_reasons_and_records_is_upgraded(tmp_path: Path) -> None:
    db = tmp_path / "lama.sqlite"
    with sqlite3.connect(db) as c:
        c.execute("CREATE TABLE feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, created_at FLOAT NOT NULL, "
                  "rating INTEGER NOT NULL, comment TEXT NOT NULL, question TEXT NOT NULL, answer TEXT NOT NULL, "
                  "verdict TEXT NOT NULL, citations TEXT NOT NULL, backend TEXT NOT NULL, mode TEXT NOT NULL)")
        c.execute("INSERT INTO feedback (created_at, rating, comment, question, answer, verdict, citations, backend, "
                  "mode) VALUES (1, -1, 'keliru', 'q lama', 'a lama', 'boleh', '[]', 'extractive', 'chat')")
    store = FeedbackStore(db)
    try:
        old = store.rows()[0]
        assert (old.question, old.category, old.record, old.history, old.reviewed) == ("q lama", "", None, (), False)
        store.add(answer("q baru"), -1, "pasalnya salah", category="Pasal keliru atau kurang", history=["q lama"])
        new = store.rows()[0]
        assert new.record is not None and new.record["citations"][0]["id"] == CITE.id
        assert new.history == ("q lama",) and new.category == "Pasal keliru atau kurang"
        assert len(write_candidates(store, tmp_path / "k.jsonl").path.read_text().splitlines()) == 2
    finally:
        store.close()


def test_filters_reasons_review_marks_and_candidates(tmp_path: Path) -> None:
    store = FeedbackStore(tmp_path / "f.sqlite")
    try:
        liked = store.add(answer("suka"), 1)
        wrong = store.add(answer("putusan salah", "boleh"), -1, "harusnya tidak boleh", category="Putusan keliru")
        plain = store.add(answer("kurang", "bersyarat"), -1, history=["pertanyaan sebelumnya"])
        assert [r.id for r in store.rows(verdict="boleh")] == [wrong]
        assert [r.id for r in store.rows(category="Putusan keliru")] == [wrong]
        assert store.categories() == ["Putusan keliru"]
        store.update(wrong, -1, "", None)  # a thumbs-down after the reason keeps the reason and the comment
        row = store.rows(category="Putusan keliru")[0]
        assert (row.comment, row.category) == ("harusnya tidak boleh", "Putusan keliru")
        review = FeedbackReview(store, lambda: tmp_path / "unduh")
        path, note = review.export_candidates()
        assert path is not None and "2 kandidat" in note
        items = [json.loads(line) for line in Path(path).read_text().splitlines()]
        assert [i["id"] for i in items] == [f"umpan-{wrong}", f"umpan-{plain}"]  # disliked, oldest first
        assert all(k in items[0] for k in REQUIRED)
        assert items[0]["verdict"] == "" and items[0]["reference_context_ids"] == []
        assert items[0]["given"]["verdict"] == "boleh" and items[0]["given"]["cited_ids"] == [CITE.article_id]
        assert items[0]["feedback"]["reason"] == "Putusan keliru"
        assert items[1]["history"] == ["pertanyaan sebelumnya"]
        assert review.mark(f"{wrong}, 999") == "1 masukan ditandai sudah ditinjau. 1 nomor tidak ditemukan."
        assert [r.id for r in store.rows(unreviewed=True)] == [plain, liked]
        path, _ = review.export_candidates()
        assert path is not None and [json.loads(x)["id"] for x in Path(path).read_text().splitlines()] == \
            [f"umpan-{plain}"]
        store.update(wrong, -1, "masih salah")  # judged again: to be reviewed again
        assert not store.rows(verdict="boleh")[0].reviewed
        counts = summary(store.rows())
        assert "| Boleh | 0 | 1 |" in counts and "Putusan keliru (1)" in counts
        assert "2 penilaian kurang tepat belum ditinjau" in counts
    finally:
        store.close()


def test_ids_are_read_from_what_an_admin_types() -> None:
    assert parse_ids("3, 5 7-9") == [3, 5, 7, 8, 9]
    assert parse_ids("9-7") == [7, 8, 9]
    assert parse_ids("tidak ada") == []
    assert len(parse_ids("1-99999999")) == 1000


def test_a_judgement_on_an_earlier_message_is_stored_for_that_answer(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    deps = WebDeps(FakeAssistant(), FeedbackStore(settings.feedback_db), settings, files_dir=tmp_path / "files")
    h = Handlers(deps)
    first, second = answer("pertama"), answer("kedua", "boleh")
    chat: list[dict[str, Any]] = [
            {"role": "user", "content": "pertama"}, {"role": "assistant", "content": render.answer_message(first, 0)},
            {"role": "user", "content": "gagal"}, {"role": "assistant", "content": render.error_message("gangguan")},
            {"role": "user", "content": "kedua"},
            {"role": "assistant", "content": [{"type": "text", "text": render.answer_message(second, 1)}]}]
    rated: dict[str, int] = {}
    dislike = like(1, False)
    assert h.rate_message(dislike, "pasalnya kurang", chat, [first, second], rated) == \
        "Terima kasih, masukan Anda tersimpan."
    reason = like(1, "Pasal keliru atau kurang")
    assert "diperbarui" in h.rate_message(reason, "", chat, [first, second], rated)
    assert h.rate_message(like(5, True), "", chat, [first, second], rated) == \
        "Terima kasih, masukan Anda tersimpan."
    for not_an_answer in (0, 3, 9):
        assert "bukan jawaban" in h.rate_message(like(not_an_answer, True), "",
                                                 chat, [first, second], rated)
    withdrawn = answer("ditarik")
    chat += [{"role": "user", "content": "ditarik"},
             {"role": "assistant", "content": render.answer_message(withdrawn, 2)}]
    everything = [first, second, withdrawn]
    h.rate_message(like(7, False), "", chat, everything, rated)
    assert len(deps.feedback.rows()) == 3
    assert h.rate_message(like(7, ""), "", chat, everything, rated) == \
        "Penilaian dibatalkan."
    rows = {r.question: r for r in deps.feedback.rows()}
    assert set(rows) == {"pertama", "kedua"}
    assert (rows["pertama"].rating, rows["pertama"].category, rows["pertama"].comment) == \
        (-1, "Pasal keliru atau kurang", "pasalnya kurang")
    assert rows["pertama"].history == () and rows["kedua"].history == ("pertama",)
    assert rows["kedua"].rating == 1
    deps.feedback.close()


def test_from_feedback_command_writes_candidates(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    store = FeedbackStore(settings.feedback_db)
    store.add(answer("tidak membantu"), -1, "salah")
    store.add(answer("membantu"), 1)
    store.close()
    out = tmp_path / "kandidat.jsonl"
    done = subprocess.run([sys.executable, "-m", "ui.cli", "eval", "--from-feedback", "--out", str(out)],
                          env={"NETRAL_DATA_DIR": str(settings.data_dir), "PATH": "/usr/bin:/bin"},
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "1 kandidat gold ditulis" in done.stdout
    assert [json.loads(x)["user_input"] for x in out.read_text().splitlines()] == ["tidak membantu"]
