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

import asyncio
import gc
import html
import sys
import time
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from operator import attrgetter
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QFont

from app.drafts import OutboxRow
from app.schema import Task, status_info
from app.taxonomy import names
from app.timefmt import UNSHOWABLE, expires_in_words, expiry_warns, seconds_since_epoch
from ui.i18n import translate, words
from ui.presenters import DATE_TIME, money, short_when, when
from ui.status_icons import status_icon
from ui.theme import colour, status_colour

RECENT_TASKS = 1_000  # full tasks kept for their details (the rest are read from the store)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
TASK_ID_ROLE = Qt.ItemDataRole.UserRole + 2
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex
_intern = sys.intern


def plain_tooltip(text: str) -> str:
    """Qt guesses whether a tooltip is rich text; escaping makes server text show as typed."""
    if not text:
        return ""
    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>"


def search_text(task: Task | TaskRow) -> str:
    """What the search box looks in."""
    return f"{task.title or ''}\n{task.description or ''}"


@lru_cache(maxsize=256)
def _is_final(status: str) -> bool:
    return status_info(status).final


def _status_label(status: str) -> str:
    return words(status_info(status).label)  # in the language in use now (not cached: it can change)


class TaskRow:
    """One row of the table: what it shows, sorts and searches, and nothing more.

    About a fifth of a pydantic ``Task`` in memory; made from the store's columns without JSON.
    Times are seconds since the epoch (``created_ts`` 0 = unknown, ``expires_ts`` None = none)."""

    __slots__ = (
        "budget_usd",
        "category",
        "created_ts",
        "description",
        "expires_ts",
        "id",
        "search",
        "status",
        "task_type",
        "title",
    )

    def __init__(
        self,
        id: str,
        status: str,
        title: str,
        description: str,
        category: str,
        task_type: str,
        budget_usd: float | None,
        created_ts: float,
        expires_ts: float | None,
    ) -> None:
        self.id = id
        self.status = _intern(status)
        self.title = title
        self.description = description
        self.category = _intern(category)
        self.task_type = _intern(task_type)
        self.budget_usd = budget_usd
        self.created_ts = created_ts or 0.0
        self.expires_ts = expires_ts
        self.search = f"{title}\n{description}".casefold()

    @classmethod
    def from_task(cls, task: Task | OutboxRow) -> TaskRow:
        budget = task.budget_usd if isinstance(task.budget_usd, (int, float)) else None
        return cls(
            task.id,
            task.status,
            task.title or "",
            task.description or "",
            task.category or "",
            task.task_type or "",
            budget,
            seconds_since_epoch(task.created_at),
            seconds_since_epoch(task.expires_at) if task.expires_at else None,
        )

    def to_task(self) -> Task:
        """A ``Task`` with what the row knows (the store has the rest)."""
        return Task(
            id=self.id,
            status=self.status,
            title=self.title,
            description=self.description,
            category=self.category,
            task_type=self.task_type,
            budget_usd=self.budget_usd,
            created_at=datetime.fromtimestamp(self.created_ts, UTC) if self.created_ts else None,
            expires_at=None if self.expires_ts is None else datetime.fromtimestamp(self.expires_ts, UTC),
        )

    @property
    def is_final(self) -> bool:
        return _is_final(self.status)

    def __repr__(self) -> str:
        return f"TaskRow({self.id!r}, {self.status!r}, {self.title!r})"


def _as_row(task: Task | TaskRow) -> TaskRow:
    return task if isinstance(task, TaskRow) else TaskRow.from_task(task)


def _when(ts: float | None) -> datetime | None:
    """The moment of a stored time (None when there is none, or when it lies past what this
    platform's dates hold: the cells then say UNSHOWABLE, as for any date they can't show)."""
    if not ts:
        return None
    try:
        return datetime.fromtimestamp(ts, UTC)
    except (OverflowError, OSError, ValueError):
        return None


