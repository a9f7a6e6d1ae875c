"""What needs the person, without Qt: tasks that wait for them (a review, final work to approve, a
question to answer), what to tell them when a task moves (the final work is ready, the agent asks
something, an hour before a review or approval period closes, a task expired or was cancelled by
AITasker, work approved automatically), and, at start, the one summary of what changed while the app
was closed ("While you were away: 1 final work ready, 1 review closed"), from the stored copy of
each task and the fresh one.

Each alert is given at most once per task and step (kept in the store's settings across restarts,
the most recent :data:`MAX_REMEMBERED` tasks).
"""

from __future__ import annotations

from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, NamedTuple

from app.alert_memory import AlertMemory
from app.review.alerts import clock_time, task_name
from app.tasks import life
from app.translatable import QT_TRANSLATE_NOOP, fill, translate

if TYPE_CHECKING:
    from app.api.schema import Task
    from app.store.repository import SettingsStore


HOUR = timedelta(hours=1)
SETTING = "task-alerts-shown"
WAITING_STATUSES = ("review", *life.DELIVERED, *life.WAITING_FOR_ANSWER)

# What changed, as a kind: (one task, several tasks, a task's line), "%1" the count or the title.
NEWS: dict[str, tuple[str, str, str]] = {
    "final": (
        QT_TRANSLATE_NOOP("messages", "1 final work ready"),
        QT_TRANSLATE_NOOP("messages", "%1 final works ready"),
        QT_TRANSLATE_NOOP("messages", "‘%1’: the final work is ready"),
    ),
    "question": (
        QT_TRANSLATE_NOOP("messages", "1 question for you"),
        QT_TRANSLATE_NOOP("messages", "%1 questions for you"),
        QT_TRANSLATE_NOOP("messages", "‘%1’: the agent asks you something"),
    ),
    "review": (
        QT_TRANSLATE_NOOP("messages", "1 ready for your review"),
        QT_TRANSLATE_NOOP("messages", "%1 ready for your review"),
        QT_TRANSLATE_NOOP("messages", "‘%1’: ready for your review"),
    ),
    "review_closed": (
        QT_TRANSLATE_NOOP("messages", "1 review closed"),
        QT_TRANSLATE_NOOP("messages", "%1 reviews closed"),
        QT_TRANSLATE_NOOP("messages", "‘%1’: the review closed without a choice"),
    ),
    "expired": (
        QT_TRANSLATE_NOOP("messages", "1 expired"),
        QT_TRANSLATE_NOOP("messages", "%1 expired"),
        QT_TRANSLATE_NOOP("messages", "‘%1’: expired"),
    ),
    "cancelled": (
        QT_TRANSLATE_NOOP("messages", "1 cancelled by AITasker"),
        QT_TRANSLATE_NOOP("messages", "%1 cancelled by AITasker"),
        QT_TRANSLATE_NOOP("messages", "‘%1’: cancelled by AITasker"),
    ),
    "approved_automatically": (
        QT_TRANSLATE_NOOP("messages", "1 approved automatically"),
        QT_TRANSLATE_NOOP("messages", "%1 approved automatically"),
        QT_TRANSLATE_NOOP("messages", "‘%1’: approved automatically"),
    ),
    "completed": (
        QT_TRANSLATE_NOOP("messages", "1 completed"),
        QT_TRANSLATE_NOOP("messages", "%1 completed"),
        QT_TRANSLATE_NOOP("messages", "‘%1’: completed"),
    ),
}


# --- what waits for the person -----------------------------------------------------------------


def needs_you(task: Task) -> str:
    """ "review", "approve", "answer", or "" when the task waits for nothing from the person."""
    if task.status == "review":
        return "review"
    if life.waits_for_answer(task):
        return "answer"
    if life.is_delivered(task):
        return "approve"
    return ""


def _still_open(task: Task, now: datetime) -> bool:
    end = life.deadline(task)
    return bool(needs_you(task)) and (end is None or end > now)


def waiting_tasks(tasks: Iterable[Task], now: datetime) -> list[Task]:
    """The tasks that wait for the person and whose time has not run out, the one ending soonest first."""
    far = datetime.max.replace(tzinfo=now.tzinfo)
    return sorted((t for t in tasks if _still_open(t, now)), key=lambda t: life.deadline(t) or far)


