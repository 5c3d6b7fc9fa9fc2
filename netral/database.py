"""Where the project's tables live: an embedded SQLite file per store under the data folder (the default), or one
PostgreSQL database that every host shares (`NETRAL_DATABASE_URL`).

The stores (articles, feedback, audit) speak SQLAlchemy Core to both, so there is one code path. A store names
its location: a `Path` is its SQLite file, a string is the database URL. SQLite engines keep what the project's
files always had (WAL, the store's `synchronous` level, transactions begun by us, not by the driver); the
PostgreSQL engine of a URL is shared by every store of the process, so a web worker holds one small pool.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import URL, Engine, MetaData, Table, create_engine, event, inspect, make_url, text
from sqlalchemy.engine import Connection
from sqlalchemy.pool import NullPool

Location = Path | str
WRITE_OPTION = "netral_write"
Synchronous = Literal["NORMAL", "FULL"]

# Two processes creating the same tables at once in PostgreSQL can collide in its catalogue; the creation is
# serialised on this transaction-level advisory lock (the ingest lock uses another key, ingest/lock.py).
SCHEMA_LOCK_KEY = 0x6E74_7363  # "ntsc"

_shared: dict[tuple[str, bool], Engine] = {}
_shared_lock = threading.Lock()


class DatabaseUrlError(ValueError):
    """NETRAL_DATABASE_URL names something other than a PostgreSQL database."""


def postgres_url(raw: str) -> URL:
    """`postgresql://user:pw@host:port/db` (or `postgres://`, or with an explicit `+psycopg`) as the URL of the
    psycopg 3 driver; anything else is refused with a message saying what is expected."""
    try:
        url = make_url(raw.strip())
    except Exception as exc:  # the URL's own text is not repeated: it may hold a password
        raise DatabaseUrlError("NETRAL_DATABASE_URL bukan URL basis data yang sah "
                               "(contoh: postgresql://netral:sandi@10.0.0.5:5432/netral)") from exc
    backend, _, driver = url.drivername.partition("+")
    if backend not in ("postgresql", "postgres") or driver not in ("", "psycopg"):
        raise DatabaseUrlError("NETRAL_DATABASE_URL harus berupa URL PostgreSQL "
                               "(postgresql://pengguna:sandi@host:5432/nama_basis_data)")
    return url.set(drivername="postgresql+psycopg")


def engine_for(location: Location, synchronous: Synchronous = "NORMAL", reads: bool = False) -> Engine:
    """The engine of a store: a new one over a SQLite file (the store disposes of it when it closes), or the
    process' shared engine of a PostgreSQL URL (never disposed by a store). With `reads`, PostgreSQL's engine
    for reads: its connections are in autocommit, so a lookup is one round trip, without BEGIN and ROLLBACK.
    (Its own pool: switching a pooled connection to autocommit and back on every checkout cost more than the
    query, bench/bench_store.py.)"""
    if isinstance(location, Path):
        return sqlite_engine(location, synchronous)
    with _shared_lock:
        engine = _shared.get((location, reads))
        if engine is None:
            # No pre-ping: it costs a round trip on every checkout, and a store reads on every request (bench/
            # bench_store.py). A connection the server dropped fails one request, after which SQLAlchemy has
            # replaced the whole pool; recycling keeps idle connections younger than server or firewall timeouts.
            engine = create_engine(postgres_url(location), pool_size=5, max_overflow=10, pool_recycle=1800,
                                   isolation_level="AUTOCOMMIT" if reads else "READ COMMITTED")
            _shared[(location, reads)] = engine
        return engine


def sqlite_engine(path: Path, synchronous: Synchronous = "NORMAL") -> Engine:
    """`FULL` makes every committed transaction durable across a power cut, not only a process crash."""
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(URL.create("sqlite", database=str(path)), connect_args={"check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        # The driver's own implicit transactions are turned off; SQLAlchemy begins ours (below).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA synchronous={synchronous}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        # Only writes open a transaction, and take the write lock at once (no deadlocked upgrade from a read
        # lock); a read is one statement in autocommit, as the files were always read, with no BEGIN/ROLLBACK.
        if conn.get_execution_options().get(WRITE_OPTION):
            conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def dedicated_connection(url: str) -> tuple[Engine, Connection]:
    """A connection of its own, outside every pool, in autocommit: for a session-level lock that must live
    exactly as long as this connection (the server releases it when the session ends, even if we are killed)."""
    engine = create_engine(postgres_url(url), poolclass=NullPool)
    return engine, engine.connect().execution_options(isolation_level="AUTOCOMMIT")


def create_tables(engine: Engine, metadata: MetaData) -> None:
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": SCHEMA_LOCK_KEY})
        metadata.create_all(conn)


def add_missing_columns(engine: Engine, table: Table, names: tuple[str, ...]) -> None:
    """Columns a later version added to `table`: an older file or database gets them with ALTER TABLE (under the
    schema lock on PostgreSQL, so hosts starting together add them once). Each such column is nullable or has a
    server default, so the rows already there stay valid."""
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": SCHEMA_LOCK_KEY})
        present = {col["name"] for col in inspect(conn).get_columns(table.name)}
        for name in names:
            if name in present:
                continue
            col = table.c[name]
            ddl = f"{name} {col.type.compile(dialect=conn.dialect)}"
            if col.server_default is not None:
                ddl += f" NOT NULL DEFAULT '{col.server_default.arg}'"  # type: ignore[attr-defined]
            conn.execute(text(f"ALTER TABLE {table.name} ADD COLUMN {ddl}"))


def release(engine: Engine) -> None:
    """What a store does with its engine when it closes: a SQLite file's is disposed, a shared one kept."""
    if engine.dialect.name == "sqlite":
        engine.dispose()


class StoreClosed(RuntimeError):
    """The store was closed; a caller that still holds it gets this instead of a new connection."""


class Tables:
    """A store's engine and the checks every method makes: one place for `closed` and connection handling."""

    def __init__(self, location: Location, metadata: MetaData, synchronous: Synchronous = "NORMAL"):
        self.location = location
        self.engine = engine_for(location, synchronous)
        self._reader = self.engine if isinstance(location, Path) else engine_for(location, reads=True)
        self._closed = False
        create_tables(self.engine, metadata)

    def read(self) -> Connection:
        """A connection for reads (`with tables.read() as c:`), each statement on its own."""
        if self._closed:
            raise StoreClosed("the store is closed")
        return self._reader.connect()

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A transaction for writes (`with tables.write() as c:`), committed at the end of the block, rolled back
        if it raises."""
        if self._closed:
            raise StoreClosed("the store is closed")
        with self.engine.connect() as conn:
            conn.execution_options(**{WRITE_OPTION: True})
            with conn.begin():
                yield conn

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            release(self.engine)
