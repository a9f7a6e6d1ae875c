"""The table of tasks: light rows, a model over them, and a filtering/sorting proxy in Python lists.

Sized for 100,000 tasks. A row is a :class:`TaskRow` (``__slots__``, built straight from the
store's columns), not a pydantic ``Task``: the full task is read on demand for the details. The
model appends new tasks (its row index only grows, so it is kept up to date in O(1)). The proxy
keeps the rows in sort order in a plain list and the rows that pass the filter in another:
Qt never calls into Python once per row (a ``QSortFilterProxyModel`` calls ``filterAcceptsRow``
or ``data()`` for every row on every keystroke, which is what made typing slow); a keystroke is one
list comprehension over precomputed lower-case text, an insert is a binary search.
"""

from __future__ import annotations

import gc
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal

from app.drafts import OutboxRow
from ui.models.task_rows import (
    COLUMNS,
    NEXT_STEP_COLUMN,
    STATUS_COLUMN,
    Index,
    RowProblem,
    TaskRow,
    _as_row,
    _category,
    _category_key,
    _cell,
    _header,
    column_index,
)

if TYPE_CHECKING:
    from app.api.schema import Task

RECENT_TASKS = 1_000  # full tasks kept for their details (the rest are read from the store)


class TasksTableModel(QAbstractTableModel):
    """Rows of tasks (:class:`TaskRow`), then the drafts in the outbox (ids ``outbox:…``).

    New tasks are appended and never move, so the id → row index is kept up to date in O(1)
    (sorting and filtering are the proxy's). ``details`` reads a full task for :meth:`task` (the
    store); without it a task is rebuilt from its row. A clock is injected for the expiry words."""

    # (old row, new row) just before ``dataChanged`` for an updated task: the proxy moves it.
    rowReplaced = Signal(object, object)

    def __init__(
        self,
        clock: Callable[[], datetime] | None = None,
        parent: Any = None,
        *,
        details: Callable[[str], Task | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._rows: list[TaskRow] = []
        self._row_of: dict[str, int] = {}
        self._pending: list[TaskRow] = []
        self._pending_tasks: dict[str, Task | OutboxRow] = {}
        # The last tasks that arrived in full (created, refreshed, added): their details need no
        # store read, even when the store could not keep them. Bounded, unlike the rows.
        self._recent: OrderedDict[str, Task] = OrderedDict()
        self._clock = clock or (lambda: datetime.now(UTC))
        self._details = details
        self._problems: dict[str, RowProblem] = {}  # tasks whose refresh fails now, by id

    # --- Qt model API -----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows) + len(self._pending)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return _header(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < self.rowCount()):
            return None
        return _cell(self.row(index.row()), index.column(), role, self._clock)

    # --- our API ----------------------------------------------------------------------------
    def row(self, row: int) -> TaskRow:
        count = len(self._rows)
        return self._rows[row] if row < count else self._pending[row - count]

    def task(self, row: int) -> Task | OutboxRow:
        """The full task of a row: read on demand (only the selected one is ever needed)."""
        light = self.row(row)
        pending = self._pending_tasks.get(light.id) or self._recent.get(light.id)
        if pending is not None:
            return pending
        full = self._details(light.id) if self._details is not None else None
        return full if full is not None else light.to_task()

    def row_of(self, task_id: str) -> int | None:
        row = self._row_of.get(task_id)
        if row is not None:
            return row
        for offset, pending in enumerate(self._pending):
            if pending.id == task_id:
                return len(self._rows) + offset
        return None

    def tasks(self) -> list[TaskRow]:
        """The real tasks' rows (not the outbox rows), in the order they came."""
        return list(self._rows)

    def task_count(self) -> int:
        return len(self._rows)

    def all_rows(self) -> list[TaskRow]:
        """Every row in model order: the tasks, then the outbox."""
        return self._rows + self._pending

    def set_tasks(self, tasks: Iterable[Task | TaskRow]) -> None:
        self.beginResetModel()
        self._rows = []
        self._row_of = {}
        self._recent.clear()
        tasks = list(tasks)
        for task in tasks[-RECENT_TASKS:]:
            self._remember(task)
        self._add_unknown([_as_row(t) for t in tasks])
        self.endResetModel()

    def _add_unknown(self, rows: list[TaskRow]) -> list[TaskRow]:
        """Append the rows whose id is new (the first of duplicates wins); returns them."""
        if not self._rows:  # the common first fill: one dict comprehension, unless ids repeat
            index = {row.id: n for n, row in enumerate(rows)}
            if len(index) == len(rows):
                self._row_of, self._rows = index, list(rows)
                self._mark_problems()
                return self._rows
        known = self._row_of
        fresh: list[TaskRow] = []
        for row in rows:
            if row.id not in known:
                known[row.id] = len(self._rows) + len(fresh)
                fresh.append(row)
        self._rows.extend(fresh)
        self._mark_problems()
        return fresh

    def _mark_problems(self) -> None:
        for task_id, problem in self._problems.items():
            row = self._row_of.get(task_id)
            if row is not None:
                self._rows[row].problem = problem

    def set_refresh_problem(self, task_id: str, problem: RowProblem | None) -> None:
        """The task's refresh failed (why, and since when its data is old), or works again (None)."""
        if problem is None:
            self._problems.pop(task_id, None)
        else:
            self._problems[task_id] = problem
        row = self._row_of.get(task_id)
        if row is not None and self._rows[row].problem != problem:
            self._rows[row].problem = problem
            self.dataChanged.emit(self.index(row, STATUS_COLUMN), self.index(row, STATUS_COLUMN))

    def upsert(self, task: Task | TaskRow) -> int:
        """Add a new task, or update a known one's row in place; returns its row."""
        new = _as_row(task)
        new.problem = self._problems.get(new.id)
        self._remember(task)
        row = self._row_of.get(new.id)
        if row is not None:
            old = self._rows[row]
            self._rows[row] = new
            self.rowReplaced.emit(old, new)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
            return row
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(new)
        self._row_of[new.id] = row
        self.endInsertRows()
        return row

    def _remember(self, task: Task | TaskRow) -> None:
        if isinstance(task, TaskRow):
            self._recent.pop(task.id, None)
            return
        self._recent[task.id] = task
        self._recent.move_to_end(task.id)
        while len(self._recent) > RECENT_TASKS:
            self._recent.popitem(last=False)

    def append_rows(self, rows: Sequence[TaskRow]) -> None:
        """Add many (a page loaded from the store) at once; known ids are skipped."""
        unknown: dict[str, TaskRow] = {}
        for row in rows:
            if row.id not in self._row_of:
                unknown.setdefault(row.id, row)
        if not unknown:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(unknown) - 1)
        self._add_unknown(list(unknown.values()))
        self.endInsertRows()

    def replace_pending(self, pending: list[OutboxRow] | list[Task]) -> None:
        """The outbox changed: its rows (after the tasks) become these. Only what changed moves:
        rows that left are removed, changed ones updated in place, new ones appended."""
        wanted = {p.id: p for p in pending}
        first = len(self._rows)
        for offset in reversed(range(len(self._pending))):
            if self._pending[offset].id not in wanted:
                gone = self._pending[offset].id
                self.beginRemoveRows(QModelIndex(), first + offset, first + offset)
                del self._pending[offset]
                del self._pending_tasks[gone]
                self.endRemoveRows()
        for offset, row in enumerate(self._pending):
            item = wanted[row.id]
            if self._pending_tasks[row.id] != item:
                new = TaskRow.from_task(item)
                self._pending[offset] = new
                self._pending_tasks[row.id] = item
                self.rowReplaced.emit(row, new)
                self.dataChanged.emit(self.index(first + offset, 0), self.index(first + offset, len(COLUMNS) - 1))
        arriving = [item for item_id, item in wanted.items() if item_id not in self._pending_tasks]
        if arriving:
            start = first + len(self._pending)
            self.beginInsertRows(QModelIndex(), start, start + len(arriving) - 1)
            self._pending.extend(TaskRow.from_task(item) for item in arriving)
            self._pending_tasks.update((item.id, item) for item in arriving)
            self.endInsertRows()

    def refresh_expiry_words(self) -> None:
        """The clock moved: only the Expires column changes, no reset."""
        rows = self.rowCount()
        if rows:
            self.dataChanged.emit(
                self.index(0, NEXT_STEP_COLUMN),
                self.index(rows - 1, NEXT_STEP_COLUMN),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole],
            )

    def clock(self) -> datetime:
        return self._clock()

    def refresh_names(self) -> None:
        """The taxonomy's names changed: the Category / Type column says them (and sorts by them)."""
        _category.cache_clear()
        _category_key.cache_clear()
        if self.rowCount():
            column = column_index("Category / Type")
            self.dataChanged.emit(self.index(0, column), self.index(self.rowCount() - 1, column))


async def load_in_background(
    model: TasksTableModel, pages: Iterator[list[tuple[Any, ...]]], *, slice_seconds: float = 0.004
) -> int:
    """Append the store's pages (tuples, :data:`app.store.repository.TASK_ROW_FIELDS`) to the model, giving the
    GUI a turn every ``slice_seconds``; returns how many rows came.

    The cyclic garbage collector is paused meanwhile (a full collection over 100,000 new rows is
    a visible freeze), and the rows are then moved out of its way (``gc.freeze``): they live as
    long as the window."""
    import asyncio  # the model itself is built before the event loop's modules are loaded

    loaded = 0
    gc.disable()
    try:
        start = time.perf_counter()
        for page in pages:
            model.append_rows([TaskRow(*fields) for fields in page])
            loaded += len(page)
            if time.perf_counter() - start >= slice_seconds:
                await asyncio.sleep(0)
                start = time.perf_counter()
    finally:
        gc.enable()
    gc.freeze()
    return loaded
