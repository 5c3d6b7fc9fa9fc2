"""Typed records passed between the stages (ingest → index → search → answer).

Citations are built from these records' metadata, never from text the model generates.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

# Status of a document or article as shown to users.
Status = Literal["berlaku", "dicabut", "diubah", "materi", "tidak diketahui"]

STATUS_LABEL: dict[str, str] = {
    "berlaku": "berlaku",
    "dicabut": "dicabut",
    "diubah": "berlaku (telah diubah)",
    "materi": "materi sosialisasi (tidak mengikat)",
    "tidak diketahui": "status tidak diketahui",
}


@dataclass(frozen=True)
class DocumentInfo:
    """What the registry (or the first page of an unknown PDF) says about one document."""

    id: str
    jenis: str
    nomor: str
    tahun: int
    tentang: str
    status: Status
    file: str = ""
    judul: str = ""
    mencabut: tuple[str, ...] = ()
    dicabut_oleh: tuple[str, ...] = ()
    mengubah: tuple[str, ...] = ()
    diubah_oleh: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    lengkap: bool = True
    catatan: str = ""

    @property
    def short_name(self) -> str:
        """"PP 94/2021"; training material keeps its id."""
        if self.jenis == "MATERI":
            return self.tentang
        return f"{self.jenis} {self.nomor}/{self.tahun}"

    @property
    def long_name(self) -> str:
        if self.jenis == "MATERI":
            return f"Materi sosialisasi: {self.tentang}"
        return f"{_JENIS_LONG.get(self.jenis, self.jenis)} Nomor {self.nomor} Tahun {self.tahun} tentang {self.tentang}"

    @property
    def is_regulation(self) -> bool:
        return self.jenis != "MATERI"


_JENIS_LONG = {
    "UU": "Undang-Undang",
    "PP": "Peraturan Pemerintah",
    "PERPPU": "Peraturan Pemerintah Pengganti Undang-Undang",
    "PERPRES": "Peraturan Presiden",
    "PERMEN": "Peraturan Menteri",
    "SKB": "Keputusan Bersama",
    "SE MENPANRB": "Surat Edaran Menteri PANRB",
}


@dataclass
class Provision:
    """An ayat, huruf or angka inside an article; `path` is the id suffix, e.g. "huruf-n/angka-1"."""

    kind: Literal["ayat", "huruf", "angka"]
    label: str
    path: str
    text: str
    children: list[Provision] = field(default_factory=list)

    def walk(self) -> list[Provision]:
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out


@dataclass
class Article:
    """One Pasal (or, for training material, one section) with its place in the document."""

    id: str
    doc_id: str
    number: str  # "5", "187A", "I"; for materials the section index
    text: str
    heading_path: list[str] = field(default_factory=list)
    provisions: list[Provision] = field(default_factory=list)
    penjelasan: str = ""
    amends: str = ""  # id of the article this one replaces or inserts, for amending acts
    instruction: str = ""  # "Ketentuan Pasal 7 diubah sehingga berbunyi sebagai berikut:"
    kind: Literal["pasal", "materi", "penjelasan-umum"] = "pasal"
    page: int | None = None

    def all_provisions(self) -> list[Provision]:
        out: list[Provision] = []
        for p in self.provisions:
            out.extend(p.walk())
        return out


@dataclass
class ParsedDocument:
    info: DocumentInfo
    source_file: str
    content_hash: str
    articles: list[Article]
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Chunk:
    """The unit that is embedded and searched: one Pasal, or one ayat range of a long Pasal."""

    id: str
    article_id: str
    doc_id: str
    text: str  # what users read (exact article text)
    context: str  # "[PP 94/2021 tentang Disiplin PNS › BAB II › Pasal 5]"
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def embed_text(self) -> str:
        return f"{self.context}\n{self.text}"


@dataclass
class SearchHit:
    id: str  # article id (the citable unit)
    chunk_id: str
    doc_id: str
    label: str
    status: str
    score: float
    text: str
    context: str = ""
    sources: dict[str, int] = field(default_factory=dict)  # rank per retriever, for debugging

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "doc_id": self.doc_id,
            "label": self.label,
            "status": self.status,
            "score": round(self.score, 6),
            "text": self.text,
        }


@dataclass
class IngestReport:
    """Summary of one ingest run, per document."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


Verdict = Literal["boleh", "tidak_boleh", "bersyarat", "informasi", "di_luar_cakupan"]

VERDICT_LABEL: dict[str, str] = {
    "boleh": "Boleh",
    "tidak_boleh": "Tidak boleh",
    "bersyarat": "Bersyarat",
    "informasi": "Informasi",
    "di_luar_cakupan": "Tidak tercakup",
}


@dataclass
class Source:
    """A retrieved article offered to the answer composer as numbered source [n]."""

    number: int
    article_id: str
    doc_id: str
    label: str  # label of the quoted provision: "Pasal 5 huruf n PP 94/2021"
    status: str
    quote: str  # exact text of the best-matching provision (or the article)
    provision: str  # "huruf-n" or ""
    text: str  # whole article text, for the model's context
    kind: str = "pasal"

    @property
    def citation_id(self) -> str:
        return f"{self.article_id}/{self.provision}" if self.provision else self.article_id


@dataclass
class Citation:
    id: str
    doc_id: str
    label: str
    status: str
    quote: str
    number: int = 0
    article_id: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "doc_id": self.doc_id, "label": self.label, "status": self.status,
                "quote": self.quote}


@dataclass(frozen=True)
class ArticleView:
    """A whole Pasal as a reader opens it from a citation: its text, its Penjelasan and its document."""

    id: str
    title: str  # "Pasal 5 PP 94/2021"
    document: str  # long name of the document
    status: str
    text: str
    penjelasan: str = ""


@dataclass
class Answer:
    question: str
    answer: str
    verdict: Verdict
    citations: list[Citation] = field(default_factory=list)
    sanctions: list[str] = field(default_factory=list)
    abstained: bool = False
    backend: str = ""
    timings: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    query: str = ""  # what was searched (after follow-up rewriting)
    retrieved: list[str] = field(default_factory=list)  # article ids offered as sources
    error: str = ""  # set when the generative backend failed and the extractive answer was used

    def to_json(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "answer": self.answer,
            "verdict": self.verdict,
            "citations": [c.to_json() for c in self.citations],
            "sanctions": self.sanctions,
            "abstained": self.abstained,
            "backend": self.backend,
            "timings": {k: round(v, 3) for k, v in self.timings.items()},
            "notes": self.notes,
        }
