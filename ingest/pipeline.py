"""Ingest a corpus folder: load → clean → parse → chunk → embed → store, incrementally by content hash."""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from corpus.registry import Registry
from ingest import loaders
from ingest.chunker import chunk_article
from ingest.embedders import Embedder
from ingest.index import Index
from ingest.isolation import Budget, parse_source, read_isolated
from ingest.lock import ingest_lock
from ingest.ocr import OcrOptions
from ingest.store import ArticleStore
from ingest.structure import PARSER_VERSION
from ingest.uploads import sync_uploads
from netral.records import (
    INGEST_STATUS_LABEL,
    Chunk,
    IngestReport,
    IngestRow,
    OcrSummary,
    ParsedDocument,
    SkippedFile,
)

log = logging.getLogger(__name__)

EMBED_BATCH = 16


class NoDocuments(RuntimeError):
    pass


class ProgressHook:
    """Callbacks the CLI uses to draw progress bars; the pipeline itself prints nothing."""

    def document_started(self, name: str, n_chunks: int) -> None: ...

    def chunks_embedded(self, n: int) -> None: ...

    def document_done(self, name: str, status: str) -> None: ...

    def pages_read(self, name: str, done: int, total: int) -> None:
        """A scanned page of `name` was read by OCR (`done` of `total`)."""


