"""The action journal: every action that moves money or commits the person happens at most once.

Choose, approve, ask for changes, report a problem, cancel, answer, extend and remix each go
through here. The record is written to the store *before* the request leaves (task, action, what it
was about, an idempotency key, ``sending``), and updated when the answer is read. An action whose
outcome is unclear (a timeout, a dropped connection, a 5xx, the app killed or quit while it was on its
way) becomes ``unsure`` and is settled by reading the server's state again, with growing pauses on the
monotonic clock, never by sending the same or another action. While a task has an open action
(``sending`` or ``unsure``), no other action on that task can start (:class:`ActionBusy`).

The journal is Qt-free: controllers in ``ui/`` drive it, the store keeps it (``app/store/journal.py``).
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
import uuid
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum, StrEnum
from typing import Any, Protocol

from app.api.errors import ApiError, Offline, OutcomeUnknown, ServerError
from app.store.disk_errors import StoreError
from app.translatable import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)


class Action(StrEnum):
    POST = "post"
    CHOOSE = "choose"
    APPROVE = "approve"
    REVISION = "revision"
    DISPUTE = "dispute"
    CANCEL = "cancel"
    ANSWER = "answer"
    EXTEND = "extend"
    REMIX = "remix"


class Phase(StrEnum):
    SENDING = "sending"  # written before the request; no answer read yet
    UNSURE = "unsure"  # no clear answer: being checked against the server's state
    DONE = "done"  # the server said it happened (any 2xx, 202 "accepted" included), or its state shows it
    REFUSED = "refused"  # the server said no: nothing happened
    NOT_SENT = "not_sent"  # it never left (no connection, or its moment had passed): nothing happened
    NOT_DONE = "not_done"  # checked: the server's state says it did not happen


OPEN_PHASES = (Phase.SENDING, Phase.UNSURE)
# Said when the record could not be written before sending (a full disk): %1 is the store's words.
NOT_RECORDED = QT_TRANSLATE_NOOP("messages", "Nothing was sent: this app could not write the request down first. %1")


class Verdict(Enum):
    """What the server's state says about an unsure action."""

    HAPPENED = "happened"  # the server's state shows it
    NO_SIGN = "no_sign"  # nothing shows it yet (the server may still apply it)
    RULED_OUT = "ruled_out"  # the task moved on in a way that cannot follow from it
    CANNOT_TELL = "cannot_tell"  # the state could not be read


@dataclass(frozen=True)
class JournalEntry:
    id: int
    task_id: str
    action: Action
    params: dict[str, Any]
    key: str  # the Idempotency-Key sent with the request
    phase: Phase
    started_at: float  # wall clock, seconds since the epoch (for showing and for the server's deadlines)
    updated_at: float
    detail: str = ""

    @property
    def is_open(self) -> bool:
        return self.phase in OPEN_PHASES


class ActionBusy(Exception):
    """Another action on the same task is still on its way or not settled."""

    def __init__(self, entry: JournalEntry) -> None:
        super().__init__(f"{entry.action} on task {entry.task_id} is {entry.phase}")
        self.entry = entry


class JournalStore(Protocol):
    """Where entries live (the SQLite store); ``add_action`` refuses, inside its transaction, a second
    open action on the same task by returning the open one instead of a new id."""

    def add_action(
        self, task_id: str, action: str, params: str, key: str, phase: str, now: float
    ) -> tuple[int, tuple[Any, ...] | None]: ...
    def set_action_phase(self, action_id: int, phase: str, detail: str, now: float) -> None: ...
    def action_rows(self, *, task_id: str | None = None, open_only: bool = False) -> list[tuple[Any, ...]]: ...


def entry_from_row(row: Iterable[Any]) -> JournalEntry:
    action_id, task_id, action, params, key, phase, started, updated, detail = row
    return JournalEntry(
        int(action_id),
        str(task_id),
        Action(action),
        json.loads(params) if params else {},
        str(key),
        Phase(phase),
        float(started),
        float(updated),
        detail or "",
    )


