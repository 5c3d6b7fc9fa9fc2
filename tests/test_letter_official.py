"""Reply letters in official form: full titles of regulations at first mention, amendments named, A4 pages with
the configured margins, a letterhead uploaded by the admin, and the PDF export."""

from __future__ import annotations

import re
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import docx
from pypdf import PdfReader

from assistant.letter import LetterDetails, draft_letter
from assistant.titles import official_names
from corpus.registry import Registry
from netral.config import Settings
from netral.records import Answer, Citation, IngestReport
from ui.admin import Admin
from ui.app import Handlers, WebDeps

REGISTRY = Registry.load()
PP94_FULL = "Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil"
UU20_FULL = "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara"
UU7_FULL = "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum"
PERPPU_FULL = ("Peraturan Pemerintah Pengganti Undang-Undang Nomor 1 Tahun 2022 tentang Perubahan atas Undang-Undang "
               "Nomor 7 Tahun 2017 tentang Pemilihan Umum")
QUOTE_5N = "memberikan dukungan kepada calon Presiden/Wakil Presiden"
QUOTE_7 = "PNS yang tidak menaati ketentuan sebagaimana dimaksud dalam Pasal 3 sampai dengan Pasal 5 dijatuhi Hukuman"
QUOTE_24 = "Pegawai ASN wajib: … d. menjaga netralitas; dan"
QUOTE_280 = "Pelaksana dan/atau tim Kampanye dalam kegiatan Kampanye Pemilu dilarang mengikutsertakan: … f. aparatur"

CITATIONS = [
    Citation("pp-94-2021/pasal-5/huruf-n", "pp-94-2021", "Pasal 5 huruf n PP 94/2021", "berlaku", QUOTE_5N, 1,
             "pp-94-2021/pasal-5"),
    Citation("uu-20-2023/pasal-24/ayat-1/huruf-d", "uu-20-2023", "Pasal 24 ayat (1) huruf d UU 20/2023", "berlaku",
             QUOTE_24, 2, "uu-20-2023/pasal-24"),
    Citation("pp-94-2021/pasal-7", "pp-94-2021", "Pasal 7 PP 94/2021", "berlaku", QUOTE_7, 3, "pp-94-2021/pasal-7"),
    Citation("uu-7-2017/pasal-280/ayat-2/huruf-f", "uu-7-2017", "Pasal 280 ayat (2) huruf f UU 7/2017", "diubah",
             QUOTE_280, 4, "uu-7-2017/pasal-280"),
]


def _answer() -> Answer:
    body = ("Tidak boleh. PP 94/2021 melarang PNS memberikan dukungan kepada calon [1]; setiap Pegawai ASN wajib "
            "menjaga netralitas menurut UU 20/2023 [2].\n"
            "- Pasal 5 huruf n PP 94/2021: \u201cn. " + QUOTE_5N + " (bukan UU 20/2023 yang dikutip)\u201d [1]\n"
            "- Sanksi — Pasal 7 PP 94/2021 [3]\n"
            "- Pelaksana kampanye dilarang mengikutsertakan ASN (UU 7/2017) [4]")
    return Answer(question="Apakah PNS boleh mendukung calon? (PP 94/2021)", answer=body, verdict="tidak_boleh",
                  citations=list(CITATIONS), notes=["UU 7/2017 Pasal 280 melarang pelaksana kampanye."])


def _letter() -> str:
    return draft_letter(_answer(), LetterDetails(day=date(2026, 11, 24), sender_unit="BKD Kota Contoh"), REGISTRY)


def _section(letter: str, start: str, end: str) -> str:
    return letter.split(start, 1)[1].split(end, 1)[0]


def test_full_titles_at_first_mention_and_short_forms_after() -> None:
    letter = _letter()
    body = _section(letter, "Dengan hormat,", "Dasar hukum:")
    listed = _section(letter, "Dasar hukum:", "Demikian")
    # The asker's words are quoted as typed.
    assert "\u201cApakah PNS boleh mendukung calon? (PP 94/2021)\u201d" in letter
    _question, rest = body.split("\n1. ", 1)
    # Body: the first mention of each act is its full title, every later one the short form.
    assert rest.index(PP94_FULL) < rest.index("PP 94/2021") and rest.count(PP94_FULL) == 1
    assert "Pasal 5 huruf n PP 94/2021:" in rest and "Pasal 7 PP 94/2021" in rest
    assert rest.count(UU20_FULL) == 1 and rest.index(UU20_FULL) < rest.index("UU 20/2023")
    # A quote is corpus text: left exactly as it is.
    assert "(bukan UU 20/2023 yang dikutip)\u201d" in rest
    # The list of cited articles is read on its own: each act in full at its first item, short after.
    items = listed.strip().splitlines()
    assert items[0] == f"1. Pasal 5 huruf n {PP94_FULL} (berlaku)"  # quoted in the body already: not twice
    assert items[1] == f"2. Pasal 24 ayat (1) huruf d {UU20_FULL} (berlaku): \u201c{QUOTE_24}\u201d"
    assert items[2] == f"3. Pasal 7 PP 94/2021 (berlaku): \u201c{QUOTE_7}\u201d"


