"""The Progress part of a task window: the steps the task went through, each with its time (from
the task's ``history`` when the server gives one), the current step marked, and what happens next
and by when. Only what the task says: a step is "yours" ("You approved the work") only when the
server says the buyer took it; without a history the window shows when the task was posted and
where it is now."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, NamedTuple

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.api.contract import aware, status_info
from app.api.schema import Task
from app.timefmt import expires_in_words
from ui.i18n import details_when, fill, short_when, words
from ui.widgets.plain_label import plain_label, section_label

FINAL = ("completed", "cancelled", "expired")


class Step(NamedTuple):
    status: str
    at: datetime | None
    by: str  # "buyer", "agent", "automatic" or "" (not said)


def _moment(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return aware(datetime.fromisoformat(value.replace("Z", "+00:00")))
    except ValueError:
        return None


def steps_of(task: Task) -> list[Step]:
    """The task's steps, oldest first, ending with where it is now."""
    history = (task.model_extra or {}).get("history")
    steps: list[Step] = []
    if isinstance(history, list):
        for item in history[:200]:
            if isinstance(item, dict) and isinstance(item.get("status"), str) and item["status"]:
                by = item.get("by")
                steps.append(Step(item["status"], _moment(item.get("at")), by if isinstance(by, str) else ""))
    if not steps:
        steps.append(Step("open", task.created_at, ""))
    if steps[-1].status != task.status:
        steps.append(Step(task.status, None, ""))  # the server's history lags behind its status
    return steps


class ProgressPart(QWidget):
    def __init__(
        self, parent: QWidget | None = None, *, now: Callable[[], datetime] = lambda: datetime.now(UTC)
    ) -> None:
        super().__init__(parent)
        self.setObjectName("progressPart")
        self._now = now
        self.steps = QListWidget()
        self.steps.setObjectName("progressSteps")
        self.steps.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.steps.setWordWrap(True)
        self.steps.setMinimumHeight(90)
        self.next = plain_label("", "nextStep")
        layout = QVBoxLayout(self)
        self._headings = section_label(""), section_label("")
        layout.addWidget(self._headings[0])
        layout.addWidget(self.next)
        layout.addWidget(self._headings[1])
        layout.addWidget(self.steps, 1)
        self._say_words()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._say_words()
        super().changeEvent(event)

    def _say_words(self) -> None:
        """Its words in the language now installed."""
        self.steps.setAccessibleName(self.tr("Steps of this task"))
        self._headings[0].setText(self.tr("What happens next"))
        self._headings[1].setText(self.tr("What happened"))

    def show_task(self, task: Task) -> None:
        """The steps (rebuilt only when they changed: a refresh does not move the list under the
        person) and what happens next."""
        steps = steps_of(task)
        lines: list[tuple[str, str, datetime | None]] = []
        previous = ""
        deliveries = 0
        for index, step in enumerate(steps):
            deliveries += step.status == "delivered"
            current = index == len(steps) - 1
            name = self.step_words(step, previous, deliveries)
            time = short_when(step.at) if step.at is not None else ""
            text = fill(self.tr("%1 — %2"), name, time) if time else name
            if current and task.status not in FINAL:
                text = fill(self.tr("%1 (now)"), text)
            lines.append((("▶ " if current else "✓ ") + text, text, step.at))
            previous = step.status
        if [self.steps.item(r).text() for r in range(self.steps.count())] != [line[0] for line in lines]:
            self.steps.clear()
            for shown, spoken, moment in lines:
                item = QListWidgetItem(shown)
                item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
                if moment is not None:
                    item.setToolTip(details_when(moment))
                self.steps.addItem(item)
            last = self.steps.item(self.steps.count() - 1)
            font = last.font()
            font.setBold(True)
            last.setFont(font)
            self.steps.setCurrentRow(self.steps.count() - 1)
        self.next.setText(self.next_words(task))

    def step_words(self, step: Step, previous: str, deliveries: int) -> str:
        status, by = step.status, step.by
        fixed = {
            "open": self.tr("Posted"),
            "matching": self.tr("Agents being found"),
            "prototyping": self.tr("Agents making first versions"),
            "review": self.tr("Versions ready for you to choose from"),
            "input_required": self.tr("The agent asked you something"),
            "expired": self.tr("Expired"),
        }
        if status in fixed:
            return fixed[status]
        if status == "delivering":
            if previous == "input_required":
                return (
                    self.tr("You answered the agent")
                    if by == "buyer"
                    else self.tr("The agent went on without an answer")
                )
            if previous == "delivered":
                return self.tr("You asked for changes") if by == "buyer" else self.tr("Changes asked for")
            return self.tr("You chose a version") if by == "buyer" else self.tr("A version was chosen")
        if status == "delivered":
            return self.tr("Final work ready") if deliveries <= 1 else self.tr("Changed final work ready")
        if status == "completed":
            return {"buyer": self.tr("You approved the work"), "automatic": self.tr("Approved automatically")}.get(
                by, self.tr("Completed")
            )
        if status == "disputed":
            return self.tr("You reported a problem") if by == "buyer" else self.tr("Problem reported")
        if status == "cancelled":
            return self.tr("You cancelled the task") if by == "buyer" else self.tr("Cancelled")
        return words(status_info(status).label)

    def next_words(self, task: Task) -> str:
        status = task.status
        if status == "disputed":
            return self.tr("AITasker looks into the problem you reported.")
        if status in FINAL:
            return self.tr("Nothing more to do.")
        first = (self.tr("First versions from agents, expected %1."), self.tr("First versions from agents."))
        texts = {
            "open": first,
            "matching": first,
            "prototyping": first,
            "review": (
                self.tr("Choose a version %1. If none is chosen by then, the task expires and no money is taken."),
                self.tr("Choose a version."),
            ),
            "delivering": (
                self.tr("The final work from the agent you chose, expected %1."),
                self.tr("The final work from the agent you chose."),
            ),
            "input_required": (
                self.tr("Answer the agent's question %1. If you don't, the agent goes on without your answer."),
                self.tr("Answer the agent's question."),
            ),
            "delivered": (
                self.tr(
                    "Look at the final work, then approve it or ask for changes, %1. If you do neither, "
                    "it is approved automatically then."
                ),
                self.tr("Look at the final work, then approve it or ask for changes."),
            ),
        }
        if status not in texts:
            return ""
        with_time, without = texts[status]
        if task.expires_at is None:
            return without
        now = self._now()
        when = short_when(task.expires_at)
        if task.expires_at <= now:
            return fill(self.tr("%1 (It was due %2.)"), without, when)
        return fill(with_time, fill(self.tr("by %1 (%2)"), when, expires_in_words(task.expires_at, now)))
