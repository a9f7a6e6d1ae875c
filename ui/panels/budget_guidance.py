"""The guidance under the budget, and where the budget of a new task starts (app/budget.py).

:class:`BudgetGuidance` owns the line under the budget and the amount it chose for the person. It
is told the task type and the amount (plain arguments) and asks for a new starting amount through
``amountChosen``; the form puts that amount in the budget box.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel

from app.budget import BudgetMemory, budget_problem, first_budget, guidance_line
from ui.theme import set_tone


class BudgetGuidance(QObject):
    """What a budget pays for and where its amount came from; a start that follows the task type
    until the person sets an amount of their own."""

    amountChosen = Signal(float)  # put the budget here: where a task of the new type starts

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setObjectName("budgetGuidance")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        set_tone(self.label, "quiet")
        self._memory: BudgetMemory | None = None
        self._chosen: float | None = None  # the amount chosen here; None once the person set one

    def start_for(self, task_type: str) -> float:
        """Where a task of this type starts: its last budget sent, else a first amount one would not regret."""
        if self._memory is not None:
            return self._memory.start_for(task_type or None)
        return first_budget(task_type or None)

    def fresh(self, task_type: str) -> float:
        """A new task: the amount it starts from, chosen here (it follows the task type from now on)."""
        self._chosen = self.start_for(task_type)
        return self._chosen

    def set_memory(self, memory: BudgetMemory | None, task_type: str, amount: float) -> None:
        """Where the last budget per task type is kept; the budget starts from it."""
        self._memory = memory
        self.task_type_changed(task_type, amount)

    def task_type_changed(self, task_type: str, amount: float) -> None:
        """Move the budget to where a task of this type starts, unless the person set it."""
        if self._chosen is not None and amount == self._chosen:
            start = self.start_for(task_type)
            if start != self._chosen:
                self._chosen = start
                self.amountChosen.emit(start)

    def amount_edited(self, amount: float) -> None:
        """The budget changed: an amount other than the one chosen here is the person's from now on."""
        if self._chosen is not None and amount != self._chosen:
            self._chosen = None

    def person_set(self) -> None:
        """The amount is the person's (e.g. a reopened draft's): the task type no longer moves it."""
        self._chosen = None

    def show_for(self, amount: float, task_type: str, *, typing_problem: bool = False) -> None:
        """Say what this amount pays for; nothing while it cannot be sent (``typing_problem``: what
        is typed is not an amount yet), since the message under the field says what to do."""
        if typing_problem or budget_problem(amount) is not None:
            self.label.hide()
            return
        if self._memory is not None:
            text = self._memory.guidance(task_type or None, amount)
        else:
            text = guidance_line(amount)
        self.label.setText(text)
        self.label.show()
