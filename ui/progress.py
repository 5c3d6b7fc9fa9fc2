"""Progress bars for the command line (the pipeline itself only calls hooks)."""

from __future__ import annotations

import sys
from typing import Any

from ingest.pipeline import ProgressHook


class TqdmProgress(ProgressHook):
    def __init__(self) -> None:
        self._bar: Any = None

    def document_started(self, name: str, n_chunks: int) -> None:
        from tqdm import tqdm

        self._bar = tqdm(total=n_chunks, desc=name[-40:], unit="potongan", file=sys.stderr, leave=False)

    def chunks_embedded(self, n: int) -> None:
        if self._bar is not None:
            self._bar.update(n)

    def pages_read(self, name: str, done: int, total: int) -> None:
        # One line per page on stderr: OCR takes seconds a page, and a person watching wants to see it move.
        print(f"  OCR {done}/{total} halaman  {name}", file=sys.stderr, flush=True)

    def document_done(self, name: str, status: str) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
        print(f"  {status:14} {name}", file=sys.stderr)
