"""The Money part of a task window: the budget, the price of the chosen version, what was paid and
what came back, and when — each only as the task says it (``price_usd``, ``paid_usd``,
``refunded_usd``, ``approved_at``, the time of the step that settled it), so the window never says
that money moved when the server did not say so."""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from app.api.schema import Task
from ui.i18n import fill, money, short_when
from ui.widgets.plain_label import plain_label
from ui.windows.task.progress import FINAL, steps_of


def amount(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if math.isfinite(value) and value >= 0 else None


class MoneyPart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("moneyPart")
        self.budget = plain_label("", "moneyBudget")
        self.price = plain_label("", "moneyPrice")
        self.paid = plain_label("", "moneyPaid")
        self.refunded = plain_label("", "moneyRefunded")
        self.note = plain_label("", "moneyNote")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._labels: list[QLabel] = []
        for value in (self.budget, self.price, self.paid, self.refunded):
            label = QLabel()
            label.setBuddy(value)
            self._labels.append(label)
            form.addRow(label, value)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self._say_words()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._say_words()
        super().changeEvent(event)

    def _say_words(self) -> None:
        """Its words in the language now installed."""
        texts = (self.tr("Budget:"), self.tr("Chosen version:"), self.tr("Paid:"), self.tr("Returned to your credit:"))
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)

    def show_task(self, task: Task, chosen_price: float | None = None) -> None:
        """``chosen_price``: the chosen version's price from the versions, when the task does not say it."""
        extra = task.model_extra or {}
        settled_at = extra.get("approved_at")
        steps = steps_of(task)
        settled_step = next((s for s in reversed(steps) if s.status in FINAL and s.at is not None), None)
        when = short_when(settled_step.at) if settled_step is not None and settled_step.at is not None else ""
        if isinstance(settled_at, str) and not when:
            when = settled_at
        budget = amount(task.budget_usd)
        price = amount(extra.get("price_usd"))
        price = price if price is not None else chosen_price
        paid, refunded = amount(extra.get("paid_usd")), amount(extra.get("refunded_usd"))
        self.budget.setText(money(budget) if budget is not None else self.tr("Not known"))
        before_choice = task.status in ("open", "matching", "prototyping", "review")
        if price is not None:
            self.price.setText(money(price))
        elif before_choice:
            self.price.setText(self.tr("No version chosen yet"))
        else:
            self.price.setText(self.tr("AITasker has not said"))
        self.paid.setText(self._with_time(paid, when) if paid is not None else self._unsaid(task.status))
        self.refunded.setText(self._with_time(refunded, when) if refunded is not None else self._unsaid(task.status))
        self.note.setText(self._note(task.status, paid, refunded))

    def _with_time(self, value: float, when: str) -> str:
        return fill(self.tr("%1 (%2)"), money(value), when) if value and when else money(value)

    def _unsaid(self, status: str) -> str:
        return self.tr("AITasker has not said") if status in FINAL else self.tr("Nothing yet")

    def _note(self, status: str, paid: float | None, refunded: float | None) -> str:
        if status == "completed" and paid is not None:
            return (
                self.tr("The chosen version's price was paid; the rest of the budget came back to your credit.")
                if refunded is not None
                else self.tr("The chosen version's price was paid.")
            )
        if status in ("cancelled", "expired") and refunded is not None and not paid:
            return self.tr("Nothing was paid: the budget came back to your credit.")
        if status == "disputed":
            return self.tr("Nothing is paid while AITasker looks into the problem you reported.")
        if status not in FINAL:
            return self.tr("Nothing is paid until you approve the final work (or it is approved automatically).")
        return ""
