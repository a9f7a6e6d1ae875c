"""The outbox: draft -> sending -> created | rejected | waiting-for-network | outcome-unknown.

Rules that protect the user's money:
- the draft's idempotency key is committed to disk before the first request and reused for every
  later attempt of that draft;
- the state ``sending`` is committed before the request leaves; a crash while sending turns it into
  ``unknown`` at the next start (:meth:`Store.recover_interrupted_sends`);
- only an :class:`~app.errors.Offline` failure (nothing reached the server) or a 429 puts a draft
  back in the queue to be sent by itself; an unclear outcome waits for the user.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from pydantic import ValidationError

from app.api import TasksClient
from app.errors import ApiError, InvalidTask, Offline, OutcomeUnknown, RateLimited
from app.schema import Task, TaskDraft, plain_field_errors
from app.store import DRAFT, SENDING, UNKNOWN, WAITING, DraftState, Store
from app.wakeup import Wakeup

log = logging.getLogger(__name__)

CREATES_PER_MINUTE = 60  # documented bucket for POST /api/v1/tasks
HEALTH_BACKOFF = (2.0, 5.0, 10.0, 20.0, 30.0, 60.0)


class SendState(StrEnum):
    """Where one send ended: the draft's new state, or created (the draft is gone)."""

    CREATED = "created"
    DRAFT = DraftState.DRAFT.value
    WAITING = DraftState.WAITING.value
    SENDING = DraftState.SENDING.value
    UNKNOWN = DraftState.UNKNOWN.value


CREATED = SendState.CREATED


@dataclass
class SendResult:
    """What happened to one send. ``state`` is the draft's new state, or created."""

    state: SendState | DraftState
    task: Task | None = None
    error: ApiError | None = None
    field_errors: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.state = SendState(self.state)


