"""Benchmarks (``make bench``): how the store, the table and the window scale to 100,000 tasks.

Targets are ratios measured in one run (machines here are shared and noisy), never lone absolute
times: the window must open about as fast with 100,000 tasks as with 1,000 (the rest loads in
chunks afterwards); sorting and filtering 100,000 rows must beat Qt's own proxy sort through
data() by a wide margin; the per-tick expiry refresh must not grow with the rows; reading the
store stays within a few times linear per row. Times are printed and saved to bench-results.json."""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QSortFilterProxyModel, Qt

from app.schema import Task
from app.store import Store
from ui.main_window import Connection, MainWindow
from ui.tasks_model import COLUMNS, SEARCH_ROLE, SORT_ROLE, TasksFilterProxy, TasksTableModel

pytestmark = pytest.mark.bench
SMALL, LARGE = 1_000, 100_000
RESULTS = Path(__file__).resolve().parents[2] / "bench-results.json"
STATUSES = ["open", "matching", "prototyping", "review", "delivering", "completed", "expired", "cancelled"]


def tasks(n: int) -> list[Task]:
    base = datetime(2026, 1, 1, tzinfo=UTC)
    return [
        Task(id=str(uuid.UUID(int=i + 1)), status=STATUSES[i % 8], title=f"Task number {i}", description=f"brief {i}",
             category="data", task_type="data-analysis", budget_usd=3 + (i * 37) % 297,
             created_at=base + timedelta(minutes=i), expires_at=base + timedelta(minutes=i + 600))
        for i in range(n)
    ]


def timed(action: Callable[[], object], repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best


def record(name: str, small: float, large: float) -> float:
    ratio = large / small if small else float("inf")
    data = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    data[name] = {"1k_s": round(small, 4), "100k_s": round(large, 4), "ratio": round(ratio, 1)}
    RESULTS.write_text(json.dumps(data, indent=2))
    print(f"\n{name}: 1k {small * 1000:.1f} ms, 100k {large * 1000:.1f} ms, ratio {ratio:.0f}x (linear = 100x)")
    return ratio


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Store]:
    made = {}
    for n in (SMALL, LARGE):
        store = Store.in_dir(tmp_path_factory.mktemp(f"s{n}"))
        store.upsert_tasks(tasks(n))
        made[n] = store
    return made


def test_store_reads_stay_near_linear(stores: dict[int, Store]) -> None:
    small = timed(stores[SMALL].list_tasks, 3)
    large = timed(stores[LARGE].list_tasks, 1)
    # Per row, 100,000 may cost a few times what 1,000 do (allocator and GC pressure), no more.
    assert record("store.list_tasks", small, large) < 4 * 100
    finals = ("completed", "expired", "cancelled")
    small = timed(lambda: stores[SMALL].unfinished_tasks(finals), 3)
    large = timed(lambda: stores[LARGE].unfinished_tasks(finals), 1)
    assert record("store.unfinished_tasks", small, large) < 4 * 100


def test_sort_and_filter_beat_qts_proxy_sort(qapp) -> None:  # type: ignore[no-untyped-def]
    budget = [c.header for c in COLUMNS].index("Budget")
    rows = tasks(LARGE)
    model = TasksTableModel()
    model.set_tasks(rows)
    ours = TasksFilterProxy()
    ours.setSourceModel(model)
    ours_sort = timed(lambda: ours.sort(budget, Qt.SortOrder.AscendingOrder))
    search = timed(lambda: ours.set_text("number 99"))
    ours.set_text("")
    group = timed(lambda: ours.set_group("review"))
    plain = TasksTableModel()
    plain.set_tasks(rows)
    qt_proxy = QSortFilterProxyModel()
    qt_proxy.setSourceModel(plain)
    qt_proxy.setSortRole(SORT_ROLE)
    qt_sort = timed(lambda: qt_proxy.sort(budget, Qt.SortOrder.AscendingOrder))
    qt_proxy.setFilterRole(SEARCH_ROLE)
    qt_search = timed(lambda: qt_proxy.setFilterFixedString("number 99"))
    data = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    data["100k sort and filter"] = {"ours_sort_s": round(ours_sort, 3), "qt_proxy_sort_s": round(qt_sort, 3),
                                    "ours_search_s": round(search, 3), "qt_search_s": round(qt_search, 3),
                                    "ours_status_group_s": round(group, 3)}
    RESULTS.write_text(json.dumps(data, indent=2))
    print(f"\n100k rows: sort {ours_sort * 1000:.0f} ms vs Qt proxy sort {qt_sort * 1000:.0f} ms "
          f"({qt_sort / ours_sort:.0f}x faster); search {search * 1000:.0f} ms vs {qt_search * 1000:.0f} ms; "
          f"status group {group * 1000:.0f} ms")
    assert qt_sort / ours_sort > 10
    assert search < qt_search


def test_expiry_tick_does_not_touch_every_row(qapp) -> None:  # type: ignore[no-untyped-def]
    times = {}
    for n in (SMALL, LARGE):
        model = TasksTableModel()
        model.set_tasks(tasks(n))
        times[n] = timed(model.refresh_expiry_words, 5)
    # One dataChanged signal for the column: the view repaints only what is visible.
    assert record("expiry tick (model only)", max(times[SMALL], 1e-6), times[LARGE]) < 10


def test_window_opens_with_100k_tasks(qapp, stores: dict[int, Store], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    times = {}
    for n in (SMALL, LARGE):
        settings = QSettings(str(tmp_path / f"{n}.ini"), QSettings.Format.IniFormat)

        def open_and_show(n: int = n, settings: QSettings = settings) -> None:
            window = MainWindow(Connection("http://127.0.0.1:9", None), stores[n], settings=settings)
            window.show()
            qapp.processEvents()
            window.close()
            window.deleteLater()
            qapp.processEvents()

        times[n] = timed(open_and_show)
    # Only the newest tasks are read before the window shows; the rest follow in chunks.
    assert record("window open and first paint", times[SMALL], times[LARGE]) < 10


async def test_background_load_yields_to_the_gui(qapp, stores: dict[int, Store], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The longest stretch without the GUI getting a turn, against the whole load."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    window = MainWindow(Connection("http://127.0.0.1:9", None), stores[LARGE],
                        settings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    gaps: list[float] = []
    stop = asyncio.Event()

    async def heartbeat() -> None:
        last = time.perf_counter()
        while not stop.is_set():
            await asyncio.sleep(0)
            now = time.perf_counter()
            gaps.append(now - last)
            last = now

    beat = asyncio.ensure_future(heartbeat())
    start = time.perf_counter()
    await window._load_remaining_tasks()
    total = time.perf_counter() - start
    stop.set()
    await beat
    assert window.model.rowCount() == LARGE
    longest = max(gaps)
    print(f"\nbackground load of {LARGE:,}: {total * 1000:.0f} ms in all, longest GUI pause {longest * 1000:.0f} ms "
          f"({total / longest:.0f}x shorter)")
    data = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    data["background load"] = {"total_s": round(total, 3), "longest_pause_s": round(longest, 3)}
    RESULTS.write_text(json.dumps(data, indent=2))
    assert total / longest > 5
    window.deleteLater()
    app.processEvents()  # type: ignore[union-attr]
