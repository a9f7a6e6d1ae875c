"""Servers that misbehave in ways issue 22 did not list, through the app's real loops on the qasync
loop: the refresh loop told to wait absurdly long, too little, or stopped part-way by 429s; a choice
checked while AITasker cannot show its versions. Each case failed on the code before its fix.

A ticker (a QTimer) runs beside each case: the window's loop must keep turning (no gap over half a
second). Where a case asserts that something does NOT happen (no flood of requests), it watches for
a fixed stretch of the ticker's time: there is no event to wait for when nothing should happen.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from app.actions import Action, ActionJournal, Phase
from app.api.client import TasksClient
from app.api.schema import Task
from app.review.keep import KeptTasks
from app.review.service import ReviewService
from app.sandbox import SandboxConfig, SandboxServer
from app.sandbox.service import DEMO_API_KEY
from app.store.disk_errors import StoreError
from app.store.repository import Store
from app.sync import TaskRefresher
from tests.answers import Answers
from tests.conftest import FakeClock, wait_until
from tests.ui.helpers import review_desk, version_list
from tests.ui.hostile_server import KEY, Answer, HostileServer, Seen, delivered_task, hostile_server
from tests.ui.test_actions_once import QUICK, confirm_choice, select_posts, task_in_review


class Ticker:
    """Counts the GUI loop's turns and the longest gap between two of them."""

    def __init__(self, every_ms: int = 10) -> None:
        self.ticks = 0
        self.longest = 0.0
        self._last = time.monotonic()
        self.started = self._last
        self._timer = QTimer()
        self._timer.setInterval(every_ms)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now = time.monotonic()
        self.longest = max(self.longest, now - self._last)
        self._last = now
        self.ticks += 1

    def stop(self) -> None:
        self._timer.stop()
        self._tick()

    async def watch(self, seconds: float) -> None:
        """Let the loops run for ``seconds`` of the ticker's time (for "nothing more happens")."""
        until = time.monotonic() + seconds
        await wait_until(lambda: time.monotonic() >= until, timeout=seconds + 5, what="the stretch to pass")


@contextmanager
def ticking() -> Iterator[Ticker]:
    ticker = Ticker()
    try:
        yield ticker
    finally:
        ticker.stop()
    assert ticker.ticks > 0 and ticker.longest < 0.5, f"the GUI loop stalled for {ticker.longest:.2f} s"


def task_json(task_id: str, status: str = "prototyping", **changes: Any) -> dict[str, Any]:
    return delivered_task(task_id, status=status, **changes)


def reads(server: HostileServer, task_id: str) -> int:
    with server._lock:
        return sum(1 for s in server.seen if s.method == "GET" and s.path == f"/api/v1/tasks/{task_id}")


class Watch:
    def __init__(self, tasks: list[Task]) -> None:
        self.tasks = {t.id: t for t in tasks}
        self.states: list[tuple[str, str]] = []

    def update(self, task: Task) -> None:
        self.tasks[task.id] = task

    def state(self, state: str, detail: str) -> None:
        self.states.append((state, detail))


async def _running(refresher: TaskRefresher, ticker: Ticker, seconds: float) -> None:
    job = asyncio.ensure_future(refresher.run())
    try:
        await ticker.watch(seconds)
        assert not job.done(), f"the refresh loop ended: {job.exception() if not job.cancelled() else 'cancelled'}"
    finally:
        job.cancel()
        await asyncio.gather(job, return_exceptions=True)


async def _rate_limited_loop(retry_after: str, seconds: float = 1.5) -> tuple[int, Watch]:
    """The refresh loop against a task that always answers 429 with this Retry-After; how many
    times it asked in ``seconds``."""
    task_id = "t-429"
    with hostile_server() as server, ticking() as ticker:
        server.json("GET", f"/api/v1/tasks/{task_id}", task_json(task_id))
        async with TasksClient(server.url, KEY, timeout=2.0, deadline=2.0) as client:
            watch = Watch([await client.get_task(task_id)])
            server.answers[("GET", f"/api/v1/tasks/{task_id}")] = Answer(
                429, {"detail": "Too Many Requests"}, headers={"Retry-After": retry_after}
            )
            refresher = TaskRefresher(lambda: client, lambda: list(watch.tasks.values()), watch.update, watch.state)
            await _running(refresher, ticker, seconds)
            return reads(server, task_id) - 1, watch


async def test_a_huge_retry_after_is_not_a_tight_loop(qtbot) -> None:
    """Retry-After: 99999999 (three years): a wait that long overflowed the Qt timer under the loop
    and ended at once, so the refresher asked again and again as fast as the server answered."""
    asked, watch = await _rate_limited_loop("99999999")
    assert asked == 1, f"asked {asked} times in 1.5 s"
    state, detail = watch.states[-1]
    assert state == "slowed" and "99999999" not in detail  # a capped wait, said as such


async def test_a_retry_after_far_in_the_future_as_a_date_is_not_a_tight_loop(qtbot) -> None:
    asked, _watch = await _rate_limited_loop("Fri, 31 Dec 9999 23:59:59 GMT")
    assert asked == 1, f"asked {asked} times in 1.5 s"


async def test_a_429_storm_with_no_real_wait_backs_off(qtbot) -> None:
    """Retry-After: -5 (or 0) on every answer: the refresher asked four times a second for ever."""
    asked, _watch = await _rate_limited_loop("-5", seconds=2.5)
    assert asked <= 2, f"asked {asked} times in 2.5 s"