class Ingestor:
    def __init__(
        self, index: Index, embedder: Embedder, registry: Registry, max_chars: int = 1200, embed_max_chars: int = 900
    ):
        self.index = index
        self.embedder = embedder
        self.registry = registry
        self.max_chars = max_chars
        self.embed_max_chars = embed_max_chars

    def run(
        self, corpus_dir: Path, rebuild: bool = False, progress: ProgressHook | None = None,
        uploads: Path | None = None,
    ) -> IngestReport:
        """Bring the index in line with `corpus_dir` (and the folder of documents uploaded through the web app,
        whose files are recorded as `@unggahan/<name>`): new and changed files are indexed, unchanged ones
        skipped, documents whose file is gone removed. Raises IngestBusy when another ingest holds the index.
        With a shared database the uploads folder is first brought in line with the uploads kept there, under
        the lock: an upload made on another host is read here, never removed from the index as a lost file."""
        settings = self.index.settings
        with ingest_lock(settings.index_dir, settings.database_url):
            if uploads is not None:
                sync_uploads(settings, uploads)
            return self._run(corpus_dir, rebuild, progress, uploads)

    def _run(
        self, corpus_dir: Path, rebuild: bool, progress: ProgressHook | None, uploads: Path | None,
    ) -> IngestReport:
        t0 = time.perf_counter()
        hook = progress or ProgressHook()
        store, vectors = self.index.store, self.index.vectors
        if not corpus_dir.is_dir():
            raise NoDocuments(
                f"Folder korpus '{corpus_dir}' tidak ditemukan. Letakkan berkas peraturan (PDF, MD, TXT) di "
                "folder itu atau atur NETRAL_CORPUS_DIR ke folder yang berisi dokumen."
            )
        roots = _Roots(corpus_dir, uploads)
        files, skipped = roots.discover()
        if not files:
            raise NoDocuments(
                f"Tidak ada dokumen (PDF, MD, TXT) di '{corpus_dir}'. Letakkan berkas peraturan di folder itu "
                "atau atur NETRAL_CORPUS_DIR."
            )
        if rebuild:
            for doc_id in list(store.document_hashes()):
                store.remove_document(doc_id)
            store.set_meta("embedder", self.embedder.name)
            store.set_meta(FAILED_META, "{}")  # from scratch: files that failed before are tried again
        store.check_embedder(self.embedder.name)
        store.set_meta("embedder", self.embedder.name)
        chunking = f"{self.max_chars}/{self.embed_max_chars}/parser-{PARSER_VERSION}"
        if store.get_meta("chunking") not in (None, chunking):
            # Same files, different chunks or vectors: every document must be redone.
            for doc_id in list(store.document_hashes()):
                store.remove_document(doc_id)
        store.set_meta("chunking", chunking)
        self._collect_garbage()

        report = IngestReport()
        for path, reason in skipped:
            report.errors.append(SkippedFile(roots.name(path), reason))
        seen = _Seen(failed=_FailedFiles.load(store, self.budget))
        for path in files:
            rel = roots.name(path)
            try:
                row = self._ingest_file(path, rel, seen, hook)
            except loaders.LoadError as exc:
                self._skip(report, hook, rel, exc.reason)
                continue
            except Exception as exc:  # recursion, memory, anything a strange file provokes: skip it, go on
                log.exception("ingest of %s failed", rel)
                self._skip(report, hook, rel, f"gagal diproses ({type(exc).__name__}: {str(exc)[:300]})")
                continue
            report.rows.append(row)
            hook.document_done(rel, row.label)
        seen.failed.save(store, {roots.name(p) for p in files})

        present = set(seen.docs)
        for doc_id, (source, _h) in store.document_hashes().items():
            if doc_id not in present and not roots.locate(source).exists():
                old = sorted(store.vector_ids(doc_id))
                store.remove_document(doc_id)
                vectors.delete(old)
                report.rows.append(IngestRow(doc_id, source, "removed", 0, 0, 0.0))
        self.index.lexical()  # rebuild the BM25 file if anything changed
        report.seconds = time.perf_counter() - t0
        return report

    @property
    def budget(self) -> Budget:
        s = self.index.settings
        ocr = OcrOptions(s.ocr_cache_dir, s.ocr_lang, s.ocr_dpi, s.ocr_low_confidence) if s.ocr else None
        return Budget(s.ingest_max_pages, s.ingest_file_seconds, s.ingest_memory_mb, ocr)

    @staticmethod
    def _skip(report: IngestReport, hook: ProgressHook, rel: str, reason: str) -> None:
        log.warning("skipped %s: %s", rel, reason)
        report.errors.append(SkippedFile(rel, reason))
        hook.document_done(rel, INGEST_STATUS_LABEL["failed"])

    def _ingest_file(self, path: Path, rel: str, seen: _Seen, hook: ProgressHook) -> IngestRow:
        t0 = time.perf_counter()
        store = self.index.store
        digest = loaders.file_hash(path) if path.stat().st_size else ""
        if digest and digest in seen.hashes:
            raise loaders.LoadError(f"isi berkas sama persis dengan '{seen.hashes[digest]}' (duplikat); dilewati")
        current = store.document_hashes()
        unchanged = {v: k for k, v in current.items()}.get((rel, digest))
        if unchanged is not None:
            # Same file, same content as the indexed document: nothing to read (and no child process to start).
            seen.docs[unchanged] = rel
            seen.hashes[digest] = rel
            n = next(d for d in store.documents() if d["doc_id"] == unchanged)
            return IngestRow(unchanged, rel, "unchanged", n["n_articles"], n["n_chunks"], time.perf_counter() - t0)
        seen.failed.check(rel, digest)
        try:
            parsed = read_isolated(path, self.registry, self.budget,
                                   on_page=lambda done, total: hook.pages_read(rel, done, total))
        except loaders.LoadError as exc:
            seen.failed.record(rel, digest, exc.reason)
            raise
        if digest:
            seen.hashes[digest] = rel
        parsed.source_file = rel
        doc_id = parsed.info.id
        if doc_id in seen.docs:
            raise loaders.LoadError(f"dokumen {doc_id} sudah dimuat dari '{seen.docs[doc_id]}'; berkas ini dilewati")
        seen.docs[doc_id] = rel
        chunks = [c for a in parsed.articles for c in chunk_article(a, parsed.info, self.max_chars)]
        hook.document_started(rel, len(chunks))
        vectors = self._embed(chunks, hook)
        vector_ids = [f"{c.id}@{parsed.content_hash[:12]}" for c in chunks]
        old_vectors = store.vector_ids(doc_id)
        metas = [{"doc_id": c.doc_id, "article_id": c.article_id} for c in chunks]
        self.index.vectors.add(vector_ids, vectors, metas)
        # The switch: from here on search sees the new version (and only it).
        store.replace_document(parsed, chunks, vector_ids)
        stale = sorted(old_vectors - set(vector_ids))
        if stale:
            self.index.vectors.delete(stale)
        return IngestRow(doc_id, rel, "updated" if doc_id in current else "new",
                         sum(a.kind == "pasal" for a in parsed.articles), len(chunks), time.perf_counter() - t0,
                         parsed.warnings + _ocr_notes(parsed.ocr))

    def parse(self, src: loaders.SourceText) -> ParsedDocument:
        """Parse already loaded text in this process (tests and tools; the ingest reads in a child)."""
        return parse_source(src, self.registry)

    def _embed(self, chunks: list[Chunk], hook: ProgressHook) -> np.ndarray:
        if not chunks:
            return np.zeros((0, 1), dtype=np.float32)
        parts = []
        for start in range(0, len(chunks), EMBED_BATCH):
            batch = chunks[start:start + EMBED_BATCH]
            parts.append(self.embedder.embed_passages([c.embed_text[: self.embed_max_chars] for c in batch]))
            hook.chunks_embedded(len(batch))
        return np.vstack(parts)

    def _collect_garbage(self) -> None:
        """Drop vectors no visible chunk points to (left by an ingest that was killed mid-document)."""
        live = self.index.store.vector_ids()
        orphans = sorted(self.index.vectors.all_ids() - live)
        if orphans:
            log.info("removing %d orphaned vectors", len(orphans))
            self.index.vectors.delete(orphans)



