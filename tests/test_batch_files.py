"""Finding 2: batch mode never destroys a file. The input is checked before the output is opened, the output is
replaced only when the run ends, input and output cannot be the same file, encodings are detected, an undecodable
line is skipped (not the whole file), and every problem with a file is one Indonesian line, never a traceback, in
`netral ask`, `netral search` and the web queue tab. Questions are cleaned and capped on every path."""

from __future__ import annotations

import codecs
import csv
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from netral.config import Settings
from netral.questions import QuestionRejected, clean_question
from netral.records import Answer
from ui.app import Handlers, WebDeps
from ui.batch import BatchError, prepare_batch, read_questions, run_batch
from ui.cli import main

GOOD = [f"Apakah PNS boleh ikut kampanye nomor {k}?" for k in range(6)]


class EchoAssistant:
    """Answers every question with its own text; counts the questions it was asked."""

    backend = "gema"

    def __init__(self, stop_after: int | None = None) -> None:
        self.asked: list[str] = []
        self.stop_after = stop_after

    def answer(self, question: str, history: Sequence[str] = ()) -> Answer:
        if self.stop_after is not None and len(self.asked) >= self.stop_after:
            raise KeyboardInterrupt  # the operator presses Ctrl+C half-way
        self.asked.append(question)
        return Answer(question=question, answer=f"Jawaban untuk: {question}", verdict="informasi", backend="gema")


def _jsonl(lines: Sequence[str]) -> bytes:
    return "".join(json.dumps({"id": f"Q{k}", "question": q}, ensure_ascii=False) + "\n"
                   for k, q in enumerate(lines)).encode("utf-8")


def _ask(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["ask", *args])
    out, err = capsys.readouterr()
    return code, out, err


# --- the output is never destroyed ------------------------------------------------------------------------------


