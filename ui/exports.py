"""Files people download: a reply letter as .docx, .pdf, .txt or .md; a batch of drafted answers as CSV/JSONL;
a chat conversation with its citations as .docx or .pdf."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from assistant.letter import letter_markdown, tanggal
from netral.records import VERDICT_LABEL, Answer
from netral.spreadsheet import safe_row
from netral.statuses import status_label
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


CONVERSATION_HEADINGS = ("Pertanyaan ", "Dasar hukum", "Catatan:")


def conversation_text(answers: list[Answer], day: date | None = None) -> str:
    """A conversation as plain text for reading and filing: each question, the verdict, the answer, and every
    cited provision with its status and its exact quoted text (the `[n]` of the answer refer to this list)."""
    out = ["Percakapan dengan Asisten Netralitas ASN", f"Diunduh {tanggal(day or date.today())}", ""]
    for k, a in enumerate(answers, start=1):
        out += [f"Pertanyaan {k}", a.question.strip(), "", f"Jawaban: {VERDICT_LABEL.get(a.verdict, a.verdict)}"]
        out += [ln for ln in a.answer.splitlines() if ln.strip()]
        if a.citations:
            out.append("Dasar hukum:")
            out += [f"[{c.number}] {c.label} ({status_label(c.status)}): \u201c{c.quote}\u201d" for c in a.citations]
        if a.notes:
            out += ["Catatan:", *(f"- {n}" for n in a.notes)]
        out.append("")
    out.append("Bukan nasihat hukum: rujuk teks resmi peraturan dan BKD, Inspektorat, atau Bawaslu setempat.")
    return "\n".join(out)


def write_conversation(answers: list[Answer], dest_dir: Path, stem: str, fmt: str) -> Path:
    """The conversation as .docx or .pdf on A4, without a letterhead (it is a record, not a letter)."""
    if fmt not in ("docx", "pdf"):
        raise ValueError(f"format '{fmt}' tidak didukung; pilih docx atau pdf")
    dest_dir.mkdir(parents=True, exist_ok=True)
    dest = dest_dir / f"{stem}.{fmt}"
    layout = LetterLayout(headings=CONVERSATION_HEADINGS)
    if fmt == "pdf":
        write_pdf(conversation_text(answers), dest, layout, title="Percakapan")
    else:
        write_docx(conversation_text(answers), dest, layout)
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
