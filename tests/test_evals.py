"""The gold set is valid against the real corpus; the evaluation runs, survives crashes, reports, checks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.answering import Assistant
from assistant.retrieval import HybridSearcher
from corpus.registry import Registry
from evals.gold import GoldItem, load_gold, split_path, unknown_ids, validate
from evals.metrics import CorpusFacts, ItemResult, article_of, citation_scores, retrieval_scores, score_item
from evals.report import check, write_report
from evals.runner import run_items
from ingest.index import Index
from netral.config import Settings
from netral.records import Answer, Citation
from tests.conftest import HashEmbedder
from ui import cli

# Articles the gold sets' writers read in the corpus text but the parser loses to OCR damage (missing or
# merged headings, see `netral corpus --json`): they are scored as missed until the parser recovers them.
LOST_BY_PARSER = {"uu-7-2017/pasal-198", "uu-7-2017/pasal-199"}


def _valid_split(split: str, settings: Settings) -> list[GoldItem]:
    """The split's items, after checking every line and that its unknown article ids are only those lost."""
    path = split_path(split)
    assert validate(path, None) == []
    index = Index.open(settings)
    unknown = {ref for _item, ref in unknown_ids(path, index.store.article_ids())}
    index.close()
    assert unknown <= LOST_BY_PARSER
    return load_gold(path)


def test_dev_split_is_valid(full_fake_index: Settings) -> None:
    items = _valid_split("dev", full_fake_index)
    assert len(items) >= 200
    assert sum(i.out_of_scope for i in items) >= 10
    assert sum(i.category == "injeksi" for i in items) >= 3
    assert len({i.category for i in items}) >= 12


def test_test_split_is_valid(full_fake_index: Settings) -> None:
    items = _valid_split("test", full_fake_index)
    assert len(items) >= 120 and len({i.id for i in items}) == len(items)
    assert sum(i.out_of_scope for i in items) >= 8 and sum(i.category == "injeksi" for i in items) >= 5
    assert sum(i.verdict == "bersyarat" for i in items) >= 15 and sum(i.verdict == "boleh" for i in items) >= 5
    assert all(i.condition for i in items if i.verdict == "bersyarat")


def test_validator_reports_problems(tmp_path: Path) -> None:
    bad = tmp_path / "g.jsonl"
    bad.write_text('{"id": "x"}\n{"id": "y", "user_input": "q", "reference": "r", '
                   '"reference_context_ids": ["uu-99-2099/pasal-1"], "verdict": "mungkin", "category": "asas"}\n'
                   "bukan json\n", encoding="utf-8")
    problems = validate(bad, {"uu-20-2023/pasal-2"})
    assert any("missing" in p for p in problems)
    assert any("not in the index" in p for p in problems)
    assert any("unknown verdict" in p for p in problems)
    assert any("not JSON" in p for p in problems)


def test_a_history_written_as_chat_turns_keeps_the_askers_messages(tmp_path: Path) -> None:
    gold = tmp_path / "g.jsonl"
    item = {"id": "h1", "user_input": "kalau cuma nonton?", "reference": "r", "reference_context_ids": [],
            "verdict": "informasi", "category": "asas",
            "history": [{"role": "user", "content": "boleh ikut kampanye?"},
                        {"role": "assistant", "content": "Tidak boleh."}, "terus kalau PPPK?"]}
    gold.write_text(json.dumps(item) + "\n", encoding="utf-8")
    assert load_gold(gold)[0].history == ("boleh ikut kampanye?", "terus kalau PPPK?")


def test_metric_functions() -> None:
    assert article_of("pp-94-2021/pasal-5/huruf-n/angka-1") == "pp-94-2021/pasal-5"
    assert article_of("uu-1-2015/penetapan/pasal-1") == "uu-1-2015/penetapan/pasal-1"
    r = retrieval_scores(["a", "b", "c"], ["c"])
    assert r["hit@1"] == 0.0 and r["hit@3"] == 1.0 and abs(r["mrr"] - 1 / 3) < 1e-9
    c = citation_scores(["a", "c"], ["c", "d"])
    assert c == {"citation_hit": 1.0, "citation_precision": 0.5, "citation_recall": 0.5}


