"""Keeps known tasks' status and expiry fresh within the API's read limits.

Qt-free: the UI passes callables to read the tasks to watch and to receive updates.

No single task can stop a round: each task's read fails alone (``on_problem`` says which, why in
plain words, and when its data last came fresh) and the round goes on with the others. Only what
concerns every task stops a round: the network gone (a task's read failed and ``/health`` fails
too), AITasker asking us to slow down, or the key refused on a call for the whole account (the
task list, else the categories) — a 401 or 403 on one task's read never blames the key by itself.
``on_pass`` marks the end of a round that asked about every task: what "Last refreshed" means.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from app.api.errors import (
    ApiError,
    Forbidden,
    Offline,
    RateLimited,
    ServerError,
    Unauthorized,
    server_problem_words,
)
from app.tasks.life import DISPUTED, WAITS_FOR_YOU
from app.translatable import QT_TRANSLATE_NOOP, translate
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
# The least pause after rounds cut short by a 429 in a row, whatever Retry-After said (0, negative,
# unreadable): a storm of 429s is not answered by asking four times a second.
RATE_LIMITED_BACKOFF = (1.0, 5.0, 15.0, 30.0, 60.0)
AFTER_A_FAILED_ROUND = 10.0  # an unexpected error in a round: the next one comes anyway

NOT_ALLOWED = QT_TRANSLATE_NOOP("messages", "AITasker does not let this key read this task (403).")
REFUSED = QT_TRANSLATE_NOOP("messages", "AITasker refused to show this task (401).")
UNEXPECTED = QT_TRANSLATE_NOOP("messages", "Something went wrong in this app while reading this task.")


@dataclass(frozen=True)
class RefreshProblem:
    """How one task's last refresh went: ``reason`` in plain words (None: it worked again) and when
    its data last came fresh from AITasker in this run (None: not yet)."""

    task_id: str
    reason: str | None
    last_good: datetime | None


def refresh_reason(error: BaseException) -> str:
    """Why one task could not be refreshed, in plain words."""
    if isinstance(error, ServerError) and error.status is not None:
        return server_problem_words(error.status)
    if isinstance(error, Forbidden):
        return translate("messages", NOT_ALLOWED)
    if isinstance(error, Unauthorized):
        return translate("messages", REFUSED)
    if isinstance(error, ApiError):
        return error.user_message
    return translate("messages", UNEXPECTED)


class TaskRefresher:
    def __init__(
        self,
        client: Callable[[], TasksClient | None],
        watched: Callable[[], Iterable[Task]],
        on_update: Callable[[Task], None],
        on_state: Callable[[str, str], None] = lambda state, detail: None,
        *,
        on_problem: Callable[[RefreshProblem], None] = lambda problem: None,
        on_pass: Callable[[datetime], None] = lambda at: None,
        interval: float = ACTIVE_INTERVAL,
        quiet_interval: float = QUIET_INTERVAL,
        now: Callable[[], datetime] = lambda: datetime.now().astimezone(),
    ) -> None:
        self._client = client
        self._watched = watched
        self._on_update = on_update
        self._on_state = on_state
        self._on_problem = on_problem
        self._on_pass = on_pass
        self.interval = interval
        self.quiet_interval = quiet_interval
        self._now = now  # wall time: only to show when data came
        self._wake = Wakeup()
        self._offline_round = 0
        self._slowed_round = 0
        # A round cut short by a 429 at this task: the next one begins there (then wraps round), so a
        # server that allows only part of a round each time still has every task read in turn.
        self._resume_at: str | None = None
        self._last_good: dict[str, datetime] = {}  # task id -> when its data last came fresh
        self._failing: set[str] = set()  # tasks whose last read failed

    def refresh_now(self) -> None:
        self._wake.set()

    def saw(self, task_id: str) -> None:
        """This task's data just came fresh from AITasker by another way (added by ID, created)."""
        self._last_good[task_id] = self._now()

    async def run(self) -> None:
        """Rounds forever; nothing but cancellation ends it (an unexpected error is logged)."""
        while True:
            self._wake.clear()  # before the round: a "refresh now" during it is not lost
            try:
                pause = await self.refresh_once()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("refresh round failed; the next one comes anyway")
                pause = AFTER_A_FAILED_ROUND
            await self._wake.wait(pause)

    def _offline(self, error: ApiError) -> float:
        delay = OFFLINE_BACKOFF[min(self._offline_round, len(OFFLINE_BACKOFF) - 1)]
        self._offline_round += 1
        self._on_state("offline" if isinstance(error, Offline) else "error", error.user_message)
        return delay

    def _pass_done(self) -> None:
        self._offline_round = 0
        self._resume_at = None
        self._on_pass(self._now())
        self._on_state("online", "")

    async def refresh_once(self) -> float:
        """One round over the unfinished tasks; returns how long to wait before the next.

        ``watched`` may be lazy (the store's pages): the round holds one page, never them all."""
        client = self._client()
        if client is None:
            return self.quiet_interval
        unfinished = (t for t in self._in_turn() if not t.is_final)
        first = next(unfinished, None)
        if first is None:  # nothing to follow: still tell online from offline (/health is not limited)
            try:
                await client.health()
            except ApiError as exc:
                return self._offline(exc)
            self._pass_done()
            return self.quiet_interval
        spacing = 60.0 / MAX_READS_PER_MINUTE
        working = False
        key_refused: bool | None = None  # asked at most once a round, only after a 401/403
        for task in itertools.chain([first], unfinished):
            try:
                fresh = await client.get_task(task.id)
            except RateLimited as exc:
                least = RATE_LIMITED_BACKOFF[min(self._slowed_round, len(RATE_LIMITED_BACKOFF) - 1)]
                self._slowed_round += 1
                self._resume_at = task.id
                wait = max(exc.retry_after if exc.retry_after is not None else 30.0, least, spacing)
                self._on_state("slowed", f"AITasker asked us to wait {wait:.0f} s")
                return wait
            except (Unauthorized, Forbidden) as exc:
                if key_refused is None:
                    key_refused = await self._key_refused(client)
                if key_refused:
                    self._on_state("unauthorized", exc.user_message)
                    return self.quiet_interval
                self._failed(task, exc)
            except Offline as exc:
                if not await self._reachable(client):
                    return self._offline(exc)
                self._failed(task, exc)  # this task's read alone did not get through
            except Exception as exc:  # a server error, an unreadable answer, a bug: this task alone
                if not isinstance(exc, ApiError):
                    log.exception("refreshing task %s failed", task.id)
                self._failed(task, exc)
            else:
                try:
                    self._succeeded(task, fresh)
                except Exception as exc:
                    log.exception("task %s was read but could not be taken in", task.id)
                    self._failed(task, exc)
                task = fresh
            if not task.is_final and task.status not in WAITS_FOR_YOU and task.status not in DISPUTED:
                working = True
            remaining = client.rate_limit.remaining
            await asyncio.sleep(spacing * 4 if remaining is not None and remaining < 10 else spacing)
        self._pass_done()
        # Poll often while agents work; less while every open task waits for the user (or is at rest).
        return self.interval if working else self.quiet_interval

    def _in_turn(self) -> Iterator[Task]:
        """The watched tasks, from the one a 429 stopped the last round at, then those before it
        (``watched`` read twice, lazily: a round still holds one page at a time)."""
        start = self._resume_at
        if start is None:
            yield from self._watched()
            return
        found = False
        for task in self._watched():
            found = found or task.id == start
            if found:
                yield task
        for task in self._watched():
            if task.id == start:
                return
            yield task

    def _succeeded(self, task: Task, fresh: Task) -> None:
        self._slowed_round = 0
        self._last_good[task.id] = self._now()
        if fresh != task:
            self._on_update(fresh)
        if task.id in self._failing:
            self._failing.discard(task.id)
            self._on_problem(RefreshProblem(task.id, None, self._last_good[task.id]))

    def _failed(self, task: Task, error: BaseException) -> None:
        detail = getattr(error, "detail", "") or repr(error)
        log.info("task %s not refreshed: %s", task.id, detail)
        self._failing.add(task.id)
        self._on_problem(RefreshProblem(task.id, refresh_reason(error), self._last_good.get(task.id)))

    async def _reachable(self, client: TasksClient) -> bool:
        """Is AITasker there at all? (``/health``, outside the read limits.)"""
        try:
            await client.health()
        except ApiError:
            return False
        return True

    async def _key_refused(self, client: TasksClient) -> bool:
        """After a 401/403 on one task: does the key fail for the whole account too? Asks the task
        list (where the server offers one), else the categories; anything but a 401/403 there
        (offline, a server error) does not blame the key."""
        try:
            await client.list_tasks(limit=1)
            return False
        except (Unauthorized, Forbidden):
            return True
        except ApiError as exc:
            log.info("task list not available to check the key: %s", exc.detail)
        try:
            await client.list_categories()
        except (Unauthorized, Forbidden):
            return True
        except ApiError as exc:
            log.info("categories not available to check the key: %s", exc.detail)
        return False
