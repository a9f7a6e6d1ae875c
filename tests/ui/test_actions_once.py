"""A choice is made once (issue 22, points 1–3): recorded before it is sent, never offered again while
its outcome is unclear, settled by reading AITasker's state, not cancelled by closing a window, asked
about on Quit, and never sent after the review closed. Against the real sandbox on loopback."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from app.actions import Action, Checking, JournalEntry, Phase
from app.api.client import TasksClient
from app.api.schema import Task, TaskDraft
from app.review.service import ReviewService
from app.sandbox import SandboxConfig, SandboxServer
from app.sandbox.service import BID_WINDOW_SECONDS, DEMO_API_KEY
from app.store.repository import Store
from tests.conftest import FakeClock, wait_until
from tests.ui.helpers import confirmation, open_window, press, review_desk, version_list
from ui.controllers.review import ReviewController
from ui.windows.review.window import ReviewWindow

DRAFT = TaskDraft(category="graphics-design", task_type="logo-design", budget_usd=45.0, title="Logo for my bakery")
ROOT = Path(__file__).resolve().parents[2]
QUICK = Checking(pauses=(0.3,), quiet_for=1.5)  # the journal's reads, made quick for a test


def select_posts(server: SandboxServer) -> list[str]:
    return [p for m, p, _ in server.app.state.requests_seen if m == "POST" and "select" in p]


async def task_in_review(client: TasksClient, clock: FakeClock) -> Task:
    task = await client.create_task(DRAFT)
    clock.now += BID_WINDOW_SECONDS + 1
    await client.get_bids(task.id)  # the sandbox makes the versions
    return await client.get_task(task.id)


@asynccontextmanager
async def review(
    qtbot, server: SandboxServer, clock: FakeClock, store: Store, *, timeout: float = 10.0
) -> AsyncIterator[tuple[ReviewWindow, ReviewController, Task, TasksClient]]:
    async with TasksClient(server.url, DEMO_API_KEY, timeout=timeout) as client:
        task = await task_in_review(client, clock)
        parent = QWidget()
        qtbot.addWidget(parent)
        desk = review_desk(parent, store, checking=QUICK, now=lambda: datetime.fromtimestamp(clock.now, UTC))
        desk.set_service(service := ReviewService(lambda: client, DEMO_API_KEY))
        window = desk.open_review(task)
        assert window is not None
        try:
            await wait_until(
                lambda: version_list(window).count() >= 3 and window.operations is not None, what="the versions"
            )
            yield window, desk, task, client
        finally:
            desk.close()
            await service.aclose()


async def confirm_choice(window: ReviewWindow, qtbot) -> None:
    window.choose_button.click()
    await wait_until(lambda: confirmation() is not None, what="the question")
    qtbot.keyClick(confirmation(), Qt.Key.Key_Return)


@pytest.fixture
def store(tmp_path: Path):
    store = Store.in_dir(tmp_path)
    yield store
    store.close()


async def test_a_slow_choice_is_checked_and_never_offered_again(qtbot, store: Store) -> None:
    """The server records the choice but answers after the client gave up: "not sure — checking", no
    second choice possible, then the server's state settles it as made. One request in all."""
    clock = FakeClock()
    with SandboxServer(SandboxConfig(seed=5, clock=clock)) as server:
        # The client gives up after 2 s (reads answer in milliseconds, even on a busy machine); the
        # choice is carried out at once and answered after 4 s.
        async with review(qtbot, server, clock, store, timeout=2.0) as (window, desk, task, _client):
            server.config.faults.answer_delay = 4.0
            server.config.faults.paths = (f"/api/v1/tasks/{task.id}/select-bid",)
            said: list[tuple[Phase, bool, str]] = []  # each phase, and what the window offered then

            def note(entry: JournalEntry) -> None:  # connected after the review's own handler: runs after it
                said.append((entry.phase, window.choose_button.isEnabled(), window.message.text()))

            desk.actions.changed.connect(note)
            await confirm_choice(window, qtbot)
            # The first read may already show the choice: "not sure" can be over in a moment.
            await wait_until(lambda: window.message.text() == "AITasker has your choice.", timeout=20, what="the check")
            assert [phase for phase, _, _ in said] == [Phase.SENDING, Phase.UNSURE, Phase.DONE]
            _, offered, text = said[1]
            assert not offered and "Not sure your choice reached AITasker" in text  # never "lost", never offered
            entry = desk.actions.journal.latest(task.id, Action.CHOOSE)
            assert entry is not None and entry.detail == "AITasker's state shows it happened."  # settled by reading
            assert len(select_posts(server)) == 1
            assert not window.choose_button.isEnabled()
            window.choose_button.click()  # a click on the disabled button asks nothing
            assert confirmation() is None
            await wait_until(lambda: window.gallery is not None and window.gallery.selected_bid is not None)


