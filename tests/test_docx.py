"""Word (.docx) sources: read in order with table cells, parsed like any text, and refused clearly when broken."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

from corpus.registry import Registry
from ingest.isolation import read_document
from ingest.loaders import LoadError, discover, load

SYNTHETIC = Path(__file__).parent / "fixtures" / "structure" / "perda-contoh-1-2020.md"


def _word_file(path: Path, lines: list[str], table: list[list[str]] | None = None) -> Path:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    if table:
        t = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
    document.save(str(path))
    return path


def _regulation_lines() -> list[str]:
    """The synthetic regulation of the parser tests, titled as a (fictional) Peraturan Pemerintah."""
    text = SYNTHETIC.read_text(encoding="utf-8").split("-->", 1)[1]
    lines = [line for line in text.splitlines() if line.strip()]
    return ["PERATURAN PEMERINTAH REPUBLIK INDONESIA", "NOMOR 99 TAHUN 2031", *lines[2:]]


def test_paragraphs_and_table_cells_are_read_in_order(tmp_path: Path) -> None:
    path = _word_file(tmp_path / "se.docx", ["SURAT EDARAN", "Pertama"],
                      table=[["1.", "ASN wajib menjaga netralitas."], ["2.", "ASN dilarang berkampanye."]])
    src = load(path)
    assert src.kind == "docx"
    assert src.text.splitlines() == ["SURAT EDARAN", "Pertama", "1.", "ASN wajib menjaga netralitas.", "2.",
                                     "ASN dilarang berkampanye."]


def test_a_regulation_in_word_is_parsed_into_its_articles(tmp_path: Path) -> None:
    path = _word_file(tmp_path / "pp-contoh.docx", _regulation_lines())
    assert path in discover(tmp_path)[0]
    parsed = read_document(path, Registry.load(), max_pages=2000)
    assert parsed.info.id == "pp-99-2031"
    numbers = [a.number for a in parsed.articles if a.kind == "pasal"]
    assert numbers[:3] == ["1", "2", "3"]
    pasal_1 = next(a for a in parsed.articles if a.kind == "pasal" and a.number == "1")
    assert "Netralitas adalah sikap tidak berpihak" in pasal_1.text


@pytest.mark.parametrize(("content", "reason"), [
    (b"PK\x03\x04 not really a zip", "rusak"),
    (b"just text with a docx name", "rusak"),
])
def test_broken_word_files_are_refused_with_a_reason(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "rusak.docx"
    path.write_bytes(content)
    with pytest.raises(LoadError, match=reason):
        load(path)


def test_a_zip_that_is_not_a_word_document(tmp_path: Path) -> None:
    path = tmp_path / "arsip.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("isi.txt", "bukan dokumen Word")
    with pytest.raises(LoadError, match="word/document.xml"):
        load(path)


def test_a_word_file_that_would_unpack_too_large_is_not_opened(tmp_path: Path) -> None:
    path = tmp_path / "bom.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", "")
        zf.writestr("word/big.bin", b"\0" * (210 * 1024 * 1024))  # compresses to a few hundred kilobytes
    assert path.stat().st_size < 2 * 1024 * 1024
    with pytest.raises(LoadError, match="terlalu besar"):
        load(path)


def test_a_word_file_with_only_images_says_so(tmp_path: Path) -> None:
    path = _word_file(tmp_path / "pindaian.docx", [])
    with pytest.raises(LoadError, match="tidak berisi teks"):
        load(path)
