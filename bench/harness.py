"""What every benchmark script shares: paths, the benchmark questions, percentiles, loopback ports, sizes."""

from __future__ import annotations

import socket
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
# The scripts run as `python bench/<script>.py`; the project's packages are imported from the checkout.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def queries() -> list[str]:
    """The 50 varied benchmark questions (bench/queries.txt)."""
    return [q for q in (ROOT / "bench" / "queries.txt").read_text(encoding="utf-8").splitlines() if q.strip()]


def pct(values: list[float], q: float, digits: int = 1) -> float:
    """Nearest-rank percentile, rounded; NaN for no values."""
    if not values:
        return float("nan")
    s = sorted(values)
    return round(s[max(0, min(len(s) - 1, round(q / 100 * (len(s) - 1))))], digits)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def http_ok(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2):
            return True
    except OSError:
        return False


def listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        return True
    except OSError:
        return False


def wait_until(ready: Callable[[], bool], timeout: float) -> bool:
    """Poll `ready()` every half second until it is true or `timeout` seconds have passed."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if ready():
            return True
        time.sleep(0.5)
    return False


def dir_mb(path: Path) -> float:
    """Size of every file below `path`, in MB."""
    return round(sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20, 1)


def postgres_bin() -> Path:
    """Debian keeps PostgreSQL's server programs in /usr/lib/postgresql/<version>/bin (`make postgres`)."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name))
    if not found:
        raise SystemExit("PostgreSQL not installed: run `make postgres`")
    return found[-1].parent


@contextmanager
def throwaway_postgres() -> Iterator[Callable[[str], str]]:
    """A PostgreSQL server on a loopback port for one benchmark run (run as the `postgres` user when we are root,
    as initdb requires); yields a function that creates a database and returns its URL."""
    import os
    import shutil
    import subprocess
    import tempfile

    import psycopg

    bin_dir, base, port = postgres_bin(), Path(tempfile.mkdtemp(prefix="netral-pg-")), free_port()
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if prefix:
        shutil.chown(base, "postgres", "postgres")
    data = base / "data"
    subprocess.run([*prefix, str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8"],
                   check=True, capture_output=True)
    subprocess.run([*prefix, str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(base / "log"), "-w", "-o",
                    f"-p {port} -k {base} -c listen_addresses=127.0.0.1", "start"], check=True, capture_output=True)

    def new_database(name: str) -> str:
        with psycopg.connect(f"postgresql://postgres@127.0.0.1:{port}/postgres", autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return f"postgresql://postgres@127.0.0.1:{port}/{name}"

    try:
        yield new_database
    finally:
        subprocess.run([*prefix, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
                       capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) used so far by process `pid` and every process below it, from /proc: the
    load benchmark runs its clients on the same cores as the server and reports how the CPU was shared."""
    import os

    tick = os.sysconf("SC_CLK_TCK")
    children: dict[int, list[int]] = {}
    used: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended meanwhile
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))  # fields[1]: parent pid
        used[int(entry.name)] = (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    total, todo = 0.0, [pid]
    while todo:
        p = todo.pop()
        total += used.get(p, 0.0)
        todo.extend(children.get(p, []))
    return round(total, 2)


def machine_cpu_seconds() -> float:
    """CPU time used by everything on the machine so far (all cores, /proc/stat, idle and iowait excluded)."""
    import os

    fields = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    return (sum(fields[:8]) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")
