"""The tasks seen from the window: add a task by its ID (and stop waiting for it), select a task
in the table, remember the budget of a posted task, open the review of an activated row, show on
its row that a task could not be refreshed; from a row's menu, cancel a task (through the task
actions: asked first, sent once) or post it again (a new draft); open the next task that waits for
the person (Ctrl+R: a review, final work to approve, a question). Texts keep the ``MainWindow``
translation context."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import qasync
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QTabWidget, QWidget

from app.api.errors import ApiError, NotFound
from app.budget import BudgetMemory
from app.drafts import OutboxRow
from app.session import Session
from app.sync import RefreshProblem
from app.tasks.needs_you import next_waiting
from ui.controllers.review import ReviewController
from ui.controllers.task_actions import TaskActionsController
from ui.controllers.task_news import TaskNewsController
from ui.i18n import Words, translate, words
from ui.models.task_rows import RowProblem
from ui.panels.tasks import TasksPanel
from ui.widgets.banner import MessageBanner

if TYPE_CHECKING:
    from app.api.schema import Task


class TasksController(QObject):
    def __init__(
        self,
        parent: QWidget,
        session: Session,
        tasks: TasksPanel,
        tabs: QTabWidget,
        banner: MessageBanner,
        budget_memory: BudgetMemory,
        reviews: ReviewController,
        actions: TaskActionsController | None = None,
        news: TaskNewsController | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._parent = parent
        self._tasks, self._tabs, self._banner = tasks, tabs, banner
        self._budget_memory, self._reviews = budget_memory, reviews
        self._actions, self._news = actions, news
        self._adding: asyncio.Future[Task] | None = None  # the task being added by ID, while waiting
        self._from_table: set[str] = set()  # tasks acted on from the table: what is said goes to the banner
        # Who opens a task for the person (Ctrl+R, a notification, a line of the start's summary): the
        # task windows once they exist (ui/controllers/task_windows.py); until then see open_task().
        self.opener: Callable[[Task], object] | None = None
        tasks.addRequested.connect(self.add_by_id)
        tasks.stopAddRequested.connect(self.stop_adding)
        tasks.taskActivated.connect(self.task_activated)
        tasks.reviewRequested.connect(self.task_activated)
        tasks.cancelRequested.connect(self.cancel)
        tasks.postAgainRequested.connect(self.post_again)
        session.task_problem.connect(self.refresh_problem)
        if actions is not None:
            actions.said.connect(self._said)
        if news is not None:
            news.openRequested.connect(self.open_task_id)

    def refresh_problem(self, problem: RefreshProblem) -> None:
        """One task could not be refreshed (its row says why, and since when), or can again."""
        shown = None if problem.reason is None else RowProblem(problem.reason, problem.last_good)
        self._tasks.model.set_refresh_problem(problem.task_id, shown)

    def posted(self, task_id: str) -> None:
        model = self._tasks.model
        row = model.row_of(task_id)
        if row is not None:
            task = model.task(row)
            if task.task_type and task.budget_usd is not None:
                self._budget_memory.remember(task.task_type, task.budget_usd)  # where this type starts next time
        self.select(task_id)

    def select(self, task_id: str) -> None:
        if self._tasks.model.row_of(task_id) is not None:
            self._tabs.setCurrentIndex(self._tabs.indexOf(self._tasks))
            self._tasks.select(task_id)

    def review_next(self) -> None:
        """Ctrl+R: the selected task if it waits for the person (a review, final work to approve, a
        question), else the waiting one whose time ends soonest."""
        waiting = [*self._reviews.tasks_in_review(), *(self._news.waiting_tasks() if self._news else [])]
        task = next_waiting(waiting, datetime.now(UTC), self._tasks.current_task())
        if task is None:
            self._banner.show_message(lambda: translate("MainWindow", "No task is waiting for your review right now."))
        else:
            self.open_task(task)

    def open_task(self, task: Task) -> None:
        """Open a task for the person: through :attr:`opener` (its window) when set; else its review
        while it has one, and any other task selected in the table with its details shown."""
        if self.opener is not None:
            self.opener(task)
            return
        if task.status == "review" and self._reviews.open_review(task) is not None:
            return
        self.select(task.id)

    def open_task_id(self, task_id: str) -> None:
        task = self._task(task_id)
        if task is not None:
            self.open_task(task)

    def _task(self, task_id: str) -> Task | None:
        model = self._tasks.model
        row = model.row_of(task_id)
        task = model.task(row) if row is not None else self.session.store.get_task(task_id)
        return None if task is None or isinstance(task, OutboxRow) else task

    def task_activated(self, task_id: str) -> None:
        """Enter or double-click on a row: the task's window (:attr:`opener`); without one, a task in
        review opens its review. A draft in the outbox is not a task yet: nothing opens."""
        task = self._task(task_id)
        if task is not None and self.opener is not None:
            self.opener(task)
        elif task is not None and task.status == "review":
            self._reviews.open_review(task)

    def cancel(self, task_id: str) -> None:
        """ "Cancel task…" from a row's menu: asked first (with the money that comes back), sent once."""
        task = self._task(task_id)
        if task is None or self._actions is None:
            return
        self._from_table.add(task_id)  # kept: an unsure cancel is settled (and said) later
        self._actions.spawn(self._actions.cancel(task, self._parent))

    def post_again(self, task_id: str) -> None:
        """ "Post again" from a row's menu: a new draft with the task's details (nothing is posted)."""
        task = self._task(task_id)
        if task is not None and self._actions is not None:
            self._actions.post_again(task)

    def _said(self, task_id: str, text: Words, detail: str) -> None:
        """What the task actions say about a task acted on from the table (its window shows its own)."""
        if task_id in self._from_table:
            self._banner.show_message(text, detail=detail, kind="info")

    @qasync.asyncSlot(str)
    async def add_by_id(self, text: str) -> None:
        if self.session.client is None:
            self._banner.show_message(lambda: translate("MainWindow", "Connect an AITasker account first."))
            return
        self._tasks.set_adding(True)
        self._adding = asyncio.ensure_future(self.session.add_task(text))
        try:
            task = await self._adding
        except asyncio.CancelledError:
            current = asyncio.current_task()
            if current is not None and current.cancelling():
                raise  # the window is closing, not the person pressing Stop
            self._banner.show_message(
                lambda: translate("MainWindow", "Stopped waiting. Nothing was added; you can try again.")
            )
        except NotFound as exc:
            self._banner.show_message(
                lambda: translate("MainWindow", "No task with that ID was found on your account."), detail=exc.detail
            )
        except ApiError as exc:
            said = exc.user_message
            self._banner.show_message(lambda: words(said), detail=exc.detail)
        else:
            self._tasks.added()
            self.select(task.id)
        finally:
            self._adding = None
            self._tasks.set_adding(False)

    def stop_adding(self) -> None:
        """Stop waiting for an added task: the request ends at once and is not tried again."""
        if self._adding is not None:
            self._adding.cancel()

    def shutdown(self) -> None:
        """The app is closing: a task being added by its ID is no longer waited for."""
        self.stop_adding()
