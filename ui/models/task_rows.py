"""A row of the tasks table and its columns: :class:`TaskRow` (light, built straight from the
store's columns), the column declarations (:data:`COLUMNS`, found by name with :func:`column_index`)
and what each cell shows for each Qt role. Used by the model (ui.models.tasks_model) and the proxy
(ui.models.tasks_proxy)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import UTC, date, datetime
from functools import lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from app.api.contract import status_info
from app.drafts import OutboxRow
from app.store.tasks_table import row_fields
from app.taxonomy import names
from app.timefmt import UNSHOWABLE, at_deadline, expiry_warns, has_next_step, next_step_words
from app.translatable import QT_TRANSLATE_NOOP
from ui.i18n import DATE_TIME, clock_when, fill, money, plain_tooltip, short_when, translate, when, words
from ui.models.status_icons import status_icon
from ui.theme import colour, status_colour

if TYPE_CHECKING:
    from app.api.schema import Task

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
TASK_ID_ROLE = Qt.ItemDataRole.UserRole + 2
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex
_intern = sys.intern


def search_text(task: Task | TaskRow) -> str:
    """What the search box looks in."""
    return f"{task.title or ''}\n{task.description or ''}"


@lru_cache(maxsize=256)
def _is_final(status: str) -> bool:
    return status_info(status).final


def _status_label(status: str) -> str:
    return words(status_info(status).label)  # in the language in use now (not cached: it can change)


class RowProblem(NamedTuple):
    """Why a task's row may be out of date: the refresh's reason in plain words, and when its data
    last came fresh from AITasker in this run (None: not yet; what it shows was saved earlier)."""

    reason: str
    last_good: datetime | None


def _could_not_refresh(problem: RowProblem) -> str:
    return fill(translate("TasksTableModel", "Could not refresh: %1"), words(problem.reason))


def _problem_tooltip(problem: RowProblem) -> str:
    since = (
        fill(
            translate("TasksTableModel", "What this row shows came from AITasker at %1."),
            when(problem.last_good, DATE_TIME),
        )
        if problem.last_good is not None
        else translate(
            "TasksTableModel", "What this row shows was saved before the app started; it is tried again by itself."
        )
    )
    return f"{_could_not_refresh(problem)}\n{since}"


def _status_text(row: TaskRow) -> str:
    """ "Posted", or "Posted — Could not refresh: The server had a problem (500)." """
    label = _status_label(row.status)
    return label if row.problem is None else f"{label} — {_could_not_refresh(row.problem)}"


def _status_tooltip(row: TaskRow) -> str:
    explanation = words(status_info(row.status).explanation)
    return explanation if row.problem is None else f"{_problem_tooltip(row.problem)}\n\n{explanation}"


class TaskRow:
    """One row of the table: what it shows, sorts and searches, and nothing more.

    Made from the store's columns without JSON; the model keeps its rows packed
    (ui.models.packed_rows) and makes a ``TaskRow`` for a row when it is asked about it.
    Times are seconds since the epoch (``created_ts`` 0 = unknown, ``expires_ts`` None = none).
    ``problem`` is set while the task's refresh fails (:class:`RowProblem`)."""

    __slots__ = (
        "budget_usd",
        "category",
        "created_ts",
        "description",
        "expires_ts",
        "handle",
        "id",
        "problem",
        "said",
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
        self.problem: RowProblem | None = None
        self.said: tuple[tuple[int, str, int], dict[int, str]] | None = None  # (its words' key, {column: text})
        self.handle: int | None = None  # where the table keeps it (ui.models.tasks_model), once there

    @property
    def search(self) -> str:
        """What the search box looks in, case-folded (the table searches its packed copy)."""
        return f"{self.title}\n{self.description}".casefold()

    @classmethod
    def from_task(cls, task: Task | OutboxRow) -> TaskRow:
        return cls(task.id, *row_fields(task))

    def to_task(self) -> Task:
        """A ``Task`` with what the row knows (the store has the rest)."""
        from app.api.schema import Task  # pydantic loads on first need, after the first picture

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


class Column(NamedTuple):
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
        lambda t, now: _status_text(t),  # mark: an icon
        lambda t: _status_label(t.status),
        tooltip=lambda t: _status_tooltip(t),
    ),
    Column(
        QT_TRANSLATE_NOOP("TasksTableModel", "Created"),
        lambda t, now: _short_local(t.created_ts),
        attrgetter("created_ts"),
        tooltip=lambda t: _local(t.created_ts),
    ),
    Column(
        QT_TRANSLATE_NOOP("TasksTableModel", "Next step"),
        lambda t, now: next_step_words(t.status, _when(t.expires_ts), now, _clock, final=t.is_final),
        lambda t: t.expires_ts or 0.0,  # tooltip: _next_step_tooltip (it needs the clock)
    ),
]


def _clock(moment: datetime) -> str:
    """The time of a next step as the table writes it, made once per moment, day and language (a
    view asks for every visible cell on every paint)."""
    return _clock_on(moment.timestamp(), date.today(), QLocale().name())


@lru_cache(maxsize=4096)
def _clock_on(ts: float, today: date, locale: str) -> str:
    return clock_when(datetime.fromtimestamp(ts, UTC))  # "17:56" today, a day and time on another


