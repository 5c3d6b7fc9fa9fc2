"""The project's registry of known regulations (corpus/registry.toml)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from netral.records import DocumentInfo


@dataclass(frozen=True)
class Registry:
    documents: tuple[DocumentInfo, ...]
    material_titles: tuple[tuple[str, str], ...] = ()  # (file name, title)

    @classmethod
    def load(cls, path: Path | None = None) -> Registry:
        if path is None:
            raw = resources.files("corpus").joinpath("registry.toml").read_text(encoding="utf-8")
        else:
            raw = path.read_text(encoding="utf-8")
        data = tomllib.loads(raw)
        docs = tuple(_to_info(entry) for entry in data.get("dokumen", []))
        ids = [d.id for d in docs]
        dupes = {i for i in ids if ids.count(i) > 1}
        if dupes:
            raise ValueError(f"registry has duplicate ids: {sorted(dupes)}")
        titles = tuple((m["file"], m["judul"]) for m in data.get("materi", []))
        return cls(docs, titles)

    def material_title(self, file_name: str) -> str | None:
        return dict(self.material_titles).get(file_name)

    def get(self, doc_id: str) -> DocumentInfo | None:
        for d in self.documents:
            if d.id == doc_id:
                return d
        return None

    def by_file(self, file_name: str) -> DocumentInfo | None:
        for d in self.documents:
            if d.file and d.file == file_name:
                return d
        return None

    def by_alias(self, text: str) -> DocumentInfo | None:
        """The document whose alias occurs in `text` (longest alias wins)."""
        low = text.lower()
        best: tuple[int, DocumentInfo] | None = None
        for d in self.documents:
            for alias in d.aliases:
                if re.search(rf"\b{re.escape(alias)}\b", low) and (best is None or len(alias) > best[0]):
                    best = (len(alias), d)
        return best[1] if best else None

    def find(self, jenis: str, nomor: str, tahun: int) -> DocumentInfo | None:
        for d in self.documents:
            if d.jenis.split()[0] == jenis.upper() and d.nomor == nomor and d.tahun == tahun:
                return d
        return None

    def governing(self, topics: Sequence[str]) -> list[DocumentInfo]:
        """Documents whose registry `topik` names one of `topics` (in that order): where those topics'
        detailed rules are."""
        out: list[DocumentInfo] = []
        for topic in topics:
            out.extend(d for d in self.documents if topic in d.topics and d not in out)
        return out

    def amendments_of(self, doc_id: str) -> list[DocumentInfo]:
        """The acts that amend `doc_id`, oldest first: those its entry lists under `diubah_oleh` and those whose
        entry lists it under `mengubah` (an entry may say it from either side)."""
        doc = self.get(doc_id)
        named = set(doc.diubah_oleh) if doc else set()
        found = [d for d in self.documents if d.id in named or doc_id in d.mengubah]
        return sorted(found, key=lambda d: (d.tahun, int(d.nomor) if d.nomor.isdigit() else 0))

    def replacement_for(self, doc_id: str) -> DocumentInfo | None:
        """The in-force document that repealed `doc_id`, following the chain."""
        doc = self.get(doc_id)
        seen = set()
        while doc is not None and doc.status == "dicabut" and doc.dicabut_oleh and doc.id not in seen:
            seen.add(doc.id)
            doc = self.get(doc.dicabut_oleh[0])
        return doc if doc is not None and doc.id != doc_id else None


def doc_id_for(jenis: str, nomor: str, tahun: int | str) -> str:
    """Stable document id: `<jenis>-<nomor>-<tahun>` lower-case (`pp-94-2021`)."""
    return f"{jenis.lower().replace(' ', '-')}-{nomor}-{tahun}"


def _to_info(entry: dict) -> DocumentInfo:
    def tup(key: str) -> tuple[str, ...]:
        return tuple(entry.get(key, ()))

    return DocumentInfo(
        id=entry["id"],
        jenis=entry["jenis"],
        nomor=str(entry["nomor"]),
        tahun=int(entry["tahun"]),
        tentang=entry["tentang"],
        status=entry["status"],
        file=entry.get("file", ""),
        judul=entry.get("judul", ""),
        mencabut=tup("mencabut"),
        dicabut_oleh=tup("dicabut_oleh"),
        mengubah=tup("mengubah"),
        diubah_oleh=tup("diubah_oleh"),
        aliases=tup("aliases"),
        topics=tup("topik"),
        binds=tup("berlaku_bagi"),
        missing_note=entry.get("bila_tidak_dimuat", ""),
        sources=tup("sumber"),
        lengkap=bool(entry.get("lengkap", True)),
        catatan=entry.get("catatan", ""),
    )
