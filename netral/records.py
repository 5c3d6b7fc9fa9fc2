"""Typed records passed between the stages (ingest → index → search → answer).

Citations are built from these records' metadata, never from text the model generates.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from netral.ids import ArticleId
from netral.regulation_types import long_name
from netral.statuses import Status

# A document is either a regulation (parsed into Pasal) or training material (cut into sections); the kind
# decides how it is parsed, chunked, labelled, ranked and cited (ingest/kinds).
DocKind = Literal["peraturan", "instrumen", "materi"]
# Binding instruments without Pasal: circulars (numbered points) and joint decrees (diktum and a lampiran).
INSTRUMENT_CODES = ("SE", "SKB")
MATERIAL_JENIS = "MATERI"


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
    topics: tuple[str, ...] = ()  # question topics whose detailed rules this document holds
    binds: tuple[str, ...] = ()  # whom it binds when only some civil servants (PNS, PPPK …); () = every ASN
    missing_note: str = ""  # what an answer on those topics says while the document is not loaded
    sources: tuple[str, ...] = ()  # where the official text is published (registry `sumber`)

    @property
    def short_name(self) -> str:
        """"PP 94/2021"; training material keeps its id."""
        if self.kind == "materi":
            return self.tentang
        return f"{self.jenis} {self.nomor}/{self.tahun}"

    @property
    def long_name(self) -> str:
        if self.kind == "materi":
            return f"Materi sosialisasi: {self.tentang}"
        return f"{long_name(self.jenis)} Nomor {self.nomor} Tahun {self.tahun} tentang {self.tentang}"

    @property
    def kind(self) -> DocKind:
        if self.jenis == MATERIAL_JENIS:
            return "materi"
        return "instrumen" if self.jenis.split()[0] in INSTRUMENT_CODES else "peraturan"

    @property
    def is_regulation(self) -> bool:
        """Binding text (a statute, regulation, circular or decree), as opposed to training material."""
        return self.kind != "materi"


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
    # The heading was read from OCR damage ("Pasa] 50") or inferred where it was lost (text after a BAB title
    # filling a gap in the numbering): the text is the source's, the number is the parser's reading.
    reconstructed: bool = False

    def all_provisions(self) -> list[Provision]:
        out: list[Provision] = []
        for p in self.provisions:
            out.extend(p.walk())
        return out


@dataclass(frozen=True)
class Amendment:
    """An article of an amending act that replaces or inserts `target_id` in the act it amends."""

    article_id: str
    target_id: str
    act_year: int
    act_status: Status


@dataclass(frozen=True)
class OcrSummary:
    """What a document records about its OCR (ingest/ocr.py): which pages were read, how confidently."""

    pages: tuple[int, ...]
    mean_confidence: float  # mean word confidence over those pages, 0 … 100
    low_confidence_pages: tuple[int, ...]

    def to_json(self) -> dict[str, Any]:
        return {"pages": list(self.pages), "mean_confidence": round(self.mean_confidence, 1),
                "low_confidence_pages": list(self.low_confidence_pages)}


@dataclass
class ParsedDocument:
    info: DocumentInfo
    source_file: str
    content_hash: str
    articles: list[Article]
    warnings: list[str] = field(default_factory=list)
    ocr: OcrSummary | None = None  # set when scanned pages were read by OCR


@dataclass(frozen=True)
class Chunk:
    """The unit that is embedded and searched: one Pasal, or one ayat range of a long Pasal."""

    id: str
    article_id: str
    doc_id: str
    text: str  # what users read (exact article text)
    context: str  # "[PP 94/2021 tentang Disiplin PNS › BAB II › Pasal 5]"

    @property
    def embed_text(self) -> str:
        return f"{self.context}\n{self.text}"


@dataclass
class SearchHit:
    id: str  # article id (the citable unit)
    chunk_id: str
    doc_id: str
    label: str
    status: Status
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


# What happened to a document in one ingest run; people read it through INGEST_STATUS_LABEL.
IngestStatus = Literal["new", "updated", "unchanged", "removed", "failed"]
INGEST_STATUS_LABEL: dict[str, str] = {
    "new": "baru", "updated": "diperbarui", "unchanged": "tidak berubah", "removed": "dihapus", "failed": "gagal",
}


@dataclass(frozen=True)
class IngestRow:
    doc_id: str
    file: str
    status: IngestStatus
    pasal: int
    chunks: int  # -1: not counted
    seconds: float
    warnings: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return INGEST_STATUS_LABEL[self.status]


@dataclass(frozen=True)
class SkippedFile:
    file: str
    reason: str  # in Indonesian, for the person who added the file


@dataclass
class IngestReport:
    """Summary of one ingest run, per document."""

    rows: list[IngestRow] = field(default_factory=list)
    errors: list[SkippedFile] = field(default_factory=list)
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
    status: Status
    quote: str  # exact text of the best-matching provision (or the article)
    provision: str  # "huruf-n" or ""
    text: str  # whole article text, for the model's context
    kind: str = "pasal"
    # For a provision inside another ("angka 1" of "huruf n"), the enclosing provision's own text ("n. memberikan
    # dukungan kepada calon … dengan cara:"), without which "1. ikut kampanye;" says little. Exact corpus text too.
    lead: str = ""

    @property
    def citation_id(self) -> str:
        return str(ArticleId.parse(self.article_id).at(self.provision))


@dataclass
class Citation:
    id: str
    doc_id: str
    label: str
    status: Status
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
    status: Status
    text: str
    penjelasan: str = ""
    reconstructed: bool = False  # the heading was rebuilt from a damaged or lost original (Article.reconstructed)
    # The part a citation quotes, when it points inside the Pasal ("huruf n angka 4"): its label, its exact text
    # (marked in the whole text) and the Penjelasan of that part, when the Penjelasan has one.
    part: str = ""
    part_text: str = ""
    part_penjelasan: str = ""
    page: int | None = None  # the page of the official document where the Pasal starts, when known (PDF)
    published: tuple[str, ...] = ()  # where the official text is published (registry `sumber`)


@dataclass(frozen=True)
class Progress:
    """What a person is told while an answer is being prepared (not part of the answer's text)."""

    text: str


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
    rule: str = ""  # the rule-map entry that decided the answer (empty: no entry fits)

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

    def to_record(self) -> dict[str, Any]:
        """Every field, for keeping the answer (saved conversations) and reading it back with `from_record`."""
        return asdict(self)

    @classmethod
    def from_record(cls, data: dict[str, Any]) -> Answer:
        """The answer `to_record` kept; fields it does not know (a record from a later version) are left out."""
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        cites = Citation.__dataclass_fields__
        known["citations"] = [Citation(**{k: v for k, v in c.items() if k in cites})
                              for c in data.get("citations", [])]
        return cls(**known)
