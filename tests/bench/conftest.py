"""``make bench``: shared fixtures, the results table and bench-results.json.

Every benchmark records its figures through the ``bench`` fixture; at the end of the run one table
is printed (metric, value, baseline, ratio, target, ok) and the figures are written to
bench-results.json (git-ignored) with the machine they were measured on. Ratios compare against a
baseline measured in the same run, the two alternating, median of several runs: the machine is
shared and noisy, so lone absolute times mean little. A benchmark fails when its target is missed,
after its figures are recorded."""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.api.schema import Task
from tests.bench.stores import copy_store, stored_tasks

__all__ = ["copy_store", "stored_tasks"]

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "bench-results.json"
LARGE = 100_000
STATUSES = ["open", "matching", "prototyping", "review", "delivering", "completed", "expired", "cancelled"]


def make_tasks(n: int, *, start: int = 0) -> list[Task]:
    base = datetime(2024, 1, 1, tzinfo=UTC)  # as tests/bench/stores.py
    return [
        Task(
            id=str(uuid.UUID(int=i + 1)),
            status=STATUSES[i % 8],
            title=f"Task number {i}",
            description=f"brief {i}",
            category="data",
            task_type="data-analysis",
            budget_usd=3 + (i * 37) % 297,
            created_at=base + timedelta(minutes=i),
            expires_at=base + timedelta(minutes=i + 600),
        )
        for i in range(start, start + n)
    ]


def median(values: list[float]) -> float:
    return statistics.median(values)


def paired_ratio(ours: list[float], baseline: list[float]) -> float:
    """The median of the runs' ratios, each run of ours against the baseline run beside it in
    time (:func:`alternate` makes them neighbours): a slow spell of a shared machine then
    weighs on both sides of a ratio instead of on one median. (On this machine, four repeats
    of the start-up bench gave 1.39–1.41 this way and 1.38–1.48 as a ratio of medians.)"""
    return statistics.median(a / b for a, b in zip(ours, baseline, strict=True))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def alternate(runs: int, ours: Callable[[], float], baseline: Callable[[], float]) -> tuple[list[float], list[float]]:
    """Run the two in turn (ours, baseline, baseline, ours, …) so that drifting load hits both alike."""
    mine: list[float] = []
    theirs: list[float] = []
    for n in range(runs):
        pair = [(mine, ours), (theirs, baseline)]
        for bucket, action in pair if n % 2 == 0 else reversed(pair):
            bucket.append(action())
    return mine, theirs


@dataclass
class Row:
    key: str
    value: float
    unit: str
    target: float
    baseline: float | None = None
    ratio: float | None = None
    note: str = ""

    @property
    def measured(self) -> float:
        """What the target applies to: the ratio for a ``…_ratio`` key, else the value."""
        return self.ratio if self.ratio is not None and self.key.endswith("_ratio") else self.value

    @property
    def ok(self) -> bool:
        return self.measured <= self.target

    @property
    def sub(self) -> bool:
        """A sub-measure: recorded for the record, no target of its own."""
        return self.target == float("inf")


@dataclass
class Bench:
    rows: dict[str, Row] = field(default_factory=dict)
    details: dict[str, dict[str, object]] = field(default_factory=dict)

    def record(
        self,
        key: str,
        value: float,
        unit: str,
        target: float,
        *,
        baseline: float | None = None,
        ratio: float | None = None,
        note: str = "",
        **details: object,
    ) -> Row:
        row = Row(key, value, unit, target, baseline, ratio, note)
        self.rows[key] = row
        if details:
            self.details[key] = details
        return row

    def sub(self, key: str, value: float, unit: str, *, note: str = "", **details: object) -> Row:
        """A sub-measure (the older, narrower figure beside a key's): printed and saved, no target."""
        row = self.record(key, value, unit, float("inf"), note=note)
        if details:
            self.details[key] = details
        return row

    def check(self, *keys: str) -> None:
        missed = [
            f"{k} = {self.rows[k].measured:.3g} (target ≤ {self.rows[k].target:g})" for k in keys if not self.rows[k].ok
        ]
        assert not missed, "missed: " + "; ".join(missed)


_BENCH = Bench()
_STARTED = time.time()


@pytest.fixture(scope="session")
def bench() -> Bench:
    return _BENCH


