"""The JSON API (/api/v1) on a real server: the assistant over a small real index, gradio's server with the API
mounted beside the web app, and real HTTP with httpx."""

from __future__ import annotations

import csv
import json
import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from gradio_client import Client

from assistant.answering import Assistant
from assistant.retrieval import HybridSearcher
from corpus.registry import Registry
from ingest.index import Index
from ingest.pipeline import Ingestor
from netral.config import Settings
from netral.errors import UserError
from tests.conftest import SMALL, HashEmbedder, free_port, hashed_assistant, make_corpus
from tests.test_web import FakeIngest
from ui.admin import Admin
from ui.api import ApiDeps, build_api
from ui.api_gate import ApiKeys
from ui.app import WebDeps, build_app, launch
from ui.audit import EXPORT_COLUMNS, AuditLog
from ui.cli import check_web_security, main
from ui.feedback import FeedbackStore
from ui.throttle import RateLimit

KEY = "kunci-uji-Qm7v2Lx9Rt4sWp8e"
OTHER_KEY = "kunci-uji-Zr8c3Nf6Yh1kTd5u"
KEYS = f"bkd-semarang:{KEY}, bawaslu-jateng:{OTHER_KEY}"
ADMIN = "sandi-admin-Kq7#mZ2p"
# The small corpus and an amended act with the act that amends it (UU 8/1974 Pasal 3 by UU 43/1999).
FILES = (*SMALL, "peraturan/uu-8-1974-pokok-kepegawaian.md", "peraturan/uu-43-1999-pokok-kepegawaian.md")
PARTY = "Apakah PNS boleh menjadi anggota partai politik?"


def auth(key: str = KEY) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


@pytest.fixture(scope="module")
def index_settings(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path) -> Settings:
    base = tmp_path_factory.mktemp("api-index")
    corpus = make_corpus(base / "corpus", corpus_dir, FILES)
    settings = Settings(corpus_dir=corpus, data_dir=base / "data", embedder="fake", index_poll_seconds=0)
    index = Index.open(settings)
    Ingestor(index, HashEmbedder(), Registry.load(), settings.chunk_max_chars).run(corpus)
    index.close()
    return settings


@pytest.fixture(scope="module")
def assistant(index_settings: Settings) -> Iterator[Assistant]:
    with hashed_assistant(index_settings) as ready:
        yield ready


@contextmanager
def serve(tmp_path: Path, assistant: Any, **overrides: Any) -> Iterator[tuple[str, ApiDeps]]:
    """The web app with the API mounted, as `netral web` serves it, on a free loopback port."""
    settings = Settings(data_dir=tmp_path / "data", web_port=free_port(), admin_password=ADMIN,
                        api_keys=KEYS).with_(**overrides)
    feedback = FeedbackStore(settings.feedback_db)
    audit = AuditLog(settings.audit_db, settings.audit_retention_days)
    fake = FakeIngest()  # the admin tab is there for the audit export; no ingest runs in these tests
    web = WebDeps(assistant, feedback, settings, Admin(settings, fake.status, fake.ingest, fake.reload),
                  files_dir=tmp_path / "files", audit=audit)
    deps = ApiDeps(assistant, feedback, audit, settings)
    demo = build_app(web)
    launch(demo, settings, block=False, upload_tokens=web.upload_tokens, api=build_api(deps))
    try:
        yield f"http://127.0.0.1:{settings.web_port}", deps
    finally:
        demo.close()
        audit.close()
        feedback.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, assistant: Assistant) -> Iterator[tuple[str, ApiDeps]]:
    with serve(tmp_path_factory.mktemp("api-server"), assistant, api_rate_per_minute=1000) as served:
        yield served


def api(base: str) -> str:
    return base + "/api/v1"


# --- answers --------------------------------------------------------------------------------------------------


