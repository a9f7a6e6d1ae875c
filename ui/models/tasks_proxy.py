"""What the tasks table shows: :class:`TasksFilterProxy` filters the model's rows by status group
and text and sorts them by a column, in C arrays of row handles (see ui.models.tasks_model for why), and the
status groups a person filters by (:data:`FILTERS`)."""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Callable
from datetime import UTC, datetime
from itertools import compress
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from app.api.contract import status_info
from app.tasks.life import WAITS_FOR_YOU
from app.translatable import QT_TRANSLATE_NOOP
from ui.models.handle_order import in_key_order, locate, places
from ui.models.task_rows import COLUMNS, Index, TaskRow, _cell, _cells, _header, column_index

if TYPE_CHECKING:
    from ui.models.tasks_model import TasksTableModel


# Filters a person thinks in, not status codes.
FILTERS: dict[str, tuple[str, Callable[[str], bool]]] = {
    "all": (QT_TRANSLATE_NOOP("TasksTableModel", "All tasks"), lambda status: True),
    "active": (
        QT_TRANSLATE_NOOP("TasksTableModel", "In progress"),
        lambda status: not status_info(status).final and status not in WAITS_FOR_YOU,
    ),
    "review": (QT_TRANSLATE_NOOP("TasksTableModel", "Waiting for me"), lambda status: status in WAITS_FOR_YOU),
    "finished": (QT_TRANSLATE_NOOP("TasksTableModel", "Finished"), lambda status: status_info(status).final),
}


