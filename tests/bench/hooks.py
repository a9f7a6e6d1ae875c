"""Measuring points for ``make bench`` (tests/bench) and the start-up tests, in the real program.

The program calls :func:`install` when ``AITASKER_BENCH_HOOK`` names this module (ui/main.py,
``open_window``); :func:`environment` gives a subprocess the variables for it, this module
findable from the repository's root. ``AITASKER_BENCH_EXIT_AT`` chooses the point:

``painted``: print ``painted`` once the main window has drawn itself the first time, then exit at
once (start-up time is measured from the process start to that line). ``painted-modules``: the
same, the line followed by the top-level packages imported by then (what the first picture cost).
``loaded``: wait until every stored task is in the table, then print ``loaded <resident MiB>`` and
exit. Nothing else changes."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QTableView

from ui.desktop.first_paint import FirstPaint

ENV = "AITASKER_BENCH_EXIT_AT"
ROOT = Path(__file__).resolve().parents[2]
_armed: list[QObject] = []  # the measuring points, alive as long as the process


def environment(mode: str) -> dict[str, str]:
    """What a subprocess's environment needs for the measuring point ``mode``."""
    path = os.environ.get("PYTHONPATH")
    return {
        ENV: mode,
        "AITASKER_BENCH_HOOK": __name__,
        "PYTHONPATH": str(ROOT) + (os.pathsep + path if path else ""),
    }


def resident_mib() -> float:
    """This process's resident memory now (Linux), in MiB."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # the peak, where /proc is absent


def _finish(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()
    os._exit(0)  # the measurement is taken; tearing down would only add noise


def _painted_line(with_modules: bool) -> str:
    if not with_modules:
        return "painted"
    return "painted " + " ".join(sorted({name.split(".")[0] for name in list(sys.modules)}))


def _paint_started(with_modules: bool) -> None:
    line = _painted_line(with_modules)  # taken now: this paint pass is the first picture
    QTimer.singleShot(0, lambda: _finish(line))  # after this paint pass has completed


class _AllLoaded(QObject):
    """Every 50 ms: are as many tasks in the table (found by its name) as the store holds?"""

    def __init__(self, window: Any, store: Any) -> None:
        super().__init__(window)
        self._window, self._store = window, store
        self._stored: int | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(50)
        self._timer.timeout.connect(self._check)
        self._timer.start()

    def _check(self) -> None:
        if self._stored is None:
            self._stored = self._store.count_tasks()  # counted once the event loop runs, not before the picture
        table = self._window.findChild(QTableView, "tasksTable")
        if table.model().rowCount() >= self._stored:  # no filter is set while it loads: all rows show
            _finish(f"loaded {resident_mib():.1f}")


def install(window: Any, store: Any) -> None:
    """Arm the measuring point chosen by the environment (called before ``window.show()``)."""
    mode = os.environ.get(ENV, "")
    if mode in ("painted", "painted-modules"):
        first_paint = FirstPaint(lambda: _paint_started(with_modules=mode == "painted-modules"), window)
        window.installEventFilter(first_paint)
        _armed.append(first_paint)
    elif mode == "loaded":
        _armed.append(_AllLoaded(window, store))
