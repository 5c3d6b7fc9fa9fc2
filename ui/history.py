"""The chat's kept conversations on the page: saved after every answer, reopened on a reload or from the list,
forgotten on request, downloaded with their citations. Whose they are decides where they are kept
(ui/conversations.py): a NETRAL_AUTH login's in the store, anyone else's in their own browser.

Every handler answers with an Indonesian message instead of raising, and never touches the chat itself when
the store fails: the conversation on the screen is never lost to a failed save.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import gradio as gr

from netral.records import Answer, ArticleView
from ui import render
from ui.conversations import (
    BrowserCopy,
    Conversation,
    ConversationStore,
    browser_get,
    browser_list,
    browser_save,
    new_conversation_id,
)
from ui.exports import safe_stem, write_conversation

log = logging.getLogger(__name__)

EXPORT_FORMATS = ("docx", "pdf")
SAVE_FAILED = "⚠️ Percakapan ini belum tersimpan karena gangguan penyimpanan; jawabannya tetap tampil di layar."


def _owner(request: gr.Request | None) -> str:
    """The login name when NETRAL_AUTH is on, else "" (the browser keeps the conversations)."""
    return str(getattr(request, "username", None) or "")


class History:
    def __init__(self, store: ConversationStore | None, keep: int, files: Callable[[], Path],
                 lookup: Callable[[str], ArticleView | None]):
        self.store = store
        self.keep = keep
        self._files = files  # a fresh folder for one download
        self._lookup = lookup

    def _conversations(self, owner: str, copy: BrowserCopy | None) -> list[Conversation]:
        if owner and self.store is not None:
            return self.store.list(owner)
        return browser_list(copy)

    def _choices(self, owner: str, copy: BrowserCopy | None, selected: str = "") -> Any:
        try:
            rows = self._conversations(owner, copy)
        except Exception:
            log.exception("listing conversations failed")
            rows = []
        choices = [(f"{r.title or '(tanpa judul)'} — {r.when}", r.id) for r in rows]
        return gr.update(choices=choices, value=selected if any(c[1] == selected for c in choices) else None)

    def _page(self, answers: tuple[Answer, ...] | list[Answer]) -> tuple[list[dict[str, Any]], str]:
        """The chat and the citation panel of a kept conversation, as they were shown when it was answered."""
        chat: list[dict[str, Any]] = []
        for turn, a in enumerate(answers):
            chat.append({"role": "user", "content": render.escape_user_text(a.question)})
            chat.append({"role": "assistant", "content": render.answer_message(a, turn)})
        panel = render.conversation_panel(list(answers), self._lookup)
        return chat, panel

    def keep_answer(self, answers: list[Answer] | None, conversation_id: str, copy: BrowserCopy | None,
                    request: gr.Request | None = None) -> tuple[str, BrowserCopy | None, Any, str]:
        """After an answer: (conversation id, the browser's copy, the list, a message when saving failed)."""
        answers = list(answers or [])
        owner = _owner(request)
        if not answers:
            return conversation_id, copy, self._choices(owner, copy, conversation_id), ""
        conversation_id = conversation_id or new_conversation_id()
        try:
            if owner and self.store is not None:
                self.store.save(owner, conversation_id, answers)
            else:
                copy = browser_save(copy, conversation_id, answers, self.keep)
        except Exception:
            log.exception("saving the conversation failed")
            return conversation_id, copy, self._choices(owner, copy, conversation_id), SAVE_FAILED
        return conversation_id, copy, self._choices(owner, copy, conversation_id), ""

    def reopen(self, conversation_id: str | None, copy: BrowserCopy | None, request: gr.Request | None = None,
               ) -> tuple[Any, Any, Any, Any, str]:
        """A kept conversation back on the page: (chat, panel, answers, conversation id, message); nothing on the
        page changes when it cannot be read."""
        owner = _owner(request)
        if not conversation_id:
            return gr.skip(), gr.skip(), gr.skip(), gr.skip(), "Pilih percakapan dari daftar."
        try:
            found = (self.store.get(owner, conversation_id) if owner and self.store is not None
                     else browser_get(copy, conversation_id))
        except Exception:
            log.exception("reading conversation %s failed", conversation_id)
            found = None
        if found is None or not found.answers:
            return gr.skip(), gr.skip(), gr.skip(), gr.skip(), "Percakapan itu tidak ditemukan lagi."
        chat, panel = self._page(found.answers)
        return chat, panel, list(found.answers), found.id, ""

    def on_load(self, copy: BrowserCopy | None, request: gr.Request | None = None,
                ) -> tuple[Any, Any, Any, Any, Any]:
        """A (re)loaded page shows the latest conversation again, and the list of the others."""
        owner = _owner(request)
        try:
            rows = self._conversations(owner, copy)
        except Exception:
            log.exception("listing conversations failed")
            rows = []
        if not rows:
            return gr.skip(), gr.skip(), gr.skip(), gr.skip(), self._choices(owner, copy)
        chat, panel, answers, conversation_id, _msg = self.reopen(rows[0].id, copy, request)
        return chat, panel, answers, conversation_id, self._choices(owner, copy, rows[0].id)

    def forget(self, copy: BrowserCopy | None, request: gr.Request | None = None,
               ) -> tuple[BrowserCopy | None, Any, str]:
        """"Hapus riwayat saya": every kept conversation of this person (or browser); the one on the screen stays
        until they start a new one."""
        owner = _owner(request)
        try:
            if owner and self.store is not None:
                count = self.store.delete_all(owner)
            else:
                count, copy = len(browser_list(copy)), {}
        except Exception:
            log.exception("deleting conversations failed")
            return copy, gr.skip(), "⚠️ Riwayat belum terhapus karena gangguan penyimpanan; silakan coba lagi."
        return copy, self._choices(owner, copy), f"Riwayat dihapus ({count} percakapan)."

    def download(self, answers: list[Answer] | None, fmt: str) -> tuple[str | None, str]:
        """The conversation on the screen, with every citation's quote and status, as .docx or .pdf."""
        if not answers:
            return None, "Belum ada percakapan untuk diunduh."
        if fmt not in EXPORT_FORMATS:
            return None, f"Format tidak dikenal; pilih {', '.join(EXPORT_FORMATS)}."
        try:
            path = write_conversation(list(answers), self._files(), "percakapan-" + safe_stem(answers[0].question),
                                      fmt)
        except Exception:
            log.exception("writing the conversation as %s failed", fmt)
            return None, "Berkas tidak dapat dibuat karena gangguan di server; silakan coba lagi."
        return str(path), f"Berkas {path.name} siap diunduh."
