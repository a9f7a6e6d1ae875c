"""Sending one task: confirm, submit through the outbox, cancel, and the outcome in the banner.
Every outcome keeps what was typed unless the task was posted (or queued to go by itself)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING

import qasync
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from app.api.errors import Forbidden, NotEnoughCredit, RateLimited, Unauthorized
from app.drafts import Drafts
from app.outbox import CREATED, EARLIER_VERSION, GONE, SendResult
from app.session import SHUTDOWN_GRACE, Session
from app.store.disk_errors import StoreError
from app.store.drafts_table import CREDIT, DRAFT, SENDING, UNKNOWN, WAITING
from ui.i18n import fill, money, words
from ui.panels.drafts import DraftsPanel
from ui.panels.form import TaskForm
from ui.widgets.banner import MessageBanner
from ui.widgets.screen_fit import keep_on_screen_when_shown
from ui.windows.async_dialog import ask, choose, clicked_button

if TYPE_CHECKING:
    from ui.controllers.money import MoneyController


class SendController(QObject):
    posted = Signal(str)  # the new task's ID
    keyRefused = Signal(str)  # a 401 while sending: the words to show in the key dialog
    quitChosen = Signal()  # asked while a task was being sent, the person chose to quit (now, or once it ended)

    def __init__(
        self,
        parent: QWidget,
        session: Session,
        drafts: Drafts,
        form: TaskForm,
        banner: MessageBanner,
        cancel_button: QPushButton,
        drafts_panel: DraftsPanel,
        fresh_form: Callable[[], None],
        money: MoneyController | None = None,
    ) -> None:
        super().__init__(parent)
        self._money = money  # what a post does to the credit and the monthly limit
        self._parent = parent
        self._session = session
        self._drafts = drafts
        self._form = form
        self._banner = banner
        self._cancel_button = cancel_button
        self._fresh_form = fresh_form  # clears the form for a new draft
        self._sending: asyncio.Future[SendResult] | None = None
        self._closing = False  # shutdown() began: a cancelled send is the app's, not the person's
        self._quit_chosen = False  # the person chose to quit while a task was being sent
        self._asking_to_quit = False  # from the question until its answer is carried out
        self._quit_question: QMessageBox | None = None
        form.submitRequested.connect(self.send)
        cancel_button.clicked.connect(self.cancel)
        drafts_panel.takeBackRequested.connect(self.take_back)
        drafts_panel.keepAsDraftRequested.connect(self.take_back)
        drafts_panel.sendAgainRequested.connect(self.send_again)
        self._waiting_told: str | None = None  # the draft the banner says will be sent by itself
        session.outbox_changed.connect(lambda _: self._outbox_moved())

    @qasync.asyncSlot()
    async def send(self) -> None:
        """The form asked to send (it checked itself): save the draft as it is, confirm, send."""
        if self._sending is not None:
            return
        try:
            draft_id = self._drafts.save_for_send(self._form.raw_values())
        except StoreError as exc:  # a task that cannot be saved cannot be sent safely either
            self._banner.show_message(
                fill(self.tr("%1 Nothing was sent."), words(exc.user_message)), detail=exc.detail, kind="error"
            )
            return
        await self.confirm_and_send(draft_id)

    def send_again(self, draft_id: str) -> None:
        self._session.spawn(self.confirm_and_send(draft_id, again=True))

    def take_back(self, draft_id: str) -> None:
        if not self._session.outbox.take_back(draft_id):
            self._banner.show_message(
                self.tr("This task is on its way right now and can't be taken back."), kind="info"
            )

    async def confirm_and_send(self, draft_id: str, *, again: bool = False) -> None:
        record = self._drafts.get(draft_id)
        if record is None or self._sending is not None:
            return
        title = record.values.get("title") or self.tr("your task")
        budget = record.values.get("budget_usd") or 0
        question = fill(self.tr("Post “%1” for %2?"), title, money(budget))
        if again:
            question = fill(
                self.tr(
                    "Send “%1” again? If AITasker did receive it the first time and honours the "
                    "reference we send, it will not be posted twice; otherwise it could be."
                ),
                title,
            )
        elif (earlier := self._drafts.earlier_attempt(draft_id)) is not None:
            question += "\n\n" + fill(
                self.tr(
                    "The earlier version (“%1”) may already be posted: its sending was "
                    "unclear. This is sent as a separate task; the earlier one stays in Drafts "
                    "as “Not sure it was sent” until you check it."
                ),
                earlier.title,
            )
        if not again and self._money is not None and isinstance(budget, (int, float)):
            if not await self._confirm_money(question, float(budget)):
                return
        else:
            yes = self.tr("Send again") if again else self.tr("Post task")
            if not await ask(self._parent, self.tr("Post this task?"), question, yes):
                return
        await self.submit(draft_id)

    async def _confirm_money(self, question: str, budget: float) -> bool:
        """The confirmation, with what the post does to the credit and the month when that matters:
        more than the credit known offers the top-up page beside "Post anyway"; past the monthly
        limit names the numbers. True when the person chose to post."""
        assert self._money is not None
        missing = self._money.missing_for(budget)
        over = self._money.over_limit(budget)
        balance = self._money.balance
        if missing is not None and balance is not None:
            question += "\n\n" + fill(
                self.tr(
                    "Only %1 of credit is left, %2 less than this task's budget. AITasker will probably "
                    "refuse it until you add credit; your text is kept either way."
                ),
                money(balance.balance_usd),
                money(missing),
            )
        if over is not None:
            question += "\n\n" + fill(
                self.tr(
                    "This month's tasks have taken %1 so far. This one takes the month to %2, over your "
                    "monthly limit of %3."
                ),
                money(over.used_usd),
                money(over.after_usd),
                money(over.limit_usd),
            )
        if missing is None and over is None:
            return await ask(self._parent, self.tr("Post this task?"), question, self.tr("Post task"))
        choices = [("post", self.tr("Post anyway"))]
        if missing is not None:
            choices.append(("topup", self.tr("Add credit on the website")))
        choice = await choose(self._parent, self.tr("Post this task?"), question, choices, warning=True)
        if choice == "topup":
            self._money.open_topup()
            self._banner.show_message(self.tr("Your task is kept here. Post it once the credit is added."), kind="info")
        return choice == "post"

    async def submit(self, draft_id: str) -> SendResult:
        """Send through the outbox (it tells the view about each change of the draft's state)."""
        is_current = draft_id == self._drafts.current_id
        if is_current:
            self._form.set_busy(True)
            self._cancel_button.show()
        self._banner.hide()
        self._sending = asyncio.ensure_future(self._session.outbox.send(draft_id))
        try:
            result = await self._sending
        except asyncio.CancelledError:
            if self._closing:
                raise
            self._banner.show_message(
                self.tr(
                    "Sending was cancelled. It may already have reached AITasker, so it is marked "
                    "“Not sure it was sent”."
                ),
                kind="warning",
                actions=self._unclear_actions(draft_id),
            )
            return SendResult(UNKNOWN)
        finally:
            self._sending = None
            self._cancel_button.hide()
            if is_current:
                self._form.set_busy(False)
        self._show_result(draft_id, result, is_current=is_current)
        return result

    async def send_waiting(self, draft_id: str) -> SendResult | None:
        """A draft that waited (for credit) is sent now; None when another send is under way."""
        if self._sending is not None:
            return None
        return await self.submit(draft_id)

    def cancel(self) -> None:
        if self._sending is not None:
            self._sending.cancel()

    def holds_close(self) -> bool:
        """Whether closing the window must wait for the person: a task is being sent and they
        have not chosen to quit."""
        return self._sending is not None and not self._quit_chosen

    def ask_to_quit(self) -> None:
        """Quit asked for while a task is being sent: ask what to do (one question at a time);
        ``quitChosen`` once the answer is to quit."""
        self._session.spawn(self._ask_to_quit())

    async def _ask_to_quit(self) -> None:
        if self._asking_to_quit:
            return
        self._asking_to_quit = True
        try:
            if await self._may_quit():
                self._quit_chosen = True
                self.quitChosen.emit()
        finally:
            self._asking_to_quit = False

    async def shutdown(self) -> None:
        """The app is closing: a quit question still open goes away, and a send in flight is
        cancelled (the outbox marks it "not sure it was sent") and given a moment to end."""
        self._closing = self._quit_chosen = True
        if self._quit_question is not None:
            self._quit_question.done(0)
        sending = self._sending
        if sending is not None:
            sending.cancel()
            await asyncio.wait([sending], timeout=SHUTDOWN_GRACE)

    async def _may_quit(self) -> bool:
        """Whether the app may close now. While a task is being sent, ask: wait for the answer
        (True once it came), or quit now (True: the send is cancelled at shutdown and the task is
        marked "Not sure it was sent"); closing the question keeps the app open (False)."""
        if self._sending is None:
            return True
        box = QMessageBox(self._parent)
        box.setObjectName("quitWhileSending")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("A task is being sent"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(self.tr("A task is being sent right now. Quit when it is done, or quit now?"))
        box.setInformativeText(
            self.tr(
                "If you quit now, AITasker may still receive it, so it is kept in Drafts as "
                "“Not sure it was sent” for you to check next time."
            )
        )
        wait = box.addButton(self.tr("Wait, then quit"), QMessageBox.ButtonRole.AcceptRole)
        now = box.addButton(self.tr("Quit now"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Keep working"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(wait)
        keep_on_screen_when_shown(box)
        self._quit_question = box
        try:
            clicked = await clicked_button(box)
        finally:
            self._quit_question = None
        if clicked is now:
            return True
        if clicked is not wait:
            return False
        if self._sending is not None:
            self._banner.show_message(self.tr("The app will close as soon as AITasker answers."), kind="info")
            await asyncio.wait([self._sending])
        return True

    def _outbox_moved(self) -> None:
        """The banner's "will be sent by itself" goes once that draft no longer waits to be sent."""
        draft_id = self._waiting_told
        if draft_id is None:
            return
        record = self._drafts.get(draft_id)
        if record is None or record.state not in (WAITING, SENDING):
            self._waiting_told = None
            self._banner.withdraw(f"waiting:{draft_id}")

    def _unclear_actions(self, draft_id: str) -> list[tuple[str, Callable[[], object]]]:
        return [
            (self.tr("Send again"), lambda: self.send_again(draft_id)),
            (self.tr("Keep as draft"), lambda: self.take_back(draft_id)),
        ]

    def _start_fresh(self) -> None:
        self._drafts.sent()
        self._fresh_form()

    def _show_result(self, draft_id: str, result: SendResult, *, is_current: bool) -> None:
        error = result.error
        detail = error.detail if error else ""
        if result.other_task is not None:  # answered with an older task: this text was not posted
            self.posted.emit(result.other_task.id)
            self._banner.show_message(words(EARLIER_VERSION), kind="warning")
        elif result.state == GONE:
            self._banner.show_message(
                self.tr("This draft was deleted before it could be sent. Nothing was sent."), kind="info"
            )
        elif result.state == CREATED and result.task is not None:
            if is_current:
                self._start_fresh()
            self.posted.emit(result.task.id)
            self._banner.show_message(
                fill(self.tr("Posted “%1”. Its progress shows in the table."), result.task.title), kind="success"
            )
        elif result.state == WAITING:
            if isinstance(error, RateLimited):
                text = fill(self.tr("%1 Your task is saved and will be sent by itself."), words(error.user_message))
            else:
                text = self.tr(
                    "No connection to AITasker right now. Your task is saved and will be sent by itself "
                    "when the connection is back."
                )
            if is_current:
                self._start_fresh()
            # Until it is sent (or taken back): then the message is no longer true and goes.
            self._banner.show_message(text, detail=detail, kind="info", about=f"waiting:{draft_id}")
            self._waiting_told = draft_id
        elif result.state == CREDIT:
            self._not_enough_credit(error, is_current=is_current)
        elif result.state == UNKNOWN:
            self._banner.show_message(
                words(error.user_message) if error else self.tr("Not sure it was sent."),
                detail=detail,
                kind="warning",
                actions=self._unclear_actions(draft_id),
            )
        elif result.state == DRAFT:
            if is_current:
                self._form.show_errors(result.field_errors)
            message = (
                words(error.user_message)
                if error
                else self.tr("Some details need a change before the task can be posted.")
            )
            if isinstance(error, (Unauthorized, Forbidden)):
                message = fill(self.tr("%1 Nothing was posted."), message)
            self._banner.show_message(fill(self.tr("%1 Your task is still here."), message), detail=detail)
            if isinstance(error, Unauthorized):
                self.keyRefused.emit(words(error.user_message))

    def _not_enough_credit(self, error: object, *, is_current: bool) -> None:
        """Refused for lack of credit: nothing was posted; the draft waits in Drafts for credit."""
        if is_current:
            self._start_fresh()
        said = words(error.user_message) if isinstance(error, NotEnoughCredit) else self.tr("Not enough credit.")
        offered = error.topup_url if isinstance(error, NotEnoughCredit) else None
        actions: list[tuple[str, Callable[[], object]]] = []
        if self._money is not None:
            money_controller = self._money
            actions.append((self.tr("Add credit on the website"), lambda: money_controller.open_topup(offered)))
            money_controller.refusal_seen(offered)
        self._banner.show_message(
            fill(
                self.tr(
                    "%1 Your task is kept in Drafts as “Waiting for credit”. After adding credit, press "
                    "Refresh to send it."
                ),
                said,
            ),
            detail=error.detail if isinstance(error, NotEnoughCredit) else "",
            kind="warning",
            actions=actions,
        )