async def test_an_accepted_choice_keeps_choose_off_until_the_server_applies_it(qtbot, store: Store) -> None:
    """202 now, applied seconds later: the window never offers Choose again meanwhile."""
    clock = FakeClock()
    config = SandboxConfig(seed=5, clock=clock, apply_choice_after=2.0)
    with SandboxServer(config) as server:
        async with review(qtbot, server, clock, store) as (window, _desk, task, client):
            await confirm_choice(window, qtbot)
            await wait_until(lambda: "You chose" in window.message.text(), what="the choice accepted")
            window.reload()  # the gallery as the server shows it now: nothing chosen yet
            await wait_until(lambda: window.gallery is not None and window.gallery.selected_bid is None)
            assert (await client.get_task(task.id)).status == "review"
            assert not window.choose_button.isEnabled()
            assert "sent" in window.choose_button.toolTip()
            await wait_until(
                lambda: any(b.get("selected") for b in server.app.state.tasks[task.id].body["_bids"]),
                what="the server to apply it",
            )
            assert len(select_posts(server)) == 1


async def test_closing_the_window_does_not_cancel_a_confirmed_choice(qtbot, store: Store) -> None:
    clock = FakeClock()
    with SandboxServer(SandboxConfig(seed=5, clock=clock)) as server:
        async with review(qtbot, server, clock, store) as (window, desk, task, client):
            server.config.faults.latency = 1.0
            server.config.faults.paths = (f"/api/v1/tasks/{task.id}/select-bid",)
            await confirm_choice(window, qtbot)
            await wait_until(lambda: len(select_posts(server)) == 1, what="the request to leave")
            window.close()
            journal = desk.actions.journal
            await wait_until(
                lambda: (e := journal.latest(task.id, Action.CHOOSE)) is not None and e.phase == Phase.DONE,
                what="the answer to be recorded",
            )
            gallery = await client.get_bids(task.id)
            assert gallery.selected_bid is not None and len(select_posts(server)) == 1


async def test_a_confirmation_left_open_past_the_deadline_sends_nothing(qtbot, store: Store) -> None:
    clock = FakeClock()
    with SandboxServer(SandboxConfig(seed=5, clock=clock)) as server:
        async with review(qtbot, server, clock, store) as (window, _desk, task, _client):
            window.choose_button.click()
            await wait_until(lambda: confirmation() is not None, what="the question")
            assert task.expires_at is not None
            clock.now = (task.expires_at + timedelta(seconds=5)).timestamp()  # the person went for coffee
            qtbot.keyClick(confirmation(), Qt.Key.Key_Return)
            await wait_until(lambda: "not sent" in window.message.text(), what="why nothing was sent")
            assert "review closed" in window.message.text()
            assert select_posts(server) == []


KILLED_MID_CHOICE = """
import asyncio, sys
from app.actions import Action, ActionJournal
from app.api.client import TasksClient
from app.review.service import ReviewService
from app.store.repository import Store

async def main() -> None:
    url, key, task_id, bid_id, folder = sys.argv[1:]
    journal = ActionJournal(Store.in_dir(folder))
    async with TasksClient(url, key) as client:
        service = ReviewService(lambda: client, key)
        ops = await service.operations()
        entry = journal.begin(task_id, Action.CHOOSE, {"version": bid_id})  # as the window does
        print("sending", flush=True)
        await service.choose(ops.select, task_id, bid_id, key=entry.key)

asyncio.run(main())
"""


