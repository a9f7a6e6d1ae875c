"""When to tell the user that a task waits for their review, without Qt.

Two alerts per task, each at most once (also across restarts: what was shown is kept in the
store's settings): when the task enters review, and when under ten minutes of the review remain.
A task first seen with under ten minutes left gets one alert that says both. Memory is bounded:
the most recent :data:`MAX_REMEMBERED` tasks are remembered, or as many as have waited for review
at once, if more (forgetting one that still waits would alert for it again at the next check).
Which alerts are due is decided first, cheaply; their words are written only for those shown
(:meth:`ReviewAlerts.words`): a start with thousands waiting shows one summary, not thousands.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, Literal, NamedTuple

from app.alert_memory import MAX_REMEMBERED, AlertMemory
from app.timefmt import local_or_none
from app.translatable import fill, messages, translate

if TYPE_CHECKING:
    from app.api.schema import Task
    from app.store.repository import SettingsStore

CLOSING_SOON = timedelta(minutes=10)
SETTING = "review-alerts-shown"

AlertKind = Literal["review", "closing"]


class ReviewAlert(NamedTuple):
    task_id: str
    kind: AlertKind
    summary: str  # the notification's title
    body: str  # the sentence under it


class DueAlert(NamedTuple):
    """An alert that is due (and remembered as shown), its words not written yet."""

    task: Task
    kind: AlertKind
    closing: bool  # under ten minutes left (a first alert then says both)


def task_name(task: Task) -> str:
    title = (task.title or "").strip() or translate("messages", "Your task")
    return title if len(title) <= 80 else title[:79] + "…"


def clock_time(moment: datetime | None, tz: tzinfo | None = None) -> str:
    """ "15:40" in the user's time zone, or "" when there is no moment or one this computer can't
    show in its time zone (year 9999 at +14 h)."""
    local = local_or_none(moment, tz) if moment is not None else None
    return "" if local is None else local.strftime("%H:%M")


def closes_at(task: Task, tz: tzinfo | None = None) -> str:
    """ "15:40": when the task's review closes in the user's time zone ("" unknown, see :func:`clock_time`)."""
    return clock_time(task.expires_at, tz)


class ReviewAlerts:
    def __init__(
        self, store: SettingsStore | None = None, *, tz: tzinfo | None = None, max_remembered: int = MAX_REMEMBERED
    ) -> None:
        self._tz = tz
        self._memory = AlertMemory(store, SETTING, max_remembered=max_remembered)

    def shown(self, task_id: str, kind: AlertKind) -> bool:
        return self._memory.shown(task_id, kind)

    def check(self, task: Task, now: datetime, *, save: bool = True) -> list[ReviewAlert]:
        """The alerts due for this task now (and remember them as shown; ``save``: in the store
        at once, else the caller saves)."""
        due = self._due(task, now)
        if due is None:
            return []
        if save:
            self._memory.save()
        return [self.words(due)]

    def _due(self, task: Task, now: datetime) -> DueAlert | None:
        if task.status != "review":
            return None
        remaining = (task.expires_at - now) if task.expires_at is not None else None
        if remaining is not None and remaining <= timedelta(0):
            return None  # the review is over: too late to help
        closing = remaining is not None and remaining < CLOSING_SOON
        shown = self._memory.of(task.id)
        if "review" in shown and (not closing or "closing" in shown):
            return None  # the usual case, kept cheap: nothing new for this task
        if "review" not in shown:
            if closing:
                self._memory.mark(task.id, "review", "closing")
            else:
                self._memory.mark(task.id, "review")
            return DueAlert(task, "review", closing)
        self._memory.mark(task.id, "closing")
        return DueAlert(task, "closing", closing)

    def words(self, due: DueAlert) -> ReviewAlert:
        """What the notification of a due alert says."""
        task = due.task
        name, at = task_name(task), closes_at(task, self._tz)
        until = fill(translate("messages", " — closes at %1"), at) if at else ""
        if due.kind == "review":
            body = fill(translate("messages", "‘%1’ is ready for your review%2"), name, until)
            if due.closing:
                body += translate("messages", " (under ten minutes left)")
            return ReviewAlert(task.id, "review", translate("messages", "Ready for your review"), body)
        return ReviewAlert(
            task.id,
            "closing",
            translate("messages", "Review closes soon"),
            fill(translate("messages", "Under ten minutes left to choose a version of ‘%1’%2"), name, until),
        )

    def due_all(self, tasks: Iterable[Task], now: datetime, *, waiting: int = 0, save: bool = True) -> list[DueAlert]:
        """The alerts due for these tasks (the tasks waiting for review, or some of ``waiting``
        that do), remembered as shown and saved once (not once per alert: a first start with
        thousands waiting would write the store thousands of times; ``save=False``: the caller
        saves); their words are written by :meth:`words`, for those shown."""
        tasks = list(tasks)
        self._memory.keep_at_least(max(len(tasks), waiting))
        due = [d for d in (self._due(task, now) for task in tasks) if d is not None]
        if due and save:
            self._memory.save()
        return due

    def check_all(self, tasks: Iterable[Task], now: datetime) -> list[ReviewAlert]:
        """:meth:`check` for each task, what was shown saved once."""
        return [self.words(due) for due in self.due_all(tasks, now)]

    def save(self) -> None:
        """Keep what was shown in the store (after :meth:`due_all` with ``save=False``)."""
        self._memory.save()


def waiting_for_review(tasks: Iterable[Task], now: datetime) -> list[Task]:
    """Tasks in review whose review has not run out, the one closing soonest first."""
    far = datetime.max.replace(tzinfo=now.tzinfo)
    waiting = [t for t in tasks if t.status == "review" and (t.expires_at is None or t.expires_at > now)]
    return sorted(waiting, key=lambda t: t.expires_at or far)


def next_to_review(tasks: Iterable[Task], now: datetime, selected: Task | None = None) -> Task | None:
    """The selected task if it waits for review, else the waiting task whose review closes soonest."""
    if (
        selected is not None
        and selected.status == "review"
        and (selected.expires_at is None or selected.expires_at > now)
    ):
        return selected
    waiting = waiting_for_review(tasks, now)
    return waiting[0] if waiting else None


def waiting_words(count: int) -> str:
    """ "2 need your review"; "" when none."""
    if count <= 0:
        return ""
    return messages.tr("%n need your review", "", count, one="1 needs your review")
