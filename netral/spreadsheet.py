"""Cells for CSV files that people open in a spreadsheet program.

Excel, LibreOffice and Google Sheets execute a cell that starts with `=`, `+`, `-` or `@` as a formula
(`=HYPERLINK("http://…"&A1)` sends the neighbouring cells away, `+cmd|…` runs a program), and a leading tab or
carriage return is dropped by some of them, which uncovers a formula behind it. Questions, comments and
answers come from users, so every text cell of every CSV the project writes goes through `safe_cell`: such a
cell gets a leading apostrophe, which the spreadsheet shows as text and does not evaluate.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """`value` unchanged unless it is text a spreadsheet would evaluate; then the same text, quoted."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(values: Iterable[Any]) -> list[Any]:
    return [safe_cell(v) for v in values]
