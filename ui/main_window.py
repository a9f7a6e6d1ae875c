"""The main window: the form on the left; tasks, details and drafts on the right."""

from __future__ import annotations

import asyncio
import gc
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import qasync
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.api import TasksClient
from app.credentials import KeyStorageError, KeyStore, describe_source
from app.errors import ApiError, Forbidden, NotFound, Offline, RateLimited, Unauthorized
from app.outbox import Outbox, SendResult
from app.schema import FINAL_STATUSES, OUTBOX_PREFIX, Task, status_info
from app.store import DRAFT, UNKNOWN, WAITING, DraftRecord, Store
from app.sync import TaskRefresher
from app.taxonomy import bundled_categories, friendly_name, parse_categories
from ui.async_dialog import ask, run_dialog
from ui.connect_dialog import connect_account
from ui.drafts_panel import DraftsPanel
from ui.settings_dialog import SettingsDialog
from ui.task_form import TaskForm
from ui.tasks_model import FILTERS, TASK_ID_ROLE, TasksFilterProxy, TasksTableModel
from ui.theme import THEMES, apply_theme

log = logging.getLogger(__name__)

AUTOSAVE_DELAY_MS = 500
COLUMN_WIDTHS = {1: 110, 2: 70, 3: 140, 4: 95, 5: 110}  # Title takes the rest
SHUTDOWN_GRACE = 5.0  # seconds the background work gets to stop when the window closes
FIRST_CHUNK = 2_000  # tasks shown before the window appears; the rest load in the background
LOAD_CHUNK = 5_000
CURRENT_DRAFT = "current_draft"


@dataclass
class Connection:
    api_url: str
    api_key: str | None
    demo: bool = False


class MessageBanner(QWidget):
    """A non-modal message above the form: plain words, technical detail on request, actions."""

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
        self.actions_row = QHBoxLayout()
        self.actions_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(top)
        layout.addWidget(self.details)
        layout.addLayout(self.actions_row)
        self._action_buttons: list[QPushButton] = []
        self.setAutoFillBackground(True)
        self.hide()

    def show_message(
        self, text: str, *, detail: str = "", kind: str = "error",
        actions: list[tuple[str, Callable[[], object]]] | None = None,
    ) -> None:
        colours = {"error": "#fdecea", "info": "#e8f1fb", "success": "#e9f5ea", "warning": "#fff4e5"}
        self.setStyleSheet(f"#banner {{ background: {colours.get(kind, '#eeeeee')}; border-radius: 4px; }}")
        self.text.setText(text)
        self.details.setText(detail)
        self.toggle.setChecked(False)
        self.toggle.setVisible(bool(detail))
        for button in self._action_buttons:
            button.deleteLater()
        self._action_buttons = []
        for label, callback in actions or []:
            button = QPushButton(label)
            button.setObjectName(f"bannerAction_{label}")
            button.clicked.connect(lambda _=False, cb=callback: (self.hide(), cb()))
            self.actions_row.addWidget(button)
            self._action_buttons.append(button)
        self.show()

    def action(self, label: str) -> QPushButton | None:
        return next((b for b in self._action_buttons if b.text() == label), None)


