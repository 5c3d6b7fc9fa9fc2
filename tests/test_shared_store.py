"""The stores on a real PostgreSQL (NETRAL_DATABASE_URL): an ingest there holds exactly what the embedded SQLite
store holds and answers alike, the ingest lock holds across hosts (index folders) and goes with a killed holder,
a URL that is not PostgreSQL is refused in Indonesian without repeating it, and the letterhead the admin uploads
on one host is the one every host's letters are built on."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from corpus.registry import Registry
from ingest.index import Index
from ingest.lock import IngestBusy, ingest_lock, ingest_running
from ingest.pipeline import Ingestor
from ingest.store import ArticleStore
from netral.config import Settings
from netral.database import DatabaseUrlError
from tests.conftest import HashEmbedder, Postgres, hashed_assistant
from tests.test_letter_official import _letterhead
from ui.letter_layout import LetterLayout
from ui.letterhead import LetterheadStore

QUESTIONS = ("Apakah PNS boleh menjadi anggota partai politik?",
             "Apa sanksi bagi PNS yang memberikan dukungan kepada calon presiden?",
             "PNS like postingan caleg di medsos, boleh?")


def _ingest(settings: Settings, registry: Registry) -> Index:
    index = Index.open(settings)
    Ingestor(index, HashEmbedder(), registry, settings.chunk_max_chars).run(settings.corpus_dir)
    return index


@pytest.mark.slow
def test_postgresql_store_holds_and_answers_what_sqlite_does(
    settings: Settings, postgres: Postgres, registry: Registry, tmp_path: Path
) -> None:
    shared = settings.with_(database_url=postgres.new_database(), data_dir=tmp_path / "pg-host")
    embedded, remote = _ingest(settings, registry), _ingest(shared, registry)
    try:
        assert not (shared.index_dir / "articles.sqlite").exists()  # the rows went to the database
        a, b = embedded.store, remote.store
        assert b.document_count() == a.document_count() > 0
        assert b.fingerprint() == a.fingerprint()
        assert b.chunk_parts() == a.chunk_parts()
        assert b.vector_ids() == a.vector_ids() and b.article_ids() == a.article_ids()
        assert b.citable_ids() == a.citable_ids() and b.amendments() == a.amendments()
        some = sorted(a.article_ids())[::25]
        assert [b.article(i) for i in some] == [a.article(i) for i in some]
        assert [d["content_hash"] for d in b.documents()] == [d["content_hash"] for d in a.documents()]
        assert remote.lexical().ids == embedded.lexical().ids
        moved = ArticleStore(postgres.new_database())  # an index built in SQLite, moved into the database
        try:
            moved.copy_from(a)
            assert moved.fingerprint() == a.fingerprint() and moved.chunk_parts() == a.chunk_parts()
            assert moved.get_meta("embedder") == a.get_meta("embedder") == "fake"
        finally:
            moved.close()
    finally:
        embedded.close()
        remote.close()
    with hashed_assistant(settings) as one, hashed_assistant(shared) as other:
        for q in QUESTIONS:
            x, y = one.answer(q), other.answer(q)
            assert (y.verdict, y.answer, [c.article_id for c in y.citations]) == \
                (x.verdict, x.answer, [c.article_id for c in x.citations])
    # The store keeps its rows across a reopen, and a re-ingest of unchanged files changes nothing.
    again = Index.open(shared)
    try:
        report = Ingestor(again, HashEmbedder(), registry, shared.chunk_max_chars).run(shared.corpus_dir)
        assert {r.label for r in report.rows} == {"tidak berubah"}
    finally:
        again.close()


def test_ingest_lock_holds_across_hosts(postgres: Postgres, tmp_path: Path) -> None:
    url = postgres.new_database()
    host_a, host_b = tmp_path / "a" / "index", tmp_path / "b" / "index"
    assert not ingest_running(host_a, url) and not ingest_running(host_b, url)
    with ingest_lock(host_a, url):
        assert ingest_running(host_b, url)  # another host's folder, the same database
        with pytest.raises(IngestBusy, match="pengindeksan lain sedang berjalan"):
            with ingest_lock(host_b, url):
                pass
        assert not ingest_running(host_b)  # the folder's own file lock is not what holds it
    assert not ingest_running(host_b, url)
    with ingest_lock(host_b, url):  # free again
        assert ingest_running(host_a, url)
    other = postgres.new_database()
    with ingest_lock(host_a, url):
        assert not ingest_running(host_a, other)  # another database is another index


def test_database_lock_of_a_killed_ingest_is_released(postgres: Postgres, tmp_path: Path) -> None:
    url = postgres.new_database()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import time; from pathlib import Path; from ingest.lock import ingest_lock\n"
         f"with ingest_lock(Path({str(tmp_path)!r}), {url!r}):\n    print('held', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[1],
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    assert ingest_running(tmp_path / "elsewhere", url)
    holder.send_signal(signal.SIGKILL)
    holder.wait(10)
    deadline = time.monotonic() + 20  # the server ends the session when it sees the connection closed
    while ingest_running(tmp_path / "elsewhere", url) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not ingest_running(tmp_path / "elsewhere", url)


def test_a_database_url_that_is_not_postgresql_is_refused(tmp_path: Path) -> None:
    for url in ("mysql://netral:rahasia@10.0.0.5/netral", "sqlite:///x.sqlite", "bukan url"):
        with pytest.raises(DatabaseUrlError, match="NETRAL_DATABASE_URL") as caught:
            ArticleStore(url)
        assert "rahasia" not in str(caught.value)
    assert Settings.from_env({"NETRAL_DATABASE_URL": "postgresql://h/db"}).article_db == "postgresql://h/db"
    assert Settings(data_dir=tmp_path).article_db == tmp_path / "index" / "articles.sqlite"


def test_a_letterhead_uploaded_on_one_host_is_used_on_every_host(postgres: Postgres, tmp_path: Path) -> None:
    url = postgres.new_database()
    host_a = Settings(data_dir=tmp_path / "a", database_url=url)
    host_b = Settings(data_dir=tmp_path / "b", database_url=url)
    template = _letterhead(tmp_path / "kop.docx")
    assert LetterLayout.from_settings(host_b).letterhead is None
    with LetterheadStore.open(host_a) as store:
        store.put(template)
    on_b = LetterLayout.from_settings(host_b).letterhead
    assert on_b is not None and on_b.parent == tmp_path / "b" and on_b.read_bytes() == template.read_bytes()
    with LetterheadStore.open(host_b) as store:
        assert store.uploaded_at() is not None
        assert store.remove()  # removed from host B's admin tab …
    assert LetterLayout.from_settings(host_a).letterhead is None  # … no host builds on it any more
    assert not host_a.letterhead_path.exists() and not host_b.letterhead_path.exists()
