"""What the task window's action buttons need, until ``TaskActionsController``
(ui/controllers/task_actions.py, the "task-actions" work) is in main: the same names and signals
(``said(task_id, text, detail)``, ``changed(task_id)``, ``available(task)``, ``approve`` …
``answer``), so that switching over is a line in the main window.

Until then nothing is sent from here: each action says plainly that this version of the app does
not do it yet and offers to finish on AITasker's website (nothing pretends to have happened).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from app.api.schema import Task
from app.review.operations import WEBSITE_URL
from ui.i18n import translate
from ui.windows.async_dialog import ask

if TYPE_CHECKING:
    from ui.controllers.drafts import DraftsController
    from ui.panels.form import TaskForm

BEFORE_CHOICE = ("open", "matching", "prototyping", "review")


def reasons_by_status(task: Task) -> dict[str, str]:
    """Button name -> "" when the task's status allows it, else why not (the server's state decides;
    the journal may hold a button further while a request is open)."""
    work = (
        ""
        if task.status == "delivered"
        else translate("TaskWindow", "There is no final work waiting for your approval.")
    )
    return {
        "approve": work,
        "changes": work,
        "problem": work,
        "cancel": ""
        if task.status in BEFORE_CHOICE
        else translate("TaskWindow", "Only a task whose version is not chosen yet can be cancelled."),
        "answer": ""
        if task.status == "input_required"
        else translate("TaskWindow", "The agent has not asked you anything."),
    }


def draft_values(task: Task) -> dict[str, Any]:
    """What the form needs to post ``task`` again: its category, type, budget, title, description,
    requirements and experimentation (and brand kit)."""
    values: dict[str, Any] = {
        "category": task.category or "",
        "task_type": task.task_type or "",
        "title": task.title or "",
        "description": task.description or "",
        "requirements": dict(task.requirements or {}),
    }
    if task.budget_usd is not None:
        values["budget_usd"] = task.budget_usd
    if task.experimentation is not None:
        values["experimentation"] = task.experimentation
    if task.brand_kit_id:
        values["brand_kit_id"] = task.brand_kit_id
    return values


def post_again_into_form(drafts: DraftsController, form: TaskForm, main: QWidget, task: Task) -> None:
    """ "Post again": the form starts a new draft filled with the task (what it held is kept as a
    draft); nothing is posted until the person sends it, with the usual confirmation."""
    drafts.new()
    form.load_values(draft_values(task))
    main.show()
    main.raise_()
    main.activateWindow()
    form.title.setFocus()


class TaskActionsStandIn(QObject):
    said = Signal(str, str, str)  # task_id, plain text for the window, detail
    changed = Signal(str)  # task_id

    def operations(self) -> None:
        return None

    def available(self, task: Task) -> dict[str, str]:
        return reasons_by_status(task)

    async def approve(self, task: Task, parent: QWidget) -> None:
        await self._on_website(task, parent, translate("TaskWindow", "Approving the work"))

    async def ask_for_changes(self, task: Task, parent: QWidget) -> None:
        await self._on_website(task, parent, translate("TaskWindow", "Asking for changes"))

    async def report_problem(self, task: Task, parent: QWidget) -> None:
        await self._on_website(task, parent, translate("TaskWindow", "Reporting a problem"))

    async def cancel(self, task: Task, parent: QWidget) -> None:
        await self._on_website(task, parent, translate("TaskWindow", "Cancelling the task"))

    async def answer(self, task: Task, parent: QWidget) -> None:
        await self._on_website(task, parent, translate("TaskWindow", "Answering the agent"))

    async def _on_website(self, task: Task, parent: QWidget, what: str) -> None:
        go = await ask(
            parent,
            what,
            translate("TaskWindow", "This version of the app can't do this yet. Nothing was sent to AITasker.")
            + "\n\n"
            + translate("TaskWindow", "You can finish it on the AITasker website."),
            translate("TaskWindow", "Finish on the AITasker website"),
            translate("TaskWindow", "Close"),
        )
        if go:
            QDesktopServices.openUrl(QUrl(WEBSITE_URL))
        self.said.emit(task.id, translate("TaskWindow", "Nothing was sent to AITasker."), "")
