"""The main window: composes the parts and wires them; it decides nothing itself.

Left, the form page (ui/panels/form_page.py: heading, banner, form); right, the tasks panel and
the drafts list; below, the status bar. Sending is ui/controllers/send.py, drafts
ui/controllers/drafts.py, the account and settings ui/controllers/account.py, reviewing a task
(review windows, alerts, "2 need your review") ui/controllers/review.py; the client, outbox
and refresher live in app.session, draft content in app.drafts. docs/architecture.md walks one
task through them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QSplitter, QTabWidget

from app.budget import BudgetMemory
from app.connection import Connection, ConnectionState, StateChange
from app.drafts import Drafts
from app.store.repository import Store
from app.taxonomy import Category, local_categories, names
from ui.controllers.loading import TasksLoader
from ui.menus import build_menus
from ui.models.task_details import task_details
from ui.panels.drafts import DraftsPanel
from ui.panels.form_page import FormPage
from ui.panels.status_bar import StatusBar
from ui.panels.tasks import TasksPanel
from ui.widgets import accessible_combo
from ui.widgets.banner import MessageBanner
from ui.widgets.screen_fit import place

if TYPE_CHECKING:
    import asyncio

    from app.credentials import KeyStore
    from app.outbox import Outbox
    from app.session import Session
    from app.sync import TaskRefresher
    from ui.controllers.account import AccountController
    from ui.controllers.drafts import DraftsController
    from ui.controllers.review import ReviewController
    from ui.controllers.send import SendController
    from ui.controllers.tasks import TasksController
    from ui.windows.about import AboutDialog

__all__ = ["Connection", "MainWindow", "MessageBanner", "task_details"]


class MainWindow(QMainWindow):
    """Built in two steps. The parts (the form with the draft that was open, the newest tasks,
    the drafts tab, the status bar, the menus) need neither asyncio nor the network; the session
    and the controllers are attached after them (:meth:`attach`). ``staged``: only the parts now,
    so that the window can show itself first (ui/main.py), and the form is checked once attached;
    otherwise both at once."""

    # Set by attach(): the session and the controllers.
    session: Session
    account: AccountController
    drafts_controller: DraftsController
    sender: SendController
    reviews: ReviewController
    tasks_controller: TasksController
    closed: asyncio.Event

    def __init__(
        self,
        connection: Connection,
        store: Store,
        *,
        settings: QSettings | None = None,
        keystore: KeyStore | None = None,
        secrets: Callable[[str], None] = lambda key: None,
        staged: bool = False,
    ) -> None:
        super().__init__()
        accessible_combo.install()  # combo boxes are announced by their label, not their value
        self.setWindowTitle(self.tr("AITasker Desktop — demo") if connection.demo else "AITasker Desktop")
        self.setObjectName("mainWindow")
        self.store = store
        self._settings = settings or QSettings()
        self._connection, self._keystore, self._secrets = connection, keystore, secrets
        self._attached = False
        self._close_when_attached = False
        self._quit_asked = False  # the quit question is open
        self._may_close = False  # the person chose to quit while a task was being sent
        self.draft_service = Drafts(store)

        # --- the parts ------------------------------------------------------------------------
        self.page = FormPage(checks_held=staged)
        self.tasks = TasksPanel(details=store.get_task)
        self.drafts = DraftsPanel()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("rightTabs")
        self.tabs.addTab(self.tasks, self.tr("Your tasks"))
        self.tabs.addTab(self.drafts, self.tr("Drafts"))
        self.splitter = QSplitter()
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.page)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)
        self.status = StatusBar(demo=connection.demo)
        self.setStatusBar(self.status)
        # Short names for the pieces tests and other code reach for.
        self.form, self.banner, self.cancel_button = self.page.form, self.page.banner, self.page.cancel_button
        self.new_button = self.page.new_button
        self.model, self.proxy, self.table = self.tasks.model, self.tasks.proxy, self.tasks.table
        self.add_by_id, self.add_button, self.details = self.tasks.add_by_id, self.tasks.add_button, self.tasks.details
        self.connection_label = self.status.connection_label
        self.outbox_label, self.refreshed_label = self.status.outbox_label, self.status.refreshed_label
        self._restore_layout()
        self._about: AboutDialog | None = None
        build_menus(self)

        # --- what the store holds: shown before any network -----------------------------------
        self._interrupted = store.recover_interrupted_sends()
        self.loader = TasksLoader(self, store, self.tasks)  # the newest tasks
        self._categories(local_categories(store))
        self.budget_memory = BudgetMemory(store)
        self.form.set_budget_memory(self.budget_memory)
        values = self.draft_service.reopen()  # the draft that was open comes back into the form
        if values is not None:
            self.form.load_values(values)
        self.form.title.setFocus()
        if not staged:
            self.attach()

    def attach(self) -> None:
        """The session and the controllers, wired to the parts (once); the form is checked from
        now on. Imports what the first picture did without: asyncio, the controllers."""
        if self._attached:
            return
        import asyncio

        from app.session import Session
        from ui.controllers.account import AccountController
        from ui.controllers.drafts import DraftsController
        from ui.controllers.money import MoneyController
        from ui.controllers.records import RecordsController
        from ui.controllers.review import ReviewController
        from ui.controllers.send import SendController
        from ui.controllers.tasks import TasksController
        from ui.desktop.notifier import Notifier

        store = self.store
        self.closed = asyncio.Event()
        self.session = Session(store, self._connection, remember_secret=self._secrets)
        self.draft_service.outbox = self.session.outbox
        self.account = AccountController(self, self.session, self._settings, self.banner, self._keystore)
        self.session.refresh_interval = self.account.refresh_interval()
        self.drafts_controller = DraftsController(
            self,
            self.draft_service,
            self.session,
            self.form,
            self.banner,
            self.drafts,
            self.tasks,
            self.status,
            self.tabs,
        )
        self.money = MoneyController(
            self,
            self.session,
            store,
            self.status,
            self.banner,
            self.tasks,
            self.tabs,
            monthly_limit=self.account.monthly_limit,
            send=lambda draft_id: self.sender.submit(draft_id),
        )
        self.records = RecordsController(self, self.session, self.tasks, self.banner)
        self.sender = SendController(
            self,
            self.session,
            self.draft_service,
            self.form,
            self.banner,
            self.cancel_button,
            self.drafts_controller.fresh_form,
            money=self.money,
        )
        self.form.submitRequested.connect(self.sender.send)
        self.sender.keyRefused.connect(lambda words: self.session.spawn(self.account.ask_for_key(words)))
        self.new_button.clicked.connect(self.new_task)
        self.tasks.refreshRequested.connect(self._refresh_now)
        self.drafts.takeBackRequested.connect(self.sender.take_back)
        self.drafts.keepAsDraftRequested.connect(self.sender.take_back)
        self.drafts.sendAgainRequested.connect(self.sender.send_again)
        self.drafts.topUpRequested.connect(lambda _draft_id: self.money.open_topup())
        self.sender.posted.connect(lambda _task_id: self.money.refresh_balance())
        self.session.state_changed.connect(self._state_changed)
        self.session.state_changed.connect(self.money.state_changed)
        self.session.task_updated.connect(self.model.upsert)
        self.session.categories.connect(self._categories)
        self.reviews = ReviewController(
            self, store=store, notifier=Notifier(self, icon=self.windowIcon(), start_now=False)
        )
        self.session.task_updated.connect(self.reviews.task_updated)
        self.reviews.waiting_changed.connect(self.status.show_review_waiting)
        self.reviews.chosen.connect(lambda _task_id: self._refresh_now())
        self.reviews.chosen.connect(lambda _task_id: self.money.refresh_balance())
        self.status.review_button.clicked.connect(self.review_next)
        self.tasks_controller = TasksController(
            self, self.session, self.tasks, self.tabs, self.banner, self.budget_memory, self.reviews
        )
        self.sender.posted.connect(self.tasks_controller.posted)
        self.loader.attach(self.session, self.reviews)
        self._expiry_timer = QTimer(self)
        self._expiry_timer.setInterval(30_000)
        self._expiry_timer.timeout.connect(self._tick)
        self._expiry_timer.start()
        self.drafts_controller.refresh_view()  # the drafts list, the outbox's rows in the table
        self.drafts_controller.say_what_start_found(store.moved_aside, self._interrupted)
        self._attached = True
        self.form.release_checks()
        if self._close_when_attached:
            self.close()

    @property
    def can_manage_key(self) -> bool:
        """Whether the Account menu offers to change or forget the key (not in demo mode)."""
        return self._keystore is not None and not self._connection.demo

    # --- what other code and tests reach ----------------------------------------------------------
    client = property(lambda self: self.session.client)
    outbox: Outbox = property(lambda self: self.session.outbox)  # type: ignore[assignment]
    connection: Connection = property(lambda self: self.session.connection)  # type: ignore[assignment]
    _refresher: TaskRefresher | None = property(lambda self: self.session.refresher)  # type: ignore[assignment]
    current_draft_id: str = property(lambda self: self.draft_service.current_id)  # type: ignore[assignment]

    def new_task(self) -> None:
        if self._attached:
            self.drafts_controller.new()

    def open_draft(self, draft_id: str) -> None:
        self.drafts_controller.open(draft_id)

    def delete_draft(self, draft_id: str) -> None:
        self.drafts_controller.delete(draft_id)

    def save_current_draft(self) -> None:
        self.drafts_controller.save_current()

    def refresh_interval(self) -> float:
        return self.account.refresh_interval()

    def set_refresh_interval(self, seconds: float) -> None:
        self.account.set_refresh_interval(seconds)

    def theme(self) -> str:
        return self.account.theme()

    # Menu entries: the controllers behind them are attached once the window has shown itself.
    def open_settings(self) -> None:
        if self._attached:
            self.account.open_settings()

    def open_spending(self) -> None:
        if self._attached:
            self.money.open_spending()

    def export_tasks(self) -> None:
        if self._attached:
            self.records.export()

    def change_key(self) -> None:
        if self._attached:
            self.account.change_key()

    def forget_key(self) -> None:
        if self._attached:
            self.account.forget_key()

    async def ask_for_key(self, message: str = "") -> bool:
        return await self.account.ask_for_key(message)

    def review_next(self) -> None:
        """Ctrl+R: the selected task's review if it waits for one, else the one closing soonest."""
        if not self._attached:
            return
        if self.reviews.review_next(self.tasks.current_task()) is None:
            self.banner.show_message(self.tr("No task is waiting for your review right now."))

    # --- start and stop ---------------------------------------------------------------------
    async def start(self, connection: Connection | None = None) -> None:
        """Connect (to ``connection`` when given, as demo mode does once its server is up):
        categories from the server (cached), then keep tasks and the outbox moving."""
        self.start_loading()
        if connection is not None:
            self.session.connection = connection
        await self.session.start()

    def start_loading(self) -> None:
        """The older stored tasks into the table, in the background (once; start() does it too)."""
        self.loader.start_loading()

    @property
    def all_loaded(self) -> bool:
        """Every stored task is in the table."""
        return self.loader.all_loaded

    async def shutdown(self) -> None:
        import asyncio

        from app.session import SHUTDOWN_GRACE

        self.sender.closing = True
        self._may_close = True
        self.sender.close_quit_question()
        self.money.shutdown()
        self.reviews.close()
        service = self.reviews.set_service(None)
        if service is not None:
            await service.aclose()
        self._expiry_timer.stop()
        self.drafts_controller.autosave_timer.stop()
        sending = self.sender.sending
        if sending is not None:
            sending.cancel()  # the outbox marks it "not sure it was sent"
            await asyncio.wait([sending], timeout=SHUTDOWN_GRACE)
        self.save_current_draft()
        await self.session.shutdown()

    def request_quit(self) -> None:
        """Quit (Ctrl+Q, the window's close button): while a task is being sent, ask first."""
        if self._attached:
            self.session.spawn(self._ask_then_quit())
        else:  # the window is still starting: it closes as soon as it is ready
            self.close()

    async def _ask_then_quit(self) -> None:
        if self._quit_asked:
            return
        self._quit_asked = True
        try:
            if await self.sender.may_quit():
                self._may_close = True
                self.close()
        finally:
            self._quit_asked = False

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._attached:  # closed in the moment before it is ready: as soon as it is
            event.ignore()
            self._close_when_attached = True
            return
        if self.sender.sending is not None and not self._may_close:
            event.ignore()
            self.request_quit()
            return
        try:
            self.drafts_controller.autosave_timer.stop()
            self.save_current_draft()  # a failure (disk full) is shown and logged, never blocks closing
            self._settings.setValue("window/geometry", self.saveGeometry())
            self._settings.setValue("window/splitter", self.splitter.saveState())
        finally:
            event.accept()
            self.closed.set()

    def _restore_layout(self) -> None:
        # Within the screen's available area; yesterday's size only while it still fits.
        place(self, self._settings.value("window/geometry"))
        splitter = self._settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([400, 780])

    def show_about(self) -> AboutDialog:
        """Help → About: opened window-modally (no nested event loop); one at a time."""
        if self._about is None:
            from ui.windows.about import show_about

            self._about = show_about(self)
            self._about.destroyed.connect(lambda: setattr(self, "_about", None))
        else:
            self._about.raise_()
            self._about.activateWindow()
        return self._about

    # --- tasks and the connection -----------------------------------------------------------
    def _categories(self, categories: list[Category]) -> None:
        """A category list (bundled, cached or the server's): its names everywhere, its choices in the form."""
        names().set(categories)
        self.form.set_categories(categories)
        self.tasks.names_changed()

    def _refresh_now(self) -> None:
        if self._attached:
            self.session.refresh_now()
            self.money.refresh_requested()  # the balance, and drafts that waited for credit

    def _tick(self) -> None:
        self.model.refresh_expiry_words()
        self.status.show_refreshed()

    def _state_changed(self, change: StateChange) -> None:
        if change.state == ConnectionState.UNAUTHORIZED:
            self.session.spawn(self.account.ask_for_key(change.detail))
        self.status.show_state(change.state, change.detail, self.session.last_online)
