"""The "Cek situasi" tab: who you are, which election and stage, which act (searchable, from the rule map) → one
card with the verdict, its condition, the provisions with their quotes, the sanction and the notes. The choices
live in the page's URL (`?tab=cek&pelaku=PNS&pemilihan=pilkada&tahapan=kampanye&perbuatan=…`), so a helpdesk can
send a link that opens the same card."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Protocol
from urllib.parse import urlencode

import gradio as gr

from assistant.checker import ACTORS, ELECTIONS, STAGES, Choice
from netral.records import Answer, ArticleView
from ui import render

log = logging.getLogger(__name__)

TAB_ID = "cek"
FAILED = "Maaf, kartu tidak dapat disusun karena gangguan di server; silakan coba lagi sebentar lagi."
# After a check the page's address is the card's link (no reload), and the full address is shown to copy.
SHOW_LINK = ("(query) => { if (query) { history.replaceState(null, '', query); return window.location.href; } "
             "return ''; }")
PRINT = "() => { window.print(); }"


class SituationChecker(Protocol):
    def situation_acts(self, actor: str, election: str = "semua") -> list[tuple[str, str]]: ...

    def check_situation(self, choice: Choice) -> Answer | None: ...


class CheckerHandlers:
    def __init__(self, checker: SituationChecker, lookup: Callable[[str], ArticleView | None]):
        self.checker = checker
        self.lookup = lookup

    def act_choices(self, actor: str, election: str, current: str | None = None) -> Any:
        """The acts offered for this asker and election; the act chosen stays chosen while it is offered."""
        try:
            choices = self.checker.situation_acts(actor, election)
        except Exception:
            log.exception("listing the checker's acts failed")
            choices = []
        keep = current if any(v == current for _t, v in choices) else None
        return gr.update(choices=choices, value=keep)

    def card(self, actor: str, election: str, stage: str, act: str | None) -> tuple[str, str]:
        """(the card, the query string of its link; "" when nothing was checked)."""
        choice = Choice(actor, election, stage or "", act or "").valid()
        if not choice.act:
            return render.check_card("", [], None), ""
        try:
            ans = self.checker.check_situation(choice)
        except Exception:
            log.exception("checking situation %r failed", choice)
            return render.error_message(FAILED), ""
        if ans is None:
            return (render.error_message("Perbuatan ini tidak diatur untuk pilihan Anda dalam peta aturan, atau "
                                         "pasalnya belum dimuat. Tanyakan di tab Tanya jawab."), "")
        title = next((t for t, v in self.checker.situation_acts(choice.actor, choice.election) if v == choice.act),
                     ans.question)
        stage_label = STAGES.get(choice.stage, "")
        context = [ACTORS[choice.actor], ELECTIONS[choice.election], *([stage_label] if stage_label else [])]
        card = render.check_card(title, context, ans, self.lookup, stage_label)
        return card, "?" + urlencode(link_params(choice))

    def from_url(self, request: gr.Request | None) -> tuple[Any, ...]:
        """A page opened from a card's link: the tab, the choices and the card itself."""
        params = dict(request.query_params) if request is not None else {}
        if params.get("tab") != TAB_ID:
            return (gr.update(),) * 7
        choice = Choice(params.get("pelaku", "PNS"), params.get("pemilihan", "semua"), params.get("tahapan", ""),
                        params.get("perbuatan", "")).valid()
        acts = self.act_choices(choice.actor, choice.election, choice.act)
        card, _query = self.card(choice.actor, choice.election, choice.stage, choice.act)
        return (gr.Tabs(selected=TAB_ID), choice.actor, choice.election, choice.stage or None, acts, card,
                gr.update())


def link_params(choice: Choice) -> dict[str, str]:
    params = {"tab": TAB_ID, "pelaku": choice.actor, "pemilihan": choice.election}
    if choice.stage:
        params["tahapan"] = choice.stage
    params["perbuatan"] = choice.act
    return params


def checker_tab(h: CheckerHandlers, demo: gr.Blocks, tabs: gr.Tabs) -> None:
    gr.Markdown("Periksa satu perbuatan tanpa menulis pertanyaan: pilih siapa Anda, pemilihannya, tahapannya, dan "
                "perbuatannya. Kartu jawabannya memuat putusan, syarat, pasal beserta kutipannya, dan sanksinya. "
                "Tautan kartu dapat dikirim kepada orang lain dan dicetak.")
    with gr.Row(equal_height=False):
        with gr.Column(scale=2, min_width=300):
            actor = gr.Radio([(label, value) for value, label in ACTORS.items()], value="PNS", label="Siapa Anda",
                             elem_id="nt-cek-pelaku")
            election = gr.Radio([(label, value) for value, label in ELECTIONS.items()], value="semua",
                                label="Pemilihan", elem_id="nt-cek-pemilihan")
            stage = gr.Dropdown([(label, value) for value, label in STAGES.items()], value=None,
                                label="Tahapan (opsional)", elem_id="nt-cek-tahapan")
            act = gr.Dropdown(h.checker.situation_acts("PNS", "semua"), value=None, filterable=True,
                              label="Perbuatan (ketik untuk mencari)", elem_id="nt-cek-perbuatan")
            go = gr.Button("Periksa", variant="primary", elem_id="nt-cek-periksa")
            link = gr.Textbox(label="Tautan kartu ini", interactive=False, buttons=["copy"], elem_id="nt-cek-tautan")
            printing = gr.Button("Cetak kartu", size="sm", variant="secondary")
        with gr.Column(scale=3, min_width=320):
            card = gr.HTML(render.check_card("", [], None), elem_id="nt-cek-kartu")
    query = gr.Textbox(visible=False)
    internal: dict[str, Any] = {"api_visibility": "private"}
    for control in (actor, election):
        control.change(h.act_choices, [actor, election, act], act, **internal)
    go.click(h.card, [actor, election, stage, act], [card, query], api_name="cek_situasi").then(
        None, query, link, js=SHOW_LINK, **internal)
    printing.click(None, None, None, js=PRINT, **internal)
    demo.load(h.from_url, None, [tabs, actor, election, stage, act, card, link], **internal)
