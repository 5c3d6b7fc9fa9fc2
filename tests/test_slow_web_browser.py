"""The real web app (`netral web`, real index, extractive backend) opened in headless Chromium (slow; run in CI).

Screenshots go to $NETRAL_SCREENSHOT_DIR (default: the test's temporary folder) for a person to look at.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from netral.config import Settings
from tests.conftest import free_port

pytestmark = pytest.mark.slow

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def server(real_index: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    data = tmp_path_factory.mktemp("web")
    # The web app writes its feedback next to the index; give it a copy so tests stay independent.
    shutil.copytree(real_index.data_dir, data / "data")
    env = {**os.environ, "NETRAL_DATA_DIR": str(data / "data"), "NETRAL_BACKEND": "extractive",
           "NETRAL_CORPUS_DIR": str(real_index.corpus_dir), "NETRAL_ADMIN_PASSWORD": "uji-Kq7#mZ2p-admin"}
    log = (data / "server.log").open("w")
    proc = subprocess.Popen([sys.executable, "-m", "ui.cli", "web", "--port", str(port)], env=env,
                            stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.time() + 120
    while time.time() < deadline:
        if proc.poll() is not None:
            pytest.fail("web app exited:\n" + (data / "server.log").read_text())
        try:
            with urllib.request.urlopen(url, timeout=2):
                break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("web app did not start in 120 s:\n" + (data / "server.log").read_text())
    yield url
    proc.terminate()
    proc.wait(20)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed: `make test` installs it (Debian package chromium)")
        pytest.skip("chromium not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def shots_dir(tmp_path: Path) -> Path:
    d = Path(os.environ.get("NETRAL_SCREENSHOT_DIR", tmp_path))
    d.mkdir(parents=True, exist_ok=True)
    return d


def open_app(page: object, url: str) -> None:
    # Not "networkidle": the page keeps a live connection to the server's queue.
    page.goto(url, wait_until="load")  # type: ignore[attr-defined]
    page.locator("#nt-question textarea").wait_for(timeout=30_000)  # type: ignore[attr-defined]


def ask(page: object, question: str) -> None:
    box = page.locator("#nt-question textarea")  # type: ignore[attr-defined]
    box.fill(question)
    box.press("Enter")
    page.locator("#nt-panel .nt-card").first.wait_for(timeout=60_000)  # type: ignore[attr-defined]


@pytest.mark.parametrize("width,height,name", [(1280, 900, "desktop"), (390, 844, "ponsel")])
def test_question_answer_and_citation_card_in_browser(server: str, browser: object, tmp_path: Path,
                                                      width: int, height: int, name: str) -> None:
    page = browser.new_page(viewport={"width": width, "height": height})  # type: ignore[attr-defined]
    open_app(page, server)
    assert "Asisten Netralitas ASN" in page.content()
    ask(page, "kalau cuma like postingan caleg kena sanksi?")
    card = page.locator("#nt-panel .nt-card").first
    label = card.locator(".nt-label").inner_text()
    # A like is support for a candidate forbidden to a PNS, beside the duty of neutrality of every ASN (the rule
    # map's social-media entry: the regulation's prohibition, then the statute's duty).
    assert label == "Pasal 5 huruf n PP 94/2021", label
    second = page.locator("#nt-panel .nt-card").nth(1).locator(".nt-label").inner_text()
    assert second == "Pasal 24 ayat (1) huruf d UU 20/2023", second
    assert card.locator(".nt-status").inner_text() == "berlaku"
    assert page.locator("#nt-panel .nt-verdict").inner_text().strip().endswith("Tidak boleh")
    quote = card.locator(".nt-quote").inner_text()
    assert len(quote) > 20
    chat = page.locator("#nt-chat").inner_text()
    assert "Dasar hukum" in chat and "PP 94/2021" in chat and "UU 20/2023" in chat
    card.locator("summary").click()
    assert "Peraturan Pemerintah Nomor 94 Tahun 2021" in card.locator(".nt-whole").inner_text()
    page.screenshot(path=str(shots_dir(tmp_path) / f"tanya-{name}.png"), full_page=True)
    page.close()


def test_script_in_question_is_shown_not_run(server: str, browser: object) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    open_app(page, server)
    box = page.locator("#nt-question textarea")
    box.fill("<img src=x onerror=alert('xss')> PNS boleh ikut kampanye?")
    box.press("Enter")
    page.locator("#nt-panel .nt-verdict").wait_for(timeout=60_000)
    assert "<img src=x onerror=alert('xss')>" in page.locator("#nt-chat").inner_text()
    assert dialogs == []
    page.close()


def test_draft_letter_tab_in_browser(server: str, browser: object, tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 1000})  # type: ignore[attr-defined]
    open_app(page, server)
    page.get_by_role("tab", name="Draf balasan").click()
    page.get_by_label("Pertanyaan yang masuk").fill("Apakah PNS boleh menjadi anggota partai politik?")
    page.get_by_role("button", name="Susun draf").click()
    letter = page.locator("#nt-letter textarea")
    page.wait_for_function("() => document.querySelector('#nt-letter textarea').value.includes('Dasar hukum')",
                           timeout=60_000)
    text = letter.input_value()
    assert text.startswith("Nomor") and "Dengan hormat," in text and "Pasal" in text
    page.screenshot(path=str(shots_dir(tmp_path) / "draf-desktop.png"), full_page=True)
    page.close()


def test_large_uploads_only_from_the_logged_in_admin_tab(browser: object, tmp_path: Path) -> None:
    """The upload gate in a real browser (on an in-process app with a fake assistant, no index needed): a 6 MB
    file is refused in the queue tab with the gate's message, and accepted in the admin tab after the login has
    given the browser its upload cookie."""
    from tests.webapp import ADMIN, serve

    big = tmp_path / "besar.md"
    big.write_bytes(b"# Dokumen besar\n" + b"Pasal 1 Pegawai ASN wajib netral.\n" * 200_000)  # 6.6 MB
    with serve(tmp_path) as (base, deps):
        page = browser.new_page(viewport={"width": 1280, "height": 1000})  # type: ignore[attr-defined]
        page.goto(base + "/", wait_until="load")
        page.get_by_role("tab", name="Antrean").click()
        queue_input = page.locator("input[type=file]").first
        queue_input.set_input_files(str(big))
        page.get_by_text("batas unggahan 5 MB").wait_for(timeout=20_000)
        page.get_by_role("tab", name="Admin").click()
        page.get_by_label("Kata sandi admin").fill(ADMIN)
        page.get_by_role("button", name="Masuk").click()
        page.get_by_text("Masuk sebagai admin.").wait_for(timeout=20_000)
        page.wait_for_function("() => document.cookie.includes('netral_unggah=')", timeout=20_000)
        admin_block = page.locator(".block", has_text="PDF, DOCX, MD, atau TXT")
        admin_block.locator("input[type=file]").set_input_files(str(big))
        admin_block.get_by_text("besar.md").wait_for(timeout=30_000)  # uploaded: the file is listed
        page.get_by_role("button", name="Unggah dan indeks").click()
        page.get_by_text("1 berkas disimpan").wait_for(timeout=20_000)
        assert (deps.settings.upload_dir / "besar.md").stat().st_size == big.stat().st_size
        page.close()


def test_letter_desk_offers_pdf_in_browser(browser: object, tmp_path: Path) -> None:
    """The letter desk in a real browser (in-process app with a fake assistant): the draft names the regulation
    in full, PDF is one of the download formats, and the downloaded file is an A4 PDF carrying the letter."""
    from pypdf import PdfReader

    from tests.webapp import serve

    with serve(tmp_path) as (base, _deps):
        page = browser.new_page(viewport={"width": 1280, "height": 1000})  # type: ignore[attr-defined]
        page.goto(base + "/", wait_until="load")
        page.get_by_role("tab", name="Draf balasan").click()
        page.get_by_label("Pertanyaan yang masuk").fill("Apakah PNS boleh mendukung calon bupati?")
        page.get_by_label("Unit pengirim").fill("BKD Kota Contoh")
        page.get_by_role("button", name="Susun draf").click()
        page.wait_for_function("() => document.querySelector('#nt-letter textarea').value.includes('Dasar hukum')",
                               timeout=60_000)
        assert "Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil" in \
            page.locator("#nt-letter textarea").input_value()
        page.get_by_role("radio", name="pdf").check()
        page.get_by_role("button", name="Buat berkas unduhan").click()
        page.get_by_text("siap diunduh").wait_for(timeout=30_000)
        link = page.locator("a[download$='.pdf']").first  # the file component links the file by its name
        with page.expect_download(timeout=30_000) as info:
            link.click()
        saved = tmp_path / "unduhan.pdf"
        info.value.save_as(str(saved))
        reader = PdfReader(str(saved))
        box = reader.pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == (595, 842)
        text = " ".join(reader.pages[0].extract_text().split())
        assert text.startswith("BKD KOTA CONTOH Nomor") and "Peraturan Pemerintah Nomor 94 Tahun 2021" in text
        page.screenshot(path=str(shots_dir(tmp_path) / "draf-pdf.png"), full_page=True)
        page.close()


def test_reload_keeps_the_conversation_in_browser(browser: object, tmp_path: Path) -> None:
    """Without logins the browser keeps its conversations: a reload shows the conversation again (chat and citation
    card), another browser does not see it, and "Hapus riwayat saya" forgets it (in-process app, fake assistant)."""
    from tests.webapp import serve

    with serve(tmp_path) as (base, _deps):
        context = browser.new_context(viewport={"width": 1280, "height": 1000})  # type: ignore[attr-defined]
        page = context.new_page()
        open_app(page, base + "/")
        ask(page, "Boleh datang ke kampanye suami saya?")
        page.get_by_text("Boleh datang ke kampanye suami saya?").first.wait_for(timeout=30_000)
        page.wait_for_timeout(1500)  # the save runs after the answer
        page.reload(wait_until="load")
        page.locator("#nt-panel .nt-card").first.wait_for(timeout=30_000)
        assert "Boleh datang ke kampanye suami saya?" in page.locator("#nt-chat").inner_text()
        assert "Dasar hukum" in page.locator("#nt-chat").inner_text()
        page.screenshot(path=str(shots_dir(tmp_path) / "riwayat-setelah-muat-ulang.png"), full_page=True)
        other = browser.new_context().new_page()  # type: ignore[attr-defined]
        open_app(other, base + "/")
        other.wait_for_timeout(1500)
        assert "Boleh datang ke kampanye suami saya?" not in other.locator("#nt-chat").inner_text()
        other.close()
        page.get_by_text("Riwayat percakapan").click()
        page.get_by_role("button", name="Hapus riwayat saya").click()
        page.get_by_text("Riwayat dihapus (1 percakapan).").wait_for(timeout=20_000)
        # Nothing of the question is left in the browser's storage (gradio's own run history is off).
        assert "kampanye suami" not in page.evaluate("() => JSON.stringify(window.localStorage)")
        page.reload(wait_until="load")
        page.locator("#nt-question textarea").wait_for(timeout=30_000)
        page.wait_for_timeout(1500)
        assert "Boleh datang ke kampanye suami saya?" not in page.locator("#nt-chat").inner_text()
        context.close()


def test_logged_in_conversations_follow_the_login(browser: object, tmp_path: Path) -> None:
    """With NETRAL_AUTH a conversation is kept under the login in the store: the same login in another browser
    finds it, another login does not, and nothing of it is left in the browser's storage."""
    from tests.webapp import serve

    logins = {"ana": "sandi-Ana-Kq7#mZ2p", "budi": "sandi-Budi-Lq8#nZ3r"}

    def logged_in(base: str, user: str) -> tuple[object, object]:
        context = browser.new_context(viewport={"width": 1280, "height": 1000})  # type: ignore[attr-defined]
        assert context.request.post(base + "/login", form={"username": user, "password": logins[user]}).ok
        page = context.new_page()
        open_app(page, base + "/")
        return context, page

    with serve(tmp_path, auth=",".join(f"{u}:{p}" for u, p in logins.items())) as (base, deps):
        first, page = logged_in(base, "ana")
        ask(page, "Bolehkah saya menjadi saksi paslon?")
        page.get_by_text("Bolehkah saya menjadi saksi paslon?").first.wait_for(timeout=30_000)
        page.wait_for_timeout(1500)
        stored = page.evaluate("() => JSON.stringify(window.localStorage)")
        assert "saksi" not in stored
        second, again = logged_in(base, "ana")
        again.locator("#nt-panel .nt-card").first.wait_for(timeout=30_000)
        assert "Bolehkah saya menjadi saksi paslon?" in again.locator("#nt-chat").inner_text()
        other, page_b = logged_in(base, "budi")
        page_b.wait_for_timeout(1500)
        assert "Bolehkah saya menjadi saksi paslon?" not in page_b.locator("#nt-chat").inner_text()
        assert [c.title for c in deps.conversations.list("ana")] == ["Bolehkah saya menjadi saksi paslon?"]  # type: ignore[union-attr]
        for context in (first, second, other):
            context.close()  # type: ignore[attr-defined]


