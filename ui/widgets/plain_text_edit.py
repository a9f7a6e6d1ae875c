"""A multi-line text box that takes plain text only; Enter is a new line, Ctrl+Enter is left to
the form. Used by the form and the requirements editor."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QSize
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (
    QPlainTextEdit,
    QWidget,
)


class PlainTextEdit(QPlainTextEdit):
    """Multi-line text: pasted rich text becomes plain text; Tab moves focus instead of typing a
    tab; Enter types a new line (it never sends)."""

    def __init__(self, parent: QWidget | None = None, *, lines: int = 6) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self._lines = lines

    def sizeHint(self) -> QSize:
        # Room for a few lines, not Qt's 192 pixels: the form must breathe in a 640-pixel window.
        hint = super().sizeHint()
        frame = 2 * self.frameWidth() + int(self.document().documentMargin() * 2)
        return QSize(hint.width(), self.fontMetrics().lineSpacing() * self._lines + frame)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText():
            self.insertPlainText(source.text())
        elif source.hasHtml():  # some programs offer only formatted text: keep its words
            self.insertPlainText(QTextDocumentFragment.fromHtml(source.html()).toPlainText())


# --- values ---------------------------------------------------------------------------------
