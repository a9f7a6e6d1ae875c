"""The table at 100,000 tasks: loading, typing in the search box, one new task, the background load.

In-process, on the real model, proxy and a shown QTableView (offscreen)."""

from __future__ import annotations

import asyncio
import random
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView

from app.api.schema import Task
from app.store.repository import Store
from tests.bench.conftest import LARGE, Bench, alternate, copy_store, make_tasks, median, percentile
from ui.models.task_rows import COLUMNS, SEARCH_ROLE, TaskRow
from ui.models.tasks_model import TasksTableModel, load_in_background
from ui.models.tasks_proxy import TasksFilterProxy

pytestmark = pytest.mark.bench
CREATED = [c.header for c in COLUMNS].index("Created")
NOW = datetime.now(UTC)


@pytest.fixture(scope="module")
def store(store_100k: Path, tmp_path_factory: pytest.TempPathFactory) -> Store:
    return Store(copy_store(store_100k, tmp_path_factory.mktemp("table")))


def table(rows: list[TaskRow] | None = None) -> tuple[TasksTableModel, TasksFilterProxy, QTableView]:
    model = TasksTableModel()
    proxy = TasksFilterProxy()
    proxy.setSourceModel(model)
    view = QTableView()
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(CREATED, Qt.SortOrder.DescendingOrder)
    view.resize(900, 600)
    view.show()
    if rows is not None:
        model.set_tasks(rows)
    QApplication.processEvents()
    return model, proxy, view


def all_rows(store: Store) -> list[TaskRow]:
    return [TaskRow(*fields) for page in store.task_row_pages(first=LARGE, size=LARGE) for fields in page]


def test_loading_100k_tasks_into_the_model(bench: Bench, store: Store, qapp) -> None:
    """Ours: the store's rows into the model, sorted newest first by the proxy. Baseline: the same
    rows into a QStandardItemModel (an item per cell, showing the same text)."""
    kept: list[object] = []

    def ours() -> float:
        model = TasksTableModel()
        proxy = TasksFilterProxy()
        proxy.setSourceModel(model)
        proxy.sort(CREATED, Qt.SortOrder.DescendingOrder)
        start = time.perf_counter()
        model.set_tasks(all_rows(store))
        took = time.perf_counter() - start
        assert proxy.rowCount() == LARGE
        kept[:] = [model, proxy]  # freed before the next run starts
        return took

    def standard() -> float:
        model = QStandardItemModel(0, len(COLUMNS))
        start = time.perf_counter()
        for fields in next(store.task_row_pages(first=LARGE)):
            row = TaskRow(*fields)
            model.appendRow([QStandardItem(c.display(row, NOW)) for c in COLUMNS])
        took = time.perf_counter() - start
        assert model.rowCount() == LARGE
        kept[:] = [model]
        return took

    mine, theirs = alternate(3, ours, standard)
    bench.record("table_load_100k_s", median(mine), "s", 1.0, runs_s=[round(x, 3) for x in mine])
    bench.record(
        "table_load_ratio",
        median(mine),
        "s",
        0.5,
        baseline=median(theirs),
        ratio=median(mine) / median(theirs),
        note="against QStandardItemModel",
        baseline_runs_s=[round(x, 3) for x in theirs],
    )
    kept.clear()
    bench.check("table_load_100k_s", "table_load_ratio")