def answered(page: object, turns: int) -> None:
    """Wait until the panel holds the cards of `turns` answers (the latest shown, the others behind it)."""
    page.wait_for_function(  # type: ignore[attr-defined]
        f"() => document.querySelectorAll('#nt-panel .nt-turn').length >= {turns}", timeout=60_000)


def test_citation_links_show_and_highlight_their_card(server: str, browser: object, tmp_path: Path) -> None:
    """`[n]` and the listed provisions of a message link to that answer's card n: clicking shows it (an earlier
    answer's cards come back in front) and highlights it; the whole Pasal marks the quoted huruf."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    open_app(page, server)
    ask(page, "kalau cuma like postingan caleg kena sanksi?")
    answered(page, 1)
    chat = page.locator("#nt-chat")
    chat.locator("a[href$='#sitasi-0-2']").first.click()
    card = page.locator("#sitasi-0-2")
    page.wait_for_function("() => document.querySelector('#sitasi-0-2').classList.contains('nt-sorot')",
                           timeout=10_000)
    assert card.is_visible() and card.evaluate("e => document.activeElement === e")
    assert "nt-sorot" not in (page.locator("#sitasi-0-1").get_attribute("class") or "")
    page.screenshot(path=str(shots_dir(tmp_path) / "sitasi-disorot.png"), full_page=True)
    first = page.locator("#sitasi-0-1")
    assert first.locator(".nt-label").inner_text() == "Pasal 5 huruf n PP 94/2021"
    first.locator("summary").click()
    marked = first.locator("mark.nt-quoted")
    assert marked.count() >= 1 and marked.first.inner_text().startswith("n.")
    whole = first.locator(".nt-whole").inner_text()
    assert "ditandai" in whole and "Peraturan Pemerintah Nomor 94 Tahun 2021" in whole
    # A second answer: its cards are in front; a link in the first message brings the first answer's back.
    box = page.locator("#nt-question textarea")
    box.fill("apakah PNS boleh jadi anggota partai politik?")
    box.press("Enter")
    answered(page, 2)
    assert page.locator("#nt-panel .nt-turn[data-turn='1']").is_visible()
    assert not page.locator("#nt-panel .nt-turn[data-turn='0']").is_visible()
    chat.locator("a[href$='#sitasi-0-1']").first.click()
    page.wait_for_function("() => document.querySelector('#sitasi-0-1').classList.contains('nt-sorot')",
                           timeout=10_000)
    assert page.locator("#nt-panel .nt-turn[data-turn='0']").is_visible()
    assert not page.locator("#nt-panel .nt-turn[data-turn='1']").is_visible()
    page.close()


def choose(page: object, elem_id: str, typed: str, option: str) -> None:
    """Pick `option` in a gradio dropdown by typing part of it, as a person searching the list would."""
    field = page.locator(f"#{elem_id} input")  # type: ignore[attr-defined]
    field.click()
    field.fill(typed)
    page.get_by_role("option", name=option).first.click()  # type: ignore[attr-defined]


@pytest.mark.parametrize("width,height,name", [(1280, 900, "desktop"), (390, 844, "ponsel")])
def test_situation_checker_card_and_its_link(server: str, browser: object, tmp_path: Path,
                                             width: int, height: int, name: str) -> None:
    """Cek situasi: a PNS choosing an act of a regional election gets one card (verdict, provisions with quotes);
    the card's link opens the same card in a fresh browser."""
    context = browser.new_context(viewport={"width": width, "height": height})  # type: ignore[attr-defined]
    page = context.new_page()
    open_app(page, server)
    page.get_by_role("tab", name="Cek situasi").click()
    page.locator("#nt-cek-pelaku").get_by_text("CPNS", exact=True).click()
    page.locator("#nt-cek-pelaku").get_by_text("PNS", exact=True).click()
    page.locator("#nt-cek-pemilihan").get_by_text("Pilkada (gubernur", exact=False).click()
    choose(page, "nt-cek-perbuatan", "atribut", "Ikut kampanye dengan atribut partai atau atribut PNS")
    page.get_by_role("button", name="Periksa").click()
    card = page.locator("#nt-kartu")
    card.locator(".nt-verdict").wait_for(timeout=30_000)
    verdict = card.locator(".nt-verdict").inner_text().strip()
    labels = card.locator(".nt-card .nt-label").all_inner_texts()
    assert verdict.endswith("Tidak boleh") and labels, (verdict, labels)
    assert all(len(q) > 20 for q in card.locator(".nt-quote").all_inner_texts())
    assert card.locator(".nt-check-who").inner_text().startswith("PNS")
    # The quoted part in its whole Pasal: angka 2 of huruf n, with the Penjelasan that defines the attributes.
    card.locator(".nt-card summary").first.click()
    assert card.locator("mark.nt-quoted").count() >= 1
    page.wait_for_function("() => document.querySelector('#nt-cek-tautan textarea, #nt-cek-tautan input')"
                           ".value.includes('perbuatan=')", timeout=10_000)
    link = page.locator("#nt-cek-tautan textarea, #nt-cek-tautan input").first.input_value()
    assert "tab=cek" in link and "pelaku=PNS" in link and "pemilihan=pilkada" in link and page.url == link
    page.screenshot(path=str(shots_dir(tmp_path) / f"cek-situasi-{name}.png"), full_page=True)
    fresh = browser.new_context(viewport={"width": width, "height": height})  # type: ignore[attr-defined]
    again = fresh.new_page()
    again.goto(link, wait_until="load")
    reopened = again.locator("#nt-kartu")
    reopened.locator(".nt-verdict").wait_for(timeout=30_000)
    assert reopened.locator(".nt-verdict").inner_text().strip() == verdict
    assert reopened.locator(".nt-card .nt-label").all_inner_texts() == labels
    fresh.close()
    context.close()


