"""Files the helpdesk downloads: a reply letter as .docx, .pdf, .txt or .md; a batch of drafted answers as
CSV/JSONL."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable
from pathlib import Path

from assistant.letter import letter_markdown
from netral.records import Answer
from netral.spreadsheet import safe_row
from ui.letter_docx import write_docx
from ui.letter_layout import LetterLayout
from ui.letter_pdf import write_pdf

FORMATS = ("docx", "pdf", "txt", "md")


def safe_stem(text: str, fallback: str = "draf-jawaban") -> str:
    stem = re.sub(r"[^0-9A-Za-z]+", "-", text.lower()).strip("-")[:40]
    return stem or fallback


def write_letter(text: str, dest_dir: Path, stem: str, fmt: str, layout: LetterLayout | None = None) -> Path:
    """The (possibly edited) letter text as a file in `dest_dir`; .docx and .pdf on the page `layout` describes
    (A4, default margins, no header when not given)."""
    if fmt not in FORMATS:
        raise ValueError(f"format '{fmt}' tidak didukung; pilih salah satu dari {', '.join(FORMATS)}")
    dest_dir.mkdir(parents=True, exist_ok=True)
    dest = dest_dir / f"{stem}.{fmt}"
    if fmt == "txt":
        dest.write_text(text, encoding="utf-8")
    elif fmt == "md":
        dest.write_text(letter_markdown(text), encoding="utf-8")
    elif fmt == "pdf":
        write_pdf(text, dest, layout or LetterLayout())
    else:
        write_docx(text, dest, layout or LetterLayout())
    return dest


BATCH_COLUMNS = ("id", "pertanyaan", "putusan", "jawaban", "dasar_hukum", "status_dasar_hukum", "catatan", "draf_surat")


def write_batch(rows: Iterable[tuple[str, Answer, str]], dest_dir: Path, stem: str) -> tuple[Path, Path]:
    """(CSV for a spreadsheet, JSONL with the full records) of drafted answers: (id, answer, letter) each."""
    dest_dir.mkdir(parents=True, exist_ok=True)
    csv_path, jsonl_path = dest_dir / f"{stem}.csv", dest_dir / f"{stem}.jsonl"
    with csv_path.open("w", encoding="utf-8-sig", newline="") as fc, jsonl_path.open("w", encoding="utf-8") as fj:
        w = csv.writer(fc)
        w.writerow(BATCH_COLUMNS)
        for rid, ans, letter in rows:
            w.writerow(safe_row([rid, ans.question, ans.verdict, ans.answer,
                                 "; ".join(c.label for c in ans.citations),
                                 "; ".join(c.status for c in ans.citations), " ".join(ans.notes), letter]))
            fj.write(json.dumps({"id": rid, **ans.to_json(), "draft_letter": letter}, ensure_ascii=False) + "\n")
    return csv_path, jsonl_path
