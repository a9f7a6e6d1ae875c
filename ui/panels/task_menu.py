"""A row's right-click menu in the tasks table: what can be done with that task (open it, its review
when it waits for one, post it again, cancel it before a version is chosen, copy its ID or link).
Its texts keep the ``TasksPanel`` translation context."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu, QWidget

from app.tasks.life import BEFORE_CHOICE
from ui.i18n import translate

if TYPE_CHECKING:
    from app.api.schema import Task


def task_menu(parent: QWidget, task: Task, chosen: Callable[[str, str], None]) -> QMenu:
    """The menu for ``task``; ``chosen(what, task_id)`` is called with what was chosen ("open",
    "review", "again", "cancel", "copy_id", "copy_link")."""
    menu = QMenu(parent)
    menu.setObjectName("taskMenu")
    menu.setToolTipsVisible(True)
    menu.addAction(translate("TasksPanel", "&Open")).triggered.connect(lambda: chosen("open", task.id))
    review = menu.addAction(translate("TasksPanel", "Open the &review"))
    review.setEnabled(task.status == "review")
    if task.status != "review":
        review.setToolTip(translate("TasksPanel", "Only a task that is ready for your review has one to open."))
    review.triggered.connect(lambda: chosen("review", task.id))
    menu.addSeparator()
    again = menu.addAction(translate("TasksPanel", "&Post again"))
    again.setToolTip(translate("TasksPanel", "A new draft with this task's details, to check and send"))
    again.triggered.connect(lambda: chosen("again", task.id))
    cancel = menu.addAction(translate("TasksPanel", "&Cancel task…"))
    cancel.setEnabled(task.status in BEFORE_CHOICE)
    if task.status not in BEFORE_CHOICE:
        cancel.setToolTip(translate("TasksPanel", "Only a task whose version is not chosen yet can be cancelled."))
    cancel.triggered.connect(lambda: chosen("cancel", task.id))
    menu.addSeparator()
    copy_id = menu.addAction(translate("TasksPanel", "Copy task &ID"))
    copy_id.setObjectName("copyTaskId")
    copy_id.triggered.connect(lambda: chosen("copy_id", task.id))
    copy_link = menu.addAction(translate("TasksPanel", "Copy &link"))
    copy_link.setObjectName("copyTaskLink")
    copy_link.triggered.connect(lambda: chosen("copy_link", task.id))
    return menu
