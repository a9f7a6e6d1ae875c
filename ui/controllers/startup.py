"""A window started in two steps: its parts first (they show at once), the rest attached later
(:meth:`StagedStart.attach`, once the first picture is on the screen: ui/main.py). A close asked
for in between (the close button, Ctrl+Q) is held and carried out as soon as it is attached."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class StagedStart(QObject):
    """Runs ``attach`` once, when asked; until then the window's close events are held."""

    def __init__(self, window: QWidget, attach: Callable[[], None]) -> None:
        super().__init__(window)
        self._window, self._attach = window, attach
        self.attached = False
        self._close_when_attached = False
        window.installEventFilter(self)

    def attach(self) -> None:
        if self.attached:
            return
        self._attach()
        self.attached = True
        self._window.removeEventFilter(self)
        if self._close_when_attached:
            self._window.close()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close and not self.attached:  # closed before it is ready: once it is
            event.ignore()
            self._close_when_attached = True
            return True
        return False
