"""The one wheel guard: an input takes the mouse wheel only once it has focus (click or Tab to it
first), so scrolling the form past a slider, a number box or a list never changes a value."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QWidget


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget) and not watched.hasFocus():
            event.ignore()  # the scroll area behind scrolls instead
            return True
        return False


_GUARD: WheelGuard | None = None


def guard_wheel(*widgets: QWidget) -> None:
    """Install the guard on these inputs (and let them take focus by click or Tab)."""
    global _GUARD
    if _GUARD is None:
        _GUARD = WheelGuard()
    for widget in widgets:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        widget.installEventFilter(_GUARD)
