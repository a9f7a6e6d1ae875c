"""A picture to look at closely: fit to the view, 100 % (one picture pixel per screen pixel), or any
zoom between, by the wheel (towards the pointer) or the keys (+ and − zoom, 0 fits, 1 is 100 %,
the arrows move). Only the part in view is drawn, from whichever copy it holds: the copy decoded at
the size shown, or — while zoomed in beyond that copy's detail — a sharper one the owner is asked
for (:attr:`ZoomView.sharperWanted`) and gives with :meth:`ZoomView.set_sharper`. The sharper copy
is let go as soon as the view no longer needs it (back to fit, another picture), so a view never
keeps a full-size bitmap it does not show."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QPixmap, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QFrame, QWidget

MIN_ZOOM = 0.02
MAX_ZOOM = 8.0
STEP = 1.25


class ZoomView(QAbstractScrollArea):
    """``zoomChanged()`` whenever the zoom changes; ``sharperWanted()`` once per picture when it is
    shown larger than the copy the view has."""

    zoomChanged = Signal()
    sharperWanted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("zoomView")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumSize(160, 120)
        self._copy: QPixmap | None = None  # decoded at the size shown
        self._sharper: QPixmap | None = None  # decoded at full size, while zoomed in
        self._natural = QSize()  # the picture's own size, in its pixels
        self._zoom = 1.0
        self._fit = True
        self._asked = False

    # --- what it is given ------------------------------------------------------------------------

    def set_picture(self, copy: QPixmap | None, natural: QSize | None = None) -> None:
        """A new picture (its ``natural`` size when known, else the copy's): shown fitted."""
        self._copy = copy
        self._sharper = None
        self._asked = False
        self._natural = QSize(natural) if natural is not None and not natural.isEmpty() else QSize()
        if self._natural.isEmpty() and copy is not None:
            self._natural = copy.size()
        self.fit()

    def set_sharper(self, pixmap: QPixmap) -> None:
        """The full-size copy asked for; kept only while the zoom needs it."""
        if self._copy is None or not self._needs_sharper():
            return
        self._sharper = pixmap
        if pixmap.size() != self._natural and not pixmap.isNull():
            self._natural = pixmap.size()  # the picture's real size, now known for sure
            self._layout()
        self.viewport().update()

    def holds_sharper(self) -> bool:
        return self._sharper is not None

    def clear(self) -> None:
        self.set_picture(None)

    # --- zoom ------------------------------------------------------------------------------------

    @property
    def zoom(self) -> float:
        """Screen pixels per picture pixel (1.0 is 100 %)."""
        return self._zoom

    @property
    def fitted(self) -> bool:
        return self._fit

    def fit(self) -> None:
        self._fit = True
        self._set_zoom(self._fit_zoom())

    def actual_size(self) -> None:
        self._fit = False
        self._set_zoom(1.0)

    def zoom_in(self) -> None:
        self.zoom_by(STEP)

    def zoom_out(self) -> None:
        self.zoom_by(1 / STEP)

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        """Zoom by ``factor`` keeping the picture point under ``anchor`` (viewport coordinates;
        the middle by default) where it is."""
        if self._natural.isEmpty():
            return
        viewport = self.viewport().rect()
        at = anchor if anchor is not None else QPointF(viewport.center())
        origin = self._origin()
        picture_x = (at.x() - origin.x()) / self._zoom
        picture_y = (at.y() - origin.y()) / self._zoom
        self._fit = False
        self._set_zoom(self._zoom * factor)
        origin = self._origin()
        self.horizontalScrollBar().setValue(
            round(self.horizontalScrollBar().value() + origin.x() + picture_x * self._zoom - at.x())
        )
        self.verticalScrollBar().setValue(
            round(self.verticalScrollBar().value() + origin.y() + picture_y * self._zoom - at.y())
        )

    def _fit_zoom(self) -> float:
        if self._natural.isEmpty():
            return 1.0
        room = self.viewport().size()
        return min(1.0, room.width() / self._natural.width(), room.height() / self._natural.height())

    def _set_zoom(self, zoom: float) -> None:
        zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        changed = not math.isclose(zoom, self._zoom)
        self._zoom = zoom
        if not self._needs_sharper():
            self._sharper = None  # let go of the full-size copy: the one decoded at the size shown will do
            self._asked = False
        elif self._sharper is None and not self._asked and self._copy is not None:
            self._asked = True
            self.sharperWanted.emit()
        self._layout()
        self.viewport().update()
        if changed:
            self.zoomChanged.emit()

    def _needs_sharper(self) -> bool:
        if self._copy is None or self._natural.isEmpty():
            return False
        ratio = self.devicePixelRatioF()
        return self._natural.width() * self._zoom * ratio > self._copy.width() * 1.05

    # --- drawing ---------------------------------------------------------------------------------

    def _shown_size(self) -> QSize:
        return QSize(round(self._natural.width() * self._zoom), round(self._natural.height() * self._zoom))

    def _layout(self) -> None:
        shown, room = self._shown_size(), self.viewport().size()
        for bar, extra, page in (
            (self.horizontalScrollBar(), shown.width() - room.width(), room.width()),
            (self.verticalScrollBar(), shown.height() - room.height(), room.height()),
        ):
            bar.setRange(0, max(0, extra))
            bar.setPageStep(page)
            bar.setSingleStep(max(1, page // 10))

    def _origin(self) -> QPointF:
        """Where the picture's top left corner is drawn, in viewport coordinates (centred when smaller)."""
        shown, room = self._shown_size(), self.viewport().size()
        x = (room.width() - shown.width()) / 2 if shown.width() < room.width() else -self.horizontalScrollBar().value()
        y = (
            (room.height() - shown.height()) / 2
            if shown.height() < room.height()
            else -self.verticalScrollBar().value()
        )
        return QPointF(x, y)

    def paintEvent(self, event: QPaintEvent) -> None:
        pixmap = self._sharper or self._copy
        if pixmap is None or pixmap.isNull() or self._natural.isEmpty():
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, self._zoom < 2.0)
        origin = self._origin()
        shown = self._shown_size()
        target = QRectF(origin, QSize(shown)).intersected(QRectF(self.viewport().rect()))
        if target.isEmpty():
            return
        scale_x = pixmap.width() / shown.width()
        scale_y = pixmap.height() / shown.height()
        source = QRectF(
            (target.x() - origin.x()) * scale_x,
            (target.y() - origin.y()) * scale_y,
            target.width() * scale_x,
            target.height() * scale_y,
        )
        painter.drawPixmap(target, pixmap, source)  # only the part in view

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fit:
            self._set_zoom(self._fit_zoom())
        else:
            self._layout()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self.viewport().update()

    # --- the person ------------------------------------------------------------------------------

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if not steps or self._natural.isEmpty():
            super().wheelEvent(event)
            return
        self.zoom_by(STEP**steps, event.position())
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_out()
        elif key == Qt.Key.Key_0:
            self.fit()
        elif key == Qt.Key.Key_1:
            self.actual_size()
        else:
            super().keyPressEvent(event)
            return
        event.accept()
