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


SKB_PAGE = """KEPUTUSAN BERSAMA
MENTERI PENDAYAGUNAAN APARATUR NEGARA DAN REFORMASI BIROKRASI REPUBLIK INDONESIA,
MENTERI DALAM NEGERI REPUBLIK INDONESIA, KEPALA BADAN KEPEGAWAIAN NEGARA,

KETUA KOMISI APARATUR SIPIL NEGARA, DAN KETUA BADAN PENGAWAS PEMILIHAN UMUM REPUBLIK INDONESIA
NOMOR 2 TAHUN 2022
NOMOR 800-5474 TAHUN 2022
NOMOR 246 TAHUN 2022
NOMOR 30 TAHUN 2022
NOMOR 1447.1/PM.01/K.1/09/2022
TENTANG
PEDOMAN PEMBINAAN DAN PENGAWASAN NETRALITAS PEGAWAI APARATUR SIPIL NEGARA
"""

SE_PAGE = """SURAT EDARAN
MENTERI PENDAYAGUNAAN APARATUR NEGARA DAN REFORMASI BIROKRASI
REPUBLIK INDONESIA
NOMOR 18 TAHUN 2023
TENTANG
NETRALITAS BAGI PEGAWAI APARATUR SIPIL NEGARA YANG MEMILIKI PASANGAN
"""


def test_official_skb_recognised_from_its_first_page_under_any_name(registry: Registry) -> None:
    info = identify(Path("unduhan/SKB-netralitas-scan.pdf"), SKB_PAGE, registry)
    assert info.id == "skb-2-2022" and info.status == "berlaku"


def test_official_se_recognised_from_its_first_page_under_any_name(registry: Registry) -> None:
    info = identify(Path("unduhan/SE 18 2023.pdf"), SE_PAGE, registry)
    assert info.id == "se-menpanrb-18-2023" and info.status == "berlaku"


def test_another_issuers_circular_with_the_same_number_is_not_taken_for_it(registry: Registry) -> None:
    other = SE_PAGE.replace("PENDAYAGUNAAN APARATUR NEGARA DAN REFORMASI BIROKRASI", "DALAM NEGERI")
    info = identify(Path("unduhan/se-mendagri.pdf"), other, registry)
    assert info.id == "se-18-2023" and info.status == "tidak diketahui"


def test_a_joint_decree_mentioned_in_passing_is_not_a_title(registry: Registry) -> None:
    page = "Catatan rapat\nKeputusan bersama nanti dibahas.\nKEPUTUSAN BERSAMA lima lembaga NOMOR 2 TAHUN 2022\n"
    assert detect_title(page) is None
