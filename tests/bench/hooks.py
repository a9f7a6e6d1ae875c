"""Measuring points for ``make bench`` (tests/bench) and the start-up tests, in the real program.

The program calls :func:`install` when ``AITASKER_BENCH_HOOK`` names this module (ui/main.py,
``open_window``); :func:`environment` gives a subprocess the variables for it, this module
findable from the repository's root. ``AITASKER_BENCH_EXIT_AT`` chooses the point:

``painted``: print ``painted`` once the main window has drawn itself the first time, then exit at
once (start-up time is measured from the process start to that line). ``painted-modules``: the
same, the line followed by the top-level packages imported by then (what the first picture cost).
``loaded``: wait until every stored task is in the table, then print ``loaded <resident MiB>`` and
exit. ``ready``: from the first picture on, a 5 ms timer notes how late the GUI loop gets to it;
once the window is *ready* — every stored task's row in the table, the session and controllers
attached, the form's title field enabled and focused, and connected (demo mode: the practice
server has answered) — print ``ready`` and ``key=value`` pairs, then exit: seconds since the
process started (``AITASKER_BENCH_T0``, the parent's ``time.time()`` at launch) for ``paint``,
``loaded``, ``online`` and ``ready``; the loop's worst lateness in ms from the first picture to
ready (``stall``) and during the background load (``load_stall``, from the first turn after the
window was attached until every row is in), its 99th percentile (``p99``), counted from the end
of the first paint pass (that pass is the first picture itself); when the window was attached
(``attached``); resident MiB (``rss``). The stored tasks are counted in a thread (a count on the
GUI thread was the first stall it saw).
``AITASKER_BENCH_TRACE=<file>`` adds what held the loop at each late tick to that file
(tests/bench/stall_trace.py).
Nothing else changes."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLineEdit, QTableView

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
    loaded = [name for name, module in list(sys.modules.items()) if module is not None]  # None: marked absent
    return "painted " + " ".join(sorted({name.split(".")[0] for name in loaded}))


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


def _count_apart(path: Path, counted: Any) -> None:
    """Count the tasks stored at ``path`` in a thread (its own connection); ``counted(n)`` there."""
    import sqlite3
    import threading

    def count() -> None:
        db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            counted(int(db.execute("SELECT count(*) FROM tasks").fetchone()[0]))
        finally:
            db.close()

    threading.Thread(target=count, daemon=True).start()


def _stall_trace() -> Any:
    """tests/bench/stall_trace.py's tracer when asked for (imported only then: it loads asyncio)."""
    if not os.environ.get("AITASKER_BENCH_TRACE"):
        return None
    from tests.bench import stall_trace

    return stall_trace.from_environment()


def _since_start() -> float:
    return time.time() - float(os.environ.get("AITASKER_BENCH_T0", "nan"))


class _Ready(QObject):
    """Every 5 ms: how late is this tick, and is the window ready yet (see the module)?"""

    def __init__(self, window: Any, store: Any) -> None:
        super().__init__(window)
        self._window, self._store = window, store
        self._stored: int | None = None
        self._times: dict[str, float] = {}
        self._late: list[float] = []
        self._load_late: list[float] = []
        self._last = 0.0
        self._attached_before = self._rows_in = False
        self._timer = QTimer(self)
        self._timer.setInterval(5)
        self._timer.timeout.connect(self._tick)
        self._trace = _stall_trace()
        self._first_paint = FirstPaint(self._painted, window)
        window.installEventFilter(self._first_paint)

    def _painted(self) -> None:
        self._table = self._window.findChild(QTableView, "tasksTable")
        _count_apart(self._store.path, self._counted)
        self._times["paint"] = _since_start()
        QTimer.singleShot(0, self._picture_complete)  # (this paint pass is the picture, not a stall)

    def _picture_complete(self) -> None:
        if self._trace is not None:
            self._trace.start()
        self._last = time.perf_counter()
        self._timer.start()

    def _counted(self, stored: int) -> None:
        self._stored = stored

    def _tick(self) -> None:
        now = time.perf_counter()
        late = max(0.0, now - self._last - 0.005)
        if self._trace is not None:
            self._trace.tick(self._last, now, late)
        self._last = now
        self._late.append(late)
        window = self._window
        attached = hasattr(window, "session")
        if attached:
            self._times.setdefault("attached", _since_start())
        loaded = self._stored is not None and self._table.model().rowCount() >= self._stored
        if self._attached_before and not self._rows_in:
            self._load_late.append(late)  # a turn of the loop while the rest of the tasks load
        self._attached_before, self._rows_in = attached, loaded
        if loaded and attached:
            self._times.setdefault("loaded", _since_start())
        online = attached and str(getattr(window.session.state, "value", window.session.state)) == "online"
        if online:
            self._times.setdefault("online", _since_start())
        title = window.findChild(QLineEdit, "title") or window.findChild(QLineEdit)
        typing = title is not None and title.isEnabled() and title.hasFocus()
        if loaded and attached and online and typing:
            self._times["ready"] = _since_start()
            pairs = {
                **{k: f"{v:.4f}" for k, v in self._times.items()},
                "stall": f"{max(self._late) * 1000:.1f}",
                "load_stall": f"{max(self._load_late or [0.0]) * 1000:.1f}",
                "p99": f"{sorted(self._late)[int(0.99 * (len(self._late) - 1))] * 1000:.1f}",
                "rss": f"{resident_mib():.1f}",
                "rows": str(self._stored),
            }
            line = "ready " + " ".join(f"{k}={v}" for k, v in pairs.items())
            if self._trace is not None:
                self._trace.write(line)
            _finish(line)


def install(window: Any, store: Any) -> None:
    """Arm the measuring point chosen by the environment (called before ``window.show()``)."""
    mode = os.environ.get(ENV, "")
    if mode in ("painted", "painted-modules"):
        first_paint = FirstPaint(lambda: _paint_started(with_modules=mode == "painted-modules"), window)
        window.installEventFilter(first_paint)
        _armed.append(first_paint)
    elif mode == "loaded":
        _armed.append(_AllLoaded(window, store))
    elif mode == "ready":
        _armed.append(_Ready(window, store))
