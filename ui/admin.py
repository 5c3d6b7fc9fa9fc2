"""Administration behind the admin tab: corpus status and documents uploaded and ingested in the background.

An upload is copied into `Settings.upload_dir` (the corpus folder may be read-only; with a shared database it is
kept there too, ingest/uploads.py, so that every host's ingest reads it), then one ingest job at a time runs in
a thread over the corpus and the uploads. Its progress is kept in a small state object that the page polls.
When it ends, the assistant is handed a fresh searcher, so new documents are answerable at once.
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

from ingest.loaders import FORMATS_TEXT, SUPPORTED
from ingest.lock import IngestBusy
from ingest.pipeline import ProgressHook
from ingest.uploads import shared_uploads
from netral.config import Settings
from netral.records import IngestReport
from ui.letterhead import LetterheadRejected, LetterheadStore, check_letterhead
from ui.throttle import LoginResult, LoginThrottle

log = logging.getLogger(__name__)


class UploadRejected(ValueError):
    """An uploaded file that cannot be accepted (message in Indonesian, for the page)."""


UPLOAD_PREFIX = "@unggahan/"
NOT_INDEXED = "belum terindeks (jalankan pengindeksan, atau lihat alasannya di kemajuan pengindeksan)"


@dataclass(frozen=True)
class FailedUpload:
    """An uploaded file that is in the uploads folder but not in the index, and why (when known)."""

    name: str
    reason: str


@dataclass
class JobState:
    running: bool = False
    started: float = 0.0
    finished: float = 0.0
    document: str = ""
    done_chunks: int = 0
    total_chunks: int = 0
    ocr_pages: tuple[int, int] = (0, 0)  # scanned pages of `document` read so far, and to read
    log: list[str] = field(default_factory=list)
    error: str = ""

    def summary(self) -> str:
        if not self.started:
            return "Belum ada pengindeksan yang dijalankan dari halaman ini."
        lines = []
        if self.running and self.ocr_pages[1] and not self.total_chunks:
            lines.append(f"Membaca hasil pindaian {self.document} dengan OCR: halaman {self.ocr_pages[0]}/"
                         f"{self.ocr_pages[1]} ({time.time() - self.started:.0f} detik)")
        elif self.running:
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

    def pages_read(self, name: str, done: int, total: int) -> None:
        self.state.document, self.state.total_chunks, self.state.ocr_pages = name, 0, (done, total)

    def document_started(self, name: str, n_chunks: int) -> None:
        self.state.document, self.state.done_chunks, self.state.total_chunks = name, 0, n_chunks
        self.state.ocr_pages = (0, 0)

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
        self.throttle = LoginThrottle.from_settings(settings, "admin login")
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        # Why the last ingest skipped each upload (name in the uploads folder -> reason).
        self._skipped: dict[str, str] = {}

    def check_password(self, given: str) -> bool:
        expected = self.settings.admin_password
        return bool(expected) and hmac.compare_digest(given.encode(), expected.encode())

    def login(self, given: str, client: str) -> LoginResult:
        """`check_password`, throttled per client address and for the one admin account (ui/throttle.py)."""
        return self.throttle.attempt(client, "admin", lambda: self.check_password(given))

    def corpus_status(self) -> dict[str, Any]:
        return self._status()

    def accept(self, files: Sequence[Path]) -> list[Path]:
        """Copy uploaded files into the uploads folder; reject the whole batch on the first unusable file."""
        limit = self.settings.max_upload_mb * 1024 * 1024
        for f in files:
            if f.suffix.lower() not in SUPPORTED:
                raise UploadRejected(f"'{f.name}': jenis berkas tidak didukung (gunakan {FORMATS_TEXT})")
            if f.stat().st_size == 0:
                raise UploadRejected(f"'{f.name}': berkas kosong")
            if f.stat().st_size > limit:
                raise UploadRejected(f"'{f.name}': lebih besar dari {self.settings.max_upload_mb} MB")
        dest = self.settings.upload_dir
        dest.mkdir(parents=True, exist_ok=True)
        out = []
        shared = shared_uploads(self.settings)
        try:
            for f in files:
                target = dest / Path(f.name).name
                shutil.copyfile(f, target)
                if shared is not None:  # every host's next ingest reads it too
                    shared.put(target)
                out.append(target)
        finally:
            if shared is not None:
                shared.close()
        return out

    # --- the letterhead (kop surat) template of exported letters ---------------------------------------------

    def accept_letterhead(self, file: Path) -> Path:
        """Check an uploaded letterhead template and store it in place of the previous one."""
        try:
            check_letterhead(file, self.settings.max_letterhead_mb * 1024 * 1024)
        except LetterheadRejected as exc:
            raise UploadRejected(str(exc)) from exc
        with LetterheadStore.open(self.settings) as store:
            store.put(file)
        log.warning("letterhead template replaced by the admin (%s)", Path(file).name)
        return self.settings.letterhead_path

    def remove_letterhead(self) -> bool:
        """Delete the letterhead template (letters go back to the plain header); False if there was none."""
        with LetterheadStore.open(self.settings) as store:
            if not store.remove():
                return False
        log.warning("letterhead template removed by the admin")
        return True

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
            errors = report.errors
            for r in report.rows:
                state.log.extend(f"{r.file}: {w}" for w in r.warnings if w.startswith("OCR:"))
            for e in errors:
                state.log.append(f"DILEWATI {e.file}: {e.reason}")
            self._skipped = {e.file[len(UPLOAD_PREFIX):]: e.reason for e in errors if e.file.startswith(UPLOAD_PREFIX)}
            self._on_ingested()
        except IngestBusy as exc:
            state.error = str(exc)
        except Exception as exc:  # reported on the page; the chat keeps using the index it had
            log.exception("background ingest failed")
            state.error = f"{type(exc).__name__}: {exc}"
        finally:
            state.finished = time.time()
            state.running = False

    # --- uploads that failed --------------------------------------------------------------------------------

    def failed_uploads(self) -> list[FailedUpload]:
        """Uploaded files the index does not hold, with the reason the last ingest gave. Empty while an ingest
        runs (a file just uploaded is not indexed yet, which is not a failure)."""
        folder = self.settings.upload_dir
        if self.state.running or not folder.is_dir():
            return []
        indexed = {str(d.get("file", "")) for d in self._status().get("documents", [])}
        return [FailedUpload(p.name, self._skipped.get(p.name, NOT_INDEXED)) for p in sorted(folder.iterdir())
                if p.is_file() and UPLOAD_PREFIX + p.name not in indexed]

    def _failed_path(self, name: str) -> Path:
        if not name or Path(name).name != name or name not in {f.name for f in self.failed_uploads()}:
            raise UploadRejected(f"'{name}' bukan unggahan yang gagal; muat ulang daftarnya")
        return self.settings.upload_dir / name

    def _forget_shared(self, name: str) -> None:
        """A removed or quarantined upload leaves the shared database too, so no host ingests it again."""
        shared = shared_uploads(self.settings)
        if shared is not None:
            with shared:
                shared.remove(name)

    def remove_upload(self, name: str) -> None:
        """Delete a failed upload for good."""
        path = self._failed_path(name)
        self._forget_shared(name)
        path.unlink()
        self._skipped.pop(name, None)
        log.warning("failed upload %s removed by the admin", name)

    def quarantine_upload(self, name: str) -> Path:
        """Move a failed upload into the quarantine folder, where no ingest reads it, for a person to examine."""
        path = self._failed_path(name)
        self._forget_shared(name)
        dest_dir = self.settings.quarantine_dir
        dest_dir.mkdir(parents=True, exist_ok=True)
        dest = dest_dir / name
        if dest.exists():
            dest = dest_dir / f"{time.strftime('%Y%m%d-%H%M%S')}-{name}"
        shutil.move(str(path), dest)
        self._skipped.pop(name, None)
        log.warning("failed upload %s moved to %s by the admin", name, dest)
        return dest
