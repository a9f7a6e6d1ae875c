"""The main window: composes the parts and wires them; it decides nothing itself.

Left, the form (ui/panels/form.py) under the message banner; right, the tasks panel and the
drafts list; below, the status bar. Sending is ui/controllers/send.py, the account and settings
ui/controllers/account.py; the client, outbox and refresher live in app.session, drafts in
app.drafts (docs/architecture.md walks one task through them).
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable

import qasync
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.credentials import KeyStore
from app.drafts import Drafts, OutboxRow
from app.errors import ApiError, NotFound
from app.outbox import Outbox
from app.session import SHUTDOWN_GRACE, Connection, ConnectionState, Session, StateChange
from app.store import DRAFT, WAITING, Store
from app.sync import TaskRefresher
from app.taxonomy import local_categories
from ui import styles
from ui.controllers.account import AccountController
from ui.controllers.send import SendController
from ui.drafts_panel import DraftsPanel
from ui.panels.form import TaskForm
from ui.panels.status_bar import StatusBar
from ui.panels.tasks import TasksPanel
from ui.presenters import task_details
from ui.widgets.banner import MessageBanner

__all__ = ["Connection", "MainWindow", "MessageBanner", "task_details"]

AUTOSAVE_DELAY_MS = 500
FIRST_CHUNK = 2_000  # tasks shown before the window appears; the rest load in the background
LOAD_CHUNK = 5_000


class MainWindow(QMainWindow):
    def __init__(self, connection: Connection, store: Store, *, settings: QSettings | None = None,
                 keystore: KeyStore | None = None, secrets: Callable[[str], None] = lambda key: None) -> None:
        super().__init__()
        self.setWindowTitle("AITasker Desktop" + (" — demo" if connection.demo else ""))
        self.setObjectName("mainWindow")
        self.store = store
        self._settings = settings or QSettings()
        self.closed = asyncio.Event()
        self.session = Session(store, connection, remember_secret=secrets)
        self.draft_service = Drafts(store, self.session.outbox)

        # --- left: the form under the banner ----------------------------------------------------
        self.form = TaskForm()
        self.banner = MessageBanner()
        self.cancel_button = QPushButton("Cancel sending")
        self.cancel_button.setObjectName("cancelSend")
        self.cancel_button.hide()
        self.new_button = QPushButton("&New task")
        self.new_button.setToolTip("Start a fresh task; this one stays in Drafts (Ctrl+N)")
        self.new_button.setShortcut(QKeySequence.StandardKey.New)
        heading = QLabel("New task")
        heading.setStyleSheet(styles.HEADING)
        heading_row = QHBoxLayout()
        heading_row.addWidget(heading)
        heading_row.addStretch(1)
        heading_row.addWidget(self.new_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(heading_row)
        left_layout.addWidget(self.banner)
        left_layout.addWidget(self.form)
        left_layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignRight)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(left)
        scroll.setMinimumWidth(340)

        # --- right: tasks and drafts; below: the status bar ---------------------------------------
        self.tasks = TasksPanel()
        self.drafts = DraftsPanel()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("rightTabs")
        self.tabs.addTab(self.tasks, "Your tasks")
        self.tabs.addTab(self.drafts, "Drafts")
        self.splitter = QSplitter()
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)
        self.status = StatusBar(demo=connection.demo)
        self.setStatusBar(self.status)
        # Short names for the parts tests and other code reach for.
        self.model, self.proxy, self.table = self.tasks.model, self.tasks.proxy, self.tasks.table
        self.add_by_id, self.add_button, self.details = self.tasks.add_by_id, self.tasks.add_button, self.tasks.details
        self.connection_label = self.status.connection_label
        self.outbox_label, self.refreshed_label = self.status.outbox_label, self.status.refreshed_label

        self.account = AccountController(self, self.session, self._settings, self.banner, keystore)
        self.session.refresh_interval = self.account.refresh_interval()
        self.sender = SendController(self, self.session, self.draft_service, self.form, self.banner,
                                     self.cancel_button, self._fresh_form)

        # --- wiring ---------------------------------------------------------------------------
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_DELAY_MS)
        self._autosave.timeout.connect(self.save_current_draft)
        self.form.changed.connect(self._autosave.start)
        self.form.submitRequested.connect(self._autosave.stop)
        self.form.submitRequested.connect(self.sender.send)
        self.sender.posted.connect(self._select)
        self.sender.keyRefused.connect(lambda words: self.session.spawn(self.account.ask_for_key(words)))
        self.new_button.clicked.connect(self.new_task)
        self.tasks.refreshRequested.connect(self._refresh_now)
        self.tasks.addRequested.connect(self._add_by_id)
        self.drafts.openRequested.connect(self.open_draft)
        self.drafts.duplicateRequested.connect(
            lambda draft_id: self.draft_service.duplicate(draft_id, self.form.raw_values()))
        self.drafts.deleteRequested.connect(self.delete_draft)
        self.drafts.takeBackRequested.connect(self.sender.take_back)
        self.drafts.keepAsDraftRequested.connect(self.sender.take_back)
        self.drafts.sendAgainRequested.connect(self.sender.send_again)
        self.drafts.newRequested.connect(self.new_task)
        self.draft_service.changed.connect(lambda _: self._refresh_drafts_view())
        self.session.outbox_changed.connect(lambda _: self._refresh_drafts_view())
        self.session.state_changed.connect(self._state_changed)
        self.session.task_updated.connect(self.model.upsert)
        self.session.categories.connect(self.form.set_categories)
        self._expiry_timer = QTimer(self)
        self._expiry_timer.setInterval(30_000)
        self._expiry_timer.timeout.connect(self._tick)
        self._expiry_timer.start()
        self.resize(1180, 720)
        self._restore_layout()
        self._build_menus()

        # --- what the store holds: shown before any network -----------------------------------
        interrupted = store.recover_interrupted_sends()
        self.tasks.set_tasks(store.list_tasks(limit=FIRST_CHUNK))  # the rest in chunks once the loop runs
        self._all_loaded = self.model.rowCount() < FIRST_CHUNK
        self.form.set_categories(local_categories(store))
        values = self.draft_service.reopen()
        if values is not None:
            self.form.load_values(values)
        self._refresh_drafts_view()
        if store.moved_aside is not None:
            self.banner.show_message(
                "Your saved drafts file could not be read, so a new one was started. The old file "
                f"was kept here: {store.moved_aside}", kind="warning")
        elif interrupted:
            self.banner.show_message(
                "The app closed while a task was being sent. Open Drafts to check it: it is marked "
                "“Not sure it was sent”.", kind="warning")
        self.form.title.setFocus()

    # --- what other code and tests reach ----------------------------------------------------------
    client = property(lambda self: self.session.client)
    outbox: Outbox = property(lambda self: self.session.outbox)  # type: ignore[assignment]
    connection: Connection = property(lambda self: self.session.connection)  # type: ignore[assignment]
    _refresher: TaskRefresher | None = property(lambda self: self.session.refresher)  # type: ignore[assignment]
    current_draft_id: str = property(lambda self: self.draft_service.current_id)  # type: ignore[assignment]

    def refresh_interval(self) -> float:
        return self.account.refresh_interval()

    def set_refresh_interval(self, seconds: float) -> None:
        self.account.set_refresh_interval(seconds)

    def theme(self) -> str:
        return self.account.theme()

    def open_settings(self) -> None:
        self.account.open_settings()

    async def ask_for_key(self, message: str = "") -> bool:
        return await self.account.ask_for_key(message)

    # --- start and stop ---------------------------------------------------------------------
    async def start(self) -> None:
        """Connect: categories from the server (cached), then keep tasks and the outbox moving."""
        if not self._all_loaded:
            self.session.spawn(self._load_remaining_tasks())
        await self.session.start()

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

    async def shutdown(self) -> None:
        self.sender.closing = True
        self._expiry_timer.stop()
        self._autosave.stop()
        sending = self.sender.sending
        if sending is not None:
            sending.cancel()  # the outbox marks it "not sure it was sent"
            await asyncio.wait([sending], timeout=SHUTDOWN_GRACE)
        self.save_current_draft()
        await self.session.shutdown()

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

    def _build_menus(self) -> None:
        """Built once: what it offers depends on demo mode and the key store, which never change."""
        bar = self.menuBar()
        bar.clear()
        file_menu = bar.addMenu("&File")
        file_menu.addAction("&New task", QKeySequence.StandardKey.New, self.new_task)
        file_menu.addSeparator()
        settings = QAction("&Settings…", self)
        settings.setShortcut(QKeySequence.StandardKey.Preferences)
        settings.triggered.connect(self.account.open_settings)
        file_menu.addAction(settings)
        file_menu.addSeparator()
        file_menu.addAction("&Quit", QKeySequence.StandardKey.Quit, self.close)
        view = bar.addMenu("&View")
        view.addAction("&Refresh now", QKeySequence("F5"), self._refresh_now)
        if self.account.can_manage_key:
            account = bar.addMenu("Acco&unt")
            account.addAction("&Change API key or address…", self.account.change_key)
            account.addAction("&Forget this key", self.account.forget_key)

    # --- drafts ---------------------------------------------------------------------------------
    def save_current_draft(self) -> None:
        """Autosave: the form's content goes to the current draft (an untouched form is not saved)."""
        self.draft_service.autosave(self.form.raw_values())

    def new_task(self) -> None:
        self._autosave.stop()
        self.draft_service.new(self.form.raw_values())
        self._fresh_form()

    def _fresh_form(self) -> None:
        self.form.clear()
        self._autosave.stop()

    def open_draft(self, draft_id: str) -> None:
        self._autosave.stop()
        opened = self.draft_service.open(draft_id, self.form.raw_values())
        if opened is None:
            return
        if opened.taken_out_of_outbox:
            self.banner.show_message("Taken out of the outbox so you can edit it. Send it again when ready.", kind="info")
        self.form.load_values(opened.record.values)
        self._autosave.stop()
        self.form.title.setFocus()

    def delete_draft(self, draft_id: str) -> None:
        was_current = draft_id == self.draft_service.current_id
        if was_current:
            self._autosave.stop()
        deleted = self.draft_service.delete(draft_id)
        if deleted is None:
            return
        if was_current:
            self._fresh_form()
        self.banner.show_message(f"Deleted “{deleted.record.title}”.", kind="info", actions=[("Undo", deleted.undo)])

    def _refresh_drafts_view(self) -> None:
        """One store read per change: the drafts list, the outbox rows of the table, the count."""
        records = self.draft_service.records()
        waiting = [r for r in records if r.state != DRAFT]
        self.tasks.set_outbox([OutboxRow.of(r) for r in waiting])
        self.status.show_waiting(sum(1 for r in waiting if r.state == WAITING))
        self.drafts.set_drafts(records, current_id=self.draft_service.current_id)
        self.tabs.setTabText(1, f"Drafts ({len(records)})" if records else "Drafts")

    # --- tasks and the connection -----------------------------------------------------------
    def _select(self, task_id: str) -> None:
        if self.model.row_of(task_id) is not None:
            self.tabs.setCurrentIndex(0)
            self.tasks.select(task_id)

    @qasync.asyncSlot(str)
    async def _add_by_id(self, text: str) -> None:
        if self.session.client is None:
            self.banner.show_message("Connect an AITasker account first.")
            return
        self.tasks.set_adding(True)
        try:
            task = await self.session.add_task(text)
        except NotFound as exc:
            self.banner.show_message("No task with that ID was found on your account.", detail=exc.detail)
        except ApiError as exc:
            self.banner.show_message(exc.user_message, detail=exc.detail)
        else:
            self.add_by_id.clear()
            self._select(task.id)
        finally:
            self.tasks.set_adding(False)

    def _refresh_now(self) -> None:
        self.session.refresh_now()

    def _tick(self) -> None:
        self.model.refresh_expiry_words()
        self.status.show_refreshed()

    def _state_changed(self, change: StateChange) -> None:
        if change.state == ConnectionState.UNAUTHORIZED:
            self.session.spawn(self.account.ask_for_key(change.detail))
        self.status.show_state(change.state, change.detail, self.session.last_online)