class TasksFilterProxy(QAbstractTableModel):
    """What the table shows: the source's rows filtered by status group and text, sorted by a column.

    ``_order`` holds every source row's handle (ui.models.tasks_model) in ascending order of the
    sort key (or the source's order before any sort); ``_shown`` the handles that pass the
    filter, in the same order (the same array when nothing is filtered). Both are C arrays of
    ints. Descending order reads them from the end. Changes of the source arrive as single rows
    or blocks and are placed by binary search; a filter or sort change rebuilds the arrays and is
    announced as one layout change, keeping the selection."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._source: TasksTableModel | None = None
        self._order: array[int] = array("i")
        self._shown: array[int] = self._order
        self._key: Callable[[int], Any] | None = None
        self._descending = False
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._group = "all"
        self._needle = ""
        self._ids: frozenset[str] | None = None  # only these tasks (the Spending view's), or all
        self._clock: Callable[[], datetime] = lambda: datetime.now(UTC)

    # --- source -------------------------------------------------------------------------------
    def setSourceModel(self, model: TasksTableModel) -> None:
        self._source = model
        self._clock = model.clock
        model.modelReset.connect(self._source_reset)
        model.layoutChanged.connect(self._source_reset)
        model.rowsInserted.connect(self._source_inserted)
        model.rowsAboutToBeRemoved.connect(self._source_removing)
        model.rowReplaced.connect(self._source_replaced)
        model.dataChanged.connect(self._source_data_changed)
        self._source_reset()

    def _source_handles(self, first: int, last: int) -> array[int]:
        assert self._source is not None
        if last < self._source.task_count():  # tasks: the handle is the row
            return array("i", range(first, last + 1))
        return array("i", [self._source.handle(i) for i in range(first, last + 1)])

    def _sorted(self, handles: array[int]) -> array[int]:
        """The handles in ascending order of the sort key (stable), or as they are without one."""
        if self._key is None or self._sort is None or self._source is None:
            return array("i", handles)
        bulk = self._source.bulk_key(self._sort[0])
        return in_key_order(handles, bulk) if bulk is not None else array("i", sorted(handles, key=self._key))

    def _source_reset(self) -> None:
        self.beginResetModel()
        source = self._source
        if source is not None and self._sort is not None:
            self._key = source.sort_key(self._sort[0])  # the source's arrays are new
        self._order = self._sorted(source.handles()) if source is not None else array("i")
        self._shown = self._filter(self._order, complete=True)
        self.endResetModel()

    def _source_inserted(self, parent: Index, first: int, last: int) -> None:
        self._add(self._source_handles(first, last))

    def _source_removing(self, parent: Index, first: int, last: int) -> None:
        for handle in self._source_handles(first, last):
            self._remove(handle)

    def _source_replaced(self, old: TaskRow, new: TaskRow) -> None:
        handle = new.handle
        assert handle is not None
        key = self._key
        before = key
        moves = False
        if key is not None and self._sort is not None:
            was_value = COLUMNS[self._sort[0]].sort_key(old)
            moves = was_value != key(handle)

            def before(h: int) -> Any:  # the key as it was: the arrays hold the handle at its old place
                return was_value if h == handle else key(h)

        i = self._locate(self._order, handle, before)
        if i is None:  # not expected: start again from the source
            self._source_reset()
            return
        separate = self._shown is not self._order
        was = self._locate(self._shown, handle, before) if separate else i
        if separate and moves:
            del self._order[i]
            self._order.insert(self._insert_at(self._order, handle), handle)
        keep = self._accepts(handle)
        if was is None:
            if keep:
                self._insert_shown(handle)
            return
        if not keep:
            self._remove_shown(was)
            return
        if not moves:
            return  # the source's dataChanged that follows repaints it
        # Same row, new place: announced as a layout change (which keeps the selection on it;
        # PySide6's beginMoveRows drops a reference to the bool it returns and crashes later).
        self.layoutAboutToBeChanged.emit()
        old_indexes = self.persistentIndexList()
        count = len(self._shown)
        rows = [self._at(i.row()) if 0 <= i.row() < count else None for i in old_indexes]
        del self._shown[was]
        self._shown.insert(self._insert_at(self._shown, handle), handle)
        self._remap(old_indexes, rows)
        self.layoutChanged.emit()

    def _source_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, roles: Any = ()) -> None:
        """One row changed: that row, where it is shown (a repaint of it alone, if visible). More
        (the clock tick's column): one signal for the columns over every row; views repaint only
        what is visible."""
        if self._source is not None and top_left.row() == bottom_right.row():
            i = self._locate(self._shown, self._source.handle(top_left.row()))
            if i is not None:
                row = self._proxy_row(i, len(self._shown))
                self.dataChanged.emit(
                    self.index(row, top_left.column()), self.index(row, bottom_right.column()), list(roles or [])
                )
            return
        words = (column_index("Category / Type"), column_index("Status"))  # (their keys are words)
        sorted_by = self._sort[0] if self._sort is not None else -1
        if sorted_by in words and top_left.column() <= sorted_by <= bottom_right.column():
            order = self._sorted(self._order)  # the names (or a new language's words) it is sorted by changed
            self._relayout(order, self._filter(order, complete=True))
            return
        rows = len(self._shown)
        if rows:
            self.dataChanged.emit(
                self.index(0, top_left.column()), self.index(rows - 1, bottom_right.column()), list(roles or [])
            )

    # --- the arrays ---------------------------------------------------------------------------
    def _proxy_row(self, i: int, count: int) -> int:
        return count - 1 - i if self._descending else i

    def _at(self, proxy_row: int) -> int:
        return self._shown[-1 - proxy_row] if self._descending else self._shown[proxy_row]

    def _locate(self, rows: array[int], handle: int, key: Callable[[int], Any] | None = None) -> int | None:
        return locate(rows, handle, key or self._key)

    def _insert_at(self, rows: array[int], handle: int) -> int:
        return len(rows) if self._key is None else bisect_right(rows, self._key(handle), key=self._key)

    def _accepts(self, handle: int) -> bool:
        assert self._source is not None
        return (
            FILTERS[self._group][1](self._source.status_of(handle))
            and (not self._needle or self._needle in self._source.search_of(handle))
            and (self._ids is None or self._source.id_of(handle) in self._ids)
        )

    def _filter(self, rows: array[int], *, complete: bool = False) -> array[int]:
        """The handles of ``rows`` that pass, in order: a few rows one by one, many through the
        source's mask (C over the packed rows). ``complete``: every row that can pass is among
        ``rows`` (the whole order, or what a narrower filter showed), so few hits can be picked
        from the mask and sorted instead of looking each row up."""
        if self._ids is not None and self._source is not None:  # the Spending view's tasks: few
            source = self._source
            allowed = {source.handle(r) for r in map(source.row_of, self._ids) if r is not None}
            rows = array("i", [h for h in rows if h in allowed])
        if self._group == "all" and not self._needle:
            return rows
        if self._source is None:
            return array("i")
        if len(rows) * 16 < self._source.rowCount():
            return array("i", [h for h in rows if self._accepts(h)])
        test = None if self._group == "all" else FILTERS[self._group][1]
        mask = self._source.mask(test, self._needle)
        hits = mask.count(1)
        if complete and hits == len(rows):
            return array("i", rows)  # all of them (a copy: filtered, though nothing was left out)
        if complete and hits * 8 < len(rows):
            found, size, at = [], len(mask), mask.find(1)
            tasks = self._source.task_count()
            while at >= 0:
                found.append(at if at < tasks else at - size)  # past the tasks: an outbox row's negative handle
                at = mask.find(1, at + 1)
            return self._sorted(array("i", found))
        return array("i", compress(rows, map(mask.__getitem__, rows)))

    def _insert_shown(self, handle: int) -> None:
        i = self._insert_at(self._shown, handle)
        count = len(self._shown)
        at = count - i if self._descending else i
        self.beginInsertRows(QModelIndex(), at, at)
        self._shown.insert(i, handle)
        self.endInsertRows()

    def _remove_shown(self, i: int) -> None:
        at = self._proxy_row(i, len(self._shown))
        self.beginRemoveRows(QModelIndex(), at, at)
        del self._shown[i]
        self.endRemoveRows()

    def _add(self, handles: array[int]) -> None:
        separate = self._shown is not self._order
        if len(handles) <= 8:
            for handle in handles:
                if separate:
                    self._order.insert(self._insert_at(self._order, handle), handle)
                if self._accepts(handle):  # always, when nothing is filtered (then _shown is _order)
                    self._insert_shown(handle)
            return
        key = self._key
        block = self._sorted(handles)
        if key is None or not self._order:
            self._add_run(block, len(self._order))
            return
        runs = places(self._order, block, key)  # most often one: a page of the load between two rows
        if len(runs) > 16:
            merged = self._sorted(self._order + block)
            self._relayout(merged, self._filter(merged, complete=True))
            return
        for place, run in reversed(runs):  # from the end: the places before them stay right
            self._add_run(run, place)

    def _add_run(self, run: array[int], place: int) -> None:
        """Sorted rows that all go at ``place`` in the order (between the same two rows)."""
        separate = self._shown is not self._order
        shown = self._filter(run) if separate else run
        if separate:
            self._order[place:place] = run
            if not shown:
                return
            at = place if self._key is None else bisect_right(self._shown, self._key(shown[0]), key=self._key)
        else:
            at = place
        count = len(self._shown)
        first, last = at, at + len(shown) - 1  # ascending places in _shown, then as proxy rows
        if self._descending:
            total = count + len(shown)
            first, last = total - 1 - last, total - 1 - first
        self.beginInsertRows(QModelIndex(), first, last)
        self._shown[at:at] = shown
        self.endInsertRows()

    def _remove(self, handle: int) -> None:
        separate = self._shown is not self._order
        if separate:
            i = self._locate(self._order, handle)
            if i is not None:
                del self._order[i]
        i = self._locate(self._shown, handle)
        if i is not None:
            self._remove_shown(i)

    def _relayout(self, order: array[int], shown: array[int], descending: bool | None = None) -> None:
        """New arrays (a sort or a filter): one layout change; selected rows keep their selection."""
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        count = len(self._shown)
        rows = [self._at(i.row()) if 0 <= i.row() < count else None for i in old]
        self._order = order
        self._shown = shown
        if descending is not None:
            self._descending = descending
        self._remap(old, rows)
        self.layoutChanged.emit()

    def _remap(self, old: list[QModelIndex], rows: list[int | None]) -> None:
        """Point the views' persistent indexes (selection, current) at their rows' new places."""
        new = []
        count = len(self._shown)
        for index, row in zip(old, rows, strict=True):
            i = self._locate(self._shown, row) if row is not None else None
            new.append(self.index(self._proxy_row(i, count), index.column()) if i is not None else QModelIndex())
        self.changePersistentIndexList(old, new)

    # --- Qt model API -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return _header(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._source is None or not index.isValid() or not (0 <= index.row() < len(self._shown)):
            return None
        return _cell(self._source.view(self._at(index.row())), index.column(), role, self._clock)

    def multiData(self, index: Index, span: Any) -> None:
        if self._source is None or not index.isValid() or not (0 <= index.row() < len(self._shown)):
            return
        _cells(self._source.view(self._at(index.row())), index.column(), span, self._clock)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by the column's real value: a key per row, then C's sort (the creation time's key
        is read from its C array; other columns make each row once)."""
        if not 0 <= column < len(COLUMNS):
            return
        same = self._sort is not None and self._sort[0] == column and self._key is not None
        self._sort = (column, order)
        descending = order == Qt.SortOrder.DescendingOrder
        if same:  # the other direction: the same arrays read from the other end
            if descending != self._descending:
                self._relayout(self._order, self._shown, descending)
            return
        if self._source is None:
            self._descending = descending
            return
        self._key = self._source.sort_key(column)
        order_list = self._sorted(self._order)
        self._relayout(order_list, self._filter(order_list, complete=True), descending)

    # --- mapping --------------------------------------------------------------------------------
    def mapToSource(self, index: Index) -> QModelIndex:
        if self._source is None or not index.isValid() or not 0 <= index.row() < len(self._shown):
            return QModelIndex()
        row = self._source.source_row(self._at(index.row()))
        return QModelIndex() if row is None else self._source.index(row, index.column())

    def mapFromSource(self, index: Index) -> QModelIndex:
        if self._source is None or not index.isValid():
            return QModelIndex()
        i = self._locate(self._shown, self._source.handle(index.row()))
        return QModelIndex() if i is None else self.index(self._proxy_row(i, len(self._shown)), index.column())

    def row(self, proxy_row: int) -> TaskRow:
        assert self._source is not None
        return self._source.view(self._at(proxy_row))

    # --- filters --------------------------------------------------------------------------------
    def set_group(self, group: str) -> None:
        if group not in FILTERS:
            raise ValueError(group)
        self._refilter(group, self._needle)

    def set_ids(self, ids: frozenset[str] | None) -> None:
        """Show only the tasks with these IDs (with the other filters too); None: no such limit."""
        self._ids = ids
        self._relayout(self._order, self._filter(self._order, complete=True))

    @property
    def ids(self) -> frozenset[str] | None:
        return self._ids

    def set_text(self, text: str) -> None:
        self._refilter(self._group, text.strip().casefold())

    def _refilter(self, group: str, needle: str) -> None:
        if (group, needle) == (self._group, self._needle):
            return
        # Narrower than before (same group or from "all", text only longer): only the rows shown
        # now can still pass, so only they are looked at.
        narrower = (group == self._group or self._group == "all") and self._needle in needle
        self._group, self._needle = group, needle
        shown = self._filter(self._shown if narrower else self._order, complete=True)
        if narrower and len(shown) == len(self._shown):
            self._shown = shown  # the same rows (typing on within a word they all have): no new layout
            return
        self._relayout(self._order, shown)
