"""The window on the screen it opens on: a first size that fits the screen's available area (the
part not taken by panels and docks), and a saved size restored only while it still fits (a laptop
that was on a large monitor yesterday opens on its own screen today, not half off it).

Sizes here are of the window's contents; the title bar and borders the system adds (``FRAME``
until the window is shown and the real frame is known) are counted in, so the whole frame fits.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMargins, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

PREFERRED = QSize(1180, 720)  # the window as designed, where there is room for it
FRAME = QMargins(4, 32, 4, 4)  # a typical title bar and border, until the real one is known


def frame_of(window: QWidget) -> QMargins:
    """The frame the system draws around ``window`` (an estimate until it is shown)."""
    if window.isVisible():
        outer, inner = window.frameGeometry(), window.geometry()
        margins = QMargins(
            inner.left() - outer.left(),
            inner.top() - outer.top(),
            outer.right() - inner.right(),
            outer.bottom() - inner.bottom(),
        )
        if margins != QMargins(0, 0, 0, 0):
            return margins
    return FRAME


def fitted_geometry(available: QRect, preferred: QSize = PREFERRED, frame: QMargins = FRAME) -> QRect:
    """The contents' rectangle for a new window: the preferred size, made smaller where the screen
    is smaller, centred in the available area with its frame inside it."""
    room = available.marginsRemoved(frame)
    size = preferred.boundedTo(room.size())
    left = room.left() + (room.width() - size.width()) // 2
    top = room.top() + (room.height() - size.height()) // 2
    return QRect(left, top, size.width(), size.height())


def fits(contents: QRect, available: QRect, frame: QMargins = FRAME) -> bool:
    """Whether a window with these contents (and its frame) lies wholly inside the available area."""
    return contents.isValid() and available.contains(contents.marginsAdded(frame))


def available_area(window: QWidget) -> QRect:
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, PREFERRED.width(), PREFERRED.height())


def place(window: QWidget, saved: QByteArray | bytes | None = None, preferred: QSize = PREFERRED) -> bool:
    """Size and place ``window`` before it is shown: the saved geometry if it still fits the screen,
    else the preferred size fitted to it. Returns whether the saved geometry was used."""
    available = available_area(window)
    frame = frame_of(window)
    if saved:
        restored = window.restoreGeometry(QByteArray(saved))
        if restored and not window.isMaximized() and fits(window.geometry(), available, frame):
            return True
        if restored and window.isMaximized():
            return True  # a maximised window fills whatever screen it is on
    window.setGeometry(fitted_geometry(available, preferred, frame))
    return False
