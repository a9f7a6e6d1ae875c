"""Wait, without blocking the loop, until a window has drawn itself once."""

from __future__ import annotations

import asyncio
import contextlib

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class _Painted(QObject):
    def __init__(self, done: asyncio.Future[None]) -> None:
        super().__init__()
        self._done = done

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._done.done():
            # Resolved after this paint pass: the picture is complete when the waiter resumes.
            asyncio.get_running_loop().call_soon(lambda: self._done.done() or self._done.set_result(None))
        return False


async def first_paint(window: QWidget, at_most: float = 2.0) -> None:
    """Return once ``window`` has been painted (or after ``at_most`` seconds: hidden, minimised)."""
    done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    watcher = _Painted(done)
    window.installEventFilter(watcher)
    try:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(done, at_most)
    finally:
        window.removeEventFilter(watcher)