def next_waiting(tasks: Iterable[Task], now: datetime, selected: Task | None = None) -> Task | None:
    """The selected task if it waits for the person, else the waiting task whose time ends soonest."""
    if selected is not None and _still_open(selected, now):
        return selected
    waiting = waiting_tasks(tasks, now)
    return waiting[0] if waiting else None


# --- what changed ------------------------------------------------------------------------------


def news_of(before: Task | None, after: Task, *, done_here: bool = False) -> str:
    """What the step from ``before`` (the stored copy; None: not known before) to ``after`` means for
    the person, as a kind of :data:`NEWS`; "" for nothing worth telling. ``done_here``: the person
    ended the task from this app (cancelled or approved it), so its end is not news."""
    was = before.status if before is not None else ""
    if life.is_delivered(after):
        if before is None or not life.is_delivered(before):
            return "final"
        newer = (life.delivery_number(after) or 0) > (life.delivery_number(before) or 0)
        return "final" if newer else ""  # a second delivery, after changes asked for
    if life.waits_for_answer(after):
        return "" if before is not None and life.waits_for_answer(before) else "question"
    if before is None or was == after.status:
        return ""
    if after.status == "review":
        return "review"
    if after.status == "expired":
        return "review_closed" if was == "review" else "expired"
    if after.status == "cancelled":
        by = life.last_step_by(after, "cancelled")
        return "" if done_here or by == "buyer" else "cancelled"
    if after.status == "completed":
        if life.approved_by(after) == "automatic":
            return "approved_automatically"
        return "" if done_here else "completed"  # approved here a moment ago is no news
    return ""


class AwayLine(NamedTuple):
    task_id: str
    kind: str
    text: str  # "‘Logo for my bakery’: the final work is ready"


class AwaySummary(NamedTuple):
    heading: str  # "While you were away: 1 final work ready, 1 review closed"
    lines: list[AwayLine]  # one per task, in the order of the heading's kinds


class AwayNews:
    """What changed while the app was closed, collected one (stored, fresh) pair at a time; a task
    that appears more than once counts once, as its last news."""

    def __init__(self, done_here: Callable[[str], bool] = lambda task_id: False) -> None:
        self._done_here = done_here
        self._latest: OrderedDict[str, tuple[str, Task]] = OrderedDict()

    def add(self, before: Task | None, after: Task) -> str:
        """Take in one change; its kind of news ("" for nothing worth telling)."""
        kind = news_of(before, after, done_here=self._done_here(after.id))
        if kind:
            self._latest[after.id] = (kind, after)
            self._latest.move_to_end(after.id)
        elif after.id in self._latest and before is not None and before.status != after.status:
            del self._latest[after.id]  # it moved on again, to nothing worth telling
        return kind

    def summary(self) -> AwaySummary | None:
        """The one summary; None when nothing is worth telling."""
        if not self._latest:
            return None
        counts = Counter(kind for kind, _ in self._latest.values())
        parts = []
        lines: list[AwayLine] = []
        for kind, (one, many, line) in NEWS.items():
            if not counts[kind]:
                continue
            count = counts[kind]
            parts.append(translate("messages", one) if count == 1 else fill(translate("messages", many), count))
            lines.extend(
                AwayLine(task.id, kind, fill(translate("messages", line), task_name(task)))
                for k, task in self._latest.values()
                if k == kind
            )
        return AwaySummary(fill(translate("messages", "While you were away: %1"), ", ".join(parts)), lines)


def while_away(
    changes: Iterable[tuple[Task | None, Task]], done_here: Callable[[str], bool] = lambda task_id: False
) -> AwaySummary | None:
    """The one summary of what changed while the app was closed, from (stored, fresh) pairs."""
    news = AwayNews(done_here)
    for before, after in changes:
        news.add(before, after)
    return news.summary()


# --- desktop notifications ---------------------------------------------------------------------


class TaskAlert(NamedTuple):
    task_id: str
    kind: str  # "final", "question", "hour", "expired", "cancelled", "approved_automatically"
    summary: str  # the notification's title
    body: str  # the sentence under it


