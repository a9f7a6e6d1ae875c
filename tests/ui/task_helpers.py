"""Helpers for the task actions' tests: a task brought to a step of its life on the sandbox's clock,
the task actions controller as the window makes it (over a real store and the journal), and the
dialogs it opens, found as a person finds them."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx
from PySide6.QtWidgets import QApplication, QWidget

from app.actions import ActionJournal, Checking
from app.api.client import TasksClient
from app.api.schema import Task, TaskDraft
from app.review.operations import discover_operations
from app.sandbox import SandboxServer
from app.sandbox.service import BID_WINDOW_SECONDS, DEMO_API_KEY
from app.store.repository import Store
from app.tasks.service import TaskService
from tests.conftest import FakeClock
from ui.controllers.actions import ActionsController
from ui.controllers.task_actions import TaskActionsController
from ui.i18n import say
from ui.windows.text_question import TextQuestion

DRAFT = TaskDraft(category="graphics-design", task_type="logo-design", budget_usd=45.0, title="Logo for my bakery")
QUICK = Checking(pauses=(0.3,), quiet_for=1.5)  # the journal's reads, made quick for a test


def extra(task: Task) -> dict[str, Any]:
    """What the task says beyond TaskResponse (the sandbox's life fields)."""
    return task.model_extra or {}


def posts(server: SandboxServer, ending: str) -> list[str]:
    """The POSTs the sandbox saw whose path ends with ``ending``."""
    return [p for m, p, _ in server.app.state.requests_seen if m == "POST" and p.endswith(ending)]


def task_posts(server: SandboxServer) -> list[str]:
    """Every action POSTed on a task (anything but creating one)."""
    return [p for m, p, _ in server.app.state.requests_seen if m == "POST" and p.startswith("/api/v1/tasks/")]


async def in_review(client: TasksClient, clock: FakeClock, title: str = "Logo for my bakery") -> Task:
    task = await client.create_task(DRAFT.model_copy(update={"title": title}))
    clock.now += BID_WINDOW_SECONDS + 1
    await client.get_bids(task.id)  # the sandbox makes the versions
    return await client.get_task(task.id)


async def chosen(client: TasksClient, clock: FakeClock, title: str = "Logo for my bakery") -> Task:
    """Posted, reviewed and its first presented version chosen: delivering."""
    task = await in_review(client, clock, title)
    select = discover_operations(await client.openapi()).select
    assert select is not None
    gallery = await client.get_bids(task.id)
    await client.select_bid(select, task.id, gallery.presented[0].id)
    return await client.get_task(task.id)


async def delivered(
    client: TasksClient, clock: FakeClock, server: SandboxServer, title: str = "Logo for my bakery"
) -> Task:
    task = await chosen(client, clock, title)
    clock.now += server.config.delivery_seconds + 1
    fresh = await client.get_task(task.id)
    assert fresh.status == "delivered", fresh.status
    return fresh


def text_question() -> TextQuestion | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, TextQuestion) and widget.isVisible():
            return widget
    return None


@dataclass
class Desk:
    controller: TaskActionsController
    actions: ActionsController
    client: TasksClient
    parent: QWidget
    said: list[str] = field(default_factory=list)


@asynccontextmanager
async def task_desk(
    qtbot,
    server: SandboxServer,
    clock: FakeClock,
    store: Store,
    *,
    timeout: float = 10.0,
    transport: httpx.AsyncBaseTransport | None = None,
) -> AsyncIterator[Desk]:
    async with TasksClient(server.url, DEMO_API_KEY, timeout=timeout, transport=transport) as client:
        parent = QWidget()
        qtbot.addWidget(parent)
        actions = ActionsController(parent, ActionJournal(store), checking=QUICK)
        controller = TaskActionsController(
            parent,
            actions,
            TaskService(lambda: client, store=store),
            now=lambda: datetime.fromtimestamp(clock.now, UTC),
        )
        desk = Desk(controller, actions, client, parent)
        controller.said.connect(lambda _task_id, text, _detail: desk.said.append(say(text)))
        try:
            yield desk
        finally:
            await controller.shutdown()
            await actions.shutdown()
