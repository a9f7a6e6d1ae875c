"""The work behind one review (a window of its own, or the task window's Versions): reading the gallery
and what the server allows, the pictures, and what the person asks for there — choose a version (asked
first, sent once), a new round of versions, more time. Every request goes through the action journal
(ui/controllers/actions.py): recorded before it is sent, one open per task, an unclear answer settled by
reading, never by sending again; closing the window does not cancel it. The window only shows; this
object talks to the server. Texts keep the ``ReviewWindow`` translation context (shown in that window)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime
from functools import partial
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from app.actions import NOT_RECORDED, Action, ActionBusy, JournalEntry, Phase
from app.api.errors import ApiError
from app.api.schema import Task
from app.images import ImageError
from app.review.artifacts import classify_artifacts
from app.review.gallery import Bid, Gallery
from app.review.operations import ReviewOperations
from app.review.service import ReviewService
from app.store.disk_errors import StoreError
from ui.controllers import review_words as rw
from ui.controllers.actions import ActionsController, Outcome
from ui.controllers.pictures import PictureLoader
from ui.controllers.review_words import said
from ui.i18n import Words, clock_or_nothing, fill, money, translate, words
from ui.widgets.pictures import PictureRefused
from ui.widgets.version_text import agent, plain_amount, possessive
from ui.windows.async_dialog import ask
from ui.windows.review.window import ReviewWindow

log = logging.getLogger(__name__)


class TaskReview(QObject):
    """One task's review: its window and the requests behind it. ``chosen(task_id)`` after a choice
    went through; ``closed(task_id)`` when the window closed (its requests are cancelled)."""

    chosen = Signal(str)
    closed = Signal(str)

    def __init__(
        self,
        task: Task,
        service: ReviewService,
        pictures: PictureLoader,
        actions: ActionsController,
        parent: QWidget | None = None,
        *,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        embedded: bool = False,  # the window is a part of the task window (its Versions)
    ) -> None:
        super().__init__(parent)
        self.task = task
        self._service = service
        self._pictures = pictures
        self._actions = actions
        self._now = now
        self._unsure: set[int] = set()  # journal entries this window said it is checking
        self._gallery: Gallery | None = None
        self._operations: ReviewOperations | None = None
        self._busy = False
        self._closed = False
        self._jobs: set[asyncio.Task[Any]] = set()
        self._loading: set[str] = set()  # pictures on their way
        self._retry: set[str] = set()  # pictures that failed, asked for again (Refresh)
        self.window = ReviewWindow(task, parent, now=now, embedded=embedded)
        self.window.chooseRequested.connect(lambda bid: self._spawn(self.choose(bid)))
        self.window.remixRequested.connect(lambda: self._spawn(self._run_extra("remix")))
        self.window.extendRequested.connect(lambda: self._spawn(self._run_extra("extend")))
        self.window.refreshRequested.connect(self.refresh)
        self.window.pictureOpened.connect(self._open_picture)
        self.window.closed.connect(self._window_closed)
        actions.changed.connect(self._action_changed)
        self._update_hold()
        open_entry = actions.journal.open_for(task.id)
        if open_entry is not None and open_entry.phase == Phase.UNSURE:
            self._say_checking(open_entry)  # cut off last time (a kill, a quit): being checked

    # --- life ----------------------------------------------------------------------------------

    def _spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        job = asyncio.ensure_future(coro)
        self._jobs.add(job)
        job.add_done_callback(self._jobs.discard)
        job.add_done_callback(self._report_crash)
        return job

    @staticmethod
    def _report_crash(job: asyncio.Task[Any]) -> None:
        if not job.cancelled() and job.exception() is not None:
            log.error("review: unexpected error", exc_info=job.exception())

    def start(self) -> None:
        """Load the gallery and what the server allows (in the background)."""
        self.reload()

    def reload(self) -> None:
        self._spawn(self.load())

    def refresh(self) -> None:
        """The person pressed Refresh: the versions again, and the pictures that failed tried again."""
        self._retry.update(self.window.forget_failed_pictures())
        self.reload()

    def close(self) -> None:
        if shiboken6.isValid(self.window):
            self.window.close()

    def _window_closed(self, task_id: str) -> None:
        """The window's own reads stop; a request the person confirmed goes on (the actions
        controller owns it) and its answer is recorded."""
        self._closed = True
        self._actions.changed.disconnect(self._action_changed)
        for job in list(self._jobs):
            job.cancel()
        self.closed.emit(task_id)

    def _alive(self) -> bool:
        return not self._closed and shiboken6.isValid(self.window)

    def update_task(self, task: Task) -> None:
        """A fresher copy of the task (from the table's refresher): the window follows."""
        if task.id != self.task.id:
            return
        changed = task.status != self.task.status
        self.task = task
        self.window.update_task(task)
        if changed:
            self.reload()  # e.g. chosen on the website, or the review ran out

    # --- loading -------------------------------------------------------------------------------

    async def load(self) -> None:
        self.window.show_loading()
        operations_job = self._spawn(self._service.operations()) if self._operations is None else None
        try:
            gallery = await self._service.gallery(self.task.id)
        except ApiError as exc:
            log.info("review gallery: %s", exc.detail)
            self.window.say(said(rw.NOT_LOADED, partial(words, exc.user_message)), exc.detail)
            gallery = None
        if operations_job is not None:
            try:
                self._operations = await operations_job
            except ApiError as exc:  # operations() reports problems as "unreadable", but be safe
                self._operations = ReviewOperations("unreadable", detail=exc.detail)
        if not self._alive():
            return
        if gallery is not None:
            self._show_gallery(gallery)
        if self._operations is not None:
            self.window.show_operations(self._operations)

    def _show_gallery(self, gallery: Gallery) -> None:
        self._gallery = gallery
        if gallery.task is not None and gallery.task.id == self.task.id:
            self.task = gallery.task
        base = self._service.api_url
        artifacts = {bid.id: classify_artifacts(bid.artifacts, base) for bid in gallery.presented}
        self.window.show_gallery(gallery, artifacts)
        for url in self.window.pictures_wanted():
            cached = self._pictures.cached(url)
            if cached is not None:
                self.window.show_picture(url, cached)  # already here: onto the new rows at once
            elif url not in self._loading:
                self._spawn(self._load_picture(url))

    async def _load_picture(self, url: str, *, opening: Words = "") -> None:
        """Fetch and decode one picture (shared with every other window); ``opening``: the title of
        the larger view the person asked for, shown when it is ready."""
        again = url in self._retry
        self._retry.discard(url)
        self._loading.add(url)
        try:
            pixmap = await self._pictures.picture(url, lambda a: self._service.picture(self.task.id, a, again=again))
        except (ImageError, PictureRefused) as exc:
            if self._alive():
                self.window.picture_failed(url, str(exc))
            return
        finally:
            self._loading.discard(url)
        if self._alive():
            self.window.show_picture(url, pixmap)
            if opening:
                self.window.show_large(pixmap, opening)

    def _open_picture(self, url: str, title: Words) -> None:
        pixmap = self._pictures.cached(url)
        if pixmap is not None:
            self.window.show_large(pixmap, title)
        else:  # it left the shared cache meanwhile: made again, then shown
            self._spawn(self._load_picture(url, opening=title))

    # --- choosing ------------------------------------------------------------------------------

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        if self._alive():
            self.window.set_busy(busy)

    async def choose(self, bid: Bid) -> None:
        ops = self._operations
        if ops is None or ops.select is None or self._busy or bid.local_key:  # a key made here names nothing
            return
        amount = plain_amount(bid.bid_price_usd)
        price = fill(translate("ReviewWindow", " for %1"), money(amount)) if amount is not None else ""
        self._set_busy(True)  # one question at a time; no second click while it is open
        try:
            confirmed = await ask(
                self.window,
                translate("ReviewWindow", "Choose this version"),
                # (%3: the agent's name, for languages that say "the version by …")
                fill(translate("ReviewWindow", "Choose %1 version%2?"), possessive(bid), price, agent(bid)),
                translate("ReviewWindow", "Choose"),
                translate("ReviewWindow", "Cancel"),
            )
            if not confirmed or not self._alive():
                return
            if self._review_over():  # the question stayed open past the deadline: nothing is sent
                self.window.say(said(rw.TOO_LATE))
                return
            self.window.say(said(rw.SENDING_CHOICE))
            select, task_id = ops.select, self.task.id
            outcome = await self._perform(
                Action.CHOOSE, {"version": bid.id}, lambda key: self._service.choose(select, task_id, bid.id, key=key)
            )
            if outcome is None or not self._alive():
                return
            entry, error = outcome.entry, outcome.error
            if entry.phase == Phase.DONE:
                self.window.say(said(rw.CHOSEN, partial(possessive, bid), agent(bid)))
                self.chosen.emit(self.task.id)
                await self.load()
            elif entry.phase == Phase.NOT_SENT:
                self.window.say(said(rw.NOT_SENT), entry.detail)
            elif entry.phase == Phase.REFUSED and error is not None:
                self.window.say(said(rw.REFUSED, partial(words, error.user_message)), error.detail)
            else:
                self._say_checking(entry)
        finally:
            self._set_busy(False)

    # --- the journal: one open action per task, unclear answers settled by reading -----------------

    async def _perform(self, action: Action, params: dict[str, Any], send: Callable[[str], Any]) -> Outcome | None:
        """Through the action journal; None when another request for this task is still open."""
        try:
            return await self._actions.perform(self.task.id, action, params, send)
        except ActionBusy:
            if self._alive():
                self.window.say(said(rw.BUSY))
            return None
        except StoreError as exc:  # not written down (a full disk): nothing was sent
            if self._alive():
                told = exc.user_message
                self.window.say(lambda: fill(translate("messages", NOT_RECORDED), told), exc.detail)
            return None

    def _review_over(self) -> bool:
        closes = self.task.expires_at
        return self.task.status != "review" or (closes is not None and closes <= self._now())

    def _say_checking(self, entry: JournalEntry) -> None:
        self._unsure.add(entry.id)
        self.window.say(
            said(rw.CHECKING_CHOICE if entry.action == Action.CHOOSE else rw.CHECKING_REQUEST), entry.detail
        )
        self._update_hold()

    def _update_hold(self) -> None:
        """The buttons follow the journal: nothing while a request is open, no second choice after one
        was accepted (a server may apply it a little later)."""
        if not self._alive():
            return
        journal = self._actions.journal
        reason: Words = ""
        open_entry = journal.open_for(self.task.id)
        choice = journal.latest(self.task.id, Action.CHOOSE)
        if open_entry is not None and open_entry.phase == Phase.UNSURE:
            reason = said(rw.WAITING)
        elif open_entry is not None:
            reason = said(rw.SENDING)
        elif choice is not None and choice.phase == Phase.DONE:
            reason = said(rw.APPLYING)
        self.window.hold_actions(reason)

    def _action_changed(self, entry: JournalEntry) -> None:
        if entry.task_id != self.task.id or not self._alive():
            return
        self._update_hold()
        if entry.phase == Phase.UNSURE and entry.id not in self._unsure:
            self._say_checking(entry)  # e.g. found open at start
        elif entry.id in self._unsure and not entry.is_open:
            self._unsure.discard(entry.id)
            if entry.phase == Phase.DONE:
                self.window.say(said(rw.HAS_CHOICE if entry.action == Action.CHOOSE else rw.HAS_REQUEST))
                if entry.action == Action.CHOOSE:
                    self.chosen.emit(self.task.id)
            else:
                self.window.say(said(rw.CHOICE_LOST if entry.action == Action.CHOOSE else rw.REQUEST_LOST))
            self.reload()

    async def _run_extra(self, which: str) -> None:
        ops, gallery = self._operations, self._gallery
        operation = getattr(ops, which, None) if ops else None
        if operation is None or gallery is None or self._busy:
            return
        if which == "remix":
            fee = plain_amount(gallery.remix_fee_usd)
            question = (
                fill(translate("ReviewWindow", "Ask for a new round of versions for %1?"), money(fee))
                if fee is not None
                else translate("ReviewWindow", "Ask for a new round of versions?")
            )
        else:
            question = translate("ReviewWindow", "Ask for more time to choose?")
        self._set_busy(True)
        try:
            if (
                not await ask(
                    self.window,
                    translate("ReviewWindow", "Review"),
                    question,
                    translate("ReviewWindow", "Ask"),
                    translate("ReviewWindow", "Cancel"),
                )
                or not self._alive()
            ):
                return
            task_id = self.task.id
            if which == "extend":
                action = Action.EXTEND
                params: dict[str, Any] = {
                    "closes_at": self.task.expires_at.isoformat() if self.task.expires_at else None,
                    "extensions_used": gallery.review_extensions_used,
                }
            else:
                action, params = Action.REMIX, {"versions_made": gallery.total_bids_generated}
            outcome = await self._perform(action, params, lambda key: self._service.run(operation, task_id, key=key))
            if outcome is None or not self._alive():
                return
            if outcome.entry.is_open:
                self._say_checking(outcome.entry)
                return
            if outcome.entry.phase != Phase.DONE:
                error = outcome.error
                self.window.say(
                    partial(words, error.user_message) if error else outcome.entry.detail, outcome.entry.detail
                )
                return
            await self.load()
            if which == "extend":
                at = clock_or_nothing(self.task.expires_at)  # as every time in the window is written
                self.window.say(said(rw.MORE_TIME_UNTIL, at) if at else said(rw.MORE_TIME))
            else:
                self.window.say(said(rw.NEW_ROUND))
        finally:
            self._set_busy(False)
