"""Start-up to the first picture of the window, in real processes.

``startup_ratio``: ``python -m ui --demo`` (``make run``'s path) against a bare PySide6 script with a
comparable form and an empty table (tests/bench/bare_window.py). ``startup_100k_ratio``: the same
app with 100,000 stored tasks against an empty store. Each process exits at its first paint
(``AITASKER_BENCH_EXIT_AT=painted``, tests/bench/hooks.py); the two sides alternate, and the ratio is the median of
the ratios of neighbouring runs (tests/bench/conftest.py ``paired_ratio``; the ratio of the two
medians is recorded beside it)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from tests.bench.conftest import Bench, alternate, copy_store, median, paired_ratio, subprocess_env, time_to_line
from tests.bench.hooks import environment

pytestmark = pytest.mark.bench
RUNS = 15
ENV = subprocess_env(**environment("painted"))


def app_start(data_dir: Path) -> float:
    return time_to_line([sys.executable, "-m", "ui", "--demo", "--data-dir", str(data_dir)], "painted", ENV)[0]


def bare_start() -> float:
    return time_to_line([sys.executable, str(Path(__file__).with_name("bare_window.py"))], "painted", ENV)[0]


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
    record_starts(bench, "startup_ratio", 1.5, ours, bare)
    bench.check("startup_ratio")


def test_startup_with_100k_tasks_against_an_empty_store(bench: Bench, tmp_path: Path, store_100k: Path) -> None:
    empty, full = tmp_path / "empty", tmp_path / "full"
    app_start(empty)
    copy_store(store_100k, full / "demo")
    app_start(full)  # the first open migrates nothing but warms the cache
    ours, base = alternate(RUNS, lambda: app_start(full), lambda: app_start(empty))
    record_starts(bench, "startup_100k_ratio", 1.2, ours, base)
    shutil.rmtree(full, ignore_errors=True)
    bench.check("startup_100k_ratio")
