"""Administration behind the admin tab: corpus status and documents uploaded and ingested in the background.

An upload is copied into `Settings.upload_dir` (the corpus folder may be read-only), then one ingest job at a
time runs in a thread over the corpus and the uploads. Its progress is kept in a small state object that the
page polls. When it ends, the assistant is handed a fresh searcher, so new documents are answerable at once.
"""

from __future__ import annotations

import hmac
import logging
import shutil
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest.loaders import SUPPORTED
from ingest.lock import IngestBusy
from ingest.pipeline import ProgressHook
from netral.config import Settings
from netral.records import IngestReport

log = logging.getLogger(__name__)


class UploadRejected(ValueError):
    """An uploaded file that cannot be accepted (message in Indonesian, for the page)."""


@dataclass
class JobState:
    running: bool = False
    started: float = 0.0
    finished: float = 0.0
    document: str = ""
    done_chunks: int = 0
    total_chunks: int = 0
    log: list[str] = field(default_factory=list)
    error: str = ""

    def summary(self) -> str:
        if not self.started:
            return "Belum ada pengindeksan yang dijalankan dari halaman ini."
        lines = []
        if self.running:
            lines.append(f"Sedang mengindeks {self.document or '…'}: {self.done_chunks}/{self.total_chunks} "
                         f"potongan ({time.time() - self.started:.0f} detik)")
        elif self.error:
            lines.append(f"Pengindeksan gagal: {self.error}")
        else:
            lines.append(f"Pengindeksan selesai dalam {self.finished - self.started:.1f} detik.")
        lines.extend(self.log[-30:])
        return "\n".join(lines)


class _Hook(ProgressHook):
    def __init__(self, state: JobState):
        self.state = state

    def document_started(self, name: str, n_chunks: int) -> None:
        self.state.document, self.state.done_chunks, self.state.total_chunks = name, 0, n_chunks

    def chunks_embedded(self, n: int) -> None:
        self.state.done_chunks += n

    def document_done(self, name: str, status: str) -> None:
        if status != "tidak berubah":
            self.state.log.append(f"{status}: {name}")


class Admin:
    """Operations of the admin tab; `ingest` runs one corpus ingest and returns its report."""

    def __init__(self, settings: Settings, status: Callable[[], dict[str, Any]],
                 ingest: Callable[[ProgressHook], IngestReport], on_ingested: Callable[[], None] = lambda: None):
        self.settings = settings
        self._status = status
        self._ingest = ingest
        self._on_ingested = on_ingested
        self.state = JobState()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def check_password(self, given: str) -> bool:
        expected = self.settings.admin_password
        return bool(expected) and hmac.compare_digest(given.encode(), expected.encode())

    def corpus_status(self) -> dict[str, Any]:
        return self._status()

    def accept(self, files: Sequence[Path]) -> list[Path]:
        """Copy uploaded files into the uploads folder; reject the whole batch on the first unusable file."""
        limit = self.settings.max_upload_mb * 1024 * 1024
        for f in files:
            if f.suffix.lower() not in SUPPORTED:
                raise UploadRejected(f"'{f.name}': jenis berkas tidak didukung (gunakan PDF, MD, atau TXT)")
            if f.stat().st_size == 0:
                raise UploadRejected(f"'{f.name}': berkas kosong")
            if f.stat().st_size > limit:
                raise UploadRejected(f"'{f.name}': lebih besar dari {self.settings.max_upload_mb} MB")
        dest = self.settings.upload_dir
        dest.mkdir(parents=True, exist_ok=True)
        out = []
        for f in files:
            target = dest / Path(f.name).name
            shutil.copyfile(f, target)
            out.append(target)
        return out

    def start_ingest(self) -> bool:
        """Start an ingest in the background; False if one is already running."""
        with self._lock:
            if self.state.running:
                return False
            self.state = JobState(running=True, started=time.time())
            self._thread = threading.Thread(target=self._run, name="netral-ingest", daemon=True)
            self._thread.start()
            return True

    def wait(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        state = self.state
        try:
            report = self._ingest(_Hook(state))
            for e in getattr(report, "errors", []):
                state.log.append(f"DILEWATI {e['file']}: {e['reason']}")
            self._on_ingested()
        except IngestBusy as exc:
            state.error = str(exc)
        except Exception as exc:  # reported on the page; the chat keeps using the index it had
            log.exception("background ingest failed")
            state.error = f"{type(exc).__name__}: {exc}"
        finally:
            state.finished = time.time()
            state.running = False
