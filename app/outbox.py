"""The outbox: draft -> sending -> created | rejected | waiting-for-network | outcome-unknown |
waiting-for-credit.

Rules that protect the user's money:
- the draft's idempotency key is committed to disk before the first request and reused for every
  later attempt of that draft;
- the state ``sending`` is committed, and on the disk, before the request leaves (the wait for the
  disk runs on a worker thread: :mod:`app.store.durability`); a crash while sending turns it into
  ``unknown`` at the next start (:meth:`Store.recover_interrupted_sends`);
- only an :class:`~app.api.errors.Offline` failure (nothing reached the server) or a 429 puts a draft
  back in the queue to be sent by itself; an unclear outcome waits for the user; a refusal for lack
  of credit waits as ``credit`` (never retried in a loop) until the person says credit was added;
- the draft is claimed (:meth:`Store.claim`, one transaction) right before its request leaves: a
  draft taken out of the outbox, edited or deleted since the plan was made is not sent; the loop
  reads the next draft afresh each time, never from a list taken earlier;
- the content sent is the content claimed; a create that comes back for other content (a server
  answering a reused key with an older task) deletes nothing the user typed;
- one failing send is logged and the outbox goes on with the others;
- every wait (the spacing between creates, a wait the server asked for) runs on the monotonic
  clock: setting the computer's clock back or forward neither stalls nor hurries a send. The wall
  clock only writes down, for a later run, until when the server asked us to wait.
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from app.api.errors import ApiError, InvalidTask, NotEnoughCredit, Offline, OutcomeUnknown, RateLimited
from app.api.validation import check_draft
from app.send_result import CREATED, GONE, SendResult, SendState, answers_for
from app.store.disk_errors import StoreError
from app.store.drafts_table import CREDIT, DRAFT, SENDING, UNKNOWN, WAITING, DraftRecord
from app.store.repository import Store
from app.translatable import QT_TRANSLATE_NOOP
from app.wakeup import Wakeup

if TYPE_CHECKING:
    from app.api.client import TasksClient  # only named: the client comes from the session
    from app.api.schema import Task, TaskDraft

__all__ = ["CREATED", "EARLIER_VERSION", "GONE", "Outbox", "SendResult", "SendState", "answers_for"]
log = logging.getLogger(__name__)

CREATES_PER_MINUTE = 60  # documented bucket for POST /api/v1/tasks
HEALTH_BACKOFF = (2.0, 5.0, 10.0, 20.0, 30.0, 60.0)
USER_SEND_FROM = (DRAFT, WAITING, UNKNOWN, CREDIT)  # states a user's Send / Send again may start from
EARLIER_VERSION = QT_TRANSLATE_NOOP(
    "messages",
    "AITasker answered with a task that differs from this draft (it was probably posted earlier from "
    "an older version). That task is in your list. Your text was kept as a draft, not posted.",
)


class Outbox:
    def __init__(
        self,
        store: Store,
        client: Callable[[], TasksClient | None],
        *,
        on_change: Callable[[], None] = lambda: None,
        on_created: Callable[[str, Task], None] = lambda draft_id, task: None,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
        min_spacing: float = 60.0 / CREATES_PER_MINUTE,
    ) -> None:
        self._store = store
        self._client = client
        self._on_change = on_change
        self._on_created = on_created
        self._clock = clock  # monotonic: spacing and waits
        self._wall_clock = wall_clock  # only for the "not before" written down for a later run
        self._min_spacing = min_spacing
        self._in_flight: set[str] = set()
        self._last_create = -math.inf
        # Until when (monotonic) the server asked us not to send a waiting draft again. A wait written
        # down by an earlier run has no entry: that draft is due at once (at worst the server says
        # "wait" again, with a fresh Retry-After).
        self._not_before: dict[str, float] = {}
        self._wake = Wakeup()

    def is_sending(self, draft_id: str) -> bool:
        return draft_id in self._in_flight

    # --- the user's actions --------------------------------------------------------------------
    async def send(
        self,
        draft_id: str,
        *,
        from_states: tuple[str, ...] = USER_SEND_FROM,
        revision: int | None = None,
        due_only: bool = False,
    ) -> SendResult:
        """Send one draft now (the user pressed Send, or chose "Send again"; or the outbox loop).

        It goes only if, at the moment it is claimed, it is still in one of ``from_states`` (and
        at ``revision`` and due, when asked): otherwise the result says where it is now."""
        if draft_id in self._in_flight:
            return SendResult(SENDING)
        record = self._store.get_draft(draft_id)
        if record is None:
            return SendResult(GONE)
        if record.state == SENDING or record.state not in from_states:
            return SendResult(SendState(record.state))
        if due_only and self._wait_for(record.id) > 0:
            return SendResult(SendState(record.state))
        _, problems = check_draft(record.values)
        if problems is not None:
            self._store.set_state(
                draft_id,
                DRAFT,
                error=QT_TRANSLATE_NOOP("messages", "Some details need a change."),
                expect=(record.state,),
            )
            self._on_change()
            return SendResult(DRAFT, field_errors=problems)
        client = self._client()
        if client is None:
            self._store.set_state(
                draft_id,
                WAITING,
                queue=True,
                error=QT_TRANSLATE_NOOP("messages", "No account connected yet."),
                expect=(record.state,),
            )
            self._on_change()
            return SendResult(
                WAITING, error=Offline(QT_TRANSLATE_NOOP("messages", "No AITasker account is connected yet."))
            )
        self._in_flight.add(draft_id)
        try:
            await self._pace()  # within the create limit; nothing has left yet
            with self._store.unsynced():  # the wait for the disk is on a worker thread, not the GUI's
                claimed = self._store.claim(draft_id, from_states, revision=revision)  # due: checked above
        except BaseException:
            self._in_flight.discard(draft_id)
            raise
        if claimed is not None:
            try:
                await self._synced()  # the claim (state and key) on the disk before anything leaves
            except BaseException:  # not sent: the draft goes back to where it was
                self._in_flight.discard(draft_id)
                self._put_back(record)
                raise
        if claimed is None:  # taken out, edited or deleted while we waited: not sent
            self._in_flight.discard(draft_id)
            now = self._store.get_draft(draft_id)
            log.info("outbox: draft %s changed before sending (now %s); not sent", draft_id, now.state if now else GONE)
            self._on_change()
            return SendResult(SendState(now.state) if now else GONE)
        draft, problems = check_draft(claimed.values)  # what is sent is what was claimed
        if draft is None:
            self._in_flight.discard(draft_id)
            self._store.set_state(
                draft_id, DRAFT, error=QT_TRANSLATE_NOOP("messages", "Some details need a change."), expect=(SENDING,)
            )
            self._on_change()
            return SendResult(DRAFT, field_errors=problems or {})
        self._not_before.pop(draft_id, None)
        self._on_change()
        try:
            self._last_create = self._clock()
            task = await client.create_task(draft, idempotency_key=claimed.idempotency_key)
        except Offline as exc:
            self._finish(draft_id, WAITING, queue=True, error=exc.user_message)
            result = SendResult(WAITING, error=exc)
        except RateLimited as exc:
            wait = exc.retry_after if exc.retry_after is not None else 60.0
            self._not_before[draft_id] = self._clock() + wait
            not_before = self._wall_clock() + wait  # written down: what a later run can know of it
            self._finish(draft_id, WAITING, queue=True, error=exc.user_message, not_before=not_before)
            result = SendResult(WAITING, error=exc)
        except OutcomeUnknown as exc:
            self._finish(draft_id, UNKNOWN, error=exc.user_message)
            result = SendResult(UNKNOWN, error=exc)
        except NotEnoughCredit as exc:  # nothing was created; it waits for the person to add credit
            self._finish(draft_id, CREDIT, error=exc.user_message)
            result = SendResult(CREDIT, error=exc)
        except InvalidTask as exc:
            self._finish(draft_id, DRAFT, error=exc.user_message)
            result = SendResult(DRAFT, error=exc, field_errors=exc.field_errors)
        except ApiError as exc:  # refused: nothing was created (401, 403, other 4xx)
            self._finish(draft_id, DRAFT, error=exc.user_message)
            result = SendResult(DRAFT, error=exc)
        except BaseException:
            # Cancelled (the app is closing) or a bug: we cannot know whether it left.
            try:
                self._finish(
                    draft_id,
                    UNKNOWN,
                    error=QT_TRANSLATE_NOOP(
                        "messages", "Sending was interrupted, so we can't tell whether AITasker received this task."
                    ),
                )
            finally:
                self._in_flight.discard(draft_id)
                self._on_change()
            raise
        else:
            result = await self._created(draft_id, claimed.revision, draft, task)
        finally:
            self._in_flight.discard(draft_id)
        self._on_change()
        if result.state == WAITING:
            self._wake.set()
        return result

    def _finish(self, draft_id: str, state: str, **kwargs: object) -> None:
        """The answer for a claimed draft: from ``sending`` only (nothing else may move it)."""
        try:
            self._store.set_state(draft_id, state, expect=(SENDING,), **kwargs)  # type: ignore[arg-type]
        except StoreError:
            # Not saved (disk full): it stays "sending" on disk, "Not sure it was sent" after a restart.
            log.warning("outbox: could not record that draft %s is now %s", draft_id, state)

    async def _synced(self) -> None:
        """Every commit so far on the disk, waited for on a worker thread (the GUI's stays free)."""
        await asyncio.get_running_loop().run_in_executor(None, self._store.sync)

    def _put_back(self, record: DraftRecord) -> None:
        """A claimed draft that did not leave goes back to its state before the claim."""
        try:
            self._store.set_state(
                record.id,
                record.state,
                error=record.last_error,
                not_before=record.not_before,
                expect=(SENDING,),
            )
        except StoreError:  # still "sending" on disk: "Not sure it was sent" after a restart
            log.warning("outbox: could not put draft %s back after a failed claim", record.id)
        self._on_change()

    async def _created(self, draft_id: str, revision: int, draft: TaskDraft, task: Task) -> SendResult:
        if not answers_for(draft, task):
            log.warning(
                "outbox: the server answered draft %s with task %s for other content; draft kept", draft_id, task.id
            )
            await self._record(draft_id, task, revision=revision, keep=EARLIER_VERSION)
            self._on_created(draft_id, task)
            return SendResult(DRAFT, other_task=task)
        await self._record(draft_id, task, revision=revision)
        self._on_created(draft_id, task)
        return SendResult(CREATED, task=task)

    async def _record(self, draft_id: str, task: Task, *, revision: int, keep: str | None = None) -> None:
        """Store the created task (and settle its draft); on the disk before the window shows it."""
        try:
            with self._store.unsynced():
                self._store.record_created(draft_id, task, revision=revision, keep=keep)
            await self._synced()
        except StoreError:
            log.warning(
                "outbox: task %s was created but could not be saved; draft %s left as sending", task.id, draft_id
            )

    def queue(self, draft_id: str) -> bool:
        """Put a draft in the outbox, to be sent when the network allows (not one on its way)."""
        queued = self._store.set_state(draft_id, WAITING, queue=True, expect=USER_SEND_FROM)
        self._not_before.pop(draft_id, None)  # the person asked again: no wait from before
        self._on_change()
        self._wake.set()
        return queued

    def take_back(self, draft_id: str) -> bool:
        """Take a waiting (or unclear) draft out of the outbox; False if it is on its way (claimed)
        or gone. Taken out before its claim, a draft is not sent: the claim re-checks."""
        taken = self._store.set_state(draft_id, DRAFT, expect=(DRAFT, WAITING, UNKNOWN, CREDIT))
        self._not_before.pop(draft_id, None)
        self._on_change()
        return taken

    def waiting_for_credit(self) -> list[DraftRecord]:
        """Drafts refused for lack of credit, oldest first: each waits for the person's word."""
        return sorted(self._store.list_drafts((CREDIT,)), key=lambda r: (r.queued_at or r.updated_at, r.created_at))

    # --- sending by itself -----------------------------------------------------------------------
    def network_may_be_back(self) -> None:
        self._wake.set()

    async def _pace(self) -> None:
        wait = self._last_create + self._min_spacing - self._clock()
        if wait > 0:
            await asyncio.sleep(wait)

    def _wait_for(self, draft_id: str) -> float:
        """Seconds until a waiting draft may be sent by itself (0 = now)."""
        until = self._not_before.get(draft_id)
        if until is None:
            return 0.0
        left = until - self._clock()
        if left <= 0:
            del self._not_before[draft_id]
            return 0.0
        return left

    def _next_due_draft(self, skip: set[str]) -> DraftRecord | None:
        """The oldest waiting draft that is due now and not in ``skip``, read afresh (only that one:
        the ids tell which)."""
        due = next((i for i in self._store.outbox_ids() if i not in skip and self._wait_for(i) == 0), None)
        return None if due is None else self._store.get_draft(due)

    async def drain(self) -> int:
        """Send waiting drafts, oldest first; stop at the first sign the network is gone.

        Each next draft is read afresh and claimed as it was read, so whatever changed meanwhile
        (taken out, edited, deleted) is respected. A failing send is logged and skipped; a store
        that cannot be written stops the round (nothing more is claimed). Returns how many were
        created."""
        created = 0
        tried: set[str] = set()
        while (record := self._next_due_draft(tried)) is not None:
            tried.add(record.id)
            try:
                result = await self.send(record.id, from_states=(WAITING,), revision=record.revision, due_only=True)
            except StoreError as exc:
                log.warning("outbox: cannot save, sending paused: %s", exc.detail)
                break
            except Exception:
                log.exception("outbox: sending draft %s failed; going on with the others", record.id)
                continue
            if result.state == CREATED:
                created += 1
            elif result.state == WAITING:
                break  # offline again, or told to slow down: keep the order
            await asyncio.sleep(0)  # the GUI's turn between one answer and the next draft's read and claim
        return created

    def next_due(self) -> float | None:
        """Seconds until the earliest waiting draft may be tried, or None if none waits."""
        waiting = self._store.outbox_ids()
        return min(map(self._wait_for, waiting)) if waiting else None

    async def run(self) -> None:
        """Forever: when drafts wait, check the network (``/health``) with backoff, then drain.
        Nothing but cancellation ends it: an unexpected error is logged and the round retried."""
        failures = 0
        while True:
            try:
                failures = await self._round(failures)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("outbox: a round failed; trying again shortly")
                delay = HEALTH_BACKOFF[min(failures, len(HEALTH_BACKOFF) - 1)]
                failures += 1
                self._wake.clear()
                await self._wake.wait(delay)

    async def _round(self, failures: int) -> int:
        due = self.next_due()
        if due is None:
            self._wake.clear()
            await self._wake.wait()
            return failures
        if due > 0:
            self._wake.clear()
            await self._wake.wait(due)
            return failures
        client = self._client()
        reachable = False
        if client is not None:
            try:
                reachable = await client.health()
            except ApiError as exc:
                log.info("outbox: server not reachable yet: %s", exc.detail)
        if reachable:
            await self.drain()
            if self.next_due() == 0:
                await asyncio.sleep(1.0)  # drain stopped on a failure: don't spin
            return 0
        delay = HEALTH_BACKOFF[min(failures, len(HEALTH_BACKOFF) - 1)]
        self._wake.clear()
        await self._wake.wait(delay)
        return failures + 1
