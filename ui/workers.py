"""Several web worker processes for one site: `netral web --workers N`.

Each worker is a whole `netral web` on its own port (web_port, web_port+1, …); a load balancer with sticky
sessions spreads users over them (a gradio session keeps its queue and event stream in one process, so all of
a user's requests must reach the same worker). The workers share the Chroma server, the article store, the
uploads and the feedback database (SQLite in WAL mode takes writers from several processes).

The supervisor starts the workers, restarts one that dies (backing off when it keeps dying at start-up),
restarts them one at a time on SIGHUP so the site never goes down as a whole, and stops them all on SIGTERM
or Ctrl+C.
"""

from __future__ import annotations

import logging
import signal
import subprocess
import time
import urllib.request
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import FrameType

log = logging.getLogger(__name__)

# A worker that dies sooner than this after starting counts as failing at start-up (bad settings, port taken):
# it is restarted after 1, 2, 4 … up to MAX_BACKOFF_S seconds instead of at once.
QUICK_DEATH_S = 30.0
MAX_BACKOFF_S = 30.0


@dataclass
class Worker:
    port: int
    proc: subprocess.Popen[bytes] | None = None
    started: float = 0.0
    quick_deaths: int = 0
    restarts: int = 0
    not_before: float = 0.0


class Supervisor:
    def __init__(self, command: Callable[[int], Sequence[str]], ports: Sequence[int], env: Mapping[str, str],
                 check_host: str = "127.0.0.1", ready_timeout: float = 300.0):
        self.command = command
        self.workers = [Worker(p) for p in ports]
        self.env = dict(env)
        self.check_host = check_host
        self.ready_timeout = ready_timeout
        self._stopping = False
        self._rolling = False

    # --- lifecycle -----------------------------------------------------------------------------------------

    def start(self) -> None:
        for w in self.workers:
            self._spawn(w)
        for w in self.workers:
            self.wait_ready(w)

    def watch_once(self) -> list[int]:
        """Restart the workers that have exited (after their back-off); the ports restarted."""
        now = time.monotonic()
        restarted = []
        for w in self.workers:
            if w.proc is None or w.proc.poll() is None:
                continue
            if not w.not_before:  # a death not seen before
                w.quick_deaths = w.quick_deaths + 1 if now - w.started < QUICK_DEATH_S else 0
                delay = min(MAX_BACKOFF_S, 2.0 ** (w.quick_deaths - 1)) if w.quick_deaths else 0.0
                w.not_before = now + delay
                log.warning("worker on port %d exited (code %s); restarting in %.0f s", w.port,
                            w.proc.returncode, delay)
            if now < w.not_before:
                continue
            w.not_before = 0.0
            w.restarts += 1
            self._spawn(w)
            restarted.append(w.port)
        return restarted

    def rolling_restart(self) -> None:
        """Restart the workers one after another, each back before the next goes down."""
        for w in self.workers:
            self._terminate(w)
            self._spawn(w)
            self.wait_ready(w)

    def stop(self) -> None:
        for w in self.workers:
            if w.proc is not None and w.proc.poll() is None:
                w.proc.terminate()
        for w in self.workers:
            self._terminate(w)

    def run(self) -> int:
        """Serve until SIGTERM/SIGINT; SIGHUP restarts the workers one at a time (after an ingest elsewhere)."""
        signal.signal(signal.SIGTERM, self._on_stop)
        signal.signal(signal.SIGINT, self._on_stop)
        signal.signal(signal.SIGHUP, self._on_hup)
        try:
            self.start()
            while not self._stopping:
                if self._rolling:
                    self._rolling = False
                    self.rolling_restart()
                self.watch_once()
                time.sleep(1.0)
        finally:
            self.stop()
        return 0

    # --- helpers -------------------------------------------------------------------------------------------

    def ready(self, w: Worker) -> bool:
        try:
            with urllib.request.urlopen(f"http://{self.check_host}:{w.port}/", timeout=2) as resp:
                return bool(resp.status == 200)
        except OSError:
            return False

    def wait_ready(self, w: Worker) -> bool:
        deadline = time.monotonic() + self.ready_timeout
        while time.monotonic() < deadline and not self._stopping:
            if w.proc is None or w.proc.poll() is not None:
                return False
            if self.ready(w):
                log.info("worker on port %d ready", w.port)
                return True
            time.sleep(0.5)
        return False

    def _spawn(self, w: Worker) -> None:
        w.proc = subprocess.Popen(list(self.command(w.port)), env=self.env)
        w.started = time.monotonic()

    @staticmethod
    def _terminate(w: Worker) -> None:
        if w.proc is None:
            return
        if w.proc.poll() is None:
            w.proc.terminate()
        try:
            w.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            w.proc.kill()
            w.proc.wait()

    def _on_stop(self, signum: int, frame: FrameType | None) -> None:
        self._stopping = True

    def _on_hup(self, signum: int, frame: FrameType | None) -> None:
        self._rolling = True
