"""Start-up in real processes: to the first picture, and to *ready*.

``startup_ratio``: ``python -m ui --demo`` (``make run``'s path) to its first paint, against a bare
PySide6 script with a comparable form and an empty table (tests/bench/bare_window.py).
``startup_100k_ratio``: the same app with 100,000 stored tasks against an empty store. Each process
exits at its first paint (``AITASKER_BENCH_EXIT_AT=painted``, tests/bench/hooks.py).

``ready_ratio``: process start until the window is ready (every stored task's row in the table,
the session and controllers attached, the form's title field enabled and focused, the practice
server answered: ``AITASKER_BENCH_EXIT_AT=ready``), demo mode in a fresh folder each time, against
the bare window's first paint. ``ready_100k_ratio``: ready with 100,000 stored tasks against ready
with none. The 100,000-task runs also give ``table_load_100k_s`` (first picture to every row in the
table, through the app's real start-up: the newest 500 before the picture, the rest in slices),
``background_load_max_stall_ms`` (the GUI loop's worst lateness, 5 ms timer, while they load) and
``rss_100k_mb`` (resident memory once ready; the empty store's for scale).

The two sides alternate, and each ratio is the median of the ratios of neighbouring runs
(tests/bench/conftest.py ``paired_ratio``; the ratio of the medians is kept beside it)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from tests.bench.conftest import (
    Bench,
    alternate,
    copy_store,
    median,
    paired_ratio,
    pairs,
    subprocess_env,
    time_to_line,
)
from tests.bench.hooks import environment

pytestmark = pytest.mark.bench
RUNS = 15
READY_RUNS = 7
ENV = subprocess_env(**environment("painted"))
READY_ENV = subprocess_env(**environment("ready"))


def app_start(data_dir: Path) -> float:
    return time_to_line([sys.executable, "-m", "ui", "--demo", "--data-dir", str(data_dir)], "painted", ENV)[0]


def bare_start() -> float:
    return time_to_line([sys.executable, str(Path(__file__).with_name("bare_window.py"))], "painted", ENV)[0]


def bare_connected(url: str) -> float:
    """The bare window's first picture, then the least connecting on this stack costs (see
    tests/bench/bare_window.py, ``BARE_CONNECT_URL``)."""
    env = {**ENV, "BARE_CONNECT_URL": url}
    return time_to_line([sys.executable, str(Path(__file__).with_name("bare_window.py"))], "painted", env)[0]


def app_ready(data_dir: Path, timeout: float = 120.0) -> dict[str, float]:
    """One demo start to ready: the measuring point's figures (seconds since start, stalls, rss)."""
    command = [sys.executable, "-m", "ui", "--demo", "--data-dir", str(data_dir)]
    return pairs(time_to_line(command, "ready", READY_ENV, timeout=timeout)[1])


def record_starts(bench: Bench, key: str, target: float, ours: list[float], baseline: list[float]) -> None:
    """Start times (seconds) of ours against the baseline, neighbours in time, as one row."""
    bench.record(
        key,
        median(ours) * 1000,
        "ms",
        target,
        baseline=median(baseline) * 1000,
        ratio=paired_ratio(ours, baseline),
        ratio_of_medians=round(median(ours) / median(baseline), 3),
        runs_ms=[round(x * 1000) for x in ours],
        baseline_runs_ms=[round(x * 1000) for x in baseline],
    )


