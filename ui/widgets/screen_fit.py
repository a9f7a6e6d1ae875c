"""The window on the screen it opens on: a first size that fits the screen's available area (the
part not taken by panels and docks), and a saved size restored only while it still fits (a laptop
that was on a large monitor yesterday opens on its own screen today, not half off it).

Every other window (dialogs, the review, message boxes) is kept on the screen when it shows
(:func:`keep_on_screen_when_shown`), and a window whose contents may be larger than a small screen
(1024×640 at twice the size is 512×320) puts them in a :class:`ContentsScroll`
(:func:`scroll_contents`): it keeps its natural size where there is room and scrolls where there is not.

Sizes here are of the window's contents; the title bar and borders the system adds (``FRAME``
until the window is shown and the real frame is known) are counted in, so the whole frame fits.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QMargins, QObject, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QLayout, QScrollArea, QVBoxLayout, QWidget

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


def keep_on_screen(window: QWidget, *, placed: bool = False) -> None:
    """Move and, if need be, shrink ``window`` so that it and its frame lie inside the available
    area of its screen (never below its minimum size: that is what :func:`scroll_contents` is for).
    Before Qt has placed it (``placed`` False and never moved), only its size."""
    available = available_area(window)
    frame = frame_of(window)
    room = available.marginsRemoved(frame)
    size = window.size().boundedTo(room.size()).expandedTo(window.minimumSize())
    if not placed and not window.testAttribute(Qt.WidgetAttribute.WA_Moved):
        # Not placed yet: Qt places it once shown (a dialog over its window, inside the screen).
        if size != window.size():
            window.resize(size)
        return
    contents = QRect(window.geometry().topLeft(), size)
    contents.moveLeft(max(room.left(), min(contents.left(), room.right() - size.width() + 1)))
    contents.moveTop(max(room.top(), min(contents.top(), room.bottom() - size.height() + 1)))
    if contents != window.geometry():
        window.setGeometry(contents)


class _KeepOnScreen(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            keep_on_screen(watched)  # its size, before it is drawn
            QTimer.singleShot(0, watched, lambda: keep_on_screen(watched, placed=True))  # and where Qt put it
        return False


def keep_on_screen_when_shown(window: QWidget) -> None:
    """Each time ``window`` shows, it is kept inside its screen's available area."""
    window.installEventFilter(_KeepOnScreen(window))


class ContentsScroll(QScrollArea):
    """A scroll area that asks for the size of what it holds (so that its window keeps its natural
    size where there is room) but lets its window be smaller, and then scrolls."""

    def __init__(self, inner: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contentsScroll")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to what it holds, not to the frame
        self.setWidget(inner)

    def sizeHint(self) -> QSize:
        inner = self.widget()
        if inner is None:
            return super().sizeHint()
        hint = inner.sizeHint()
        return QSize(hint.width() + self.verticalScrollBar().sizeHint().width(), hint.height())


def grow_to_contents(window: QWidget, scroll: ContentsScroll) -> None:
    """What ``scroll`` holds grew (a longer message): the window grows to show it whole, as far as
    the screen allows (beyond that, it scrolls)."""
    inner = scroll.widget()
    if inner is None:
        return
    inner.adjustSize()
    width = scroll.viewport().width()
    wanted = inner.heightForWidth(width) if inner.hasHeightForWidth() else inner.sizeHint().height()
    missing = wanted - scroll.viewport().height()
    if missing > 0:
        window.resize(window.width(), window.height() + missing)
        keep_on_screen(window, placed=window.isVisible())


def scroll_contents(window: QWidget, *, keep_below: QWidget | QLayout | None = None) -> ContentsScroll:
    """Put what ``window``'s layout holds into a :class:`ContentsScroll`; ``keep_below`` (a row of
    buttons in that layout) is taken out and stays in view under it."""
    layout = window.layout()
    if layout is None:
        raise ValueError("the window has no layout to scroll")
    margins = layout.contentsMargins()
    if isinstance(keep_below, QWidget):
        layout.removeWidget(keep_below)
    elif isinstance(keep_below, QLayout):
        layout.removeItem(keep_below)
    inner = QWidget()
    inner.setObjectName("scrolledContents")
    inner.setLayout(layout)  # takes the layout, and the widgets in it, from the window
    scroll = ContentsScroll(inner)
    outer = QVBoxLayout(window)
    outer.setContentsMargins(0, 0, 0, 0 if keep_below is None else margins.bottom())
    outer.addWidget(scroll, 1)
    if keep_below is not None:
        row = QVBoxLayout()
        row.setContentsMargins(margins.left(), 0, margins.right(), 0)
        if isinstance(keep_below, QWidget):
            row.addWidget(keep_below)
        else:
            row.addLayout(keep_below)
        outer.addLayout(row)
    return scroll
