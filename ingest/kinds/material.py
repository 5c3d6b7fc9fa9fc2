"""Split training materials (papers, slides) into sections of a few paragraphs.

Materials are not law: they are indexed so answers can use their explanations (and what they say about
documents the corpus lacks, like the SKB 2022), but they are always labelled as non-binding.
"""

from __future__ import annotations

import re

from ingest.clean import flatten
from ingest.kinds.base import DocumentKind, Parsed, context_line
from ingest.loaders import LoadError
from netral.ids import ArticleId
from netral.records import Article, DocumentInfo

TARGET_CHARS = 900
MAX_CHARS = 1400


def _is_heading(par: str) -> bool:
    letters = [c for c in par if c.isalpha()]
    return 3 <= len(par) <= 80 and bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8


def split_material(text: str, info: DocumentInfo) -> list[Article]:
    # Slides and PDFs-turned-text break lines mid-sentence; paragraphs are separated by blank lines.
    paragraphs = [flatten(p) for p in re.split(r"\n\s*\n", text)]
    paragraphs = [p for p in paragraphs if len(p) > 2]
    sections: list[tuple[str, str]] = []
    heading = ""
    buf: list[str] = []

    def flush() -> None:
        if buf:
            sections.append((heading, " ".join(buf)))
            buf.clear()

    for par in paragraphs:
        if _is_heading(par):
            flush()
            heading = par.title()
            continue
        while len(par) > MAX_CHARS:  # a very long paragraph is cut at a sentence end
            cut = par.rfind(". ", 0, MAX_CHARS)
            cut = cut + 1 if cut > TARGET_CHARS // 2 else MAX_CHARS
            buf.append(par[:cut].strip())
            flush()
            par = par[cut:].strip()
        buf.append(par)
        if sum(len(b) for b in buf) >= TARGET_CHARS:
            flush()
    flush()
    return [
        Article(
            id=str(ArticleId.section(info.id, k)),
            doc_id=info.id,
            number=str(k),
            text=body,
            heading_path=[h] if h else [],
            kind="materi",
        )
        for k, (h, body) in enumerate(sections, start=1)
    ]


def parse(text: str, info: DocumentInfo) -> Parsed:
    articles = split_material(text, info)
    if not articles:
        raise LoadError("materi tidak berisi teks yang dapat dipotong menjadi bagian")
    return Parsed(articles, [])


def label(article: Article, info: DocumentInfo, provision_path: str = "", long: bool = False) -> str:
    return f"Materi sosialisasi: {info.tentang} (bagian {article.number})"


def context(article: Article, info: DocumentInfo) -> str:
    return context_line(f"Materi: {info.tentang}", article)


KIND = DocumentKind(
    name="materi", parse=parse, label=label, context=context,
    # Materials all talk about neutrality: weighted below law, and a few sections of one paper are enough.
    rank_weight=lambda settings: settings.materi_weight,
    max_hits_per_document=lambda settings: settings.max_sections_per_material,
    subject_priors=False, binding=False,
)
