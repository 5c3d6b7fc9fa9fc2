"""Hybrid search on a small index built with the deterministic embedder."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from assistant.citations import article_mentions, doc_mentions
from assistant.retrieval import HybridSearcher
from assistant.understanding import asks_sanction
from corpus.registry import Registry
from ingest.index import Index
from netral.config import Settings
from tests.conftest import HashEmbedder
from ui import cli


@pytest.fixture
def searcher(ingested: Index, settings: Settings, registry: Registry) -> HybridSearcher:
    return HybridSearcher(ingested, HashEmbedder(), registry, settings)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("pasal 5 pp 94/2021", ("pp-94-2021", "5", "")),
        ("Pasal 5 huruf n angka 4 PP Nomor 94 Tahun 2021", ("pp-94-2021", "5", "huruf-n/angka-4")),
        ("apa isi pasal 9 ayat (2) UU ASN?", ("uu-20-2023", "9", "ayat-2")),
        ("UU 10/2016 pasal 7", ("uu-10-2016", "7", "")),
    ],
)
def test_article_mentions(text: str, expected: tuple[str, str, str], registry: Registry) -> None:
    m = article_mentions(text, registry)[0]
    assert (m.doc_id, m.number, m.provision) == expected


def test_doc_mentions_without_article(registry: Registry) -> None:
    assert [d.doc_id for d in doc_mentions("menurut PP 53 tahun 2010 bagaimana?", registry)] == ["pp-53-2010"]
    assert doc_mentions("boleh nggak saya datang ke kampanye?", registry) == []


def test_exact_citation_comes_first(searcher: HybridSearcher) -> None:
    res = searcher.search("pasal 5 pp 94/2021", k=3)
    assert res.hits[0].id == "pp-94-2021/pasal-5"
    assert res.hits[0].label == "Pasal 5 PP 94/2021"
    assert res.hits[0].status == "berlaku"


def test_in_force_ranked_above_repealed_for_same_content(searcher: HybridSearcher) -> None:
    # UU 5/2014 and UU 20/2023 both forbid party membership; the in-force law must come first.
    ids = [h.doc_id for h in searcher.search("pegawai ASN anggota pengurus partai politik", k=10).hits]
    assert "uu-20-2023" in ids
    if "uu-5-2014" in ids:
        assert ids.index("uu-20-2023") < ids.index("uu-5-2014")


def test_repealed_law_found_when_named(searcher: HybridSearcher) -> None:
    hits = searcher.search("pasal 87 uu 5/2014", k=3).hits
    assert hits[0].id == "uu-5-2014/pasal-87" and hits[0].status == "dicabut"


def test_materials_are_labelled(searcher: HybridSearcher) -> None:
    hits = searcher.search("surat edaran pasangan suami istri calon netralitas", k=10).hits
    materi = [h for h in hits if h.doc_id.startswith("materi/")]
    assert materi and all(h.status == "materi" and h.label.startswith("Materi sosialisasi") for h in materi)


def test_empty_query_returns_nothing(searcher: HybridSearcher) -> None:
    assert searcher.search("   ").hits == []


def test_cli_search_json(ingested: Index, settings: Settings, capsys: pytest.CaptureFixture[str],
                         monkeypatch: pytest.MonkeyPatch) -> None:
    ingested.close()
    monkeypatch.setenv("NETRAL_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("NETRAL_COLLECTION", settings.collection)
    code = cli.main(["search", "pasal 9 uu asn", "--k", "2", "--json", "--embedder", "fake"])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"query", "results", "elapsed_ms"}
    assert out["results"][0]["id"] == "uu-20-2023/pasal-9"
    assert set(out["results"][0]) == {"id", "doc_id", "label", "status", "score", "text"}


def test_cli_corpus_lists_missing(ingested: Index, settings: Settings, capsys: pytest.CaptureFixture[str],
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    ingested.close()
    monkeypatch.setenv("NETRAL_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("NETRAL_COLLECTION", settings.collection)
    assert cli.main(["corpus", "--json", "--embedder", "fake"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {d["id"] for d in out["documents"]} >= {"uu-20-2023", "pp-94-2021"}
    missing = {m["id"] for m in out["missing"]}
    assert {"skb-2-2022", "se-menpanrb-18-2023"} <= missing


def test_cli_help_has_examples(capsys: pytest.CaptureFixture[str]) -> None:
    for args in (["--help"], ["ingest", "--help"], ["corpus", "--help"], ["search", "--help"]):
        with pytest.raises(SystemExit) as exc:
            cli.main(args)
        assert exc.value.code == 0
        assert "Contoh" in capsys.readouterr().out


def test_cli_empty_index_message(tmp_path, capsys: pytest.CaptureFixture[str], monkeypatch) -> None:
    monkeypatch.setenv("NETRAL_DATA_DIR", str(tmp_path / "kosong"))
    assert cli.main(["search", "netralitas", "--embedder", "fake"]) == 2
    assert "netral ingest" in capsys.readouterr().err


@pytest.mark.parametrize("question,expected", [
    ("kalau cuma like postingan caleg kena sanksi?", False),
    ("ruang rapat dipakai sosialisasi caleg, pns yg ngatur kena pasal apa", False),
    ("Apa sanksi PNS yang menggunakan fasilitas negara saat kampanye?", True),
    ("PNS ikut kampanye pakai atribut PNS dihukum disiplin tingkat apa?", True),
    ("CPNS tercatat anggota partai politik, apa konsekuensinya?", True),
    ("kena sanksi apa kalau PNS pasang baliho caleg?", True),
    ("Apakah PNS boleh menjadi anggota partai politik?", False),
])
def test_sanction_intent_separates_whether_from_which(question: str, expected: bool) -> None:
    assert asks_sanction(question) is expected


def test_split_sanction_article_brings_the_prohibition_it_refers_to(searcher: HybridSearcher) -> None:
    """PP 94/2021 Pasal 14 is split into chunks; the one about campaign support has no "sebagaimana dimaksud"
    of its own, but the item above it refers to Pasal 5: the prohibition ranks first for a "may I" question."""
    art = searcher.index.store.article("pp-94-2021/pasal-14")
    assert art is not None
    chunk = art.text[art.text.index("4. mengadakan kegiatan"):][:300]
    assert searcher._referenced_article("pp-94-2021/pasal-14", chunk) == "5"


def test_lead_sentence_names_what_the_article_is_about(searcher: HybridSearcher) -> None:
    from ingest.lexical import tokenize

    words = set(tokenize("tingkat hukuman disiplin itu terdiri atas apa saja?"))
    assert searcher._lead_covered("pp-94-2021/pasal-8", words)  # "(1) Tingkat Hukuman Disiplin terdiri atas:"
    assert not searcher._lead_covered("pp-94-2021/pasal-14", words)  # a long lead on one sanction level


def test_dense_neighbours_are_the_exact_ones_however_the_graph_was_built(tmp_path: Path) -> None:
    """The HNSW search is wide enough to be exact on an index of this size, so the same corpus gives the same
    answers on machines that build the graph with other thread counts (Chroma's default width misses some)."""
    from ingest.store import VectorStore

    rng = np.random.default_rng(0)
    vectors = rng.standard_normal((2400, 64)).astype(np.float32)
    queries = rng.standard_normal((60, 64)).astype(np.float32)
    store = VectorStore(tmp_path / "chroma", "exact-test", search_ef=Settings().dense_search_ef)
    store.add([str(i) for i in range(len(vectors))], vectors, [{"n": i} for i in range(len(vectors))])
    cosine = (queries @ vectors.T) / np.linalg.norm(vectors, axis=1)
    for q, row in zip(queries, cosine, strict=True):
        assert [int(i) for i, _score in store.query(q, 20)] == [int(i) for i in np.argsort(-row)[:20]]


def test_equal_scores_rank_by_id_whatever_order_they_were_stored_in(tmp_path: Path) -> None:
    """A text repeated word for word (an amending law restating an article) gives equal scores: they rank the same
    on every build of the index, by id, so the answer does not depend on the order the files were read."""
    from ingest.store import VectorStore

    rng = np.random.default_rng(1)
    base = rng.standard_normal((300, 32)).astype(np.float32)
    twin = rng.standard_normal(32).astype(np.float32)
    ids = [f"doc/pasal-{i}" for i in range(300)] + ["uu-b/pasal-1", "uu-a/pasal-9", "uu-c/pasal-4"]
    vectors = np.vstack([base, twin, twin, twin])
    rankings = []
    for n, order in enumerate((range(len(ids)), reversed(range(len(ids))))):
        store = VectorStore(tmp_path / f"chroma-{n}", "ties", search_ef=Settings().dense_search_ef)
        picked = list(order)
        store.add([ids[i] for i in picked], vectors[picked], [{"n": i} for i in picked])
        rankings.append([i for i, _score in store.query(twin, 5)])
    assert rankings[0] == rankings[1]
    assert rankings[0][:3] == ["uu-a/pasal-9", "uu-b/pasal-1", "uu-c/pasal-4"]