def _local(ts: float | None) -> str:
    if not ts:
        return ""
    moment = _when(ts)
    return UNSHOWABLE if moment is None else when(moment, DATE_TIME)  # "—" also for year 9999 at +14 h


def _short_local(ts: float | None) -> str:
    """Day and time; the year only when it is not this year (the tooltip has it all)."""
    if not ts:
        return ""
    moment = _when(ts)
    return UNSHOWABLE if moment is None else short_when(moment)


@lru_cache(maxsize=4096)
def _category(category: str, task_type: str) -> str:
    """The taxonomy's own names, as in the form: 'Graphics & Design › Logo design' (cached; the
    cache is cleared when the names change, TasksTableModel.refresh_names)."""
    return names().both(category, task_type)


@lru_cache(maxsize=4096)
def _category_key(category: str, task_type: str) -> str:
    return _category(category, task_type).casefold()


@dataclass(frozen=True)
class Column:
    header: str
    display: Callable[[TaskRow, datetime], str]
    sort_key: Callable[[TaskRow], Any]
    tooltip: Callable[[TaskRow], str] | None = None
    align_right: bool = False


COLUMNS: list[Column] = [
    Column(
        QT_TRANSLATE_NOOP("TasksTableModel", "Title"),
        lambda t, now: t.title or translate("TasksTableModel", "Untitled task"),
        lambda t: t.title.casefold(),
        tooltip=lambda t: plain_tooltip(t.title),
    ),
    Column(
        QT_TRANSLATE_NOOP("TasksTableModel", "Category / Type"),
        lambda t, now: _category(t.category, t.task_type),
        lambda t: _category_key(t.category, t.task_type),
    ),
    Column(
        QT_TRANSLATE_NOOP("TasksTableModel", "Budget"),
        lambda t, now: "" if t.budget_usd is None else money(t.budget_usd),
        lambda t: t.budget_usd if t.budget_usd is not None else -1.0,
        align_right=True,
    ),
    Column(
        QT_TRANSLATE_NOOP("TasksTableModel", "Status"),
        lambda t, now: _status_label(t.status),  # mark: an icon
        lambda t: _status_label(t.status),
        tooltip=lambda t: words(status_info(t.status).explanation),
    ),
    Column(
        QT_TRANSLATE_NOOP("TasksTableModel", "Created"),
        lambda t, now: _short_local(t.created_ts),
        attrgetter("created_ts"),
        tooltip=lambda t: _local(t.created_ts),
    ),
    Column(
        QT_TRANSLATE_NOOP("TasksTableModel", "Expires"),
        lambda t, now: expires_in_words(_when(t.expires_ts), now, final=t.is_final),
        lambda t: t.expires_ts or 0.0,
        tooltip=lambda t: _local(t.expires_ts),
    ),
]


def column_index(header: str) -> int:
    """A column's position, found by its name."""
    return next(i for i, c in enumerate(COLUMNS) if c.header == header)


STATUS_COLUMN = column_index("Status")
EXPIRES_COLUMN = column_index("Expires")
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _tooltip(row: TaskRow, column: int, now: Callable[[], datetime]) -> Any:
    tip = COLUMNS[column].tooltip
    return None if tip is None else tip(row)


def _foreground(row: TaskRow, column: int, now: Callable[[], datetime]) -> Any:
    if column == STATUS_COLUMN:
        return QBrush(status_colour(row.status))
    if column == EXPIRES_COLUMN and _expires_soon(row, now()):
        return QBrush(colour("warning"))
    return None


def _decoration(row: TaskRow, column: int, now: Callable[[], datetime]) -> Any:
    return status_icon(row.status) if column == STATUS_COLUMN else None  # never colour alone: word, colour, mark


def _font(row: TaskRow, column: int, now: Callable[[], datetime]) -> Any:
    if column == EXPIRES_COLUMN and _expires_soon(row, now()):
        font = QFont()
        font.setBold(True)
        return font
    return None


