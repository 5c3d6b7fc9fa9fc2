"""A reply letter as a Word document: on A4 with the configured margins, on the admin's letterhead template when
there is one (its header and first-page content kept, the letter appended), else under a plain header."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ui.letter_layout import A4_MM, FONT_PT, LetterLayout

FONT = "Times New Roman"


def write_docx(text: str, dest: Path, layout: LetterLayout) -> None:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    doc = Document(str(layout.letterhead)) if layout.letterhead else Document()
    for section in doc.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(A4_MM[0]), Mm(A4_MM[1])
        section.top_margin, section.bottom_margin = Mm(layout.top_mm), Mm(layout.bottom_mm)
        section.left_margin, section.right_margin = Mm(layout.left_mm), Mm(layout.right_mm)
    if not layout.letterhead and layout.plain_header:
        for k, line in enumerate(layout.plain_header):
            para = doc.add_paragraph()
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _run(para, line, Pt(FONT_PT + 2), FONT, bold=True)
            if k == len(layout.plain_header) - 1:
                _rule_below(para)
        doc.add_paragraph()
    for line in text.splitlines():
        para = doc.add_paragraph()
        para.paragraph_format.space_after = Pt(0)
        # Fonts are set on the runs, not on the Normal style: a template's own text keeps its formatting.
        _run(para, line, Pt(FONT_PT), FONT, bold=layout.is_heading(line))
    doc.save(str(dest))


def _run(para: Any, text: str, size: Any, font: str, bold: bool = False) -> None:
    run = para.add_run(text)
    run.font.name, run.font.size, run.bold = font, size, bold


def _rule_below(para: Any) -> None:
    """A line under the paragraph, as under a letterhead."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "12"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    para._p.get_or_add_pPr().append(borders)
