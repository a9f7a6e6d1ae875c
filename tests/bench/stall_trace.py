"""What held the GUI loop when a 5 ms timer came late: a tracer for the loop's measuring points
(tests/bench/hooks.py ``ready``, tests/bench/test_window.py), on only when ``AITASKER_BENCH_TRACE``
names a file (a subprocess's environment passes it on).

Every callback the asyncio loop runs (qasync runs each as a Qt timer event) is timed, with the
coroutine it steps; every event Qt delivers is noted (its type and receiver). For each tick that
came more than ``AITASKER_BENCH_TRACE_MS`` late (default 6), the file gets what ran in between::

    @0.153 s: 11.1 ms late
         0.0 +2.2 ms  callback MainWindow.start
         2.6 +6.4 ms  callback TasksLoader._seed_reviews
         9.2 +3.1 ms  event Paint QWidget#qt_scrollarea_viewport

(milliseconds from the tick before). An event's time runs until the next event begins: what it
caused, the children of a paint pass included. The rest of the lateness is work outside Python's
callbacks and events (Qt's own, or waiting for the GIL held by a thread). The tracer costs a
little itself (a Python call per event): the figures of a traced run are not the bench's."""

from __future__ import annotations

import asyncio.events
import os
import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject

ENV, ENV_MS = "AITASKER_BENCH_TRACE", "AITASKER_BENCH_TRACE_MS"


def _name(handle: asyncio.events.Handle) -> str:
    task = getattr(getattr(handle, "_callback", None), "__self__", None)  # a task's step
    coroutine = task.get_coro() if isinstance(task, asyncio.Task) else None
    return getattr(coroutine, "__qualname__", None) or repr(handle)[:120]


class StallTrace(QObject):
    def __init__(self, path: str, late_ms: float) -> None:
        super().__init__()
        self._path, self._late = path, late_ms / 1000
        self._callbacks: list[tuple[float, float, str]] = []
        self._events: list[tuple[float, str]] = []
        self._lines: list[str] = []
        self._t0: float | None = None
        run, trace = asyncio.events.Handle._run, self

        def timed(handle: asyncio.events.Handle) -> None:
            start = time.perf_counter()
            try:
                run(handle)
            finally:
                spent = time.perf_counter() - start
                if trace._t0 is not None and spent > 0.0003:
                    trace._callbacks.append((start, spent, _name(handle)))

        asyncio.events.Handle._run = timed  # type: ignore[method-assign,assignment]
        app = QCoreApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._t0 is not None:
            kind = event.type()
            self._events.append((time.perf_counter(), f"{kind.name} {type(watched).__name__}#{watched.objectName()}"))
        return False

    def start(self) -> None:
        self._t0 = time.perf_counter()

    def tick(self, before: float, now: float, late: float) -> None:
        """A tick at ``now`` (perf_counter), the one before at ``before``, ``late`` seconds late."""
        if self._t0 is None:
            return
        if late > self._late:
            self._lines.append(f"@{before - self._t0:.3f} s: {late * 1000:.1f} ms late")
            ran = [(t, spent, f"callback {name}") for t, spent, name in self._callbacks if t + spent > before]
            events = [e for e in self._events if e[0] >= before]
            for (t, what), following in zip(events, [*events[1:], (now, "")], strict=True):
                if following[0] - t > 0.001:
                    ran.append((t, following[0] - t, f"event {what}"))
            for t, spent, what in sorted(ran):
                self._lines.append(f"     {(t - before) * 1000:5.1f} +{spent * 1000:.1f} ms  {what}")
        self._callbacks.clear()
        self._events.clear()

    def write(self, heading: str) -> None:
        with open(self._path, "a", encoding="utf-8") as out:
            out.write("\n".join([f"=== {heading}", *self._lines]) + "\n")
        self._lines.clear()


_made: list[StallTrace] = []


def from_environment() -> StallTrace | None:
    """The process's tracer when ``AITASKER_BENCH_TRACE`` names a file (made once), else None."""
    path = os.environ.get(ENV)
    if path and not _made:
        _made.append(StallTrace(path, float(os.environ.get(ENV_MS, "6"))))
    return _made[0] if path else None