class TaskAlerts:
    """Which alerts are due, each at most once per task and step (remembered in the store)."""

    def __init__(self, store: SettingsStore | None = None, *, tz: tzinfo | None = None) -> None:
        self._tz = tz
        self._memory = AlertMemory(store, SETTING, what="task alerts")

    @staticmethod
    def _step_key(kind: str, task: Task) -> str:
        if kind == "final":
            return f"final:{life.delivery_number(task) or 1}"
        if kind == "question":
            question = life.question_of(task)
            return f"question:{question.asked_at.isoformat() if question and question.asked_at else ''}"
        return kind

    def seen(self, task: Task, kind: str) -> None:
        """Told another way (the start's summary): no desktop notification for this step later."""
        if self._memory.first_time(task.id, self._step_key(kind, task)):
            self._memory.save()

    def on_change(self, before: Task | None, after: Task, *, done_here: bool = False) -> list[TaskAlert]:
        """The alert a task's move calls for (the review's own alerts are app.review.alerts')."""
        kind = news_of(before, after, done_here=done_here)
        if kind in ("", "review", "completed") or not self._memory.first_time(after.id, self._step_key(kind, after)):
            return []
        self._memory.save()
        name = task_name(after)
        if kind == "final":
            by = clock_time(life.deadline(after), self._tz)
            body = fill(translate("messages", "The final work of ‘%1’ is ready to look at."), name)
            if by:
                body += fill(translate("messages", " Approve it or ask for changes by %1."), by)
            return [TaskAlert(after.id, kind, translate("messages", "Final work ready"), body)]
        if kind == "question":
            question = life.question_of(after)
            body = fill(translate("messages", "The agent working on ‘%1’ asks you something."), name)
            if question is not None:
                body += " " + (question.text if len(question.text) <= 200 else question.text[:199] + "…")
            return [TaskAlert(after.id, kind, translate("messages", "A question for you"), body)]
        texts = {
            "review_closed": (QT_TRANSLATE_NOOP("messages", "Review closed"), NEWS["review_closed"][2]),
            "expired": (QT_TRANSLATE_NOOP("messages", "Task expired"), NEWS["expired"][2]),
            "cancelled": (QT_TRANSLATE_NOOP("messages", "Task cancelled"), NEWS["cancelled"][2]),
            "approved_automatically": (
                QT_TRANSLATE_NOOP("messages", "Approved automatically"),
                QT_TRANSLATE_NOOP("messages", "‘%1’ was approved automatically: the time to approve it ended."),
            ),
        }
        summary, body = texts[kind]
        return [TaskAlert(after.id, kind, translate("messages", summary), fill(translate("messages", body), name))]

    def hour_ahead(self, tasks: Iterable[Task], now: datetime) -> list[TaskAlert]:
        """An hour before a review, an answer or an approval period closes: once per task and deadline,
        and only for a period that was seen with more than an hour left (a shorter one was announced
        with its time when it began)."""
        alerts = []
        for task in tasks:
            end = life.deadline(task)
            need = needs_you(task)
            if end is None or not need:
                continue
            left = end - now
            key = f"{need}:{end.isoformat()}"
            if left >= HOUR:
                if self._memory.first_time(task.id, "far:" + key):
                    self._memory.save()
                continue
            if left <= timedelta(0) or not self._memory.shown(task.id, "far:" + key):
                continue
            if not self._memory.first_time(task.id, "hour:" + key):
                continue
            self._memory.save()
            name, at = task_name(task), clock_time(end, self._tz)
            body = {
                "review": QT_TRANSLATE_NOOP(
                    "messages", "The review of ‘%1’ closes at %2: choose a version before then."
                ),
                "answer": QT_TRANSLATE_NOOP("messages", "The agent working on ‘%1’ waits for your answer until %2."),
                "approve": QT_TRANSLATE_NOOP("messages", "The time to approve the final work of ‘%1’ ends at %2."),
            }[need]
            alerts.append(
                TaskAlert(
                    task.id,
                    "hour",
                    translate("messages", "Less than an hour left"),
                    fill(translate("messages", body), name, at),
                )
            )
        return alerts
