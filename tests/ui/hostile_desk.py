"""Task windows as the main window makes them, over a :mod:`tests.ui.hostile_server`: the review
controller with its service and pictures, the task actions over one journal (its checks quick), the
saving; and what the task actions said, in order."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from app.actions import ActionJournal
from app.api.client import TasksClient
from app.review.service import ReviewService
from app.store.repository import Store
from app.tasks.service import TaskService
from tests.ui.big_delivery import StandInSession
from tests.ui.hostile_server import KEY
from tests.ui.task_helpers import QUICK
from ui.controllers.actions import ActionsController
from ui.controllers.review import ReviewController
from ui.controllers.saving import SavingController
from ui.controllers.task_actions import TaskActionsController
from ui.controllers.task_windows import TaskWindowsController
from ui.i18n import say


@dataclass
class HostileDesk:
    windows: TaskWindowsController
    actions: TaskActionsController
    journal: ActionJournal
    client: TasksClient
    said: list[str] = field(default_factory=list)


@asynccontextmanager
async def hostile_desk(qtbot, url: str, folder: Path, *, timeout: float = 5.0) -> AsyncIterator[HostileDesk]:
    async with TasksClient(url, KEY, timeout=timeout, deadline=timeout) as client:
        parent = QWidget()
        qtbot.addWidget(parent)
        store = Store.in_dir(folder / "data")
        journal = ActionJournal(store)
        journal_actions = ActionsController(parent, journal, checking=QUICK)
        reviews = ReviewController(parent, journal_actions, store=store)
        reviews.set_service(ReviewService(lambda: client, KEY))
        actions = TaskActionsController(parent, journal_actions, TaskService(lambda: client, store=store))
        session = StandInSession(client, KEY)
        settings = QSettings(str(folder / "ui.ini"), QSettings.Format.IniFormat)
        windows = TaskWindowsController(
            parent,
            session,  # type: ignore[arg-type]
            reviews,
            actions,
            SavingController(parent, settings, session),  # type: ignore[arg-type]
            post_again=lambda task: None,
        )
        desk = HostileDesk(windows, actions, journal, client)
        actions.said.connect(lambda _task_id, text, _detail: desk.said.append(say(text)))
        try:
            yield desk
        finally:
            await windows.shutdown()
            await actions.shutdown()
            await journal_actions.shutdown()
            store.close()
