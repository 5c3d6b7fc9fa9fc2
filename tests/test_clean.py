"""OCR cleaning on hand-written snippets shaped like the corpus damage (see the corpus MANIFEST)."""

import json
from pathlib import Path

from ingest.clean import clean, collapse_catchwords, fix_numbers

# Hand-written snippets shaped like the damage in the official salinan texts.
SNIPPETS = json.loads((Path(__file__).parent / "fixtures" / "ocr_snippets.json").read_text(encoding="utf-8"))


def test_page_block_with_catchword_is_removed() -> None:
    out = clean(SNIPPETS["page_block"])
    assert "SK No" not in out and "PRESIDEN" not in out and "-7" not in out
    assert out.count("Pasal 6") == 1


def test_garbled_sk_marker_is_removed_but_punctuation_kept() -> None:
    out = clean("d. tanpa izin Kepegawaian; : il( i\\lo l(X.:\n5.i A e. bekerja pada perusahaan asing;")
    assert "Kepegawaian; e. bekerja" in out.replace("\n", " ")


def test_preamble_president_line_is_content() -> None:
    assert SNIPPETS["preamble"].split("\n")[1] in clean(SNIPPETS["preamble"])


def test_broken_numbers() -> None:
    assert fix_numbers("(21 Pegawai ASN") == "(2) Pegawai ASN"
    assert fix_numbers("Tahun 2Ol4 dan Tahun L945") == "Tahun 2014 dan Tahun 1945"
    assert fix_numbers("Pasal 2l Undang-Undang") == "Pasal 21 Undang-Undang"
    # ordinary words that only look like numbers stay
    assert fix_numbers("LOOL lo") == "LOOL lo"


def test_hyphenation_joined_but_reduplication_kept() -> None:
    out = clean("pelak-\nsanaan peraturan perundang-\nundangan secara sewenang- wenang")
    assert "pelaksanaan" in out
    assert "perundang-undangan" in out
    assert "sewenang-wenang" in out


def test_catchwords_collapse() -> None:
    assert collapse_catchwords("e. akuntabel… e. akuntabel dalam") == "e. akuntabel dalam"
    assert collapse_catchwords("Agar. . . Agar setiap orang") == "Agar setiap orang"
    assert collapse_catchwords("2. Pejabat 2. Pejabat Pembina") == "2. Pejabat Pembina"
    assert collapse_catchwords("tugas dan tugas") == "tugas dan tugas"


def test_caret_removed() -> None:
    assert clean("Cukup ^jelas.") == "Cukup jelas."
