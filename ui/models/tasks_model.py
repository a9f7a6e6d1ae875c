"""The table of tasks: packed rows, a model over them, and a filtering/sorting proxy over ids.

Sized for a million tasks. The model keeps its tasks packed (ui.models.packed_rows: parallel
arrays, text kept once, about 0.3 KB a task), not as an object per row: a :class:`TaskRow` is
made only for a row the view or a caller asks about, and the full task is read on demand for
the details. Each row has a *handle*, an integer that never changes while the model holds it:
a task's is its slot (tasks are only appended), an outbox row's is negative. The proxy keeps
handles in C arrays, in sort order and filtered: Qt never calls into Python once per row (a
``QSortFilterProxyModel`` calls ``filterAcceptsRow`` or ``data()`` for every row on every
keystroke), a keystroke is a few passes of C over the packed search text, an insert a binary
search.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal

from app.drafts import OutboxRow
from app.store.tasks_table import row_fields
from ui.models.packed_rows import PackedRows, both
from ui.models.task_rows import (
    COLUMNS,
    NEXT_STEP_COLUMN,
    STATUS_COLUMN,
    Index,
    RowProblem,
    TaskRow,
    _cell,
    _cells,
    _header,
    column_index,
    words_changed,
)

if TYPE_CHECKING:
    from app.api.schema import Task

RECENT_TASKS = 1_000  # full tasks kept for their details (the rest are read from the store)


VIEWS_KEPT = 2_048  # rows made for the view's questions, kept until this many (a paint asks about a screenful)


def _fields(task: Task | TaskRow | OutboxRow) -> tuple[Any, ...]:
    """A task's row as the store gives it (app.store.tasks_table.TASK_ROW_FIELDS)."""
    if isinstance(task, TaskRow):
        return (
            task.id, task.status, task.title, task.description, task.category, task.task_type,
            task.budget_usd, task.created_ts, task.expires_ts,
        )  # fmt: skip
    return (task.id, *row_fields(task))