# One small function per role a view asks for; any other role is answered at once (a view asks
# about eight roles per visible cell on every paint, so this is the table's hot path).
_ROLES: dict[int, Callable[[TaskRow, int, Callable[[], datetime]], Any]] = {
    Qt.ItemDataRole.DisplayRole: lambda row, column, now: COLUMNS[column].display(row, now()),
    Qt.ItemDataRole.TextAlignmentRole: lambda row, column, now: _RIGHT if COLUMNS[column].align_right else None,
    Qt.ItemDataRole.ForegroundRole: _foreground,
    Qt.ItemDataRole.DecorationRole: _decoration,
    Qt.ItemDataRole.FontRole: _font,
    Qt.ItemDataRole.ToolTipRole: _tooltip,
    SORT_ROLE: lambda row, column, now: COLUMNS[column].sort_key(row),
    TASK_ID_ROLE: lambda row, column, now: row.id,
    SEARCH_ROLE: lambda row, column, now: search_text(row),
}


def _cell(row: TaskRow, column: int, role: int, now: Callable[[], datetime]) -> Any:
    """What a cell shows, for the model and the proxy alike (only visible cells are asked)."""
    answer = _ROLES.get(role)
    return None if answer is None else answer(row, column, now)


def _expires_soon(row: TaskRow, now: datetime) -> bool:
    """Only a task waiting for the person's review, with little time left (app.timefmt)."""
    return row.expires_ts is not None and expiry_warns(row.status, _when(row.expires_ts), now)


def _header(section: int, orientation: Qt.Orientation, role: int) -> Any:
    if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
        return translate("TasksTableModel", COLUMNS[section].header)
    return None


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
                return self._rows
        known = self._row_of
        fresh = []
        for row in rows:
            if row.id not in known:
                known[row.id] = len(self._rows) + len(fresh)
                fresh.append(row)
        self._rows.extend(fresh)
        return fresh

    def upsert(self, task: Task | TaskRow) -> int:
        """Add a new task, or update a known one's row in place; returns its row."""
        new = _as_row(task)
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

    def append_tasks(self, tasks: Sequence[Task | TaskRow]) -> None:
        """Add many (a page loaded from the store) at once; known ids are skipped."""
        self.append_rows([_as_row(t) for t in tasks])

    def append_rows(self, rows: Sequence[TaskRow]) -> None:
        unknown = {}
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
                self.index(0, EXPIRES_COLUMN),
                self.index(rows - 1, EXPIRES_COLUMN),
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


# Filters a person thinks in, not status codes.
FILTERS: dict[str, tuple[str, Callable[[str], bool]]] = {
    "all": (QT_TRANSLATE_NOOP("TasksTableModel", "All tasks"), lambda status: True),
    "active": (
        QT_TRANSLATE_NOOP("TasksTableModel", "In progress"),
        lambda status: not status_info(status).final and status != "review",
    ),
    "review": (QT_TRANSLATE_NOOP("TasksTableModel", "Needs my review"), lambda status: status == "review"),
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

    def sourceModel(self) -> TasksTableModel | None:
        return self._source

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
        return FILTERS[self._group][1](row.status) and (not self._needle or self._needle in row.search)

    def _filter(self, rows: list[TaskRow]) -> list[TaskRow]:
        """The rows that pass, in order: one comprehension, no call per row for the group."""
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

    def resort(self) -> None:
        """Kept for callers: rows are placed in order as they arrive, so there is nothing to do."""

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


async def load_in_background(
    model: TasksTableModel, pages: Iterator[list[tuple[Any, ...]]], *, slice_seconds: float = 0.004
) -> int:
    """Append the store's pages (tuples, :data:`app.store.TASK_ROW_FIELDS`) to the model, giving the
    GUI a turn every ``slice_seconds``; returns how many rows came.

    The cyclic garbage collector is paused meanwhile (a full collection over 100,000 new rows is
    a visible freeze), and the rows are then moved out of its way (``gc.freeze``): they live as
    long as the window."""
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
