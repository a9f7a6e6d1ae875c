"""The tasks page: show filter, search, refresh, the table, the details of the selected row, and
add a task by its ID. Columns are found by their name."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.drafts import OutboxRow
from ui.i18n import Words, say, translate
from ui.models.background_load import load_in_background
from ui.models.task_details import task_more_details, task_summary
from ui.models.task_rows import TASK_ID_ROLE, TaskRow, column_index
from ui.models.tasks_model import TasksTableModel
from ui.models.tasks_proxy import FILTERS, TasksFilterProxy
from ui.panels.task_menu import task_menu
from ui.theme import set_tone
from ui.widgets.accessibility import mark_expander
from ui.widgets.away_notice import AwayNotice
from ui.widgets.fitted_columns import FittedColumns
from ui.widgets.full_text_tooltips import FullTextDelegate
from ui.widgets.steady_table import SteadyTableView
from ui.widgets.wheel_guard import guard_wheel

if TYPE_CHECKING:
    from app.api.schema import Task

DEFAULT_SORT = ("Created", Qt.SortOrder.DescendingOrder)
SEARCH_AT_ONCE_ROWS = 20_000  # below this a keystroke filters at once (a few ms)
SEARCH_PAUSE_MS = 0  # above: once the keystrokes already waiting are taken (a burst is filtered once)
TITLE_CHARS = 24  # the title keeps room for about this many characters before other columns give way
GIVE_WAY = (
    "Category / Type",
    "Created",
    "Next step",
    "Status",
)  # in this order; they show their whole text in a tooltip


class TasksPanel(QWidget):
    refreshRequested = Signal()
    addRequested = Signal(str)  # a task ID, trimmed, not empty
    taskActivated = Signal(str)  # Enter or double-click on a row: its task ID
    reviewRequested = Signal(str)  # "Open the review" from a row's context menu: its task ID
    cancelRequested = Signal(str)  # "Cancel task…" from a row's context menu: its task ID
    postAgainRequested = Signal(str)  # "Post again" from a row's context menu: its task ID
    stopAddRequested = Signal()  # "Stop" pressed (or Esc in the ID box) while waiting for an added task
    copyIdRequested = Signal(str)  # "Copy task ID" from a row's context menu: its task ID
    copyLinkRequested = Signal(str)  # "Copy link": its task ID

    def __init__(self, parent: QWidget | None = None, *, details: Callable[[str], Task | None] | None = None) -> None:
        super().__init__(parent)
        self.model = TasksTableModel(details=details)  # the selected task in full, read from the store
        self.proxy = TasksFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = SteadyTableView()  # rows added below the view (the background load's) repaint nothing
        self.table.setObjectName("tasksTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(column_index(DEFAULT_SORT[0]), DEFAULT_SORT[1])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it), never traps
        self.table.setItemDelegate(FullTextDelegate(self.table))  # a cut cell shows its full text
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.horizontalHeader().setMinimumSectionSize(60)
        self.filter_box = QComboBox()
        self.filter_box.setObjectName("statusFilter")
        for key, (label, _) in FILTERS.items():
            self.filter_box.addItem(label, key)  # (retranslate: in the user's language)
        guard_wheel(self.filter_box)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.refresh_button = QPushButton()
        self.add_by_id = QLineEdit()
        self.add_by_id.setObjectName("addById")
        self.add_button = QPushButton()
        self.add_button.setObjectName("addButton")
        self._adding = False
        self.details = QPlainTextEdit()
        self.details.setObjectName("details")
        self.details.setReadOnly(True)
        self.details.setTabChangesFocus(True)
        # The rest of a task's fields, for those who want them.
        self.more_toggle = QToolButton()
        self.more_toggle.setObjectName("moreDetails")
        self.more_toggle.setCheckable(True)
        mark_expander(self.more_toggle)
        self.more_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.more_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.more_details = QPlainTextEdit()
        self.more_details.setObjectName("moreDetailsText")
        self.more_details.setReadOnly(True)
        self.more_details.setTabChangesFocus(True)
        self.more_details.hide()
        self.more_toggle.toggled.connect(self._show_more_details)
        self.more_toggle.setEnabled(False)
        self.empty_hint = QLabel()
        set_tone(self.empty_hint, "quiet")
        self.away = AwayNotice()  # "While you were away: …", shown once at start when something changed
        # "Showing the 4 tasks paid in March 2026" (from the Spending view), with a way back to all.
        self.only_bar = QWidget()
        self.only_bar.setObjectName("onlyTheseTasks")
        self.only_text = QLabel()
        self.only_text.setTextFormat(Qt.TextFormat.PlainText)
        self.only_text.setWordWrap(True)
        self.show_all_button = QPushButton()
        self.show_all_button.setObjectName("showAllTasks")
        only_row = QHBoxLayout(self.only_bar)
        only_row.setContentsMargins(0, 0, 0, 0)
        only_row.addWidget(self.only_text, 1)
        only_row.addWidget(self.show_all_button)
        self.only_bar.hide()
        self.show_all_button.clicked.connect(self.show_all)

        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self._show_label = QLabel()
        self._show_label.setBuddy(self.filter_box)
        bar.addWidget(self._show_label)
        bar.addWidget(self.filter_box)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.refresh_button)
        layout.addLayout(bar)
        layout.addWidget(self.only_bar)
        layout.addWidget(self.away)
        layout.addWidget(self.empty_hint)
        table_and_details = QSplitter(Qt.Orientation.Vertical)
        table_and_details.setObjectName("detailsSplitter")
        table_and_details.addWidget(self.table)
        details_box = QWidget()
        details_layout = QVBoxLayout(details_box)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.setSpacing(2)
        details_layout.addWidget(self.details, 1)
        details_layout.addWidget(self.more_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        details_layout.addWidget(self.more_details, 2)
        table_and_details.addWidget(details_box)
        table_and_details.setStretchFactor(0, 3)
        table_and_details.setStretchFactor(1, 1)
        layout.addWidget(table_and_details, 1)
        # Adding a task by its ID is rare: the row shows when asked for (Tasks → Add a task by its ID…).
        self.add_row = QWidget()
        self.add_row.setObjectName("addByIdRow")
        add_row = QHBoxLayout(self.add_row)
        add_row.setContentsMargins(0, 0, 0, 0)
        add_row.addWidget(self.add_by_id, 1)
        add_row.addWidget(self.add_button)
        self.add_row.hide()
        layout.addWidget(self.add_row)

        self.refresh_button.clicked.connect(self.refreshRequested.emit)
        self.filter_box.currentIndexChanged.connect(lambda _: self.proxy.set_group(self.filter_box.currentData()))
        # Typing is filtered as it goes; with many rows, once the keystrokes already waiting have
        # been taken (a pass over 100,000 rows costs some milliseconds, a million some tens: keys
        # typed faster than that are filtered once, for the last of them, with no fixed pause).
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(self._search_typed)
        self.search.returnPressed.connect(self.apply_search)
        self.add_button.clicked.connect(self._button_clicked)
        self.add_by_id.returnPressed.connect(self._add_requested)
        self.table.selectionModel().currentRowChanged.connect(self.show_details)
        self.table.activated.connect(self._activated)  # Enter (and a click where the desktop activates on one)
        self.table.doubleClicked.connect(self._activated)  # not every style activates on a double-click
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.context_menu: QMenu | None = None
        self._menu_signals = {
            "open": self.taskActivated, "review": self.reviewRequested, "again": self.postAgainRequested,
            "cancel": self.cancelRequested, "copy_id": self.copyIdRequested, "copy_link": self.copyLinkRequested,
        }  # fmt: skip
        self.model.dataChanged.connect(self._rows_changed)
        # Every column as wide as what it shows, the title the rest; where the title would keep too
        # little, the category, next step and status give way (a cut cell's text in its tooltip).
        self.columns = FittedColumns(
            self.table, column_index("Title"), [column_index(n) for n in GIVE_WAY], stretch_chars=TITLE_CHARS
        )
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset):
            signal.connect(self._update_empty_hint)
        self._only_words: Words = ""
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Every word in the language now installed: the panel's own, the table's (headers, cells,
        money and dates: the model says them again), the details and "Showing only…"."""
        self.table.setAccessibleName(self.tr("Your tasks"))
        self.filter_box.setAccessibleName(self.tr("Show"))
        for row, (label, _) in enumerate(FILTERS.values()):
            self.filter_box.setItemText(row, translate("TasksTableModel", label))
        self.search.setPlaceholderText(self.tr("Search titles and descriptions"))
        self.search.setAccessibleName(self.tr("Search tasks"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Check for news on your tasks now (F5)"))
        self.add_by_id.setPlaceholderText(self.tr("Paste a task ID to add it"))
        self.add_by_id.setAccessibleName(self.tr("Task ID to add"))
        self.set_adding(self._adding)
        self.details.setPlaceholderText(self.tr("Select a task to see all its details."))
        self.details.setAccessibleName(self.tr("Details of the selected task"))
        self.more_toggle.setText(self.tr("More details"))
        self.more_details.setAccessibleName(self.tr("More details of the selected task"))
        self.empty_hint.setText(self.tr("Tasks you send appear here, with their progress."))
        self.show_all_button.setText(self.tr("Show all tasks"))
        self._show_label.setText(self.tr("&Show:"))  # (Alt+O is More options in the form beside it)
        self._say_only()
        self.model.retranslate()
        self.show_details()

    def _button_clicked(self) -> None:
        if self._adding:
            self.stopAddRequested.emit()
        else:
            self._add_requested()

    def _add_requested(self) -> None:
        if self._adding:
            return  # one at a time: Enter while waiting does nothing
        text = self.add_by_id.text().strip()
        if text:
            self.addRequested.emit(text)

    def _activated(self, index: QModelIndex) -> None:
        task_id = index.data(TASK_ID_ROLE)
        if task_id:
            self.taskActivated.emit(str(task_id))

    def _context_menu(self, pos: QPoint) -> None:
        """Right-click on a row: what can be done with that task (open it, its review when it waits
        for one, post it again, cancel it before a version is chosen). A draft in the outbox is not
        a task: it keeps its own "Delete draft" / "Take out of outbox" in Drafts."""
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        self.table.selectRow(index.row())
        task = self.current_task()
        if task is None:
            return
        if self.context_menu is not None:
            self.context_menu.deleteLater()
        menu = self.context_menu = task_menu(
            self.table, task, lambda what, task_id: self._menu_signals[what].emit(task_id)
        )
        menu.popup(self.table.viewport().mapToGlobal(pos))  # not exec(): no nested event loop

    def current_task(self) -> Task | None:
        """The task of the selected row (None for none, or for a draft in the outbox)."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        row = self.model.row_of(str(index.data(TASK_ID_ROLE)))
        task = self.model.task(row) if row is not None else None
        return None if task is None or isinstance(task, OutboxRow) else task

    def set_adding(self, busy: bool) -> None:
        """While AITasker is asked for the task, the Add button becomes Stop: any wait can be ended."""
        self._adding = busy
        self.add_button.setText(self.tr("Stop") if busy else self.tr("Add"))
        self.add_button.setToolTip(self.tr("Stop waiting for AITasker (Esc)") if busy else "")
        self.add_button.setAccessibleDescription(self.tr("Stops waiting; nothing is added") if busy else "")

    def offer_add_by_id(self) -> None:
        """Show the row to add a task by its ID, the cursor in it."""
        self.add_row.show()
        self.add_by_id.setFocus(Qt.FocusReason.OtherFocusReason)

    def added(self) -> None:
        """The task was added: the row goes away again."""
        self.add_by_id.clear()
        if self.add_row.isVisible() and self.add_by_id.hasFocus():
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)  # the cursor on the table, where the task is
        self.add_row.hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.add_by_id.hasFocus():
            if self._adding:
                self.stopAddRequested.emit()
            else:  # Esc in the ID box: the row goes away
                self.add_row.hide()
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().keyPressEvent(event)

    def _search_typed(self, text: str) -> None:
        if self.model.rowCount() < SEARCH_AT_ONCE_ROWS:
            self.apply_search()
        else:
            self._search_timer.start()

    def apply_search(self) -> None:
        self._search_timer.stop()
        self.proxy.set_text(self.search.text())

    def set_tasks(self, tasks: Iterable[Task | TaskRow]) -> None:
        """The first tasks from the store, sorted the default way."""
        self.model.set_tasks(tasks)
        self.proxy.sort(column_index(DEFAULT_SORT[0]), DEFAULT_SORT[1])

    async def load_rest(self, pages: Iterator[list[tuple[Any, ...]]]) -> int:
        """The older tasks, page by page from the store (plain rows, app.store.repository.TASK_ROW_FIELDS),
        in slices of a few milliseconds of GUI time; each lands in place, no sort afterwards."""
        return await load_in_background(self.model, pages)

    def set_outbox(self, rows: list[OutboxRow]) -> None:
        self.model.replace_pending(rows)

    def _rows_changed(self, first: QModelIndex, last: QModelIndex, *_: object) -> None:
        """The current task's details are drawn again when its row changed (not for other rows)."""
        index = self.table.currentIndex()
        row = self.model.row_of(str(index.data(TASK_ID_ROLE))) if index.isValid() else None
        if row is not None and first.row() <= row <= last.row():
            self.show_details()

    def show_details(self, *_: object) -> None:
        index = self.table.currentIndex()
        self.more_toggle.setEnabled(index.isValid())  # nothing more to show without a task
        if not index.isValid():
            self.details.clear()
            self.more_details.clear()
            return
        row = self.model.row_of(str(index.data(TASK_ID_ROLE)))
        if row is not None:
            task = self.model.task(row)
            self.details.setPlainText(task_summary(task))
            self.more_details.setPlainText(task_more_details(task))

    def _show_more_details(self, shown: bool) -> None:
        self.more_details.setVisible(shown)
        self.more_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def names_changed(self) -> None:
        """The category list was (re)loaded: the table and details show its names."""
        self.model.refresh_names()
        self.show_details()

    def select(self, task_id: str) -> bool:
        """Select a task's row and scroll to it; False when it is not in the table."""
        row = self.model.row_of(task_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.selectRow(index.row())
            self.table.scrollTo(index)
        return True

    def show_only(self, ids: Iterable[str], words: Words) -> None:
        """Only these tasks (the Spending view's "the tasks behind this number"), saying which."""
        self.proxy.set_ids(frozenset(ids))
        self._only_words = words
        self._say_only()
        self.only_bar.show()
        if self.proxy.rowCount():
            self.table.selectRow(0)
        self.table.setFocus()

    def show_all(self) -> None:
        self.proxy.set_ids(None)
        self.only_bar.hide()
        self._only_words = ""
        self.only_text.clear()

    def _say_only(self) -> None:
        words = say(self._only_words)
        self.only_text.setText(words)
        self.only_text.setAccessibleName(words)

    def rows_shown(self) -> list[TaskRow]:
        """The rows as the table shows them now: filtered and sorted."""
        return [self.proxy.row(i) for i in range(self.proxy.rowCount())]

    def _update_empty_hint(self, *_: object) -> None:
        self.empty_hint.setVisible(self.model.rowCount() == 0)