class TasksTableModel(QAbstractTableModel):
    """Rows of tasks, then the drafts in the outbox (ids ``outbox:…``).

    Tasks are packed (:class:`~ui.models.packed_rows.PackedRows`) and only appended, so a task's
    row is its slot and the id → row index stays up to date in O(1) (sorting and filtering are the
    proxy's). ``details`` reads a full task for :meth:`task` (the store); without it a task is
    rebuilt from its row. A clock is injected for the expiry words."""

    # (old row, new row) just before ``dataChanged`` for an updated task: the proxy moves it.
    # Both carry the row's ``handle``.
    rowReplaced = Signal(object, object)

    def __init__(
        self,
        clock: Callable[[], datetime] | None = None,
        parent: Any = None,
        *,
        details: Callable[[str], Task | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._packed = PackedRows()
        self._staged: PackedRows | None = None  # packed, not shown yet (stage_fields)
        self._added_meanwhile = False  # tasks added otherwise while some were staged
        self._pending: list[TaskRow] = []  # the outbox's rows, after the tasks; negative handles
        self._pending_at: dict[int, TaskRow] = {}
        self._pending_tasks: dict[str, Task | OutboxRow] = {}
        self._serial = 0  # outbox rows ever shown (their handles are -1, -2, …)
        self._views: dict[int, TaskRow] = {}
        # The last tasks that arrived in full (created, refreshed, added): their details need no
        # store read, even when the store could not keep them. Bounded, unlike the rows.
        self._recent: OrderedDict[str, Task] = OrderedDict()
        self._clock = clock or (lambda: datetime.now(UTC))
        self._details = details
        self._problems: dict[str, RowProblem] = {}  # tasks whose refresh fails now, by id

    # --- Qt model API -----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._packed) + len(self._pending)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return _header(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < self.rowCount()):
            return None
        return _cell(self.row(index.row()), index.column(), role, self._clock)

    def multiData(self, index: Index, span: Any) -> None:
        if index.isValid() and 0 <= index.row() < self.rowCount():
            _cells(self.row(index.row()), index.column(), span, self._clock)

    # --- rows and handles ---------------------------------------------------------------------
    def view(self, handle: int) -> TaskRow:
        """The row of a handle (made from the packed arrays when asked; the last few are kept)."""
        row = self._views.get(handle)
        if row is None:
            if handle < 0:
                return self._pending_at[handle]
            row = self._make(handle)
            if len(self._views) >= VIEWS_KEPT:
                self._views.clear()
            self._views[handle] = row
        return row

    def _make(self, slot: int) -> TaskRow:
        row = TaskRow(*self._packed.fields(slot))
        row.handle = slot
        if self._problems:
            row.problem = self._problems.get(row.id)
        return row

    def handle(self, row: int) -> int:
        """The handle of a model row (a task's is its row; an outbox row's is negative)."""
        count = len(self._packed)
        return row if row < count else self._pending[row - count].handle  # type: ignore[return-value]

    def source_row(self, handle: int) -> int | None:
        if handle >= 0:
            return handle if handle < len(self._packed) else None
        for offset, pending in enumerate(self._pending):
            if pending.handle == handle:
                return len(self._packed) + offset
        return None

    def handles(self) -> array[int]:
        """Every row's handle, in model order."""
        return array("i", range(len(self._packed))) + array(
            "i", [p.handle for p in self._pending if p.handle is not None]
        )

    def status_of(self, handle: int) -> str:
        return self._packed.status_name(handle) if handle >= 0 else self._pending_at[handle].status

    def id_of(self, handle: int) -> str:
        return self._packed.ids[handle] if handle >= 0 else self._pending_at[handle].id

    def search_of(self, handle: int) -> str:
        return self.view(handle).search

    def mask(self, accepts: Callable[[str], bool] | None, needle: str) -> bytes:
        """One byte per handle (tasks first, then outbox rows at negative positions): 1 where the
        row's status is accepted and its text holds ``needle`` (case-folded); C over the tasks."""
        packed = self._packed
        found = packed.status_mask(accepts) if accepts is not None else None
        if needle:
            text = packed.text_mask(needle)
            found = text if found is None else both(found, text)
        if found is None:
            found = b"\1" * len(packed)
        tail = bytearray(self._serial)
        for pending in self._pending:
            if (accepts is None or accepts(pending.status)) and (not needle or needle in pending.search):
                tail[pending.handle] = 1  # type: ignore[index]
        return found + tail

    def sort_key(self, column: int) -> Callable[[int], Any]:
        """A handle's key for sorting by ``column`` (what COLUMNS' ``sort_key`` gives for its row)."""
        pending = self._pending_at
        if COLUMNS[column].header == "Created":
            created = self._packed.created
            return lambda h: created[h] if h >= 0 else pending[h].created_ts
        key, make = COLUMNS[column].sort_key, self._make
        return lambda h: key(make(h) if h >= 0 else pending[h])

    def bulk_key(self, column: int) -> Callable[[int], Any] | None:
        """The same key in C, for sorting many handles at once (tasks only: None while the outbox shows rows)."""
        if COLUMNS[column].header == "Created" and not self._pending:
            return self._packed.created.__getitem__
        return None

    # --- our API ----------------------------------------------------------------------------
    def row(self, row: int) -> TaskRow:
        return self.view(self.handle(row))

    def task(self, row: int) -> Task | OutboxRow:
        """The full task of a row: read on demand (only the selected one is ever needed)."""
        light = self.row(row)
        pending = self._pending_tasks.get(light.id) or self._recent.get(light.id)
        if pending is not None:
            return pending
        full = self._details(light.id) if self._details is not None else None
        return full if full is not None else light.to_task()

    def row_of(self, task_id: str) -> int | None:
        row = self._packed.slot_of.get(task_id)
        if row is not None:
            return row
        for offset, pending in enumerate(self._pending):
            if pending.id == task_id:
                return len(self._packed) + offset
        return None

    def tasks(self) -> list[TaskRow]:
        """The real tasks' rows (not the outbox rows), in the order they came."""
        return [self._make(slot) for slot in range(len(self._packed))]

    def task_count(self) -> int:
        return len(self._packed)

    def all_rows(self) -> list[TaskRow]:
        """Every row in model order: the tasks, then the outbox."""
        return self.tasks() + self._pending

    def set_tasks(self, tasks: Iterable[Task | TaskRow]) -> None:
        self.beginResetModel()
        self._packed = PackedRows()
        self._staged = None
        self._views.clear()
        self._recent.clear()
        tasks = list(tasks)
        for task in tasks[-RECENT_TASKS:]:
            self._remember(task)
        self._packed.extend(self._unknown([_fields(t) for t in tasks]))
        self.endResetModel()

    def _unknown(self, fields: Sequence[tuple[Any, ...]]) -> Sequence[tuple[Any, ...]]:
        """The rows whose id is new (the first of duplicates wins)."""
        known = self._packed.slot_of
        ids = [f[0] for f in fields]
        if not any(map(known.__contains__, ids)) and len(set(ids)) == len(ids):
            return fields  # the common case: checked in C
        fresh: dict[str, tuple[Any, ...]] = {}
        for f in fields:
            if f[0] not in known:
                fresh.setdefault(f[0], f)
        return list(fresh.values())

    def set_refresh_problem(self, task_id: str, problem: RowProblem | None) -> None:
        """The task's refresh failed (why, and since when its data is old), or works again (None)."""
        before = self._problems.get(task_id)
        if problem is None:
            self._problems.pop(task_id, None)
        else:
            self._problems[task_id] = problem
        row = self._packed.slot_of.get(task_id)
        if row is not None and before != problem:
            self._views.pop(row, None)  # made again with its problem
            self.dataChanged.emit(self.index(row, STATUS_COLUMN), self.index(row, STATUS_COLUMN))

    def upsert(self, task: Task | TaskRow) -> int:
        """Add a new task, or update a known one's row in place; returns its row."""
        fields = _fields(task)
        self._remember(task)
        row = self._packed.slot_of.get(fields[0])
        if row is not None:
            old = self.view(row)
            self._views.pop(row, None)
            self._packed.replace(row, fields)
            self.rowReplaced.emit(old, self.view(row))
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
            return row
        row = len(self._packed)
        self._added_meanwhile = True
        self.beginInsertRows(QModelIndex(), row, row)
        self._packed.extend([fields])
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
        self.append_fields([_fields(row) for row in rows])

    def append_fields(self, fields: Sequence[tuple[Any, ...]]) -> None:
        """Add many, as the store's plain rows (app.store.tasks_table.TASK_ROW_FIELDS); known ids are skipped."""
        fresh = self._unknown(fields)
        if not fresh:
            return
        first = len(self._packed)
        self._added_meanwhile = True
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        self._packed.extend(fresh)
        self.endInsertRows()

    def stage_fields(self, fields: Sequence[tuple[Any, ...]]) -> None:
        """Pack rows (the store's plain rows) without showing them yet: :meth:`show_staged` adds
        all that were staged at once (one insert, one repaint, instead of one per page)."""
        staged = self._staged
        if staged is None:
            staged = self._staged = self._packed.staging()
            self._added_meanwhile = False
        ids = [f[0] for f in fields]
        known, seen = self._packed.slot_of, staged.slot_of
        if any(map(known.__contains__, ids)) or any(map(seen.__contains__, ids)) or len(set(ids)) != len(ids):
            fields = [f for f in self._unknown(fields) if f[0] not in seen]  # rare: some are known
        staged.extend(fields)

    def show_staged(self) -> None:
        """Add the staged rows (those that arrived otherwise meanwhile are skipped)."""
        staged, self._staged = self._staged, None
        if staged is None or not len(staged):
            return
        if self._added_meanwhile and any(map(self._packed.slot_of.__contains__, staged.ids)):  # rare
            self.append_fields([staged.fields(slot) for slot in range(len(staged))])
            return
        first = len(self._packed)
        self.beginInsertRows(QModelIndex(), first, first + len(staged) - 1)
        self._packed.adopt(staged)
        self.endInsertRows()

    def replace_pending(self, pending: list[OutboxRow] | list[Task]) -> None:
        """The outbox changed: its rows (after the tasks) become these. Only what changed moves:
        rows that left are removed, changed ones updated in place, new ones appended."""
        wanted = {p.id: p for p in pending}
        first = len(self._packed)
        for offset in reversed(range(len(self._pending))):
            if self._pending[offset].id not in wanted:
                gone = self._pending[offset]
                self.beginRemoveRows(QModelIndex(), first + offset, first + offset)
                del self._pending[offset]
                del self._pending_tasks[gone.id]
                del self._pending_at[gone.handle]  # type: ignore[arg-type]
                self.endRemoveRows()
        for offset, row in enumerate(self._pending):
            item = wanted[row.id]
            if self._pending_tasks[row.id] != item:
                new = TaskRow.from_task(item)
                new.handle = row.handle
                self._pending[offset] = self._pending_at[row.handle] = new  # type: ignore[index]
                self._pending_tasks[row.id] = item
                self.rowReplaced.emit(row, new)
                self.dataChanged.emit(self.index(first + offset, 0), self.index(first + offset, len(COLUMNS) - 1))
        arriving = [item for item_id, item in wanted.items() if item_id not in self._pending_tasks]
        if arriving:
            start = first + len(self._pending)
            self.beginInsertRows(QModelIndex(), start, start + len(arriving) - 1)
            for item in arriving:
                new = TaskRow.from_task(item)
                self._serial += 1
                new.handle = -self._serial
                self._pending.append(new)
                self._pending_at[new.handle] = new
                self._pending_tasks[item.id] = item
            self.endInsertRows()

    def refresh_expiry_words(self) -> None:
        """The clock moved: only the Next step column changes, no reset."""
        rows = self.rowCount()
        if rows:
            self.dataChanged.emit(
                self.index(0, NEXT_STEP_COLUMN),
                self.index(rows - 1, NEXT_STEP_COLUMN),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole],
            )

    def clock(self) -> datetime:
        return self._clock()

    def retranslate(self) -> None:
        """A new language: the headers and every cell (words, money, dates) are said again; a
        view sorted by words sorts again (the proxy sees every row change)."""
        words_changed()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, len(COLUMNS) - 1))

    def refresh_names(self) -> None:
        """The taxonomy's names changed: the Category / Type column says them (and sorts by them)."""
        words_changed()
        if self.rowCount():
            column = column_index("Category / Type")
            self.dataChanged.emit(self.index(0, column), self.index(self.rowCount() - 1, column))
