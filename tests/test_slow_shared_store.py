"""Two hosts on one shared store, end to end: a real PostgreSQL (NETRAL_DATABASE_URL) and a real Chroma server
(`chroma run`), each host with a data folder of its own. Host B, whose folder starts empty, searches and answers
exactly what host A ingested; feedback and audit rows given on either are exported from either; a second ingest
on A reaches a `netral web` already running for B; and an ingest on B is refused while A's holds the database's
advisory lock (slow; run in CI)."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest

from corpus.registry import Registry
from ingest.index import Index
from ingest.lock import IngestBusy, ingest_lock, ingest_running
from ingest.pipeline import Ingestor
from netral.config import Settings
from netral.records import Answer
from tests.conftest import REPO, HashEmbedder, Postgres, free_port, hashed_assistant, make_corpus
from tests.test_slow_scale_out import ETHICS, PARTY, PP42, _ask, _up, _wait
from ui import cli
from ui.audit import AuditEntry, AuditLog
from ui.feedback import FeedbackStore

pytestmark = pytest.mark.slow

# `netral web` with the tests' hash embedder registered (tests/conftest.py), so host B embeds questions as A did.
WEB = "import sys, tests.conftest; from ui.cli import main; sys.exit(main(sys.argv[1:]))"
QUESTIONS = (PARTY, ETHICS, "Apa sanksi bagi PNS yang memberikan dukungan kepada calon presiden?",
             "PNS like postingan caleg di medsos, boleh?")


def _host(tmp_path: Path, name: str, corpus: Path, database_url: str, chroma_url: str) -> Settings:
    return Settings(corpus_dir=corpus, data_dir=tmp_path / name, embedder="fake", database_url=database_url,
                    chroma_url=chroma_url, backend="extractive", index_poll_seconds=1.0)


def _ingest(settings: Settings) -> None:
    index = Index.open(settings)
    try:
        Ingestor(index, HashEmbedder(), Registry.load(), settings.chunk_max_chars).run(settings.corpus_dir)
    finally:
        index.close()


def _csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def test_two_hosts_share_one_store(postgres: Postgres, chroma_server: str, tmp_path: Path, corpus_dir: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    url = postgres.new_database()
    corpus = make_corpus(tmp_path / "corpus", corpus_dir, ("peraturan/pp-94-2021-disiplin-pns.md",
                                                           "peraturan/uu-20-2023-asn.md"))
    a = _host(tmp_path, "host-a", corpus, url, chroma_server)
    b = _host(tmp_path, "host-b", tmp_path / "host-b-has-no-corpus", url, chroma_server)
    _ingest(a)
    assert not (tmp_path / "host-b").exists()

    # B, starting from an empty data folder, answers exactly as A does; only a BM25 cache appears on its disk.
    with hashed_assistant(a) as on_a, hashed_assistant(b) as on_b:
        for q in QUESTIONS:
            x, y = on_a.answer(q), on_b.answer(q)
            assert (y.verdict, y.answer, [c.article_id for c in y.citations]) == \
                (x.verdict, x.answer, [c.article_id for c in x.citations])
        assert on_b.answer(PARTY).citations
    on_disk = sorted(str(p.relative_to(b.data_dir)) for p in b.data_dir.rglob("*") if p.is_file())
    assert on_disk == ["index/bm25.json"], on_disk

    # Feedback and audit rows written on either host are exported, the same, from either.
    for host, rating in ((a, 1), (b, -1)):
        store = FeedbackStore(host.feedback_db)
        store.add(Answer(question=f"dari {host.data_dir.name}", answer="…", verdict="informasi"), rating)
        store.close()
        log = AuditLog(host.audit_db, host.audit_retention_days)
        log.record(AuditEntry(host.data_dir.name, "POST /jawab", 200, question=f"dari {host.data_dir.name}"))
        log.close()
    exports = []
    for host in (a, b):
        store = FeedbackStore(host.feedback_db)
        exports.append(_csv(store.export_csv(tmp_path / f"masukan-{host.data_dir.name}.csv")))
        store.close()
    assert exports[0] == exports[1] and {r[4] for r in exports[0][1:]} == {"dari host-a", "dari host-b"}
    monkeypatch.setenv("NETRAL_DATABASE_URL", url)
    audits = []
    for host in (a, b):
        out = tmp_path / f"audit-{host.data_dir.name}.csv"
        assert cli.main(["audit-export", "--output", str(out), "--data-dir", str(host.data_dir)]) == 0
        audits.append(_csv(out))
    assert audits[0] == audits[1] and [r[2] for r in audits[0][1:]] == ["host-a", "host-b"]

    # A web app running for B follows a second ingest made on A, by polling the shared store.
    env = {**os.environ, **b.to_env(), "NETRAL_WEB_PORT": str(free_port())}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p)
    port = int(env["NETRAL_WEB_PORT"])
    log_file = tmp_path / "web-b.log"
    with log_file.open("w") as sink:  # a file, not a pipe: a pipe nobody reads would stall the server when full
        web = subprocess.Popen([sys.executable, "-c", WEB, "web"], env=env, cwd=REPO, stdout=sink, stderr=sink)
    try:
        _wait(lambda: _up(port) or web.poll() is not None, 240, "host B's web app")
        assert web.poll() is None, log_file.read_text()
        assert not any(c["doc_id"] == "pp-42-2004" for c in _ask(port, ETHICS)["citations"])
        (corpus / PP42).write_bytes((corpus_dir / PP42).read_bytes())
        _ingest(a)
        _wait(lambda: any(c["doc_id"] == "pp-42-2004" for c in _ask(port, ETHICS)["citations"]), 60,
              "host B to answer from the document ingested on A")
    finally:
        web.terminate()
        web.wait(60)

    # While an ingest on A holds the database's lock, B's ingest is refused and B sees it running.
    index_b = Index.open(b.with_(corpus_dir=corpus))
    try:
        with ingest_lock(a.index_dir, url):
            assert ingest_running(b.index_dir, url)
            before = index_b.store.fingerprint()
            with pytest.raises(IngestBusy, match="server lain"):
                Ingestor(index_b, HashEmbedder(), Registry.load(), b.chunk_max_chars).run(corpus)
            assert index_b.store.fingerprint() == before  # refused before touching anything
        assert not ingest_running(b.index_dir, url)
    finally:
        index_b.close()


def _ingest_with_uploads(settings: Settings) -> list[tuple[str, str]]:
    index = Index.open(settings)
    try:
        report = Ingestor(index, HashEmbedder(), Registry.load(), settings.chunk_max_chars).run(
            settings.corpus_dir, uploads=settings.upload_dir)
        return [(r.file, r.status) for r in report.rows]
    finally:
        index.close()


def test_uploads_and_keys_are_shared_by_every_host(postgres: Postgres, chroma_server: str, tmp_path: Path,
                                                   corpus_dir: Path) -> None:
    """A document uploaded in host A's admin tab is read by host B's ingest (B's uploads folder is filled from the
    database) instead of being removed from the index as a lost file; an upload the admin sets aside is deleted
    on every host by its next ingest; and both hosts encrypt browser-kept conversations with one key."""
    from ui.admin import Admin
    from ui.conversations import browser_secret

    url = postgres.new_database()
    corpus = make_corpus(tmp_path / "corpus", corpus_dir, ("peraturan/pp-94-2021-disiplin-pns.md",))
    a = _host(tmp_path, "host-a", corpus, url, chroma_server)
    b = _host(tmp_path, "host-b", corpus, url, chroma_server)
    admin_a = Admin(a, lambda: {}, lambda _hook: None)  # type: ignore[arg-type, return-value]
    upload = tmp_path / "pp-42-2004-jiwa-korps-kode-etik-pns.md"
    upload.write_bytes((corpus_dir / PP42).read_bytes())
    admin_a.accept([upload])
    assert ("@unggahan/" + upload.name, "new") in _ingest_with_uploads(a)

    rows_b = _ingest_with_uploads(b)
    assert ("@unggahan/" + upload.name, "unchanged") in rows_b and not any(s == "removed" for _f, s in rows_b)
    assert (b.upload_dir / upload.name).read_bytes() == upload.read_bytes()
    with hashed_assistant(b) as on_b:
        assert any(c.doc_id == "pp-42-2004" for c in on_b.answer(ETHICS).citations)

    # Set aside on A (as the admin tab's "hapus" does for a failed upload): B's next ingest drops it too.
    admin_a._forget_shared(upload.name)
    (a.upload_dir / upload.name).unlink()
    assert ("@unggahan/" + upload.name, "removed") in _ingest_with_uploads(b)
    assert not (b.upload_dir / upload.name).exists()

    assert browser_secret(a) == browser_secret(b) != ""
    assert not a.browser_secret_file.exists() and not b.browser_secret_file.exists()
