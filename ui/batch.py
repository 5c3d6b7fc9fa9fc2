"""Batch answering for helpdesk queues: JSONL or CSV in, JSONL out; one bad line never stops the run.

The input is checked completely before the output is touched (it exists, is text in UTF-8 with or without BOM
or in UTF-16, is not the output itself), and the output is written to a temporary file that replaces the old one
only at the end: a run that fails never leaves an emptied or half-written file behind. Every problem with the
files is a `BatchError` with one Indonesian sentence; a problem with one line (undecodable bytes, not JSON, a
CSV field too long, no question, a question too long) is reported with its line number and the line is skipped.
"""

from __future__ import annotations

import codecs
import csv
import json
import os
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from netral.questions import QuestionRejected, clean_question, scrub
from netral.records import Answer

JSON_SUFFIXES = (".jsonl", ".ndjson", ".json")
CSV_SUFFIX = ".csv"
# The first bytes looked at to tell text from binary and UTF-16 without a BOM from UTF-8.
SNIFF_BYTES = 4096
# An `id` is copied into every output line; a longer one is cut (it is a reference, not content).
MAX_ID_CHARS = 200
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


class Answers(Protocol):
    def answer(self, question: str, history: Sequence[str] = ()) -> Answer: ...


class BatchError(Exception):
    """A queue file or output file that cannot be used; the message (Indonesian) is shown as it is."""


@dataclass(frozen=True)
class QueueFile:
    """An input file that was checked: its format, encoding and how many lines could not be decoded."""

    path: Path
    kind: str  # "csv" | "jsonl"
    encoding: str  # "utf-8" | "utf-8-sig" | "utf-16-le" | "utf-16-be"


def shown(path: Path | str) -> str:
    """A path as printable text, even when its name holds bytes that are not UTF-8."""
    return os.fsdecode(path).encode("utf-8", "backslashreplace").decode("utf-8")


def open_queue(path: Path) -> QueueFile:
    """Check that `path` is a usable queue file; BatchError otherwise."""
    suffix = path.suffix.lower()
    if suffix != CSV_SUFFIX and suffix not in JSON_SUFFIXES:
        raise BatchError(f"format berkas '{shown(suffix or path.name)}' tidak didukung; gunakan .jsonl atau .csv")
    try:
        with path.open("rb") as fh:
            head = fh.read(SNIFF_BYTES)
    except FileNotFoundError:
        raise BatchError(f"berkas masukan '{shown(path)}' tidak ditemukan") from None
    except IsADirectoryError:
        raise BatchError(f"'{shown(path)}' adalah folder, bukan berkas antrean") from None
    except OSError as exc:
        raise BatchError(f"berkas masukan '{shown(path)}' tidak dapat dibaca ({exc.strerror or exc})") from None
    queue = QueueFile(path, "csv" if suffix == CSV_SUFFIX else "jsonl", _encoding(head, path))
    if not any(text is not None and text.strip() for _k, text in decoded_lines(queue)):
        raise BatchError(f"berkas '{shown(path)}' tidak berisi baris teks UTF-8 atau UTF-16 yang dapat dibaca")
    if queue.kind == "csv":
        next(iter(_CSVRows(queue)), None)  # a header without 'question' is a BatchError now, not mid-run
    return queue


def _encoding(head: bytes, path: Path) -> str:
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    if b"\x00" not in head:
        return "utf-8"
    # UTF-16 without a BOM: text in Latin script has a zero byte in every other position.
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd > 0.4 * len(head[1::2]) and even == 0:
        return "utf-16-le"
    if even > 0.4 * len(head[0::2]) and odd == 0:
        return "utf-16-be"
    raise BatchError(f"berkas '{shown(path)}' bukan berkas teks (isinya biner); simpan sebagai CSV atau JSONL UTF-8")


