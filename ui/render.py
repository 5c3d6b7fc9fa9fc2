"""HTML and Markdown for the web page: verdict badge, citation cards, chat messages.

Every piece of text that comes from a user or from the corpus passes through `html.escape` here, so a question
containing `<script>` is shown as text and never runs.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

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

ERROR_MARK = "⚠️"
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


def _norm(text: str) -> str:
    return " ".join((text or "").split()).lower()


def _marked_paragraphs(text: str, part: str) -> str:
    """The Pasal's paragraphs, those of the quoted part inside <mark>: a paragraph is the part's when the part's
    exact text holds it (the part's own lines and its sub-items)."""
    whole = _norm(part)
    out = []
    for para in (p for p in text.split("\n") if p.strip()):
        if whole and _norm(para) in whole:
            out.append(f'<p><mark class="nt-quoted">{esc(para)}</mark></p>')
        else:
            out.append(f"<p>{esc(para)}</p>")
    return "".join(out)


def _whole_pasal(view: ArticleView) -> str:
    pen = view.penjelasan.strip()
    pen_html = (f'<div class="nt-penjelasan"><div class="nt-sub">Penjelasan</div>{_paragraphs(pen)}</div>'
                if pen and pen.lower() not in ("cukup jelas.", "cukup jelas") else
                '<div class="nt-penjelasan nt-muted">Penjelasan: cukup jelas.</div>' if pen else "")
    part_pen = ""
    if view.part and view.part_penjelasan:
        # The Penjelasan of the quoted part first: what a reader opening the Pasal from this citation looks for.
        part_pen = (f'<div class="nt-penjelasan nt-part-penjelasan"><div class="nt-sub">Penjelasan {esc(view.part)}'
                    f"</div><p>{esc(view.part_penjelasan)}</p></div>")
    rebuilt = ('<div class="nt-muted">Judul pasal ini rusak atau hilang pada teks sumber dan dibaca ulang dari '
               'urutan nomor pasal; cocokkan dengan naskah resmi.</div>' if view.reconstructed else "")
    marked_note = (f'<div class="nt-muted nt-marked-note">Bagian yang dikutip ({esc(view.part)}) ditandai.</div>'
                   if view.part and view.part_text else "")
    return (f'<details class="nt-whole"><summary>Buka {esc(view.title)} selengkapnya</summary>'
            f'<div class="nt-body"><div class="nt-doc">{esc(view.document)}</div>{rebuilt}{marked_note}'
            f"{_marked_paragraphs(view.text, view.part_text)}{part_pen}{pen_html}</div></details>")


def _origin(view: ArticleView | None) -> str:
    """Which official document the card's text comes from, its page when known, and where it is published."""
    if view is None:
        return ""
    where = esc(view.document) + (f", halaman {view.page}" if view.page else "")
    published = ""
    for entry in view.published[:1]:  # "Database Peraturan BPK, https://peraturan.bpk.go.id (cari: …)"
        url = _URL.search(entry)
        name = entry.split(",", 1)[0].strip()
        if url and name:
            rest = entry[url.end():].strip()
            published = (f'. Naskah resmi: <a href="{esc(url.group(0))}" target="_blank" rel="noopener noreferrer">'
                         f"{esc(name)}</a>{' ' + esc(rest) if rest else ''}")
    return f'<div class="nt-origin">Sumber: {where}{published}</div>'


_URL = re.compile(r"https?://[^\s)]+")


def card_id(number: int, turn: int | str | None = None) -> str:
    """The id of a citation card: per answer of the conversation (`turn`) in the chat, per tab elsewhere ("cek"),
    plain in the letter desk."""
    return f"sitasi-{number}" if turn is None else f"sitasi-{turn}-{number}"


def citation_card(c: Citation, lookup: ArticleLookup | None = None, turn: int | str | None = None) -> str:
    view = lookup(c.id or c.article_id) if lookup and (c.id or c.article_id) else None
    whole = _whole_pasal(view) if view else ""
    return (
        f'<article class="nt-card" id="{card_id(c.number, turn)}" tabindex="-1">'
        f'<header><span class="nt-num">{c.number}</span><span class="nt-label">{esc(c.label)}</span>'
        f"{status_badge(c.status)}</header>"
        f'<blockquote class="nt-quote">{esc(c.quote)}</blockquote>{_origin(view)}{whole}</article>'
    )


def answer_panel(ans: Answer, lookup: ArticleLookup | None = None, turn: int | str | None = None) -> str:
    """The side panel for one answer: verdict, notes, and a card per citation."""
    parts = [f'<div class="nt-panel"><div class="nt-panel-head">{verdict_badge(ans.verdict)}']
    if ans.backend:
        parts.append(f'<span class="nt-muted nt-backend">{esc(ans.backend)}</span>')
    parts.append("</div>")
    for note in ans.notes:
        parts.append(f'<div class="nt-note">{esc(note)}</div>')
    if ans.citations:
        parts.append('<div class="nt-sub">Dasar hukum</div>')
        parts.extend(citation_card(c, lookup, turn) for c in ans.citations)
    else:
        parts.append('<div class="nt-note nt-muted">Tidak ada pasal dalam peraturan yang dimuat yang menjadi '
                     "dasar jawaban ini.</div>")
    parts.append("</div>")
    return "".join(parts)


MAX_PANEL_TURNS = 8


def conversation_panel(answers: list[Answer], lookup: ArticleLookup | None = None) -> str:
    """The side panel of a conversation: the latest answer's cards shown, the cards of the answers before it kept
    hidden (newest first, at most MAX_PANEL_TURNS), so that a `[n]` link in an earlier message can show its own
    answer's card n (ui/static/citations.js)."""
    if not answers:
        return EMPTY_PANEL
    latest = len(answers) - 1
    sections = []
    for k in range(latest, max(-1, latest - MAX_PANEL_TURNS), -1):
        head = "" if k == latest else (f'<div class="nt-sub nt-turn-head">Jawaban atas: '
                                       f"{esc(_short(answers[k].question))}</div>")
        sections.append(f'<section class="nt-turn" data-turn="{k}"{"" if k == latest else " hidden"}>'
                        f"{head}{answer_panel(answers[k], lookup, k)}</section>")
    return "".join(sections)


def check_card(title: str, context: list[str], ans: Answer | None, lookup: ArticleLookup | None = None,
               stage: str = "") -> str:
    """The situation checker's card: who and when, the act, the verdict with its reasoning (condition and sanction
    included), the notes, and a card per provision with its quote. Prints on its own (style.css)."""
    if ans is None:
        return ('<div class="nt-panel nt-empty" id="nt-kartu">Pilih siapa Anda dan perbuatannya, lalu tekan '
                "<b>Periksa</b>. Perbuatan yang tidak ada dalam daftar belum ada dalam peta aturan; tanyakan "
                "di tab Tanya jawab.</div>")
    parts = [f'<div class="nt-check" id="nt-kartu"><div class="nt-check-who">{esc(" · ".join(context))}</div>',
             f'<h2 class="nt-check-act">{esc(title)}</h2><div class="nt-panel-head">{verdict_badge(ans.verdict)}'
             "</div>", f'<div class="nt-check-reason">{_paragraphs(ans.answer)}</div>']
    parts.extend(f'<div class="nt-note">{esc(note)}</div>' for note in ans.notes)
    if stage:
        # The rule map's entries carry no stage: say so, rather than let the choice look weighed.
        parts.append(f'<div class="nt-note nt-muted">Tahapan yang dipilih ({esc(stage)}) tidak mengubah putusan ini '
                     "dalam peta aturan; bila saatnya menentukan (misalnya sejak ditetapkan sebagai calon), "
                     "syarat di atas menyebutnya.</div>")
    if ans.citations:
        parts.append('<div class="nt-sub">Dasar hukum</div>')
        parts.extend(citation_card(c, lookup, "cek") for c in ans.citations)
    parts.append('<div class="nt-muted nt-check-foot">Disusun dari peta aturan netralitas dan teks peraturan yang '
                 "dimuat; bukan nasihat hukum. Untuk kasus Anda, tanyakan kepada BKD, Inspektorat, atau Bawaslu "
                 "setempat.</div></div>")
    return "".join(parts)


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def verdict_heading(ans: Answer) -> str:
    """The verdict label, or "" when the answer already opens with it ("Tidak boleh. …")."""
    label = VERDICT_LABEL.get(ans.verdict, ans.verdict)
    return "" if ans.answer.lower().startswith(label.lower()) else label


# A citation marker as escape_user_text leaves it: "\\[2\\]".
_ESCAPED_MARKER = re.compile(r"\\\[(\d+)\\\]")


def answer_message(ans: Answer, turn: int | None = None) -> str:
    """The assistant's chat bubble in Markdown: verdict first, the answer, then the short citation list. With the
    answer's place in the conversation (`turn`), every `[n]` and every listed provision links to its card."""
    heading = verdict_heading(ans)
    lines = [f"**{heading}**", ""] if heading else []
    text = escape_user_text(ans.answer)
    numbers = {c.number for c in ans.citations}
    if turn is not None:
        text = _ESCAPED_MARKER.sub(
            lambda m: f"[\\[{m.group(1)}\\]](#{card_id(int(m.group(1)), turn)})" if int(m.group(1)) in numbers
            else m.group(0), text)
    lines.append(text.replace("\n", "  \n"))
    if ans.notes:
        lines += ["", *[f"> {escape_user_text(n)}" for n in ans.notes]]
    if ans.citations:
        lines += ["", "**Dasar hukum:**"]
        for c in ans.citations:
            label = escape_user_text(c.label)
            if turn is not None:
                label = f"[{label}](#{card_id(c.number, turn)})"
            lines.append(f"{c.number}. {label} — _{badge_text(c.status)}_")
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
    return f"{ERROR_MARK} {escape_user_text(text)}"


def message_text(content: Any) -> str:
    """A chat message's text, whether the chatbot gives it as a string or as a list of content blocks."""
    if isinstance(content, str):
        return content
    if isinstance(content, dict):
        return str(content.get("text") or content.get("content") or "")
    if isinstance(content, list):
        return " ".join(message_text(part) for part in content)
    return ""


def answer_index(chat: list[dict[str, Any]], index: int | tuple[int, int] | list[int]) -> int | None:
    """Which answer of the conversation the chat message at `index` shows: the assistant's messages are the
    answers in order, except those that say an answer failed (they start with ERROR_MARK). None for a question,
    a failure, or an index outside the chat."""
    i = index if isinstance(index, int) else index[0]
    if not 0 <= i < len(chat) or chat[i].get("role") != "assistant":
        return None
    answered = [m for m in chat[: i + 1] if m.get("role") == "assistant"
                and not message_text(m.get("content")).startswith(ERROR_MARK)]
    if message_text(chat[i].get("content")).startswith(ERROR_MARK):
        return None
    return len(answered) - 1
