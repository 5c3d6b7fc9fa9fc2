"""A reply letter as a PDF, from the same text as the other exports: A4 with the configured margins, the
letterhead's text (or the plain header) at the top, then the letter.

fpdf2 writes it in pure Python; the font is DejaVu Serif from matplotlib's own data folder (matplotlib is
already a dependency), which covers Indonesian text and the typographic quotes and dashes of the letters, so
nothing is downloaded or looked up on the system at run time.
"""

from __future__ import annotations

from pathlib import Path

from ui.letter_layout import A4_MM, FONT_PT, LetterLayout
from ui.letterhead import letterhead_lines

# Line height (mm) of 12 pt text at single spacing plus a little leading.
LINE_MM = 5.6
FAMILY = "serif"


def font_files() -> tuple[Path, Path]:
    """(regular, bold) DejaVu Serif shipped with matplotlib."""
    import matplotlib

    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    return folder / "DejaVuSerif.ttf", folder / "DejaVuSerif-Bold.ttf"


def write_pdf(text: str, dest: Path, layout: LetterLayout, title: str = "Surat balasan") -> None:
    from fpdf import FPDF

    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_margins(layout.left_mm, layout.top_mm, layout.right_mm)
    pdf.set_auto_page_break(True, margin=layout.bottom_mm)
    regular, bold = font_files()
    pdf.add_font(FAMILY, "", str(regular))
    pdf.add_font(FAMILY, "B", str(bold))
    pdf.set_title(title)
    pdf.set_creator("netral")
    pdf.add_page()
    header = letterhead_lines(layout.letterhead) if layout.letterhead else layout.plain_header
    if header:
        pdf.set_font(FAMILY, "B", FONT_PT + 2)
        for line in header:
            pdf.multi_cell(0, LINE_MM + 0.6, line, align="C", new_x="LMARGIN", new_y="NEXT")
        y = pdf.get_y() + 1.5
        pdf.set_line_width(0.6)
        pdf.line(layout.left_mm, y, A4_MM[0] - layout.right_mm, y)
        pdf.set_y(y + LINE_MM)
    for line in text.splitlines():
        if not line.strip():
            pdf.ln(LINE_MM)
            continue
        pdf.set_font(FAMILY, "B" if layout.is_heading(line) else "", FONT_PT)
        # Left-aligned, as the .docx: justified, a line holding a long title gets gaps wider than its words.
        pdf.multi_cell(0, LINE_MM, line, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(dest))