def test_an_amended_act_is_named_with_its_amendment_at_first_mention() -> None:
    letter = _letter()
    body = _section(letter, "Dengan hormat,", "Dasar hukum:")
    listed = _section(letter, "Dasar hukum:", "Demikian")
    clause = f"{UU7_FULL} sebagaimana telah diubah dengan {PERPPU_FULL}"
    assert body.count(clause) == 1 and "(" + clause + ")" in body
    assert "UU 7/2017 Pasal 280" in body  # the note after it: short
    assert (f"4. Pasal 280 ayat (2) huruf f {clause} (berlaku (telah diubah)): \u201c{QUOTE_280}\u201d"
            in listed)


def test_amendments_come_from_the_registry_in_either_direction() -> None:
    # UU 1/2015 lists its amendments; UU 8/1974 is amended by an act that says so only in its own entry.
    several = official_names("Pasal 7 UU 1/2015 dan UU 1/2015", REGISTRY)
    assert "sebagaimana telah beberapa kali diubah terakhir dengan Undang-Undang Nomor 10 Tahun 2016 tentang " \
           "Perubahan Kedua atas" in several and several.endswith(" dan UU 1/2015")
    once = official_names("UU 8/1974", REGISTRY)
    assert once.startswith("Undang-Undang Nomor 8 Tahun 1974 tentang Pokok-Pokok Kepegawaian sebagaimana telah "
                           "diubah dengan Undang-Undang Nomor 43 Tahun 1999 tentang Perubahan atas")
    # An amended article's label says which act amended it: that act is named, not the whole list.
    label = official_names("Pasal 7 UU 1/2015 sebagaimana diubah dengan UU 10/2016; Pasal 8 UU 10/2016", REGISTRY)
    assert re.fullmatch(r"Pasal 7 Undang-Undang Nomor 1 Tahun 2015 tentang [^;]+ sebagaimana telah diubah dengan "
                        r"Undang-Undang Nomor 10 Tahun 2016 tentang [^;]+; Pasal 8 UU 10/2016", label), label
    # A regulation the registry does not know keeps its form; a subject already given is not given twice.
    assert official_names("Perda 3/2031 dan PP 94/2021 tentang disiplin", REGISTRY) == \
        "Perda 3/2031 dan Peraturan Pemerintah Nomor 94 Tahun 2021 tentang disiplin"


# --- the page: A4, margins, letterhead, PDF ------------------------------------------------------------------


def _normal(text: str) -> str:
    """Text as extracted from a PDF, with its line breaks and justified spacing folded into single spaces."""
    return re.sub(r"-\s+", "-", re.sub(r"\s+", " ", text))


