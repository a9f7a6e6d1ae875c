"""Wrapped text laid out again at the width it ends up with.

A form of wrapped labels (``QFormLayout`` rows whose height depends on their width) inside a
resizable scroll area is sometimes laid out once at its final width with heights worked out at an
earlier one; the next change anywhere (the first keystroke) then lays it out right, and every field
below jumps. :func:`relayout_on_width_change` lays such a widget out again, once, after each change
of its width, so that the first picture is already the settled one.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QWidget


class _Relayout(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QWidget) and isinstance(event, QResizeEvent):
            QTimer.singleShot(0, watched, lambda: _invalidate(watched))
        return False


def _invalidate(widget: QWidget) -> None:
    layout = widget.layout()
    if layout is not None:
        layout.invalidate()


def relayout_on_width_change(widget: QWidget) -> None:
    """Lay ``widget`` out again after each change of its width (the filter is the widget's child)."""
    widget.installEventFilter(_Relayout(widget))
