"""Keep a running web app's assistant on the current index.

Two things change the index under a running app: the admin tab's ingest (in this process), and an ingest by
another process: `netral ingest`, or the admin tab of another web worker sharing the index. The first calls
`reload()` when it ends; the second is noticed by polling the article store's fingerprint (one small query every
few seconds, to the SQLite file or the shared database), and never while an ingest still holds the index, so a
worker does not load a half-written corpus. With a shared database the ingest may run on another host: the
fingerprint and the ingest lock are both read from the database, so every host follows it.
"""

from __future__ import annotations

import logging
import threading

from assistant.answering import Assistant
from assistant.session import open_searcher
from ingest.lock import ingest_running
from ingest.store import ArticleStore
from netral.config import Settings

log = logging.getLogger(__name__)

# A request that started on the previous searcher finishes on it; its SQLite connection is closed only after
# the longest a request can take (the generation timeout is 60 s), with a wide margin.
RETIRE_AFTER_S = 300.0


class AssistantReloader:
    def __init__(self, settings: Settings, assistant: Assistant):
        self.settings = settings
        self.assistant = assistant
        self._store: ArticleStore | None = None
        self._fingerprint = self._current()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._timers: list[threading.Timer] = []

    def reload(self) -> None:
        """Give the assistant a fresh searcher (new connection, BM25 and caches) over the index as it is now."""
        with self._lock:
            fingerprint = self._current()
            current = self.assistant.searcher
            searcher = open_searcher(self.settings, current.embedder, self.assistant.registry)
            searcher.warm_up()
            old = self.assistant.replace_searcher(searcher)
            self._fingerprint = fingerprint
            timer = threading.Timer(RETIRE_AFTER_S, old.index.close)
            timer.daemon = True
            timer.start()
            self._timers.append(timer)
        log.info("assistant reloaded on the current index")

    def check(self) -> bool:
        """Reload when the index changed since the last load and no ingest is writing it; True if reloaded."""
        if ingest_running(self.settings.index_dir, self.settings.database_url) or self._current() == self._fingerprint:
            return False
        self.reload()
        return True

    def start(self) -> None:
        """Poll every `Settings.index_poll_seconds` in a daemon thread (0 turns polling off)."""
        if self.settings.index_poll_seconds <= 0 or self._thread is not None:
            return
        self._thread = threading.Thread(target=self._poll, name="netral-index-watch", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
        for timer in self._timers:
            timer.cancel()
        if self._store is not None:
            self._store.close()
            self._store = None

    def _poll(self) -> None:
        while not self._stop.wait(self.settings.index_poll_seconds):
            try:
                self.check()
            except Exception:  # a transient error (index busy, disk) must not end the watch
                log.exception("index check failed")

    def _current(self) -> str:
        if self._store is None:  # one connection for the watch, opened once, not one per poll
            self._store = ArticleStore(self.settings.article_db)
        return self._store.fingerprint()
