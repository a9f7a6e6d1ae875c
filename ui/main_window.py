"""The main window: composes the parts and wires them; it decides nothing itself.

Left, the form page (ui/panels/form_page.py: heading, banner, form); right, the tasks panel and
the drafts list; below, the status bar. Sending is ui/controllers/send.py, drafts
ui/controllers/drafts.py, the account and settings ui/controllers/account.py, reviewing a task
(review windows, alerts, "2 need your review") ui/controllers/review.py, the credit, the monthly
limit and the Spending window ui/controllers/money.py, export and copy ui/controllers/records.py; the client, outbox
and refresher live in app.session, draft content in app.drafts. docs/architecture.md walks one
task through them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSettings, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QSplitter, QTabWidget

from app.budget import BudgetMemory
from app.connection import Connection, ConnectionState, StateChange
from app.drafts import Drafts
from app.store.repository import Store
from app.taxonomy import Category, local_categories, names
from ui.controllers.loading import TasksLoader
from ui.controllers.startup import StagedStart
from ui.menus import build_menus
from ui.panels.drafts import DraftsPanel
from ui.panels.form_page import FormPage
from ui.panels.status_bar import StatusBar
from ui.panels.tasks import TasksPanel
from ui.widgets import accessibility, accessible_combo
from ui.widgets.screen_fit import ContentsScroll, place

if TYPE_CHECKING:
    from app.credentials import KeyStore

__all__ = ["Connection", "MainWindow"]


class MainWindow(QMainWindow):
    """Built in two steps (ui/controllers/startup.py). The parts (the form with the draft that was
    open, the newest tasks, the drafts tab, the status bar, the menus) need neither asyncio nor the
    network; the session and the controllers are attached after them (:meth:`attach`).
    ``staged``: only the parts now, so that the window can show itself first (ui/main.py), and the
    form is checked once attached; otherwise both at once. Attached: ``session``, the controllers
    (``account``, ``drafts_controller``, ``send_controller``, ``reviews``, ``task_actions``, ``news``,
    ``tasks_controller``, ``money``, ``records``) and ``closed`` (an asyncio.Event, set once the window
    has closed)."""

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
        accessibility.install()  # windows as windows, expanders as expanders
        self.setObjectName("mainWindow")
        self.store = store
        self._settings = settings or QSettings()
        self._connection, self._keystore, self._secrets = connection, keystore, secrets
        self.draft_service = Drafts(store)

        # --- the parts ------------------------------------------------------------------------
        self._page = FormPage(checks_held=staged)
        self._tasks = TasksPanel(details=store.get_task)
        self._drafts = DraftsPanel()
        self._tabs = QTabWidget()
        self._tabs.setObjectName("rightTabs")
        self._tabs.addTab(self._tasks, "")
        self._tabs.addTab(self._drafts, "")
        self._splitter = QSplitter()
        self._splitter.setObjectName("mainSplitter")
        self._splitter.addWidget(self._page)
        self._splitter.addWidget(self._tabs)
        self._splitter.setStretchFactor(1, 1)
        # On a screen smaller than the form and the tasks side by side need (1024×640 at twice the
        # size), the window scrolls rather than overflowing the screen.
        self.setCentralWidget(ContentsScroll(self._splitter))
        self._status = StatusBar(demo=connection.demo)
        self.setStatusBar(self._status)
        self._restore_layout()
        self._menus = build_menus(self, can_manage_key=keystore is not None and not connection.demo)
        self._menus.quit.triggered.connect(self.close)  # while a task is being sent, closeEvent asks first
        self._menus.add_by_id.triggered.connect(self._tasks.offer_add_by_id)
        self._say_words()

        # --- what the store holds: shown before any network -----------------------------------
        self._interrupted = store.recover_interrupted_sends()
        self._loader = TasksLoader(self, store, self._tasks)  # the newest tasks
        self._categories(local_categories(store))
        self._budget_memory = BudgetMemory(store)
        form = self._page.form
        form.set_budget_memory(self._budget_memory)
        values = self.draft_service.reopen()  # the draft that was open comes back into the form
        if values is not None:
            form.load_values(values)
        form.title.setFocus()
        self._start = StagedStart(self, self._attach)  # a close asked for meanwhile waits for attach()
        if not staged:
            self.attach()

    def attach(self) -> None:
        """The session and the controllers, wired to the parts (once); the form is checked from now on."""
        self._start.attach()

    def _attach(self) -> None:
        """Imports what the first picture did without: asyncio, the session, the controllers."""
        import asyncio

        from app.session import Session
        from ui.controllers.account import AccountController
        from ui.controllers.drafts import DraftsController
        from ui.controllers.money import MoneyController
        from ui.controllers.records import RecordsController
        from ui.controllers.review import ReviewController
        from ui.controllers.saving import SavingController
        from ui.controllers.send import SendController
        from ui.controllers.task_windows import TaskWindowsController
        from ui.controllers.tasks import TasksController
        from ui.desktop.notifier import Notifier

        store, page, tasks, drafts, status, menus = (
            self.store, self._page, self._tasks, self._drafts, self._status, self._menus
        )  # fmt: skip
        self.closed = asyncio.Event()
        session = self.session = Session(store, self._connection, remember_secret=self._secrets)
        self.draft_service.outbox = session.outbox
        self.account = AccountController(self, session, self._settings, page.banner, self._keystore)
        session.refresh_interval = self.account.refresh_interval()
        self.drafts_controller = DraftsController(
            self, self.draft_service, session, page.form, page.banner, drafts, tasks, status, self._tabs
        )
        self.money = MoneyController(
            self, session, store, status, page.banner, tasks, self._tabs,
            monthly_limit=self.account.monthly_limit, send=lambda draft_id: self.send_controller.send_waiting(draft_id),
        )  # fmt: skip
        self.records = RecordsController(self, session, tasks, page.banner)
        self.send_controller = SendController(
            self, session, self.draft_service, page.form, page.banner, page.cancel_button, drafts,
            self.drafts_controller.fresh_form, money=self.money,
        )  # fmt: skip
        from app.actions import ActionJournal
        from ui.controllers.actions import ActionsController

        self.actions_controller = ActionsController(self, ActionJournal(store))
        self.actions_controller.quitChosen.connect(self.close)
        self.actions_controller.changed.connect(self.money.action_changed)
        self.reviews = ReviewController(
            self, self.actions_controller, store=store, notifier=Notifier(self, icon=self.windowIcon(), start_now=False)
        )
        from ui.controllers.task_actions import TaskActionsController
        from ui.controllers.task_news import TaskNewsController

        self.task_actions = TaskActionsController(self, self.actions_controller)  # service: start_loading()
        self.news = TaskNewsController(
            self, store=store, notice=tasks.away, notifier=self.reviews.notifier,
            reviews=self.reviews.tasks_in_review, done_here=self.task_actions.done_here,
        )  # fmt: skip
        self.news.seed(store)
        self.tasks_controller = TasksController(
            self, session, tasks, self._tabs, page.banner, self._budget_memory, self.reviews,
            self.task_actions, self.news,
        )  # fmt: skip
        self.task_windows = TaskWindowsController(
            self, session, self.reviews, self.task_actions, SavingController(self, self._settings, session),
            post_again=self.task_actions.post_again,
        )  # fmt: skip
        self.tasks_controller.opener = self.task_windows.open  # Enter on a row, Ctrl+R, the start's summary
        self._loader.attach(session, self.reviews)
        # What the person asks for, to the controller that does it.
        page.new_button.clicked.connect(self.drafts_controller.new)
        menus.new_task.triggered.connect(self.drafts_controller.new)
        for refresh in (tasks.refreshRequested, menus.refresh.triggered):
            refresh.connect(session.refresh_now)
            refresh.connect(self.money.refresh_requested)  # the balance, and drafts that waited for credit
        menus.spending.triggered.connect(self.money.open_spending)
        menus.export.triggered.connect(self.records.export)
        drafts.topUpRequested.connect(lambda _draft_id: self.money.open_topup())
        menus.review_next.triggered.connect(self.tasks_controller.review_next)
        status.review_button.clicked.connect(self.tasks_controller.review_next)
        menus.settings.triggered.connect(self.account.open_settings)
        if menus.change_key is not None and menus.forget_key is not None:
            menus.change_key.triggered.connect(self.account.change_key)
            menus.forget_key.triggered.connect(self.account.forget_key)
        # What happened, to the parts that show it.
        self.send_controller.keyRefused.connect(lambda words: session.spawn(self.account.ask_for_key(words)))
        self.send_controller.quitChosen.connect(self.close)
        self.drafts_controller.quitChosen.connect(self.close)
        self.send_controller.posted.connect(self.tasks_controller.posted)
        self.send_controller.posted.connect(lambda _task_id: self.money.refresh_balance())
        session.state_changed.connect(self._state_changed)
        session.state_changed.connect(self.money.state_changed)
        session.task_updated.connect(tasks.model.upsert)
        session.task_updated.connect(self.reviews.task_updated)
        session.task_updated.connect(self.task_windows.task_updated)
        session.task_changed.connect(self.news.task_changed)
        session.refreshed.connect(self.news.refreshed)
        self.task_actions.taskRead.connect(session.task_refreshed)  # a task read again after an action
        self.task_actions.postAgainRequested.connect(self.drafts_controller.post_again)
        session.categories.connect(self._categories)
        self.reviews.waiting_changed.connect(self.news.reviews_waiting)
        self.news.waiting_changed.connect(status.show_waiting_for_you)
        self.reviews.chosen.connect(lambda _task_id: session.refresh_now())
        self.reviews.chosen.connect(lambda _task_id: self.money.refresh_balance())
        self._expiry_timer = QTimer(self)
        self._expiry_timer.setInterval(30_000)
        self._expiry_timer.timeout.connect(self._tick)
        self._expiry_timer.start()
        self.drafts_controller.refresh_view()  # the drafts list, the outbox's rows in the table
        self.drafts_controller.say_what_start_found(store.moved_aside, self._interrupted)
        page.form.release_checks()
        # PySide6 reads the source of every module imported after it (through linecache, which
        # keeps it): about 15 MB by now, needed by nothing. Freed, the space serves the table.
        import linecache

        linecache.clearcache()

    # --- the language ----------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        """A new language (Settings): Qt sends LanguageChange to every open window and each of its
        parts, which say their own words again; the window its title, tabs and menus."""
        if event.type() == QEvent.Type.LanguageChange:
            self._say_words()
        super().changeEvent(event)

    def _say_words(self) -> None:
        self.setWindowTitle(self.tr("AITasker Desktop — demo") if self._connection.demo else "AITasker Desktop")
        self._tabs.setAccessibleName(self.tr("Your tasks and drafts"))  # (it is a stop on the way to its tabs)
        self._tabs.setTabText(0, self.tr("Your tasks"))
        self._tabs.setTabText(1, self.tr("Drafts"))
        self._menus.retranslate()

    # --- start and stop ---------------------------------------------------------------------
    async def start(self, connection: Connection | None = None) -> None:
        """Connect (to ``connection`` when given, as demo mode does once its server is up):
        categories from the server (cached), then keep tasks and the outbox moving."""
        self.start_loading()
        if connection is not None:
            self.session.connection = connection
        await self.session.start()

    def start_loading(self) -> None:
        """The older stored tasks into the table, in the background (once; start() does it too);
        the task actions' connection (httpx: after the first picture) before the journal is checked."""
        if self.task_actions.service is None:
            from app.tasks.service import TaskService

            self.task_actions.set_service(TaskService(lambda: self.session.client, store=self.store))
        self._loader.start_loading()

    async def shutdown(self) -> None:
        """Each part stops, those that make work first (as the window closes; again is harmless):
        the send in flight, the confirmed actions, reviews, an add by ID, the background reads, the last save of the
        form; then the session (outbox, refresher, client). The store is closed by its owner."""
        self._expiry_timer.stop()
        await self.send_controller.shutdown()
        self.money.shutdown()
        await self.task_actions.shutdown()  # its questions and reads (a confirmed request is the journal's)
        await self.actions_controller.shutdown()  # a request on its way: recorded unsure, checked next start
        await self.task_windows.shutdown()
        self.news.close()
        await self.reviews.shutdown()
        self.tasks_controller.shutdown()
        self._loader.shutdown()
        self.drafts_controller.shutdown()
        await self.session.shutdown()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.send_controller.holds_close():  # a task is being sent: the person is asked first
            event.ignore()
            self.send_controller.ask_to_quit()
            return
        if self.actions_controller.holds_close():  # a choice (or another confirmed request) is on its way: asked too
            event.ignore()
            self.actions_controller.ask_to_quit()
            return
        if self.drafts_controller.holds_close():  # the latest typing could not be saved (disk full): asked too
            event.ignore()
            self.drafts_controller.ask_to_quit()
            return
        try:
            self.drafts_controller.save_now()
            self._settings.setValue("window/geometry", self.saveGeometry())
            self._settings.setValue("window/splitter", self._splitter.saveState())
        finally:
            event.accept()
            self.closed.set()

    def _restore_layout(self) -> None:
        # Within the screen's available area; yesterday's size only while it still fits.
        place(self, self._settings.value("window/geometry"))
        splitter = self._settings.value("window/splitter")
        if splitter is not None:
            self._splitter.restoreState(splitter)
        else:
            self._splitter.setSizes([400, 780])

    # --- tasks and the connection -----------------------------------------------------------
    def _categories(self, categories: list[Category]) -> None:
        """A category list (bundled, cached or the server's): its names everywhere, its choices in the form."""
        names().set(categories)
        self._page.form.set_categories(categories)
        self._tasks.names_changed()

    def _tick(self) -> None:
        self._tasks.model.refresh_expiry_words()
        self._status.show_refreshed()

    def _state_changed(self, change: StateChange) -> None:
        if change.state == ConnectionState.UNAUTHORIZED:
            self.session.spawn(self.account.ask_for_key(change.detail))
        self._status.show_state(change.state, change.detail, self.session.last_refreshed)
