"""The main window's controllers, made and wired to its parts once the first picture is on the screen.

The window (ui/main_window.py) builds the parts — the form page, the tasks panel, the drafts list, the
tabs, the status bar, the menus — and hands them here as :class:`WindowParts`. :class:`WindowControllers`
makes the session and one controller per concern, then connects the two ways: what the person asks
for (a menu, a button, a key) to the controller that does it, and what happened (a task read, a
state change, a choice made) to the parts that show it. It owns the order in which they stop
(:meth:`WindowControllers.shutdown`) and which of them may hold a close (:meth:`holds_close`).
docs/architecture.md walks one task through them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QMainWindow, QTabWidget

from app.actions import ActionJournal
from app.budget import BudgetMemory
from app.connection import Connection, ConnectionState, StateChange
from app.drafts import Drafts
from app.session import Session
from app.store.repository import Store
from app.taxonomy import Category
from ui.controllers.account import AccountController
from ui.controllers.actions import ActionsController
from ui.controllers.drafts import DraftsController
from ui.controllers.loading import TasksLoader
from ui.controllers.money import MoneyController
from ui.controllers.records import RecordsController
from ui.controllers.review import ReviewController
from ui.controllers.saving import SavingController
from ui.controllers.send import SendController
from ui.controllers.task_actions import TaskActionsController
from ui.controllers.task_news import TaskNewsController
from ui.controllers.task_windows import TaskWindowsController
from ui.controllers.tasks import TasksController
from ui.desktop.notifier import Notifier
from ui.panels.drafts import DraftsPanel
from ui.panels.form_page import FormPage
from ui.panels.status_bar import StatusBar
from ui.panels.tasks import TasksPanel

if TYPE_CHECKING:
    from app.credentials import KeyStore
    from ui.menus import MenuActions

EXPIRY_WORDS_EVERY_MS = 30_000  # "review closes in 4 min" and "Updated 2 min ago" move on


@dataclass(frozen=True)
class WindowParts:
    """What the window built before any network, and what it keeps for itself (``close``, ``categories``)."""

    window: QMainWindow
    store: Store
    settings: QSettings
    connection: Connection
    keystore: KeyStore | None
    secrets: Callable[[str], None]
    draft_service: Drafts
    budget_memory: BudgetMemory
    page: FormPage
    tasks: TasksPanel
    drafts: DraftsPanel
    tabs: QTabWidget
    status: StatusBar
    menus: MenuActions
    loader: TasksLoader
    categories: Callable[[list[Category]], None]  # a category list from the server: the window shows it
    interrupted: list[
        str
    ]  # drafts the store found a send of the last run was cut off in (store.recover_interrupted_sends())


class WindowControllers:
    """The session and the controllers of one main window (made once, by the window's attach)."""

    def __init__(self, parts: WindowParts) -> None:
        window, store, page, tasks, drafts, status = (
            parts.window, parts.store, parts.page, parts.tasks, parts.drafts, parts.status
        )  # fmt: skip
        self._parts = parts
        session = self.session = Session(store, parts.connection, remember_secret=parts.secrets)
        parts.draft_service.outbox = session.outbox
        self.account = AccountController(window, session, parts.settings, page.banner, parts.keystore)
        session.refresh_interval = self.account.refresh_interval()
        self.drafts_controller = DraftsController(
            window, parts.draft_service, session, page.form, page.banner, drafts, tasks, status, parts.tabs
        )
        self.money = MoneyController(
            window, session, store, status, page.banner, tasks, parts.tabs,
            monthly_limit=self.account.monthly_limit, send=lambda draft_id: self.send_controller.send_waiting(draft_id),
        )  # fmt: skip
        self.records = RecordsController(window, session, tasks, page.banner)
        self.send_controller = SendController(
            window, session, parts.draft_service, page.form, page.banner, page.cancel_button, drafts,
            self.drafts_controller.fresh_form, money=self.money,
        )  # fmt: skip
        self.actions_controller = ActionsController(window, ActionJournal(store))
        notifier = Notifier(window, icon=window.windowIcon(), start_now=False)
        self.reviews = ReviewController(window, self.actions_controller, store=store, notifier=notifier)
        self.task_actions = TaskActionsController(window, self.actions_controller)  # service: start_loading()
        self.news = TaskNewsController(
            window, store=store, notice=tasks.away, notifier=notifier,
            reviews=self.reviews.tasks_in_review, done_here=self.task_actions.done_here,
        )  # fmt: skip
        self.news.seed(store)
        self.tasks_controller = TasksController(
            window, session, tasks, parts.tabs, page.banner, parts.budget_memory, self.reviews,
            self.task_actions, self.news,
        )  # fmt: skip
        self.task_windows = TaskWindowsController(
            window, session, self.reviews, self.task_actions, SavingController(window, parts.settings, session),
            post_again=self.task_actions.post_again,
        )  # fmt: skip
        self.tasks_controller.opener = self.task_windows.open  # Enter on a row, Ctrl+R, the start's summary
        parts.loader.attach(session, self.reviews)
        self._asked_for()
        self._told()
        self._expiry_timer = QTimer(window)
        self._expiry_timer.setInterval(EXPIRY_WORDS_EVERY_MS)
        self._expiry_timer.timeout.connect(self._tick)
        self._expiry_timer.start()
        self.drafts_controller.refresh_view()  # the drafts list, the outbox's rows in the table
        self.drafts_controller.say_what_start_found(store.moved_aside, parts.interrupted)
        page.form.release_checks()

    def _asked_for(self) -> None:
        """What the person asks for, to the controller that does it."""
        parts, menus, session = self._parts, self._parts.menus, self.session
        parts.page.new_button.clicked.connect(self.drafts_controller.new)
        menus.new_task.triggered.connect(self.drafts_controller.new)
        for refresh in (parts.tasks.refreshRequested, menus.refresh.triggered):
            refresh.connect(session.refresh_now)
            refresh.connect(self.money.refresh_requested)  # the balance, and drafts that waited for credit
        menus.spending.triggered.connect(self.money.open_spending)
        menus.export.triggered.connect(self.records.export)
        parts.drafts.topUpRequested.connect(lambda _draft_id: self.money.open_topup())
        menus.review_next.triggered.connect(self.tasks_controller.review_next)
        parts.status.review_button.clicked.connect(self.tasks_controller.review_next)
        menus.settings.triggered.connect(self.account.open_settings)
        if menus.change_key is not None and menus.forget_key is not None:
            menus.change_key.triggered.connect(self.account.change_key)
            menus.forget_key.triggered.connect(self.account.forget_key)
        self.task_actions.postAgainRequested.connect(self.drafts_controller.post_again)
        for quit_chosen in (
            self.send_controller.quitChosen, self.drafts_controller.quitChosen, self.actions_controller.quitChosen
        ):  # fmt: skip
            quit_chosen.connect(parts.window.close)  # "Quit anyway" in a question asked by a held close

    def _told(self) -> None:
        """What happened, to the parts that show it."""
        parts, session = self._parts, self.session
        self.send_controller.keyRefused.connect(lambda words: session.spawn(self.account.ask_for_key(words)))
        self.send_controller.posted.connect(self.tasks_controller.posted)
        self.send_controller.posted.connect(lambda _task_id: self.money.refresh_balance())
        self.actions_controller.changed.connect(self.money.action_changed)
        session.state_changed.connect(self._state_changed)
        session.state_changed.connect(self.money.state_changed)
        session.task_updated.connect(parts.tasks.model.upsert)
        session.task_updated.connect(self.reviews.task_updated)
        session.task_updated.connect(self.task_windows.task_updated)
        session.task_problem.connect(self.task_windows.refresh_problem)  # (the row says it too)
        session.task_changed.connect(self.news.task_changed)
        session.refreshed.connect(self.news.refreshed)
        self.task_actions.taskRead.connect(session.task_refreshed)  # a task read again after an action
        session.categories.connect(parts.categories)
        self.reviews.waiting_changed.connect(self.news.reviews_waiting)
        self.news.waiting_changed.connect(parts.status.show_waiting_for_you)
        self.reviews.chosen.connect(lambda _task_id: session.refresh_now())
        self.reviews.chosen.connect(lambda _task_id: self.money.refresh_balance())

    def _tick(self) -> None:
        self._parts.tasks.model.refresh_expiry_words()
        self._parts.status.show_refreshed()

    def _state_changed(self, change: StateChange) -> None:
        if change.state == ConnectionState.UNAUTHORIZED:
            self.session.spawn(self.account.ask_for_key(change.detail))
        self._parts.status.show_state(change.state, change.detail, self.session.last_refreshed)

    def start_loading(self) -> None:
        """The older stored tasks into the table, in the background (once; start() does it too);
        the task actions' connection (httpx: after the first picture) before the journal is checked."""
        if self.task_actions.service is None:
            from app.tasks.service import TaskService

            self.task_actions.set_service(TaskService(lambda: self.session.client, store=self._parts.store))
        self._parts.loader.start_loading()

    async def start(self, connection: Connection | None = None) -> None:
        """Connect (to ``connection`` when given, as demo mode does once its server is up):
        categories from the server (cached), then keep tasks and the outbox moving."""
        self.start_loading()
        if connection is not None:
            self.session.connection = connection
        await self.session.start()

    def holds_close(self) -> bool:
        """Whether the window must stay open for now; if so, the person has been asked why (a task being
        sent, a choice or another confirmed request on its way, typing that could not be saved)."""
        for holder in (self.send_controller, self.actions_controller, self.drafts_controller):
            if holder.holds_close():
                holder.ask_to_quit()
                return True
        return False

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
        self._parts.loader.shutdown()
        self.drafts_controller.shutdown()
        await self.session.shutdown()
