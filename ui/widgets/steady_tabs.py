"""A tab widget whose tab titles change without repainting the page under them.

``QTabWidget.setTabText`` lays the whole widget out again and ends with ``update()`` of itself:
the current page is painted again in full, children and all (with 100,000 tasks, the table and the
details: 2.5–5 ms on each change of "Drafts (N)" while the outbox drains). Here a title goes to the
tab bar alone, which lays out its tabs and paints itself; the layout request it sends up is carried
out as before unless nothing the layout depends on has changed since the last one (the widget's
size, the tab bar's and the corner widgets' size hints, the tabs' place and shape): then only the
parent is told that the hints may have changed, as the layout would have told it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QTabWidget, QWidget


class SteadyTabWidget(QTabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._laid_out_for: tuple[Any, ...] | None = None  # what the last layout was made for

    def setTabText(self, index: int, text: str) -> None:
        if self.tabText(index) != text:
            self.tabBar().setTabText(index, text)  # the bar asks for a layout if its size changed

    def _layout_inputs(self) -> tuple[Any, ...]:
        corners = [self.cornerWidget(c) for c in (Qt.Corner.TopLeftCorner, Qt.Corner.TopRightCorner)]
        bar = self.tabBar()
        return (
            self.rect(),
            bar.sizeHint(),
            bar.geometry(),
            self.tabPosition(),
            self.tabShape(),
            self.documentMode(),
            self.usesScrollButtons(),
            *[(c.sizeHint(), c.isVisible()) if c is not None else None for c in corners],
        )

    def event(self, event: QEvent) -> bool:
        if event.type() != QEvent.Type.LayoutRequest or not self.isVisible():
            return super().event(event)
        if self._layout_inputs() == self._laid_out_for:  # the same layout again: skip it and its full repaint
            self.updateGeometry()  # (a page's size hint may have changed: the parent lays out)
            return QWidget.event(self, event)
        handled = super().event(event)
        self._laid_out_for = self._layout_inputs()
        return handled

    # Qt lays the widget out itself on these (no layout request): the layout is then for what is now.
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._laid_out_for = self._layout_inputs()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._laid_out_for = self._layout_inputs()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.StyleChange:
            self._laid_out_for = self._layout_inputs()

    def tabInserted(self, index: int) -> None:
        super().tabInserted(index)
        self._laid_out_for = None

    def tabRemoved(self, index: int) -> None:
        super().tabRemoved(index)
        self._laid_out_for = None