def task_details(task: Task) -> str:
    """Every field of the response, as plain text (server text is never rendered as rich text)."""
    info = status_info(task.status)

    def when(value: datetime | None) -> str:
        return value.astimezone().strftime("%A %d %B %Y, %H:%M") if value else "—"

    lines = [
        task.title or "Untitled task",
        "",
        f"Status: {info.label} — {info.explanation}",
        f"Category: {friendly_name(task.category or '')} / {friendly_name(task.task_type or '')}",
        f"Budget: ${task.budget_usd:,.2f}" if task.budget_usd is not None else "Budget: —",
        f"Experimentation: {task.experimentation:g}" if task.experimentation is not None else "Experimentation: —",
        f"Created: {when(task.created_at)}",
        f"Expires: {when(task.expires_at)}",
        f"Compute budget: {'—' if task.compute_budget is None else f'${task.compute_budget:,.2f}'}",
        f"Prototype tier: {'—' if task.prototype_tier is None else task.prototype_tier}",
        f"Brand kit: {task.brand_kit_id or '—'}",
        "Attachments: " + (", ".join(map(str, task.attachments)) if task.attachments else "none"),
        "Requirements:" + ("" if task.requirements else " none"),
    ]
    for name, value in (task.requirements or {}).items():
        lines.append(f"  {name}: {value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)}")
    lines += ["", "Description:", task.description or "(none)", "", f"Task ID: {task.id}"]
    for name, value in (task.model_extra or {}).items():
        lines.append(f"{friendly_name(name)}: {json.dumps(value, ensure_ascii=False)}")
    return "\n".join(lines)


def draft_as_row(record: DraftRecord) -> Task:
    values = record.values
    budget = values.get("budget_usd")
    return Task(
        id=OUTBOX_PREFIX + record.id,
        status=OUTBOX_PREFIX + record.state,
        title=str(values.get("title") or "") or record.title,
        description=str(values.get("description") or ""),
        category=str(values.get("category") or ""),
        task_type=str(values.get("task_type") or ""),
        budget_usd=budget if isinstance(budget, (int, float)) and not isinstance(budget, bool) else None,
        created_at=datetime.fromtimestamp(record.queued_at or record.updated_at, tz=UTC),
    )


