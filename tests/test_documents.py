"""Which document a file is: registry by name, a regulation title on the first page, or training material."""

from __future__ import annotations

from pathlib import Path

from corpus.registry import Registry
from ingest.documents import detect_title, identify

FIRST_PAGE = """SALINAN
PERATURAN MENTERI PENDAYAGUNAAN APARATUR NEGARA
NOMOR 6 TAHUN 2O22
TENTANG
PENGELOLAAN KINERJA PEGAWAI APARATUR SIPIL NEGARA
DENGAN RAHMAT TUHAN YANG MAHA ESA"""


def test_registered_file_uses_registry(registry: Registry) -> None:
    info = identify(Path("x/pp-94-2021-disiplin-pns.md"), "", registry)
    assert info.id == "pp-94-2021" and info.status == "berlaku"


def test_unknown_pdf_title_from_first_page(registry: Registry) -> None:
    assert detect_title(FIRST_PAGE) == ("PERMEN", "6", 2022, "Pengelolaan Kinerja Pegawai Aparatur Sipil Negara")
    info = identify(Path("corpus/pdf/permen-kinerja.pdf"), FIRST_PAGE, registry)
    assert info.id == "permen-6-2022" and info.status == "tidak diketahui"


def test_known_regulation_under_another_name(registry: Registry) -> None:
    page = "UNDANG-UNDANG REPUBLIK INDONESIA\nNOMOR 20 TAHUN 2023\nTENTANG\nAPARATUR SIPIL NEGARA\n"
    assert identify(Path("unduhan/uu20.pdf"), page, registry).id == "uu-20-2023"


def test_materials_folder_and_plain_text(registry: Registry) -> None:
    info = identify(Path("corpus/materi/catatan-rapat.txt"), "Catatan sosialisasi netralitas ASN 2024\n...", registry)
    assert info.id == "materi/catatan-rapat" and info.status == "materi"
    assert info.tentang.startswith("Catatan sosialisasi")
