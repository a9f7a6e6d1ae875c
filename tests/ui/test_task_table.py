"""The task actions in the main window, through its real widgets: "Cancel task…" and "Post again" from
a row's menu, the "While you were away" notice at the next start (each line opening its task),
Ctrl+R and the count for final work waiting, and the desktop notifications when the final work is
ready and when the agent asks something (a click opens the task)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from app.api.client import TasksClient
from app.sandbox import SandboxConfig, SandboxServer
from app.sandbox.service import DEMO_API_KEY
from app.store.repository import Store
from tests.conftest import FakeClock, wait_until
from tests.fake_notifications import FakeNotifications
from tests.ui.helpers import cell, confirmation, open_window, parts
from tests.ui.task_helpers import chosen, extra, in_review, posts
from tests.ui.test_notifier import session_bus  # noqa: F401 (fixture)
from ui.controllers.task_news import TaskNewsController
from ui.desktop.notifier import Notifier


async def add_by_id(window, task_id: str) -> None:
    ui = parts(window)
    ui.add_by_id.setText(task_id)
    ui.add_button.click()
    await wait_until(lambda: ui.model.row_of(task_id) is not None and ui.add_button.text() == "Add", what="the row")


def row_menu(window, task_id: str) -> QMenu:
    """Right-click on the task's row: its menu."""
    ui = parts(window)
    row = ui.model.row_of(task_id)
    assert row is not None
    rect = ui.table.visualRect(ui.proxy.mapFromSource(ui.model.index(row, 0)))
    ui.table.customContextMenuRequested.emit(rect.center())
    menu = ui.tasks.context_menu
    assert menu is not None and menu.isVisible()
    return menu


def entry(menu: QMenu, text: str):
    return next(a for a in menu.actions() if a.text() == text)


def status(window, task_id: str) -> str:
    ui = parts(window)
    row = ui.model.row_of(task_id)
    assert row is not None
    return cell(window, ui.proxy.mapFromSource(ui.model.index(row, 0)).row(), "Status")


async def test_cancel_from_the_menu_and_post_again_as_a_new_draft(qtbot, tmp_path: Path) -> None:
    clock = FakeClock()
    with SandboxServer(SandboxConfig(seed=5, clock=clock, question_share=0.0)) as server:
        async with TasksClient(server.url, DEMO_API_KEY) as client:
            task = await in_review(client, clock)
            working = await chosen(client, clock, "Menu card")
        async with open_window(qtbot, server.url, DEMO_API_KEY, tmp_path) as window:
            ui = parts(window)
            await add_by_id(window, working.id)
            await add_by_id(window, task.id)
            menu = row_menu(window, working.id)
            assert [a.text() for a in menu.actions() if not a.isSeparator()] == [
                "&Open", "Open the &review", "&Post again", "&Cancel task…", "Copy task &ID", "Copy &link",
            ]  # fmt: skip
            assert not entry(menu, "&Cancel task…").isEnabled()  # a version is chosen: past cancelling
            menu.close()

            entry(row_menu(window, task.id), "&Cancel task…").trigger()
            ui.tasks.context_menu.close()  # as a click on the item does
            await wait_until(lambda: confirmation() is not None, what="the question")
            box = confirmation()
            assert box is not None
            assert box.text() == "Cancel ‘Logo for my bakery’? Its budget of $45.00 comes back to your credit."
            qtbot.keyClick(box, Qt.Key.Key_Return)
            await wait_until(lambda: status(window, task.id).endswith("Cancelled"), what="the table to say cancelled")
            assert (await client_status(server, task.id)) == "cancelled" and len(posts(server, "/cancel")) == 1
            assert ui.banner.text.text() == "The task is cancelled. $45.00 came back to your credit."

            creates = len(posts(server, "/api/v1/tasks"))
            qtbot.keyClicks(ui.form.title, "Something I was writing")
            entry(row_menu(window, task.id), "&Post again").trigger()
            ui.tasks.context_menu.close()
            values = ui.form.raw_values()
            assert (values["title"], values["category"], values["task_type"], values["budget_usd"]) == (
                "Logo for my bakery", "graphics-design", "logo-design", 45.0,
            )  # fmt: skip
            assert values["experimentation"] == task.experimentation
            titles = sorted(r.title for r in window.draft_service.records())
            assert titles == ["Logo for my bakery", "Something I was writing"]  # both kept, as drafts
            assert len(posts(server, "/api/v1/tasks")) == creates  # nothing posted without Send
            assert confirmation() is None


