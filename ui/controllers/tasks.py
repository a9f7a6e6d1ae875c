"""The tasks seen from the window: add a task by its ID (and stop waiting for it), select a task
in the table, remember the budget of a posted task, open the review of an activated row, show on
its row that a task could not be refreshed. Texts keep the ``MainWindow`` translation context."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

import qasync
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QTabWidget, QWidget

from app.api.errors import ApiError, NotFound
from app.budget import BudgetMemory
from app.drafts import OutboxRow
from app.session import Session
from app.sync import RefreshProblem
from ui.controllers.review import ReviewController
from ui.i18n import translate, words
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
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._tasks, self._tabs, self._banner = tasks, tabs, banner
        self._budget_memory, self._reviews = budget_memory, reviews
        self._adding: asyncio.Future[Task] | None = None  # the task being added by ID, while waiting
        tasks.addRequested.connect(self.add_by_id)
        tasks.stopAddRequested.connect(self.stop_adding)
        tasks.taskActivated.connect(self.task_activated)
        tasks.reviewRequested.connect(self.task_activated)
        session.task_problem.connect(self.refresh_problem)

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
        """Ctrl+R: the selected task's review if it waits for one, else the one closing soonest."""
        if self._reviews.review_next(self._tasks.current_task()) is None:
            self._banner.show_message(translate("MainWindow", "No task is waiting for your review right now."))

    def task_activated(self, task_id: str) -> None:
        """Enter or double-click on a row: a task in review opens its review."""
        model = self._tasks.model
        row = model.row_of(task_id)
        task = model.task(row) if row is not None else None
        if task is not None and not isinstance(task, OutboxRow) and task.status == "review":
            self._reviews.open_review(task)

    @qasync.asyncSlot(str)
    async def add_by_id(self, text: str) -> None:
        if self.session.client is None:
            self._banner.show_message(translate("MainWindow", "Connect an AITasker account first."))
            return
        self._tasks.set_adding(True)
        self._adding = asyncio.ensure_future(self.session.add_task(text))
        try:
            task = await self._adding
        except asyncio.CancelledError:
            current = asyncio.current_task()
            if current is not None and current.cancelling():
                raise  # the window is closing, not the person pressing Stop
            self._banner.show_message(translate("MainWindow", "Stopped waiting. Nothing was added; you can try again."))
        except NotFound as exc:
            self._banner.show_message(
                translate("MainWindow", "No task with that ID was found on your account."), detail=exc.detail
            )
        except ApiError as exc:
            self._banner.show_message(words(exc.user_message), detail=exc.detail)
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