def test_startup_against_a_bare_pyside6_window(bench: Bench, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    app_start(empty)  # the first run makes the data folder and the store (not what is measured)
    bare_start()  # and warms the file cache for both
    ours, bare = alternate(RUNS, lambda: app_start(empty), bare_start)
    record_starts(bench, "startup_ratio", 1.2, ours, bare)
    bench.check("startup_ratio")


def test_startup_with_100k_tasks_against_an_empty_store(bench: Bench, tmp_path: Path, store_100k: Path) -> None:
    empty, full = tmp_path / "empty", tmp_path / "full"
    app_start(empty)

    def start_full() -> float:
        copy_store(store_100k, full / "demo")  # as a clean close left it (each run exits at its picture)
        return app_start(full)

    start_full()  # warms the file cache
    ours, base = alternate(RUNS, start_full, lambda: app_start(empty))
    record_starts(bench, "startup_100k_ratio", 1.05, ours, base)
    shutil.rmtree(full, ignore_errors=True)
    bench.check("startup_100k_ratio")


def test_ready_against_the_bare_window(bench: Bench, tmp_path: Path, sandbox_process: str) -> None:
    """Demo mode in a fresh folder (nothing stored, the practice server started at launch) until it
    is ready, against the bare window's first paint. Beside it, ``ready_floor_ratio``: the bare
    window that then imports what connecting on this stack needs (asyncio, qasync, httpx)
    and asks a server already listening one question, against the same first paint: the least
    ready could cost, whatever the app does (no target; it says how much of ready_ratio is ours)."""
    runs: list[dict[str, float]] = []

    def fresh() -> float:
        folder = tmp_path / f"fresh{len(runs)}"
        runs.append(app_ready(folder))
        shutil.rmtree(folder, ignore_errors=True)
        return runs[-1]["ready"]

    fresh()
    bare_start()  # the caches warm
    runs.clear()
    floor: list[float] = []

    def bare_then_floor() -> float:
        floor.append(bare_connected(sandbox_process))
        return bare_start()

    ours, bare = alternate(READY_RUNS, fresh, bare_then_floor)
    bench.record(
        "ready_floor_ratio",
        median(floor) * 1000,
        "ms",
        float("inf"),  # no target: a floor
        baseline=median(bare) * 1000,
        ratio=paired_ratio(floor, bare),
        note="bare window, then import asyncio, qasync, httpx and one GET: the least ready costs",
        runs_ms=[round(x * 1000) for x in floor],
    )
    bench.record(
        "ready_ratio",
        median(ours) * 1000,
        "ms",
        1.8,
        baseline=median(bare) * 1000,
        ratio=paired_ratio(ours, bare),
        note="demo, fresh folder: ready against the bare window's first paint",
        ratio_of_medians=round(median(ours) / median(bare), 3),
        runs_ms=[round(x * 1000) for x in ours],
        baseline_runs_ms=[round(x * 1000) for x in bare],
        paint_ms=[round(r["paint"] * 1000) for r in runs],
        online_ms=[round(r["online"] * 1000) for r in runs],
    )
    bench.check("ready_ratio")


def test_ready_with_100k_tasks(bench: Bench, tmp_path: Path, store_100k: Path) -> None:
    empty, full = tmp_path / "empty", tmp_path / "full"
    big: list[dict[str, float]] = []
    small: list[dict[str, float]] = []

    def ready_full() -> float:
        copy_store(store_100k, full / "demo")  # as a clean close left it (each run exits once ready)
        big.append(app_ready(full))
        return big[-1]["ready"]

    def ready_empty() -> float:
        small.append(app_ready(empty))
        return small[-1]["ready"]

    ready_empty()
    ready_full()  # warms the file cache
    big.clear()
    small.clear()
    ours, base = alternate(5, ready_full, ready_empty)
    shutil.rmtree(full, ignore_errors=True)
    bench.record(
        "ready_100k_ratio",
        median(ours) * 1000,
        "ms",
        1.5,
        baseline=median(base) * 1000,
        ratio=paired_ratio(ours, base),
        note="demo: ready with 100,000 stored tasks against ready with none",
        runs_ms=[round(x * 1000) for x in ours],
        baseline_runs_ms=[round(x * 1000) for x in base],
    )
    loads = [r["loaded"] - r["paint"] for r in big]
    bench.record(
        "table_load_100k_s",
        median(loads),
        "s",
        0.5,
        note="first picture to all 100,000 rows in the table, real start-up (demo)",
        runs_s=[round(x, 3) for x in loads],
        since_start_s=[round(r["loaded"], 3) for r in big],
    )
    bench.record(
        "background_load_max_stall_ms",
        median([r["load_stall"] for r in big]),
        "ms",
        10,
        note="GUI loop's worst lateness (5 ms timer) while the stored tasks load, real start-up",
        runs_ms=[r["load_stall"] for r in big],
        start_to_ready_max_ms=[r["stall"] for r in big],
        p99_ms=[r["p99"] for r in big],
    )
    bench.record(
        "rss_100k_mb",
        median([r["rss"] for r in big]),
        "MiB",
        160,
        baseline=median([r["rss"] for r in small]),
        note="resident once ready (demo); baseline: empty store",
        runs_mb=[r["rss"] for r in big],
        baseline_runs_mb=[r["rss"] for r in small],
    )
    bench.check("ready_100k_ratio", "table_load_100k_s", "background_load_max_stall_ms", "rss_100k_mb")


def test_connected_start_with_100k_tasks(bench: Bench, tmp_path: Path, store_100k: Path, sandbox_process: str) -> None:
    """An account's start (``python -m ui --api-url …`` with a key in the environment: the window
    is built inside the event loop) with 100,000 stored tasks, connecting to a server in another
    process: the GUI loop's worst lateness (5 ms timer) from the first picture until ready. Median
    of three starts."""
    from app.demo_server import DEMO_API_KEY

    env = {**READY_ENV, "AITASKER_API_KEY": DEMO_API_KEY}
    command = [sys.executable, "-m", "ui", "--api-url", sandbox_process, "--data-dir", str(tmp_path / "account")]
    runs = []
    for _ in range(4):
        copy_store(store_100k, tmp_path / "account")  # as a clean close left it
        runs.append(pairs(time_to_line(command, "ready", env, timeout=120)[1]))
    runs = runs[1:]  # the first warms the caches
    bench.record(
        "start_loop_max_stall_ms",
        median([r["stall"] for r in runs]),
        "ms",
        16,
        note="connected, 100,000 tasks: worst lateness of the GUI loop from the first picture to ready",
        runs_ms=[r["stall"] for r in runs],
        p99_ms=[r["p99"] for r in runs],
        load_stall_ms=[r["load_stall"] for r in runs],
        ready_s=[round(r["ready"], 2) for r in runs],
    )
    bench.check("start_loop_max_stall_ms")