async def client_status(server: SandboxServer, task_id: str) -> str:
    async with TasksClient(server.url, DEMO_API_KEY) as client:
        return (await client.get_task(task_id)).status


async def test_while_you_were_away_at_the_next_start_each_line_opens_its_task(qtbot, tmp_path: Path) -> None:
    clock = FakeClock()
    config = SandboxConfig(seed=5, clock=clock, question_share=0.0, approval_seconds=7200)
    with SandboxServer(config) as server:
        async with TasksClient(server.url, DEMO_API_KEY) as client:
            working = await chosen(client, clock)
            reviewing = await in_review(client, clock, "Flyer for the fair")
        async with open_window(qtbot, server.url, DEMO_API_KEY, tmp_path) as window:
            await add_by_id(window, working.id)
            await add_by_id(window, reviewing.id)
        clock.now += server.config.delivery_seconds + 3600 + 1  # the app closed: work delivered, review over
        async with open_window(qtbot, server.url, DEMO_API_KEY, tmp_path) as window:
            ui = parts(window)
            notice = ui.tasks.away
            expected = "While you were away: 1 final work ready, 1 review closed"
            await wait_until(lambda: notice.isVisible() and notice.heading.text() == expected, what="the notice")
            lines = [b.text() for b in notice.findChildren(QPushButton, "awayLine")]
            assert lines == ["‘Logo for my bakery’: the final work is ready", "‘Flyer for the fair’: the review closed without a choice"]  # fmt: skip
            await wait_until(lambda: ui.status.review_button.text() == "1 task needs you", what="the count")
            windows = window.task_windows
            notice.findChildren(QPushButton, "awayLine")[0].click()  # the line opens the task's window
            assert list(windows.windows) == [working.id]
            windows.windows[working.id].close()
            await wait_until(lambda: not windows.windows, what="its window to close")
            ui.status.review_button.click()  # Ctrl+R's work: the task that waits for the person
            assert list(windows.windows) == [working.id]


async def test_notifications_for_final_work_and_a_question_and_a_click_opens_the_task(
    qtbot,
    session_bus: str,  # noqa: F811 (the fixture imported above)
    tmp_path: Path,
) -> None:
    clock = FakeClock()
    desktop = FakeNotifications(session_bus)
    parent = QWidget()
    qtbot.addWidget(parent)
    store = Store.in_dir(tmp_path)
    notifier = Notifier(bus_address=session_bus, use_tray=False)
    news = TaskNewsController(
        parent, store=store, notifier=notifier, now=lambda: datetime.fromtimestamp(clock.now, UTC)
    )
    opened: list[str] = []
    news.openRequested.connect(opened.append)
    counts: list[tuple[int, int]] = []
    news.waiting_changed.connect(lambda reviews, others: counts.append((reviews, others)))
    try:
        with SandboxServer(SandboxConfig(seed=5, clock=clock, question_share=1.0, answer_seconds=60)) as server:
            async with TasksClient(server.url, DEMO_API_KEY) as client:
                news.refreshed(datetime.now(UTC))  # the first full refresh is done: news from now on
                task = await chosen(client, clock)
                clock.now += server.config.delivery_seconds / 2 + 1
                asked = await client.get_task(task.id)
                news.task_changed((task, asked))  # what the session tells after a refresh
                clock.now += 60 + server.config.delivery_seconds / 2 + 1  # no answer in time: it goes on, then delivers
                ready = await client.get_task(task.id)
                assert ready.status == "delivered"
                news.task_changed((asked, ready))
                news.task_changed((asked, ready))  # the same step again: told once
                await wait_until(lambda: len(desktop.calls) == 2, what="two notifications")
                summaries = [args[3] for _, args in desktop.calls]
                bodies = [args[4] for _, args in desktop.calls]
                actions = [args[5] for _, args in desktop.calls]
                assert summaries == ["A question for you", "Final work ready"]
                question = extra(asked)["input_request"]["question"]
                assert bodies[0] == f"The agent working on ‘Logo for my bakery’ asks you something. {question}"
                assert bodies[1].startswith("The final work of ‘Logo for my bakery’ is ready to look at.")
                assert actions[0] == ["default", "Open the task"]
                assert counts[-1] == (0, 1) and [t.id for t in news.waiting_tasks()] == [task.id]
                await wait_until(lambda: 2 in notifier._ids, what="the notification id")
                desktop.click(2)
                await wait_until(lambda: opened, what="the click")
                assert opened == [task.id]
    finally:
        news.close()
        notifier.close()
        desktop.close()
        store.close()