class Outbox:
    def __init__(
        self,
        store: Store,
        client: Callable[[], TasksClient | None],
        *,
        on_change: Callable[[], None] = lambda: None,
        on_created: Callable[[str, Task], None] = lambda draft_id, task: None,
        clock: Callable[[], float] = time.time,
        min_spacing: float = 60.0 / CREATES_PER_MINUTE,
    ) -> None:
        self._store = store
        self._client = client
        self._on_change = on_change
        self._on_created = on_created
        self._clock = clock
        self._min_spacing = min_spacing
        self._in_flight: set[str] = set()
        self._last_create = 0.0
        self._wake = Wakeup()

    def is_sending(self, draft_id: str) -> bool:
        return draft_id in self._in_flight

    # --- the user's actions --------------------------------------------------------------------
    async def send(self, draft_id: str) -> SendResult:
        """Send one draft now (the user pressed Send, or chose "Send again")."""
        if draft_id in self._in_flight:
            return SendResult(SENDING)
        record = self._store.get_draft(draft_id)
        if record is None:
            raise KeyError(draft_id)
        try:
            draft = TaskDraft.model_validate(record.values)
        except ValidationError as exc:
            self._store.set_state(draft_id, DRAFT, error="Some details need a change.")
            self._on_change()
            return SendResult(DRAFT, field_errors=plain_field_errors(exc.errors()))
        client = self._client()
        if client is None:
            self._store.set_state(draft_id, WAITING, queue=True, error="No account connected yet.")
            self._on_change()
            return SendResult(WAITING, error=Offline("No AITasker account is connected yet."))
        key = self._store.idempotency_key(draft_id)  # committed before anything is sent
        self._in_flight.add(draft_id)
        try:
            await self._pace()  # within the create limit; nothing has left yet
        except BaseException:
            self._in_flight.discard(draft_id)
            raise
        self._store.set_state(draft_id, SENDING, queue=record.state == WAITING)
        self._on_change()
        try:
            self._last_create = self._clock()
            task = await client.create_task(draft, idempotency_key=key)
        except Offline as exc:
            self._store.set_state(draft_id, WAITING, queue=True, error=exc.user_message)
            result = SendResult(WAITING, error=exc)
        except RateLimited as exc:
            wait = exc.retry_after if exc.retry_after is not None else 60.0
            self._store.set_state(draft_id, WAITING, queue=True, error=exc.user_message, not_before=self._clock() + wait)
            result = SendResult(WAITING, error=exc)
        except OutcomeUnknown as exc:
            self._store.set_state(draft_id, UNKNOWN, error=exc.user_message)
            result = SendResult(UNKNOWN, error=exc)
        except InvalidTask as exc:
            self._store.set_state(draft_id, DRAFT, error=exc.user_message)
            result = SendResult(DRAFT, error=exc, field_errors=exc.field_errors)
        except ApiError as exc:  # refused: nothing was created (401, 403, other 4xx)
            self._store.set_state(draft_id, DRAFT, error=exc.user_message)
            result = SendResult(DRAFT, error=exc)
        except BaseException:
            # Cancelled (the app is closing) or a bug: we cannot know whether it left.
            self._store.set_state(draft_id, UNKNOWN, error="Sending was interrupted.")
            raise
        else:
            self._store.record_created(draft_id, task)
            self._on_created(draft_id, task)
            result = SendResult(CREATED, task=task)
        finally:
            self._in_flight.discard(draft_id)
            self._on_change()
        if result.state == WAITING:
            self._wake.set()
        return result

    def queue(self, draft_id: str) -> None:
        """Put a draft in the outbox, to be sent when the network allows."""
        self._store.set_state(draft_id, WAITING, queue=True)
        self._on_change()
        self._wake.set()

    def take_back(self, draft_id: str) -> bool:
        """Take a waiting (or unclear) draft out of the outbox; False if it is on its way."""
        if draft_id in self._in_flight:
            return False
        record = self._store.get_draft(draft_id)
        if record is None or record.state == SENDING:
            return False
        self._store.set_state(draft_id, DRAFT)
        self._on_change()
        return True

    # --- sending by itself -----------------------------------------------------------------------
    def network_may_be_back(self) -> None:
        self._wake.set()

    async def _pace(self) -> None:
        wait = self._last_create + self._min_spacing - self._clock()
        if wait > 0:
            await asyncio.sleep(wait)

    async def drain(self) -> int:
        """Send waiting drafts, oldest first; stop at the first sign the network is gone.

        Returns how many were created."""
        created = 0
        for record in self._store.outbox():
            if record.not_before is not None and record.not_before > self._clock():
                continue
            result = await self.send(record.id)
            if result.state == CREATED:
                created += 1
            elif result.state == WAITING:
                break  # offline again, or told to slow down: keep the order
        return created

    def next_due(self) -> float | None:
        """Seconds until the earliest waiting draft may be tried, or None if none waits."""
        waiting = self._store.outbox()
        if not waiting:
            return None
        now = self._clock()
        return max(0.0, min((r.not_before or now) - now for r in waiting))

    async def run(self) -> None:
        """Forever: when drafts wait, check the network (``/health``) with backoff, then drain."""
        failures = 0
        while True:
            due = self.next_due()
            if due is None:
                self._wake.clear()
                await self._wake.wait()
                continue
            if due > 0:
                self._wake.clear()
                await self._wake.wait(due)
                continue
            client = self._client()
            reachable = False
            if client is not None:
                try:
                    reachable = await client.health()
                except ApiError as exc:
                    log.info("outbox: server not reachable yet: %s", exc.detail)
            if reachable:
                failures = 0
                await self.drain()
                if self.next_due() == 0:
                    await asyncio.sleep(1.0)  # drain stopped on a failure: don't spin
                continue
            delay = HEALTH_BACKOFF[min(failures, len(HEALTH_BACKOFF) - 1)]
            failures += 1
            self._wake.clear()
            await self._wake.wait(delay)
