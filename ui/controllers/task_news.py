"""Telling the person when a task needs them (issue 21, point 7), beside the review's own alerts
(ui/controllers/review.py): a desktop notification when the final work is ready, when the agent
asks something, an hour before a review, an answer or an approval period closes, and when a task
expired, was cancelled by AITasker or approved automatically; the count of tasks that wait in the
status bar; and, at start, one quiet summary of what changed while the app was closed (the changes
the first refresh finds), each line opening its task.

The news come from the session's ``task_changed`` (the stored copy and the fresh one); what is
said, and when, is :mod:`app.tasks.needs_you`'s.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from app.tasks.needs_you import WAITING_STATUSES, AwayNews, AwaySummary, TaskAlert, TaskAlerts, needs_you, waiting_tasks
from ui.i18n import fill, translate

if TYPE_CHECKING:
    from app.api.schema import Task
    from app.store.repository import Store
    from ui.desktop.notifier import Notifier
    from ui.widgets.away_notice import AwayNotice

log = logging.getLogger(__name__)

CHECK_EVERY_MS = 30_000
SEED_PAGES = 4  # tasks waiting for an approval or an answer read at start: a few pages at most
MAX_ALERTS_AT_ONCE = 3


class TaskNewsController(QObject):
    """``openRequested(task_id)``: a notification or a line of the summary was clicked;
    ``waiting_changed(reviews, others)``: how many tasks wait for a choice, and how many for an
    approval or an answer."""

    openRequested = Signal(str)
    waiting_changed = Signal(int, int)

    def __init__(
        self,
        parent: QObject,
        *,
        store: Store | None = None,
        notice: AwayNotice | None = None,
        notifier: Notifier | None = None,
        reviews: Callable[[], Iterable[Task]] = list,
        done_here: Callable[[str], bool] = lambda task_id: False,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        check_every_ms: int = CHECK_EVERY_MS,
    ) -> None:
        super().__init__(parent)
        self.alerts = TaskAlerts(store)
        self._notice, self._notifier = notice, notifier
        self._reviews, self._done_here, self._now = reviews, done_here, now
        self._waiting: dict[str, Task] = {}  # tasks waiting for an approval or an answer
        self._away = AwayNews(done_here)  # what the first refresh found changed
        self._first_pass_done = False
        self._notified: set[str] = set()  # tasks this controller told the desktop about
        self._counts = (0, 0)
        self._review_count = 0
        if notifier is not None:
            notifier.activated.connect(self._clicked)
        if notice is not None:
            notice.openRequested.connect(self.openRequested.emit)
        self._timer = QTimer(self)
        self._timer.setInterval(check_every_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()
        self._show_soon = QTimer(self)  # many changes at once (a long first refresh): shown once
        self._show_soon.setSingleShot(True)
        self._show_soon.setInterval(200)
        self._show_soon.timeout.connect(self._show_away)

    def seed(self, store: Store) -> None:
        """The tasks the store knows to wait for an approval or an answer (a few pages at most)."""
        statuses = tuple(s for s in WAITING_STATUSES if s != "review")
        for page in itertools.islice(store.status_pages(statuses, size=500), SEED_PAGES):
            for task in page:
                if needs_you(task) in ("approve", "answer"):
                    self._waiting[task.id] = task
        self._count()

    def waiting_tasks(self) -> list[Task]:
        """The tasks that wait for an approval or an answer, the one ending soonest first."""
        return waiting_tasks(self._waiting.values(), self._now())

    # --- news ---------------------------------------------------------------------------------

    def task_changed(self, change: tuple[Task | None, Task]) -> None:
        """A task read again (from the session): before the first full refresh, part of the start's
        summary; after it, a notification when it calls for one."""
        before, after = change
        if needs_you(after) in ("approve", "answer"):
            self._waiting[after.id] = after
        else:
            self._waiting.pop(after.id, None)
        done_here = self._done_here(after.id)
        if not self._first_pass_done:
            kind = self._away.add(before, after)
            if kind:
                self.alerts.seen(after, kind)  # told in the summary: no notification for it later
                self._show_soon.start()
        else:
            self._notify(self.alerts.on_change(before, after, done_here=done_here))
        self._count()

    def refreshed(self, at: datetime) -> None:
        """A refresh asked about every task: what it found changed was what happened while away."""
        if not self._first_pass_done:
            self._first_pass_done = True
            if self._show_soon.isActive():
                self._show_soon.stop()
                self._show_away()
            self._away = AwayNews(self._done_here)  # the summary shown stays; nothing more is added to it

    def reviews_waiting(self, count: int) -> None:
        self._review_count = count
        self._count()

    def check(self) -> None:
        """An hour before a period closes (every half minute), and the count."""
        tasks = [*self._waiting.values(), *self._reviews()]
        self._notify(self.alerts.hour_ahead(tasks, self._now()))
        self._count()

    def _show_away(self) -> None:
        if self._notice is None:
            return
        away = self._away
        summary = away.summary()
        if summary is None:
            self._notice.hide()
            return

        def now() -> AwaySummary:  # the same news, in the language of the moment
            return away.summary() or summary

        def line(index: int) -> str:
            return now().lines[index].text

        extra = len(summary.lines) - 6
        self._notice.show_news(
            lambda: now().heading,
            [(each.task_id, partial(line, i)) for i, each in enumerate(summary.lines)],
            (lambda: fill(translate("TaskNews", "…and %1 more (see the table)"), extra)) if extra > 0 else "",
        )

    def _notify(self, alerts: list[TaskAlert]) -> None:
        for alert in alerts:
            log.info("task alert for %s: %s", alert.task_id, alert.kind)
        if self._notifier is None or not alerts:
            return
        for alert in alerts[:MAX_ALERTS_AT_ONCE]:
            self._notified.add(alert.task_id)
            self._notifier.notify(alert)

    def _clicked(self, task_id: str) -> None:
        if task_id in self._notified:  # the review's own notifications are the review's
            self.openRequested.emit(task_id)

    def _count(self) -> None:
        counts = (self._review_count, len(self.waiting_tasks()))
        if counts != self._counts:
            self._counts = counts
            self.waiting_changed.emit(*counts)

    def close(self) -> None:
        self._timer.stop()
        self._show_soon.stop()