def test_answer_is_the_record_netral_ask_json_prints(server: tuple[str, ApiDeps], index_settings: Settings,
                                                      capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    base, _deps = server
    r = httpx.post(api(base) + "/jawab", headers=auth(), json={"question": PARTY}, timeout=60)
    assert r.status_code == 200, r.text
    record = r.json()
    assert record["verdict"] == "tidak_boleh" and not record["abstained"]
    cited = {c["id"] for c in record["citations"]}
    assert "uu-20-2023/pasal-52/ayat-3/huruf-j" in cited
    assert any("anggota dan/atau pengurus partai politik" in c["quote"] for c in record["citations"])
    assert all(f"[{n}]" in record["answer"] for n in range(1, len(record["citations"]) + 1))
    monkeypatch.delenv("NETRAL_BACKEND", raising=False)
    assert main(["ask", PARTY, "--json", "--data-dir", str(index_settings.data_dir), "--embedder", "fake"]) == 0
    printed = json.loads(capsys.readouterr().out)
    record.pop("timings"), printed.pop("timings")
    assert record == printed


def test_curl_style_body_history_and_backend(server: tuple[str, ApiDeps]) -> None:
    base, _deps = server
    # curl -d sends its default form type: the body is still read as the JSON it is.
    form = {**auth(), "content-type": "application/x-www-form-urlencoded"}
    alone = httpx.post(api(base) + "/jawab", headers=form, content=b'{"question": "kalau PPPK bagaimana?"}',
                       timeout=60)
    follow = httpx.post(api(base) + "/jawab", headers=form, timeout=60, content=json.dumps(
        {"question": "kalau PPPK bagaimana?", "history": [PARTY]}).encode())
    assert alone.status_code == follow.status_code == 200, follow.text
    assert any("partai politik" in c["quote"] for c in follow.json()["citations"])
    assert follow.json()["citations"] != alone.json()["citations"]
    extractive = httpx.post(api(base) + "/jawab", headers=auth(), json={"question": PARTY, "backend": "extractive"},
                            timeout=60)
    assert extractive.status_code == 200 and extractive.json()["backend"] == "extractive"
    other = httpx.post(api(base) + "/jawab", headers=auth(), json={"question": PARTY, "backend": "llamacpp"})
    assert other.status_code == 400 and other.json()["error"] == "backend_tidak_tersedia"
    assert "tidak tersedia" in other.json()["message"] and "extractive" in other.json()["message"]


def test_bad_input_gets_indonesian_errors(server: tuple[str, ApiDeps]) -> None:
    base, _deps = server
    url = api(base) + "/jawab"

    def post(**kw: Any) -> httpx.Response:
        return httpx.post(url, headers={**auth(), **kw.pop("headers", {})}, timeout=60, **kw)

    empty = post(json={"question": "  \x00 "})
    assert empty.status_code == 400 and empty.json() == {
        "error": "pertanyaan_tidak_sah",
        "message": "Pertanyaan masih kosong. Tulis pertanyaan Anda tentang netralitas ASN."}
    long = post(json={"question": "PNS boleh kampanye? " * 101})  # 2,020 characters: over the web app's 2,000
    assert long.status_code == 400 and "terlalu panjang" in long.json()["message"]
    assert "2.000" in long.json()["message"]
    history = post(json={"question": "kalau PPPK?", "history": ["x" * 2001]})
    assert history.status_code == 400 and history.json()["message"].startswith("Riwayat ke-1: Pertanyaan terlalu")
    missing = post(json={"pertanyaan": "PNS boleh kampanye?"})
    assert missing.status_code == 422 and missing.json()["error"] == "masukan_tidak_sah"
    assert missing.json()["details"] == [{"field": "question", "message": "wajib diisi"}]
    wrong_types = post(json={"question": 5, "history": "bukan daftar"})
    assert wrong_types.status_code == 422
    assert "question harus berupa teks; history harus berupa daftar" in wrong_types.json()["message"]
    not_json = post(content=b'{"question": ', headers={"content-type": "application/json"})
    assert not_json.status_code == 422 and "bukan JSON yang sah" in not_json.json()["message"]
    a_list = post(json=["PNS boleh kampanye?"])
    assert a_list.status_code == 422 and "objek JSON" in a_list.json()["message"]
    huge = post(content=b'{"question": "' + b"x" * (2 * 1024 * 1024) + b'"}')
    assert huge.status_code == 413 and "terlalu besar" in huge.json()["message"]
    unknown = httpx.get(api(base) + "/tidak-ada", headers=auth())
    assert unknown.status_code == 404 and unknown.json()["error"] == "alamat_tidak_dikenal"
    method = httpx.delete(url, headers=auth())
    assert method.status_code == 405 and "DELETE tidak didukung" in method.json()["message"]


def test_internal_failure_is_500_in_indonesian_and_logged_in_english(
        server: tuple[str, ApiDeps], assistant: Assistant, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    base, deps = server

    def broken(question: str, history: Any = ()) -> Any:
        raise RuntimeError("index file vanished /srv/netral/secret-path")

    monkeypatch.setattr(assistant, "answer", broken)
    with caplog.at_level(logging.ERROR, logger="ui.api_gate"):
        r = httpx.post(api(base) + "/jawab", headers=auth(), json={"question": "PNS boleh ikut kampanye?"})
    assert r.status_code == 500 and r.json()["error"] == "gangguan_server"
    assert r.json()["message"].startswith("Maaf, terjadi gangguan di server")
    assert "Traceback" not in r.text and "secret-path" not in r.text and "RuntimeError" not in r.text
    failures = [rec for rec in caplog.records if "API POST /jawab by key 'bkd-semarang'" in rec.getMessage()]
    assert failures and failures[0].exc_info is not None and "secret-path" in str(failures[0].exc_info[1])
    row = deps.audit.rows(limit=1)[0].entry
    assert (row.status, row.question, row.key_name) == (500, "PNS boleh ikut kampanye?", "bkd-semarang")


def test_answers_beyond_the_slots_wait_then_hear_the_server_is_busy(
        tmp_path: Path, assistant: Assistant, monkeypatch: pytest.MonkeyPatch) -> None:
    import ui.api

    entered, release = threading.Event(), threading.Event()
    real = assistant.answer

    def slow(question: str, history: Any = ()) -> Any:
        entered.set()
        release.wait(30)
        return real(question, history)

    monkeypatch.setattr(assistant, "answer", slow)
    monkeypatch.setattr(ui.api, "BUSY_WAIT_S", 0.5)
    with serve(tmp_path, assistant, web_concurrency=1) as (base, _deps):
        first: list[httpx.Response] = []
        worker = threading.Thread(target=lambda: first.append(httpx.post(
            api(base) + "/jawab", headers=auth(), json={"question": PARTY}, timeout=60)))
        worker.start()
        assert entered.wait(30)  # the first request holds the only slot
        busy = httpx.post(api(base) + "/jawab", headers=auth(), json={"question": PARTY}, timeout=60)
        release.set()
        worker.join(60)
    assert busy.status_code == 503 and busy.json()["error"] == "sibuk" and busy.headers["retry-after"] == "5"
    assert "sedang sibuk" in busy.json()["message"]
    assert first[0].status_code == 200 and first[0].json()["verdict"] == "tidak_boleh"


# --- keys and limits ------------------------------------------------------------------------------------------


def test_missing_or_wrong_key_is_401_and_repeated_wrong_keys_are_throttled(tmp_path: Path,
                                                                            assistant: Assistant) -> None:
    with serve(tmp_path, assistant) as (base, deps):
        url = api(base) + "/jawab"
        body = {"question": PARTY}
        missing = httpx.post(url, json=body)
        assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
        assert missing.json() == {"error": "kunci_diperlukan",
                                  "message": "Kunci API diperlukan. Kirim header `Authorization: Bearer <kunci>`."}
        basic = httpx.post(url, json=body, headers={"Authorization": f"Basic {KEY}"})
        assert basic.status_code == 401 and basic.json()["error"] == "kunci_diperlukan"
        for wrong in (KEY[:-1], KEY + "x", OTHER_KEY.upper()):  # checked; the third failure starts the waits
            r = httpx.post(url, json=body, headers=auth(wrong))
            assert r.status_code == 401 and r.json()["error"] == "kunci_salah"
            assert r.json()["message"].startswith("Kunci API tidak dikenal.")
        fourth = httpx.post(url, json=body, headers=auth("tebakan-keempat"))
        assert fourth.status_code == 429 and fourth.json()["error"] == "kunci_salah_berulang"
        assert int(fourth.headers["retry-after"]) >= 1 and "Coba lagi dalam" in fourth.json()["message"]
        assert deps.audit.count() == 0  # nothing was answered, so nothing is audited under any key's name


def test_no_keys_configured_is_503_saying_how_to_turn_it_on(tmp_path: Path, assistant: Assistant) -> None:
    with serve(tmp_path, assistant, api_keys="") as (base, _deps):
        for r in (httpx.post(api(base) + "/jawab", json={"question": PARTY}, headers=auth()),
                  httpx.get(api(base) + "/cari", params={"q": "partai"}),
                  httpx.get(api(base) + "/pasal/pp-94-2021/pasal-5")):
            assert r.status_code == 503 and r.json()["error"] == "api_nonaktif"
            assert "NETRAL_API_KEYS" in r.json()["message"] and "nama:kunci" in r.json()["message"]
        health = httpx.get(api(base) + "/kesehatan")
        assert health.status_code == 200 and health.json()["api"] == "nonaktif" and health.json()["ready"]


def test_the_web_apps_login_does_not_stand_in_front_of_the_api(tmp_path: Path, assistant: Assistant) -> None:
    """Programs cannot fill in the NETRAL_AUTH login form: the API is guarded by its keys instead."""
    with serve(tmp_path, assistant, auth="bkd:sandi-login-Xw4p9Lq2") as (base, _deps):
        with pytest.raises(Exception):  # noqa: B017 - gradio_client raises its own error types for a 401
            Client(base + "/", verbose=False).predict(PARTY, api_name="/jawab")
        assert httpx.post(api(base) + "/jawab", json={"question": PARTY}).status_code == 401
        r = httpx.post(api(base) + "/jawab", headers=auth(), json={"question": PARTY}, timeout=60)
        assert r.status_code == 200 and r.json()["verdict"] == "tidak_boleh"


def test_rate_limit_per_key_is_429_with_retry_after(tmp_path: Path, assistant: Assistant) -> None:
    with serve(tmp_path, assistant, api_rate_per_minute=3) as (base, deps):
        url = api(base) + "/cari"
        codes = [httpx.get(url, params={"q": "partai politik"}, headers=auth()).status_code for _ in range(3)]
        assert codes == [200, 200, 200]
        over = httpx.get(url, params={"q": "partai politik"}, headers=auth())
        assert over.status_code == 429 and over.json()["error"] == "batas_laju"
        assert 1 <= int(over.headers["retry-after"]) <= 60
        assert "3 per menit" in over.json()["message"] and "Coba lagi dalam" in over.json()["message"]
        assert httpx.get(url, params={"q": "partai"}, headers=auth(OTHER_KEY)).status_code == 200  # per key
        assert [r.entry.status for r in deps.audit.rows()] == [200, 200, 200, 200]  # refusals are not audited


def test_rate_limit_window_slides() -> None:
    now = [0.0]
    limit = RateLimit(2, 60.0, clock=lambda: now[0])
    assert [limit.take("a"), limit.take("a")] == [0.0, 0.0]
    now[0] = 20.0
    assert limit.take("a") == pytest.approx(40.0) and limit.take("b") == 0.0
    now[0] = 60.0  # both earlier requests have left the window; refused ones were never counted
    assert [limit.take("a"), limit.take("a"), limit.take("a")] == [0.0, 0.0, pytest.approx(60.0)]
    assert RateLimit(0, 60.0).take("a") == 0.0  # 0: no limit


def test_keys_are_parsed_checked_and_matched_by_name() -> None:
    settings = Settings(api_keys=KEYS)
    assert [n for n, _ in settings.api_key_pairs()] == ["bkd-semarang", "bawaslu-jateng"]
    keys = ApiKeys(settings.api_key_pairs())
    assert keys.identify(KEY) == "bkd-semarang" and keys.identify(OTHER_KEY) == "bawaslu-jateng"
    assert keys.identify(KEY[:-1]) is None and keys.identify("") is None and not ApiKeys([])
    with pytest.raises(ValueError, match="entri ke-1 bukan pasangan") as bare:
        Settings(api_keys="kunci-rahasia-tanpa-nama").api_key_pairs()
    assert "kunci-rahasia-tanpa-nama" not in str(bare.value)  # a bare key is never echoed
    with pytest.raises(ValueError, match="lebih dari sekali"):
        Settings(api_keys=f"bkd:{KEY},bkd:{OTHER_KEY}").api_key_pairs()
    with pytest.raises(ValueError, match="hanya boleh berisi"):
        Settings(api_keys=f"bkd semarang:{KEY}").api_key_pairs()
    with pytest.raises(UserError, match="kunci API 'bkd' di NETRAL_API_KEYS terlalu lemah"):
        check_web_security(Settings(api_keys="bkd:rahasia123"))
    check_web_security(settings)


# --- search, articles, feedback, health, description -------------------------------------------------------------


def test_search_returns_hits_with_excerpts(server: tuple[str, ApiDeps]) -> None:
    base, _deps = server
    r = httpx.get(api(base) + "/cari", params={"q": "anggota partai politik", "k": 3}, headers=auth())
    assert r.status_code == 200, r.text
    record = r.json()
    assert record["query"] == "anggota partai politik" and 1 <= len(record["results"]) <= 3
    hits = record["results"]
    assert set(hits[0]) == {"id", "doc_id", "label", "status", "score", "excerpt"}
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    assert any("partai politik" in h["excerpt"] for h in hits)
    assert all(len(h["excerpt"]) <= 602 and h["status"] in ("berlaku", "dicabut", "diubah", "materi") for h in hits)
    long_hit = next(h for h in hits if h["id"] == "pp-94-2021/pasal-5")  # a long article: cut to an excerpt
    assert long_hit["excerpt"].endswith(" …") and long_hit["label"] == "Pasal 5 PP 94/2021"
    bad_k = httpx.get(api(base) + "/cari", params={"q": "partai", "k": 0}, headers=auth())
    assert bad_k.status_code == 422 and bad_k.json()["details"] == [{"field": "k", "message": "paling kecil 1"}]
    empty = httpx.get(api(base) + "/cari", params={"q": " "}, headers=auth())
    assert empty.status_code == 400 and "kosong" in empty.json()["message"]


def test_article_text_status_amendments_and_penjelasan(server: tuple[str, ApiDeps]) -> None:
    base, _deps = server

    def get(article_id: str) -> httpx.Response:
        return httpx.get(f"{api(base)}/pasal/{article_id}", headers=auth())

    in_force = get("pp-94-2021/pasal-5").json()
    assert in_force["status"] == "berlaku" and in_force["label"] == "Pasal 5 PP 94/2021"
    assert in_force["text"].startswith("PNS dilarang:") and "ikut kampanye" in in_force["text"]
    assert "menyalahgunakan wewenang" in in_force["penjelasan"] and in_force["amendments"] == []
    provision = get("pp-94-2021/pasal-5/huruf-n/angka-1").json()
    assert provision["id"] == "pp-94-2021/pasal-5"
    assert provision["provision"] == {"id": "pp-94-2021/pasal-5/huruf-n/angka-1",
                                      "label": "Pasal 5 huruf n angka 1 PP 94/2021", "text": "1. ikut kampanye;"}
    repealed = get("uu-8-1974/pasal-3").json()
    assert repealed["status"] == "dicabut" and repealed["status_text"] == "dicabut"
    assert repealed["document"].startswith("Undang-Undang Nomor 8 Tahun 1974")
    [amendment] = repealed["amendments"]
    assert amendment["id"] == "uu-43-1999/pasal-3" and amendment["year"] == 1999
    assert "harus netral dari pengaruh semua golongan dan partai politik" in amendment["text"]
    amending = get("uu-43-1999/pasal-3").json()
    assert amending["amends"] == {"id": "uu-8-1974/pasal-3", "doc_id": "uu-8-1974", "label": "Pasal 3 UU 8/1974",
                                  "status": "dicabut"}
    for unknown in ("pp-94-2021/pasal-999", "pp-94-2021/pasal-5/huruf-zz", "bukan-id"):
        r = get(unknown)
        assert r.status_code == 404 and r.json()["error"] == "pasal_tidak_ditemukan"
        assert r.json()["message"] == (f"Pasal '{unknown}' tidak ditemukan di indeks. Cari id pasal dengan "
                                       "/api/v1/cari?q=….")


def test_feedback_is_saved_in_the_web_apps_store(server: tuple[str, ApiDeps]) -> None:
    base, deps = server
    answer = httpx.post(api(base) + "/jawab", headers=auth(), json={"question": PARTY}, timeout=60).json()
    r = httpx.post(api(base) + "/umpan-balik", headers=auth(OTHER_KEY),
                   json={"rating": -1, "comment": "kurang lengkap untuk PPPK", "answer": answer})
    assert r.status_code == 201 and r.json()["message"] == "Terima kasih, masukan Anda tersimpan."
    reopened = FeedbackStore(deps.settings.feedback_db)  # another connection sees the committed row
    try:
        row = next(x for x in reopened.rows() if x.id == r.json()["id"])
    finally:
        reopened.close()
    assert (row.rating, row.comment, row.question, row.mode) == (-1, "kurang lengkap untuk PPPK", PARTY, "api")
    assert row.verdict == "tidak_boleh" and row.answer == answer["answer"] and row.backend == "extractive"
    assert row.citations == [c["label"] for c in answer["citations"]]
    bad = httpx.post(api(base) + "/umpan-balik", headers=auth(), json={"rating": 5, "answer": {**answer,
                                                                                              "verdict": "mungkin"}})
    assert bad.status_code == 422
    assert {"field": "rating", "message": "harus salah satu dari: 1, -1"} in bad.json()["details"]
    assert any(d["field"] == "answer.verdict" and d["message"].startswith("harus salah satu dari: 'boleh'")
               for d in bad.json()["details"])
    empty = httpx.post(api(base) + "/umpan-balik", headers=auth(),
                       json={"rating": 1, "answer": {**answer, "question": ""}})
    assert empty.status_code == 400 and "kosong" in empty.json()["message"]


def test_health_for_load_balancers(server: tuple[str, ApiDeps], tmp_path: Path, corpus_dir: Path) -> None:
    base, _deps = server
    ready = httpx.get(api(base) + "/kesehatan")  # no key needed
    assert ready.status_code == 200
    assert ready.json()["ready"] and ready.json()["status"] == "siap" and ready.json()["backend"] == "extractive"
    assert ready.json()["index"]["documents"] == len(FILES) and ready.json()["index"]["vectors"] > 0
    empty = Settings(data_dir=tmp_path / "kosong", embedder="fake")
    registry = Registry.load()
    searcher = HybridSearcher(Index.open(empty), HashEmbedder(), registry, empty)
    try:
        with serve(tmp_path, Assistant(searcher, registry, empty)) as (base2, _):
            r = httpx.get(api(base2) + "/kesehatan")
            assert r.status_code == 503 and not r.json()["ready"] and "masih kosong" in r.json()["message"]
            searcher.index.close()  # an index that cannot be read at all
            r = httpx.get(api(base2) + "/kesehatan")
            assert r.status_code == 503 and "tidak dapat dibaca" in r.json()["message"]
    finally:
        searcher.index.close()


def test_openapi_lists_the_routes_and_docs_fetch_nothing(server: tuple[str, ApiDeps]) -> None:
    base, _deps = server
    spec = httpx.get(api(base) + "/openapi.json").json()
    assert set(spec["paths"]) == {"/jawab", "/cari", "/pasal/{article_id}", "/umpan-balik", "/kesehatan"}
    assert spec["servers"] == [{"url": "/api/v1"}]
    assert spec["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
    assert "security" in spec["paths"]["/jawab"]["post"] and "security" not in spec["paths"]["/kesehatan"]["get"]
    docs = httpx.get(api(base) + "/docs")
    assert docs.status_code == 200 and "/api/v1/jawab" in docs.text and "/api/v1/umpan-balik" in docs.text
    assert "<script" not in docs.text and "http://" not in docs.text and "https://" not in docs.text
    assert "Apakah PNS boleh menjadi anggota partai politik?" in docs.text  # the request example


def test_same_server_serves_the_web_app_and_the_api(server: tuple[str, ApiDeps]) -> None:
    base, _deps = server
    web = Client(base + "/", verbose=False).predict(PARTY, api_name="/jawab")
    via_api = httpx.post(api(base) + "/jawab", headers=auth(), json={"question": PARTY}, timeout=60).json()
    assert web["verdict"] == via_api["verdict"] == "tidak_boleh" and web["citations"] == via_api["citations"]


# --- the audit log --------------------------------------------------------------------------------------------


def test_audit_rows_name_the_key_and_export_as_csv(tmp_path: Path, assistant: Assistant) -> None:
    with serve(tmp_path, assistant) as (base, deps):
        answer = httpx.post(api(base) + "/jawab", headers=auth(), json={"question": PARTY}, timeout=60).json()
        hits = httpx.get(api(base) + "/cari", params={"q": "=HYPERLINK(partai)"}, headers=auth(OTHER_KEY)).json()
        httpx.get(api(base) + "/pasal/bukan-id", headers=auth(OTHER_KEY))
        httpx.get(api(base) + "/kesehatan")  # open: not audited
        rows = list(reversed(deps.audit.rows()))
        assert [(r.entry.key_name, r.entry.endpoint, r.entry.status) for r in rows] == [
            ("bkd-semarang", "POST /jawab", 200), ("bawaslu-jateng", "GET /cari", 200),
            ("bawaslu-jateng", "GET /pasal/bukan-id", 404)]
        first = rows[0].entry
        assert (first.question, first.verdict, first.client) == (PARTY, "tidak_boleh", "127.0.0.1")
        assert list(first.cited) == [c["id"] for c in answer["citations"]] and first.elapsed_ms > 0
        assert list(rows[1].entry.cited) == [h["id"] for h in hits["results"]]
        assert abs(rows[0].created_at - time.time()) < 60
        client = Client(base + "/", verbose=False)
        assert client.predict(api_name="/admin_audit_csv") is None  # not logged in
        assert client.predict(ADMIN, api_name="/admin_login") == "Masuk sebagai admin."
        from_admin = client.predict(api_name="/admin_audit_csv")
        deps.audit.close()
        stored = b"".join(p.read_bytes() for p in deps.settings.data_dir.glob("audit.sqlite*"))
        assert b"bkd-semarang" in stored and KEY.encode() not in stored and OTHER_KEY.encode() not in stored
    out = tmp_path / "audit.csv"
    assert main(["audit-export", "--output", str(out), "--data-dir", str(tmp_path / "data")]) == 0
    with out.open(encoding="utf-8-sig", newline="") as fh:
        table = list(csv.reader(fh))
    assert table[0] == list(EXPORT_COLUMNS) and len(table) == 4
    assert [r[2] for r in table[1:]] == ["bkd-semarang", "bawaslu-jateng", "bawaslu-jateng"]
    assert table[1][6] == PARTY and table[1][7] == "tidak_boleh"
    assert table[1][8] == "; ".join(c["id"] for c in answer["citations"])
    assert table[2][6] == "'=HYPERLINK(partai)"  # a formula is shown as text in a spreadsheet
    assert datetime.fromisoformat(table[1][1]).tzinfo is not None  # ISO 8601 with the server's UTC offset
    assert Path(from_admin).read_text(encoding="utf-8-sig") == out.read_text(encoding="utf-8-sig")
    assert KEY not in out.read_text(encoding="utf-8-sig")


def test_an_answer_that_cannot_be_audited_is_withheld(tmp_path: Path, assistant: Assistant) -> None:
    with serve(tmp_path, assistant) as (base, deps):
        deps.audit.close()  # the audit database is gone
        r = httpx.post(api(base) + "/jawab", headers=auth(), json={"question": PARTY}, timeout=60)
        assert r.status_code == 500 and r.json()["error"] == "gangguan_server" and "verdict" not in r.text


# --- `netral web` itself ---------------------------------------------------------------------------------------


def test_netral_web_serves_the_api_on_its_own_port(index_settings: Settings, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The command as a person runs it (in this process, with the test embedder): web app and API, one port."""
    import ui.app

    port = free_port()
    monkeypatch.setenv("NETRAL_API_KEYS", KEYS)
    monkeypatch.setenv("NETRAL_INDEX_POLL_SECONDS", "0")
    monkeypatch.delenv("NETRAL_BACKEND", raising=False)
    built: list[Any] = []
    real_build = ui.app.build_app
    monkeypatch.setattr(ui.app, "build_app", lambda deps: built.append(real_build(deps)) or built[-1])
    result: list[int] = []
    thread = threading.Thread(target=lambda: result.append(main([
        "web", "--port", str(port), "--data-dir", str(index_settings.data_dir), "--embedder", "fake"])), daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                if httpx.get(api(base) + "/kesehatan", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.5)
        else:
            pytest.fail("netral web did not start")
        r = httpx.post(api(base) + "/jawab", headers=auth(), json={"question": PARTY}, timeout=60)
        assert r.status_code == 200 and r.json()["verdict"] == "tidak_boleh"
        assert httpx.get(base + "/", timeout=30).status_code == 200  # the web app on the same port
        audit = AuditLog(index_settings.audit_db)
        assert audit.rows(limit=1)[0].entry.key_name == "bkd-semarang"
        audit.close()
    finally:
        for demo in built:
            demo.close()
        thread.join(30)
    assert result == [0]
