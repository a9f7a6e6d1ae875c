"""Measuring points for ``make bench`` (tests/bench), off unless ``AITASKER_BENCH_EXIT_AT`` is set.

``painted``: print ``painted`` once the main window has drawn itself the first time, then exit at
once (start-up time is measured from the process start to that line). ``painted-modules``: the
same, the line followed by the top-level packages imported by then (what the first picture cost).
``loaded``: wait until every stored task is in the table, then print ``loaded <resident MiB>`` and
exit. Nothing else changes."""

from __future__ import annotations

import os
import sys
from typing import Any

from PySide6.QtCore import QTimer

from ui.desktop.first_paint import FirstPaint

ENV = "AITASKER_BENCH_EXIT_AT"


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


def install(window: Any, is_loaded: Any = None) -> None:
    """Arm the measuring point chosen by the environment (call before ``window.show()``)."""
    mode = os.environ.get(ENV, "")
    if mode in ("painted", "painted-modules"):
        watcher = FirstPaint(lambda: _paint_started(with_modules=mode == "painted-modules"), window)
        window.installEventFilter(watcher)
    elif mode == "loaded" and is_loaded is not None:
        timer = QTimer(window)
        timer.setInterval(50)
        timer.timeout.connect(lambda: is_loaded() and _finish(f"loaded {resident_mib():.1f}"))
        timer.start()
