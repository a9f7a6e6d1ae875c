"""The main window: the form on the left, the table of tasks on the right."""

from __future__ import annotations

import asyncio
import logging
import uuid
from dataclasses import dataclass
from datetime import datetime

import qasync
from PySide6.QtCore import QSettings, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QHBoxLayout,
    QWidget,
)

from app.api import TasksClient
from app.errors import ApiError, InvalidTask, Offline, OutcomeUnknown, Unauthorized, Forbidden
from app.schema import Task, TaskDraft
from app.sync import TaskRefresher
from app.taxonomy import Category, bundled_categories
from ui.async_dialog import ask
from ui.task_form import TaskForm
from ui.tasks_model import SORT_ROLE, TasksTableModel

log = logging.getLogger(__name__)


@dataclass
class Connection:
    api_url: str
    api_key: str | None
    demo: bool = False


class MessageBanner(QWidget):
    """A non-modal message above the form: plain words, with the technical part on request."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.text = QLabel()
        self.text.setObjectName("bannerText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.details = QLabel()
        self.details.setObjectName("bannerDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.hide()
        self.toggle = QToolButton()
        self.toggle.setText("Details")
        self.toggle.setCheckable(True)
        self.toggle.toggled.connect(self.details.setVisible)
        close = QToolButton()
        close.setText("✕")
        close.setToolTip("Dismiss")
        close.setAccessibleName("Dismiss message")
        close.clicked.connect(self.hide)
        top = QHBoxLayout()
        top.addWidget(self.text, 1)
        top.addWidget(self.toggle)
        top.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(top)
        layout.addWidget(self.details)
        self.setAutoFillBackground(True)
        self.hide()

    def show_message(self, text: str, *, detail: str = "", kind: str = "error") -> None:
        colours = {"error": "#fdecea", "info": "#e8f1fb", "success": "#e9f5ea"}
        self.setStyleSheet(f"#banner {{ background: {colours.get(kind, '#eeeeee')}; border-radius: 4px; }}")
        self.text.setText(text)
        self.details.setText(detail)
        self.toggle.setChecked(False)
        self.toggle.setVisible(bool(detail))
        self.show()


class MainWindow(QMainWindow):
    taskCreated = Signal(str)
    ready = Signal()

    def __init__(self, connection: Connection, *, settings: QSettings | None = None) -> None:
        super().__init__()
        self.setWindowTitle("AITasker Desktop" + (" — demo" if connection.demo else ""))
        self.setObjectName("mainWindow")
        self.connection = connection
        self._settings = settings or QSettings()
        self.client: TasksClient | None = None
        self.closed = asyncio.Event()
        self._background: set[asyncio.Task[object]] = set()
        self._sending = False
        self._idempotency_key = str(uuid.uuid4())
        self.last_refreshed: datetime | None = None

        self.form = TaskForm()
        self.banner = MessageBanner()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        heading = QLabel("New task")
        heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        left_layout.addWidget(heading)
        left_layout.addWidget(self.banner)
        left_layout.addWidget(self.form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(left)
        scroll.setMinimumWidth(360)

        self.model = TasksTableModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setObjectName("tasksTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName("Your tasks")
        self.refresh_button = QPushButton("Refresh")
        self.refresh_button.setShortcut(QKeySequence("F5"))
        self.refresh_button.setToolTip("Check for news on your tasks now (F5)")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        top = QHBoxLayout()
        title = QLabel("Your tasks")
        title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        right_layout.addLayout(top)
        self.empty_hint = QLabel("Tasks you send appear here, with their progress.")
        self.empty_hint.setStyleSheet("color: palette(placeholder-text);")
        right_layout.addWidget(self.empty_hint)
        right_layout.addWidget(self.table, 1)

        self.splitter = QSplitter()
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)

        self.connection_label = QLabel()
        self.refreshed_label = QLabel()
        self.statusBar().addWidget(self.connection_label)
        self.statusBar().addPermanentWidget(self.refreshed_label)
        self._set_connection_state("starting", "")

        self.form.submitRequested.connect(self.send)
        self.refresh_button.clicked.connect(self._refresh_now)
        self.model.rowsInserted.connect(self._update_empty_hint)
        self.model.modelReset.connect(self._update_empty_hint)
        self._expiry_timer = QTimer(self)
        self._expiry_timer.setInterval(30_000)
        self._expiry_timer.timeout.connect(self._tick)
        self._expiry_timer.start()
        self._refresher: TaskRefresher | None = None
        self.resize(1180, 720)
        self._restore_layout()
        self.form.title.setFocus()

    # --- start and stop ---------------------------------------------------------------------
    async def start(self) -> None:
        """Connect and load: categories (server, else bundled) and the list of tasks."""
        categories: list[Category] = bundled_categories()
        if self.connection.api_key:
            self.client = TasksClient(self.connection.api_url, self.connection.api_key)
            try:
                fetched = await self.client.list_categories()
                if fetched:
                    categories = fetched
                self._set_connection_state("online", "")
            except ApiError as exc:
                log.warning("categories not fetched: %s", exc.detail)
                self._set_connection_state("offline" if isinstance(exc, Offline) else "error", exc.user_message)
            self._refresher = TaskRefresher(self.client, self.model.tasks, self._task_refreshed, self._set_connection_state)
            self._spawn(self._refresher.run())
        else:
            self._set_connection_state("no-key", "")
        self.form.set_categories(categories)
        self.ready.emit()

    async def shutdown(self) -> None:
        self._expiry_timer.stop()
        for task in list(self._background):
            task.cancel()
        if self._background:
            await asyncio.gather(*self._background, return_exceptions=True)
        if self.client is not None:
            await self.client.aclose()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/splitter", self.splitter.saveState())
        event.accept()
        self.closed.set()

    def _restore_layout(self) -> None:
        geometry = self._settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        splitter = self._settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([460, 720])

    def _spawn(self, coro: object) -> None:
        task = asyncio.ensure_future(coro)  # type: ignore[arg-type]
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    # --- sending ----------------------------------------------------------------------------
    @qasync.asyncSlot()
    async def send(self) -> None:
        if self._sending:
            return
        draft = self.form.draft()
        if draft is None:
            return
        if self.client is None:
            self.banner.show_message("There is no AITasker account connected. Start the app with --demo to try it.")
            return
        title = draft.title or "your task"
        if not await ask(self, "Post this task?", f"Post “{title}” for ${draft.budget_usd:,.2f}?", "Post task"):
            return
        await self.submit(draft)

    async def submit(self, draft: TaskDraft) -> Task | None:
        """Create the task once; every outcome keeps what was typed unless it succeeded."""
        assert self.client is not None
        self._sending = True
        self.form.set_busy(True)
        self.banner.hide()
        try:
            task = await self.client.create_task(draft, self._idempotency_key)
        except InvalidTask as exc:
            self.form.show_errors(exc.field_errors)
            self.banner.show_message(exc.user_message, detail=exc.detail)
        except OutcomeUnknown as exc:
            # Same key kept: if the user sends again, a server honouring it won't post twice.
            self.banner.show_message(exc.user_message, detail=exc.detail)
        except (Unauthorized, Forbidden, Offline) as exc:
            self.banner.show_message(exc.user_message + " Your task is still here.", detail=exc.detail)
        except ApiError as exc:
            self.banner.show_message(exc.user_message + " Your task is still here.", detail=exc.detail)
        else:
            self.model.upsert(task)
            self._idempotency_key = str(uuid.uuid4())
            self.form.set_busy(False)
            self.form.clear()
            self._select(task.id)
            self.banner.show_message(f"Posted “{task.title}”. Its progress shows in the table.", kind="success")
            self.taskCreated.emit(task.id)
            if self._refresher is not None:
                self._refresher.refresh_now()
            return task
        finally:
            self._sending = False
            self.form.set_busy(False)
        return None

    def _select(self, task_id: str) -> None:
        row = self.model.row_of(task_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectRow(index.row())
        self.table.scrollTo(index)

    # --- keeping fresh ----------------------------------------------------------------------
    def _task_refreshed(self, task: Task) -> None:
        self.model.upsert(task)

    def _refresh_now(self) -> None:
        if self._refresher is not None:
            self._refresher.refresh_now()

    def _tick(self) -> None:
        self.model.refresh_expiry_words()
        self._show_refreshed()

    def _set_connection_state(self, state: str, detail: str) -> None:
        if state == "online":
            self.last_refreshed = datetime.now().astimezone()
        words = {
            "starting": "Connecting…",
            "online": "Demo mode: tasks go to a practice server on this computer. No money is spent."
            if self.connection.demo else "Online",
            "offline": "Offline: " + detail,
            "slowed": "Slowing down: " + detail,
            "error": "Problem: " + detail,
            "no-key": "Not connected: no API key. Start with --demo to try the app.",
        }
        self.connection_label.setText(words.get(state, state))
        self._show_refreshed()

    def _show_refreshed(self) -> None:
        if self.last_refreshed is not None:
            self.refreshed_label.setText(f"Last refreshed {self.last_refreshed:%H:%M}")

    def _update_empty_hint(self, *_: object) -> None:
        self.empty_hint.setVisible(self.model.rowCount() == 0)
