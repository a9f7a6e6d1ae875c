"""Requests other than a choice go through the action journal too (issue 22): asking for more time
when AITasker answers after the app gave up is "not sure — checking", offers nothing more for the
task meanwhile, and is settled by reading, never by asking again. Against the real sandbox.
(The choice itself: tests/ui/test_actions_once.py; the verdicts: tests/unit/test_verdicts.py.)"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.actions import Action, Phase
from app.sandbox import SandboxConfig, SandboxServer
from app.store.repository import Store
from tests.conftest import FakeClock, wait_until
from tests.ui.helpers import confirmation, press
from tests.ui.test_actions_once import review


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = Store.in_dir(tmp_path)
    yield store
    store.close()


def extend_posts(server: SandboxServer) -> list[str]:
    return [p for m, p, _ in server.app.state.requests_seen if m == "POST" and "extend" in p]


async def test_a_slow_request_for_more_time_is_checked_and_never_sent_twice(qtbot, store: Store) -> None:
    clock = FakeClock()
    with SandboxServer(SandboxConfig(seed=5, clock=clock)) as server:
        async with review(qtbot, server, clock, store, timeout=2.0) as (window, desk, task, _client):
            assert window.extend_button.isVisible()
            # The client gives up after 2 s; AITasker gives the time at once and answers after 4 s, and
            # its versions (what the check reads) are as slow for now.
            faults = server.config.faults
            faults.answer_delay = 4.0
            faults.paths = (f"/api/v1/tasks/{task.id}/extend-review", f"/api/v1/tasks/{task.id}/bids")
            window.extend_button.click()
            await wait_until(lambda: confirmation() is not None, what="the question")
            assert confirmation().text() == "Ask for more time to choose?"
            press(confirmation(), "Ask")
            await wait_until(lambda: "Not sure your request reached AITasker" in window.message.text(), what="not sure")
            await wait_until(lambda: "Waiting to learn" in window.choose_button.toolTip(), what="why Choose is off")
            assert not window.extend_button.isVisible() and not window.choose_button.isEnabled()
            entry = desk.actions.journal.latest(task.id, Action.EXTEND)
            assert entry is not None and entry.phase == Phase.UNSURE

            faults.paths = ()  # AITasker answers reads in time again: its state settles it
            await wait_until(
                lambda: window.message.text() == "AITasker has your request.", timeout=20, what="the check"
            )
            entry = desk.actions.journal.latest(task.id, Action.EXTEND)
            assert entry is not None and entry.phase == Phase.DONE
            assert extend_posts(server) == [f"/api/v1/tasks/{task.id}/extend-review"]  # read, never resent
            await wait_until(lambda: window.choose_button.isEnabled(), what="Choose to come back")
