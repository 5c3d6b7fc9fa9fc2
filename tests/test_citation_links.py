"""Citations you can follow: `[n]` in an answer links to that answer's card n, the cards of earlier answers stay
in the panel behind the latest, and the whole-Pasal view marks the quoted part and shows that part's Penjelasan."""

from __future__ import annotations

import re

from assistant.explanations import explanation_of
from netral.records import Answer, ArticleView, Citation
from ui import render

PENJELASAN = ("Huruf a Cukup jelas. Huruf m Cukup jelas. Huruf n Angka 1 Yang dimaksud dengan \"ikut kampanye\" "
              "adalah hadir sebagai peserta. Angka 2 Cukup jelas. Huruf o Cukup jelas.")
TEXT = ("PNS dilarang:\na. menyalahgunakan wewenang;\nn. memberikan dukungan kepada calon dengan cara:\n"
        "1. ikut kampanye;\n2. menjadi peserta kampanye dengan menggunakan atribut partai;\no. lain-lain.")


def cite(n: int, provision: str = "huruf-n") -> Citation:
    return Citation(f"pp-94-2021/pasal-5/{provision}", "pp-94-2021", f"Pasal 5 {provision} PP 94/2021", "berlaku",
                    "kutipan", n, "pp-94-2021/pasal-5")


def test_markers_and_listed_provisions_link_to_their_own_answers_cards() -> None:
    ans = Answer(question="q", answer="Tidak boleh [1]. Sanksinya [2]; lihat juga [7].", verdict="tidak_boleh",
                 citations=[cite(1), cite(2, "huruf-m")])
    text = render.answer_message(ans, 3)
    assert "[\\[1\\]](#sitasi-3-1)" in text and "[\\[2\\]](#sitasi-3-2)" in text
    assert "\\[7\\]" in text and "#sitasi-3-7" not in text  # no card 7: no link
    assert "1. [Pasal 5 huruf-n PP 94/2021](#sitasi-3-1)" in text
    assert "](#" not in render.answer_message(ans)  # the letter desk's panel has one answer: plain text


def test_panel_keeps_earlier_answers_cards_hidden_behind_the_latest() -> None:
    answers = [Answer(question=f"pertanyaan {k}", answer="x [1]", verdict="boleh", citations=[cite(1)])
               for k in range(3)]
    panel = render.conversation_panel(answers)
    sections = re.findall(r'<section class="nt-turn" data-turn="(\d)"( hidden)?>', panel)
    assert sections == [("2", ""), ("1", " hidden"), ("0", " hidden")]
    assert {f'id="sitasi-{k}-1"' for k in range(3)} <= set(re.findall(r'id="sitasi-\d-1"', panel))
    assert "Jawaban atas: pertanyaan 0" in panel
    many = render.conversation_panel(answers * 4)
    assert many.count("<section") == render.MAX_PANEL_TURNS
    assert render.conversation_panel([]) == render.EMPTY_PANEL


def test_whole_pasal_marks_the_quoted_part_and_shows_its_penjelasan() -> None:
    part = "n. memberikan dukungan kepada calon dengan cara:\n1. ikut kampanye;\n2. menjadi peserta kampanye " \
           "dengan menggunakan atribut partai;"
    view = ArticleView("pp-94-2021/pasal-5", "Pasal 5 PP 94/2021", "Peraturan Pemerintah Nomor 94 Tahun 2021",
                       "berlaku", TEXT, PENJELASAN, part="huruf n", part_text=part,
                       part_penjelasan=explanation_of(PENJELASAN, "huruf-n"), page=4,
                       published=("Database Peraturan BPK, https://peraturan.bpk.go.id (cari: PP 94/2021)",))
    card = render.citation_card(cite(1), lambda _id: view, 0)
    marked = re.findall(r'<mark class="nt-quoted">(.*?)</mark>', card)
    assert marked == ["n. memberikan dukungan kepada calon dengan cara:", "1. ikut kampanye;",
                      "2. menjadi peserta kampanye dengan menggunakan atribut partai;"]
    assert "<p>a. menyalahgunakan wewenang;</p>" in card and "<p>o. lain-lain.</p>" in card
    assert "Penjelasan huruf n" in card and "adalah hadir sebagai peserta" in card
    assert ('Sumber: Peraturan Pemerintah Nomor 94 Tahun 2021, halaman 4. Naskah resmi: <a href="https://peraturan'
            '.bpk.go.id" target="_blank" rel="noopener noreferrer">Database Peraturan BPK</a> (cari: PP 94/2021)') \
        in card


def test_penjelasan_of_a_part_follows_the_headings_down_its_path() -> None:
    assert explanation_of(PENJELASAN, "huruf-n/angka-1") == "Yang dimaksud dengan \"ikut kampanye\" adalah hadir " \
                                                             "sebagai peserta."
    assert explanation_of(PENJELASAN, "huruf-n/angka-2") == "Cukup jelas."
    assert explanation_of(PENJELASAN, "huruf-m") == "Cukup jelas."
    assert explanation_of(PENJELASAN, "huruf-z") == ""
    assert explanation_of("Cukup jelas.", "huruf-n") == ""
    assert explanation_of("Ayat (1) Huruf a Jelas satu. Huruf b Dua. Ayat (2) Cukup jelas.", "ayat-1/huruf-b") == \
        "Dua."