async def test_a_choice_cut_off_by_a_kill_is_checked_at_the_next_start(qtbot, tmp_path: Path) -> None:
    """SIGKILL while the choice is on its way: the record was on disk before the request left; the next
    start says "not sure — checking", offers no Choose meanwhile, and settles it by reading."""
    clock = FakeClock()
    folder = tmp_path / "data"
    with SandboxServer(SandboxConfig(seed=5, clock=clock)) as server:
        async with TasksClient(server.url, DEMO_API_KEY) as client:
            task = await task_in_review(client, clock)
            bid = (await client.get_bids(task.id)).presented[0]
        server.config.faults.latency = 30.0  # the answer never comes before the kill
        server.config.faults.paths = (f"/api/v1/tasks/{task.id}/select-bid",)
        script = tmp_path / "choose.py"
        script.write_text(textwrap.dedent(KILLED_MID_CHOICE))
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        args = [sys.executable, str(script), server.url, DEMO_API_KEY, task.id, bid.id, str(folder)]
        child = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, text=True)
        try:
            assert child.stdout is not None and child.stdout.readline().strip() == "sending"
            await wait_until(lambda: len(select_posts(server)) == 1, what="the request to reach the server")
            with sqlite3.connect(folder / "aitasker.sqlite3") as db:  # on disk before the answer
                assert db.execute("SELECT action, phase FROM actions").fetchall() == [("choose", "sending")]
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait(10)
        server.config.faults.latency = 0.0
        store = Store.in_dir(folder)
        try:
            async with TasksClient(server.url, DEMO_API_KEY) as client:
                parent = QWidget()
                qtbot.addWidget(parent)
                desk = review_desk(parent, store, checking=QUICK, now=lambda: datetime.fromtimestamp(clock.now, UTC))
                fresh = await client.get_task(task.id)
                chosen = any(b.get("selected") for b in server.app.state.tasks[task.id].body["_bids"])
                expected = (
                    "AITasker has your choice."
                    if chosen
                    else "Your choice did not reach AITasker. You can choose again."
                )
                desk.set_service(service := ReviewService(lambda: client, DEMO_API_KEY))  # connected: checks begin
                try:
                    window = desk.open_review(fresh)
                    assert window is not None
                    assert "Not sure your choice reached AITasker" in window.message.text()
                    assert not window.choose_button.isEnabled()
                    await wait_until(lambda: window.message.text() == expected, timeout=15, what="the check")
                    assert len(select_posts(server)) == 1  # read, never resent
                finally:
                    desk.close()
                    await service.aclose()
        finally:
            store.close()


async def test_quit_while_a_choice_is_on_its_way_asks_first(qtbot, tmp_path: Path) -> None:
    clock = FakeClock()
    with SandboxServer(SandboxConfig(seed=5, clock=clock)) as server:
        async with TasksClient(server.url, DEMO_API_KEY) as client:
            task = await task_in_review(client, clock)
        async with open_window(qtbot, server.url, DEMO_API_KEY, tmp_path) as window:
            await wait_until(lambda: window.reviews.service is not None, what="the connection")
            review_window = window.reviews.open_review(task)
            assert review_window is not None
            await wait_until(lambda: review_window.operations is not None and version_list(review_window).count())
            server.config.faults.latency = 2.0
            server.config.faults.paths = (f"/api/v1/tasks/{task.id}/select-bid",)
            await confirm_choice(review_window, qtbot)
            await wait_until(lambda: len(select_posts(server)) == 1, what="the request to leave")
            window.close()  # Ctrl+Q
            await wait_until(lambda: confirmation() is not None, what="the question on quitting")
            question = confirmation()
            assert question is not None and "on its way to AITasker" in question.text()
            assert window.isVisible()
            press(question, "Wait, then quit")
            await wait_until(lambda: window.closed.is_set(), timeout=10, what="the window to close once answered")
            entry = window.actions_controller.journal.latest(task.id, Action.CHOOSE)
            assert entry is not None and entry.phase == Phase.DONE and len(select_posts(server)) == 1
