"""A one-line label that ends in "…" where it has less room than its text (a status line on a narrow
window), instead of stopping mid-word. Its text stays whole for a screen reader and its tooltip."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel


class ElidingLabel(QLabel):
    def __init__(self) -> None:
        super().__init__()
        self.setTextFormat(Qt.TextFormat.PlainText)

    def shown_text(self) -> str:
        """What is drawn: the whole text, or its start and "…" where it does not fit."""
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, self.contentsRect().width())

    def paintEvent(self, event: QPaintEvent) -> None:
        shown = self.shown_text()
        if shown == self.text() and self.isEnabled() and self.frameWidth() == 0 and self.margin() == 0:
            # It fits: QLabel draws the same text in the same place, and asks its style in C++
            # (the first QStyle that reaches Python builds its many enums: ~5 ms of the first picture).
            super().paintEvent(event)
            return
        painter = QPainter(self)
        self.style().drawItemText(
            painter,
            self.contentsRect(),
            int(self.alignment() | Qt.AlignmentFlag.AlignVCenter),
            self.palette(),
            self.isEnabled(),
            shown,
            self.foregroundRole(),
        )
