"""Money seen from the window: the credit balance in the status bar (read with the tasks and after
each post or choice; kept for display while offline), what a post would do to the credit and to
the monthly limit (asked by the send controller before posting), the top-up page, drafts waiting
for credit (sent when the person presses Refresh after adding credit), and the Spending window.
The reading is app.money's; this controller only runs it and tells the parts what to show."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from datetime import date, datetime
from functools import partial

from PySide6.QtCore import QObject, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTabWidget, QWidget

from app.actions import JournalEntry, Phase
from app.connection import ConnectionState, StateChange
from app.money import (
    Balance,
    CreditWatch,
    OverLimit,
    money_rows,
    month_so_far,
    over_limit,
    shortfall,
    spending,
    topup_address,
)
from app.outbox import CREATED, SendResult
from app.session import Session
from app.store.repository import Store
from ui.i18n import Words, fill, money
from ui.panels.status_bar import StatusBar
from ui.panels.tasks import TasksPanel
from ui.widgets.banner import MessageBanner

log = logging.getLogger(__name__)

READ_EVERY = 60.0  # seconds: the balance is read again with the tasks at most this often
SPENDING_PAUSE_MS = 500  # the open Spending window is recomputed once tasks stop changing


class MoneyController(QObject):
    def __init__(
        self,
        parent: QWidget,
        session: Session,
        store: Store,
        status: StatusBar,
        banner: MessageBanner,
        tasks: TasksPanel,
        tabs: QTabWidget,
        *,
        monthly_limit: Callable[[], float | None],
        send: Callable[[str], Awaitable[SendResult | None]],
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._session = session
        self._store = store
        self._status = status
        self._banner = banner
        self._tasks = tasks
        self._tabs = tabs
        self._monthly_limit = monthly_limit
        self._send = send
        self.watch = CreditWatch(store, session.connection.api_url, clock=clock)
        self._reading: asyncio.Future[Balance | None] | None = None
        self._resending = False
        self._offered_topup: str | None = None  # the top-up address the last refusal named
        self._spending_window: QWidget | None = None
        self._spending_timer = QTimer(self)
        self._spending_timer.setSingleShot(True)
        self._spending_timer.setInterval(SPENDING_PAUSE_MS)
        self._spending_timer.timeout.connect(self._show_spending)
        self.show_balance()
        session.task_updated.connect(lambda _task: self._tasks_changed())

    # --- the balance ------------------------------------------------------------------------------
    @property
    def balance(self) -> Balance | None:
        return self.watch.balance

    def show_balance(self) -> None:
        balance = self.watch.balance
        if balance is None:
            self._status.show_credit(None)
            return
        as_of = self._as_of()
        self._status.show_credit(
            balance.balance_usd,
            as_of=as_of,
            deposited_usd=balance.total_deposited_usd,
            spent_usd=balance.total_spent_usd,
        )

    def _as_of(self) -> datetime | None:
        """When the balance shown was read, if it was not read just now (None: fresh, or none)."""
        balance = self.watch.balance
        if balance is None or not self.watch.stale:
            return None
        return datetime.fromtimestamp(balance.read_at).astimezone()

    def refresh_balance(self) -> None:
        """Read the balance now (after a post, a choice, a Refresh), in the background."""
        self._session.spawn(self.read_balance())

    def action_changed(self, entry: object) -> None:
        """An action that moves money (a choice, a cancel, an approval…) happened: the credit again."""
        if isinstance(entry, JournalEntry) and entry.phase == Phase.DONE:
            self.refresh_balance()

    def refresh_with_tasks(self) -> None:
        """The tasks were just read: the balance too, unless it was read a moment ago."""
        balance = self.watch.balance
        if balance is None or self.watch.stale or self.watch.read_ago() >= READ_EVERY:
            self.refresh_balance()

    async def read_balance(self) -> Balance | None:
        """One read at a time; a second caller waits for the one under way."""
        if self._reading is None or self._reading.done():
            self._reading = asyncio.ensure_future(self._read())
        return await asyncio.shield(self._reading)

    async def _read(self) -> Balance | None:
        client = self._session.client
        if client is None:
            return self.watch.balance
        api_url = self._session.connection.api_url
        if api_url != self.watch.api_url:
            self.watch.use_address(api_url)
        try:
            return await self.watch.refresh(client)
        finally:
            self.show_balance()
            self._tasks_changed()

    def state_changed(self, change: StateChange) -> None:
        """Online (a round of the tasks was read): the balance with them. No key, or a key refused:
        the balance shown was that account's. Offline: the last one stays, "as of" its time."""
        if change.state == ConnectionState.ONLINE:
            self.refresh_with_tasks()
        elif change.state in (ConnectionState.NO_KEY, ConnectionState.UNAUTHORIZED):
            self.forget_balance()
        elif change.state in (ConnectionState.OFFLINE, ConnectionState.ERROR):
            self.watch.not_read_now()
            self.show_balance()  # the last one, with its time

    def forget_balance(self) -> None:
        """The key was forgotten: the balance was that account's."""
        self.watch.forget()
        self.show_balance()

    # --- before posting -----------------------------------------------------------------------------
    def missing_for(self, budget_usd: float) -> float | None:
        """How much credit a post of this budget lacks, by the balance known (None: fits or unknown)."""
        return shortfall(budget_usd, self.watch.balance)

    def over_limit(self, budget_usd: float) -> OverLimit | None:
        """Whether this post takes this month past the monthly limit (None: no limit, or within it)."""
        limit = self._monthly_limit()
        if limit is None:
            return None
        today = date.today()
        month_began = datetime(today.year, today.month, 1).astimezone().timestamp()
        rows = money_rows(self._store.money_rows(since=month_began))  # this month's tasks only
        return over_limit(limit, month_so_far(rows, today.year, today.month), budget_usd)

    def topup_url(self, offered: str | None = None) -> str:
        return topup_address(self._session.connection.api_url, offered)

    def refusal_seen(self, offered: str | None) -> None:
        """A post was refused for lack of credit: its top-up address is the one to offer, and the
        balance is read again (AITasker just said what it is)."""
        if offered:
            self._offered_topup = offered
        self.refresh_balance()

    def open_topup(self, offered: str | None = None) -> None:
        """AITasker's page for adding credit, in the person's browser."""
        balance = self.watch.balance
        url = self.topup_url(offered or self._offered_topup or (balance.topup_url if balance else None))
        if not QDesktopServices.openUrl(QUrl(url)):
            self._banner.show_message(
                lambda: fill(self.tr("The browser could not be opened. Add credit at %1"), url), kind="warning"
            )

    # --- drafts waiting for credit ----------------------------------------------------------------
    def refresh_requested(self) -> None:
        """Refresh: read the balance, then send the drafts that waited for credit."""
        self._session.spawn(self.credit_may_be_added())

    async def credit_may_be_added(self) -> None:
        waiting = self._session.outbox.waiting_for_credit()
        if not waiting or self._resending:
            if not waiting:
                await self.read_balance()
            return
        self._resending = True
        try:
            await self.read_balance()
            for record in waiting:
                budget = record.values.get("budget_usd")
                missing = self.missing_for(float(budget)) if isinstance(budget, (int, float)) else None
                if missing is not None:  # still short by what AITasker says: not sent
                    self._banner.show_message(
                        partial(self._still_waits, record.title, missing),
                        kind="warning",
                        actions=[(lambda: self.tr("Add credit on the website"), self.open_topup)],
                    )
                    continue
                result = await self._send(record.id)
                if result is not None and result.state == CREATED:
                    self.refresh_balance()
        finally:
            self._resending = False

    def _still_waits(self, title: str, missing: float) -> str:
        return fill(
            self.tr(
                "“%1” still waits for credit: %2 is missing. It is sent when you press Refresh after adding credit."
            ),
            title,
            money(missing),
        )

    # --- spending -----------------------------------------------------------------------------------
    def open_spending(self) -> None:
        from ui.windows.spending import SpendingWindow  # loaded when first opened

        window = self._spending_window
        if window is None:
            window = SpendingWindow(self._parent)
            window.tasksRequested.connect(self.show_tasks)
            self._spending_window = window
        self._show_spending()
        window.show()
        window.raise_()
        window.activateWindow()
        if self._session.client is not None:
            self.refresh_balance()  # AITasker's totals, fresh

    def _tasks_changed(self) -> None:
        window = self._spending_window
        if window is not None and window.isVisible():
            self._spending_timer.start()

    def _show_spending(self) -> None:
        from ui.windows.spending import SpendingWindow

        window = self._spending_window
        if isinstance(window, SpendingWindow):
            rows = money_rows(self._store.money_rows())
            window.show_spending(spending(rows), self.watch.balance, date.today(), as_of=self._as_of())

    def show_tasks(self, ids: list[str], words: Words) -> None:
        """The tasks behind a number of the Spending window, alone in the table."""
        self._tabs.setCurrentIndex(self._tabs.indexOf(self._tasks))
        self._tasks.show_only(ids, words)
        self._parent.activateWindow()

    def shutdown(self) -> None:
        self._spending_timer.stop()
        if self._spending_window is not None:
            self._spending_window.close()
        if self._reading is not None:
            self._reading.cancel()