class MainWindow(QMainWindow):

    def __init__(
        self,
        connection: Connection,
        store: Store,
        *,
        settings: QSettings | None = None,
        keystore: KeyStore | None = None,
        secrets: Callable[[str], None] = lambda key: None,
    ) -> None:
        super().__init__()
        self.keystore = keystore
        self._remember_secret = secrets
        self._asking_for_key = False
        self.setWindowTitle("AITasker Desktop" + (" — demo" if connection.demo else ""))
        self.setObjectName("mainWindow")
        self.connection = connection
        self.store = store
        self._settings = settings or QSettings()
        self.client: TasksClient | None = None
        self.closed = asyncio.Event()
        self._background: set[asyncio.Future[Any]] = set()
        self._sending: asyncio.Future[SendResult] | None = None
        self._closing = False
        self.last_refreshed: datetime | None = None
        self.outbox = Outbox(store, lambda: self.client, on_change=self._outbox_changed, on_created=self._created)

        # --- left: the form --------------------------------------------------------------------
        self.form = TaskForm()
        self.banner = MessageBanner()
        self.cancel_button = QPushButton("Cancel sending")
        self.cancel_button.setObjectName("cancelSend")
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self._cancel_send)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        heading_row = QHBoxLayout()
        heading = QLabel("New task")
        heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.new_button = QPushButton("&New task")
        self.new_button.setToolTip("Start a fresh task; this one stays in Drafts (Ctrl+N)")
        self.new_button.setShortcut(QKeySequence.StandardKey.New)
        heading_row.addWidget(heading)
        heading_row.addStretch(1)
        heading_row.addWidget(self.new_button)
        left_layout.addLayout(heading_row)
        left_layout.addWidget(self.banner)
        left_layout.addWidget(self.form)
        left_layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignRight)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(left)
        scroll.setMinimumWidth(340)

        # --- right: tasks, details, drafts --------------------------------------------------
        self.model = TasksTableModel()
        self.proxy = TasksFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("tasksTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        for column, width in COLUMN_WIDTHS.items():
            self.table.setColumnWidth(column, width)
        self.table.setAccessibleName("Your tasks")
        self.filter_box = QComboBox()
        self.filter_box.setObjectName("statusFilter")
        self.filter_box.setAccessibleName("Show")
        for key, (label, _) in FILTERS.items():
            self.filter_box.addItem(label, key)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText("Search titles and descriptions")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search tasks")
        self.refresh_button = QPushButton("Refresh")
        self.refresh_button.setToolTip("Check for news on your tasks now (F5)")
        self.add_by_id = QLineEdit()
        self.add_by_id.setObjectName("addById")
        self.add_by_id.setPlaceholderText("Paste a task ID to add it")
        self.add_by_id.setAccessibleName("Task ID to add")
        self.add_button = QPushButton("Add")
        self.add_button.setObjectName("addButton")
        self.details = QPlainTextEdit()
        self.details.setObjectName("details")
        self.details.setReadOnly(True)
        self.details.setPlaceholderText("Select a task to see all its details.")
        self.details.setAccessibleName("Details of the selected task")

        tasks_page = QWidget()
        tasks_layout = QVBoxLayout(tasks_page)
        bar = QHBoxLayout()
        show = QLabel("Sh&ow:")
        show.setBuddy(self.filter_box)
        bar.addWidget(show)
        bar.addWidget(self.filter_box)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.refresh_button)
        tasks_layout.addLayout(bar)
        self.empty_hint = QLabel("Tasks you send appear here, with their progress.")
        self.empty_hint.setStyleSheet("color: palette(placeholder-text);")
        tasks_layout.addWidget(self.empty_hint)
        table_and_details = QSplitter(Qt.Orientation.Vertical)
        table_and_details.setObjectName("detailsSplitter")
        table_and_details.addWidget(self.table)
        table_and_details.addWidget(self.details)
        table_and_details.setStretchFactor(0, 3)
        table_and_details.setStretchFactor(1, 1)
        tasks_layout.addWidget(table_and_details, 1)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_by_id, 1)
        add_row.addWidget(self.add_button)
        tasks_layout.addLayout(add_row)

        self.drafts = DraftsPanel()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("rightTabs")
        self.tabs.addTab(tasks_page, "Your tasks")
        self.tabs.addTab(self.drafts, "Drafts")

        self.splitter = QSplitter()
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)

        self.connection_label = QLabel()
        self.connection_label.setObjectName("connectionState")
        self.outbox_label = QLabel()
        self.refreshed_label = QLabel()
        self.statusBar().addWidget(self.connection_label, 1)
        self.statusBar().addPermanentWidget(self.outbox_label)
        self.statusBar().addPermanentWidget(self.refreshed_label)
        self._set_connection_state("starting", "")

        # --- wiring -------------------------------------------------------------------------
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_DELAY_MS)
        self._autosave.timeout.connect(self.save_current_draft)
        self.form.changed.connect(self._autosave.start)
        self.form.submitRequested.connect(self.send)
        self.new_button.clicked.connect(self.new_task)
        self.refresh_button.clicked.connect(self._refresh_now)
        self.filter_box.currentIndexChanged.connect(lambda _: self.proxy.set_group(self.filter_box.currentData()))
        self.search.textChanged.connect(self.proxy.set_text)
        self.add_button.clicked.connect(self._add_by_id)
        self.add_by_id.returnPressed.connect(self._add_by_id)
        self.table.selectionModel().currentRowChanged.connect(self._show_details)
        self.model.dataChanged.connect(lambda *_: self._show_details())
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset):
            signal.connect(self._update_empty_hint)
        self.drafts.openRequested.connect(self.open_draft)
        self.drafts.duplicateRequested.connect(self._duplicate_draft)
        self.drafts.deleteRequested.connect(self.delete_draft)
        self.drafts.takeBackRequested.connect(self._take_back)
        self.drafts.keepAsDraftRequested.connect(self._take_back)
        self.drafts.sendAgainRequested.connect(self._send_again)
        self.drafts.newRequested.connect(self.new_task)
        self._expiry_timer = QTimer(self)
        self._expiry_timer.setInterval(30_000)
        self._expiry_timer.timeout.connect(self._tick)
        self._expiry_timer.start()
        self._refresher: TaskRefresher | None = None
        self.resize(1180, 720)
        self._restore_layout()
        self._build_menus()

        # --- what the store holds: shown before any network -----------------------------------
        interrupted = self.store.recover_interrupted_sends()
        # The newest tasks at once; the rest in chunks once the loop runs (100,000 stay usable).
        self.model.set_tasks(self.store.list_tasks(limit=FIRST_CHUNK))
        self.proxy.sort(4, Qt.SortOrder.DescendingOrder)
        self._all_loaded = self.model.rowCount() < FIRST_CHUNK
        cached = self.store.cached_taxonomy()
        try:
            self.form.set_categories(parse_categories(cached) if cached else bundled_categories())
        except ValueError:
            self.form.set_categories(bundled_categories())
        self.current_draft_id = self._reopen_current_draft()
        self._outbox_changed()
        if self.store.moved_aside is not None:
            self.banner.show_message(
                "Your saved drafts file could not be read, so a new one was started. The old file "
                f"was kept here: {self.store.moved_aside}", kind="warning")
        elif interrupted:
            self.banner.show_message(
                "The app closed while a task was being sent. Open Drafts to check it: it is marked "
                "“Not sure it was sent”.", kind="warning")
        self.form.title.setFocus()

    # --- start and stop ---------------------------------------------------------------------
    async def start(self) -> None:
        """Connect: categories from the server (cached), then keep tasks and the outbox moving."""
        if not self._all_loaded:
            self._spawn(self._load_remaining_tasks())
        if self.connection.api_key:
            await self._connect(self.connection.api_url, self.connection.api_key)
        else:
            self._set_connection_state("no-key", "")

    async def _load_remaining_tasks(self) -> None:
        """Older tasks in chunks, yielding to the GUI between them, then one sort.

        The cyclic garbage collector is paused while the rows are built (a full collection over
        hundreds of thousands of new objects is a visible freeze), and the loaded rows are then
        moved out of its way (``gc.freeze``): they live as long as the window."""
        gc.disable()
        try:
            for chunk in self.store.task_chunks(skip=len(self.model.tasks()), size=LOAD_CHUNK):
                self.model.append_tasks(chunk)
                await asyncio.sleep(0)
        finally:
            gc.enable()
        gc.freeze()
        self.proxy.resort()
        self._all_loaded = True

    async def _connect(self, api_url: str, api_key: str) -> None:
        """Use this address and key from now on; start following tasks and the outbox."""
        self._remember_secret(api_key)
        old = self.client
        self.connection = Connection(api_url, api_key, demo=self.connection.demo)
        self.client = TasksClient(api_url, api_key)
        if old is not None:
            await old.aclose()
        await self._load_categories()
        if self._refresher is None:
            self._refresher = TaskRefresher(
                lambda: self.client, lambda: self.store.unfinished_tasks(FINAL_STATUSES), self._task_refreshed,
                self._set_connection_state, interval=self.refresh_interval())
            self._spawn(self._refresher.run())
            self._spawn(self.outbox.run())
        else:
            self._refresher.refresh_now()
        self.outbox.network_may_be_back()

    async def ask_for_key(self, message: str = "") -> bool:
        """The key dialog, without losing the form or drafts; True when a new key is in use."""
        if self.keystore is None or self._asking_for_key:
            return False
        self._asking_for_key = True
        try:
            choice, not_saved = await connect_account(
                self.keystore, api_url=self.connection.api_url, remember_secret=self._remember_secret,
                message=message, parent=self)
            if choice is None:
                return False
            if not_saved is not None:
                self.banner.show_message(not_saved.user_message + " The key is used for this session only.",
                                         detail=not_saved.detail)
            await self._connect(choice.api_url, choice.api_key)
            return True
        finally:
            self._asking_for_key = False

    @qasync.asyncSlot()
    async def forget_key(self) -> None:
        await self._forget_key()

    async def _forget_key(self) -> None:
        if self.keystore is None:
            return
        if not await ask(self, "Forget this key?", "Remove your API key from this computer? Your drafts stay. "
                         "You will need to paste the key again to post or follow tasks.", "Forget key"):
            return
        try:
            await self.keystore.forget()
        except KeyStorageError as exc:
            self.banner.show_message(exc.user_message, detail=exc.detail)
            return
        if self.client is not None:
            await self.client.aclose()
        self.client = None
        self._set_connection_state("no-key", "")
        self.banner.show_message("Your API key was removed from this computer. Your drafts are still here.", kind="info")

    @qasync.asyncSlot()
    async def change_key(self) -> None:
        await self.ask_for_key()

    # --- menus and preferences ------------------------------------------------------------
    def _build_menus(self) -> None:
        """Built once: what it offers depends on demo mode and the key store, which never change."""
        bar = self.menuBar()
        bar.clear()
        file_menu = bar.addMenu("&File")
        file_menu.addAction("&New task", QKeySequence.StandardKey.New, self.new_task)
        file_menu.addSeparator()
        file_menu.addAction(self._settings_action())
        file_menu.addSeparator()
        file_menu.addAction("&Quit", QKeySequence.StandardKey.Quit, self.close)
        view = bar.addMenu("&View")
        view.addAction("&Refresh now", QKeySequence("F5"), self._refresh_now)
        if self.keystore is not None and not self.connection.demo:
            account = bar.addMenu("Acco&unt")
            account.addAction("&Change API key or address…", self.change_key)
            account.addAction("&Forget this key", self.forget_key)

    def _settings_action(self) -> QAction:
        action = QAction("&Settings…", self)
        action.setShortcut(QKeySequence.StandardKey.Preferences)
        action.triggered.connect(self.open_settings)
        return action

    @qasync.asyncSlot()
    async def open_settings(self) -> None:
        source = "Used for this demo only." if self.connection.demo else "Not connected."
        if self.keystore is not None and self.connection.api_key:
            stored = await self.keystore.load()
            source = describe_source(stored.source) if stored else "Kept for this session only."
        dialog = SettingsDialog(api_url=self.connection.api_url, key_source=source,
                                refresh_seconds=self.refresh_interval(), theme=self.theme(),
                                can_manage_key=self.keystore is not None and not self.connection.demo, parent=self)
        result = await run_dialog(dialog)
        if result == QDialog.DialogCode.Accepted:
            self.set_refresh_interval(dialog.refresh_seconds())
            self.set_theme(dialog.chosen_theme())
        dialog.deleteLater()
        if result == SettingsDialog.CHANGE_KEY:
            await self.ask_for_key()
        elif result == SettingsDialog.FORGET_KEY:
            await self._forget_key()

    def refresh_interval(self) -> float:
        try:
            return float(self._settings.value("refresh/seconds", 10.0))
        except (TypeError, ValueError):
            return 10.0

    def set_refresh_interval(self, seconds: float) -> None:
        self._settings.setValue("refresh/seconds", seconds)
        if self._refresher is not None:
            self._refresher.interval = seconds
            self._refresher.quiet_interval = max(seconds, 30.0)

    def theme(self) -> str:
        value = str(self._settings.value("ui/theme", "system"))
        return value if value in THEMES else "system"

    def set_theme(self, theme: str) -> None:
        self._settings.setValue("ui/theme", theme)
        apply_theme(theme)

    async def _load_categories(self) -> None:
        assert self.client is not None
        try:
            fetched = await self.client.list_categories()
        except (Unauthorized, Forbidden) as exc:
            log.warning("categories not fetched: %s", exc.detail)
            self._set_connection_state("unauthorized", exc.user_message)
            return
        except ApiError as exc:
            log.warning("categories not fetched: %s", exc.detail)
            self._set_connection_state("offline" if isinstance(exc, Offline) else "error", exc.user_message)
            return
        if fetched:
            self.store.cache_taxonomy({"categories": [c.model_dump() for c in fetched]})
            self.form.set_categories(fetched)
        self._set_connection_state("online", "")

    async def shutdown(self) -> None:
        self._closing = True
        self._expiry_timer.stop()
        self._autosave.stop()
        if self._sending is not None:
            self._sending.cancel()  # the outbox marks it "not sure it was sent"
            await asyncio.wait([self._sending], timeout=SHUTDOWN_GRACE)
        self.save_current_draft()
        for task in list(self._background):
            task.cancel()
        if self._background:
            # Bounded: quitting must never hang on a background task that ignores its cancel.
            _, stuck = await asyncio.wait(list(self._background), timeout=SHUTDOWN_GRACE)
            for task in stuck:
                log.warning("background work did not stop in time: %r", task)
        if self.client is not None:
            await self.client.aclose()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._autosave.stop()
        self.save_current_draft()
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
            self.splitter.setSizes([400, 780])

    def _spawn(self, coro: Any) -> None:
        task = asyncio.ensure_future(coro)
        self._background.add(task)
        task.add_done_callback(self._background_done)

    def _background_done(self, task: asyncio.Future[Any]) -> None:
        self._background.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("background work stopped", exc_info=task.exception())

    # --- drafts ---------------------------------------------------------------------------------
    def _reopen_current_draft(self) -> str:
        draft_id = self.store.get_setting(CURRENT_DRAFT)
        record = self.store.get_draft(draft_id) if draft_id else None
        if record is not None and record.state in (DRAFT, UNKNOWN):
            self.form.load_values(record.values)
            return record.id
        return self.store.new_draft_id()

    def _form_is_empty(self) -> bool:
        values = self.form.raw_values()
        return not any(values.get(k) for k in ("title", "description", "requirements", "brand_kit_id"))

    def save_current_draft(self) -> None:
        """Autosave: the form's content goes to the current draft (an untouched form is not saved)."""
        exists = self.store.get_draft(self.current_draft_id) is not None
        if not exists and self._form_is_empty():
            return
        self.store.save_draft(self.current_draft_id, self.form.raw_values())
        self.store.set_setting(CURRENT_DRAFT, self.current_draft_id)
        self._refresh_drafts()

    def new_task(self) -> None:
        self._autosave.stop()
        self.save_current_draft()
        self._start_fresh_draft()

    def _start_fresh_draft(self) -> None:
        self.current_draft_id = self.store.new_draft_id()
        self.store.set_setting(CURRENT_DRAFT, None)
        self.form.clear()
        self._autosave.stop()
        self._refresh_drafts()

    def open_draft(self, draft_id: str) -> None:
        record = self.store.get_draft(draft_id)
        if record is None or self.outbox.is_sending(draft_id):
            return
        self._autosave.stop()
        self.save_current_draft()
        if record.state == WAITING:
            self.outbox.take_back(draft_id)
            self.banner.show_message("Taken out of the outbox so you can edit it. Send it again when ready.", kind="info")
        self.current_draft_id = draft_id
        self.form.load_values(record.values)
        self._autosave.stop()
        self.store.set_setting(CURRENT_DRAFT, draft_id)
        self._refresh_drafts()
        self.form.title.setFocus()

    def _duplicate_draft(self, draft_id: str) -> None:
        self.save_current_draft()
        self.store.duplicate_draft(draft_id)
        self._refresh_drafts()

    def delete_draft(self, draft_id: str) -> None:
        if self.outbox.is_sending(draft_id):
            return
        if draft_id == self.current_draft_id:
            self._autosave.stop()
        record = self.store.delete_draft(draft_id)
        if record is None:
            return
        if draft_id == self.current_draft_id:
            self._start_fresh_draft()
        self._outbox_changed()

        def undo() -> None:
            self.store.restore_draft(record)
            self._outbox_changed()

        self.banner.show_message(f"Deleted “{record.title}”.", kind="info", actions=[("Undo", undo)])

    def _take_back(self, draft_id: str) -> None:
        if not self.outbox.take_back(draft_id):
            self.banner.show_message("This task is on its way right now and can't be taken back.", kind="info")

    def _send_again(self, draft_id: str) -> None:
        self._spawn(self._confirm_and_send(draft_id, again=True))

    def _refresh_drafts(self, records: list[DraftRecord] | None = None) -> None:
        records = self.store.list_drafts() if records is None else records
        self.drafts.set_drafts(records, current_id=self.current_draft_id)
        self.tabs.setTabText(1, f"Drafts ({len(records)})" if records else "Drafts")

    def _outbox_changed(self) -> None:
        records = self.store.list_drafts()
        waiting = [r for r in records if r.state != DRAFT]
        self.model.replace_pending([draft_as_row(r) for r in waiting])
        queued = sum(1 for r in waiting if r.state == WAITING)
        self.outbox_label.setText(f"{queued} waiting to send" if queued else "")
        self._refresh_drafts(records)

    # --- sending ----------------------------------------------------------------------------
    @qasync.asyncSlot()
    async def send(self) -> None:
        if self._sending is not None:
            return
        if self.form.draft() is None:
            return
        self._autosave.stop()
        self.store.save_draft(self.current_draft_id, self.form.raw_values())  # even an untitled one
        self.store.set_setting(CURRENT_DRAFT, self.current_draft_id)
        await self._confirm_and_send(self.current_draft_id)

    async def _confirm_and_send(self, draft_id: str, *, again: bool = False) -> None:
        record = self.store.get_draft(draft_id)
        if record is None or self._sending is not None:
            return
        title = record.values.get("title") or "your task"
        budget = record.values.get("budget_usd") or 0
        question = f"Post “{title}” for ${budget:,.2f}?"
        if again:
            question = (f"Send “{title}” again? If AITasker did receive it the first time and honours the "
                        "reference we send, it will not be posted twice; otherwise it could be.")
        if not await ask(self, "Post this task?", question, "Send again" if again else "Post task"):
            return
        await self.submit(draft_id)

    async def submit(self, draft_id: str) -> SendResult:
        """Send through the outbox; every outcome keeps what was typed unless it succeeded."""
        is_current = draft_id == self.current_draft_id
        if is_current:
            self.form.set_busy(True)
            self.cancel_button.show()
        self.banner.hide()
        self._sending = asyncio.ensure_future(self.outbox.send(draft_id))
        try:
            result = await self._sending
        except asyncio.CancelledError:
            if self._closing:
                raise
            result = SendResult(UNKNOWN)
            self.banner.show_message(
                "Sending was cancelled. It may already have reached AITasker, so it is marked "
                "“Not sure it was sent”.", kind="warning", actions=self._unclear_actions(draft_id))
            return result
        finally:
            self._sending = None
            self.cancel_button.hide()
            if is_current:
                self.form.set_busy(False)
            self._outbox_changed()
        self._show_result(draft_id, result, is_current=is_current)
        return result

    def _cancel_send(self) -> None:
        if self._sending is not None:
            self._sending.cancel()

    def _unclear_actions(self, draft_id: str) -> list[tuple[str, Callable[[], object]]]:
        return [("Send again", lambda: self._send_again(draft_id)), ("Keep as draft", lambda: self._take_back(draft_id))]

    def _show_result(self, draft_id: str, result: SendResult, *, is_current: bool) -> None:
        error = result.error
        detail = error.detail if error else ""
        if result.state == "created" and result.task is not None:
            if is_current:
                self._start_fresh_draft()
            self._select(result.task.id)
            self.banner.show_message(f"Posted “{result.task.title}”. Its progress shows in the table.", kind="success")
        elif result.state == WAITING:
            if isinstance(error, RateLimited):
                text = f"{error.user_message} Your task is saved and will be sent by itself."
            else:
                text = "No connection to AITasker right now. Your task is saved and will be sent by itself when the connection is back."
            if is_current:
                self._start_fresh_draft()
            self.banner.show_message(text, detail=detail, kind="info")
        elif result.state == UNKNOWN:
            self.banner.show_message(error.user_message if error else "Not sure it was sent.", detail=detail,
                                     kind="warning", actions=self._unclear_actions(draft_id))
        elif result.state == DRAFT:
            if is_current:
                self.form.show_errors(result.field_errors)
            message = error.user_message if error else "Some details need a change before the task can be posted."
            if isinstance(error, (Unauthorized, Forbidden)):
                message += " Nothing was posted."
            self.banner.show_message(message + " Your task is still here.", detail=detail)
            if isinstance(error, Unauthorized):
                self._spawn(self.ask_for_key(error.user_message))

    def _created(self, draft_id: str, task: Task) -> None:
        self.model.upsert(task)
        if self._refresher is not None:
            self._refresher.refresh_now()

    def _select(self, task_id: str) -> None:
        row = self.model.row_of(task_id)
        if row is None:
            return
        self.tabs.setCurrentIndex(0)
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.selectRow(index.row())
            self.table.scrollTo(index)

    # --- tasks ------------------------------------------------------------------------------
    def _show_details(self, *_: object) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            self.details.clear()
            return
        row = self.model.row_of(str(index.data(TASK_ID_ROLE)))
        if row is not None:
            self.details.setPlainText(task_details(self.model.task(row)))

    def _task_refreshed(self, task: Task) -> None:
        self.store.upsert_task(task)
        self.model.upsert(task)

    @qasync.asyncSlot()
    async def _add_by_id(self) -> None:
        text = self.add_by_id.text().strip()
        if not text:
            return
        if self.client is None:
            self.banner.show_message("Connect an AITasker account first.")
            return
        self.add_button.setEnabled(False)
        try:
            task = await self.client.get_task(text)
        except NotFound as exc:
            self.banner.show_message("No task with that ID was found on your account.", detail=exc.detail)
        except ApiError as exc:
            self.banner.show_message(exc.user_message, detail=exc.detail)
        else:
            self._task_refreshed(task)
            self.add_by_id.clear()
            self._select(task.id)
        finally:
            self.add_button.setEnabled(True)

    def _refresh_now(self) -> None:
        if self._refresher is not None:
            self._refresher.refresh_now()
        self.outbox.network_may_be_back()

    def _tick(self) -> None:
        self.model.refresh_expiry_words()
        self._show_refreshed()

    def _set_connection_state(self, state: str, detail: str) -> None:
        if state == "unauthorized":
            self._spawn(self.ask_for_key(detail))
        if state == "online":
            self.last_refreshed = datetime.now().astimezone()
            self.outbox.network_may_be_back()
        words = {
            "starting": "Connecting…",
            "online": "Demo mode: tasks go to a practice server on this computer. No money is spent."
            if self.connection.demo else "Online",
            "offline": "Offline — " + detail + " Your work is kept and sent when the connection is back.",
            "slowed": "Slowing down — " + detail,
            "error": "Problem — " + detail,
            "unauthorized": "Your API key was not accepted — " + detail,
            "no-key": "Not connected: no API key. Start with --demo to try the app.",
        }
        self.connection_label.setText(words.get(state, state))
        self._show_refreshed()

    def _show_refreshed(self) -> None:
        if self.last_refreshed is not None:
            self.refreshed_label.setText(f"Last refreshed {self.last_refreshed:%H:%M}")

    def _update_empty_hint(self, *_: object) -> None:
        self.empty_hint.setVisible(self.model.rowCount() == 0)