def machine() -> dict[str, object]:
    cpu = ""
    try:
        cpu = next(
            (
                line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")
            ),
            "",
        )
    except OSError:
        pass
    memory = 0.0
    try:
        kib = next(
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal:")
        )
        memory = round(kib / 1024 / 1024, 1)
    except (OSError, StopIteration):
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu or platform.processor(),
        "ram_gib": memory,
        "load_1min_at_end": load,
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def _fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "—"
    text = f"{value:.3g}" if abs(value) < 1000 else f"{value:,.0f}"
    return f"{text} {unit}".strip()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not _BENCH.rows:
        return
    info = machine()
    header = ("metric", "value", "baseline", "ratio", "target", "ok")
    lines = [
        (
            r.key,
            _fmt(r.value, r.unit),
            _fmt(r.baseline, r.unit),
            _fmt(r.ratio),
            "—" if r.sub else f"≤ {r.target:g}" + ("" if r.key.endswith("_ratio") else f" {r.unit}"),
            "yes" if r.ok else "NO",
        )
        for r in _BENCH.rows.values()
    ]
    widths = [max(len(str(x)) for x in column) for column in zip(header, *lines, strict=True)]
    write = terminalreporter.write_line
    write("")
    write(
        f"Benchmarks on {info['nproc']} cores, {info['cpu']}, {info['ram_gib']} GiB RAM "
        f"(load {info['load_1min_at_end']:.1f})"
    )
    for line in [header, tuple("-" * w for w in widths), *lines]:
        write("  ".join(str(cell).ljust(w) for cell, w in zip(line, widths, strict=True)))
    # Other benchmarks (tests/bench/test_review_bench.py) write their figures to the file as they
    # go: what this run wrote is kept, and this table's keys are added.
    data: dict[str, object] = {}
    if RESULTS.exists() and RESULTS.stat().st_mtime >= _STARTED:
        data = json.loads(RESULTS.read_text())
    data.update({r.key: round(r.measured, 4) for r in _BENCH.rows.values()})
    data["details"] = {
        r.key: {
            "value": r.value,
            "unit": r.unit,
            "baseline": r.baseline,
            "ratio": r.ratio,
            "target": None if r.sub else r.target,
            "ok": r.ok,
            "note": r.note,
            **_BENCH.details.get(r.key, {}),
        }
        for r in _BENCH.rows.values()
    }
    data["machine"] = info
    data["measured_at"] = datetime.now(UTC).isoformat(timespec="seconds")
    RESULTS.write_text(json.dumps(data, indent=2, default=str) + "\n")
    write(f"written to {RESULTS.name}")


# --- shared fixtures ------------------------------------------------------------------------
@pytest.fixture(scope="session")
def store_100k() -> Path:
    """A store file with 100,000 tasks (tests/bench/stores.py: made once, kept between runs);
    copy it with :func:`copy_store` to use it."""
    return stored_tasks(LARGE)


def subprocess_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1", **extra)
    env.pop("AITASKER_API_KEY", None)
    return env


def time_to_line(command: list[str], marker: str, env: dict[str, str], timeout: float = 60.0) -> tuple[float, str]:
    """Seconds from starting a process to its first stdout line starting with ``marker``. The
    process is told when it was started (``AITASKER_BENCH_T0``, for tests/bench/hooks.py)."""
    env = {**env, "AITASKER_BENCH_T0": repr(time.time())}
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, cwd=ROOT, text=True)
    try:
        assert process.stdout is not None
        deadline = start + timeout
        for line in process.stdout:
            if line.startswith(marker):
                return time.perf_counter() - start, line.strip()
            if time.perf_counter() > deadline:
                break
        raise AssertionError(f"{command} ended without printing {marker!r} within {timeout:g} s")
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def sandbox_process() -> Iterator[str]:
    """A sandbox in another process (its own GIL, as the real server would be); yields its URL."""
    from tests.conftest import free_port

    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "app.sandbox",
            "--port",
            str(port),
            "--create-limit",
            "100000",
            "--read-limit",
            "1000000",
            "--speed",
            "1",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=subprocess_env(),
        cwd=ROOT,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert "listening" in line, line
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def pairs(line: str) -> dict[str, float]:
    """The ``key=value`` numbers of a measuring point's line (tests/bench/hooks.py ``ready``)."""
    return {k: float(v) for k, v in (part.split("=", 1) for part in line.split()[1:])}


def fit_exponent(sizes: Sequence[float], values: Sequence[float]) -> float:
    """The exponent b of values ≈ a·sizesᵇ (least squares on the logarithms): 1 is linear, 0 flat."""
    import math

    xs, ys = [math.log(x) for x in sizes], [math.log(max(y, 1e-9)) for y in values]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def slope(sizes: Sequence[float], values: Sequence[float]) -> float:
    """The slope of the least-squares line through (size, value)."""
    mx, my = sum(sizes) / len(sizes), sum(values) / len(values)
    return sum((x - mx) * (y - my) for x, y in zip(sizes, values, strict=True)) / sum((x - mx) ** 2 for x in sizes)
