"""A grounded answer shaped as a formal reply letter (Indonesian official-letter style) for helpdesk staff.

The letter is built from the Answer record only: the body is the checked answer text, and the "Dasar hukum"
list is the answer's citations with their corpus quotes and status. Nothing is added that the answer does not
carry, so the letter cites exactly what the assistant verified. Regulations are named as official letters name
them (assistant/titles.py): the full title, with its amendment, at the first mention in the body and again at
the first item of each act in the "Dasar hukum" list, which a recipient reads on its own; the short form after.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from assistant.titles import Mentions
from corpus.registry import Registry
from netral.records import Answer
from netral.statuses import status_label

_MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
           "November", "Desember")

_VERDICT_OPENING = {
    "boleh": "Berdasarkan ketentuan yang berlaku, hal yang Saudara tanyakan pada dasarnya diperbolehkan.",
    "tidak_boleh": "Berdasarkan ketentuan yang berlaku, hal yang Saudara tanyakan tidak diperbolehkan bagi "
                   "Pegawai Aparatur Sipil Negara.",
    "bersyarat": "Berdasarkan ketentuan yang berlaku, hal yang Saudara tanyakan hanya dapat dilakukan dengan "
                 "memenuhi syarat tertentu.",
    "informasi": "Ketentuan yang berkaitan dengan pertanyaan Saudara adalah sebagai berikut.",
    "di_luar_cakupan": "Pertanyaan Saudara berada di luar cakupan peraturan netralitas ASN yang menjadi dasar "
                       "layanan ini, sehingga kami belum dapat memberikan jawaban berdasarkan peraturan tersebut.",
}


@dataclass(frozen=True)
class LetterDetails:
    """What the helpdesk officer fills in; every field has a neutral default so a draft is always complete."""

    recipient: str = "Saudara Penanya"
    sender_unit: str = "Tim Layanan Netralitas ASN"
    sender_name: str = "(nama pejabat)"
    city: str = "(kota)"
    number: str = "(nomor surat)"
    day: date | None = None
    extra_notes: tuple[str, ...] = field(default_factory=tuple)

    @classmethod
    def from_form(cls, day: date | None = None, **fields: str | None) -> LetterDetails:
        """Details from a form where a blank field means "keep the default"."""
        given: dict[str, Any] = {k: v.strip() for k, v in fields.items() if v and v.strip()}
        return cls(day=day, **given)


def tanggal(day: date) -> str:
    """"24 November 2026"."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _body_paragraphs(answer: Answer) -> list[str]:
    """The answer text without its first line when that line only restates the verdict (the opening does)."""
    lines = [ln.strip() for ln in answer.answer.splitlines() if ln.strip()]
    if lines and re.match(r"^(tidak boleh|boleh|bersyarat|berikut ketentuan)\b", lines[0], re.I) and \
            lines[0].endswith(":"):
        lines = lines[1:]
    return [re.sub(r"^-\s*", "", ln) for ln in lines]


@lru_cache(maxsize=1)
def _packaged_registry() -> Registry:
    return Registry.load()


def draft_letter(answer: Answer, details: LetterDetails | None = None, registry: Registry | None = None) -> str:
    """Plain-text reply letter; `[n]` markers in the body refer to item n of the "Dasar hukum" list. `registry`
    (the packaged one by default) gives the regulations' full titles and amendments."""
    d = details or LetterDetails()
    registry = registry or _packaged_registry()
    day = d.day or date.today()
    out = [
        f"Nomor   : {d.number}",
        "Sifat   : Biasa",
        "Lampiran: -",
        "Hal     : Jawaban atas pertanyaan mengenai netralitas Pegawai ASN",
        "",
        f"Yth. {d.recipient}",
        "di tempat",
        "",
        "Dengan hormat,",
        "",
        f"Menindaklanjuti pertanyaan Saudara: \u201c{answer.question.strip()}\u201d, bersama ini kami sampaikan "
        "hal-hal sebagai berikut.",
        "",
    ]
    paragraphs = [_VERDICT_OPENING.get(answer.verdict, _VERDICT_OPENING["informasi"])]
    if not answer.abstained:
        paragraphs.extend(_body_paragraphs(answer))
    body = [f"{k}. {para}" for k, para in enumerate(paragraphs, start=1)]
    notes = [*answer.notes, *d.extra_notes]
    if notes:
        body += ["", "Catatan:", *(f"- {n}" for n in notes)]
    # The body is rewritten as one text: a quote may run over several of its lines. The question above it is the
    # asker's own words and stays as typed.
    out.extend(Mentions(registry).rewrite("\n".join(body)).split("\n"))
    out.append("")
    if answer.citations:
        out.append("Dasar hukum:")
        quoted_text = "\n".join(paragraphs)
        listed = Mentions(registry)
        for c in answer.citations:
            status = status_label(c.status)
            # An answer that already quotes the provision (the extractive one does) is not quoted twice.
            quoted = c.quote.rstrip(" …")[:80] in quoted_text
            label = c.label if c.status == "materi" else listed.rewrite(c.label)
            out.append(f"{c.number}. {label} ({status})" + ("" if quoted else f": \u201c{c.quote}\u201d"))
    else:
        out.append("Dasar hukum: tidak ada ketentuan dalam peraturan yang dimuat yang mengatur hal ini.")
    out += [
        "",
        "Demikian kami sampaikan. Atas perhatian Saudara, kami ucapkan terima kasih.",
        "",
        f"{d.city}, {tanggal(day)}",
        d.sender_unit,
        "",
        "",
        d.sender_name,
    ]
    return "\n".join(out)


def letter_markdown(text: str) -> str:
    """The same letter as Markdown: headings kept as lines, list items preserved, hard line breaks."""
    return "\n".join(ln + "  " if ln and not ln.startswith(("- ", "Dasar hukum")) else ln
                     for ln in text.splitlines()) + "\n"