def test_feedback_on_an_earlier_answer_becomes_a_gold_candidate(browser: object, tmp_path: Path) -> None:
    """A dislike with a reason on the first of two answers is stored for that answer (with its record), and the
    admin tab exports it as a gold-set candidate (in-process app, fake assistant)."""
    from tests.webapp import ADMIN, serve

    with serve(tmp_path) as (base, deps):
        page = browser.new_page(viewport={"width": 1280, "height": 1000})  # type: ignore[attr-defined]
        open_app(page, base + "/")
        ask(page, "Bolehkah PNS memakai kaos partai?")
        answered(page, 1)
        box = page.locator("#nt-question textarea")
        box.fill("Kalau PPPK ikut deklarasi?")
        box.press("Enter")
        answered(page, 2)
        page.locator("#nt-comment textarea").fill("pasal sanksinya tidak disebut")
        # The buttons under the first answer (gradio puts each answer's buttons right after its message).
        first_answer = page.locator("#nt-chat .message-buttons-left").first
        first_answer.get_by_role("button", name="Dislike").click()
        page.get_by_text("Terima kasih, masukan Anda tersimpan.").wait_for(timeout=20_000)
        first_answer.get_by_role("button", name="Feedback").click()
        first_answer.get_by_role("button", name="Pasal keliru atau kurang").click()
        page.get_by_text("Penilaian Anda untuk jawaban ini diperbarui.").wait_for(timeout=20_000)
        rows = deps.feedback.rows()
        assert [(r.question, r.rating, r.comment, r.category) for r in rows] == \
            [("Bolehkah PNS memakai kaos partai?", -1, "pasal sanksinya tidak disebut", "Pasal keliru atau kurang")]
        assert rows[0].record is not None and rows[0].record["citations"]
        page.get_by_role("tab", name="Admin").click()
        page.get_by_label("Kata sandi admin").fill(ADMIN)
        page.get_by_role("button", name="Masuk").click()
        page.get_by_text("Masuk sebagai admin.").wait_for(timeout=20_000)
        page.get_by_role("button", name="Unduh kandidat gold (.jsonl)").click()
        page.get_by_text("1 kandidat gold siap diunduh").wait_for(timeout=20_000)
        link = page.locator("a[download$='.jsonl']").first
        with page.expect_download(timeout=30_000) as info:
            link.click()
        saved = tmp_path / "kandidat.jsonl"
        info.value.save_as(str(saved))
        import json

        items = [json.loads(line) for line in saved.read_text(encoding="utf-8").splitlines()]
        assert [i["user_input"] for i in items] == ["Bolehkah PNS memakai kaos partai?"]
        assert items[0]["verdict"] == "" and items[0]["feedback"]["comment"] == "pasal sanksinya tidak disebut"
        page.screenshot(path=str(shots_dir(tmp_path) / "masukan-admin.png"), full_page=True)
        page.close()


