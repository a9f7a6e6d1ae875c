"""The table of tasks: a QAbstractTableModel whose columns are declared as data."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.schema import Task, status_info
from app.taxonomy import friendly_name
from app.timefmt import expires_in_words

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
TASK_ID_ROLE = Qt.ItemDataRole.UserRole + 2

_STATUS_COLOURS = {
    "open": "#1f5fa8",
    "matching": "#1f5fa8",
    "prototyping": "#7a4fb0",
    "review": "#b36200",
    "delivering": "#7a4fb0",
    "completed": "#2e7d32",
    "expired": "#6b6b6b",
    "cancelled": "#6b6b6b",
}
_STATUS_MARKS = {"review": "★ ", "completed": "✓ ", "expired": "⌛ ", "cancelled": "✕ "}

Index = QModelIndex | QPersistentModelIndex


def _local(when: datetime | None) -> str:
    return when.astimezone().strftime("%d %b %Y, %H:%M") if when else ""


@dataclass(frozen=True)
class Column:
    header: str
    display: Callable[[Task, datetime], str]
    sort_key: Callable[[Task], Any]
    tooltip: Callable[[Task], str] | None = None
    align_right: bool = False


def _category(task: Task) -> str:
    parts = [friendly_name(task.category or ""), friendly_name(task.task_type or "")]
    return " / ".join(p for p in parts if p)


COLUMNS: list[Column] = [
    Column("Title", lambda t, now: t.title or "Untitled task", lambda t: (t.title or "").casefold(),
           tooltip=lambda t: t.title or ""),
    Column("Category / Type", lambda t, now: _category(t), lambda t: _category(t).casefold()),
    Column("Budget", lambda t, now: "" if t.budget_usd is None else f"${t.budget_usd:,.2f}",
           lambda t: t.budget_usd if t.budget_usd is not None else -1.0, align_right=True),
    Column("Status", lambda t, now: _STATUS_MARKS.get(t.status, "● ") + status_info(t.status).label,
           lambda t: status_info(t.status).label, tooltip=lambda t: status_info(t.status).explanation),
    Column("Created", lambda t, now: _local(t.created_at),
           lambda t: t.created_at.timestamp() if t.created_at else 0.0),
    Column("Expires", lambda t, now: expires_in_words(t.expires_at, now, final=t.is_final),
           lambda t: t.expires_at.timestamp() if t.expires_at else 0.0,
           tooltip=lambda t: _local(t.expires_at)),
]
STATUS_COLUMN = 3
EXPIRES_COLUMN = 5


class TasksTableModel(QAbstractTableModel):
    """Rows of :class:`Task`, newest first as added; a clock is injected for the expiry words."""

    def __init__(self, clock: Callable[[], datetime] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._tasks: list[Task] = []
        self._row_of: dict[str, int] = {}
        self._clock = clock or (lambda: datetime.now(timezone.utc))

    # --- Qt model API -----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._tasks)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return COLUMNS[section].header
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._tasks)):
            return None
        task = self._tasks[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(task, self._clock())
        if role == SORT_ROLE:
            return column.sort_key(task)
        if role == TASK_ID_ROLE:
            return task.id
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(task)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == STATUS_COLUMN:
            return QBrush(QColor(_STATUS_COLOURS.get(task.status, "#444444")))
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    # --- our API ----------------------------------------------------------------------------
    def task(self, row: int) -> Task:
        return self._tasks[row]

    def row_of(self, task_id: str) -> int | None:
        return self._row_of.get(task_id)

    def tasks(self) -> list[Task]:
        return list(self._tasks)

    def set_tasks(self, tasks: list[Task]) -> None:
        self.beginResetModel()
        self._tasks = list(tasks)
        self._row_of = {t.id: i for i, t in enumerate(self._tasks)}
        self.endResetModel()

    def upsert(self, task: Task) -> int:
        """Add a new task at the top, or update the row of a known one; returns its row."""
        row = self._row_of.get(task.id)
        if row is not None:
            self._tasks[row] = task
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
            return row
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._tasks.insert(0, task)
        self._row_of = {t.id: i for i, t in enumerate(self._tasks)}
        self.endInsertRows()
        return 0

    def refresh_expiry_words(self) -> None:
        """The clock moved: only the Expires column changes, no reset."""
        if self._tasks:
            self.dataChanged.emit(
                self.index(0, EXPIRES_COLUMN), self.index(len(self._tasks) - 1, EXPIRES_COLUMN),
                [Qt.ItemDataRole.DisplayRole],
            )
