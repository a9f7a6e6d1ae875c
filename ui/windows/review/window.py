"""The review of one task: the versions agents made, and choosing one.

A window of its own (non-modal): the task's title and time left, a line of facts, a message line,
the versions (:class:`VersionsPanel`) and the buttons. It shows what it is told (the task, the
gallery, what the server allows, pictures, messages) and says what the person asked for
(``chooseRequested(bid)``, ``remixRequested``, ``extendRequested``, ``refreshRequested``,
``pictureOpened(url, title)``); :mod:`ui.controllers.task_review` does the work.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.api.schema import Task, status_info
from app.review.alerts import CLOSING_SOON, task_name
from app.review.artifacts import Artifact
from app.review.gallery import Bid, Gallery
from app.review.operations import WEBSITE_URL, ReviewOperations
from app.server_text import isolate
from app.tasks import life
from app.tasks.status_words import explanation
from app.timefmt import expires_in_words
from ui.i18n import Words, clock_or_nothing, fill, money, words
from ui.i18n import say as said_now
from ui.theme import set_tone
from ui.widgets import accessibility
from ui.widgets.image_viewer import ImageViewer
from ui.widgets.plain_label import plain_label
from ui.widgets.screen_fit import keep_on_screen_when_shown, place
from ui.widgets.version_text import plain_amount
from ui.widgets.wrapping_row import WrappingRow
from ui.windows.review.versions import VersionsPanel

__all__ = ["ReviewWindow"]

REVIEW_SIZE = QSize(900, 640)


class ReviewWindow(QWidget):
    """The review of one task; ``closed(task_id)`` when it closes."""

    chooseRequested = Signal(object)  # the Bid the person wants, after the window checked it may be chosen
    remixRequested = Signal()
    extendRequested = Signal()
    refreshRequested = Signal()
    pictureOpened = Signal(str, object)  # url, title (ui.i18n.Words)
    closed = Signal(str)

    def __init__(
        self,
        task: Task,
        parent: QWidget | None = None,
        *,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        embedded: bool = False,
    ) -> None:
        """``embedded``: a part of another window (the task window's Versions), not a window."""
        super().__init__(parent, Qt.WindowType.Widget if embedded else Qt.WindowType.Window)
        accessibility.install()  # announced as a window (a plain widget would be a "filler")
        self.setObjectName("reviewWindow")
        self.task = task
        self._now = now
        self.gallery: Gallery | None = None
        self.operations: ReviewOperations | None = None
        self._busy = False
        self._held: Words = ""  # why no action can be sent now (app.actions), "" when nothing holds them
        self._loading_said = False
        self._closed_once = False
        self._embedded = embedded

        self.title = plain_label("", "reviewTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.closes = plain_label("", "reviewCloses", selectable=False)
        self.facts = plain_label("", "reviewFacts", selectable=False)
        self.message = plain_label("", "reviewMessage")
        self.message.hide()

        self.versions = VersionsPanel()
        self.versions.currentChanged.connect(self._update_buttons)
        self.versions.pictureOpened.connect(self.pictureOpened)

        self.choose_button = QPushButton()
        self.choose_button.setObjectName("chooseButton")
        self.choose_button.setEnabled(False)
        self.choose_button.clicked.connect(self._choose_clicked)
        self.remix_button = QPushButton()
        self.remix_button.setObjectName("remixButton")
        self.remix_button.hide()
        self.remix_button.clicked.connect(self.remixRequested)
        self.extend_button = QPushButton()
        self.extend_button.setObjectName("extendButton")
        self.extend_button.hide()
        self.extend_button.clicked.connect(self.extendRequested)
        self.refresh_button = QPushButton()
        self.refresh_button.setObjectName("reviewRefresh")
        self.refresh_button.clicked.connect(self.reload)
        self._close_button = close_button = QPushButton()
        close_button.clicked.connect(self.close)

        self.website = QFrame()
        self.website.setObjectName("websiteFallback")
        website_layout = QHBoxLayout(self.website)
        website_layout.setContentsMargins(0, 0, 0, 0)
        self._website_words = plain_label("", selectable=False)
        website_layout.addWidget(self._website_words, 1)
        self.website_button = QPushButton()
        self.website_button.setObjectName("websiteButton")
        self.website_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl(WEBSITE_URL)))
        website_layout.addWidget(self.website_button)
        self.website.hide()

        # One row, or two where the window is narrow (a small screen): Choose and Close always in reach.
        buttons = WrappingRow(
            [self.refresh_button, self.remix_button, self.extend_button], [self.choose_button, close_button]
        )
        close_button.setVisible(not embedded)  # the task window has its own Close
        self.title.setVisible(not embedded)  # and its own title

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.closes)
        layout.addWidget(self.facts)
        layout.addWidget(self.message)
        layout.addWidget(self.versions, 1)
        layout.addWidget(self.website)
        layout.addWidget(buttons)

        if not embedded:  # (embedded: the task window's Esc and F5)
            QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
            QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.reload)
        self._tick = QTimer(self)
        self._tick.setInterval(15_000)
        self._tick.timeout.connect(self._show_task)
        self._tick.start()
        self._artifacts: dict[str, list[Artifact]] = {}
        self._said: tuple[Words, str] = ("", "")
        self._said_at = life.step(task)  # a message said then goes once the task has moved past it
        self._say_words()
        self._show_task()
        if not embedded:
            place(self, None, REVIEW_SIZE)  # its designed size where the screen has room, smaller where not
            keep_on_screen_when_shown(self)

    def changeEvent(self, event: QEvent) -> None:
        """A new language: its words, the task's time line, the versions and the last message again."""
        if event.type() == QEvent.Type.LanguageChange:
            self._say_words()
            self._show_task()
            if self.gallery is not None:
                self.show_gallery(self.gallery, self._artifacts)
            if self._said[0]:
                self.say(*self._said)
        super().changeEvent(event)

    def _say_words(self) -> None:
        self.choose_button.setText(self.tr("&Choose this version"))
        self.remix_button.setText(self.tr("Ask for a new &round"))
        self.extend_button.setText(self.tr("Ask for more &time"))
        self.refresh_button.setText(self.tr("Re&fresh"))
        self._close_button.setText(self.tr("Close"))
        self._website_words.setText(self.tr("Choosing a version is done on AITasker's website."))
        self.website_button.setText(self.tr("Open AITasker's &website"))

    # --- what the person asks for ---------------------------------------------------------------

    def reload(self) -> None:
        """Refresh (F5, the button): read the versions again."""
        self.refreshRequested.emit()

    def _choose_clicked(self) -> None:
        bid = self.current_bid()
        if bid is not None and self.choose_button.isEnabled():
            self.chooseRequested.emit(bid)

    def closeEvent(self, event: Any) -> None:
        self._tick.stop()
        if not self._closed_once:  # (a part of a task window may be closed again with its window)
            self._closed_once = True
            self.closed.emit(self.task.id)
        super().closeEvent(event)

    # --- what it is told ------------------------------------------------------------------------

    def update_task(self, task: Task) -> None:
        """A fresher copy of the task: the time line and buttons follow."""
        if task.id != self.task.id:
            return
        self.task = task
        if self._said[0] and life.past(self._said_at, task):
            self.say("")
        self._show_task()
        if self.gallery is not None:  # "to choose from", extensions left: only while choosing
            self.facts.setText(" · ".join(self._facts(self.gallery, len(self.gallery.presented))))

    def show_loading(self) -> None:
        if self.gallery is None:
            self.say(self._loading_words)

    def _loading_words(self) -> str:
        return self.tr("Loading the versions…")

    def show_operations(self, operations: ReviewOperations) -> None:
        self.operations = operations
        self._update_buttons()

    def set_busy(self, busy: bool) -> None:
        """While a question is open or a request is on its way, no other choice can start."""
        self._busy = busy
        self._update_buttons()

    def hold_actions(self, reason: Words) -> None:
        """Why nothing can be asked of AITasker here now (a request whose answer is not settled, a
        choice already sent), or "" when the server's state alone decides."""
        self._held = reason
        self._update_buttons()

    def say(self, message: Words, detail: str = "") -> None:
        """What just happened (given as what makes it, it is said again in a new language)."""
        self._loading_said = message == self._loading_words  # (cleared by the versions when they come)
        self._said, self._said_at = (message, detail), life.step(self.task)
        text = said_now(message)
        self.message.setText(text)
        self.message.setToolTip(detail)
        self.message.setVisible(bool(text))

    def show_gallery(self, gallery: Gallery, artifacts: dict[str, list[Artifact]]) -> None:
        self.gallery = gallery
        self._artifacts = artifacts
        if gallery.task is not None and gallery.task.id == self.task.id:
            self.task = gallery.task
            self._show_task()
        shown = gallery.presented
        if not shown:
            self.say(
                lambda: (
                    self.tr("No versions yet. They appear here when agents have finished their first drafts.")
                    if self.task.status in ("open", "matching", "prototyping")
                    else self.tr("There are no versions to show.")
                )
            )
        elif self._loading_said:
            self.say("")
        self.facts.setText(" · ".join(self._facts(gallery, len(shown))))
        self.versions.show_versions(shown, artifacts, gallery.selected_bid.id if gallery.selected_bid else None)

    def _facts(self, gallery: Gallery, shown: int) -> list[str]:
        choosing = self.task.status == "review"  # after the choice (or the end) nothing is left to choose
        if choosing:
            count = (
                self.tr("1 version to choose from") if shown == 1 else self.tr("%n versions to choose from", "", shown)
            )
        else:
            count = self.tr("1 version") if shown == 1 else self.tr("%n versions", "", shown)
        if gallery.total_bids_generated and gallery.total_bids_generated > shown:
            # Said, not left to guess: AITasker's judge picked these from all the agents made.
            count = fill(self.tr("%1: the best judged of the %2 that agents made"), count, gallery.total_bids_generated)
        facts = [count]
        if (gallery.model_extra or {}).get("kept"):
            facts.append(self.tr("as kept on this computer: AITasker can't show them now"))
        if gallery.remix_available and choosing:
            fee = plain_amount(gallery.remix_fee_usd)
            facts.append(
                fill(self.tr("a new round of versions costs %1"), money(fee))
                if fee is not None
                else self.tr("a new round of versions is possible")
            )
        if gallery.review_extensions_remaining and choosing:
            left = gallery.review_extensions_remaining
            facts.append(
                self.tr("1 extension of the review left")
                if left == 1
                else self.tr("%n extensions of the review left", "", left)
            )
        return facts

    def pictures_wanted(self) -> list[str]:
        return self.versions.pictures_wanted()

    def show_picture(self, url: str, pixmap: QPixmap) -> None:
        self.versions.show_picture(url, pixmap)

    def picture_failed(self, url: str, reason: str) -> None:
        self.versions.picture_failed(url, reason)

    def forget_failed_pictures(self) -> list[str]:
        """Pictures that failed show "loading…" again; returns their addresses."""
        return self.versions.forget_failed_pictures()

    def show_large(self, pixmap: QPixmap, title: Words) -> ImageViewer:
        return self.versions.show_large(pixmap, title)

    def current_bid(self) -> Bid | None:
        return self.versions.current_bid()

    # --- the task and its time ------------------------------------------------------------------

    @property
    def in_review(self) -> bool:
        now = self._now()
        return self.task.status == "review" and (self.task.expires_at is None or self.task.expires_at > now)

    def _show_task(self) -> None:
        name = isolate(task_name(self.task))
        self.setWindowTitle(fill(self.tr("Review: %1"), name))
        self.title.setText(fill(self.tr("Choose a version of ‘%1’"), name))
        now = self._now()
        warning = False
        if self.task.status == "review" and self.task.expires_at is not None:
            left = self.task.expires_at - now
            if left > timedelta(0):
                at = clock_or_nothing(self.task.expires_at)  # "" for a time this computer can't show
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
            info = status_info(self.task.status)  # and who did what, as far as the task says it
            self.closes.setText(fill(self.tr("%1: %2"), words(info.label), explanation(self.task)))
            self.closes.setProperty("warning", False)
        # The theme's error tone (readable in light and dark), bold while it warns.
        set_tone(self.closes, "error" if warning else None)
        # In the task window, whose own line says where the task is, only the review's time is said here.
        self.closes.setVisible(not self._embedded or self.task.status == "review")
        font = self.closes.font()
        font.setBold(warning)
        self.closes.setFont(font)
        self._update_buttons()

    def _update_buttons(self) -> None:
        ops = self.operations
        bid = self.current_bid()
        # Without a select operation, or for a version that came without an id, the website chooses.
        website = ops is not None and (ops.choose_on_website or (bid is not None and bid.local_key))
        self.website.setVisible(website)
        self.choose_button.setVisible(not website)
        reason = ""
        if ops is None:
            reason = self.tr("Checking what AITasker allows…")
        elif self._busy:
            reason = self.tr("Sending…")
        elif self._held:
            reason = said_now(self._held)
        elif bid is None:
            reason = self.tr("There is no version to choose yet.")
        elif self.gallery is not None and self.gallery.selected_bid is not None:
            reason = self.tr("A version has already been chosen.")
        elif bid.local_key:
            reason = self.tr(
                "AITasker sent this version without a reference, so it can be chosen only on AITasker's website."
            )
        elif not self.in_review:
            reason = self.tr("Versions can be chosen only while the task waits for your review.")
        self.choose_button.setEnabled(not reason)
        self.choose_button.setToolTip(reason)
        gallery = self.gallery
        can_more = ops is not None and not self._busy and not self._held and self.in_review and gallery is not None
        self.remix_button.setVisible(bool(can_more and ops and ops.remix and gallery and gallery.remix_available))
        self.extend_button.setVisible(
            bool(can_more and ops and ops.extend and gallery and gallery.review_extensions_remaining)
        )
