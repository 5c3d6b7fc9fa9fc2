"""Hostile and damaged source files, generated at run time (nothing large is ever committed).

Raw PDF bytes are written here directly, so each file is exactly the attack it stands for: a content stream
that inflates to tens of megabytes (a compression bomb), a file of 20,000 pages sharing one content stream, a
page tree that refers to itself.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from pathlib import Path

FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def pdf_bytes(objects: Sequence[bytes], root: int = 1) -> bytes:
    """A PDF whose object k+1 is objects[k], with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for k, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % k + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


def stream(data: bytes, compress: bool = False) -> bytes:
    if compress:
        data = zlib.compress(data, 9)
        return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def text_ops(lines: Sequence[str]) -> bytes:
    body = b"".join(b"(%s) Tj T*\n" % line.encode("latin-1", "replace").replace(b"(", b"").replace(b")", b"")
                    for line in lines)
    return b"BT /F1 11 Tf 14 TL 40 780 Td\n" + body + b"ET\n"


REGULATION_LINES = ("UNDANG-UNDANG REPUBLIK INDONESIA", "NOMOR 99 TAHUN 2030", "TENTANG UJI NETRALITAS", "",
                    "MEMUTUSKAN:", "Menetapkan: UNDANG-UNDANG TENTANG UJI NETRALITAS.", "", "Pasal 1",
                    "Pegawai ASN wajib menjaga netralitas dalam setiap penyelenggaraan pemilihan umum.", "",
                    "Pasal 2", "Pegawai ASN dilarang menjadi anggota partai politik dan pengurus partai politik.")


def text_pdf(path: Path, pages: Sequence[Sequence[str]]) -> Path:
    """A plain, valid PDF with a text layer: one page per list of lines."""
    n = len(pages)
    kids = b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(n))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n), FONT]
    for i, lines in enumerate(pages):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                       b"/Resources << /Font << /F1 3 0 R >> >> >>" % (5 + 2 * i))
        objects.append(stream(text_ops(lines), compress=True))
    path.write_bytes(pdf_bytes(objects))
    return path


def inflating_pdf(path: Path, megabytes: int = 70) -> Path:
    """One page whose FlateDecode content stream is a few hundred KB on disk and `megabytes` MB inflated."""
    unit = b"BT /F1 11 Tf 40 780 Td (Pasal 1 PNS dilarang) Tj ET\n"
    content = unit * (megabytes * 1_000_000 // len(unit))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>", FONT,
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R "
               b"/Resources << /Font << /F1 3 0 R >> >> >>", stream(content, compress=True)]
    path.write_bytes(pdf_bytes(objects))
    return path


def many_pages_pdf(path: Path, pages: int = 20_000) -> Path:
    """`pages` pages that all show the same short content stream (about 150 bytes per page on disk)."""
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
               FONT, stream(text_ops(["Pasal 1", "Pegawai Negeri Sipil dilarang menjadi anggota partai politik."]))]
    page = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 3 0 R >> >> >>")
    objects.extend([page] * pages)
    path.write_bytes(pdf_bytes(objects))
    return path


def looping_pdf(path: Path) -> Path:
    """A page tree whose node lists itself among its kids."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"]
    path.write_bytes(pdf_bytes(objects))
    return path


def deep_pdf(path: Path, depth: int = 5_000) -> Path:
    """A page tree `depth` levels deep, one /Pages node inside the next: a recursive walk runs out of stack."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(depth):
        objects.append(b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (level + 3))
    objects.append(b"<< /Type /Page /MediaBox [0 0 612 792] >>")
    path.write_bytes(pdf_bytes(objects))
    return path
