"""The gradio web app: a chat for civil servants, a reply-drafting desk and a batch queue for helpdesk staff,
and an admin tab. `build_app()` only wires components to the services it is given; `launch()` serves it.

Every handler catches its own failures and answers with an Indonesian message, so a failed answer never
clears the chat history, and feedback already saved stays in SQLite whatever happens to the page.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import tempfile
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

import gradio as gr

from assistant.checker import Choice
from assistant.letter import LetterDetails, draft_letter
from ingest.loaders import FORMATS_TEXT
from netral.config import Settings
from netral.questions import QuestionRejected, clean_question
from netral.records import Answer, ArticleView, Progress
from ui import render
from ui.admin import Admin, UploadRejected
from ui.audit import AuditLog
from ui.batch import BatchError, answer_file
from ui.checker_tab import TAB_ID, CheckerHandlers, checker_tab
from ui.conversations import ConversationStore, browser_secret
from ui.exports import FORMATS, safe_stem, write_batch, write_letter
from ui.feedback import EXPORT_COLUMNS, FEEDBACK_CHOICES, FEEDBACK_OPTIONS, FeedbackStore
from ui.feedback_review import ALL, FeedbackReview
from ui.guard import UPLOAD_COOKIE, AppLogin, Gate, UploadTokens, request_client
from ui.history import EXPORT_FORMATS, History
from ui.letter_layout import LetterLayout
from ui.letterhead import LetterheadStore
from ui.throttle import LoginThrottle, wait_message

log = logging.getLogger(__name__)

EXAMPLES = [
    "Boleh nggak saya datang ke kampanye suami saya yang nyaleg DPRD?",
    "Kalau cuma like postingan caleg di medsos kena sanksi?",
    "Apakah PNS boleh menjadi anggota partai politik?",
    "PPPK ikut deklarasi dukungan paslon bupati, apa hukumannya?",
    "Saya guru PNS, mau daftar calon kepala desa. Harus mundur?",
]
HEADER = """
<div id="nt-header"><div class="nt-logo">§</div><div>
<h1>Asisten Netralitas ASN</h1>
<p>Tanya jawab peraturan netralitas PNS dan PPPK, dengan pasal yang menjadi dasarnya.</p></div></div>
"""
DISCLAIMER = (
    '<div class="nt-disclaimer"><b>Bukan nasihat hukum.</b> Jawaban disusun dari teks peraturan yang dimuat; '
    "selalu rujuk peraturan resmi dan tanyakan kepada BKD, Inspektorat, atau Bawaslu setempat untuk kasus Anda."
    "</div>"
)
FAILED_ANSWER = ("Maaf, terjadi gangguan saat menyusun jawaban. Percakapan Anda tetap tersimpan; silakan kirim "
                 "ulang pertanyaan sebentar lagi.")
# The admin's browser keeps its upload right as a cookie, which it sends with the uploads of the admin tab; the
# gate (ui/guard.py) accepts large documents only with it. SameSite: no other site can make the browser use it.
SET_UPLOAD_COOKIE = (f"(t) => {{ if (t) {{ document.cookie = '{UPLOAD_COOKIE}=' + t + "
                     "'; path=/; SameSite=Strict'; } return []; }")
# Streaming re-renders the whole chat; a repaint every few words is smooth without flooding the socket.
STREAM_EVERY_S = 0.12


class ChatAssistant(Protocol):
    """What the page needs from the assistant (assistant.answering.Assistant, or a fake in tests)."""

    @property
    def backend(self) -> str: ...

    def stream(self, question: str, history: Sequence[str] = ()) -> Iterator[str | Progress | Answer]: ...

    def answer(self, question: str, history: Sequence[str] = ()) -> Answer: ...

    def article_view(self, article_id: str) -> ArticleView | None: ...

    def situation_acts(self, actor: str, election: str = "semua") -> list[tuple[str, str]]: ...

    def check_situation(self, choice: Choice) -> Answer | None: ...


@dataclass
class WebDeps:
    assistant: ChatAssistant
    feedback: FeedbackStore
    settings: Settings
    admin: Admin | None = None
    # Where generated downloads are written (a temporary folder by default).
    files_dir: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="netral-web-")))
    # Upload rights of browsers logged in to the admin tab, checked by the gate (ui/guard.py).
    upload_tokens: UploadTokens = field(default_factory=UploadTokens)
    # The JSON API's audit log, exported from the admin tab (None: no export offered).
    audit: AuditLog | None = None
    # Conversations of NETRAL_AUTH logins (None: they are kept in each browser, as without logins).
    conversations: ConversationStore | None = None

    @property
    def concurrency(self) -> int:
        return self.settings.answer_concurrency(self.assistant.backend)


def stylesheet() -> str:
    return resources.files("ui").joinpath("static/style.css").read_text(encoding="utf-8")


def page_script() -> str:
    """Run once on page load (gradio's `js`): citation links that show and highlight their card."""
    return resources.files("ui").joinpath("static/citations.js").read_text(encoding="utf-8")


def theme() -> gr.themes.Base:
    # Local fonts only: the page must not fetch anything from outside (offline desks, privacy).
    return gr.themes.Soft(primary_hue="teal", neutral_hue="slate",
                          font=["system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"],
                          font_mono=["ui-monospace", "Consolas", "monospace"])


# --- handlers (plain functions of their inputs, so they can be tested and reused) ---------------------------


class Handlers:
    def __init__(self, deps: WebDeps):
        self.d = deps

    # chat -------------------------------------------------------------------------------------------------

    def chat(self, message: str, history: list[dict[str, Any]] | None, answers: list[Answer] | None,
             ) -> Iterator[tuple[list[dict[str, Any]], str, list[Answer], str]]:
        history = list(history or [])
        answers = list(answers or [])
        try:
            message = clean_question(message, self.d.settings.max_question_chars)
        except QuestionRejected as exc:  # empty or too long: said on the page, and never echoed back
            yield history, render.error_message(str(exc)), answers, ""
            return
        history.append({"role": "user", "content": render.escape_user_text(message)})
        history.append({"role": "assistant", "content": "_Mencari pasal yang relevan…_"})
        yield history, render.EMPTY_PANEL, answers, ""
        previous = [a.question for a in answers]
        final: Answer | None = None
        text, last_paint = "", 0.0
        try:
            for item in self.d.assistant.stream(message, previous):
                if isinstance(item, Answer):
                    final = item
                    continue
                if isinstance(item, Progress):  # shown under the text so far, never part of it
                    history[-1] = {"role": "assistant",
                                   "content": render.escape_user_text(text) + f"\n\n_{render.esc(item.text)}_"}
                    yield history, render.EMPTY_PANEL, answers, ""
                    continue
                text += item
                if time.monotonic() - last_paint >= STREAM_EVERY_S:
                    history[-1] = {"role": "assistant", "content": render.escape_user_text(text) + " ▌"}
                    last_paint = time.monotonic()
                    yield history, render.EMPTY_PANEL, answers, ""
        except Exception:
            log.exception("answering failed")
            final = None
        if final is None:
            history[-1] = {"role": "assistant", "content": render.error_message(FAILED_ANSWER)}
            yield history, render.error_message(FAILED_ANSWER), answers, message
            return
        history[-1] = {"role": "assistant", "content": render.answer_message(final, len(answers))}
        answers.append(final)
        yield history, render.conversation_panel(answers, self._lookup), answers, ""

    def _lookup(self, article_id: str) -> ArticleView | None:
        try:
            return self.d.assistant.article_view(article_id)
        except Exception:  # the card still shows the quote; only the "open the whole Pasal" part is missing
            log.exception("article lookup failed for %s", article_id)
            return None

    def clear(self) -> tuple[list[dict[str, Any]], str, list[Answer], str]:
        return [], render.EMPTY_PANEL, [], ""

    def feedback(self, rating: int, comment: str, answers: list[Answer] | None, mode: str = "chat",
                 rated: dict[str, int] | None = None) -> str:
        """Store a judgement of the latest answer (the buttons under the chat)."""
        if not answers:
            return "Belum ada jawaban untuk dinilai."
        # A like clears a reason given before; a dislike keeps it.
        return self.rate(answers[-1], rating, comment, mode, rated, "" if rating > 0 else None,
                         history=[a.question for a in answers[:-1]])

    def rate_message(self, data: gr.LikeData, comment: str, chat: list[dict[str, Any]] | None,
                     answers: list[Answer] | None, rated: dict[str, int] | None) -> str:
        """Store a judgement given on one message of the chat (its thumbs or a reason under its flag), for the
        answer that message shows, whichever it is in the conversation."""
        k = render.answer_index(chat or [], data.index)
        if k is None or not answers or k >= len(answers):
            return "Pesan ini bukan jawaban yang dapat dinilai."
        if data.liked == "" or data.liked is None:  # the choice clicked again: the judgement is withdrawn
            return self.withdraw(answers[k], rated)
        if isinstance(data.liked, bool):  # the thumbs: True for "Like", False for "Dislike"
            rating, category = (1, "") if data.liked else (-1, None)
        else:  # a reason under the flag
            rating, category = FEEDBACK_CHOICES.get(data.liked, (-1, data.liked))
        return self.rate(answers[k], rating, comment, "chat", rated, category,
                         history=[a.question for a in answers[:k]])

    def withdraw(self, ans: Answer, rated: dict[str, int] | None) -> str:
        """Delete this session's judgement of `ans` (its thumbs or reason clicked again)."""
        row = (rated or {}).pop(_answer_key(ans), None)
        if row is None:
            return "Penilaian dibatalkan."
        try:
            self.d.feedback.remove(row)
        except Exception:
            log.exception("withdrawing feedback failed")
            return "⚠️ Penilaian belum dapat dibatalkan karena gangguan penyimpanan; silakan coba lagi."
        return "Penilaian dibatalkan."

    def rate(self, ans: Answer, rating: int, comment: str, mode: str = "chat", rated: dict[str, int] | None = None,
             category: str | None = "", history: Sequence[str] = ()) -> str:
        """Store a judgement of `ans` with the answer's whole record. `rated` (the session's: answer -> stored row)
        makes a second judgement of the same answer replace the first (a reason chosen after a dislike keeps the
        dislike; `category` None keeps the reason given before), and caps the judgements of one session (a new
        conversation does not reset it)."""
        rated = {} if rated is None else rated
        key = _answer_key(ans)
        try:
            if key in rated:
                self.d.feedback.update(rated[key], rating, comment or "", category)
                return "Penilaian Anda untuk jawaban ini diperbarui."
            if len(rated) >= self.d.settings.max_feedback_per_session:
                return "Batas masukan untuk sesi ini sudah tercapai. Terima kasih atas penilaian Anda."
            rated[key] = self.d.feedback.add(ans, rating, comment or "", mode, category or "", tuple(history))
        except Exception:
            log.exception("saving feedback failed")
            return "⚠️ Masukan belum tersimpan karena gangguan penyimpanan; silakan coba lagi."
        return "Terima kasih, masukan Anda tersimpan."

    def ask_json(self, question: str) -> dict[str, Any]:
        """The answer record as JSON, for programs (and the load benchmark)."""
        try:
            question = clean_question(question, self.d.settings.max_question_chars)
        except QuestionRejected as exc:
            return {"question": "", "error": str(exc)}
        try:
            return self.d.assistant.answer(question).to_json()
        except Exception as exc:
            log.exception("answering failed")
            return {"question": question, "error": f"{FAILED_ANSWER} ({type(exc).__name__})"}

    # helpdesk -----------------------------------------------------------------------------------------------

    def draft(self, question: str, recipient: str, unit: str, signer: str, city: str, number: str,
              ) -> tuple[str, str, Answer | None, str, LetterDetails | None]:
        """(letter, answer panel, answer, note, the letter's details: its sender heads the plain header)."""
        try:
            question = clean_question(question, self.d.settings.max_question_chars)
        except QuestionRejected as exc:
            return "", render.EMPTY_PANEL, None, str(exc), None
        try:
            ans = self.d.assistant.answer(question)
        except Exception:
            log.exception("drafting failed")
            return "", render.EMPTY_PANEL, None, FAILED_ANSWER, None
        details = LetterDetails.from_form(date.today(), recipient=recipient, sender_unit=unit, sender_name=signer,
                                          city=city, number=number)
        note = "Draf siap disunting. Periksa kembali sebelum dikirim." if not ans.abstained else \
            "Pertanyaan ini di luar cakupan peraturan yang dimuat; draf menyatakannya apa adanya."
        return draft_letter(ans, details), render.answer_panel(ans, self._lookup), ans, note, details

    def export_letter(self, letter: str, fmt: str, ans: Answer | None, details: LetterDetails | None = None,
                      ) -> tuple[str | None, str]:
        """The edited letter as a file: .docx and .pdf on A4 with the configured margins, on the admin's
        letterhead when one is stored, else under a plain header naming the sending unit."""
        if not (letter or "").strip():
            return None, "Belum ada draf untuk diunduh; susun draf terlebih dahulu."
        if fmt not in FORMATS:
            return None, f"Format tidak dikenal; pilih {', '.join(FORMATS)}."
        stem = "balasan-" + safe_stem(ans.question if ans else letter[:60])
        layout = LetterLayout.from_settings(self.d.settings, (details or LetterDetails()).sender_unit)
        try:
            path = write_letter(letter, self._fresh_dir(), stem, fmt, layout)
        except Exception:  # a letterhead that no longer opens, a full disk: said on the page, logged in full
            log.exception("writing the %s letter failed", fmt)
            return None, ("Berkas tidak dapat dibuat karena gangguan di server; coba format lain atau minta admin "
                          "memeriksa kop surat.")
        return str(path), f"Berkas {path.name} siap diunduh."

    def batch(self, upload: str | None, unit: str, city: str, progress: gr.Progress | None = None,
              ) -> tuple[list[str] | None, str]:
        if not upload:
            return None, "Unggah berkas .csv atau .jsonl berisi kolom `question` (dan `id` bila ada)."
        src = Path(upload)
        details = LetterDetails.from_form(date.today(), sender_unit=unit, city=city)
        rows: list[tuple[str, Answer, str]] = []
        problems: list[str] = []
        try:
            for item in answer_file(self.d.assistant, src, self.d.settings.max_question_chars):
                if progress is not None:
                    progress((len(rows) + len(problems) + 1, None), desc="menjawab", unit="baris")
                if item.answer is None:
                    problems.append(f"baris {item.line}: {item.problem}")
                    continue
                rows.append((str(item.id), item.answer, draft_letter(item.answer, details)))
        except BatchError as exc:
            return None, f"Berkas tidak dapat dibaca: {exc}"
        if not rows:
            return None, "Tidak ada pertanyaan yang dapat dijawab.\n" + "\n".join(f"- {p}" for p in problems)
        try:
            csv_path, jsonl_path = write_batch(rows, self._fresh_dir(), "draf-" + safe_stem(src.stem))
        except OSError as exc:
            log.error("writing batch results failed: %s", exc)
            return None, "Hasil tidak dapat disimpan karena gangguan penyimpanan di server; silakan coba lagi."
        summary = f"{len(rows)} pertanyaan dijawab dan disusun drafnya; {len(problems)} baris dilewati."
        if problems:
            summary += "\n" + "\n".join(f"- {p}" for p in problems[:50])
        return [str(csv_path), str(jsonl_path)], summary

    def _fresh_dir(self) -> Path:
        # One folder per download keeps simultaneous users' files apart.
        self._sweep_files()
        path = self.d.files_dir / uuid.uuid4().hex[:12]
        path.mkdir(parents=True, exist_ok=True)
        return path

    def _sweep_files(self) -> None:
        """Delete download folders older than NETRAL_CACHE_MAX_AGE_SECONDS (gradio serves its own copy, which its
        cache sweep deletes): exports of feedback and letters must not pile up or stay reachable for long."""
        cutoff = time.time() - self.d.settings.cache_max_age_seconds
        if not self.d.files_dir.is_dir():
            return
        for folder in self.d.files_dir.iterdir():
            try:
                if folder.is_dir() and folder.stat().st_mtime < cutoff:
                    shutil.rmtree(folder, ignore_errors=True)
            except OSError:
                continue

    # admin -------------------------------------------------------------------------------------------------

    def login(self, password: str, request: gr.Request | None = None) -> tuple[bool, Any, str]:
        admin = self.d.admin
        if admin is None or not self.d.settings.admin_password:
            return False, gr.update(visible=False), "Tab admin nonaktif: atur NETRAL_ADMIN_PASSWORD lalu mulai ulang."
        result = admin.login(password or "", request_client(request))
        if result.refused:
            return False, gr.update(visible=False), wait_message(result.wait_s)
        if not result.ok:
            return False, gr.update(visible=False), "Kata sandi salah."
        return True, gr.update(visible=True), "Masuk sebagai admin."

    def upload_token(self, ok: bool) -> str:
        """A fresh upload right for the browser that just logged in to the admin tab (set as a cookie)."""
        return self.d.upload_tokens.issue() if ok else ""

    def corpus_table(self, ok: bool) -> tuple[list[list[Any]], str]:
        if not ok or self.d.admin is None:
            return [], ""
        status = self.d.admin.corpus_status()
        rows = [[d["id"], d["status"], d["pasal"], d["chunks"], d["title"], d["file"]] for d in status["documents"]]
        missing = "\n".join(f"- **{m['id']}** — {m['title']} (nama berkas: `{m['expected_file']}`)"
                            for m in status["missing"])
        return rows, ("Belum ada di korpus:\n" + missing) if missing else "Semua dokumen yang dikenal sudah dimuat."

    def upload(self, ok: bool, files: list[str] | None) -> str:
        if not ok or self.d.admin is None:
            return "Masuk sebagai admin terlebih dahulu."
        if not files:
            return f"Pilih berkas {FORMATS_TEXT} terlebih dahulu."
        try:
            saved = self.d.admin.accept([Path(f) for f in files])
        except UploadRejected as exc:
            return f"Berkas ditolak: {exc}"
        if not self.d.admin.start_ingest():
            return "Pengindeksan lain sedang berjalan; berkas sudah disimpan dan akan ikut pada pengindeksan berikut."
        return f"{len(saved)} berkas disimpan; pengindeksan berjalan di latar belakang."

    def letterhead_status(self, ok: bool) -> str:
        if not ok or self.d.admin is None:
            return ""
        with LetterheadStore.open(self.d.settings) as store:
            uploaded = store.uploaded_at()
        if uploaded is None:
            return ("Belum ada kop surat: surat .docx dan .pdf memakai kepala sederhana berisi nama unit "
                    "pengirim.")
        when = time.strftime("%d-%m-%Y %H:%M", time.localtime(uploaded))
        return (f"Kop surat terpasang (diunggah {when}). Surat .docx disusun di atasnya; surat .pdf memuat "
                "teksnya.")

    def upload_letterhead(self, ok: bool, file: str | None) -> str:
        if not ok or self.d.admin is None:
            return "Masuk sebagai admin terlebih dahulu."
        if not file:
            return "Pilih berkas kop surat (.docx) terlebih dahulu."
        try:
            self.d.admin.accept_letterhead(Path(file))
        except UploadRejected as exc:
            return render.escape_user_text(f"Kop surat ditolak: {exc}")
        except OSError as exc:
            log.error("storing the letterhead failed: %s", exc)
            return "Kop surat tidak dapat disimpan karena gangguan penyimpanan; silakan coba lagi."
        return "Kop surat disimpan. " + self.letterhead_status(ok)

    def remove_letterhead(self, ok: bool) -> str:
        if not ok or self.d.admin is None:
            return "Masuk sebagai admin terlebih dahulu."
        if not self.d.admin.remove_letterhead():
            return "Belum ada kop surat yang tersimpan."
        return "Kop surat dihapus. " + self.letterhead_status(ok)

    def failed_uploads(self, ok: bool) -> tuple[str, Any]:
        """The list of failed uploads (Markdown) and the choices of the file picker."""
        if not ok or self.d.admin is None:
            return "", gr.update(choices=[], value=None)
        failed = self.d.admin.failed_uploads()
        if not failed:
            return "Tidak ada unggahan yang gagal.", gr.update(choices=[], value=None)
        lines = [f"- **{render.escape_user_text(f.name)}** — {render.escape_user_text(f.reason)}" for f in failed]
        names = [f.name for f in failed]
        return "\n".join(lines), gr.update(choices=names, value=names[0])

    def set_aside(self, ok: bool, name: str | None, action: str) -> tuple[str, str, Any]:
        """Remove (`hapus`) or quarantine (`karantina`) a failed upload; then the refreshed list."""
        if not ok or self.d.admin is None:
            return "Masuk sebagai admin terlebih dahulu.", "", gr.update(choices=[], value=None)
        try:
            if action == "hapus":
                self.d.admin.remove_upload(name or "")
                msg = f"Berkas {render.escape_user_text(name or '')} dihapus."
            else:
                dest = self.d.admin.quarantine_upload(name or "")
                msg = (f"Berkas {render.escape_user_text(name or '')} dipindahkan ke karantina "
                       f"({render.escape_user_text(dest.name)}); berkas ini tidak akan dibaca lagi.")
        except UploadRejected as exc:
            msg = render.escape_user_text(str(exc))
        except OSError as exc:
            log.error("setting aside upload %r failed: %s", name, exc)
            msg = "Berkas tidak dapat dipindahkan atau dihapus karena gangguan penyimpanan."
        return (msg, *self.failed_uploads(ok))

    def job_status(self, ok: bool) -> str:
        if not ok or self.d.admin is None:
            return ""
        return self.d.admin.state.summary()

    def feedback_table(self, ok: bool, verdict: str = ALL, category: str = ALL, unreviewed: bool = False,
                       ) -> tuple[list[list[Any]], str, Any]:
        """The feedback rows matching the filters, their summary, and the reason filter's current choices."""
        if not ok:
            return [], "", gr.update()
        review = FeedbackReview(self.d.feedback, self._fresh_dir)
        rows, counts = review.table(verdict, category, unreviewed)
        return rows, counts, gr.update(choices=review.filters()[1])

    def mark_reviewed(self, ok: bool, ids: str, reviewed: bool = True) -> str:
        if not ok:
            return "Masuk sebagai admin terlebih dahulu."
        try:
            return FeedbackReview(self.d.feedback, self._fresh_dir).mark(ids, reviewed)
        except Exception:
            log.exception("marking feedback reviewed failed")
            return "⚠️ Tanda tinjau belum tersimpan karena gangguan penyimpanan; silakan coba lagi."

    def export_candidates(self, ok: bool) -> tuple[str | None, str]:
        """The disliked answers not reviewed yet, as gold-set candidates (JSONL) for a maintainer."""
        if not ok:
            return None, "Masuk sebagai admin terlebih dahulu."
        return FeedbackReview(self.d.feedback, self._fresh_dir).export_candidates()

    def export_feedback(self, ok: bool) -> str | None:
        if not ok:
            return None
        return str(self.d.feedback.export_csv(self._fresh_dir() / "masukan-netral.csv"))

    def export_audit(self, ok: bool) -> str | None:
        """The JSON API's audit log as CSV (rows past NETRAL_AUDIT_RETENTION_DAYS are deleted first)."""
        if not ok or self.d.audit is None:
            return None
        self.d.audit.prune()
        dest = self._fresh_dir() / "audit-api-netral.csv"
        self.d.audit.export_csv(dest)
        return str(dest)


def _answer_key(ans: Answer) -> str:
    """One answer of a session, as the session's judgements are keyed."""
    return hashlib.sha256(f"{ans.question}\n{ans.answer}".encode(errors="replace")).hexdigest()


# --- layout ----------------------------------------------------------------------------------------------------


def build_app(deps: WebDeps) -> gr.Blocks:
    h = Handlers(deps)
    # Uploaded and generated files in gradio's cache are deleted once they are NETRAL_CACHE_MAX_AGE_SECONDS old.
    sweep = (deps.settings.cache_sweep_seconds, deps.settings.cache_max_age_seconds)
    with gr.Blocks(title="Asisten Netralitas ASN", fill_width=False, delete_cache=sweep) as demo:
        gr.HTML(HEADER)
        gr.HTML(DISCLAIMER)
        with gr.Tabs() as tabs:
            with gr.Tab("Tanya jawab", id="tanya"):
                _chat_tab(h, demo)
            with gr.Tab("Cek situasi", id=TAB_ID):
                checker_tab(CheckerHandlers(deps.assistant, h._lookup), demo, tabs)
            with gr.Tab("Draf balasan", id="draf"):
                _draft_tab(h)
            with gr.Tab("Antrean", id="antrean"):
                _batch_tab(h)
            with gr.Tab("Admin", id="admin"):
                _admin_tab(h, deps)
    return demo


def _chat_tab(h: Handlers, demo: gr.Blocks) -> None:
    answers = gr.State([])
    conversation_id = gr.State("")
    # Without logins the browser keeps its own conversations (encrypted with a key that outlives restarts).
    kept = gr.BrowserState({}, storage_key="netral-percakapan", secret=browser_secret(h.d.settings))
    history = History(h.d.conversations, h.d.settings.max_saved_conversations, h._fresh_dir, h._lookup)
    with gr.Row(equal_height=False):
        with gr.Column(scale=3, min_width=320):
            chatbot = gr.Chatbot(
                label="Percakapan", show_label=False, height=480, elem_id="nt-chat",
                # Every answer can be judged where it stands: thumbs, or a reason under the flag (a dislike).
                feedback_options=FEEDBACK_OPTIONS,
                layout="bubble",
                placeholder="Tanyakan apa saja tentang netralitas ASN: partai, kampanye, media sosial, "
                            "pencalonan, atau sanksinya.",
                buttons=["copy"],
            )
            box = gr.Textbox(placeholder="Tulis pertanyaan Anda… (Enter untuk mengirim)", show_label=False,
                             max_length=h.d.settings.max_question_chars,
                             lines=1, max_lines=6, submit_btn="Kirim", elem_id="nt-question", autofocus=True)
            gr.Examples(EXAMPLES, inputs=box, label="Contoh pertanyaan")
            with gr.Row():
                up = gr.Button("✓ Membantu", size="sm", elem_id="nt-up", min_width=0)
                down = gr.Button("✕ Kurang tepat", size="sm", elem_id="nt-down", min_width=0)
                clear = gr.Button("Percakapan baru", size="sm", variant="secondary", min_width=0)
            comment = gr.Textbox(placeholder="Komentar (opsional): tulis dahulu, lalu nilai jawabannya dengan "
                                             "jempol atau bendera di bawah pesannya, atau dengan tombol di atas "
                                             "untuk jawaban terakhir",
                                 show_label=False, lines=1, max_lines=3, elem_id="nt-comment")
            fb_status = gr.Markdown()
            with gr.Accordion("Riwayat percakapan", open=False, elem_id="nt-history"):
                saved = gr.Dropdown(label="Percakapan tersimpan", choices=[], value=None, elem_id="nt-saved")
                with gr.Row():
                    reopen = gr.Button("Buka", size="sm", min_width=0, elem_id="nt-reopen")
                    forget = gr.Button("Hapus riwayat saya", size="sm", variant="stop", min_width=0)
                with gr.Row():
                    fmt = gr.Radio(list(EXPORT_FORMATS), value="pdf", label="Unduh percakapan ini sebagai")
                    download = gr.Button("Unduh", size="sm", min_width=0, elem_id="nt-download-chat")
                chat_file = gr.File(label="Berkas percakapan", interactive=False)
                history_status = gr.Markdown(elem_id="nt-history-status")
        with gr.Column(scale=2, min_width=300):
            panel = gr.HTML(render.EMPTY_PANEL, elem_id="nt-panel")
    box.submit(h.chat, [box, chatbot, answers], [chatbot, panel, answers, box], api_name="ask",
               concurrency_limit=h.d.concurrency, concurrency_id="answer").then(
        history.keep_answer, [answers, conversation_id, kept], [conversation_id, kept, saved, history_status],
        concurrency_limit=4, concurrency_id="history")
    clear.click(h.clear, None, [chatbot, panel, answers, box], api_name="clear").then(
        lambda: ("", gr.update(value=None)), None, [conversation_id, saved])
    reopen.click(history.reopen, [saved, kept], [chatbot, panel, answers, conversation_id, history_status],
                 concurrency_limit=4, concurrency_id="history")
    forget.click(history.forget, kept, [kept, saved, history_status], concurrency_limit=4,
                 concurrency_id="history")
    download.click(history.download, [answers, fmt], [chat_file, history_status])
    demo.load(history.on_load, kept, [chatbot, panel, answers, conversation_id, saved])
    rated = gr.State({})
    up.click(lambda c, a, r: (h.feedback(1, c, a, rated=r), "", r), [comment, answers, rated],
             [fb_status, comment, rated], api_name="like")
    down.click(lambda c, a, r: (h.feedback(-1, c, a, rated=r), "", r), [comment, answers, rated],
               [fb_status, comment, rated], api_name="dislike")

    def rate_message(data: gr.LikeData, c: str, chat: list[dict[str, Any]], a: list[Answer],
                     r: dict[str, int]) -> tuple[str, str, dict[str, int]]:
        return h.rate_message(data, c, chat, a, r), "", r

    chatbot.like(rate_message, [comment, chatbot, answers, rated], [fb_status, comment, rated],
                 api_visibility="private")
    q = gr.Textbox(visible=False)
    out = gr.JSON(visible=False)
    q.submit(h.ask_json, q, out, api_name="jawab", concurrency_limit=h.d.concurrency,
             concurrency_id="answer")


def _draft_tab(h: Handlers) -> None:
    answer = gr.State(None)
    details = gr.State(None)
    gr.Markdown("Untuk petugas BKD, Inspektorat, atau Bawaslu: jawaban yang sama, disusun sebagai surat balasan "
                "resmi lengkap dengan **Dasar hukum**. Sunting seperlunya, lalu salin atau unduh.")
    with gr.Row(equal_height=False):
        with gr.Column(scale=3, min_width=320):
            question = gr.Textbox(label="Pertanyaan yang masuk", lines=4, max_length=h.d.settings.max_question_chars,
                                  placeholder="Tempel isi pertanyaan/aduan di sini")
            with gr.Row():
                recipient = gr.Textbox(label="Kepada (Yth.)", placeholder="Saudara Penanya")
                number = gr.Textbox(label="Nomor surat", placeholder="800/123/BKD/2026")
            with gr.Row():
                unit = gr.Textbox(label="Unit pengirim", placeholder="Badan Kepegawaian Daerah …")
                signer = gr.Textbox(label="Penanda tangan", placeholder="Nama dan jabatan")
                city = gr.Textbox(label="Kota", placeholder="Semarang")
            go = gr.Button("Susun draf", variant="primary")
            note = gr.Markdown()
            letter = gr.Textbox(label="Draf surat (dapat disunting)", lines=22, max_lines=60, buttons=["copy"],
                                interactive=True, elem_id="nt-letter")
            with gr.Row():
                fmt = gr.Radio(list(FORMATS), value="docx", label="Format unduhan")
                export = gr.Button("Buat berkas unduhan")
            file_out = gr.File(label="Berkas", interactive=False, height=90)
            export_note = gr.Markdown()
        with gr.Column(scale=2, min_width=300):
            panel = gr.HTML(render.EMPTY_PANEL)
    go.click(h.draft, [question, recipient, unit, signer, city, number], [letter, panel, answer, note, details],
             api_name="draft", concurrency_limit=h.d.concurrency, concurrency_id="answer")
    export.click(h.export_letter, [letter, fmt, answer, details], [file_out, export_note], api_name="export_letter")


def _batch_tab(h: Handlers) -> None:
    gr.Markdown("Unggah antrean pertanyaan (**.csv** atau **.jsonl** dengan kolom `question`, dan `id` bila ada). "
                "Hasilnya: CSV untuk spreadsheet dan JSONL lengkap, berisi putusan, jawaban, dasar hukum, dan draf "
                "surat untuk setiap pertanyaan. Baris yang rusak dilewati dan dilaporkan.")
    with gr.Row():
        upload = gr.File(label="Berkas antrean (.csv atau .jsonl)", type="filepath")
        with gr.Column():
            unit = gr.Textbox(label="Unit pengirim", placeholder="Badan Kepegawaian Daerah …")
            city = gr.Textbox(label="Kota", placeholder="Semarang")
            go = gr.Button("Jawab semua", variant="primary")
    result = gr.File(label="Hasil", file_count="multiple", interactive=False)
    summary = gr.Markdown()

    # gradio injects a live progress tracker where a parameter defaults to gr.Progress().
    def run(upload_path: str | None, unit_: str, city_: str,
            progress: gr.Progress = gr.Progress()) -> Any:  # noqa: B008
        return h.batch(upload_path, unit_, city_, progress)

    # One queue file at a time; a queue of hundreds must not hold back the chat's own answers.
    go.click(run, [upload, unit, city], [result, summary], api_name="batch", concurrency_limit=1,
             concurrency_id="batch")


def _admin_tab(h: Handlers, deps: WebDeps) -> None:
    ok = gr.State(False)
    if not deps.settings.admin_password:
        gr.Markdown("Tab admin nonaktif. Atur `NETRAL_ADMIN_PASSWORD` lalu mulai ulang aplikasi.")
    with gr.Row():
        password = gr.Textbox(label="Kata sandi admin", type="password", scale=3)
        login = gr.Button("Masuk", scale=1)
    login_msg = gr.Markdown()
    with gr.Column(visible=False) as area:
        gr.Markdown("### Korpus")
        table = gr.Dataframe(headers=["id", "status", "pasal", "potongan", "judul", "berkas"], interactive=False,
                             wrap=True)
        missing = gr.Markdown()
        refresh = gr.Button("Muat ulang status", size="sm")
        gr.Markdown("### Tambah dokumen")
        # No `file_types`: gradio would refuse other files with an English message; Admin.accept explains in
        # Indonesian instead.
        files = gr.File(label=FORMATS_TEXT, file_count="multiple")
        send = gr.Button("Unggah dan indeks", variant="primary")
        upload_msg = gr.Markdown()
        job = gr.Textbox(label="Kemajuan pengindeksan", lines=6, interactive=False)
        gr.Markdown("### Unggahan yang gagal\nBerkas yang tidak dapat diindeks dapat dihapus, atau dipindahkan ke "
                    "karantina (`karantina/` di folder data) untuk diperiksa; berkas di karantina tidak dibaca lagi.")
        failed_list = gr.Markdown()
        with gr.Row():
            failed_pick = gr.Dropdown(label="Berkas", choices=[], scale=3, allow_custom_value=True)
            failed_refresh = gr.Button("Muat ulang daftar", size="sm", scale=1)
        with gr.Row():
            remove = gr.Button("Hapus berkas", size="sm", variant="stop")
            quarantine = gr.Button("Pindahkan ke karantina", size="sm")
        failed_msg = gr.Markdown()
        gr.Markdown("### Kop surat\nDokumen Word (.docx) berisi kop surat instansi. Surat balasan yang diunduh "
                    "disusun di atasnya (kepala halaman dan isi halaman pertamanya dipertahankan, surat ditambahkan "
                    f"sesudahnya); paling besar {deps.settings.max_letterhead_mb} MB.")
        letterhead_msg = gr.Markdown()
        letterhead_file = gr.File(label="Kop surat (.docx)", type="filepath")
        with gr.Row():
            letterhead_send = gr.Button("Simpan kop surat", size="sm", variant="primary")
            letterhead_drop = gr.Button("Hapus kop surat", size="sm", variant="stop")
        gr.Markdown("### Masukan pengguna\nPenilaian setiap jawaban, menurut putusan dan alasannya. Jawaban yang "
                    "dinilai kurang tepat dapat diunduh sebagai kandidat gold set untuk dilengkapi pemelihara, lalu "
                    "ditandai sudah ditinjau.")
        verdicts, reasons = FeedbackReview(deps.feedback, h._fresh_dir).filters()
        with gr.Row():
            fb_verdict = gr.Dropdown(verdicts, value=ALL, label="Putusan", scale=2)
            fb_reason = gr.Dropdown(reasons, value=ALL, label="Alasan", scale=2)
            fb_open = gr.Checkbox(label="Belum ditinjau saja", value=False, scale=1)
        fb_counts = gr.Markdown(elem_id="nt-feedback-counts")
        fb = gr.Dataframe(headers=list(EXPORT_COLUMNS), interactive=False, wrap=True, elem_id="nt-feedback")
        with gr.Row():
            fb_refresh = gr.Button("Muat ulang masukan", size="sm")
            fb_export = gr.Button("Ekspor CSV", size="sm")
            fb_candidates = gr.Button("Unduh kandidat gold (.jsonl)", size="sm")
        with gr.Row():
            fb_ids = gr.Textbox(label="Nomor masukan yang sudah ditinjau", placeholder="3, 5, 7-9", scale=3)
            fb_mark = gr.Button("Tandai sudah ditinjau", size="sm", scale=1)
            fb_unmark = gr.Button("Batalkan tanda", size="sm", scale=1)
        fb_msg = gr.Markdown()
        fb_file = gr.File(label="Ekspor", interactive=False)
        gr.Markdown("### Log audit API\nSetiap panggilan API JSON: nama kunci, waktu, pertanyaan, putusan, dan pasal "
                    "yang dikutip (disimpan sesuai NETRAL_AUDIT_RETENTION_DAYS).")
        audit_export = gr.Button("Ekspor log audit CSV", size="sm")
        audit_file = gr.File(label="Log audit", interactive=False)
    timer = gr.Timer(1.0, active=False)
    token = gr.Textbox(visible=False)
    internal: dict[str, Any] = {"api_visibility": "private"}
    login.click(h.login, password, [ok, area, login_msg], api_name="admin_login").then(
        h.upload_token, ok, token, **internal).then(None, token, None, js=SET_UPLOAD_COOKIE, **internal).then(
        h.corpus_table, ok, [table, missing], **internal).then(
        h.feedback_table, [ok, fb_verdict, fb_reason, fb_open], [fb, fb_counts, fb_reason], **internal).then(
        h.failed_uploads, ok, [failed_list, failed_pick], **internal).then(
        h.letterhead_status, ok, letterhead_msg, **internal).then(
        lambda o: gr.Timer(active=bool(o)), ok, timer, **internal)
    refresh.click(h.corpus_table, ok, [table, missing], api_name="admin_corpus")
    send.click(h.upload, [ok, files], upload_msg, api_name="admin_upload")
    timer.tick(h.job_status, ok, job, **internal)
    failed_refresh.click(h.failed_uploads, ok, [failed_list, failed_pick], api_name="admin_failed_uploads")
    remove.click(lambda o, n: h.set_aside(o, n, "hapus"), [ok, failed_pick], [failed_msg, failed_list, failed_pick],
                 api_name="admin_remove_upload")
    quarantine.click(lambda o, n: h.set_aside(o, n, "karantina"), [ok, failed_pick],
                     [failed_msg, failed_list, failed_pick], api_name="admin_quarantine_upload")
    letterhead_send.click(h.upload_letterhead, [ok, letterhead_file], letterhead_msg, api_name="admin_letterhead")
    letterhead_drop.click(h.remove_letterhead, ok, letterhead_msg, api_name="admin_remove_letterhead")
    listing = ([ok, fb_verdict, fb_reason, fb_open], [fb, fb_counts, fb_reason])
    fb_refresh.click(h.feedback_table, *listing, api_name="admin_feedback")
    for control in (fb_verdict, fb_reason, fb_open):
        control.change(h.feedback_table, *listing, **internal)
    fb_export.click(h.export_feedback, ok, fb_file, api_name="admin_feedback_csv")
    fb_candidates.click(h.export_candidates, ok, [fb_file, fb_msg], api_name="admin_feedback_candidates")
    fb_mark.click(lambda o, i: h.mark_reviewed(o, i, True), [ok, fb_ids], fb_msg, api_name="admin_feedback_reviewed"
                  ).then(h.feedback_table, *listing, **internal)
    fb_unmark.click(lambda o, i: h.mark_reviewed(o, i, False), [ok, fb_ids], fb_msg, **internal).then(
        h.feedback_table, *listing, **internal)
    audit_export.click(h.export_audit, ok, audit_file, api_name="admin_audit_csv")


def launch(demo: gr.Blocks, settings: Settings, block: bool = True, port: int | None = None,
           upload_tokens: UploadTokens | None = None, api: Any = None) -> Any:
    """Serve the app on the configured host and port (127.0.0.1 by default). The answering events carry their
    own concurrency limit (`WebDeps.concurrency`); the queue holds up to 200 waiting requests. The gate
    (ui/guard.py) screens uploads, accepting large ones only with one of `upload_tokens` (WebDeps'), and the
    NETRAL_AUTH login is throttled. `api` (ui/api.py's `build_api`) is mounted at /api/v1 on the same server:
    ahead of gradio's own routes, behind its own keys rather than the NETRAL_AUTH login, which programs cannot
    fill in. Kept conversations are the app's own (ui/history.py), not gradio's run history, which is off."""
    from starlette.middleware import Middleware
    from starlette.routing import Mount

    from ui.api import API_PREFIX

    pairs = settings.auth_pairs()
    auth = AppLogin(pairs, LoginThrottle.from_settings(settings, "NETRAL_AUTH login")) if pairs else None
    gate = Middleware(Gate, settings=settings, tokens=upload_tokens or UploadTokens())
    demo.queue(max_size=200)
    return demo.launch(
        server_name=settings.web_host, server_port=port if port is not None else settings.web_port, auth=auth,
        auth_message="Masuk untuk memakai Asisten Netralitas ASN." if auth else None,
        prevent_thread_lock=not block, show_error=False, quiet=not block, footer_links=[],
        theme=theme(), css=stylesheet(), js=page_script(), max_file_size=f"{settings.max_upload_mb}mb",
        # gradio would otherwise keep every event's inputs and outputs (questions, answers) in the browser's
        # storage: a shared desk computer would show the last person's questions, and "Hapus riwayat saya"
        # would not forget them. Off, it also deletes what an earlier version left there.
        run_history=False,
        app_kwargs={"middleware": [gate], "routes": [Mount(API_PREFIX, app=api)] if api is not None else []},
    )
