"""Human labels for citations, in Indonesian legal style ("Pasal 5 huruf n PP 94/2021")."""

from __future__ import annotations

import re

from netral.records import Article, DocumentInfo

_PROVISION = re.compile(r"(ayat|huruf|angka)-([0-9a-z]+)")


def short_doc_from_id(doc_id: str) -> str:
    """"uu-1-2015" -> "UU 1/2015" (for amendment targets, which may not be loaded)."""
    m = re.fullmatch(r"([a-z-]+?)-(\d+)-(\d{4})", doc_id)
    if not m:
        return doc_id
    return f"{m.group(1).upper().replace('-', ' ')} {m.group(2)}/{m.group(3)}"


def provision_words(path: str) -> str:
    """"ayat-2/huruf-n/angka-4" -> "ayat (2) huruf n angka 4"."""
    words = []
    for kind, val in _PROVISION.findall(path):
        words.append(f"ayat ({val})" if kind == "ayat" else f"{kind} {val}")
    return " ".join(words)


def article_label(article: Article, info: DocumentInfo, provision_path: str = "", long: bool = False) -> str:
    doc_name = info.long_name if long else info.short_name
    if article.kind == "materi":
        return f"Materi sosialisasi: {info.tentang} (bagian {article.number})"
    if article.kind == "penjelasan-umum":
        return f"Penjelasan Umum {doc_name}"
    where = f"Pasal {article.number}"
    if provision_path:
        where += " " + provision_words(provision_path)
    if article.amends:
        target = short_doc_from_id(article.amends.split("/", 1)[0])
        return f"{where} {target} sebagaimana diubah dengan {doc_name}"
    return f"{where} {doc_name}"


def context_line(article: Article, info: DocumentInfo) -> str:
    """The prefix every chunk is embedded with: "[PP 94/2021 tentang Disiplin PNS › BAB II › Pasal 5]"."""
    parts = [f"{info.short_name} tentang {info.tentang}" if info.is_regulation else f"Materi: {info.tentang}"]
    parts.extend(h[:80] for h in article.heading_path)
    if article.kind == "pasal":
        parts.append(f"Pasal {article.number}")
    return "[" + " › ".join(parts) + "]"
