"""Measuring points for ``make bench`` (tests/bench), off unless ``AITASKER_BENCH_EXIT_AT`` is set.

``painted``: print ``painted`` once the main window has drawn itself the first time, then exit at
once (start-up time is measured from the process start to that line). ``loaded``: wait until every
stored task is in the table, then print ``loaded <resident MiB>`` and exit. Nothing else changes."""

from __future__ import annotations

import os
import sys
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer

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


class _FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, lambda: _finish("painted"))  # after this paint pass has completed
        return False


def install(window: Any, is_loaded: Any = None) -> None:
    """Arm the measuring point chosen by the environment (call before ``window.show()``)."""
    mode = os.environ.get(ENV, "")
    if mode == "painted":
        window._bench_first_paint = _FirstPaint(window)
        window.installEventFilter(window._bench_first_paint)
    elif mode == "loaded" and is_loaded is not None:
        timer = QTimer(window)
        timer.setInterval(50)
        timer.timeout.connect(lambda: is_loaded() and _finish(f"loaded {resident_mib():.1f}"))
        timer.start()
