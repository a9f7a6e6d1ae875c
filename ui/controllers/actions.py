"""Every action that moves money or commits the person, carried out once (app.actions's journal).

The controller owns the requests, not the windows: a window that closes stops listening, the request
the person confirmed goes on. An unclear answer is settled by reading the server's state in the
background (never by sending again); what was still open when the app stopped is checked at the next
start. Quit while a request is on its way asks first, as posting does.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from app.actions import (
    Action,
    ActionJournal,
    Checking,
    JournalEntry,
    Phase,
    Verdict,
    check_until_settled,
    phase_after,
)
from app.api.errors import ApiError
from ui.i18n import translate
from ui.windows.async_dialog import ask

log = logging.getLogger(__name__)

Reader = Callable[[JournalEntry], Awaitable[Verdict]]


class Outcome:
    """What came of one action: its entry as settled so far, and the server's refusal if any."""

    def __init__(self, entry: JournalEntry, error: ApiError | None = None) -> None:
        self.entry = entry
        self.error = error


class ActionsController(QObject):
    """``changed(entry)`` for every new entry and change of phase (windows redraw their buttons);
    ``quitChosen`` once the person chose to quit while a request was on its way."""

    changed = Signal(object)
    quitChosen = Signal()

    def __init__(self, parent: QWidget, journal: ActionJournal, *, checking: Checking | None = None) -> None:
        super().__init__(parent)
        self._parent = parent
        self.journal = journal
        self._checking = checking
        self._sending: dict[int, asyncio.Task[Any]] = {}  # entry id -> its request
        self._checks: dict[int, asyncio.Task[Any]] = {}  # entry id -> its settling by reading
        self._readers: dict[Action, Reader] = {}
        self._quit_chosen = False
        self._asking = False
        self._closing = False
        journal.add_listener(self.changed.emit)

    # --- carrying one out ------------------------------------------------------------------------

    def set_reader(self, action: Action, reader: Reader) -> None:
        """How to tell from the server's state whether an unsure ``action`` happened."""
        self._readers[action] = reader

    async def perform(
        self,
        task_id: str,
        action: Action,
        params: dict[str, Any],
        send: Callable[[str], Awaitable[object]],
    ) -> Outcome:
        """Record, then send once with the record's idempotency key. :class:`app.actions.ActionBusy`
        when the task has an open action. Unsure: checking starts in the background and the outcome
        returned says ``unsure``; its end arrives through :attr:`changed`. The request belongs to
        this controller: cancelling the caller (a closed window) does not cancel it."""
        entry = self.journal.begin(task_id, action, params)
        job = asyncio.ensure_future(self._send(entry, send))
        self._sending[entry.id] = job
        job.add_done_callback(lambda _job: self._sent(entry.id))
        return await asyncio.shield(job)

    async def _send(self, entry: JournalEntry, send: Callable[[str], Awaitable[object]]) -> Outcome:
        try:
            await send(entry.key)
        except (Exception, asyncio.CancelledError) as exc:
            phase = phase_after(exc)
            detail = getattr(exc, "detail", "") or type(exc).__name__
            entry = self.journal.settle(entry, phase, detail)
            if phase == Phase.UNSURE and not self._closing:
                self._check(entry)
            if isinstance(exc, asyncio.CancelledError):
                raise
            return Outcome(entry, exc if isinstance(exc, ApiError) else None)
        return Outcome(self.journal.settle(entry, Phase.DONE))

    def _sent(self, entry_id: int) -> None:
        self._sending.pop(entry_id, None)
        if self._quit_chosen and not self._sending and not self._closing:
            self.quitChosen.emit()  # "wait, then quit": the last request has its answer

    def _check(self, entry: JournalEntry) -> None:
        reader = self._readers.get(entry.action)
        if reader is None or entry.id in self._checks:
            log.info("actions: #%d %s stays unsure until it can be checked", entry.id, entry.action)
            return
        job = asyncio.ensure_future(check_until_settled(self.journal, entry, reader, self._checking))
        self._checks[entry.id] = job
        job.add_done_callback(lambda _job: self._checks.pop(entry.id, None))

    def check_open(self) -> None:
        """Check every open action (at start, and again when the connection or readers change):
        one cut off by a kill or a quit is unsure now and is settled by reading."""
        for entry in self.journal.after_restart():
            self._check(entry)

    def sending(self, task_id: str) -> bool:
        return any(e.task_id == task_id and e.phase == Phase.SENDING for e in self.journal.open_entries())

    # --- quitting ----------------------------------------------------------------------------------

    def holds_close(self) -> bool:
        """A request the person confirmed is on its way, and they have not chosen to quit."""
        return bool(self._sending) and not self._quit_chosen

    def ask_to_quit(self) -> None:
        if self._asking:
            return
        self._asking = True
        asyncio.ensure_future(self._ask_to_quit())

    async def _ask_to_quit(self) -> None:
        try:
            wait = await ask(
                self._parent,
                translate("ActionsController", "Quit"),
                translate(
                    "ActionsController",
                    "A request you confirmed is on its way to AITasker. Quit when its answer is in, or quit "
                    "now? If you quit now, the app checks at its next start what AITasker did with it.",
                ),
                translate("ActionsController", "Wait, then quit"),
                translate("ActionsController", "Quit now"),
            )
            self._quit_chosen = True
            if not wait or not self._sending:
                self.quitChosen.emit()
        finally:
            self._asking = False

    async def shutdown(self) -> None:
        """Stop checking (it resumes at the next start); a request still on its way is cut off and
        recorded as unsure, to be checked at the next start."""
        self._closing = True
        self.journal.remove_listener(self.changed.emit)
        jobs = [*self._sending.values(), *self._checks.values()]
        for job in jobs:
            job.cancel()
        if jobs:
            await asyncio.gather(*jobs, return_exceptions=True)
