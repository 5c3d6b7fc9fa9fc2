"""The uploads table that lets every host's ingest read what was uploaded on any of them (ingest/uploads.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ingest.uploads import UploadStore, sync_uploads
from netral.config import Settings


def test_sync_writes_new_and_changed_uploads_and_deletes_removed_ones(
        tmp_path: Path, store_at: Callable[[Path], Path | str]) -> None:
    store = UploadStore(store_at(tmp_path / "uploads.sqlite"))
    src = tmp_path / "src"
    src.mkdir()
    (src / "se-1.md").write_text("# SE 1\nversi 1\n", encoding="utf-8")
    (src / "se-2.md").write_text("# SE 2\n", encoding="utf-8")
    store.put(src / "se-1.md")
    store.put(src / "se-2.md")
    host = tmp_path / "host-b" / "unggahan"
    host.mkdir(parents=True)
    (host / "taruh-manual.md").write_text("# diletakkan operator\n", encoding="utf-8")
    first = store.sync_to(host)
    assert sorted(first.written) == ["se-1.md", "se-2.md"] and first.deleted == ()
    assert store.sync_to(host).written == ()  # already in line: nothing rewritten
    (src / "se-1.md").write_text("# SE 1\nversi 2\n", encoding="utf-8")
    store.put(src / "se-1.md")
    store.remove("se-2.md")
    second = store.sync_to(host)
    assert second.written == ("se-1.md",) and second.deleted == ("se-2.md",)
    assert (host / "se-1.md").read_text(encoding="utf-8").endswith("versi 2\n")
    assert sorted(p.name for p in host.iterdir()) == ["se-1.md", "taruh-manual.md"]  # hand-placed file kept
    assert set(store.present()) == {"se-1.md"}
    store.put(src / "se-2.md")  # uploaded again after its removal
    assert store.sync_to(host).written == ("se-2.md",)
    store.close()


def test_one_host_keeps_uploads_in_its_folder_only(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    assert sync_uploads(settings, settings.upload_dir) is None
    assert not settings.upload_dir.exists()
