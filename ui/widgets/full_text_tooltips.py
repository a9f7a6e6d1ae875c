"""A cell cut short ("Graphics desig…") shows its full text in a tooltip.

``FullTextDelegate`` is set on a view (``view.setItemDelegate(FullTextDelegate(view))``); a cell
whose text fits keeps the model's own tooltip (if any), a cut cell shows its whole text, followed
by the model's tooltip when that says something more (the exact time under "in 3 h").
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFontMetrics, QHelpEvent
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ui.i18n import TOOLTIP_WRAP, plain_tooltip

Index = QModelIndex | QPersistentModelIndex


def _unwrapped(tip: str) -> str:
    """The model's tooltip as plain text (it may already be escaped and wrapped like ours)."""
    prefix, suffix = TOOLTIP_WRAP
    if tip.startswith(prefix) and tip.endswith(suffix):
        import html

        return html.unescape(tip[len(prefix) : -len(suffix)])
    return tip


class FullTextDelegate(QStyledItemDelegate):
    def is_cut(self, option: QStyleOptionViewItem, index: Index, widget: QWidget | None = None) -> bool:
        """Whether the cell's text is elided at the cell's present width."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        if not text:
            return False
        style = widget.style() if widget is not None else opt.widget.style() if opt.widget else None
        if style is None:
            return False
        from PySide6.QtWidgets import QStyle  # its many enums load on the first tooltip, not at start

        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        width = text_rect.width() - 2 * margin
        longest = max(QFontMetrics(opt.font).horizontalAdvance(line) for line in text.split("\n"))
        return longest > width

    def full_text_tooltip(self, option: QStyleOptionViewItem, index: Index, widget: QWidget | None = None) -> str:
        """The tooltip a cell shows: its whole text when cut (plus the model's tooltip), else the model's."""
        tip = index.data(Qt.ItemDataRole.ToolTipRole)
        tip = str(tip) if tip else ""
        if not self.is_cut(option, index, widget):
            return tip
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        extra = _unwrapped(tip)
        if extra and extra != text:
            text = f"{text}\n{extra}"
        return plain_tooltip(text)

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem, index: Index) -> bool:
        from PySide6.QtWidgets import QToolTip

        if event is not None and view is not None and event.type() == QEvent.Type.ToolTip and index.isValid():
            tip = self.full_text_tooltip(option, index, view)
            if tip:
                QToolTip.showText(event.globalPos(), tip, view.viewport(), view.visualRect(index))
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().helpEvent(event, view, option, index)