def _next_step_tooltip(row: TaskRow, now: datetime) -> str:
    """The exact time of the next step, and what happens then where that is known."""
    if not row.expires_ts or not has_next_step(row.status, final=row.is_final):
        return ""
    moment = _when(row.expires_ts)
    if moment is None:
        return UNSHOWABLE
    exact = next_step_words(row.status, moment, now, lambda m: when(m, DATE_TIME), final=False, relative=False)
    return "\n".join(filter(None, [exact[:1].upper() + exact[1:], at_deadline(row.status)]))


def column_index(header: str) -> int:
    """A column's position, found by its name."""
    return next(i for i, c in enumerate(COLUMNS) if c.header == header)


STATUS_COLUMN = column_index("Status")
NEXT_STEP_COLUMN = column_index("Next step")
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _status_foreground(row: TaskRow, now: Callable[[], datetime]) -> QBrush:
    return QBrush(colour("warning") if row.problem is not None else status_colour(row.status))


def _soon_foreground(row: TaskRow, now: Callable[[], datetime]) -> QBrush | None:
    return QBrush(colour("warning")) if _expires_soon(row, now()) else None


def _soon_font(row: TaskRow, now: Callable[[], datetime]) -> QFont | None:
    if _expires_soon(row, now()):
        font = QFont()
        font.setBold(True)
        return font
    return None


Answer = Callable[[TaskRow, Callable[[], datetime]], Any]
_WORDS = [0]  # counts the changes of language and names (:func:`words_changed`)
SAID_ONCE = ("Budget", "Status", "Created")  # their words cost most to make (money, dates): made once per row


def words_changed() -> None:
    """A new language or new taxonomy names: every cell's words are made again."""
    _category.cache_clear()
    _category_key.cache_clear()
    _WORDS[0] += 1


def _said_once(column: int, display: Callable[[TaskRow, datetime], str]) -> Answer:
    """The words of a column in :data:`SAID_ONCE`, kept on the row for its language (the app's
    words, the locale's money and dates) and year (a date of another year shows it)."""

    def said(row: TaskRow, now: Callable[[], datetime]) -> str:
        key = (_WORDS[0], QLocale().name(), datetime.now().year)
        kept = row.said
        if kept is None or kept[0] != key:
            kept = row.said = (key, {})
        text = kept[1].get(column)
        if text is None:
            text = kept[1][column] = display(row, now())
        return text

    return said


def _column_roles(column: int) -> dict[int, Answer]:
    """What each role says about a cell of ``column``; a role not here is "nothing" for it (so
    the roles that say nothing in most columns, an icon, a colour, a font, cost no call there)."""
    declared = COLUMNS[column]
    display, sort_key, tip = declared.display, declared.sort_key, declared.tooltip
    roles: dict[int, Answer] = {
        Qt.ItemDataRole.DisplayRole: (
            _said_once(column, display) if declared.header in SAID_ONCE else lambda row, now: display(row, now())
        ),
        SORT_ROLE: lambda row, now: sort_key(row),
        TASK_ID_ROLE: lambda row, now: row.id,
        SEARCH_ROLE: lambda row, now: search_text(row),
    }
    if declared.align_right:
        roles[Qt.ItemDataRole.TextAlignmentRole] = lambda row, now: _RIGHT
    if column == STATUS_COLUMN:
        roles[Qt.ItemDataRole.ForegroundRole] = _status_foreground
        roles[Qt.ItemDataRole.DecorationRole] = lambda row, now: status_icon(row.status)  # never colour alone
    if column == NEXT_STEP_COLUMN:
        roles[Qt.ItemDataRole.ForegroundRole] = _soon_foreground
        roles[Qt.ItemDataRole.FontRole] = _soon_font
        roles[Qt.ItemDataRole.ToolTipRole] = lambda row, now: _next_step_tooltip(row, now())
    elif tip is not None:
        roles[Qt.ItemDataRole.ToolTipRole] = lambda row, now: tip(row)
    return {int(role): answer for role, answer in roles.items()}


# Per column (a view asks about eight roles per visible cell on every paint: the table's hot path).
_ROLES: list[dict[int, Answer]] = [_column_roles(column) for column in range(len(COLUMNS))]


def _cell(row: TaskRow, column: int, role: int, now: Callable[[], datetime]) -> Any:
    """What a cell shows, for the model and the proxy alike (only visible cells are asked)."""
    answer = _ROLES[column].get(role)
    return None if answer is None else answer(row, now)


def _cells(row: TaskRow, column: int, span: Any, now: Callable[[], datetime]) -> None:
    """Every role a view asks about a cell at once (``multiData``: one call into Python per cell
    instead of one per role, which halves the cost of painting the table)."""
    roles = _ROLES[column]
    moment: list[datetime] = []

    def once() -> datetime:  # the clock read at most once per cell
        if not moment:
            moment.append(now())
        return moment[0]

    for i in range(len(span)):  # every role answered, "nothing" included: the view reuses the span from
        asked = span[i]  # cell to cell, so a role left alone would show the last cell's icon, colour or font
        answer = roles.get(asked.role())
        value = None if answer is None else answer(row, once)
        if value is None:
            asked.clearData()
        else:
            asked.setData(value)


def _expires_soon(row: TaskRow, now: datetime) -> bool:
    """Only a task waiting for the person's review, with little time left (app.timefmt)."""
    return row.expires_ts is not None and expiry_warns(row.status, _when(row.expires_ts), now)


def _header(section: int, orientation: Qt.Orientation, role: int) -> Any:
    if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
        return translate("TasksTableModel", COLUMNS[section].header)
    return None
