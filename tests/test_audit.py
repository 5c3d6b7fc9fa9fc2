"""The JSON API's audit log on its own: retention, and the CSV export `netral audit-export` writes (the rows the
API writes are checked in test_api.py)."""

from __future__ import annotations

import csv
import time
from collections.abc import Callable
from pathlib import Path

from ui.audit import EXPORT_COLUMNS, AuditEntry, AuditLog
from ui.cli import main


def test_audit_retention_deletes_old_rows(tmp_path: Path, store_at: Callable[[Path], Path | str]) -> None:
    now = [1_000_000.0]
    log = AuditLog(store_at(tmp_path / "audit.sqlite"), retention_days=30, clock=lambda: now[0])
    log.record(AuditEntry("lama", "POST /jawab", 200, question="40 hari lalu"))
    now[0] += 20 * 86_400
    log.record(AuditEntry("sedang", "POST /jawab", 200, question="20 hari lalu"))
    now[0] += 20 * 86_400
    assert log.prune() == 1
    assert [r.entry.key_name for r in log.rows()] == ["sedang"]
    now[0] += 11 * 86_400  # an hour and more after the last pruning: the next write prunes by itself
    log.record(AuditEntry("baru", "GET /cari", 200))
    assert [r.entry.key_name for r in log.rows()] == ["baru"]
    log.close()
    keep = AuditLog(store_at(tmp_path / "semua.sqlite"), retention_days=0, clock=lambda: now[0])
    keep.record(AuditEntry("lama", "GET /cari", 200))
    now[0] += 10_000 * 86_400
    assert keep.prune() == 0 and keep.count() == 1
    keep.close()


def test_retention_applies_when_the_log_is_opened_for_export(tmp_path: Path) -> None:
    old = AuditLog(tmp_path / "data" / "audit.sqlite", clock=lambda: time.time() - 400 * 86_400)
    old.record(AuditEntry("tahun-lalu", "POST /jawab", 200))
    old.close()
    recent = AuditLog(tmp_path / "data" / "audit.sqlite")
    recent.record(AuditEntry("hari-ini", "POST /jawab", 200))
    recent.close()
    out = tmp_path / "audit.csv"
    assert main(["audit-export", "--output", str(out), "--data-dir", str(tmp_path / "data")]) == 0  # 365 days
    assert [r[2] for r in list(csv.reader(out.open(encoding="utf-8-sig")))[1:]] == ["hari-ini"]
    assert main(["audit-export", "--output", str(out), "--data-dir", str(tmp_path / "tidak-ada")]) == 2


def test_export_quotes_formulas_and_replaces_the_file_whole(tmp_path: Path,
                                                           store_at: Callable[[Path], Path | str]) -> None:
    log = AuditLog(store_at(tmp_path / "audit.sqlite"))
    log.record(AuditEntry("bkd", "GET /cari", 200, client="10.0.0.7", question="=1+2", cited=("pp-94-2021/pasal-5",)))
    log.record(AuditEntry("bkd", "POST /jawab", 200, question="PNS boleh kampanye?", verdict="bersyarat",
                          cited=("pp-94-2021/pasal-5/huruf-n/angka-1", "uu-20-2023/pasal-9/ayat-2"),
                          backend="extractive", elapsed_ms=12.34))
    out = tmp_path / "ekspor" / "audit.csv"
    out.parent.mkdir()
    out.write_text("isi lama", encoding="utf-8")
    assert log.export_csv(out) == 2
    log.close()
    with out.open(encoding="utf-8-sig", newline="") as fh:
        table = list(csv.reader(fh))
    assert table[0] == list(EXPORT_COLUMNS)
    assert table[1][2:9] == ["bkd", "10.0.0.7", "GET /cari", "200", "'=1+2", "", "pp-94-2021/pasal-5"]
    assert table[2][6:] == ["PNS boleh kampanye?", "bersyarat",
                            "pp-94-2021/pasal-5/huruf-n/angka-1; uu-20-2023/pasal-9/ayat-2", "extractive", "12.3"]
    assert [p.name for p in out.parent.iterdir()] == ["audit.csv"]  # no temporary file left behind