def test_an_amended_article_and_its_amendment_are_one_basis() -> None:
    """A reference written as "Pasal 117 UU 7/2017" is met by the text in force that Perppu 1/2022 put in its place,
    and the other way round; an unrelated article of the amending act is not."""
    old, new = "uu-7-2017/pasal-117", "perppu-1-2022/pasal-117"
    corpus = CorpusFacts({new: "(1) Syarat … j. mengundurkan diri", old: "lama"}, {"perppu-1-2022": "berlaku"},
                         {new: old, "perppu-1-2022/pasal-276": "uu-7-2017/pasal-276"})

    def scored(reference: str, cited: str) -> dict[str, float]:
        item = GoldItem("x", "q", "r", (reference,), "bersyarat", "c")
        citation = Citation(f"{cited}/ayat-1/huruf-j", cited.split("/")[0], "Pasal 117", "berlaku",
                            "mengundurkan diri")
        answer = Answer("q", "a", "bersyarat", [citation], retrieved=[cited])
        return score_item(ItemResult(item, answer), corpus)

    assert scored(old, new)["citation_hit"] == 1.0 and scored(old, new)["hit@1"] == 1.0
    assert scored(new, old)["citation_hit"] == 1.0
    assert scored("uu-7-2017/pasal-276", new)["citation_hit"] == 0.0
    assert scored(old, new)["citation_valid"] == 1.0


class _Flaky:
    """An assistant that crashes on one question."""

    def __init__(self, inner: Assistant):
        self.inner = inner

    def answer(self, question: str, history=()):  # noqa: ANN001
        if "paspor" in question:
            raise RuntimeError("boom")
        return self.inner.answer(question, history)


def test_run_report_compare_and_check(full_fake_index: Settings, tmp_path: Path) -> None:
    index = Index.open(full_fake_index)
    registry = Registry.load()
    assistant = Assistant(HybridSearcher(index, HashEmbedder(), registry, full_fake_index), registry,
                          full_fake_index)
    dev = load_gold(split_path("dev"))
    items = [i for i in dev if i.id in ("g001", "g007", "g085", "g090", "g099")]
    items += [i for i in dev if "paspor" in i.user_input][:1]  # the one question the flaky assistant crashes on
    corpus = CorpusFacts(index.store.article_texts(), {d["doc_id"]: d["info"].status for d in index.store.documents()})
    results = run_items(_Flaky(assistant), items, corpus)
    index.close()
    crashed = [r for r in results if r.answer is None]
    assert len(crashed) == 1 and "boom" in crashed[0].error
    assert all(r.scores.get("citation_valid", 1.0) == 1.0 for r in results if r.answer)
    data = write_report(tmp_path / "a", results, {"backend": "extractive", "started": "now", "gold": "test"})
    assert (tmp_path / "a" / "report.html").read_text(encoding="utf-8").count("<table>") == 3
    assert "Per kategori" in (tmp_path / "a" / "report.md").read_text(encoding="utf-8")
    assert data["summary"]["crashed"] == 1
    again = write_report(tmp_path / "b", results, {"backend": "x", "started": "now", "gold": "t"}, compare=data)
    assert "Δ" in (tmp_path / "b" / "report.md").read_text(encoding="utf-8")
    assert again["summary"]["items"] == len(items)
    strict = tmp_path / "t.toml"
    strict.write_text('crashed = {max = 0}\n"hit@5" = {min = 0.0}\n', encoding="utf-8")
    assert check(data["summary"], strict) == ["crashed = 1 > 0"]


def test_cli_eval_end_to_end(full_fake_index: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("NETRAL_DATA_DIR", str(full_fake_index.data_dir))
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(split_path("dev").read_text(encoding="utf-8").splitlines()[:6]) + "\n",
                    encoding="utf-8")
    loose = tmp_path / "t.toml"
    loose.write_text('crashed = {max = 0}\ncitation_validity = {min = 1.0}\n', encoding="utf-8")
    code = cli.main(["eval", "--embedder", "fake", "--gold", str(gold), "--out", str(tmp_path / "r"), "--check",
                     "--thresholds", str(loose)])
    assert code == 0, capsys.readouterr().err
    assert json.loads((tmp_path / "r" / "metrics.json").read_text())["summary"]["items"] == 6


def test_results_are_item_results() -> None:
    assert ItemResult.__dataclass_fields__["scores"]


def test_compare_takes_a_report_folder_and_refuses_a_missing_one(full_fake_index: Settings, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("NETRAL_DATA_DIR", str(full_fake_index.data_dir))
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(split_path("dev").read_text(encoding="utf-8").splitlines()[:3]) + "\n",
                    encoding="utf-8")
    common = ["eval", "--embedder", "fake", "--gold", str(gold)]
    assert cli.main([*common, "--out", str(tmp_path / "a")]) == 0
    assert cli.main([*common, "--out", str(tmp_path / "b"), "--compare", str(tmp_path / "a")]) == 0
    assert "Δ" in (tmp_path / "b" / "report.md").read_text(encoding="utf-8")
    capsys.readouterr()
    assert cli.main([*common, "--out", str(tmp_path / "c"), "--compare", str(tmp_path / "nope")]) == 2
    assert "tidak ditemukan" in capsys.readouterr().err
    assert not (tmp_path / "c").exists()  # refused before the run
