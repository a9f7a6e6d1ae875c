"""A scroll area's viewport without PySide6's first-time cost.

The first ``viewport()`` of a process costs PySide6 about 5–10 ms: the widget was made by Qt, so
to wrap it PySide6 works out its most derived class, making the Python types of every kind of
QWidget on the way. Asked for as a plain QWidget by its name (what Qt calls every scroll area's
own viewport), it is wrapped at once (well under a millisecond), and ``viewport()`` then finds
that wrapper."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

_NAME = "qt_scrollarea_viewport"  # QAbstractScrollArea's name for the viewport it makes


def viewport_of(area: QAbstractScrollArea) -> QWidget:
    """``area.viewport()``, wrapped cheaply when it is still the one Qt made."""
    found = area.findChild(QWidget, _NAME, Qt.FindChildOption.FindDirectChildrenOnly)
    return found if found is not None else area.viewport()
