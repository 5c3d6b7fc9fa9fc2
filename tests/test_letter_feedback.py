"""Reply letters, HTML rendering of user text, and feedback that survives a killed server."""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from assistant.letter import LetterDetails, draft_letter, tanggal
from netral.config import Settings
from netral.records import Answer, ArticleView, Citation
from ui import render
from ui.app import Handlers, WebDeps
from ui.feedback import FeedbackStore

CIT = Citation("uu-20-2023/pasal-52/ayat-3/huruf-j", "uu-20-2023", "Pasal 52 ayat (3) huruf j UU 20/2023", "berlaku",
               "menjadi anggota dan/atau pengurus partai politik", 1, "uu-20-2023/pasal-52")


def _answer(**kw: object) -> Answer:
    base: dict[str, object] = dict(question="PNS boleh jadi anggota partai?", verdict="tidak_boleh",
                                   answer="Tidak boleh. Peraturan yang berlaku melarangnya:\n- Pasal 52 … [1]",
                                   citations=[CIT], notes=["Catatan uji."])
    base.update(kw)
    return Answer(**base)  # type: ignore[arg-type]


def test_letter_has_the_parts_of_an_official_reply() -> None:
    text = draft_letter(_answer(), LetterDetails.from_form(date(2026, 11, 24), recipient="Sdr. Ani", city=" ",
                                                           sender_unit="BKD Kota Contoh"))
    lines = text.splitlines()
    assert lines[0].startswith("Nomor") and "Hal     : Jawaban atas pertanyaan" in text
    assert "Yth. Sdr. Ani" in lines and "Dengan hormat," in lines
    assert "\u201cPNS boleh jadi anggota partai?\u201d" in text
    assert "1. Berdasarkan ketentuan yang berlaku, hal yang Saudara tanyakan tidak diperbolehkan" in text
    assert "2. Pasal 52 … [1]" in text  # the restated verdict line is dropped, the body kept with its marker
    assert ("Dasar hukum:\n1. Pasal 52 ayat (3) huruf j Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil "
            "Negara (berlaku): \u201cmenjadi anggota") in text
    assert "Catatan:\n- Catatan uji." in text
    assert "(kota), 24 November 2026" in text and lines[-1] == "(nama pejabat)" and "BKD Kota Contoh" in lines


def test_letter_for_out_of_scope_question_says_so_and_cites_nothing() -> None:
    ans = _answer(verdict="di_luar_cakupan", abstained=True, citations=[], notes=[],
                  answer="Maaf, peraturan yang dimuat tidak mengatur hal ini.")
    text = draft_letter(ans, LetterDetails(day=date(2026, 1, 5)))
    assert "di luar cakupan" in text and "Dasar hukum: tidak ada ketentuan" in text
    assert "Maaf" not in text and tanggal(date(2026, 1, 5)) == "5 Januari 2026"


def test_user_text_cannot_inject_html_or_markdown() -> None:
    shown = render.escape_user_text("<b>x</b> [klik](http://a) *tebal*")
    assert "<b>" not in shown and "\\[klik\\]" in shown and "\\*tebal\\*" in shown
    card = render.citation_card(Citation("a/pasal-1", "a", "<i>Pasal</i>", "dicabut", "\"><script>", 1, "a/pasal-1"))
    assert "<script>" not in card and "&lt;i&gt;Pasal&lt;/i&gt;" in card and 's-dicabut' in card


def test_whole_pasal_says_when_its_heading_was_reconstructed() -> None:
    cite = Citation("uu/pasal-198", "uu", "Pasal 198", "berlaku", "(1) Warga Negara …", 1, "uu/pasal-198")
    view = ArticleView("uu/pasal-198", "Pasal 198 UU 7/2017", "Undang-Undang", "berlaku", "(1) Warga Negara …")
    assert "dibaca ulang" not in render.citation_card(cite, lambda _: view)
    rebuilt = ArticleView("uu/pasal-198", "Pasal 198 UU 7/2017", "Undang-Undang", "berlaku", "(1) Warga Negara …",
                          reconstructed=True)
    assert "dibaca ulang dari urutan nomor pasal" in render.citation_card(cite, lambda _: rebuilt)


def test_feedback_failure_is_reported_not_raised(tmp_path: Path, store_at: Callable[[Path], Path | str]) -> None:
    store = FeedbackStore(store_at(tmp_path / "f.sqlite"))
    h = Handlers(WebDeps(assistant=None, feedback=store, settings=Settings(), files_dir=tmp_path))  # type: ignore[arg-type]
    assert h.feedback(1, "", [_answer()]) == "Terima kasih, masukan Anda tersimpan."
    store.close()  # storage gone: the page says so instead of crashing
    assert "belum tersimpan" in h.feedback(1, "", [_answer()])


KILLED_WRITER = """
import os, signal, sys
sys.path.insert(0, {repo!r})
from pathlib import PosixPath
from netral.records import Answer
from ui.feedback import FeedbackStore
store = FeedbackStore({db!r})
for k in range(25):
    store.add(Answer(question=f"q{{k}}", answer="a", verdict="informasi"), 1 if k % 2 else -1, f"c{{k}}")
print("saved", flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_feedback_survives_a_killed_server(tmp_path: Path, store_at: Callable[[Path], Path | str]) -> None:
    db = store_at(tmp_path / "feedback.sqlite")
    repo = str(Path(__file__).resolve().parents[1])
    # A path is written as PosixPath('...'), a database URL as a string: either is what FeedbackStore takes.
    proc = subprocess.run([sys.executable, "-c", KILLED_WRITER.format(repo=repo, db=db)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == -signal.SIGKILL and "saved" in proc.stdout
    store = FeedbackStore(db)
    rows = store.rows()
    store.close()
    assert len(rows) == 25 and rows[-1].comment == "c0" and rows[0].comment == "c24"


def test_batch_rejects_unsupported_file_in_indonesian(tmp_path: Path) -> None:
    src = tmp_path / "antrean.txt"
    src.write_text("PNS boleh ikut kampanye?", encoding="utf-8")
    h = Handlers(WebDeps(assistant=None, feedback=None, settings=Settings(), files_dir=tmp_path))  # type: ignore[arg-type]
    files, msg = h.batch(str(src), "", "")
    assert files is None and "tidak didukung" in msg and ".csv" in msg


def test_letter_does_not_quote_twice_what_the_body_already_quotes() -> None:
    quoted_body = _answer(answer="Tidak boleh. Peraturan yang berlaku melarangnya:\n"
                                 "- Pasal 52 ayat (3) huruf j UU 20/2023: \u201cmenjadi anggota dan/atau "
                                 "pengurus partai politik\u201d [1]")
    text = draft_letter(quoted_body, LetterDetails(day=date(2026, 1, 5)))
    assert text.count("menjadi anggota dan/atau pengurus partai politik") == 1
    assert ("Dasar hukum:\n1. Pasal 52 ayat (3) huruf j Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil "
            "Negara (berlaku)\n") in text