async def test_a_rate_limit_that_cuts_every_round_short_still_reaches_every_task(qtbot) -> None:
    """A server allowing two reads, then a 429 (a storm of them, one in three): each round stopped at
    the third task and the next began at the first again, so the fourth task was never read."""
    ids = [f"t-{n}" for n in range(4)]
    with hostile_server() as server, ticking():
        for task_id in ids:
            server.json("GET", f"/api/v1/tasks/{task_id}", task_json(task_id))
        async with TasksClient(server.url, KEY, timeout=2.0, deadline=2.0) as client:
            watch = Watch([await client.get_task(task_id) for task_id in ids])
            server.json("GET", f"/api/v1/tasks/{ids[3]}", task_json(ids[3], status="review"))  # it moved on
            count = [0]

            def every_third(request: Seen) -> Answer:
                count[0] += 1
                if count[0] % 3 == 0:
                    return Answer(429, {"detail": "slow down"}, headers={"Retry-After": "1"})
                return Answer(200, task_json(request.path.rsplit("/", 1)[1], status=status_of(request)))

            def status_of(request: Seen) -> str:
                return "review" if request.path.endswith(ids[3]) else "prototyping"

            for task_id in ids:
                server.answers[("GET", f"/api/v1/tasks/{task_id}")] = every_third
            refresher = TaskRefresher(lambda: client, lambda: list(watch.tasks.values()), watch.update, watch.state)
            for _ in range(4):
                await refresher.refresh_once()  # (the pauses between rounds are the loop's, not asked here)
            assert watch.tasks[ids[3]].status == "review"


async def test_a_choice_is_not_called_lost_while_aitasker_cannot_show_the_versions(qtbot, tmp_path: Path) -> None:
    """The choice was carried out and answered too late (not sure), then the versions could not be
    read (503). The check took the versions kept on this computer (from before the choice: nothing
    chosen) for AITasker's state and said "did not reach AITasker. You can choose again."."""
    clock = FakeClock()
    server = SandboxServer(SandboxConfig(seed=5, clock=clock))
    answers = Answers(server)
    store = Store.in_dir(tmp_path / "data")
    kept = KeptTasks(tmp_path / "data")
    with server, ticking() as ticker:
        async with TasksClient(server.url, DEMO_API_KEY, timeout=2.0, deadline=2.0) as client:
            task = await task_in_review(client, clock)
            parent = QWidget()
            qtbot.addWidget(parent)
            desk = review_desk(parent, store, checking=QUICK, now=lambda: datetime.fromtimestamp(clock.now, UTC))
            desk.set_service(service := ReviewService(lambda: client, DEMO_API_KEY, kept=kept))
            try:
                window = desk.open_review(task)
                assert window is not None
                await wait_until(lambda: version_list(window).count() >= 3 and window.operations is not None)
                await wait_until(lambda: kept.gallery(task.id) is not None, what="the versions kept")
                server.config.faults.answer_delay = 4.0  # carried out at once, answered after the client gave up
                server.config.faults.paths = (f"/api/v1/tasks/{task.id}/select-bid",)
                answers.fail(f"/api/v1/tasks/{task.id}/bids", 503)
                await confirm_choice(window, qtbot)
                journal = desk.actions.journal
                await wait_until(
                    lambda: (e := journal.latest(task.id, Action.CHOOSE)) is not None and e.phase == Phase.UNSURE,
                    what="not sure",
                )
                await ticker.watch(QUICK.quiet_for * 2)  # longer than "no sign of it" may last
                entry = journal.latest(task.id, Action.CHOOSE)
                assert entry is not None and entry.phase == Phase.UNSURE, entry
                assert "Not sure your choice reached AITasker" in window.message.text()
                assert not window.choose_button.isEnabled()
                answers.heal()  # AITasker shows its state again: it has the choice
                await wait_until(lambda: window.message.text() == "AITasker has your choice.", timeout=15)
                assert len(select_posts(server)) == 1
            finally:
                desk.close()
                await service.aclose()
    store.close()


def fill_the_journal(store: Store) -> None:
    """The database cannot grow (SQLite's ``max_page_count``: SQLITE_FULL, as a full disk gives), and
    the journal's pages are filled with settled actions of other tasks to the last byte."""
    journal = ActionJournal(store)
    pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    store._db.execute(f"PRAGMA max_page_count = {pages}")
    n = 0
    for size in (2000, 200, 0):
        while True:
            try:
                journal.settle(journal.begin(f"other-{n}", Action.CHOOSE, {"pad": "x" * size}), Phase.DONE)
            except StoreError:
                break
            n += 1


async def test_a_choice_that_cannot_be_recorded_is_not_sent_and_says_so(qtbot, tmp_path: Path) -> None:
    """A full disk when the choice is to be written down: nothing may be sent (it could not be
    checked after a kill). The window said "Sending your choice…" for ever, though nothing was sent."""
    clock = FakeClock()
    store = Store.in_dir(tmp_path / "data")
    with SandboxServer(SandboxConfig(seed=5, clock=clock)) as server, ticking():
        async with TasksClient(server.url, DEMO_API_KEY, timeout=5.0) as client:
            task = await task_in_review(client, clock)
            parent = QWidget()
            qtbot.addWidget(parent)
            desk = review_desk(parent, store, checking=QUICK, now=lambda: datetime.fromtimestamp(clock.now, UTC))
            desk.set_service(service := ReviewService(lambda: client, DEMO_API_KEY))
            try:
                window = desk.open_review(task)
                assert window is not None
                await wait_until(lambda: version_list(window).count() >= 3 and window.operations is not None)
                fill_the_journal(store)
                await confirm_choice(window, qtbot)
                await wait_until(lambda: "Nothing was sent" in window.message.text(), what="why nothing was sent")
                assert "no space left" in window.message.text()
                assert select_posts(server) == [] and desk.actions.journal.open_for(task.id) is None
                assert window.choose_button.isEnabled()  # nothing on its way: the person may try again
            finally:
                desk.close()
                await service.aclose()
    store.close()
