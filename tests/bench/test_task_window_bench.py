"""Benchmarks (``make bench``) of the task window, against a loopback server (in a process of its
own, as a real server is) with a heavy task:
20 versions (a 1200×900 JPEG each) and a final work of 5 photos of 4000×3000 (JPEG) and a text.

- ``task_window_open_ms``: from asking for the window until it shows the 20 versions and the final
  work (its items, and the photo in view); cold caches each time (a new picture pipeline and
  fetchers), median of several opens. The time until every thumbnail and photo is in is kept in
  the details.
- ``gallery_memory_growth_mb``: the process's resident memory after opening and closing 50 task
  windows (each until everything is shown; five different tasks in turn), against the same after
  one round over those tasks has filled the caches to their caps: what grows without bound."""

from __future__ import annotations

import ctypes
import gc
import os
import statistics
import time
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from app.api.client import TasksClient
from tests.bench.conftest import Bench
from tests.conftest import wait_until
from tests.ui.big_delivery import KEY, heavy_process, task_id, task_windows
from tests.ui.helpers import version_list

pytestmark = pytest.mark.bench

OPENS = 7
TASKS = 5
CYCLES = 50


def shown(window: Any, versions: int) -> bool:
    final = window.final_work
    return (
        version_list(window).count() == versions
        and final.list.count() > 0
        and final.current_item() is not None
        and final.picture_state.isHidden()
    )


def everything_shown(window: Any, versions: int) -> bool:
    listing = version_list(window)
    final = window.final_work
    return (
        shown(window, versions)
        and all(not listing.item(r).icon().isNull() for r in range(listing.count()))
        and all(not final.list.item(r).icon().isNull() for r in range(final.list.count() - 1))
    )


def rss_mb() -> float:
    gc.collect()
    QApplication.processEvents()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)  # freed memory back to the system, both times alike
    except OSError:
        pass
    with open(f"/proc/{os.getpid()}/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1024 / 1024


async def test_task_window_open_ms(qtbot, bench: Bench, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    with heavy_process(versions=20, pictures=5) as url:
        async with TasksClient(url, KEY) as client:
            task = await client.get_task(task_id(0))
            to_shown: list[float] = []
            to_everything: list[float] = []
            cpu: list[float] = []
            for _ in range(OPENS):
                parent = QWidget()
                qtbot.addWidget(parent)
                windows = task_windows(parent, client, settings)  # cold: its own pictures and fetchers
                start, start_cpu = time.perf_counter(), time.process_time()
                window = windows.open(task)
                await wait_until(partial(shown, window, 20), timeout=60, what="versions and final work")
                to_shown.append((time.perf_counter() - start) * 1000)
                cpu.append((time.process_time() - start_cpu) * 1000)
                await wait_until(partial(everything_shown, window, 20), timeout=60, what="all pictures")
                to_everything.append((time.perf_counter() - start) * 1000)
                window.close()
                await windows.shutdown()
    value = statistics.median(to_shown)
    bench.record(
        "task_window_open_ms",
        value,
        "ms",
        150,
        note="20 versions + 5 photos of 4000×3000 (JPEG): versions and final work (the photo in view) shown",
        runs_ms=[round(v, 1) for v in to_shown],
        cpu_ms=[round(v, 1) for v in cpu],  # the app's own work (all its threads) until shown
        cpu_median_ms=round(statistics.median(cpu), 1),
        load_1min=os.getloadavg()[0],
        everything_shown_ms=[round(v, 1) for v in to_everything],
        everything_shown_median_ms=round(statistics.median(to_everything), 1),
    )
    print(
        f"\ntask_window_open_ms {value:.0f} (CPU {statistics.median(cpu):.0f} ms; all pictures in:"
        f" {statistics.median(to_everything):.0f} ms; load {os.getloadavg()[0]:.1f})"
    )
    bench.check("task_window_open_ms")


async def test_gallery_memory_growth_mb(qtbot, bench: Bench, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    with heavy_process(versions=20, pictures=5, tasks=TASKS) as url:
        async with TasksClient(url, KEY) as client:
            tasks = [await client.get_task(task_id(i)) for i in range(TASKS)]
            parent = QWidget()
            qtbot.addWidget(parent)
            windows = task_windows(parent, client, settings)
            before_any = rss_mb()

            async def cycle(n: int) -> None:
                window = windows.open(tasks[n % TASKS])
                await wait_until(lambda: everything_shown(window, 20), timeout=60, what="everything shown")
                window.close()
                await wait_until(lambda: not windows.windows, what="the window gone")
                await wait_until(lambda: not windows._reviews.windows, what="its review gone")

            for n in range(TASKS):  # one round: the caches fill to their caps
                await cycle(n)
            baseline = rss_mb()
            for n in range(CYCLES):
                await cycle(n)
            after = rss_mb()
            cache = windows._reviews.pictures.cache
            await windows.shutdown()
    growth = after - baseline
    bench.record(
        "gallery_memory_growth_mb",
        growth,
        "MB",
        40,
        note=f"RSS after {CYCLES} task windows opened and closed, against after a first round over {TASKS} tasks",
        rss_before_any_mb=round(before_any, 1),
        rss_after_first_round_mb=round(baseline, 1),
        rss_after_mb=round(after, 1),
        picture_cache_mb=round(cache.bytes / 1024 / 1024, 1),
        picture_cache_cap_mb=round(cache.max_bytes / 1024 / 1024, 1),
    )
    print(
        f"\ngallery_memory_growth_mb {growth:.1f} (RSS {before_any:.0f} → {baseline:.0f} after the first round"
        f" → {after:.0f} MB; picture cache {cache.bytes / 2**20:.0f} of {cache.max_bytes / 2**20:.0f} MB)"
    )
    bench.check("gallery_memory_growth_mb")
