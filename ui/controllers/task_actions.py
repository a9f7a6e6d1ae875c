"""What the person does to a task after (and before) the choice: approve and pay, ask for changes,
report a problem, cancel, answer the agent's question (issue 21), each asked first with the money
that will move, and each through the action journal (ui/controllers/actions.py, issue 22): recorded
before it is sent, one open per task, an unclear answer never sent again but settled by reading the
task (app.tasks.verdicts). What the server does not advertise in its ``/openapi.json`` is said
plainly, with the AITasker website offered instead; nothing pretends to have happened.

Windows call the ``async`` methods (each awaits its own question) and show what :attr:`said`
says; the table asks :meth:`available` which buttons may be pressed. Texts: ``TaskActions``.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from app.actions import NOT_RECORDED, Action, ActionBusy, JournalEntry, Phase, Verdict
from app.api.contract import status_info
from app.server_text import isolate
from app.store.disk_errors import StoreError
from app.tasks import life
from app.tasks.operations import TaskOperations, website_url
from app.tasks.verdicts import VERDICTS
from ui.controllers import task_action_words as w
from ui.controllers.actions import ActionsController, Outcome
from ui.controllers.task_action_words import BUTTONS, WORDS
from ui.controllers.task_action_words import say as t
from ui.i18n import Words, fill, money, translate, words
from ui.windows.async_dialog import ask
from ui.windows.text_question import ask_text

if TYPE_CHECKING:  # named only: the service brings httpx, loaded after the first picture
    from app.api.schema import Task
    from app.tasks.service import TaskService

log = logging.getLogger(__name__)
ON_DELIVERY = (Action.APPROVE, Action.REVISION, Action.DISPUTE)  # the person's answers to one delivery


class TaskActionsController(QObject):
    """``said(task_id, text, detail)``: what to show for that task; ``changed(task_id)``: what can be
    pressed may have changed (operations learned, or an action's phase changed); ``taskRead(task)``:
    the task as read again after an action (the table and the windows follow it);
    ``postAgainRequested(task)``: "Post again" was asked for (the drafts controller fills the form)."""

    said = Signal(str, object, str)  # (the words: ui.i18n.Words, said again in a new language)
    changed = Signal(str)
    taskRead = Signal(object)
    postAgainRequested = Signal(object)

    def __init__(
        self,
        parent: QWidget,
        actions: ActionsController,
        service: TaskService | None = None,
        *,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(parent)
        self._actions = actions
        self.service = service
        self._now = now
        self._jobs: set[asyncio.Task[Any]] = set()
        self._asking: set[str] = set()  # tasks with a question open: one at a time
        self._unsure: set[int] = set()  # journal entries said to be checked
        self._watched: set[str] = set()  # tasks asked about: told when the operations are learned
        self._learning: asyncio.Task[Any] | None = None
        self._last: dict[str, tuple[Words, str]] = {}
        self._newer: dict[str, Task] = {}  # a fresher copy of a task read while its question was open
        for action in VERDICTS:
            actions.set_reader(action, self._read_verdict)
        actions.changed.connect(self._journal_changed)

    # --- what may be done ----------------------------------------------------------------------

    def set_service(self, service: TaskService | None) -> None:
        self.service = service
        self._learning = None

    def operations(self) -> TaskOperations | None:
        """What the server offers, once learned (None: not yet; asking :meth:`available` learns it)."""
        return self.service.known_operations() if self.service is not None else None

    def available(self, task: Task) -> dict[str, str]:
        """Button name ("approve", "changes", "problem", "cancel", "answer") -> "" when it may be
        pressed, else why not. One the server does not offer may be pressed: it offers the website."""
        return {button: t(why) if why else "" for button, why in self._reasons(task).items()}

    def _reasons(self, task: Task) -> dict[str, str]:
        """:meth:`available`, each reason as a text of task_action_words (not yet translated)."""
        self._watched.add(task.id)
        if self.operations() is None:
            self._learn()
        journal = self._actions.journal
        open_entry = journal.open_for(task.id)
        if open_entry is not None:
            reason = w.WAITING if open_entry.phase == Phase.UNSURE else w.SENDING
            return dict.fromkeys(BUTTONS.values(), reason)
        found = {button: self._why_not(action, task) for action, button in BUTTONS.items()}
        for action in BUTTONS:
            latest = journal.latest(task.id, action)
            if latest is not None and latest.phase == Phase.DONE:
                if VERDICTS[action](latest, task) is Verdict.NO_SIGN:  # sent, not yet in the task as read
                    # One answer to a delivery at a time: an approval being applied leaves no room
                    # for a request for changes or a problem report on the same delivery, nor they for it.
                    same = action in ON_DELIVERY and latest.params.get("delivery") == life.delivery_number(task)
                    for waiting in (*ON_DELIVERY, action) if same else (action,):
                        found[BUTTONS[waiting]] = found[BUTTONS[waiting]] or w.APPLYING
        return found

    def _why_not(self, action: Action, task: Task) -> str:
        if action == Action.CANCEL:
            if task.status in life.BEFORE_CHOICE:
                return ""
            return w.FINISHED if task.is_final else w.NOT_CANCELLABLE
        if action == Action.ANSWER:
            return "" if life.waits_for_answer(task) else w.FINISHED if task.is_final else w.NO_QUESTION
        if not life.is_delivered(task):
            return w.FINISHED if task.is_final else w.NO_DELIVERY
        if action == Action.REVISION and life.revisions_remaining(task) == 0:
            return w.NO_MORE_CHANGES
        return ""

    def _learn(self) -> None:
        if self.service is None or not self.service.connected or self._learning is not None:
            return
        try:
            asyncio.get_running_loop()
        except RuntimeError:  # no loop yet: learned with the first action
            return
        self._learning = self._spawn(self._learn_now())

    async def _learn_now(self) -> None:
        try:
            if self.service is not None:
                await self.service.operations()
        finally:
            self._learning = None
        watched, self._watched = self._watched, set()
        for task_id in watched:
            self.changed.emit(task_id)

    def last_said(self, task_id: str) -> tuple[Words, str] | None:
        """What was last said about this task (text, detail), for a window opened afterwards."""
        return self._last.get(task_id)

    def task_updated(self, task: Task) -> None:
        """A fresher copy of a task (the refresher): one that moved on while its question was open
        sends nothing when the person confirms."""
        if task.id in self._asking:
            self._newer[task.id] = task

    def post_again(self, task: Task) -> None:
        self.postAgainRequested.emit(task)

    def done_here(self, task_id: str) -> bool:
        """The person ended this task from the app (cancelled or approved it: sent, or on its way), so
        its end is not news from AITasker."""
        journal = self._actions.journal
        entries = (journal.latest(task_id, action) for action in (Action.CANCEL, Action.APPROVE))
        return any(e is not None and (e.is_open or e.phase == Phase.DONE) for e in entries)

    # --- the five actions ----------------------------------------------------------------------

    async def approve(self, task: Task, parent: QWidget | None) -> None:
        number = life.delivery_number(task)
        await self._act(task, parent, Action.APPROVE, {"price": life.price(task), "delivery": number})

    async def ask_for_changes(self, task: Task, parent: QWidget | None) -> None:
        params = {"revisions": life.revisions_asked(task), "delivery": life.delivery_number(task)}
        await self._act(task, parent, Action.REVISION, params)

    async def report_problem(self, task: Task, parent: QWidget | None) -> None:
        await self._act(task, parent, Action.DISPUTE, {"delivery": life.delivery_number(task)})

    async def cancel(self, task: Task, parent: QWidget | None) -> None:
        await self._act(task, parent, Action.CANCEL, {"status": task.status})

    async def answer(self, task: Task, parent: QWidget | None) -> None:
        question = life.question_of(task)
        await self._act(task, parent, Action.ANSWER, {"question": question.text if question else ""})

    # --- one action: asked, recorded, sent once, its outcome said ------------------------------------

    def _say(self, task_id: str, text: Words, detail: str = "") -> None:
        """``text``: a text of task_action_words (said in the language of the moment), or what makes the words."""
        if isinstance(text, str):
            text = partial(t, text)
        self._last[task_id] = (text, detail)
        self.said.emit(task_id, text, detail)

    def _question(self, action: Action, task: Task) -> str:
        agent = isolate(life.agent_name(task)) or t(w.THE_AGENT)
        title = isolate(task.title or "") or t(w.THIS_TASK)
        if action == Action.ANSWER:
            question = life.question_of(task)
            return fill(t(WORDS[action].question), isolate(question.text) if question else "—", agent)
        amount = task.budget_usd if action == Action.CANCEL else life.price(task)
        shown = money(amount) if amount is not None and life.amount(amount) is not None else "—"
        named = title if action in (Action.CANCEL, Action.DISPUTE) else agent
        return fill(t(WORDS[action].question), shown, named)

    async def _act(self, task: Task, parent: QWidget | None, action: Action, params: dict[str, Any]) -> None:
        spoken = WORDS[action]
        reason = self._reasons(task).get(BUTTONS[action], "")
        if reason:
            self._say(task.id, reason)
            return
        if task.id in self._asking or self.service is None:
            return
        self._asking.add(task.id)
        try:
            ops = await self.service.operations()
            operation = ops.get(spoken.name)
            if operation is None:
                await self._offer_website(task, parent, ops, spoken.website)
                return
            question = self._question(action, task)
            if spoken.box and operation.text_field:
                text = await ask_text(parent, t(spoken.title), question, t(spoken.box), t(spoken.yes))
                if text is None:
                    return
                params = {**params, "text": text}
            elif not await ask(parent, t(spoken.title), question, t(spoken.yes), t(no_for(action))):
                return
            if self._too_late(action, task):
                self._say(task.id, w.TOO_LATE)
                return
            newer = self._newer.get(task.id)
            if newer is not None and life.step(newer) != life.step(task):  # another step, another delivery
                info = status_info(newer.status)
                self._say(task.id, lambda: fill(t(w.MOVED_WHILE_ASKING), words(info.label), words(info.explanation)))
                return
            self._say(task.id, spoken.sending)
            _, body = operation.request(task.id, text=params.get("text"))
            service, task_id = self.service, task.id
            try:
                outcome = await self._actions.perform(
                    task_id, action, params, lambda key: service.run(operation, task_id, body, key=key)
                )
            except ActionBusy:
                self._say(task.id, w.BUSY)
                return
            except StoreError as exc:  # not written down (a full disk): nothing was sent
                said = exc.user_message
                self._say(task.id, lambda: fill(translate("messages", NOT_RECORDED), said), exc.detail)
                return
            await self._outcome(task, action, outcome)
        finally:
            self._asking.discard(task.id)
            self._newer.pop(task.id, None)

    def _too_late(self, action: Action, task: Task) -> bool:
        """The question stayed open past the step's own end: nothing is sent (issue 22)."""
        if action == Action.CANCEL and task.status != "review":
            return False  # before the review, the bid window's end is no deadline for cancelling
        end = life.deadline(task)
        return end is not None and end <= self._now()

    async def _offer_website(self, task: Task, parent: QWidget | None, ops: TaskOperations, text: str) -> None:
        unreadable = ops.state == "unreadable"
        self._say(task.id, lambda: t(w.UNREADABLE) if unreadable else t(text) + " " + t(w.ON_WEBSITE), ops.detail)
        said = t(w.UNREADABLE) if unreadable else t(text) + " " + t(w.ON_WEBSITE)
        if await ask(parent, t(w.WEBSITE), said, t(w.WEBSITE), t(w.CANCEL)):
            QDesktopServices.openUrl(QUrl(website_url(task.id)))

    async def _outcome(self, task: Task, action: Action, outcome: Outcome) -> None:
        entry, error = outcome.entry, outcome.error
        self.changed.emit(task.id)
        if entry.phase == Phase.DONE:
            self._say(task.id, WORDS[action].done)
            await self._read_again(task.id, action)
        elif entry.phase == Phase.NOT_SENT:
            self._say(task.id, w.OFFLINE, entry.detail)
        elif entry.phase == Phase.REFUSED:
            fresh = await self._read_again(task.id, None)
            if error is not None and error.status == 409 and fresh is not None and fresh.status != task.status:
                info = status_info(fresh.status)
                self._say(
                    task.id, lambda: fill(t(w.MOVED_ON), words(info.label), words(info.explanation)), error.detail
                )
            else:
                said = error.user_message if error is not None else entry.detail
                self._say(task.id, lambda: fill(t(w.REFUSED), words(said)), error.detail if error is not None else "")
        elif entry.id not in self._unsure:  # (the journal's listener may have said it already)
            self._unsure.add(entry.id)
            self._say(task.id, w.CHECKING, entry.detail)

    async def _read_again(self, task_id: str, done: Action | None) -> Task | None:
        """The task as AITasker shows it now (the table follows); after a done action, what moved."""
        if self.service is None:
            return None
        try:
            fresh = await self.service.task(task_id)
        except Exception as exc:  # the action's outcome is known; a failed read only leaves the row as it was
            log.info("task %s not read again: %s", task_id, getattr(exc, "detail", "") or type(exc).__name__)
            return None
        self.taskRead.emit(fresh)
        self.changed.emit(task_id)
        if done is not None:
            self._say_money(fresh, done)
        return fresh

    def _say_money(self, fresh: Task, done: Action) -> None:
        paid, back = life.paid(fresh), life.refunded(fresh)
        if done == Action.APPROVE and fresh.status == "completed" and paid is not None:
            name = isolate(life.agent_name(fresh))

            def text() -> str:
                said = fill(t(w.PAID), money(paid), name or t(w.THE_AGENT))
                return said + " " + fill(t(w.RETURNED), money(back)) if back else said

            self._say(fresh.id, text)
        elif done == Action.CANCEL and fresh.status == "cancelled" and back is not None:
            cancelled = back
            self._say(fresh.id, lambda: t(WORDS[done].done) + " " + fill(t(w.RETURNED), money(cancelled)))

    # --- the journal: unclear answers settled by reading ------------------------------------------

    async def _read_verdict(self, entry: JournalEntry) -> Verdict:
        """What the task says now about an unsure action (a read, never a resend)."""
        if self.service is None or not self.service.connected:
            return Verdict.CANNOT_TELL
        task = await self.service.task(entry.task_id)
        return VERDICTS[entry.action](entry, task)

    def _journal_changed(self, entry: JournalEntry) -> None:
        if entry.action not in VERDICTS:
            return
        self.changed.emit(entry.task_id)
        if entry.phase == Phase.UNSURE and entry.id not in self._unsure:
            self._unsure.add(entry.id)  # e.g. found open at start (a kill, a quit)
            self._say(entry.task_id, w.CHECKING, entry.detail)
        elif entry.id in self._unsure and not entry.is_open:
            self._unsure.discard(entry.id)
            spoken = WORDS[entry.action]
            happened = entry.phase == Phase.DONE
            self._say(entry.task_id, spoken.settled_done if happened else spoken.settled_not_done, entry.detail)
            self._spawn(self._settled(entry, happened))

    async def _settled(self, entry: JournalEntry, happened: bool) -> None:
        fresh = await self._read_again(entry.task_id, entry.action if happened else None)
        if fresh is not None and not happened:
            info = status_info(fresh.status)
            self._say(entry.task_id, lambda: fill(t(w.NOW_SAYS), words(info.label), words(info.explanation)))

    # --- life ----------------------------------------------------------------------------------

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        """Run an action for a window or the table (kept until done, cancelled at shutdown)."""
        return self._spawn(coro)

    def _spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        job = asyncio.ensure_future(coro)
        self._jobs.add(job)
        job.add_done_callback(self._jobs.discard)
        job.add_done_callback(_report_crash)
        return job

    async def shutdown(self) -> None:
        """Questions and reads stop; a request already confirmed belongs to the actions controller."""
        jobs = list(self._jobs)
        for job in jobs:
            job.cancel()
        if jobs:
            await asyncio.gather(*jobs, return_exceptions=True)


def no_for(action: Action) -> str:
    """The button that says no to the question: "Keep the task" beside "Cancel task", else "Cancel"."""
    return w.KEEP_TASK if action == Action.CANCEL else w.CANCEL


def _report_crash(job: asyncio.Task[Any]) -> None:
    if not job.cancelled() and job.exception() is not None:
        log.error("task action: unexpected error", exc_info=job.exception())
