"""Read and parse one source file in a child process, within a page, time and memory budget.

Everything that depends on what a file contains — decoding, PDF decompression and text extraction, cleaning,
the article parser — runs in a short-lived child (`python -m ingest.isolation`). A hostile or broken file can
then cost at most its budget: a compression bomb hits the child's memory limit (RLIMIT_AS), a page bomb the
page budget, anything slow the time budget (the child is killed), a crash or a recursion error only the child.
The parent gets either the parsed document or a `LoadError` with the reason, and goes on with the next file.

A scanned PDF is read by OCR in the same child, page by page; each page read is reported on the child's stderr
(`NETRAL-PAGE <done> <total>`), and the time budget counts from the last sign of progress, so a 60-page scan
can take its few minutes while a file that hangs is still stopped after `seconds`.

Request and result cross the pipe pickled. The result is produced by this module's own code from plain data
classes, never from bytes a file supplies, so unpickling it is as safe as the parse itself.
"""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from corpus.registry import Registry
from ingest import loaders
from ingest.clean import clean
from ingest.documents import identify
from ingest.kinds import kind_of
from ingest.ocr import OcrOptions, PageProgress
from netral.records import ParsedDocument

# The project's root: the child must import this checkout's packages, whatever the caller's working folder.
ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Budget:
    """What reading one file may cost (Settings.ingest_max_pages, ingest_file_seconds, ingest_memory_mb)."""

    max_pages: int = 2000
    seconds: float = 120.0  # without any progress: a page read by OCR starts the count again
    memory_mb: int = 1024
    ocr: OcrOptions | None = None  # None: scanned pages are not read


def parse_source(src: loaders.SourceText, registry: Registry) -> ParsedDocument:
    """Articles of a regulation, or sections of a training material; LoadError when there are none."""
    text = clean(src.text)
    info = identify(src.path, text[:3000], registry)
    parsed = kind_of(info).parse(text, info)  # how a regulation or a material is cut (ingest/kinds)
    return ParsedDocument(info, str(src.path.name), src.content_hash, parsed.articles, parsed.warnings,
                          ocr=src.ocr)


def read_document(path: Path, registry: Registry, max_pages: int, ocr: OcrOptions | None = None,
                  on_page: PageProgress | None = None) -> ParsedDocument:
    """Load and parse `path` in this process (what the child runs)."""
    return parse_source(loaders.load(path, max_pages=max_pages, ocr=ocr, on_page=on_page), registry)


PAGE_SIGNAL = b"NETRAL-PAGE "


def read_isolated(path: Path, registry: Registry, budget: Budget,
                  on_page: PageProgress | None = None) -> ParsedDocument:
    """`read_document` in a child process within `budget`; LoadError with the reason when it does not finish.
    `on_page(done, total)` hears of every scanned page the child has read."""
    request = pickle.dumps((str(path), registry, budget.max_pages, budget.memory_mb, budget.ocr))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)}
    proc = subprocess.Popen([sys.executable, "-m", "ingest.isolation"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    out = _Drain(proc, on_page)
    assert proc.stdin is not None
    try:
        proc.stdin.write(request)
        proc.stdin.close()
    except BrokenPipeError:
        pass  # the child died at once; its return code says why
    while proc.poll() is None:
        if time.monotonic() - out.last_progress > budget.seconds:
            proc.kill()
            proc.wait()
            out.join()
            raise loaders.LoadError(
                f"pembacaan berkas melebihi batas waktu {budget.seconds:.0f} detik (NETRAL_INGEST_FILE_SECONDS)"
            )
        time.sleep(0.05)
    out.join()
    if proc.returncode != 0:
        raise loaders.LoadError(_crash_reason(proc.returncode, out.stderr, budget))
    status, payload = pickle.loads(out.stdout)
    if status != "ok":
        raise loaders.LoadError(str(payload))
    if not isinstance(payload, ParsedDocument):
        raise loaders.LoadError("pembaca berkas mengembalikan hasil yang tidak dikenal")
    return payload


class _Drain:
    """Reads the child's stdout (the pickled result) and stderr (page progress, then any traceback) in threads,
    so neither pipe fills up while the parent watches the clock."""

    def __init__(self, proc: subprocess.Popen[bytes], on_page: PageProgress | None):
        self.stdout = b""
        self.stderr = b""
        self.last_progress = time.monotonic()
        self._on_page = on_page
        self._threads = [threading.Thread(target=self._read_out, args=(proc,), daemon=True),
                         threading.Thread(target=self._read_err, args=(proc,), daemon=True)]
        for t in self._threads:
            t.start()

    def _read_out(self, proc: subprocess.Popen[bytes]) -> None:
        assert proc.stdout is not None
        self.stdout = proc.stdout.read()

    def _read_err(self, proc: subprocess.Popen[bytes]) -> None:
        assert proc.stderr is not None
        rest = []
        for line in proc.stderr:
            if line.startswith(PAGE_SIGNAL):
                self.last_progress = time.monotonic()
                done, total = (int(x) for x in line[len(PAGE_SIGNAL):].split()[:2])
                if self._on_page is not None:
                    self._on_page(done, total)
            else:
                rest.append(line)
        self.stderr = b"".join(rest)

    def join(self) -> None:
        for t in self._threads:
            t.join()


def _report_page(done: int, total: int) -> None:
    sys.stderr.buffer.write(PAGE_SIGNAL + f"{done} {total}\n".encode())
    sys.stderr.flush()


def _crash_reason(returncode: int, stderr: bytes, budget: Budget) -> str:
    if returncode < 0:
        name = signal.Signals(-returncode).name if -returncode in signal.valid_signals() else str(-returncode)
        return f"pembaca berkas dihentikan ({name}); kemungkinan memori melebihi {budget.memory_mb} MB"
    last = stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["tanpa keterangan"]
    if "MemoryError" in last[0]:
        return f"berkas membutuhkan memori lebih dari {budget.memory_mb} MB saat dibaca (NETRAL_INGEST_MEMORY_MB)"
    return f"pembaca berkas gagal ({last[0][:300]})"


def _limit_memory(megabytes: int) -> None:
    import resource

    limit = megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _child() -> int:
    path, registry, max_pages, memory_mb, ocr = pickle.load(sys.stdin.buffer)
    _limit_memory(memory_mb)
    try:
        result: tuple[str, object] = ("ok", read_document(Path(path), registry, max_pages, ocr, _report_page))
    except loaders.LoadError as exc:
        result = ("error", exc.reason)
    except MemoryError:
        result = ("error", f"berkas membutuhkan memori lebih dari {memory_mb} MB saat dibaca "
                           "(NETRAL_INGEST_MEMORY_MB)")
    except RecursionError:
        result = ("error", "struktur berkas bersarang terlalu dalam untuk dibaca")
    except Exception as exc:  # whatever else a damaged file provokes: reported, the ingest goes on
        result = ("error", f"berkas tidak dapat dibaca ({type(exc).__name__}: {str(exc)[:300]})")
    sys.stdout.buffer.write(pickle.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(_child())
