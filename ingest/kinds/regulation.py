"""Regulations (UU, PP, Perppu …): parsed into Pasal with ayat/huruf/angka, Penjelasan and amendments."""

from __future__ import annotations

from ingest.kinds.base import DocumentKind, Parsed, context_line
from ingest.loaders import LoadError
from ingest.structure import parse_regulation
from netral.ids import doc_of
from netral.labels import provision_words, short_doc_from_id
from netral.records import Article, DocumentInfo


def parse(text: str, info: DocumentInfo) -> Parsed:
    result = parse_regulation(text, info)
    if not any(a.kind == "pasal" for a in result.articles):
        raise LoadError(
            "tidak ditemukan satu pun Pasal; berkas ini bukan teks peraturan yang dapat diurai "
            "(pindahkan ke folder materi/ bila ini materi sosialisasi)"
        )
    return Parsed(result.articles, result.warnings)


def label(article: Article, info: DocumentInfo, provision_path: str = "", long: bool = False) -> str:
    doc_name = info.long_name if long else info.short_name
    if article.kind == "penjelasan-umum":
        return f"Penjelasan Umum {doc_name}"
    where = f"Pasal {article.number}"
    if provision_path:
        where += " " + provision_words(provision_path)
    if article.amends:
        target = short_doc_from_id(doc_of(article.amends))
        return f"{where} {target} sebagaimana diubah dengan {doc_name}"
    return f"{where} {doc_name}"


def context(article: Article, info: DocumentInfo) -> str:
    tail = (f"Pasal {article.number}",) if article.kind == "pasal" else ()
    return context_line(f"{info.short_name} tentang {info.tentang}", article, *tail)


KIND = DocumentKind(
    name="peraturan", parse=parse, label=label, context=context,
    # Repealed and amended texts are weighted by status in search, not by kind.
    rank_weight=lambda _settings: 1.0, max_hits_per_document=lambda _settings: None, subject_priors=True,
    binding=True,
)
