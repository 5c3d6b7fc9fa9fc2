"""Composition root of the web server: real assistant, feedback store, audit log, admin operations and the
index watch from one Settings, for the gradio app and the JSON API beside it."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from assistant.answering import Assistant
from assistant.session import assistant_session
from ingest.index import Index
from ingest.pipeline import Ingestor, ProgressHook
from ingest.status import corpus_status
from netral.config import Settings
from netral.records import IngestReport
from ui.admin import Admin
from ui.api import ApiDeps
from ui.app import WebDeps
from ui.audit import AuditLog
from ui.conversations import ConversationStore
from ui.feedback import FeedbackStore
from ui.reload import AssistantReloader

log = logging.getLogger(__name__)


def admin_for(settings: Settings, assistant: Assistant, reload: Callable[[], None]) -> Admin:
    """Admin operations over the same index the assistant reads.

    The background ingest opens its own connection to the index: a write transaction on the connection the
    chat reads from would let readers see a half-replaced document. When it ends, `reload` hands the assistant
    a new searcher (fresh BM25 and caches) over a new connection; requests already running finish on the old one.
    """
    registry = assistant.registry
    embedder = assistant.searcher.embedder

    def status() -> dict[str, Any]:
        index = Index.open(settings)
        try:
            return corpus_status(index.store, registry)
        finally:
            index.close()

    def ingest(hook: ProgressHook) -> IngestReport:
        index = Index.open(settings)
        try:
            ingestor = Ingestor(index, embedder, registry, settings.chunk_max_chars, settings.embed_max_chars)
            return ingestor.run(settings.corpus_dir, progress=hook, uploads=settings.upload_dir)
        finally:
            index.close()

    return Admin(settings, status, ingest, reload)


@dataclass
class Services:
    """What `netral web` serves: the gradio app's dependencies and the JSON API's, over the same assistant, and
    how to put that assistant on the index as it is now (SIGHUP, `systemctl reload`)."""

    web: WebDeps
    api: ApiDeps
    reload: Callable[[], None]


@contextmanager
def web_services(settings: Settings) -> Iterator[Services]:
    with assistant_session(settings) as assistant:
        assistant.searcher.warm_up()
        feedback = FeedbackStore(settings.feedback_db)
        audit = AuditLog(settings.audit_db, settings.audit_retention_days)
        # Only logins have conversations kept by name; without NETRAL_AUTH each browser keeps its own.
        conversations = ConversationStore.open(settings) if settings.auth_pairs() else None
        reloader = AssistantReloader(settings, assistant)
        reloader.start()
        try:
            yield Services(
                web=WebDeps(assistant=assistant, feedback=feedback, settings=settings,
                            admin=admin_for(settings, assistant, reloader.reload), audit=audit,
                            conversations=conversations),
                api=ApiDeps(assistant=assistant, feedback=feedback, audit=audit, settings=settings),
                reload=reloader.reload,
            )
        finally:
            reloader.stop()
            if conversations is not None:
                conversations.close()
            audit.close()
            feedback.close()
