"""HTML and Markdown for the web page: verdict badge, citation cards, chat messages.

Every piece of text that comes from a user or from the corpus passes through `html.escape` here, so a question
containing `<script>` is shown as text and never runs.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from netral.records import VERDICT_LABEL, Answer, ArticleView, Citation
from netral.statuses import status_badge as badge_text
from netral.statuses import status_label

ArticleLookup = Callable[[str], ArticleView | None]

VERDICT_CLASS = {
    "boleh": "v-boleh",
    "tidak_boleh": "v-tidak",
    "bersyarat": "v-syarat",
    "informasi": "v-info",
    "di_luar_cakupan": "v-luar",
}
VERDICT_ICON = {"boleh": "✓", "tidak_boleh": "✕", "bersyarat": "!", "informasi": "i", "di_luar_cakupan": "?"}
STATUS_CLASS = {"berlaku": "s-berlaku", "diubah": "s-diubah", "dicabut": "s-dicabut", "materi": "s-materi"}

EMPTY_PANEL = (
    '<div class="nt-panel nt-empty">Dasar hukum jawaban akan muncul di sini: pasal yang dikutip, teksnya, '
    "dan apakah peraturannya masih berlaku.</div>"
)


def esc(text: str) -> str:
    return html.escape(text or "", quote=True)


def escape_user_text(text: str) -> str:
    """A user's message for the chat window: shown literally (no HTML, no Markdown tricks)."""
    escaped = html.escape(text or "", quote=False)
    # Markdown would still turn `*x*`, `#` or `[a](b)` into formatting or links; backslash-escape them.
    return re.sub(r"([\\`*_\[\]#|>~])", r"\\\1", escaped)


def verdict_badge(verdict: str) -> str:
    cls = VERDICT_CLASS.get(verdict, "v-info")
    icon = VERDICT_ICON.get(verdict, "i")
    return (f'<span class="nt-verdict {cls}"><span class="nt-verdict-icon">{icon}</span>'
            f"{esc(VERDICT_LABEL.get(verdict, verdict))}</span>")


def status_badge(status: str) -> str:
    return (f'<span class="nt-status {STATUS_CLASS.get(status, "s-lain")}" '
            f'title="{esc(status_label(status))}">{esc(badge_text(status))}</span>')


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{esc(p)}</p>" for p in text.split("\n") if p.strip())


def _whole_pasal(view: ArticleView) -> str:
    pen = view.penjelasan.strip()
    pen_html = (f'<div class="nt-penjelasan"><div class="nt-sub">Penjelasan</div>{_paragraphs(pen)}</div>'
                if pen and pen.lower() not in ("cukup jelas.", "cukup jelas") else
                '<div class="nt-penjelasan nt-muted">Penjelasan: cukup jelas.</div>' if pen else "")
    rebuilt = ('<div class="nt-muted">Judul pasal ini rusak atau hilang pada teks sumber dan dibaca ulang dari '
               'urutan nomor pasal; cocokkan dengan naskah resmi.</div>' if view.reconstructed else "")
    return (f'<details class="nt-whole"><summary>Buka {esc(view.title)} selengkapnya</summary>'
            f'<div class="nt-body"><div class="nt-doc">{esc(view.document)}</div>{rebuilt}{_paragraphs(view.text)}'
            f"{pen_html}</div></details>")


def citation_card(c: Citation, lookup: ArticleLookup | None = None) -> str:
    view = lookup(c.article_id) if lookup and c.article_id else None
    whole = _whole_pasal(view) if view else ""
    return (
        f'<article class="nt-card" id="sitasi-{c.number}">'
        f'<header><span class="nt-num">{c.number}</span><span class="nt-label">{esc(c.label)}</span>'
        f"{status_badge(c.status)}</header>"
        f'<blockquote class="nt-quote">{esc(c.quote)}</blockquote>{whole}</article>'
    )


def answer_panel(ans: Answer, lookup: ArticleLookup | None = None) -> str:
    """The side panel for one answer: verdict, notes, and a card per citation."""
    parts = [f'<div class="nt-panel"><div class="nt-panel-head">{verdict_badge(ans.verdict)}']
    if ans.backend:
        parts.append(f'<span class="nt-muted nt-backend">{esc(ans.backend)}</span>')
    parts.append("</div>")
    for note in ans.notes:
        parts.append(f'<div class="nt-note">{esc(note)}</div>')
    if ans.citations:
        parts.append('<div class="nt-sub">Dasar hukum</div>')
        parts.extend(citation_card(c, lookup) for c in ans.citations)
    else:
        parts.append('<div class="nt-note nt-muted">Tidak ada pasal dalam peraturan yang dimuat yang menjadi '
                     "dasar jawaban ini.</div>")
    parts.append("</div>")
    return "".join(parts)


def verdict_heading(ans: Answer) -> str:
    """The verdict label, or "" when the answer already opens with it ("Tidak boleh. …")."""
    label = VERDICT_LABEL.get(ans.verdict, ans.verdict)
    return "" if ans.answer.lower().startswith(label.lower()) else label


def answer_message(ans: Answer) -> str:
    """The assistant's chat bubble in Markdown: verdict first, the answer, then the short citation list."""
    heading = verdict_heading(ans)
    lines = [f"**{heading}**", ""] if heading else []
    lines.append(escape_user_text(ans.answer).replace("\n", "  \n"))
    if ans.notes:
        lines += ["", *[f"> {escape_user_text(n)}" for n in ans.notes]]
    if ans.citations:
        lines += ["", "**Dasar hukum:**"]
        lines += [f"{c.number}. {escape_user_text(c.label)} — _{badge_text(c.status)}_"
                  for c in ans.citations]
    return "\n".join(lines)


def answer_text(ans: Answer) -> str:
    """The same answer as plain text for a terminal: verdict, answer, notes, citations, backend and time."""
    lines = [f"[{VERDICT_LABEL[ans.verdict]}] {ans.answer}"]
    lines += [f"Catatan: {note}" for note in ans.notes]
    if ans.citations:
        lines.append("\nDasar hukum:")
        lines += [f"  [{c.number}] {c.label} — {status_label(c.status)}" for c in ans.citations]
    lines.append(f"\n(backend {ans.backend}, {ans.timings.get('total_ms', 0):.0f} ms)")
    return "\n".join(lines)


def error_message(text: str) -> str:
    return f"⚠️ {escape_user_text(text)}"
