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
from typing import Any

from PySide6.QtCore import QTimer

from app.api.client import TasksClient
from app.api.schema import Task
from app.sync import TaskRefresher
from tests.conftest import wait_until
from tests.ui.hostile_server import KEY, Answer, HostileServer, Seen, delivered_task, hostile_server


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
