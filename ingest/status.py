"""What is loaded, in what state, and which expected documents are missing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from corpus.registry import Registry
from ingest.store import ArticleStore
from netral.statuses import status_label


def corpus_status(store: ArticleStore, registry: Registry) -> dict[str, Any]:
    loaded = store.documents()
    loaded_ids = {d["doc_id"] for d in loaded}
    docs = []
    for d in loaded:
        info = d["info"]
        docs.append({
            "id": info.id, "title": info.long_name, "status": info.status, "file": d["source_file"],
            "pasal": d["n_articles"], "chunks": d["n_chunks"], "complete": info.lengkap,
            "note": info.catatan, "warnings": d["warnings"],
        })
    missing = [
        {"id": r.id, "title": r.judul or r.long_name, "status": r.status, "expected_file": r.file}
        for r in registry.documents if r.id not in loaded_ids
    ]
    return {"documents": docs, "missing": missing}


def format_corpus_status(status: dict[str, Any], corpus_dir: Path) -> str:
    lines = [f"{'id':34} {'status':34} {'pasal':>6} {'potongan':>9}  judul"]
    for d in status["documents"]:
        label = status_label(d["status"])
        lines.append(f"{d['id'][:34]:34} {label[:34]:34} {d['pasal']:>6} {d['chunks']:>9}  {d['title'][:70]}")
        if not d["complete"] and d["note"]:
            lines.append(f"{'':34} catatan: {d['note']}")
    if not status["documents"]:
        lines.append("(belum ada dokumen; jalankan `netral ingest`)")
    if status["missing"]:
        lines.append("")
        lines.append(f"Belum ada di korpus ({corpus_dir}) — taruh PDF resminya di folder itu lalu `netral ingest`:")
        for m in status["missing"]:
            lines.append(f"  {m['id']:22} {m['title'][:90]}  (nama berkas: {m['expected_file']})")
    return "\n".join(lines)
