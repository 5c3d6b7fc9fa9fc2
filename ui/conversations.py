"""Conversations people come back to: each kept with its answers whole (citations, quotes, statuses), so that a
reopened conversation shows exactly what was answered then, not a new answer to the old questions.

With NETRAL_AUTH logins, a person's conversations live in the store under their login name: a SQLite file under
the data folder, or the shared PostgreSQL database (NETRAL_DATABASE_URL), so any host shows them. Without logins
nobody is known by name, and the conversations stay in the person's own browser (encrypted local storage, see
`browser_secret`); the helpers at the end of this module keep that browser copy in the same shape.
"""

from __future__ import annotations

import json
import os
import secrets
import time
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, Float, Index, MetaData, String, Table, Text, delete, select, update

from netral.config import Settings
from netral.database import Location, Tables
from netral.records import Answer

METADATA = MetaData()
CONVERSATIONS = Table(
    "conversation", METADATA,
    Column("id", String(32), primary_key=True),
    Column("owner", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("created_at", Float, nullable=False),
    Column("updated_at", Float, nullable=False),
    Column("answers", Text, nullable=False),  # JSON list of Answer.to_record()
    Index("conversation_owner_updated", "owner", "updated_at"),
)
TITLE_CHARS = 80


@dataclass(frozen=True)
class Conversation:
    id: str
    title: str
    updated_at: float
    answers: tuple[Answer, ...]

    @property
    def when(self) -> str:
        return time.strftime("%d-%m-%Y %H:%M", time.localtime(self.updated_at))


def new_conversation_id() -> str:
    return uuid.uuid4().hex


def title_of(answers: list[Answer]) -> str:
    """A conversation is named by its first question, cut at a word."""
    first = " ".join(answers[0].question.split()) if answers else ""
    if len(first) <= TITLE_CHARS:
        return first
    return first[:TITLE_CHARS].rsplit(" ", 1)[0] + " …"


def _answers_json(answers: list[Answer]) -> str:
    return json.dumps([a.to_record() for a in answers], ensure_ascii=False)


def _answers_from(raw: str | list[Any]) -> tuple[Answer, ...]:
    data = json.loads(raw) if isinstance(raw, str) else raw
    return tuple(Answer.from_record(a) for a in data)


class ConversationStore:
    """The conversations of logged-in people, each visible to its owner only."""

    def __init__(self, location: Location, keep: int = 50):
        self.keep = keep
        self._t = Tables(location, METADATA, synchronous="FULL")

    @classmethod
    def open(cls, settings: Settings) -> ConversationStore:
        return cls(settings.conversation_db, settings.max_saved_conversations)

    def close(self) -> None:
        self._t.close()

    def save(self, owner: str, conversation_id: str, answers: list[Answer]) -> None:
        """Write the conversation as it is now (created on its first answer), then drop the owner's oldest
        conversations beyond `keep`."""
        now = time.time()
        row = {"title": title_of(answers), "updated_at": now, "answers": _answers_json(answers)}
        c = CONVERSATIONS.c
        with self._t.write() as db:
            changed = db.execute(update(CONVERSATIONS).where(c.id == conversation_id, c.owner == owner).values(row))
            if changed.rowcount == 0:
                db.execute(CONVERSATIONS.insert().values(id=conversation_id, owner=owner, created_at=now, **row))
            stale = db.execute(select(c.id).where(c.owner == owner).order_by(c.updated_at.desc())
                               .offset(self.keep)).scalars().all()
            if stale:
                db.execute(delete(CONVERSATIONS).where(c.id.in_(stale)))

    def list(self, owner: str) -> list[Conversation]:
        """The owner's conversations, the latest first (answers not loaded)."""
        c = CONVERSATIONS.c
        q = select(c.id, c.title, c.updated_at).where(c.owner == owner).order_by(c.updated_at.desc())
        with self._t.read() as db:
            return [Conversation(r[0], r[1], r[2], ()) for r in db.execute(q)]

    def get(self, owner: str, conversation_id: str) -> Conversation | None:
        c = CONVERSATIONS.c
        q = select(c.id, c.title, c.updated_at, c.answers).where(c.id == conversation_id, c.owner == owner)
        with self._t.read() as db:
            r = db.execute(q).first()
        return Conversation(r[0], r[1], r[2], _answers_from(r[3])) if r is not None else None

    def delete_all(self, owner: str) -> int:
        """Forget every conversation of the owner ("hapus riwayat saya"); how many there were."""
        with self._t.write() as db:
            return int(db.execute(delete(CONVERSATIONS).where(CONVERSATIONS.c.owner == owner)).rowcount)


# --- the browser's copy (no logins) -------------------------------------------------------------------------
# {"percakapan": {id: {"title", "updated_at", "answers": [record, …]}}}: what gr.BrowserState keeps.

BrowserCopy = dict[str, Any]


def browser_save(copy: BrowserCopy | None, conversation_id: str, answers: list[Answer], keep: int,
                 ) -> BrowserCopy:
    kept = dict((copy or {}).get("percakapan", {}))
    kept[conversation_id] = {"title": title_of(answers), "updated_at": time.time(),
                             "answers": [a.to_record() for a in answers]}
    latest = sorted(kept, key=lambda k: kept[k]["updated_at"], reverse=True)[:keep]
    return {"percakapan": {k: kept[k] for k in latest}}


def browser_list(copy: BrowserCopy | None) -> list[Conversation]:
    kept = (copy or {}).get("percakapan", {})
    rows = [Conversation(k, str(v.get("title", "")), float(v.get("updated_at", 0)), ()) for k, v in kept.items()]
    return sorted(rows, key=lambda r: r.updated_at, reverse=True)


def browser_get(copy: BrowserCopy | None, conversation_id: str) -> Conversation | None:
    v = (copy or {}).get("percakapan", {}).get(conversation_id)
    if v is None:
        return None
    return Conversation(conversation_id, str(v.get("title", "")), float(v.get("updated_at", 0)),
                        _answers_from(v.get("answers", [])))


SECRETS_METADATA = MetaData()
# Keys the app makes for itself once and every host must share (with a shared database).
SECRETS = Table("app_secret", SECRETS_METADATA, Column("name", String(64), primary_key=True),
                Column("value", Text, nullable=False))
BROWSER_KEY = "browser"


def browser_secret(settings: Settings) -> str:
    """The key that encrypts the browser's copy: NETRAL_BROWSER_SECRET, else one made on the first start and kept
    in the shared database (so a browser sent to another host still reads its conversations), or, on one host,
    in the data folder (so a restart or a second worker can)."""
    if settings.browser_secret:
        return settings.browser_secret
    if settings.database_url:
        return _shared_secret(settings.database_url, BROWSER_KEY)
    path = settings.browser_secret_file
    path.parent.mkdir(parents=True, exist_ok=True)
    try:  # O_EXCL: of two workers starting at once, one writes the key and both read it
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    else:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(secrets.token_urlsafe(32))
    for _ in range(50):  # the other worker may be between creating the file and writing it
        key = path.read_text(encoding="utf-8").strip()
        if key:
            return key
        time.sleep(0.1)
    raise RuntimeError(f"{path} is empty: delete it and start again")


def _shared_secret(url: str, name: str) -> str:
    from sqlalchemy.exc import IntegrityError

    tables = Tables(url, SECRETS_METADATA)
    try:
        try:  # the first host to start makes the key; the others read it
            with tables.write() as db:
                db.execute(SECRETS.insert().values(name=name, value=secrets.token_urlsafe(32)))
        except IntegrityError:
            pass
        with tables.read() as db:
            return str(db.execute(select(SECRETS.c.value).where(SECRETS.c.name == name)).scalar_one())
    finally:
        tables.close()
