"""Items of a list told apart: a line between them and room around their text, so that two items
of two lines each read as two items, not four lines."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QListWidget, QStyledItemDelegate, QStyleOptionViewItem

Index = QModelIndex | QPersistentModelIndex
ROOM = 8  # pixels added to an item's height, shared above and below its text


class DividedItems(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return super().sizeHint(option, index) + QSize(0, ROOM)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        painter.save()
        painter.setPen(option.palette.color(QPalette.ColorRole.Mid))  # follows the look, light or dark
        painter.drawLine(option.rect.bottomLeft(), option.rect.bottomRight())
        painter.restore()


def divide_items(view: QListWidget) -> None:
    """A line under each item, and alternating backgrounds."""
    view.setItemDelegate(DividedItems(view))
    view.setAlternatingRowColors(True)