def test_same_file_as_input_and_output_is_refused_and_kept(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    q = tmp_path / "q.jsonl"
    q.write_bytes(_jsonl(GOOD))
    code, out, err = _ask(["--input", str(q), "--output", str(q)], capsys)
    assert code == 2 and "sama dengan berkas masukan" in err and "Traceback" not in err
    assert q.read_bytes() == _jsonl(GOOD)
    os.link(q, tmp_path / "tautan.jsonl")  # the same file under another name
    code, _out, err = _ask(["--input", str(q), "--output", str(tmp_path / "tautan.jsonl")], capsys)
    assert code == 2 and "sama dengan berkas masukan" in err
    assert q.read_bytes() == _jsonl(GOOD)


@pytest.mark.parametrize("name,content,message", [
    ("hilang.jsonl", None, "tidak ditemukan"),
    ("catatan.txt", b"PNS boleh kampanye?\n", "tidak didukung"),
    ("biner.jsonl", bytes(range(256)) * 8, "biner"),
    ("latin1.jsonl", '{"question": "Apakah PNS boleh ikut café politik?"}\n'.encode("latin-1"), "tidak berisi baris"),
    ("kosong.csv", b"", "tidak berisi baris"),
    ("tanpa-kolom.csv", b"id,pertanyaan\n1,PNS boleh kampanye?\n", "kolom 'question'"),
])
def test_unusable_input_leaves_an_existing_output_untouched(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                            name: str, content: bytes | None, message: str) -> None:
    src = tmp_path / name
    if content is not None:
        src.write_bytes(content)
    out = tmp_path / "jawaban.jsonl"
    out.write_text('{"id": "lama", "answer": "hasil kemarin"}\n', encoding="utf-8")
    code, stdout, err = _ask(["--input", str(src), "--output", str(out)], capsys)
    assert code == 2 and message in err and err.count("\n") == 1 and err.startswith("Galat: ")
    assert out.read_text(encoding="utf-8") == '{"id": "lama", "answer": "hasil kemarin"}\n'
    assert stdout == ""


def test_input_that_is_a_folder_and_output_that_is_a_folder_or_unwritable(tmp_path: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    q = tmp_path / "q.jsonl"
    q.write_bytes(_jsonl(GOOD))
    (tmp_path / "folder.jsonl").mkdir()
    code, _out, err = _ask(["--input", str(tmp_path / "folder.jsonl"), "--output", str(tmp_path / "o.jsonl")], capsys)
    assert code == 2 and "adalah folder" in err
    code, _out, err = _ask(["--input", str(q), "--output", str(tmp_path / "folder.jsonl")], capsys)
    assert code == 2 and "adalah folder" in err
    blocker = tmp_path / "berkas-biasa"
    blocker.write_text("x")
    code, _out, err = _ask(["--input", str(q), "--output", str(blocker / "o.jsonl")], capsys)
    assert code == 2 and "tidak dapat dibuat" in err and "Traceback" not in err


def test_output_is_replaced_only_when_the_run_ends(tmp_path: Path) -> None:
    src = tmp_path / "q.jsonl"
    src.write_bytes(_jsonl(GOOD))
    out = tmp_path / "o.jsonl"
    out.write_text("hasil lama\n", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt):
        run_batch(EchoAssistant(stop_after=3), src, out)
    assert out.read_text(encoding="utf-8") == "hasil lama\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["o.jsonl", "q.jsonl"]  # no temporary file left
    summary = run_batch(EchoAssistant(), src, out)
    assert summary["answered"] == 6
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == \
        [f"Q{k}" for k in range(6)]


# --- encodings and bad lines ------------------------------------------------------------------------------------


def test_one_undecodable_line_is_skipped_not_the_file(tmp_path: Path) -> None:
    lines = _jsonl(GOOD[:3]) + b'{"id": "X", "question": "caf\xe9 politik?"}\n' + _jsonl(GOOD[3:])
    src = tmp_path / "q.jsonl"
    src.write_bytes(lines)
    assistant = EchoAssistant()
    summary = run_batch(assistant, src, tmp_path / "o.jsonl")
    assert summary["answered"] == 6 and assistant.asked == GOOD
    assert summary["problems"] == [{"line": 4, "reason": summary["problems"][0]["reason"]}]
    assert "tidak dapat dibaca" in summary["problems"][0]["reason"]


@pytest.mark.parametrize("encoding,bom", [("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
                                          ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-16-le", b""),
                                          ("utf-16-be", b"")])
@pytest.mark.parametrize("kind", ["jsonl", "csv"])
def test_encodings_are_detected(tmp_path: Path, encoding: str, bom: bytes, kind: str) -> None:
    if kind == "jsonl":
        text = _jsonl(GOOD).decode("utf-8")
    else:
        text = "id,question\r\n" + "".join(f"Q{k},\"{q}\"\r\n" for k, q in enumerate(GOOD))
    src = tmp_path / f"q.{kind}"
    src.write_bytes(bom + text.encode(encoding))
    assistant = EchoAssistant()
    summary = run_batch(assistant, src, tmp_path / "o.jsonl")
    assert summary == {"answered": 6, "failed": 0, "problems": []}
    assert assistant.asked == GOOD  # line 1 included: a BOM is not part of the first question or header


def test_latin1_file_answers_its_plain_lines_and_reports_the_others(tmp_path: Path) -> None:
    src = tmp_path / "q.csv"
    src.write_bytes("id,question\n1,PNS boleh kampanye?\n2,Apakah PNS boleh ikut café?\n3,PPPK boleh?\n"
                    .encode("latin-1"))
    assistant = EchoAssistant()
    summary = run_batch(assistant, src, tmp_path / "o.jsonl")
    assert assistant.asked == ["PNS boleh kampanye?", "PPPK boleh?"]
    assert [p["line"] for p in summary["problems"]] == [3]


def test_csv_field_over_the_csv_module_limit_is_one_bad_row(tmp_path: Path) -> None:
    src = tmp_path / "q.csv"
    huge = "x" * 200_000
    src.write_text(f'id,question\n1,{GOOD[0]}\n2,"{huge}"\n3,{GOOD[1]}\n', encoding="utf-8")
    assistant = EchoAssistant()
    summary = run_batch(assistant, src, tmp_path / "o.jsonl", max_question_chars=2000)
    assert assistant.asked == [GOOD[0], GOOD[1]]
    assert summary["failed"] == 1 and "131.072 karakter" in summary["problems"][0]["reason"]


def test_bad_lines_are_reported_with_their_number(tmp_path: Path) -> None:
    src = tmp_path / "q.jsonl"
    src.write_text("\n".join([
        json.dumps({"question": GOOD[0]}),
        "bukan json",
        "[1, 2]",
        json.dumps({"question": "  "}),
        json.dumps({"question": "x" * 3000}),
        "[" * 100_000,
        '{"question": "n", "id": ' + "9" * 5000 + "}",
        json.dumps({"question": "PNS \udcff boleh \x00 kampanye?", "id": "A\udc80"}),
    ]) + "\n", encoding="utf-8", errors="surrogatepass")
    assistant = EchoAssistant()
    out = tmp_path / "o.jsonl"
    summary = run_batch(assistant, src, out)
    reasons = {p["line"]: p["reason"] for p in summary["problems"]}
    assert set(reasons) == {2, 3, 4, 5, 6, 7}
    assert "bukan JSON" in reasons[2] and "objek JSON" in reasons[3] and "kosong" in reasons[4]
    assert "terlalu panjang" in reasons[5] and "bukan JSON" in reasons[6] and "bukan JSON" in reasons[7]
    assert assistant.asked == [GOOD[0], "PNS  boleh  kampanye?"]
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert records[1]["id"] == "A"  # undecodable characters are dropped from the id too


# --- questions: cleaned and capped on every path ---------------------------------------------------------------


def test_clean_question_drops_invalid_characters_and_caps_length() -> None:
    assert clean_question("  PNS\udcff boleh\x07 kampanye?\ufffd\ue000 ", 2000) == "PNS boleh kampanye?"
    assert clean_question("baris satu\r\nbaris dua", 2000) == "baris satu\n\nbaris dua"
    with pytest.raises(QuestionRejected, match="kosong"):
        clean_question("\udcff\x00 ", 2000)
    with pytest.raises(QuestionRejected, match=r"terlalu panjang \(2\.001 karakter; batasnya 2\.000\)"):
        clean_question("a" * 2001, 2000)
    with pytest.raises(QuestionRejected, match="terlalu panjang"):
        clean_question("a" * 10_000_000, 2000)


def test_cli_question_with_invalid_utf8_or_too_long(ingested: Any, settings: Settings,
                                                    capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    for key in ("NETRAL_DATA_DIR", "NETRAL_CORPUS_DIR", "NETRAL_EMBEDDER", "NETRAL_BACKEND"):
        monkeypatch.delenv(key, raising=False)
    common = ["--data-dir", str(settings.data_dir), "--embedder", "fake"]
    bad = os.fsdecode(b"apakah PNS boleh jadi anggota partai \xff\xfe politik?")  # what argv gives for bad bytes
    ingested.close()
    assert main(["ask", bad, "--json", "--backend", "extractive", *common]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["question"].split() == "apakah PNS boleh jadi anggota partai politik?".split()
    assert record["citations"]
    assert main(["search", bad, "--json", *common]) == 0
    assert json.loads(capsys.readouterr().out)["results"]
    assert main(["ask", "a" * 5000, "--backend", "extractive", *common]) == 2
    assert "terlalu panjang" in capsys.readouterr().err
    assert main(["search", "b" * 5000, *common]) == 2
    assert "terlalu panjang" in capsys.readouterr().err


# --- the web queue tab: the same rules -------------------------------------------------------------------------


def _handlers(tmp_path: Path) -> Handlers:
    return Handlers(WebDeps(assistant=EchoAssistant(), feedback=None, settings=Settings(),  # type: ignore[arg-type]
                            files_dir=tmp_path / "f"))


def test_web_queue_tab_skips_bad_lines_and_reads_utf16(tmp_path: Path) -> None:
    src = tmp_path / "antrean.csv"
    text = "id,question\n" + "".join(f"Q{k},{q}\n" for k, q in enumerate(GOOD))
    src.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    files, msg = _handlers(tmp_path).batch(str(src), "BKD", "Semarang")
    assert files is not None and msg.startswith("6 pertanyaan dijawab")
    src.write_bytes(text.encode("utf-8").replace(b"nomor 2", b"nomor \xff"))
    files, msg = _handlers(tmp_path).batch(str(src), "BKD", "Semarang")
    assert files is not None and msg.startswith("5 pertanyaan dijawab") and "baris 4: baris tidak dapat dibaca" in msg
    with open(next(f for f in files if f.endswith(".csv")), encoding="utf-8-sig", newline="") as fh:
        assert [r["id"] for r in csv.DictReader(fh)] == ["Q0", "Q1", "Q3", "Q4", "Q5"]


def test_web_queue_tab_refuses_binary_in_one_line(tmp_path: Path) -> None:
    src = tmp_path / "antrean.jsonl"
    src.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50)
    files, msg = _handlers(tmp_path).batch(str(src), "", "")
    assert files is None and msg.startswith("Berkas tidak dapat dibaca:") and "biner" in msg and "\n" not in msg


def test_prepare_batch_checks_everything_before_answering(tmp_path: Path) -> None:
    src = tmp_path / "q.jsonl"
    src.write_bytes(_jsonl(GOOD))
    queue = prepare_batch(src, tmp_path / "baru" / "o.jsonl")
    assert queue.encoding == "utf-8" and queue.kind == "jsonl"
    assert len(list(read_questions(queue))) == 6
    with pytest.raises(BatchError, match="sama dengan berkas masukan"):
        prepare_batch(src, tmp_path / "." / "q.jsonl")