class ActionJournal:
    """The record of actions, over the store. ``clock`` is wall time (the record's moments)."""

    def __init__(self, store: JournalStore, *, clock: Callable[[], float] = time.time) -> None:
        self._store = store
        self._clock = clock
        self._listeners: list[Callable[[JournalEntry], None]] = []
        # Phases the store could not write (a full disk): they hold in this run over what the store
        # says and are written with the next write that works. Unwritten at a kill, the entry is
        # still open on disk: checked again at the next start, never sent again.
        self._unsaved: dict[int, JournalEntry] = {}

    def add_listener(self, listener: Callable[[JournalEntry], None]) -> None:
        """Told of every new entry and every change of phase (the window redraws its buttons)."""
        self._listeners.append(listener)

    def remove_listener(self, listener: Callable[[JournalEntry], None]) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _tell(self, entry: JournalEntry) -> None:
        for listener in list(self._listeners):
            try:
                listener(entry)
            except Exception:  # a listener's bug must not undo the record
                log.exception("journal listener failed")

    def begin(self, task_id: str, action: Action, params: dict[str, Any] | None = None) -> JournalEntry:
        """Record the action before it is sent; :class:`ActionBusy` when the task has an open one;
        the store's :class:`StoreError` when it cannot be written (then nothing may be sent)."""
        self._write_unsaved()
        now = self._clock()
        key = str(uuid.uuid4())
        text = json.dumps(params or {}, sort_keys=True, ensure_ascii=False)
        action_id, busy = self._store.add_action(task_id, action.value, text, key, Phase.SENDING.value, now)
        if busy is not None:
            raise ActionBusy(entry_from_row(busy))
        entry = JournalEntry(action_id, task_id, action, dict(params or {}), key, Phase.SENDING, now, now)
        log.info("journal: %s on %s recorded (#%d)", action, task_id, action_id)
        self._tell(entry)
        return entry

    def settle(self, entry: JournalEntry, phase: Phase, detail: str = "") -> JournalEntry:
        """The entry in its new phase, told to the listeners even when the store cannot write it."""
        now = self._clock()
        changed = JournalEntry(
            entry.id,
            entry.task_id,
            entry.action,
            entry.params,
            entry.key,
            phase,
            entry.started_at,
            now,
            detail,
        )
        log.info("journal: #%d %s -> %s", entry.id, entry.action, phase)
        self._unsaved[entry.id] = changed
        self._write_unsaved()
        self._tell(changed)
        return changed

    def _write_unsaved(self) -> None:
        for entry in list(self._unsaved.values()):
            try:
                self._store.set_action_phase(entry.id, entry.phase.value, entry.detail, entry.updated_at)
            except StoreError as exc:
                log.warning("journal: #%d %s not written yet: %s", entry.id, entry.phase, exc.detail or exc)
                return
            self._unsaved.pop(entry.id, None)

    def _read(self, rows: Iterable[Iterable[Any]]) -> list[JournalEntry]:
        """Entries from the store's rows, with the phases it could not write yet."""
        entries = [entry_from_row(row) for row in rows]
        return [self._unsaved.get(entry.id, entry) for entry in entries]

    def open_for(self, task_id: str) -> JournalEntry | None:
        found = [e for e in self._read(self._store.action_rows(task_id=task_id, open_only=True)) if e.is_open]
        return found[-1] if found else None

    def latest(self, task_id: str, action: Action | None = None) -> JournalEntry | None:
        """The newest entry of the task (of that action), whatever its phase."""
        for entry in reversed(self._read(self._store.action_rows(task_id=task_id))):
            if action is None or entry.action == action:
                return entry
        return None

    def entries(self, task_id: str) -> list[JournalEntry]:
        return self._read(self._store.action_rows(task_id=task_id))

    def open_entries(self) -> list[JournalEntry]:
        return [e for e in self._read(self._store.action_rows(open_only=True)) if e.is_open]

    def after_restart(self) -> list[JournalEntry]:
        """At start: an action still ``sending`` was cut off (kill, crash, quit) — unsure now.
        Returns every open entry, for the controller to check against the server."""
        found = []
        for entry in self.open_entries():
            if entry.phase == Phase.SENDING:
                entry = self.settle(entry, Phase.UNSURE, "The app stopped before AITasker's answer was read.")
            found.append(entry)
        return found


def is_unclear(exc: BaseException) -> bool:
    """An answer that does not say whether the action happened: a timeout or a dropped connection
    after the request may have left, or a server error (it may have applied it before failing)."""
    return isinstance(exc, OutcomeUnknown | ServerError | asyncio.CancelledError)


def phase_after(exc: BaseException) -> Phase:
    """The phase an action is in after its request raised ``exc``."""
    if isinstance(exc, Offline):
        return Phase.NOT_SENT  # the connection failed before anything left
    if is_unclear(exc):
        return Phase.UNSURE
    if isinstance(exc, ApiError):
        return Phase.REFUSED
    return Phase.UNSURE  # anything else: we cannot say it did not leave


@dataclass
class Checking:
    """How an unsure action is settled: pauses between reads of the server's state (monotonic
    seconds), and how long the server's "nothing changed" must hold before it counts as "did not
    happen" (a server may apply an accepted action a little later)."""

    pauses: tuple[float, ...] = (2.0, 4.0, 8.0, 15.0, 30.0, 60.0)
    quiet_for: float = 90.0
    sleep: Callable[[float], Awaitable[None]] = field(default=asyncio.sleep)
    monotonic: Callable[[], float] = field(default=time.monotonic)


async def check_until_settled(
    journal: ActionJournal,
    entry: JournalEntry,
    read_verdict: Callable[[JournalEntry], Awaitable[Verdict]],
    checking: Checking | None = None,
) -> JournalEntry:
    """Read the server's state (never resend) until it says whether ``entry`` happened.

    A read that fails (offline, a 5xx) is just another "cannot tell". "Did not happen" is accepted
    only once the server has shown no sign of it for ``quiet_for`` seconds since it was first read
    (time spent unable to read it does not count), so a server that applies an accepted request a
    little later is not mistaken for a lost one.
    """
    how = checking or Checking()
    if entry.phase != Phase.UNSURE:
        entry = journal.settle(entry, Phase.UNSURE, entry.detail)
    began: float | None = None  # the first read that showed the server's state
    attempt = 0
    while True:
        try:
            verdict = await read_verdict(entry)
        except ApiError as exc:
            log.info("journal: checking #%d failed: %s", entry.id, exc.detail or exc)
            verdict = Verdict.CANNOT_TELL
        if verdict is Verdict.HAPPENED:
            return journal.settle(entry, Phase.DONE, "AITasker's state shows it happened.")
        if verdict is Verdict.NO_SIGN and began is None:
            began = how.monotonic()
        if verdict is Verdict.RULED_OUT or (
            verdict is Verdict.NO_SIGN and began is not None and how.monotonic() - began >= how.quiet_for
        ):
            return journal.settle(entry, Phase.NOT_DONE, "AITasker's state shows it did not happen.")
        pause = how.pauses[min(attempt, len(how.pauses) - 1)]
        attempt += 1
        await how.sleep(pause)
