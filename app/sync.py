"""Keeps known tasks' status and expiry fresh within the API's read limits.

Qt-free: the UI passes callables to read the tasks to watch and to receive updates.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from app.api.contract import AT_REST, WAITS_FOR_YOU
from app.api.errors import ApiError, Forbidden, NotFound, Offline, RateLimited, Unauthorized
from app.wakeup import Wakeup

if TYPE_CHECKING:
    from app.api.client import TasksClient
    from app.api.schema import Task

log = logging.getLogger(__name__)

# The documented read bucket is 300/min; stay well under it, leaving room for other reads.
MAX_READS_PER_MINUTE = 240
ACTIVE_INTERVAL = 10.0  # seconds between rounds while agents are working
QUIET_INTERVAL = 30.0  # while every watched task waits for the user (review)
OFFLINE_BACKOFF = (5.0, 10.0, 20.0, 40.0, 60.0)


class TaskRefresher:
    def __init__(
        self,
        client: Callable[[], TasksClient | None],
        watched: Callable[[], Iterable[Task]],
        on_update: Callable[[Task], None],
        on_state: Callable[[str, str], None] = lambda state, detail: None,
        *,
        interval: float = ACTIVE_INTERVAL,
        quiet_interval: float = QUIET_INTERVAL,
    ) -> None:
        self._client = client
        self._watched = watched
        self._on_update = on_update
        self._on_state = on_state
        self.interval = interval
        self.quiet_interval = quiet_interval
        self._wake = Wakeup()
        self._offline_round = 0

    def refresh_now(self) -> None:
        self._wake.set()

    async def run(self) -> None:
        while True:
            self._wake.clear()  # before the round: a "refresh now" during it is not lost
            pause = await self.refresh_once()
            await self._wake.wait(pause)

    def _offline(self, error: ApiError) -> float:
        delay = OFFLINE_BACKOFF[min(self._offline_round, len(OFFLINE_BACKOFF) - 1)]
        self._offline_round += 1
        self._on_state("offline" if isinstance(error, Offline) else "error", error.user_message)
        return delay

    async def refresh_once(self) -> float:
        """One round over the unfinished tasks; returns how long to wait before the next.

        ``watched`` may be lazy (the store's pages): the round holds one page, never them all."""
        client = self._client()
        if client is None:
            return self.quiet_interval
        unfinished = (t for t in self._watched() if not t.is_final)
        first = next(unfinished, None)
        if first is None:  # nothing to follow: still tell online from offline (/health is not limited)
            try:
                await client.health()
            except ApiError as exc:
                return self._offline(exc)
            self._offline_round = 0
            self._on_state("online", "")
            return self.quiet_interval
        spacing = 60.0 / MAX_READS_PER_MINUTE
        working = False
        for task in itertools.chain([first], unfinished):
            try:
                fresh = await client.get_task(task.id)
            except RateLimited as exc:
                wait = exc.retry_after if exc.retry_after is not None else 30.0
                self._on_state("slowed", f"AITasker asked us to wait {wait:.0f} s")
                return max(wait, spacing)
            except Offline as exc:
                return self._offline(exc)
            except NotFound:
                log.info("task %s is no longer visible", task.id)
                continue
            except (Unauthorized, Forbidden) as exc:
                self._on_state("unauthorized", exc.user_message)
                return self.quiet_interval
            except ApiError as exc:
                self._on_state("error", exc.user_message)
                return self.quiet_interval
            self._offline_round = 0
            if not fresh.is_final and fresh.status not in WAITS_FOR_YOU and fresh.status not in AT_REST:
                working = True
            if fresh != task:
                self._on_update(fresh)
            remaining = client.rate_limit.remaining
            if remaining is not None and remaining < 10:
                await asyncio.sleep(spacing * 4)
            else:
                await asyncio.sleep(spacing)
        self._on_state("online", "")
        # Poll often while agents work; less while every open task waits for the user (or is at rest).
        return self.interval if working else self.quiet_interval
