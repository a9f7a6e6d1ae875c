"""What the tasks table shows: :class:`TasksFilterProxy` filters the model's rows by status group
and text and sorts them by a column, in plain Python lists (see ui.models.tasks_model for why), and the
status groups a person filters by (:data:`FILTERS`)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from app.api.contract import WAITS_FOR_YOU, status_info
from app.translatable import QT_TRANSLATE_NOOP
from ui.models.task_rows import COLUMNS, Index, TaskRow, _cell, _header, column_index

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

    ``_order`` holds every source row in ascending order of the sort key (or the source's order
    before any sort); ``_shown`` the rows that pass the filter, in the same order (the same list
    when nothing is filtered). Descending order reads the lists from the end. Changes of the
    source arrive as single rows or blocks and are placed by binary search; a filter or sort
    change rebuilds the lists and is announced as one layout change, keeping the selection."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._source: TasksTableModel | None = None
        self._order: list[TaskRow] = []
        self._shown: list[TaskRow] = self._order
        self._key: Callable[[TaskRow], Any] | None = None
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

    def _source_rows(self, first: int, last: int) -> list[TaskRow]:
        assert self._source is not None
        return [self._source.row(i) for i in range(first, last + 1)]

    def _source_reset(self) -> None:
        self.beginResetModel()
        source = self._source
        self._order = source.all_rows() if source is not None else []
        if self._key is not None:
            self._order.sort(key=self._key)
        self._shown = self._filter(self._order)
        self.endResetModel()

    def _source_inserted(self, parent: Index, first: int, last: int) -> None:
        self._add(self._source_rows(first, last))

    def _source_removing(self, parent: Index, first: int, last: int) -> None:
        for row in self._source_rows(first, last):
            self._remove(row)

    def _source_replaced(self, old: TaskRow, new: TaskRow) -> None:
        i = self._locate(self._order, old)
        if i is None:  # not expected: start again from the source
            self._source_reset()
            return
        moves = self._key is not None and self._key(old) != self._key(new)
        separate = self._shown is not self._order
        if separate:
            if moves:
                del self._order[i]
                self._order.insert(self._insert_at(self._order, new), new)
            else:
                self._order[i] = new
        was = self._locate(self._shown, old) if separate else i
        keep = self._accepts(new)
        if was is None:
            if keep:
                self._insert_shown(new)
            return
        if not keep:
            self._remove_shown(was)
            return
        if not moves:
            self._shown[was] = new
            return  # the source's dataChanged that follows repaints it
        # Same row, new place: announced as a layout change (which keeps the selection on it;
        # PySide6's beginMoveRows drops a reference to the bool it returns and crashes later).
        self.layoutAboutToBeChanged.emit()
        old_indexes = self.persistentIndexList()
        count = len(self._shown)
        rows = [self._at(i.row()) if 0 <= i.row() < count else None for i in old_indexes]
        rows = [new if r is old else r for r in rows]
        del self._shown[was]
        self._shown.insert(self._insert_at(self._shown, new), new)
        self._remap(old_indexes, rows)
        self.layoutChanged.emit()

    def _source_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, roles: Any = ()) -> None:
        """One row changed: that row, where it is shown (a repaint of it alone, if visible). More
        (the clock tick's column): one signal for the columns over every row; views repaint only
        what is visible."""
        if self._source is not None and top_left.row() == bottom_right.row():
            i = self._locate(self._shown, self._source.row(top_left.row()))
            if i is not None:
                row = self._proxy_row(i, len(self._shown))
                self.dataChanged.emit(
                    self.index(row, top_left.column()), self.index(row, bottom_right.column()), list(roles or [])
                )
            return
        names = column_index("Category / Type")
        if self._sort is not None and self._sort[0] == names and top_left.column() <= names <= bottom_right.column():
            order = sorted(self._order, key=COLUMNS[names].sort_key)  # the names it is sorted by changed
            self._relayout(order, self._filter(order))
            return
        rows = len(self._shown)
        if rows:
            self.dataChanged.emit(
                self.index(0, top_left.column()), self.index(rows - 1, bottom_right.column()), list(roles or [])
            )

    # --- the lists ----------------------------------------------------------------------------
    def _proxy_row(self, i: int, count: int) -> int:
        return count - 1 - i if self._descending else i

    def _at(self, proxy_row: int) -> TaskRow:
        return self._shown[-1 - proxy_row] if self._descending else self._shown[proxy_row]

    def _locate(self, rows: list[TaskRow], row: TaskRow) -> int | None:
        """Where this very row object is (binary search on the key, then identity)."""
        try:
            if self._key is None:
                return rows.index(row)
            key = self._key
            value = key(row)
            low = bisect_left(rows, value, key=key)
            return rows.index(row, low, bisect_right(rows, value, lo=low, key=key))
        except ValueError:
            return None

    def _insert_at(self, rows: list[TaskRow], row: TaskRow) -> int:
        return len(rows) if self._key is None else bisect_right(rows, self._key(row), key=self._key)

    def _accepts(self, row: TaskRow) -> bool:
        return (
            FILTERS[self._group][1](row.status)
            and (not self._needle or self._needle in row.search)
            and (self._ids is None or row.id in self._ids)
        )

    def _filter(self, rows: list[TaskRow]) -> list[TaskRow]:
        """The rows that pass, in order: one comprehension, no call per row for the group."""
        if self._ids is not None:
            ids = self._ids
            rows = [r for r in rows if r.id in ids]
        if self._group == "all" and not self._needle:
            return rows
        test = FILTERS[self._group][1]
        allowed = {status for status in {r.status for r in rows} if test(status)}
        needle = self._needle
        if self._group == "all":
            return [r for r in rows if needle in r.search]
        if not needle:
            return [r for r in rows if r.status in allowed]
        return [r for r in rows if r.status in allowed and needle in r.search]

    def _insert_shown(self, row: TaskRow) -> None:
        i = self._insert_at(self._shown, row)
        count = len(self._shown)
        at = count - i if self._descending else i
        self.beginInsertRows(QModelIndex(), at, at)
        self._shown.insert(i, row)
        self.endInsertRows()

    def _remove_shown(self, i: int) -> None:
        at = self._proxy_row(i, len(self._shown))
        self.beginRemoveRows(QModelIndex(), at, at)
        del self._shown[i]
        self.endRemoveRows()

    def _add(self, rows: list[TaskRow]) -> None:
        separate = self._shown is not self._order
        if len(rows) <= 8:
            for row in rows:
                if separate:
                    self._order.insert(self._insert_at(self._order, row), row)
                if self._accepts(row):  # always, when nothing is filtered (then _shown is _order)
                    self._insert_shown(row)
            return
        key = self._key
        block = sorted(rows, key=key) if key is not None else list(rows)
        # A block that goes wholly before or after the rows already there (pages of the load
        # arrive in order) is one insert; anything else is merged and announced as a new layout.
        if key is None or not self._order or key(block[0]) >= key(self._order[-1]):
            at_end = True
        elif key(block[-1]) <= key(self._order[0]):
            at_end = False
        else:
            merged = self._order + block
            merged.sort(key=key)
            self._relayout(merged, self._filter(merged))
            return
        shown = self._filter(block) if separate else block
        count = len(self._shown)
        if separate and at_end:
            self._order.extend(block)
        elif separate:
            self._order[0:0] = block
        if not shown:
            return
        # Ascending index range of the new rows in _shown, then as proxy rows.
        start = count if at_end else 0
        first, last = start, start + len(shown) - 1
        if self._descending:
            total = count + len(shown)
            first, last = total - 1 - last, total - 1 - first
        self.beginInsertRows(QModelIndex(), first, last)
        if at_end:
            self._shown.extend(shown)
        else:
            self._shown[0:0] = shown
        self.endInsertRows()

    def _remove(self, row: TaskRow) -> None:
        separate = self._shown is not self._order
        if separate:
            i = self._locate(self._order, row)
            if i is not None:
                del self._order[i]
        i = self._locate(self._shown, row)
        if i is not None:
            self._remove_shown(i)

    def _relayout(self, order: list[TaskRow], shown: list[TaskRow], descending: bool | None = None) -> None:
        """New lists (a sort or a filter): one layout change; selected rows keep their selection."""
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

    def _remap(self, old: list[QModelIndex], rows: list[TaskRow | None]) -> None:
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
        if not index.isValid() or not (0 <= index.row() < len(self._shown)):
            return None
        return _cell(self._at(index.row()), index.column(), role, self._clock)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by the column's real value: a key per row, then C's sort (a fraction of a second
        at 100,000 rows, where a proxy comparing through ``data()`` takes seconds)."""
        if not 0 <= column < len(COLUMNS):
            return
        self._sort = (column, order)
        descending = order == Qt.SortOrder.DescendingOrder
        key = COLUMNS[column].sort_key
        if key is self._key:  # the other direction: the same lists read from the other end
            if descending != self._descending:
                self._relayout(self._order, self._shown, descending)
            return
        self._key = key
        order_list = sorted(self._order, key=key)
        self._relayout(order_list, self._filter(order_list), descending)

    # --- mapping --------------------------------------------------------------------------------
    def mapToSource(self, index: Index) -> QModelIndex:
        if self._source is None or not index.isValid() or not 0 <= index.row() < len(self._shown):
            return QModelIndex()
        row = self._source.row_of(self._at(index.row()).id)
        return QModelIndex() if row is None else self._source.index(row, index.column())

    def mapFromSource(self, index: Index) -> QModelIndex:
        if self._source is None or not index.isValid():
            return QModelIndex()
        i = self._locate(self._shown, self._source.row(index.row()))
        return QModelIndex() if i is None else self.index(self._proxy_row(i, len(self._shown)), index.column())

    def row(self, proxy_row: int) -> TaskRow:
        return self._at(proxy_row)

    # --- filters --------------------------------------------------------------------------------
    def set_group(self, group: str) -> None:
        if group not in FILTERS:
            raise ValueError(group)
        self._refilter(group, self._needle)

    def set_ids(self, ids: frozenset[str] | None) -> None:
        """Show only the tasks with these IDs (with the other filters too); None: no such limit."""
        self._ids = ids
        self._relayout(self._order, self._filter(self._order))

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
        shown = self._filter(self._shown if narrower else self._order)
        if narrower and len(shown) == len(self._shown):
            self._shown = shown  # the same rows (typing on within a word they all have): no new layout
            return
        self._relayout(self._order, shown)
