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
            "note": info.catatan, "warnings": d["warnings"], "ocr": d.get("ocr"),
        })
    missing = [
        {"id": r.id, "title": r.judul or r.long_name, "status": r.status, "expected_file": r.file,
         "sources": list(r.sources)}
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
        if d.get("ocr"):
            ocr = d["ocr"]
            low = ocr["low_confidence_pages"]
            check = f"; periksa halaman {', '.join(map(str, low))}" if low else ""
            lines.append(f"{'':34} OCR: {len(ocr['pages'])} halaman pindaian, keyakinan rata-rata "
                         f"{ocr['mean_confidence']:.0f}%{check}")
    if not status["documents"]:
        lines.append("(belum ada dokumen; jalankan `netral ingest`)")
    if status["missing"]:
        lines.append("")
        lines.append("Belum ada di korpus — unduh naskah resminya, simpan di folder korpus, lalu `netral ingest`:")
        for m in status["missing"]:
            lines.append(f"  {m['id']}: {m['title']}")
            for where in m.get("sources", []):
                lines.append(f"      unduh dari: {where}")
            lines.append(f"      simpan sebagai: {corpus_dir / m['expected_file']}")
        lines.append("  (PDF hasil pindaian dibaca dengan OCR; berkas dengan nama lain dikenali dari halaman "
                     "pertamanya.)")
    return "\n".join(lines)
