"""Everything about reviews the main window needs, in one object.

- ``open_review(task)`` / ``review_next(selected)``: one review window per task, reused;
- ``task_updated(task)``: feed it the refresher's updates; it raises the review alerts (once per
  task per threshold, see :mod:`app.review.alerts`) and keeps open reviews current;
- a timer re-checks the tasks in review every 30 s (for "under ten minutes left" and the count);
- ``waiting_changed(int)``: how many tasks wait for the user ("2 need your review").

The desk keeps its own small map of the tasks in review (seeded once with :meth:`seed`, then kept by
:meth:`task_updated`), so no check ever walks the whole task list.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from app.actions import JournalEntry, Verdict
from app.review.alerts import DueAlert, ReviewAlert, ReviewAlerts, next_to_review
from app.review.verdicts import VERDICTS
from ui.desktop.notifier import Notifier
from ui.i18n import words

if TYPE_CHECKING:  # imported when a review is opened: they bring httpx, not needed for the first picture
    from app.api.schema import Task
    from app.review.service import ReviewService
    from app.store.repository import SettingsStore
    from ui.controllers.actions import ActionsController
    from ui.controllers.pictures import PictureLoader
    from ui.controllers.task_review import TaskReview
    from ui.windows.review.window import ReviewWindow

log = logging.getLogger(__name__)

CHECK_EVERY_MS = 30_000
MAX_ALERTS_AT_ONCE = 3
MAX_OPEN_REVIEWS = 8


def _closing(due: DueAlert) -> datetime:
    """When the review of an alert's task closes (one that never does: last)."""
    return due.task.expires_at or datetime.max.replace(tzinfo=UTC)


