"""How cost grows with the stored tasks: 10,000, 100,000 and 1,000,000 (tests/bench/stores.py).

At each size: the first picture (real demo processes, against an empty store, alternating: it
must not depend on the size), ready and resident memory (real demo processes, the ``ready``
measuring point), and the search box's results (in this process, the real tasks panel: the worst
key of a word typed, until the table has painted). Recorded: the 1,000,000-task values, the
exponent b of a fit value ≈ a·sizeᵇ over the three sizes (1 is linear, 0 flat), and the memory a
task costs (the slope of resident memory against stored tasks, empty store included)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.store.repository import Store
from tests.bench.conftest import Bench, alternate, fit_exponent, median, paired_ratio, slope
from tests.bench.stores import copy_store, stored_tasks
from tests.bench.test_startup import app_ready, app_start
from tests.bench.test_table import WORD, Paints, shown, typing, watch_applied
from ui.models.task_rows import TaskRow
from ui.panels.tasks import TasksPanel

pytestmark = pytest.mark.bench
SIZES = (10_000, 100_000, 1_000_000)
PAINT_RUNS = 5
READY_RUNS = 2


@pytest.fixture(scope="module")
def stores() -> dict[int, Path]:
    return {n: stored_tasks(n) for n in SIZES}


@pytest.fixture(scope="module")
def measured(stores: dict[int, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """First pictures and ready runs at every size (each run from the store as a clean close left it)."""
    folder = tmp_path_factory.mktemp("scale")
    empty = folder / "empty"
    app_start(empty)
    paints: dict[int, tuple[list[float], list[float]]] = {}
    ready: dict[int, list[dict[str, float]]] = {}
    for n, source in stores.items():
        full = folder / f"n{n}"

        def start(full: Path = full, source: Path = source) -> float:
            copy_store(source, full / "demo")
            return app_start(full)

        start()  # warms the file cache
        paints[n] = alternate(PAINT_RUNS, start, lambda: app_start(empty))
        ready[n] = []
        for _ in range(READY_RUNS):
            copy_store(source, full / "demo")
            ready[n].append(app_ready(full, timeout=600))
        shutil.rmtree(full, ignore_errors=True)
    ready[0] = [app_ready(empty) for _ in range(READY_RUNS)]
    return {"paints": paints, "ready": ready}


def test_first_picture_does_not_depend_on_the_tasks_stored(bench: Bench, measured: dict[str, object]) -> None:
    paints: dict[int, tuple[list[float], list[float]]] = measured["paints"]  # type: ignore[assignment]
    ratios = {n: paired_ratio(ours, base) for n, (ours, base) in paints.items()}
    ours, base = paints[1_000_000]
    bench.record(
        "startup_1m_ratio",
        median(ours) * 1000,
        "ms",
        1.1,
        baseline=median(base) * 1000,
        ratio=ratios[1_000_000],
        note="first picture with 1,000,000 stored tasks against an empty store",
        ratio_by_size={n: round(r, 3) for n, r in ratios.items()},
        ms_by_size={n: round(median(o) * 1000) for n, (o, _) in paints.items()},
    )
    bench.record(
        "scale_paint_exponent",
        fit_exponent(list(paints), [median(o) for o, _ in paints.values()]),
        "",
        0.05,
        note="first picture ≈ a·tasksᵇ, 10k–1M (0: does not depend on them)",
    )
    bench.check("startup_1m_ratio", "scale_paint_exponent")


def test_ready_and_memory_grow_at_most_linearly(bench: Bench, measured: dict[str, object]) -> None:
    ready: dict[int, list[dict[str, float]]] = measured["ready"]  # type: ignore[assignment]
    sizes = [n for n in SIZES]
    ready_s = {n: median([r["ready"] for r in ready[n]]) for n in ready}
    rss = {n: median([r["rss"] for r in ready[n]]) for n in ready}
    bench.record(
        "ready_1m_s",
        ready_s[1_000_000],
        "s",
        float("inf"),
        note="demo start to ready with 1,000,000 stored tasks",
        s_by_size={n: round(v, 2) for n, v in sorted(ready_s.items())},
        load_s_by_size={n: round(median([r["loaded"] - r["paint"] for r in ready[n]]), 2) for n in sizes},
        load_stall_ms_by_size={n: median([r["load_stall"] for r in ready[n]]) for n in sizes},
    )
    bench.record(
        "scale_ready_exponent",
        fit_exponent(sizes, [ready_s[n] for n in sizes]),
        "",
        1.1,
        note="ready ≈ a·tasksᵇ, 10k–1M (1: linear)",
    )
    per_task_kb = slope([0.0, *sizes], [rss[0], *(rss[n] for n in sizes)]) * 1024
    bench.record(
        "rss_per_task_kb",
        per_task_kb,
        "KB",
        0.45,
        note="slope of resident memory once ready against stored tasks (0, 10k, 100k, 1M)",
        rss_mb_by_size={n: round(v, 1) for n, v in sorted(rss.items())},
    )
    bench.record(
        "rss_1m_mb",
        rss[1_000_000],
        "MiB",
        float("inf"),
        baseline=rss[0],
        note="resident once ready with 1,000,000 stored tasks; baseline: empty store",
    )
    bench.record(
        "scale_rss_exponent",
        fit_exponent(sizes, [max(rss[n] - rss[0], 0.1) for n in sizes]),
        "",
        1.1,
        note="memory added by the tasks ≈ a·tasksᵇ, 10k–1M",
    )
    bench.check("scale_ready_exponent", "rss_per_task_kb", "scale_rss_exponent")


def test_search_results_at_every_size(
    bench: Bench, stores: dict[int, Path], tmp_path: Path, qapp: QApplication
) -> None:
    """The worst key of 'number 4321' typed into the real search box, until painted (median of
    three typings), at each size."""
    worst: dict[int, float] = {}
    load_s: dict[int, float] = {}
    for n, source in stores.items():
        store = Store(copy_store(source, tmp_path / f"n{n}"))
        panel = TasksPanel(details=store.get_task)
        start = time.perf_counter()
        pages = store.task_row_pages(first=500, size=10_000)
        panel.set_tasks(TaskRow(*fields) for fields in next(pages))
        for page in pages:
            panel.model.append_fields(page)
        load_s[n] = time.perf_counter() - start
        shown(panel)
        applied = [0.0]
        watch_applied(panel.proxy, "set_text", applied)
        paints = Paints(panel.table.viewport())
        worst[n] = median([max(typing(panel.search, applied, paints)) for _ in range(3)])
        panel.close()
        panel.deleteLater()
        store.close()
        qapp.processEvents()
    bench.record(
        "table_filter_results_1m_ms",
        worst[1_000_000] * 1000,
        "ms",
        150,
        note=f"worst key of {WORD!r} typed in the search box until painted, 1,000,000 tasks",
        ms_by_size={n: round(v * 1000, 1) for n, v in worst.items()},
        in_process_load_s_by_size={n: round(v, 2) for n, v in load_s.items()},
    )
    bench.record(
        "scale_filter_exponent",
        fit_exponent(list(worst), list(worst.values())),
        "",
        1.1,
        note="search results ≈ a·tasksᵇ, 10k–1M",
    )
    bench.check("table_filter_results_1m_ms", "scale_filter_exponent")
