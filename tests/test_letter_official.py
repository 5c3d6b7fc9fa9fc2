"""Reply letters in official form: full titles of regulations at first mention, amendments named, A4 pages with
the configured margins, a letterhead uploaded by the admin, and the PDF export."""

from __future__ import annotations

import re
from datetime import date

from assistant.letter import LetterDetails, draft_letter
from assistant.titles import official_names
from corpus.registry import Registry
from netral.records import Answer, Citation

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