def _letterhead(path: Path) -> Path:
    """A letterhead template as agencies make them: the kop in the page header, an address line in the body."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "PEMERINTAH KOTA CONTOH"
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "BADAN KEPEGAWAIAN DAERAH"
    table.cell(0, 1).text = "Jalan Pahlawan Nomor 1, Kota Contoh"
    document.save(str(path))
    return path


def _handlers(tmp_path: Path, **settings: Any) -> Handlers:
    s = Settings(data_dir=tmp_path / "data", admin_password="sandi-admin-Kq7#mZ2p").with_(**settings)
    admin = Admin(s, lambda: {"documents": [], "missing": []}, lambda _hook: IngestReport())
    return Handlers(WebDeps(assistant=None, feedback=None, settings=s, admin=admin,  # type: ignore[arg-type]
                            files_dir=tmp_path / "files"))


def test_docx_is_a4_with_the_configured_margins_under_a_plain_header(tmp_path: Path) -> None:
    h = _handlers(tmp_path, letter_margin_left_mm=35.0)
    details = LetterDetails(sender_unit="BKD Kota Contoh")
    path, msg = h.export_letter(_letter(), "docx", _answer(), details)
    assert path is not None and path.endswith(".docx") and "siap diunduh" in msg
    document = docx.Document(path)
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    settings = h.d.settings
    assert [round(m.mm, 1) for m in (section.top_margin, section.right_margin, section.bottom_margin,
                                     section.left_margin)] == [
        settings.letter_margin_top_mm, settings.letter_margin_right_mm, settings.letter_margin_bottom_mm, 35.0]
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "BKD KOTA CONTOH" and document.paragraphs[0].runs[0].bold
    assert texts[2].startswith("Nomor") and PP94_FULL in "\n".join(texts)


def test_letter_on_an_uploaded_letterhead_keeps_its_text(tmp_path: Path) -> None:
    h = _handlers(tmp_path)
    template = _letterhead(tmp_path / "kop.docx")
    assert "Kop surat disimpan" in h.upload_letterhead(True, str(template))
    assert h.d.settings.letterhead_path.is_file() and "terpasang" in h.letterhead_status(True)
    path, _ = h.export_letter(_letter(), "docx", _answer(), LetterDetails(sender_unit="BKD Kota Contoh"))
    assert path is not None
    document = docx.Document(path)
    section = document.sections[0]
    assert section.header.paragraphs[0].text == "PEMERINTAH KOTA CONTOH"
    assert document.tables[0].cell(0, 0).text == "BADAN KEPEGAWAIAN DAERAH"
    texts = [p.text for p in document.paragraphs]
    assert "BKD KOTA CONTOH" not in texts  # the letterhead stands instead of the plain header
    assert texts[-1] == "(nama pejabat)" and any(t.startswith("Nomor") for t in texts)
    assert (round(section.page_width.mm), round(section.left_margin.mm)) == (210, 30)
    pdf_path, _ = h.export_letter(_letter(), "pdf", _answer(), None)
    assert pdf_path is not None
    text = _normal("\n".join(page.extract_text() for page in PdfReader(pdf_path).pages))
    assert text.startswith("PEMERINTAH KOTA CONTOH BADAN KEPEGAWAIAN DAERAH Jalan Pahlawan Nomor 1")
    assert "Kop surat dihapus" in h.remove_letterhead(True) and not h.d.settings.letterhead_path.exists()
    assert "Belum ada kop surat" in h.remove_letterhead(True)


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def test_a_bad_letterhead_is_refused_in_indonesian_and_the_stored_one_kept(tmp_path: Path) -> None:
    h = _handlers(tmp_path, max_letterhead_mb=1)
    assert "Kop surat disimpan" in h.upload_letterhead(True, str(_letterhead(tmp_path / "kop.docx")))
    before = h.d.settings.letterhead_path.read_bytes()
    pdf = tmp_path / "kop.pdf"
    pdf.write_bytes(b"%PDF-1.4 kop")
    fake = tmp_path / "palsu.docx"
    fake.write_bytes(b"bukan dokumen Word")
    no_word = _zip(tmp_path / "arsip.docx", {"isi.txt": b"teks"})
    macro = tmp_path / "makro.docx"  # a macro-enabled document renamed .docx
    with zipfile.ZipFile(_letterhead(tmp_path / "asal.docx")) as src, zipfile.ZipFile(macro, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"document.macroEnabled.main+xml")
            dst.writestr(item, data)
    big = tmp_path / "besar.docx"
    big.write_bytes(b"PK" + b"0" * (1024 * 1024 + 10))
    cases = {pdf: "harus berupa dokumen Word (.docx)", fake: "bukan arsip ZIP yang sah",
             no_word: "word/document.xml tidak ada", macro: "tidak dapat dibuka sebagai dokumen Word",
             big: "lebih besar dari 1 MB"}
    for path, reason in cases.items():
        msg = h.upload_letterhead(True, str(path))
        assert msg.startswith("Kop surat ditolak:") and reason in msg, (path.name, msg)
    assert h.d.settings.letterhead_path.read_bytes() == before
    assert h.upload_letterhead(False, str(fake)) == "Masuk sebagai admin terlebih dahulu."


def test_pdf_is_a4_and_reads_back_with_the_full_title_and_every_cited_article(tmp_path: Path) -> None:
    h = _handlers(tmp_path)
    letter = _letter()
    path, msg = h.export_letter(letter, "pdf", _answer(), LetterDetails(sender_unit="BKD Kota Contoh"))
    assert path is not None and path.endswith(".pdf") and "siap diunduh" in msg
    assert Path(path).read_bytes().startswith(b"%PDF-")
    reader = PdfReader(path)
    page = reader.pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)  # A4 in points
    text = _normal("\n".join(p.extract_text() for p in reader.pages))
    assert text.startswith("BKD KOTA CONTOH Nomor : (nomor surat)")
    assert PP94_FULL in text and f"{UU7_FULL} sebagaimana telah diubah dengan {PERPPU_FULL}" in text
    listed = _section(letter, "Dasar hukum:\n", "\n\nDemikian").splitlines()
    assert len(listed) == len(CITATIONS)
    for item in listed:  # every cited article, as the list names it
        assert _normal(item) in text, item
    assert "(nama pejabat)" in text
    # The text left of the margins: nothing is drawn in the left 30 mm (85 pt) but the page's own edge.
    xs: list[float] = []
    page.extract_text(visitor_text=lambda t, _cm, tm, _f, _s: xs.append(tm[4]) if t.strip() else None)
    assert min(xs) >= 30 / 25.4 * 72 - 1
