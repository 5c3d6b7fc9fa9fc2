"""Fuzzing the loaders: damaged PDFs and text in odd encodings either load or give a LoadError with a reason,
never another exception (which would have stopped an ingest before files were isolated) and never a hang."""

from __future__ import annotations

import codecs
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus.registry import Registry
from ingest.isolation import Budget, read_isolated
from ingest.loaders import LoadError, load
from tests.hostile import REGULATION_LINES, text_pdf

FUZZ = settings(max_examples=60, deadline=5000, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def _seed_pdf() -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        return text_pdf(Path(tmp) / "seed.pdf", [REGULATION_LINES, ["Pasal 3", "Cukup jelas."]]).read_bytes()


SEED = _seed_pdf()


@st.composite
def damaged_pdfs(draw: st.DrawFn) -> bytes:
    """The seed PDF cut short, with bytes overwritten, or with bytes inserted, at places hypothesis chooses."""
    data = bytearray(SEED)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["cut", "flip", "insert", "zero"]))
        at = draw(st.integers(0, len(data) - 1))
        if kind == "cut":
            del data[at:]
        elif kind == "flip":
            data[at:at + 8] = draw(st.binary(min_size=1, max_size=8))
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        else:
            data[at:at + 64] = bytes(min(64, len(data) - at))
        if not data:
            break
    return bytes(data)


def _load_or_reason(path: Path) -> str:
    try:
        src = load(path)
    except LoadError as exc:
        assert exc.reason and isinstance(exc.reason, str)
        return exc.reason
    assert isinstance(src.text, str) and src.content_hash
    return ""


@FUZZ
@given(data=damaged_pdfs())
def test_damaged_pdfs_load_or_give_a_reason(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "rusak.pdf"
    path.write_bytes(data)
    _load_or_reason(path)


def test_the_seed_pdf_loads_intact(tmp_path: Path) -> None:
    path = tmp_path / "utuh.pdf"
    path.write_bytes(SEED)
    assert "Pegawai ASN dilarang menjadi anggota partai politik" in load(path).text


ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "latin-1", "cp1252", "shift_jis",
             "koi8-r"]


@FUZZ
@given(text=st.text(min_size=0, max_size=400), encoding=st.sampled_from(ENCODINGS),
       suffix=st.sampled_from([".md", ".txt"]))
def test_text_in_any_encoding_loads_or_gives_a_reason(tmp_path: Path, text: str, encoding: str, suffix: str) -> None:
    path = tmp_path / f"teks{suffix}"
    path.write_bytes(text.encode(encoding, errors="replace"))
    reason = _load_or_reason(path)
    if not reason and encoding in ("utf-8", "utf-8-sig", "utf-16") and not text.startswith("\ufeff"):
        assert load(path).text == text


@FUZZ
@given(data=st.binary(min_size=0, max_size=2000), suffix=st.sampled_from([".md", ".txt", ".pdf"]))
def test_random_bytes_load_or_give_a_reason(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"acak{suffix}"
    path.write_bytes(data)
    _load_or_reason(path)


@pytest.mark.parametrize("seed", range(4))
def test_damaged_pdfs_through_the_isolated_reader(tmp_path: Path, seed: int) -> None:
    """The same damage, read the way the ingest reads: in the child process, whose answer is a parsed document or
    a LoadError; here every one of them is a LoadError, since cutting the seed removes its text."""
    cut = SEED[: len(SEED) * (seed + 1) // 6]
    path = tmp_path / f"rusak{seed}.pdf"
    path.write_bytes(cut)
    with pytest.raises(LoadError) as exc:
        read_isolated(path, Registry.load(), Budget(seconds=30))
    assert exc.value.reason


@pytest.mark.parametrize("encoding,bom", [("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
                                          ("utf-16-be", codecs.BOM_UTF16_BE)])
def test_text_with_a_byte_order_mark_is_read(tmp_path: Path, encoding: str, bom: bytes) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(bom + "Pasal 1\nPNS dilarang menjadi anggota partai politik.".encode(encoding))
    assert load(path).text == "Pasal 1\nPNS dilarang menjadi anggota partai politik."


def test_utf16_without_a_byte_order_mark_is_refused_with_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes("Pasal 1 PNS dilarang".encode("utf-16-le"))
    with pytest.raises(LoadError, match="bukan teks"):
        load(path)
