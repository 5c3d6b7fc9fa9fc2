"""Articles to chunks: one Pasal per chunk, split at ayat boundaries only when too long for the embedder."""

from __future__ import annotations

from ingest.kinds import kind_of
from netral.ids import chunk_id
from netral.records import Article, Chunk, DocumentInfo


def chunk_article(article: Article, info: DocumentInfo, max_chars: int) -> list[Chunk]:
    context = kind_of(info).context(article, info)
    body = article.text
    if article.penjelasan and len(body) + len(article.penjelasan) + 13 <= max_chars:
        # Short elucidations ride along: they often hold the words people use ("ikut kampanye" = "hadir").
        body = f"{body}\nPenjelasan: {article.penjelasan}"
        extra: list[str] = []
    else:
        extra = _pieces(f"Penjelasan: {article.penjelasan}", max_chars) if article.penjelasan else []
    pieces = _pieces(body, max_chars) + extra
    return [
        Chunk(id=chunk_id(article.id, k), article_id=article.id, doc_id=info.id, text=piece, context=context)
        for k, piece in enumerate(pieces)
    ]


def _pieces(text: str, max_chars: int) -> list[str]:
    """Greedy packing of lines (one provision per line) into pieces of at most `max_chars`."""
    if len(text) <= max_chars:
        return [text]
    pieces: list[str] = []
    buf = ""
    for line in text.split("\n"):
        while len(line) > max_chars:  # one enormous provision: cut at a sentence or word boundary
            cut = max(line.rfind("; ", 0, max_chars), line.rfind(". ", 0, max_chars), line.rfind(" ", 0, max_chars))
            cut = cut + 1 if cut > max_chars // 3 else max_chars
            if buf:
                pieces.append(buf)
                buf = ""
            pieces.append(line[:cut].strip())
            line = line[cut:].strip()
        if buf and len(buf) + 1 + len(line) > max_chars:
            pieces.append(buf)
            buf = line
        else:
            buf = f"{buf}\n{line}" if buf else line
    if buf:
        pieces.append(buf)
    return pieces
