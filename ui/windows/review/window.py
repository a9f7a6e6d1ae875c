"""The review of one task: the versions agents made, and choosing one.

A window of its own (non-modal): the list of presented versions on the left (agent, tier, price,
score, a thumbnail), the selected version's card on the right (summary, the agent's message, the
score in words, what they made: text as typed, pictures that open larger, links that open in the
browser only when clicked). "Choose this version" (Alt+C) asks first. Everything slow (the
gallery, the server's operations, pictures) runs in the background; the window never waits.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime, timedelta
from typing import Any

import shiboken6
from PySide6.QtCore import QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.api.errors import ApiError
from app.api.schema import Task, status_info
from app.images import ImageError
from app.review.alerts import CLOSING_SOON, closes_at, task_name
from app.review.artifacts import Artifact, classify_artifacts
from app.review.gallery import Gallery
from app.review.operations import WEBSITE_URL, ReviewOperations
from app.review.service import ReviewService
from app.timefmt import expires_in_words
from ui.i18n import fill, money, words
from ui.theme import set_tone
from ui.windows.review.cards import BID_ROLE, THUMB, ImageViewer, ReviewCard, _pixmap, plain_label
from ui.windows.review.choices import ReviewChoices

log = logging.getLogger(__name__)

__all__ = ["ImageViewer", "ReviewWindow"]


class ReviewWindow(ReviewCard, ReviewChoices, QWidget):
    """The review of one task. ``chosen(task_id)`` after a choice went through."""

    chosen = Signal(str)
    closed = Signal(str)

    def __init__(
        self,
        task: Task,
        service: ReviewService,
        parent: QWidget | None = None,
        *,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("reviewWindow")
        self.task = task
        self.service = service
        self._now = now
        self.gallery: Gallery | None = None
        self.operations: ReviewOperations | None = None
        self._jobs: set[asyncio.Task[Any]] = set()
        self._pixmaps: dict[str, QPixmap] = {}
        self._image_errors: dict[str, str] = {}
        self._artifacts: dict[str, list[Artifact]] = {}
        self._card_images: dict[str, list[QToolButton]] = {}
        self._busy = False
        self.resize(900, 640)

        self.title = plain_label("", "reviewTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.closes = plain_label("", "reviewCloses", selectable=False)
        self.facts = plain_label("", "reviewFacts", selectable=False)
        self.message = plain_label("", "reviewMessage")
        self.message.hide()

        self.versions = QListWidget()
        self.versions.setObjectName("versionList")
        self.versions.setAccessibleName(self.tr("Versions"))
        self.versions.setIconSize(THUMB)
        self.versions.setWordWrap(True)
        self.versions.setSpacing(3)
        self.versions.currentItemChanged.connect(lambda *_: self._show_current())

        self.card = QWidget()
        self.card.setObjectName("versionCard")
        self.card_layout = QVBoxLayout(self.card)
        self.card_layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.card)
        scroll.setFrameShape(QFrame.Shape.NoFrame)

        splitter = QSplitter()
        splitter.addWidget(self.versions)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([340, 560])

        self.choose_button = QPushButton(self.tr("&Choose this version"))
        self.choose_button.setObjectName("chooseButton")
        self.choose_button.setEnabled(False)
        self.choose_button.clicked.connect(lambda: self._spawn(self.choose()))
        self.remix_button = QPushButton(self.tr("Ask for a new &round"))
        self.remix_button.setObjectName("remixButton")
        self.remix_button.hide()
        self.remix_button.clicked.connect(lambda: self._spawn(self._run_extra("remix")))
        self.extend_button = QPushButton(self.tr("Ask for more &time"))
        self.extend_button.setObjectName("extendButton")
        self.extend_button.hide()
        self.extend_button.clicked.connect(lambda: self._spawn(self._run_extra("extend")))
        self.refresh_button = QPushButton(self.tr("Re&fresh"))
        self.refresh_button.setObjectName("reviewRefresh")
        self.refresh_button.clicked.connect(self.reload)
        close_button = QPushButton(self.tr("Close"))
        close_button.clicked.connect(self.close)

        self.website = QFrame()
        self.website.setObjectName("websiteFallback")
        website_layout = QHBoxLayout(self.website)
        website_layout.setContentsMargins(0, 0, 0, 0)
        website_layout.addWidget(
            plain_label(self.tr("Choosing a version is done on AITasker's website."), selectable=False), 1
        )
        self.website_button = QPushButton(self.tr("Open AITasker's &website"))
        self.website_button.setObjectName("websiteButton")
        self.website_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl(WEBSITE_URL)))
        website_layout.addWidget(self.website_button)
        self.website.hide()

        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.remix_button)
        buttons.addWidget(self.extend_button)
        buttons.addStretch(1)
        buttons.addWidget(self.choose_button)
        buttons.addWidget(close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.closes)
        layout.addWidget(self.facts)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.website)
        layout.addLayout(buttons)

        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.close)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, activated=self.reload)
        self._tick = QTimer(self)
        self._tick.setInterval(15_000)
        self._tick.timeout.connect(self._show_task)
        self._tick.start()
        self._show_task()

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

    def closeEvent(self, event: Any) -> None:
        for job in list(self._jobs):
            job.cancel()
        self._tick.stop()
        self.closed.emit(self.task.id)
        super().closeEvent(event)

    def _alive(self) -> bool:
        return shiboken6.isValid(self)

    # --- the task and its time -----------------------------------------------------------------

    def update_task(self, task: Task) -> None:
        """A fresher copy of the task (from the table's refresher): the time line and buttons follow."""
        if task.id != self.task.id:
            return
        changed = task.status != self.task.status
        self.task = task
        self._show_task()
        if changed:
            self.reload()  # e.g. chosen on the website, or the review ran out

    @property
    def in_review(self) -> bool:
        now = self._now()
        return self.task.status == "review" and (self.task.expires_at is None or self.task.expires_at > now)

    def _show_task(self) -> None:
        name = task_name(self.task)
        self.setWindowTitle(fill(self.tr("Review: %1"), name))
        self.title.setText(fill(self.tr("Choose a version of ‘%1’"), name))
        now = self._now()
        warning = False
        if self.task.status == "review" and self.task.expires_at is not None:
            left = self.task.expires_at - now
            if left > timedelta(0):
                at = closes_at(self.task)  # "" for a time this computer can't show
                when_words = expires_in_words(self.task.expires_at, now)
                self.closes.setText(
                    fill(self.tr("Review closes %1 (at %2)"), when_words, at)
                    if at
                    else fill(self.tr("Review closes %1"), when_words)
                )
                warning = left < CLOSING_SOON
                self.closes.setProperty("warning", warning)
            else:
                self.closes.setText(self.tr("The review has closed: the time to choose ran out."))
                warning = True
                self.closes.setProperty("warning", warning)
        elif self.task.status == "review":
            self.closes.setText(self.tr("Ready for your review."))
        else:
            info = status_info(self.task.status)
            self.closes.setText(fill(self.tr("%1: %2"), words(info.label), words(info.explanation)))
            self.closes.setProperty("warning", False)
        # The theme's error tone (readable in light and dark), bold while it warns.
        set_tone(self.closes, "error" if warning else None)
        font = self.closes.font()
        font.setBold(warning)
        self.closes.setFont(font)
        self._update_buttons()

    # --- loading -------------------------------------------------------------------------------

    def _say(self, text: str, detail: str = "") -> None:
        self.message.setText(text)
        self.message.setToolTip(detail)
        self.message.setVisible(bool(text))

    async def load(self) -> None:
        if self.gallery is None:
            self._say(self.tr("Loading the versions…"))
        operations_job = self._spawn(self.service.operations()) if self.operations is None else None
        try:
            gallery = await self.service.gallery(self.task.id)
        except ApiError as exc:
            log.info("review gallery: %s", exc.detail)
            self._say(fill(self.tr("The versions could not be loaded. %1"), words(exc.user_message)), exc.detail)
            gallery = None
        if operations_job is not None:
            try:
                self.operations = await operations_job
            except ApiError as exc:  # operations() reports problems as "unreadable", but be safe
                self.operations = ReviewOperations("unreadable", detail=exc.detail)
        if not self._alive():
            return
        if gallery is not None:
            self._set_gallery(gallery)
        self._update_buttons()

    def _set_gallery(self, gallery: Gallery) -> None:
        previous = self.current_bid()
        self.gallery = gallery
        if gallery.task is not None and gallery.task.id == self.task.id:
            self.task = gallery.task
            self._show_task()
        shown = gallery.presented
        base = self.service.api_url
        self._artifacts = {bid.id: classify_artifacts(bid.artifacts, base) for bid in shown}
        self.versions.blockSignals(True)
        self.versions.clear()
        for bid in shown:
            item = QListWidgetItem(self._item_text(bid))
            item.setData(BID_ROLE, bid.id)
            item.setSizeHint(QSize(0, THUMB.height() + 12))
            self.versions.addItem(item)
        self.versions.blockSignals(False)
        if not shown:
            self._say(
                self.tr("No versions yet. They appear here when agents have finished their first drafts.")
                if self.task.status in ("open", "matching", "prototyping")
                else self.tr("There are no versions to show.")
            )
        elif self.message.text() == self.tr("Loading the versions…"):
            self._say("")
        count = (
            self.tr("1 version to choose from")
            if len(shown) == 1
            else fill(self.tr("%1 versions to choose from"), len(shown))
        )
        if gallery.total_bids_generated and gallery.total_bids_generated > len(shown):
            count = fill(self.tr("%1 (%2 made)"), count, gallery.total_bids_generated)
        facts = [count]
        if gallery.remix_available:
            facts.append(
                fill(self.tr("a new round of versions costs %1"), money(gallery.remix_fee_usd))
                if gallery.remix_fee_usd is not None
                else self.tr("a new round of versions is possible")
            )
        if gallery.review_extensions_remaining:
            left = gallery.review_extensions_remaining
            facts.append(
                self.tr("1 extension of the review left")
                if left == 1
                else fill(self.tr("%1 extensions of the review left"), left)
            )
        self.facts.setText(" · ".join(facts))
        # Keep the version the user was looking at; else the chosen one; else the first.
        wanted = previous.id if previous else (gallery.selected_bid.id if gallery.selected_bid else None)
        row = next((i for i, bid in enumerate(shown) if bid.id == wanted), 0)
        if shown:
            first_time = self.versions.currentRow() < 0 and previous is None
            self.versions.setCurrentRow(row)
            if first_time and self.isActiveWindow():
                self.versions.setFocus()  # Up and Down move between versions at once
        self._show_current()
        for bid in shown:
            for artifact in self._artifacts[bid.id]:
                if artifact.kind != "image":
                    continue
                if artifact.url in self._pixmaps or artifact.url in self._image_errors:
                    self._apply_image(artifact.url)  # already here: onto the new rows at once
                else:
                    self._spawn(self._load_image(artifact.url))

    async def _load_image(self, url: str) -> None:
        if url in self._pixmaps or url in self._image_errors:
            return
        try:
            data = await self.service.images.fetch(url)
        except ImageError as exc:
            self._image_errors[url] = str(exc)
            pixmap = None
        else:
            pixmap = _pixmap(data)
            if pixmap is None:
                self._image_errors[url] = self.tr("This picture could not be shown.")
        if not self._alive():
            return
        if pixmap is not None:
            self._pixmaps[url] = pixmap
        self._apply_image(url)
