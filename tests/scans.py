"""Image-only PDFs made from text, as a scanner would: for the OCR tests, which make their own scans.

Each line is drawn in black on white at `dpi`, the page is turned by a fraction of a degree and sprinkled with
dark specks (seeded, so every run makes the same file), and the pages are saved as images in a PDF: no text
layer at all, like a scanned JDIH copy.
"""

from __future__ import annotations

import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

A4_INCHES = (8.27, 11.69)


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    # DejaVu ships with Debian's fonts-dejavu-core; Pillow's own scalable font is the fallback.
    for path in ("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
                 "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf"):
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size=size)


def _wrap(line: str, width: int) -> list[str]:
    out, cur = [], ""
    for word in line.split(" "):
        if cur and len(cur) + 1 + len(word) > width:
            out.append(cur)
            cur = word
        else:
            cur = f"{cur} {word}".strip()
    return out + [cur]


def scanned_pdf(text: str, out: Path, dpi: int = 200, rotate: float = 0.6, specks: int = 400,
                seed: int = 7, lines_per_page: int = 42) -> Path:
    rng = random.Random(seed)
    w, h = int(A4_INCHES[0] * dpi), int(A4_INCHES[1] * dpi)
    font = _font(int(dpi * 0.14))
    step = int(dpi * 0.22)
    lines = [piece for line in text.splitlines() for piece in (_wrap(line, 70) if line.strip() else [""])]
    pages = []
    for start in range(0, len(lines), lines_per_page):
        img = Image.new("L", (w, h), 255)
        draw = ImageDraw.Draw(img)
        y = int(dpi * 0.8)
        for line in lines[start:start + lines_per_page]:
            draw.text((int(dpi * 0.9), y), line, fill=0, font=font)
            y += step
        for _ in range(specks):
            x, yy, r = rng.randrange(w), rng.randrange(h), rng.choice((1, 1, 2))
            draw.ellipse((x, yy, x + r, yy + r), fill=rng.randrange(0, 90))
        pages.append(img.rotate(rotate, fillcolor=255, resample=Image.Resampling.BICUBIC).convert("RGB"))
    pages[0].save(out, save_all=True, append_images=pages[1:], resolution=dpi)
    return out
