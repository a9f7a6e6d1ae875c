"""A row of buttons that becomes two rows when the window is too narrow for it (a small screen,
or text twice the size): the first group on the left, the second on the right, or under it."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QWidget


class WrappingRow(QWidget):
    def __init__(self, first: list[QWidget], second: list[QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._first, self._second = QHBoxLayout(), QHBoxLayout()
        for widget in first:
            self._first.addWidget(widget)
        self._first.addStretch(1)
        self._second.addStretch(1)  # the second group keeps to the right, on either row
        for widget in second:
            self._second.addWidget(widget)
        self._box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._box.setContentsMargins(0, 0, 0, 0)
        self._box.addLayout(self._first, 1)
        self._box.addLayout(self._second)

    def _side_by_side_width(self) -> int:
        return self._first.sizeHint().width() + self._box.spacing() + self._second.sizeHint().width()

    def minimumSizeHint(self) -> QSize:
        """As narrow as the wider group: the two can be stacked."""
        first, second = self._first.minimumSize(), self._second.minimumSize()
        return QSize(max(first.width(), second.width()), first.height() + self._box.spacing() + second.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        wide = event.size().width() >= self._side_by_side_width()
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self._box.direction() != direction:
            self._box.setDirection(direction)
            self.updateGeometry()  # one row or two: another height
        super().resizeEvent(event)