UPLOAD_PREFIX = "@unggahan/"
FAILED_META = "failed_files"


@dataclass
class _FailedFiles:
    """Files whose reading failed, by name, with their content hash and reason, kept in the index's meta table.

    A file that failed is not read again while its content and the reading budget stay the same: a hostile PDF
    costs its time budget once, not on every later ingest. Changing the file (or the budget) tries it again.
    """

    budget_key: str
    entries: dict[str, list[str]] = field(default_factory=dict)  # name -> [content hash, reason]

    @classmethod
    def load(cls, store: ArticleStore, budget: Budget) -> _FailedFiles:
        key = f"{budget.max_pages}/{budget.seconds}/{budget.memory_mb}"
        raw = json.loads(store.get_meta(FAILED_META) or "{}")
        return cls(key, raw.get("files", {}) if raw.get("budget") == key else {})

    def check(self, name: str, digest: str) -> None:
        entry = self.entries.get(name)
        if entry and digest and entry[0] == digest:
            raise loaders.LoadError(f"{entry[1]} (gagal pada pengindeksan sebelumnya dan tidak berubah sejak itu; "
                                    "tidak dibaca ulang)")

    def record(self, name: str, digest: str, reason: str) -> None:
        if digest:
            self.entries[name] = [digest, reason]

    def save(self, store: ArticleStore, present: set[str]) -> None:
        files = {k: v for k, v in self.entries.items() if k in present}
        store.set_meta(FAILED_META, json.dumps({"budget": self.budget_key, "files": files}, ensure_ascii=False))


@dataclass
class _Seen:
    """What this ingest run has met so far: document ids and content hashes (for duplicates), failures."""

    failed: _FailedFiles
    docs: dict[str, str] = field(default_factory=dict)  # doc_id -> file name
    hashes: dict[str, str] = field(default_factory=dict)  # content hash -> file name


@dataclass(frozen=True)
class _Roots:
    """The corpus folder and, optionally, the uploads folder, with the names files are recorded under."""

    corpus: Path
    uploads: Path | None

    def discover(self) -> tuple[list[Path], list[tuple[Path, str]]]:
        files, skipped = loaders.discover(self.corpus)
        if self.uploads is not None and self.uploads.is_dir():
            more, more_skipped = loaders.discover(self.uploads)
            files, skipped = files + more, skipped + more_skipped
        return files, skipped

    def name(self, path: Path) -> str:
        if self.uploads is not None and path.is_relative_to(self.uploads):
            return UPLOAD_PREFIX + str(path.relative_to(self.uploads))
        return str(path.relative_to(self.corpus))

    def locate(self, name: str) -> Path:
        if name.startswith(UPLOAD_PREFIX):
            return (self.uploads or self.corpus) / name[len(UPLOAD_PREFIX):]
        return self.corpus / name


def _ocr_notes(ocr: OcrSummary | None) -> list[str]:
    """What the ingest report says of a document read by OCR: how many pages, how confidently, which to check."""
    if ocr is None:
        return []
    note = f"OCR: {len(ocr.pages)} halaman hasil pindaian dibaca, keyakinan rata-rata {ocr.mean_confidence:.0f}%"
    if ocr.low_confidence_pages:
        note += "; periksa halaman " + ", ".join(str(p) for p in ocr.low_confidence_pages) + " (keyakinan rendah)"
    return [note]