def decoded_lines(queue: QueueFile) -> Iterator[tuple[int, str | None]]:
    """(line number, text) for every line; text is None for a line whose bytes do not decode."""
    if queue.encoding.startswith("utf-16"):
        yield from _utf16_lines(queue)
        return
    with queue.path.open("rb") as fh:
        for k, raw in enumerate(fh, start=1):
            if k == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8):]
            try:
                yield k, raw.decode("utf-8")
            except UnicodeDecodeError:
                yield k, None


def _utf16_lines(queue: QueueFile) -> Iterator[tuple[int, str | None]]:
    # A UTF-16 file is decoded whole (a line cannot be cut on a newline byte); an undecodable sequence becomes
    # U+FFFD, and a line holding one is reported as undecodable like a bad line of a UTF-8 file.
    text = queue.path.read_bytes().decode(queue.encoding, errors="replace")
    text = text.removeprefix("\ufeff")
    for k, line in enumerate(text.splitlines(keepends=True), start=1):
        yield k, None if "\ufffd" in line else line


def read_questions(path: Path | QueueFile, max_question_chars: int = 2000,
                   ) -> Iterator[tuple[int, dict[str, Any] | None, str]]:
    """(line number, record or None, problem) for every line of a .jsonl or .csv file."""
    queue = path if isinstance(path, QueueFile) else open_queue(path)
    lines = _JSONLines(queue) if queue.kind == "jsonl" else _CSVRows(queue)
    for k, rec, problem in lines:
        yield (k, None, problem) if rec is None else _check(k, rec, max_question_chars)


UNDECODABLE = "baris tidak dapat dibaca: byte tidak valid untuk UTF-8/UTF-16 (simpan ulang berkas sebagai UTF-8)"


class _JSONLines:
    def __init__(self, queue: QueueFile):
        self.queue = queue

    def __iter__(self) -> Iterator[tuple[int, dict[str, Any] | None, str]]:
        for k, line in decoded_lines(self.queue):
            if line is None:
                yield k, None, UNDECODABLE
                continue
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                yield k, None, f"bukan JSON yang valid ({exc.msg})"
                continue
            except (ValueError, RecursionError):  # a number of 5,000 digits; "[[[[…" nested too deep
                yield k, None, "bukan JSON yang valid (angka terlalu panjang atau bersarang terlalu dalam)"
                continue
            if not isinstance(rec, dict):
                yield k, None, "baris harus berupa objek JSON dengan kolom 'question'"
                continue
            yield k, rec, ""


class _CSVRows:
    """Rows of a CSV file as records keyed by the header; a bad row is reported and the next one read."""

    def __init__(self, queue: QueueFile):
        self.queue = queue
        self.line = 0  # the physical line the reader has reached
        self.undecodable: list[int] = []

    def _lines(self) -> Iterator[str]:
        for k, text in decoded_lines(self.queue):
            self.line = k
            if text is None:
                self.undecodable.append(k)
                continue
            yield text

    def __iter__(self) -> Iterator[tuple[int, dict[str, Any] | None, str]]:
        reader = csv.reader(self._lines())
        header: list[str] | None = None
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                yield from self._flush_undecodable()
                yield self.line, None, f"baris CSV rusak ({_csv_reason(exc)})"
                continue
            yield from self._flush_undecodable()
            if header is None:
                header = [h.strip() for h in row]
                if "question" not in header:
                    raise BatchError("baris judul CSV tidak memuat kolom 'question'")
                continue
            if not any(cell.strip() for cell in row):
                continue
            yield self.line, dict(zip(header, row, strict=False)), ""
        yield from self._flush_undecodable()

    def _flush_undecodable(self) -> Iterator[tuple[int, dict[str, Any] | None, str]]:
        for k in self.undecodable:
            yield k, None, UNDECODABLE
        self.undecodable.clear()


def _csv_reason(exc: csv.Error) -> str:
    if "field limit" in str(exc):
        return f"ada sel yang lebih panjang dari {csv.field_size_limit():,} karakter".replace(",", ".")
    return str(exc)