def test_situation_card_prints_alone(browser: object, tmp_path: Path) -> None:
    """A printed Cek situasi card is the card alone: the form, the tabs and the header are not printed (in-process
    app, fake assistant; Chromium's own PDF of the page read back)."""
    from pypdf import PdfReader

    from tests.webapp import serve

    with serve(tmp_path) as (base, _deps):
        page = browser.new_page(viewport={"width": 1280, "height": 1000})  # type: ignore[attr-defined]
        page.goto(base + "/?tab=cek&pelaku=PNS&pemilihan=semua&perbuatan=kampanye-atribut", wait_until="load")
        page.locator("#nt-kartu .nt-verdict").wait_for(timeout=30_000)
        page.emulate_media(media="print")
        page.wait_for_timeout(1000)  # gradio's buttons animate every change of style, visibility too
        visibility = page.evaluate("""() => ['#nt-kartu', '#nt-cek-periksa', '#nt-header', '#nt-cek-pelaku']
            .map((s) => getComputedStyle(document.querySelector(s)).visibility)""")
        assert visibility == ["visible", "hidden", "hidden", "hidden"]
        printed = tmp_path / "kartu.pdf"
        page.pdf(path=str(printed), format="A4")
        text = " ".join(" ".join(p.extract_text() for p in PdfReader(str(printed)).pages).split())
        assert "Memakai atribut kampanye" in text and "Pasal 5 huruf n PP 94/2021" in text
        assert "Periksa" not in text and "Asisten Netralitas ASN" not in text
        page.close()


def test_situation_link_opens_its_card_after_the_login(browser: object, tmp_path: Path) -> None:
    """With NETRAL_AUTH logins, a card's link first shows the login form and then, logged in, the same card."""
    from tests.webapp import serve

    with serve(tmp_path, auth="ana:sandi-Ana-Kq7#mZ2p") as (base, _deps):
        page = browser.new_page(viewport={"width": 1280, "height": 1000})  # type: ignore[attr-defined]
        link = base + "/?tab=cek&pelaku=PNS&pemilihan=semua&perbuatan=kampanye-atribut"
        page.goto(link, wait_until="load")
        page.locator("input[type=password]").first.wait_for(timeout=30_000)
        assert page.locator("#nt-kartu").count() == 0
        page.locator("input[type=text]").first.fill("ana")
        page.locator("input[type=password]").first.fill("sandi-Ana-Kq7#mZ2p")
        page.keyboard.press("Enter")
        page.locator("#nt-kartu .nt-verdict").wait_for(timeout=30_000)
        assert page.url == link
        assert "Memakai atribut kampanye" in page.locator("#nt-kartu").inner_text()
        page.close()
