"""What a person can do in the review window besides looking: choose a version (asked first,
sent once; an unclear outcome is checked by reading the gallery again, never by sending again), ask
for a new round of versions or for more time, and which of those buttons are offered now.

:class:`ReviewChoices` is mixed into :class:`ui.windows.review.window.ReviewWindow`, which owns the state
it reads; its texts keep the ``ReviewWindow`` translation context."""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtWidgets import (
    QPushButton,
    QWidget,
)

from app.api.errors import ApiError, Offline, OutcomeUnknown
from app.api.schema import Task
from app.review.alerts import closes_at
from app.review.gallery import Bid, Gallery
from app.review.operations import ReviewOperations
from app.review.service import ReviewService
from ui.i18n import fill, money, translate, words
from ui.windows.async_dialog import ask

log = logging.getLogger(__name__)


class ReviewChoices:
    """Choosing a version, a new round, more time (mixed into ReviewWindow)."""

    chosen: Any  # the window's Signal(str)
    service: ReviewService
    task: Task
    gallery: Gallery | None
    operations: ReviewOperations | None
    _busy: bool
    choose_button: QPushButton
    website: QWidget
    remix_button: QPushButton
    extend_button: QPushButton
    current_bid: Callable[[], Bid | None]
    in_review: bool
    _say: Callable[..., None]
    _alive: Callable[[], bool]
    _set_gallery: Callable[[Gallery], None]
    load: Callable[[], Coroutine[Any, Any, None]]

    def _update_buttons(self) -> None:
        ops = self.operations
        bid = self.current_bid()
        website = ops is not None and ops.choose_on_website
        self.website.setVisible(website)
        self.choose_button.setVisible(not website)
        reason = ""
        if ops is None:
            reason = translate("ReviewWindow", "Checking what AITasker allows…")
        elif self._busy:
            reason = translate("ReviewWindow", "Sending…")
        elif bid is None:
            reason = translate("ReviewWindow", "There is no version to choose yet.")
        elif self.gallery is not None and self.gallery.selected_bid is not None:
            reason = translate("ReviewWindow", "A version has already been chosen.")
        elif not self.in_review:
            reason = translate("ReviewWindow", "Versions can be chosen only while the task waits for your review.")
        self.choose_button.setEnabled(not reason)
        self.choose_button.setToolTip(reason)
        can_more = ops is not None and not self._busy and self.in_review and self.gallery is not None
        self.remix_button.setVisible(
            bool(can_more and ops and ops.remix and self.gallery and self.gallery.remix_available)
        )
        self.extend_button.setVisible(
            bool(can_more and ops and ops.extend and self.gallery and self.gallery.review_extensions_remaining)
        )

    async def choose(self) -> None:
        bid = self.current_bid()
        ops = self.operations
        if bid is None or ops is None or ops.select is None or self._busy or not self.choose_button.isEnabled():
            return
        price = (
            fill(translate("ReviewWindow", " for %1"), money(bid.bid_price_usd))
            if bid.bid_price_usd is not None
            else ""
        )
        self._busy = True  # one question at a time; no second click while it is open
        self._update_buttons()
        try:
            confirmed = await ask(
                self,
                translate("ReviewWindow", "Choose this version"),
                fill(translate("ReviewWindow", "Choose %1 version%2?"), bid.possessive(), price),
                translate("ReviewWindow", "Choose"),
                translate("ReviewWindow", "Cancel"),
            )
            if not confirmed or not self._alive():
                return
            self._say(translate("ReviewWindow", "Sending your choice…"))
            try:
                await self.service.choose(ops.select, self.task.id, bid.id)
            except OutcomeUnknown as exc:
                log.warning("choice outcome unknown: %s", exc.detail)
                self._say(words(exc.user_message), exc.detail)
                await self._check_after_unclear(bid)
                return
            except Offline as exc:
                self._say(
                    translate(
                        "ReviewWindow",
                        "Can't reach AITasker, so your choice was not sent. Try again when you are back online.",
                    ),
                    exc.detail,
                )
                return
            except ApiError as exc:
                self._say(
                    fill(translate("ReviewWindow", "AITasker did not accept the choice. %1"), words(exc.user_message)),
                    exc.detail,
                )
                return
            self._say(
                fill(
                    translate("ReviewWindow", "You chose %1 version. %2 is finishing it now."),
                    bid.possessive(),
                    bid.agent,
                )
            )
            self.chosen.emit(self.task.id)
            await self.load()
        finally:
            self._busy = False
            if self._alive():
                self._update_buttons()

    async def _check_after_unclear(self, bid: Bid) -> None:
        """Re-read the gallery (a read, never a resend) to tell what happened."""
        try:
            gallery = await self.service.gallery(self.task.id)
        except ApiError as exc:
            self._say(
                translate(
                    "ReviewWindow",
                    "We can't tell whether AITasker received your choice, and checking failed too. "
                    "Press Refresh in a moment to see what AITasker shows.",
                ),
                exc.detail,
            )
            return
        if not self._alive():
            return
        self._set_gallery(gallery)
        chosen = gallery.selected_bid
        if chosen is not None:
            self._say(fill(translate("ReviewWindow", "AITasker has your choice: %1 version."), chosen.possessive()))
            self.chosen.emit(self.task.id)
        else:
            self._say(translate("ReviewWindow", "Your choice did not reach AITasker. You can choose again."))

    async def _run_extra(self, which: str) -> None:
        ops, gallery = self.operations, self.gallery
        operation = getattr(ops, which, None) if ops else None
        if operation is None or gallery is None or self._busy:
            return
        if which == "remix":
            question = (
                fill(translate("ReviewWindow", "Ask for a new round of versions for %1?"), money(gallery.remix_fee_usd))
                if gallery.remix_fee_usd is not None
                else translate("ReviewWindow", "Ask for a new round of versions?")
            )
        else:
            question = translate("ReviewWindow", "Ask for more time to choose?")
        self._busy = True
        self._update_buttons()
        try:
            if (
                not await ask(
                    self,
                    translate("ReviewWindow", "Review"),
                    question,
                    translate("ReviewWindow", "Ask"),
                    translate("ReviewWindow", "Cancel"),
                )
                or not self._alive()
            ):
                return
            try:
                await self.service.run(operation, self.task.id)
            except ApiError as exc:
                self._say(words(exc.user_message), exc.detail)
                return
            await self.load()
            if which == "extend":
                at = closes_at(self.task)
                self._say(
                    fill(translate("ReviewWindow", "You have more time: the review now closes at %1."), at)
                    if at
                    else translate("ReviewWindow", "You have more time to choose.")
                )
            else:
                self._say(translate("ReviewWindow", "Done: AITasker is preparing a new round of versions."))
        finally:
            self._busy = False
            if self._alive():
                self._update_buttons()
