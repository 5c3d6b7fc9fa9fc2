"""Bad input files are reported by name with a reason in Indonesian; nothing else is affected."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfWriter

from ingest.loaders import LoadError, discover, load


def _blank_pdf(path: Path, password: str | None = None) -> Path:
    w = PdfWriter()
    w.add_blank_page(width=200, height=200)
    if password:
        w.encrypt(password)
    with path.open("wb") as fh:
        w.write(fh)
    return path


@pytest.mark.parametrize(
    "name,content,reason",
    [
        ("kosong.md", b"", "kosong"),
        ("latin1.txt", "Pegawai ASN dilarang \xe9\xe8".encode("latin-1"), "UTF-8"),
        ("rusak.pdf", b"%PDF-1.4\n1 0 obj <<", "PDF rusak"),
        ("salah.md", b"%PDF-1.4 binary", "ekstensi"),
        ("biner.txt", b"\x00\x01\x02abc", "bukan teks"),
    ],
)
def test_bad_files(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    p = tmp_path / name
    p.write_bytes(content)
    with pytest.raises(LoadError) as exc:
        load(p)
    assert reason in exc.value.reason


def test_image_only_pdf(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="lapisan teks"):
        load(_blank_pdf(tmp_path / "scan.pdf"))


def test_encrypted_pdf(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="terenkripsi"):
        load(_blank_pdf(tmp_path / "rahasia.pdf", password="rahasia"))


def test_discover_skips_unknown_extensions_and_manifest(tmp_path: Path) -> None:
    (tmp_path / "MANIFEST.md").write_text("catatan")
    (tmp_path / "a.md").write_text("Pasal 1")
    (tmp_path / "b.xlsx").write_bytes(b"PK")
    files, skipped = discover(tmp_path)
    assert [f.name for f in files] == ["a.md"]
    assert skipped[0][0].name == "b.xlsx" and "tidak didukung" in skipped[0][1]


def test_real_pdf_has_pages(corpus_dir: Path) -> None:
    src = load(corpus_dir / "pdf" / "perppu-1-2022-perubahan-uu-7-2017-pemilu.pdf")
    assert src.kind == "pdf" and src.text.count("\f") == 34  # 35 pages
