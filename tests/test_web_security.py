"""Finding 5, and the web side of 1 and 2, as a hostile or careless user meets them over HTTP: questions with
invalid characters or of 10 MB, anonymous uploads and gradio's cache, repeated feedback, failed uploads set aside
from the admin tab. (Finding 3, password guessing: test_login_throttle.py; finding 4, formulas in CSV files:
test_csv_exports.py.)"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from gradio_client import Client

from netral.config import Settings
from tests.test_web import FakeAssistant
from tests.webapp import ADMIN, serve
from ui.app import WebDeps
from ui.feedback import FeedbackStore

# --- finding 2: questions with invalid characters; finding 5: a 10 MB question ---------------------------------


def _call(base: str, api: str, data: list[Any]) -> tuple[int, str]:
    """Call an endpoint over gradio's plain HTTP API; (status, the final server-sent event)."""
    body = json.dumps({"data": data})  # ASCII: a lone surrogate travels as the escape \udcff
    r = httpx.post(f"{base}/gradio_api/call/{api}", content=body, headers={"content-type": "application/json"},
                   timeout=60)
    if r.status_code != 200:
        return r.status_code, r.text
    events = httpx.get(f"{base}/gradio_api/call/{api}/{r.json()['event_id']}", timeout=60).text
    return 200, events.strip().splitlines()[-1]


def test_question_with_invalid_utf8_is_cleaned_on_the_web_endpoint(tmp_path: Path) -> None:
    with serve(tmp_path) as (base, _deps):
        r = httpx.post(f"{base}/gradio_api/call/jawab", content=b'{"data": ["PNS \xff\xfe boleh?"]}',
                       headers={"content-type": "application/json"})
        assert r.status_code == 400 and "Traceback" not in r.text  # bytes that are not UTF-8: refused cleanly
        status, event = _call(base, "jawab", ["PNS \udcff boleh \x00kampanye?"])  # JSON escapes that are not text
        assert status == 200 and '"verdict": "tidak_boleh"' in event and '"question": "PNS  boleh kampanye?"' in event


def test_ten_megabyte_question_is_refused_and_not_echoed(tmp_path: Path) -> None:
    huge = "PNS boleh kampanye? " * 500_000  # 10 MB
    with serve(tmp_path) as (base, deps):
        client = Client(base + "/", verbose=False)
        history, panel, box = client.predict(huge, api_name="/ask")
        assert history == [] and box == "" and "terlalu panjang" in panel and "10.000.000 karakter" in panel
        assert len(panel) < 2000
        answer = client.predict(huge, api_name="/jawab")
        assert answer["question"] == "" and "terlalu panjang" in answer["error"]
        letter, _panel, note = client.predict(huge, "", "", "", "", "", api_name="/draft")
        assert letter == "" and "terlalu panjang" in note
        assert deps.assistant.histories == []  # type: ignore[attr-defined]  # nothing reached the assistant


# --- finding 5: uploads, gradio's cache, repeated feedback -------------------------------------------------------


def _upload(base: str, size: int, cookie: str | None = None) -> httpx.Response:
    cookies = {"netral_unggah": cookie} if cookie else None
    return httpx.post(f"{base}/gradio_api/upload", files={"files": ("antrean.csv", b"q" * size)}, cookies=cookies,
                      timeout=60)


def test_anonymous_uploads_are_small_and_few(tmp_path: Path) -> None:
    with serve(tmp_path, max_queue_upload_mb=1, uploads_per_hour=3) as (base, deps):
        big = _upload(base, 3 * 1024 * 1024)
        assert big.status_code == 413 and "batas unggahan 1 MB" in big.text and "tab Admin" in big.text
        assert [_upload(base, 1000).status_code for _ in range(4)] == [200, 200, 200, 429]
        assert "Terlalu banyak unggahan" in _upload(base, 10).text
        admin_cookie = deps.upload_tokens.issue()  # what the admin tab's login gives the browser
        assert _upload(base, 3 * 1024 * 1024, cookie=admin_cookie).status_code == 200
        assert _upload(base, 3 * 1024 * 1024, cookie="tebakan").status_code == 413


def test_admin_login_gives_the_browser_its_upload_right(tmp_path: Path) -> None:
    with serve(tmp_path) as (_base, deps):
        from ui.app import Handlers

        h = Handlers(deps)
        assert h.upload_token(False) == ""
        token = h.upload_token(True)
        assert deps.upload_tokens.valid(token) and not deps.upload_tokens.valid("x" + token)


def _wait_until(check: Callable[[], bool], timeout: float) -> bool:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if check():
            return True
        time.sleep(0.25)
    return False


