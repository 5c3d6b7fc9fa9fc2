"""Article ids: the one place they are built and read.

Scheme (stable across re-ingest; citations, evaluations and the rule map depend on it):
- a Pasal:             `<doc>/pasal-<N>` (inserted articles lower-case: `uu-10-2016/pasal-7a`)
- a provision in it:   `<doc>/pasal-5/huruf-n/angka-4`
- a section of a training material: `materi/<stem>/bagian-<k>`
- a point of a circular (SE): `<doc>/angka-<n>`; a diktum of a decree (SKB): `<doc>/diktum-kesatu`; a section
  of its lampiran: `<doc>/lampiran-<k>`; an instrument with none of these: `<doc>/bagian-<k>`
- the general elucidation: `<doc>/penjelasan/umum`
- the first body of a document with two (a penetapan act and the statute it enacts): `penetapan/` before the unit
- a chunk of an article: `<article id>#<k>`
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ID = re.compile(
    r"^(?P<doc>.+?)/(?P<prefix>penetapan/)?"
    r"(?P<unit>pasal-[0-9a-z]+|penjelasan/umum|bagian-\d+|angka-\d+|diktum-[a-z]+|lampiran-\d+)"
    r"(?:/(?P<provision>(?:ayat|huruf|angka)-[0-9a-z]+(?:/(?:ayat|huruf|angka)-[0-9a-z]+)*))?$"
)
_PROVISION_PART = re.compile(r"(ayat|huruf|angka)-([0-9a-z]+)")


class BadArticleId(ValueError):
    pass


@dataclass(frozen=True)
class ArticleId:
    doc: str  # "pp-94-2021", "materi/000_8c7470cc5eda0d5a"
    unit: str  # "pasal-5", "bagian-3", "penjelasan/umum"
    prefix: str = ""  # "penetapan/" or ""
    provision: str = ""  # "huruf-n/angka-4" or ""

    # --- building --------------------------------------------------------------------------------------

    @classmethod
    def pasal(cls, doc: str, number: str, prefix: str = "") -> ArticleId:
        return cls(doc, f"pasal-{number.replace(' ', '').lower()}", prefix)

    @classmethod
    def section(cls, doc: str, k: int) -> ArticleId:
        """A section of a training material."""
        return cls(doc, f"bagian-{k}")

    @classmethod
    def unit_of(cls, doc: str, kind: str, name: str) -> ArticleId:
        """A unit of a circular or decree: ("angka", "5"), ("diktum", "kedua"), ("lampiran", "2")."""
        return cls(doc, f"{kind}-{name.lower()}")

    @classmethod
    def general_elucidation(cls, doc: str, prefix: str = "") -> ArticleId:
        return cls(doc, "penjelasan/umum", prefix)

    def at(self, provision: str) -> ArticleId:
        """The same article, pointing at one of its provisions ("huruf-n/angka-4")."""
        return ArticleId(self.doc, self.unit, self.prefix, provision)

    # --- reading ---------------------------------------------------------------------------------------

    @classmethod
    def parse(cls, text: str) -> ArticleId:
        m = _ID.match(text.split("#", 1)[0])
        if not m:
            raise BadArticleId(f"not an article id: {text!r}")
        return cls(m.group("doc"), m.group("unit"), m.group("prefix") or "", m.group("provision") or "")

    @classmethod
    def try_parse(cls, text: str) -> ArticleId | None:
        try:
            return cls.parse(text)
        except BadArticleId:
            return None

    @property
    def article(self) -> str:
        """The id of the whole article (no provision): the unit the store, the gold set and metrics use."""
        return f"{self.doc}/{self.prefix}{self.unit}"

    @property
    def number(self) -> str:
        """"5", "187a" for a Pasal; "3" for a material section; "umum" for the general elucidation."""
        return self.unit.rsplit("-", 1)[-1] if "-" in self.unit else self.unit.rsplit("/", 1)[-1]

    @property
    def is_pasal(self) -> bool:
        return self.unit.startswith("pasal-")

    @property
    def is_general_elucidation(self) -> bool:
        return self.unit == "penjelasan/umum"

    @property
    def is_definitions(self) -> bool:
        """Pasal 1 of an act holds its definitions ("Dalam Undang-Undang ini yang dimaksud dengan: …")."""
        return self.unit == "pasal-1"

    def sibling(self, number: str) -> ArticleId:
        """Another Pasal of the same document and body ("Pasal 5" referred to from "Pasal 13")."""
        return ArticleId.pasal(self.doc, number, self.prefix)

    def provision_parts(self) -> list[tuple[str, str]]:
        return provision_parts(self.provision)

    def __str__(self) -> str:
        return f"{self.article}/{self.provision}" if self.provision else self.article


def article_of(any_id: str) -> str:
    """The article a provision, chunk or article id belongs to; an unparseable id is returned unchanged."""
    parsed = ArticleId.try_parse(any_id)
    return parsed.article if parsed else any_id.split("#", 1)[0]


def doc_of(any_id: str) -> str:
    parsed = ArticleId.try_parse(any_id)
    return parsed.doc if parsed else any_id.split("/", 1)[0]


def provision_parts(path: str) -> list[tuple[str, str]]:
    """"huruf-n/angka-4" -> [("huruf", "n"), ("angka", "4")]."""
    return _PROVISION_PART.findall(path)


def chunk_id(article_id: str, k: int) -> str:
    return f"{article_id}#{k}"
