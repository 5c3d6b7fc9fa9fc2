"""How an exported reply letter is laid out: A4 paper, the margins of Settings, and what stands at its top (the
admin's letterhead template, or a plain header naming the sending unit). Shared by the .docx and .pdf writers so
that both give the same page."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from netral.config import Settings
from ui.letterhead import LetterheadStore

A4_MM = (210.0, 297.0)
FONT_PT = 12
# Lines set in bold: the headings of the letter's lists (assistant/letter.py writes them).
HEADINGS = ("Dasar hukum", "Catatan:")


@dataclass(frozen=True)
class LetterLayout:
    top_mm: float = 20.0
    right_mm: float = 20.0
    bottom_mm: float = 20.0
    left_mm: float = 30.0
    # The letterhead template (.docx) stored by the admin, when there is one.
    letterhead: Path | None = None
    # Without a letterhead, the plain header names the sending unit (empty: no header at all).
    sender: str = ""
    # Lines that begin with one of these are set in bold.
    headings: tuple[str, ...] = HEADINGS

    def is_heading(self, line: str) -> bool:
        return line.startswith(self.headings)

    @classmethod
    def from_settings(cls, settings: Settings, sender: str = "") -> LetterLayout:
        with LetterheadStore.open(settings) as store:
            template = store.local_copy()
        return cls(settings.letter_margin_top_mm, settings.letter_margin_right_mm, settings.letter_margin_bottom_mm,
                   settings.letter_margin_left_mm, template, sender.strip())

    @property
    def plain_header(self) -> list[str]:
        """The header lines of a letter without a letterhead."""
        return [self.sender.upper()] if self.sender else []