def test_gradio_cache_and_exports_are_cleaned_on_a_schedule(tmp_path: Path) -> None:
    with serve(tmp_path, cache_sweep_seconds=1, cache_max_age_seconds=2) as (base, _deps):
        stored = Path(_upload(base, 100).json()[0])
        client = Client(base + "/", verbose=False, download_files=False)
        client.predict(ADMIN, api_name="/admin_login")
        served = client.predict(api_name="/admin_feedback_csv")  # the copy in gradio's cache, and its URL
        exported = Path(served["path"])
        assert stored.exists() and exported.exists() and httpx.get(served["url"]).status_code == 200
        assert _wait_until(lambda: not stored.exists() and not exported.exists(), 15)
        assert httpx.get(served["url"]).status_code >= 400
        first = list((tmp_path / "files").iterdir())
        client.predict(api_name="/admin_feedback_csv")  # our own copy of the old export is swept on the next one
        folders = list((tmp_path / "files").iterdir())
        assert len(first) == 1 and len(folders) == 1 and folders != first


def test_repeated_feedback_on_one_answer_is_one_row_and_sessions_are_capped(tmp_path: Path) -> None:
    with serve(tmp_path, max_feedback_per_session=3) as (base, deps):
        client = Client(base + "/", verbose=False)
        client.predict("PNS boleh ikut kampanye?", api_name="/ask")
        replies = [client.predict(f"komentar {k}", api_name="/like")[0] for k in range(20)]
        assert replies[0].startswith("Terima kasih")
        assert set(replies[1:]) == {"Penilaian Anda untuk jawaban ini diperbarui."}
        client.predict("x", api_name="/dislike")
        rows = deps.feedback.rows()
        assert [(r.rating, r.comment) for r in rows] == [(-1, "x")]
        for k in range(4):
            client.predict(f"pertanyaan lain {k}", api_name="/ask")
            reply = client.predict("", api_name="/like")[0]
        assert "Batas masukan" in reply and deps.feedback.count() == 3


def test_a_hundred_likes_on_one_answer_store_one_row(tmp_path: Path) -> None:
    from ui.app import Handlers

    store = FeedbackStore(tmp_path / "f.sqlite")
    h = Handlers(WebDeps(FakeAssistant(), store, Settings(), files_dir=tmp_path / "f"))
    answers = [FakeAssistant().answer("PNS boleh ikut kampanye?")]
    rated: dict[str, int] = {}  # the session's state
    replies = [h.feedback(1, f"suka {k}", answers, rated=rated) for k in range(100)]
    assert replies.count("Terima kasih, masukan Anda tersimpan.") == 1 and store.count() == 1
    assert store.rows()[0].comment == "suka 99"
    store.close()


# --- finding 1, from the admin tab: failed uploads are listed and set aside -----------------------------------------


def test_admin_tab_lists_failed_uploads_and_sets_them_aside(tmp_path: Path) -> None:
    with serve(tmp_path) as (base, deps):
        uploads = deps.settings.upload_dir
        uploads.mkdir(parents=True)
        (uploads / "bom.pdf").write_bytes(b"%PDF-1.4 ...")
        (uploads / "<img src=x onerror=alert(1)>.md").write_text("x", encoding="utf-8")
        (uploads / "pp-94.md").write_text("terindeks", encoding="utf-8")  # FakeIngest's status lists it
        client = Client(base + "/", verbose=False)
        assert client.predict(api_name="/admin_failed_uploads")[0] == ""  # not logged in: nothing shown
        assert "Masuk sebagai admin" in client.predict("bom.pdf", api_name="/admin_quarantine_upload")[0]
        assert (uploads / "bom.pdf").exists()
        client.predict(ADMIN, api_name="/admin_login")
        listing, _pick = client.predict(api_name="/admin_failed_uploads")
        assert "bom.pdf" in listing and "belum terindeks" in listing and "pp-94.md" not in listing
        assert "<img" not in listing and "&lt;img src=x onerror=alert(1)&gt;.md" in listing
        msg, listing, _pick = client.predict("bom.pdf", api_name="/admin_quarantine_upload")
        assert "dipindahkan ke karantina" in msg and "bom.pdf" not in listing
        assert (deps.settings.quarantine_dir / "bom.pdf").exists() and not (uploads / "bom.pdf").exists()
        msg, listing, _pick = client.predict("<img src=x onerror=alert(1)>.md",
                                               api_name="/admin_remove_upload")
        assert "dihapus" in msg and listing == "Tidak ada unggahan yang gagal."
        assert sorted(p.name for p in uploads.iterdir()) == ["pp-94.md"]
        msg, _listing, _pick = client.predict("pp-94.md", api_name="/admin_remove_upload")
        assert "bukan unggahan yang gagal" in msg and (uploads / "pp-94.md").exists()