def test_one_more_character_in_the_search_box(bench: Bench, store: Store, qapp) -> None:
    """Each keystroke of a search typed at 100,000 rows, until the view has laid out its rows; the
    worst keystroke of the word counts (median of three typings). Baseline (for scale): Qt's own
    QSortFilterProxyModel filtering the same model through its search role, one typing."""
    model, proxy, view = table(all_rows(store))
    word = "number 4321"

    def typing(set_text, rounds: int) -> list[float]:
        worst = []
        for _ in range(rounds):
            times = []
            for n in range(1, len(word) + 1):
                start = time.perf_counter()
                set_text(word[:n])
                qapp.processEvents()
                times.append(time.perf_counter() - start)
            set_text("")
            qapp.processEvents()
            worst.append(max(times))
        return worst

    ours = typing(proxy.set_text, 3)
    assert proxy.rowCount() == LARGE
    proxy.set_text(word)
    assert proxy.rowCount() == 11  # 4321 and 43210…43219
    qt_proxy = QSortFilterProxyModel()
    qt_proxy.setSourceModel(model)
    qt_proxy.setFilterRole(SEARCH_ROLE)
    qt_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    view.setModel(qt_proxy)
    qt = typing(qt_proxy.setFilterFixedString, 1)
    value = median(ours) * 1000
    bench.record(
        "table_filter_keystroke_ms",
        value,
        "ms",
        50,
        baseline=qt[0] * 1000,
        ratio=value / (qt[0] * 1000),
        note="worst keystroke of 'number 4321'; baseline QSortFilterProxyModel",
        runs_ms=[round(x * 1000, 1) for x in ours],
    )
    view.close()
    bench.check("table_filter_keystroke_ms")


def test_one_new_task_into_100k(bench: Bench, store: Store, qapp) -> None:
    """model.upsert of a task created at a random moment (it lands mid-table), sorted newest first,
    with the view attached: median of 200."""
    model, proxy, view = table(all_rows(store))
    rng = random.Random(13)
    base = datetime(2026, 1, 1, tzinfo=UTC)
    times = []
    for n in range(200):
        task = Task(
            id=f"new-{n}",
            status="open",
            title=f"New {n}",
            category="data",
            task_type="data-analysis",
            budget_usd=10,
            created_at=base + timedelta(minutes=rng.randrange(LARGE)),
        )
        start = time.perf_counter()
        model.upsert(task)
        times.append(time.perf_counter() - start)
        if n % 20 == 0:
            qapp.processEvents()
    assert proxy.rowCount() == LARGE + 200
    bench.record("table_insert_100k_ms", median(times) * 1000, "ms", 2, max_ms=round(max(times) * 1000, 2))
    view.close()
    bench.check("table_insert_100k_ms")


async def test_background_load_keeps_the_loop_moving(bench: Bench, store: Store, qapp) -> None:
    """The newest 2,000 shown at once, the other 98,000 loaded in the background while a 5 ms timer
    measures how late the GUI loop gets to it: the worst lateness, median of three loads."""
    worst, totals, p99s = [], [], []
    for _ in range(3):
        pages = store.task_row_pages(first=2_000, size=500)
        model, proxy, view = table([TaskRow(*fields) for fields in next(pages)])
        late: list[float] = []
        last = [time.perf_counter()]

        def probe(late: list[float] = late, last: list[float] = last) -> None:
            now = time.perf_counter()
            late.append(max(0.0, now - last[0] - 0.005))
            last[0] = now

        timer = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(probe)
        timer.start()
        await asyncio.sleep(0.05)
        start = time.perf_counter()
        await load_in_background(model, pages)
        totals.append(time.perf_counter() - start)
        await asyncio.sleep(0.05)
        timer.stop()
        assert proxy.rowCount() == LARGE
        worst.append(max(late))
        p99s.append(percentile(late, 0.99))
        view.close()
        view.deleteLater()
    bench.record(
        "background_load_max_stall_ms",
        median(worst) * 1000,
        "ms",
        50,
        runs_ms=[round(x * 1000, 1) for x in worst],
        p99_ms=[round(x * 1000, 1) for x in p99s],
        total_s=[round(x, 2) for x in totals],
    )
    bench.check("background_load_max_stall_ms")


def test_tasks_for_the_table_are_made_of_the_bench_rows() -> None:
    """A guard for the fixtures: what the benchmarks load is what make_tasks makes."""
    assert make_tasks(2)[1].title == "Task number 1"
