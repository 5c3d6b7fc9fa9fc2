"""The web app with a fake assistant and a fake ingest, served on a free loopback port for one test."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from netral.config import Settings
from tests.conftest import free_port
from tests.test_web import FakeAssistant, FakeIngest
from ui.admin import Admin
from ui.app import WebDeps, build_app, launch
from ui.conversations import ConversationStore
from ui.feedback import FeedbackStore

ADMIN = "sandi-admin-Kq7#mZ2p"


@contextmanager
def serve(tmp_path: Path, **overrides: Any) -> Iterator[tuple[str, WebDeps]]:
    settings = Settings(data_dir=tmp_path / "data", admin_password=ADMIN, web_port=free_port()).with_(**overrides)
    fake = FakeIngest()
    fake.release.set()
    deps = WebDeps(FakeAssistant(), FeedbackStore(settings.feedback_db), settings,
                   Admin(settings, fake.status, fake.ingest, fake.reload), files_dir=tmp_path / "files",
                   conversations=ConversationStore.open(settings) if settings.auth_pairs() else None)
    demo = build_app(deps)
    launch(demo, settings, block=False, upload_tokens=deps.upload_tokens)
    try:
        yield f"http://127.0.0.1:{settings.web_port}", deps
    finally:
        demo.close()
        deps.feedback.close()
        if deps.conversations is not None:
            deps.conversations.close()
