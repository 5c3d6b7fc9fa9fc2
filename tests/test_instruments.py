"""Circulars and joint decrees (binding texts without Pasal) cut into citable units. The texts here are fictional
snippets in the shape of the official ones, written for the tests."""

from __future__ import annotations

from ingest.clean import clean
from ingest.kinds import article_label, instrument, kind_of
from netral.records import DocumentInfo

SKB = DocumentInfo(id="skb-9-2030", jenis="SKB", nomor="9", tahun=2030, tentang="Uji", status="berlaku")
SE = DocumentInfo(id="se-7-2030", jenis="SE", nomor="7", tahun=2030, tentang="Uji", status="berlaku")

SKB_TEXT = """KEPUTUSAN BERSAMA
MENTERI CONTOH DAN KEPALA BADAN CONTOH
NOMOR 9 TAHUN 2030
NOMOR 12 TAHUN 2030
TENTANG
PEDOMAN UJI NETRALITAS (FIKTIF)

MEMUTUSKAN:
KESATU : Menetapkan pedoman uji sebagaimana tercantum dalam Lampiran.
KEDUA : Pedoman sebagaimana dimaksud dalam Diktum KESATU menjadi acuan bagi:
a. instansi pusat; dan
b. instansi daerah.
KETIGA : Keputusan Bersama ini mulai berlaku pada tanggal ditetapkan.

LAMPIRAN
BAB I PENDAHULUAN

Pedoman fiktif ini menjelaskan bentuk pelanggaran dalam uji.

BAB II BENTUK PELANGGARAN

Memasang spanduk calon di kantor adalah pelanggaran dalam uji ini.
"""


def test_joint_decree_is_cut_into_diktum_and_lampiran_sections() -> None:
    assert kind_of(SKB) is instrument.KIND and SKB.is_regulation
    units = instrument.parse(clean(SKB_TEXT), SKB).articles
    ids = [a.id for a in units]
    assert ids[:3] == ["skb-9-2030/diktum-kesatu", "skb-9-2030/diktum-kedua", "skb-9-2030/diktum-ketiga"]
    assert all(i.startswith("skb-9-2030/lampiran-") for i in ids[3:]) and len(ids) > 3
    kedua = units[1]
    assert [p.label for p in kedua.all_provisions()] == ["huruf a", "huruf b"]
    assert article_label(kedua, SKB, "huruf-b") == "Diktum KEDUA huruf b SKB 9/2030"
    assert any("spanduk calon" in a.text for a in units[3:])


def test_circular_without_numbered_points_is_still_indexed_in_sections() -> None:
    text = "SURAT EDARAN\nNOMOR 7 TAHUN 2030\nTENTANG\nUJI\n\nPegawai diminta menjaga netralitas dalam uji.\n"
    units = instrument.parse(clean(text), SE).articles
    assert units and all(a.id.startswith("se-7-2030/bagian-") for a in units)
    assert article_label(units[0], SE) == "bagian 1 SE 7/2030"
