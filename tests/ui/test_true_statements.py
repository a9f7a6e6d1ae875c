"""What the window says about a task is what the server says happened: choose → delivery → approve
(by the person, or by the clock), the money that moved, and the step that comes next."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from app.sandbox import SandboxConfig, SandboxServer
from app.sandbox.config import BID_WINDOW_SECONDS, DEMO_API_KEY
from tests.conftest import FakeClock, wait_until
from tests.ui.helpers import cell, open_window, parts, trigger

DRAFT = {"category": "graphics-design", "task_type": "logo-design", "budget_usd": 40.0, "title": "Logo for my bakery"}


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def server(clock: FakeClock) -> Any:
    with SandboxServer(SandboxConfig(seed=5, clock=clock, question_share=0.0)) as sandbox:
        yield sandbox


async def add(window: Any, task_id: str) -> None:
    ui = parts(window)
    ui.add_by_id.setText(task_id)
    ui.add_button.click()
    await wait_until(lambda: ui.model.row_of(task_id) is not None and ui.add_button.text() == "Add", what="the task")


async def refreshed(window: Any, task_id: str, status: str) -> list[str]:
    """Refresh now, wait for the row's status word; the details' lines of that task."""
    ui = parts(window)
    trigger(window, "refreshAction")
    await wait_until(lambda: cell(window, 0, "Status") == status, what=status)
    assert ui.tasks.select(task_id)
    return ui.details.toPlainText().splitlines()


async def test_choose_deliver_approve_shows_what_happened_and_what_was_paid(
    qtbot, tmp_path: Path, server: SandboxServer, clock: FakeClock
) -> None:
    async with httpx.AsyncClient(base_url=server.url, headers={"Authorization": f"Bearer {DEMO_API_KEY}"}) as api:
        task = (await api.post("/api/v1/tasks", json=DRAFT)).json()
        async with open_window(qtbot, server.url, DEMO_API_KEY, tmp_path) as window:
            window.account.set_refresh_interval(0.05)
            await add(window, task["id"])
            assert cell(window, 0, "Next step").startswith("first versions due in ")
            clock.now += BID_WINDOW_SECONDS + 1
            lines = await refreshed(window, task["id"], "Ready for your review")
            assert cell(window, 0, "Next step").startswith("review closes ")
            bid = next(b for b in (await api.get(f"/api/v1/tasks/{task['id']}/bids")).json()["bids"] if b["presented"])
            price = f"${bid['bid_price_usd']:,.2f}"
            assert (await api.post(f"/api/v1/tasks/{task['id']}/select-bid", json={"bid_id": bid["id"]})).is_success

            # Chosen: the final work is on its way. Nothing is "completed", nothing "approved".
            lines = await refreshed(window, task["id"], "Final version in progress")
            text = "\n".join(lines)
            assert "Completed" not in text and "approved" not in text
            assert f"Chosen version: {price} ({bid['agent_name']})" in lines and "Budget: $40.00" in lines
            assert not any(line.startswith("Paid:") for line in lines)
            assert cell(window, 0, "Next step").startswith("final work due ")

            clock.now += server.config.delivery_seconds + 1
            lines = await refreshed(window, task["id"], "Final work ready")
            assert cell(window, 0, "Next step").startswith("approve by ")
            assert (await api.post(f"/api/v1/tasks/{task['id']}/approve", json={})).is_success

            lines = await refreshed(window, task["id"], "Completed")
            said = (await api.get(f"/api/v1/tasks/{task['id']}")).json()
            assert said["approved_by"] == "buyer"
            assert "Completed: You approved the work." in lines
            assert f"Paid: {price}" in lines and f"Paid: ${said['paid_usd']:,.2f}" in lines
            if said["refunded_usd"]:  # (the chosen version may cost the whole budget: nothing comes back)
                assert f"Returned to your credit: ${said['refunded_usd']:,.2f}" in lines
            else:
                assert not any(line.startswith("Returned") for line in lines), lines
            assert cell(window, 0, "Next step") == ""
            more = parts(window).tasks.more_details.toPlainText()
            assert "Final version in progress (by you)" in more and "Final work ready (by the agent)" in more
            assert "Completed (by you)" in more


async def test_approval_by_the_clock_says_so(qtbot, tmp_path: Path, server: SandboxServer, clock: FakeClock) -> None:
    async with httpx.AsyncClient(base_url=server.url, headers={"Authorization": f"Bearer {DEMO_API_KEY}"}) as api:
        task = (await api.post("/api/v1/tasks", json=DRAFT)).json()
        clock.now += BID_WINDOW_SECONDS + 1
        bid = next(b for b in (await api.get(f"/api/v1/tasks/{task['id']}/bids")).json()["bids"] if b["presented"])
        assert (await api.post(f"/api/v1/tasks/{task['id']}/select-bid", json={"bid_id": bid["id"]})).is_success
        clock.now += server.config.delivery_seconds + server.config.approval_seconds + 2
        async with open_window(qtbot, server.url, DEMO_API_KEY, tmp_path) as window:
            await add(window, task["id"])
            assert cell(window, 0, "Status") == "Completed"
            assert parts(window).tasks.select(task["id"])
            lines = parts(window).details.toPlainText().splitlines()
            assert any(line.startswith("Completed: The work was approved automatically") for line in lines), lines
            assert not any("You approved" in line for line in lines)
            assert f"Paid: ${bid['bid_price_usd']:,.2f}" in lines


async def test_a_completed_task_that_says_nothing_more_is_just_finished(qtbot, tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from app.api.schema import Task

    with SandboxServer(SandboxConfig()) as sandbox:
        async with open_window(qtbot, sandbox.url, DEMO_API_KEY, tmp_path) as window:
            ui = parts(window)
            now = datetime.now(UTC)
            ui.model.upsert(Task(id="plain", title="Plain", status="completed", budget_usd=40, created_at=now))
            assert ui.tasks.select("plain")
            lines = ui.details.toPlainText().splitlines()
            assert "Completed: The task is finished." in lines  # who approved is not said: not guessed
            assert not any(line.startswith(("Paid", "Chosen version")) for line in lines)