def _check(k: int, rec: dict[str, Any], max_question_chars: int) -> tuple[int, dict[str, Any] | None, str]:
    q = rec.get("question")
    if not isinstance(q, str) or not q.strip():
        return k, None, "kolom 'question' kosong atau tidak ada"
    try:
        rec["question"] = clean_question(q, max_question_chars)
    except QuestionRejected as exc:
        return k, None, str(exc)
    return k, rec, ""


@dataclass
class BatchItem:
    """One line of a queue: its answer, or why it was skipped."""

    line: int
    id: Any
    answer: Answer | None
    problem: str = ""


def answer_file(assistant: Answers, src: Path | QueueFile, max_question_chars: int = 2000) -> Iterator[BatchItem]:
    """Answer every usable line of `src`; a bad or failing line is reported and the rest go on."""
    for k, rec, problem in read_questions(src, max_question_chars):
        if rec is None:
            yield BatchItem(k, None, None, problem)
            continue
        try:
            ans = assistant.answer(rec["question"])
        except Exception as exc:  # one failing question must not lose the rest of the queue
            yield BatchItem(k, _clean_id(rec.get("id")), None, f"gagal dijawab: {type(exc).__name__}: {exc}")
            continue
        yield BatchItem(k, _clean_id(rec.get("id", k)), ans)


def _clean_id(value: Any) -> Any:
    """The `id` to copy into the output: a JSON scalar as it is, text without undecodable characters."""
    if value is None or isinstance(value, bool | int | float):
        return value
    return scrub(value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))[:MAX_ID_CHARS]


def check_output(dest: Path, src: Path) -> None:
    """BatchError unless the answers can be written to `dest` without touching `src`."""
    if dest.exists() and dest.is_dir():
        raise BatchError(f"keluaran '{shown(dest)}' adalah folder; sebutkan nama berkas .jsonl")
    same = dest.resolve() == src.resolve()
    if not same and dest.exists() and src.exists():
        same = os.path.samefile(dest, src)
    if same:
        raise BatchError("berkas keluaran sama dengan berkas masukan; pilih nama lain untuk --output "
                         "agar antrean tidak tertimpa")
    if dest.exists() and not os.access(dest, os.W_OK):
        raise BatchError(f"berkas keluaran '{shown(dest)}' tidak dapat ditulis (izin akses)")
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BatchError(f"folder keluaran '{shown(dest.parent)}' tidak dapat dibuat ({exc.strerror or exc})") from None
    if not os.access(dest.parent, os.W_OK | os.X_OK):
        raise BatchError(f"folder keluaran '{shown(dest.parent)}' tidak dapat ditulis (izin akses)")


def prepare_batch(src: Path, dest: Path) -> QueueFile:
    """Everything that can be checked before answering starts (and before a model is loaded)."""
    queue = open_queue(src)
    check_output(dest, src)
    return queue


def run_batch(assistant: Answers, src: Path | QueueFile, dest: Path, max_question_chars: int = 2000,
              ) -> dict[str, Any]:
    queue = src if isinstance(src, QueueFile) else prepare_batch(src, dest)
    check_output(dest, queue.path)
    answered, problems = 0, []
    try:
        fd, tmp_name = tempfile.mkstemp(dir=dest.parent, prefix=f".{dest.name}.", suffix=".tmp")
    except OSError as exc:
        raise BatchError(f"berkas sementara di '{shown(dest.parent)}' tidak dapat dibuat ({exc.strerror or exc})"
                         ) from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            for item in answer_file(assistant, queue, max_question_chars):
                if item.answer is None:
                    problems.append({"line": item.line, "reason": item.problem})
                    continue
                out.write(json.dumps({"id": item.id, **item.answer.to_json()}, ensure_ascii=False) + "\n")
                out.flush()
                answered += 1
        os.replace(tmp, dest)
    except OSError as exc:
        raise BatchError(f"berkas keluaran '{shown(dest)}' tidak dapat ditulis ({exc.strerror or exc})") from None
    finally:
        tmp.unlink(missing_ok=True)
    return {"answered": answered, "failed": len(problems), "problems": problems}