class ReviewController(QObject):
    waiting_changed = Signal(int)
    chosen = Signal(str)  # a version of this task was chosen (the table may refresh it now)

    def __init__(
        self,
        parent: QWidget,
        actions: ActionsController,
        *,
        store: SettingsStore | None = None,
        notifier: Notifier | None = None,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        check_every_ms: int = CHECK_EVERY_MS,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self.actions = actions
        for action in VERDICTS:
            actions.set_reader(action, self._read_verdict)
        self._in_review: dict[str, Task] = {}
        self._due_at_start: list[DueAlert] = []  # alerts decided while seeding (seed_part), raised when seeded
        self._now = now
        self.alerts = ReviewAlerts(store)
        self.notifier = notifier
        if notifier is not None:
            notifier.activated.connect(self._notification_clicked)
        self.service: ReviewService | None = None
        self._reviews: dict[str, TaskReview] = {}
        self._pictures: PictureLoader | None = None  # one for every review window (made with the first)
        # Who opens a task whose review notification is clicked: its task window once the task
        # windows exist; else the review window of its own.
        self.opener: Callable[[Task], object] | None = None
        self.waiting = 0
        self._timer = QTimer(self)
        self._timer.setInterval(check_every_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    @property
    def windows(self) -> dict[str, ReviewWindow]:
        """The open review windows by task ID."""
        return {task_id: review.window for task_id, review in self._reviews.items()}

    @property
    def pictures(self) -> PictureLoader | None:
        """The pictures of every window (decoded beside the window, one cache with a cap), once connected."""
        return self._pictures

    def tasks_in_review(self) -> list[Task]:
        return list(self._in_review.values())

    def seed(self, tasks: Iterable[Task]) -> None:
        """The tasks known at start (any statuses: only those in review are kept); alerts due are raised."""
        self.seed_part(tasks)
        self.seeded()

    def seed_part(self, tasks: Iterable[Task]) -> None:
        """Some of the tasks known at start (a page of many, read beside the GUI): kept, and the
        alerts due for them decided; :meth:`seeded` raises them (one summary for many) and counts.
        Each page costs as much as its tasks: none of the start's steps grows with their number."""
        now = self._now()
        page = []
        for task in tasks:
            if task.status == "review":
                self._in_review[task.id] = task
                page.append(task)
        self._due_at_start += self.alerts.due_all(page, now, waiting=len(self._in_review), save=False)

    def seeded(self) -> None:
        """Every task known at start is seeded: the alerts due are saved and raised, and counted."""
        due, self._due_at_start = self._due_at_start, []
        if due:
            self.alerts.save()
        self._send(due)
        self._count()

    def set_service(self, service: ReviewService | None) -> ReviewService | None:
        """Use this connection from now on; returns the previous service (for the caller to close)."""
        previous, self.service = self.service, service
        if service is not None and self._pictures is None:  # made here (after the first picture), not on opening
            from ui.controllers.pictures import PictureLoader

            self._pictures = PictureLoader()
        for review in list(self._reviews.values()):
            review.close()
        if service is not None:
            self.actions.check_open()  # what was still on its way when the app stopped, read again
        return previous

    async def _read_verdict(self, entry: JournalEntry) -> Verdict:
        """What the gallery says now about an unsure choose / extend / remix / cancel (a read, never
        a resend)."""
        service = self.service
        if service is None:
            return Verdict.CANNOT_TELL
        gallery = await service.gallery(entry.task_id)
        if (gallery.model_extra or {}).get("kept"):
            # AITasker could not be read: this is the copy kept on this computer, from before the
            # action, so its "nothing chosen" says nothing about what AITasker did.
            return Verdict.CANNOT_TELL
        return VERDICTS[entry.action](entry, gallery.task, gallery)

    # --- opening -----------------------------------------------------------------------------------

    def open_review(self, task: Task) -> ReviewWindow | None:
        if self.service is None:
            return None
        review = self._reviews.get(task.id)
        if review is not None and shiboken6.isValid(review.window):
            review.update_task(task)
        else:
            while len(self._reviews) >= MAX_OPEN_REVIEWS:  # the oldest review makes room
                oldest = next(iter(self._reviews))
                self._reviews[oldest].close()
                self._reviews.pop(oldest, None)
            from ui.controllers.task_review import TaskReview

            assert self._pictures is not None  # made with the service
            review = TaskReview(task, self.service, self._pictures, self.actions, self._parent, now=self._now)
            review.closed.connect(self._forget_review)
            review.chosen.connect(self.chosen.emit)
            review.chosen.connect(lambda _task_id: self.check())
            self._reviews[task.id] = review
            review.start()
        window = review.window
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def embed(self, task: Task, parent: QWidget) -> ReviewWindow | None:
        """The review of ``task`` as a part of another window (the task window's Versions), with
        the review's work behind it; it replaces a review window of its own for that task."""
        if self.service is None or self._pictures is None:
            return None
        earlier = self._reviews.get(task.id)
        if earlier is not None:
            earlier.close()  # (forgotten as it closes)
            self._reviews.pop(task.id, None)
        from ui.controllers.task_review import TaskReview

        review = TaskReview(task, self.service, self._pictures, self.actions, parent, now=self._now, embedded=True)
        review.closed.connect(self._forget_review)
        review.chosen.connect(self.chosen.emit)
        review.chosen.connect(lambda _task_id: self.check())
        self._reviews[task.id] = review
        review.start()
        return review.window

    def review_next(self, selected: Task | None = None) -> ReviewWindow | None:
        """The selected task if it waits for review, else the one whose review closes soonest."""
        task = next_to_review(self.tasks_in_review(), self._now(), selected)
        return self.open_review(task) if task is not None else None

    def _forget_review(self, task_id: str) -> None:
        review = self._reviews.pop(task_id, None)
        if review is not None:
            if shiboken6.isValid(review.window):
                review.window.deleteLater()
            review.deleteLater()

    def _notification_clicked(self, task_id: str) -> None:
        task = self._in_review.get(task_id)
        if task is not None and self.opener is not None:
            self.opener(task)
        elif task is not None:
            self.open_review(task)

    # --- news --------------------------------------------------------------------------------------

    def task_updated(self, task: Task) -> None:
        was_waiting = task.id in self._in_review
        if task.status == "review":
            self._in_review[task.id] = task
        else:
            self._in_review.pop(task.id, None)
        review = self._reviews.get(task.id)
        if review is not None and shiboken6.isValid(review.window):
            review.update_task(task)
        self._alert(task)
        if was_waiting or task.status == "review":  # only then can the count change (not on every create)
            self._count()

    def check(self) -> None:
        """Alerts due with time (under ten minutes left) and the waiting count."""
        self._send(self.alerts.due_all(self.tasks_in_review(), self._now()))  # _send puts them in order
        self._count()

    def _alert(self, task: Task) -> None:
        self._send(self.alerts.due_all([task], self._now()))

    def _send(self, due: list[DueAlert]) -> None:
        """A few alerts one by one; many at once (a first start with much waiting) as one summary,
        without writing the words of each; the one closing soonest first."""
        if len(due) > MAX_ALERTS_AT_ONCE:  # one line, not thousands (a line costs about as much as the alert)
            first = min(due, key=_closing)
            log.info("%d review alerts at once, the first for %s", len(due), first.task.id)
            if self.notifier is not None:
                self.notifier.notify(
                    ReviewAlert(
                        first.task.id,
                        first.kind,
                        words("Ready for your review"),
                        self.tr("%n tasks need your review — the first closes soonest", "", len(due)),
                    )
                )
            return
        alerts = [self.alerts.words(d) for d in sorted(due, key=_closing)]
        for alert in alerts:
            log.info("review alert for %s: %s", alert.task_id, alert.kind)
        if self.notifier is not None:
            for alert in alerts:
                self.notifier.notify(alert)

    def _count(self) -> None:
        """How many wait for review: a count, no sort (thousands of tasks in review stay cheap)."""
        now = self._now()
        waiting = sum(
            1 for t in self.tasks_in_review() if t.status == "review" and (t.expires_at is None or t.expires_at > now)
        )
        if waiting != self.waiting:
            self.waiting = waiting
            self.waiting_changed.emit(waiting)

    async def shutdown(self) -> None:
        """The app is closing: the review windows and alerts stop, then the review service's
        connection is closed."""
        self.close()
        service = self.set_service(None)
        if service is not None:
            await service.aclose()

    def close(self) -> None:
        self._timer.stop()
        for review in list(self._reviews.values()):
            review.close()
        if self.notifier is not None:
            self.notifier.close()
