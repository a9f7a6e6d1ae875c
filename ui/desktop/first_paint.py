"""Wait until a window has drawn itself once: before the event loop runs, or without blocking it."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    import asyncio


class FirstPaint(QObject):
    """An event filter that calls ``painting`` once, as the watched widget's first paint begins,
    then lets go of the widget. Work that needs the finished picture goes in
    ``QTimer.singleShot(0, …)`` from there: it runs once this paint pass has completed."""

    def __init__(self, painting: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._painting: Callable[[], None] | None = painting

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._painting is not None:
            painting, self._painting = self._painting, None
            watched.removeEventFilter(self)
            painting()
        return False


def _after_this_paint(done: Callable[[], None]) -> Callable[[], None]:
    return lambda: QTimer.singleShot(0, done)  # after this paint pass: the picture is complete by then


def wait_until_painted(window: QWidget, at_most: float = 2.0) -> None:
    """Before the event loop runs (at start): process Qt's events until ``window`` has drawn
    itself once, or for ``at_most`` seconds (hidden, minimised). Not for use inside a coroutine."""
    loop = QEventLoop()
    watcher = FirstPaint(_after_this_paint(loop.quit))
    limit = QTimer()
    limit.setSingleShot(True)
    limit.timeout.connect(loop.quit)
    window.installEventFilter(watcher)
    limit.start(int(at_most * 1000))
    try:
        loop.exec()
    finally:
        limit.stop()
        window.removeEventFilter(watcher)


async def first_paint(window: QWidget, at_most: float = 2.0) -> None:
    """Return once ``window`` has been painted (or after ``at_most`` seconds: hidden, minimised)."""
    import asyncio

    done: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def finish() -> None:
        if not done.done():
            done.set_result(None)

    watcher = FirstPaint(_after_this_paint(finish))
    window.installEventFilter(watcher)
    try:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(done, at_most)
    finally:
        window.removeEventFilter(watcher)
