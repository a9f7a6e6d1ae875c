"""A table view that repaints only what a row insertion changes.

Qt's item views lay themselves out again after any change of the row count and then repaint
every visible cell (``doItemsLayout``): about 5 ms a time at 100,000 tasks, most of it asking the
model about each cell in view. :class:`SteadyTableView` repaints only what the insertion changed:

- rows inserted below the last row in view (as a background load adds the older tasks), or
  removed there (a draft of the outbox, sent, leaves the rows under the view), change nothing in
  view: only the scroll bar and headers are laid out again;
- rows inserted in view (a task just created lands at the top) push the rows after them down:
  their pixels are moved down at once (``QWidget.scroll``, as Qt's views do when scrolled; an
  update already asked for moves with them) and only the new rows are painted. What is shown is
  what a full repaint paints: selection, the current cell and hover follow their rows (persistent
  indexes), and the view is not painted in alternating colours (a row's colour would depend on
  where it is).

Any other change (rows inserted above the view, rows removed in or above it, a sort, a filter, a reset, a new font or
style) makes it lay out and repaint as Qt does (a resize repaints all of it by itself)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QPersistentModelIndex, QRect, SignalInstance
from PySide6.QtWidgets import QTableView, QWidget

from ui.widgets.viewport import viewport_of

_RELAYOUT = (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.LayoutDirectionChange)


class SteadyTableView(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._steady = False  # since the last layout: only rows inserted, their pixels already right
        self._changed = False  # since the last layout: anything else
        self._viewport = viewport_of(self)  # (its first viewport() would cost 5–10 ms later)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        old = self.model()
        if old is not None:
            for signal in self._other_changes(old):
                signal.disconnect(self._other_change)
        super().setModel(model)
        if model is not None:
            for signal in self._other_changes(model):
                signal.connect(self._other_change)
        self._other_change()

    @staticmethod
    def _other_changes(model: QAbstractItemModel) -> list[SignalInstance]:
        return [
            model.layoutChanged, model.modelReset, model.rowsMoved,
            model.columnsInserted, model.columnsRemoved, model.columnsMoved, model.headerDataChanged,
        ]  # fmt: skip

    def _other_change(self, *_: object) -> None:
        self._changed = True

    def rowsInserted(self, parent: QModelIndex | QPersistentModelIndex, start: int, end: int) -> None:
        if not (self._changed or parent.isValid()) and self._pushed_down(start, end - start + 1):
            self._steady = True
        else:
            self._changed = True
        super().rowsInserted(parent, start, end)

    def rowsAboutToBeRemoved(self, parent: QModelIndex | QPersistentModelIndex, start: int, end: int) -> None:
        if not (self._changed or parent.isValid()) and self._below_view(start):
            self._steady = True
        else:
            self._changed = True
        super().rowsAboutToBeRemoved(parent, start, end)

    def _below_view(self, first: int) -> bool:
        """Whether row ``first`` and all after it are below the last row in view (its pixels and
        those above stay as they are when they go)."""
        if self.verticalHeader().count() != self.model().rowCount() or not self.isVisible():
            return False
        last = self.rowAt(self._viewport.height() - 1)
        return last >= 0 and first > last

    def _pushed_down(self, first: int, count: int) -> bool:
        """Make the viewport show rows ``first`` … ``first + count - 1`` just inserted: the rows
        after them are moved down, the new ones painted; False when that cannot be done here."""
        viewport = self._viewport
        rows = self.model().rowCount()
        top, bottom = self.rowViewportPosition(first), viewport.height()
        if self.verticalHeader().count() != rows or self.alternatingRowColors() or top < 0:
            return False  # (the header lags, or the rows go in above the view: all of it moves)
        if top >= bottom or self.rowAt(bottom - 1) >= 0 and first > self.rowAt(bottom - 1):
            return True  # below the view: nothing in it changes
        if not self.isVisible():
            return False
        after = self.rowViewportPosition(first + count) if first + count < rows else bottom
        height = min(after - top, bottom - top)
        if height <= 0:
            return False
        below = QRect(0, top, viewport.width(), bottom - top)
        if height < below.height():
            viewport.scroll(0, height, below)  # the rows after the new ones, lower by the new ones' height
        viewport.update(QRect(0, top, viewport.width(), height))
        return True

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in _RELAYOUT:
            self._changed = True
        super().changeEvent(event)

    def doItemsLayout(self) -> None:
        steady = self._steady and not self._changed
        self._steady = self._changed = False
        if steady:
            self.updateGeometries()  # the scroll bar's range and the headers; what is in view is right
        else:
            super().doItemsLayout()
