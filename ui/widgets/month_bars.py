"""A small bar chart of months, drawn with QPainter: one bar per month, its height the money
committed that month, stacked as paid, still open (held) and refunded; the months' short names
below. A click on a bar asks for that month (``monthClicked``); the numbers themselves are in the
Spending window's table beside it (the chart is a picture of them, for the eye)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QHelpEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ui.i18n import fill, money
from ui.theme import follow_theme, status_colour

# (kind, the status whose colour it takes): paid like completed work, open like a posted task,
# refunded like a cancelled one; the same colours as the table's status words.
STACK = (("paid", "completed"), ("open", "open"), ("refunded", "cancelled"))


@dataclass(frozen=True)
class Bar:
    label: str  # "Mar"
    name: str  # "March 2026", for tooltips and screen readers
    paid: float
    open: float
    refunded: float

    @property
    def total(self) -> float:
        return self.paid + self.open + self.refunded


class MonthBars(QWidget):
    monthClicked = Signal(int)  # the bar's index

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("spendingChart")
        self.setMinimumSize(QSize(320, 150))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMouseTracking(True)
        self._bars: list[Bar] = []
        self._legend: dict[str, str] = {}
        follow_theme(self)

    def sizeHint(self) -> QSize:
        return QSize(520, 190)

    def theme_changed(self) -> None:
        self.update()

    def set_bars(self, bars: list[Bar], legend: dict[str, str]) -> None:
        """The months, oldest first; ``legend`` names each kind ("paid": "Paid" ...)."""
        self._bars = bars
        self._legend = legend
        self.setAccessibleDescription(
            " ".join(
                fill(
                    self.tr("%1: paid %2, open %3, refunded %4."),
                    bar.name,
                    money(bar.paid),
                    money(bar.open),
                    money(bar.refunded),
                )
                for bar in bars
            )
        )
        self.update()

    def bars(self) -> list[Bar]:
        return list(self._bars)

    # --- geometry -----------------------------------------------------------------------------
    def _plot(self) -> QRectF:
        line = self.fontMetrics().height()
        return QRectF(4, line + 6, self.width() - 8, self.height() - 3 * line - 18)

    def bar_rect(self, index: int) -> QRectF:
        """Where bar ``index`` is drawn at full height (its column)."""
        plot = self._plot()
        count = max(1, len(self._bars))
        slot = plot.width() / count
        return QRectF(plot.left() + index * slot + slot * 0.15, plot.top(), slot * 0.7, plot.height())

    def _index_at(self, x: float) -> int | None:
        for i in range(len(self._bars)):
            rect = self.bar_rect(i)
            if rect.left() - rect.width() * 0.2 <= x <= rect.right() + rect.width() * 0.2:
                return i
        return None

    # --- painting -------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        text = self.palette().windowText().color()
        quiet = QColor(text)
        quiet.setAlpha(110)
        plot = self._plot()
        highest = max((bar.total for bar in self._bars), default=0.0)
        line = self.fontMetrics().height()
        painter.setPen(text)
        painter.drawText(QRectF(4, 0, self.width() - 8, line + 2), Qt.AlignmentFlag.AlignLeft, money(highest, 0))
        painter.setPen(quiet)
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
        painter.drawLine(QPointF(plot.left(), plot.top()), QPointF(plot.right(), plot.top()))
        for i, bar in enumerate(self._bars):
            column = self.bar_rect(i)
            bottom = column.bottom()
            for kind, status in STACK:
                value = getattr(bar, kind)
                if value <= 0 or highest <= 0:
                    continue
                height = column.height() * value / highest
                painter.fillRect(QRectF(column.left(), bottom - height, column.width(), height), status_colour(status))
                bottom -= height
            painter.setPen(text)
            label = QRectF(column.left() - column.width() * 0.3, plot.bottom() + 2, column.width() * 1.6, line + 2)
            painter.drawText(label, Qt.AlignmentFlag.AlignHCenter, bar.label)
        x = plot.left()
        y = self.height() - line - 2
        for kind, status in STACK:
            name = self._legend.get(kind, kind)
            painter.fillRect(QRectF(x, y + line * 0.2, line * 0.7, line * 0.7), status_colour(status))
            painter.setPen(text)
            width = self.fontMetrics().horizontalAdvance(name) + 4
            painter.drawText(QRectF(x + line, y, width, line + 2), Qt.AlignmentFlag.AlignLeft, name)
            x += line + width + line
        painter.end()

    # --- the mouse --------------------------------------------------------------------------------
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        index = self._index_at(event.position().x())
        if event.button() == Qt.MouseButton.LeftButton and index is not None:
            self.monthClicked.emit(index)
            return
        super().mouseReleaseEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        over = self._index_at(event.position().x()) is not None
        self.setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self._index_at(event.pos().x())
            if index is None:
                QToolTip.hideText()
            else:
                bar = self._bars[index]
                QToolTip.showText(
                    event.globalPos(),
                    fill(
                        self.tr("%1\nPaid: %2\nOpen: %3\nRefunded: %4"),
                        bar.name,
                        money(bar.paid),
                        money(bar.open),
                        money(bar.refunded),
                    ),
                    self,
                )
            return True
        return super().event(event)
