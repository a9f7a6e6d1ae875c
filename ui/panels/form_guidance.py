"""Budget guidance, the category lists and the suggested category of the task form"""

from __future__ import annotations

from app.budget import BudgetMemory, budget_problem, first_budget, guidance_line
from app.suggest import Suggestion, suggest
from app.taxonomy import Category
from ui.i18n import fill, translate


class FormGuidance:
    """Budget guidance, the category lists and the suggested category of the task form (a part of :class:`ui.panels.form.TaskForm`)."""

    # --- budget guidance (app/budget.py) ------------------------------------------------------
    def set_budget_memory(self, memory: BudgetMemory | None) -> None:
        """Where the last budget per task type is kept; the budget starts from it."""
        self._budget_memory = memory
        if self._auto_budget is not None:
            self._start_budget()

    def _budget_start(self) -> float:
        task_type = self.task_type_slug() or None
        if self._budget_memory is not None:
            return self._budget_memory.start_for(task_type)
        return first_budget(task_type)

    def _start_budget(self) -> None:
        """Put the budget where a task of this type starts, unless the person set it."""
        if self._auto_budget is not None and self.budget.value() == self._auto_budget:
            start = self._budget_start()
            if start != self._auto_budget:
                self._auto_budget = start
                self.budget.setValue(start)

    def _budget_edited(self) -> None:
        if self._auto_budget is not None and self.budget.value() != self._auto_budget and not self._loading:
            self._auto_budget = None  # the person's amount from now on

    def _update_budget_guidance(self) -> None:
        value = self.budget.value()
        if budget_problem(value) is not None or self.budget.pending_problem():
            self.budget_guidance.hide()  # the message under the field says what to do
            return
        if self._budget_memory is not None:
            text = self._budget_memory.guidance(self.task_type_slug() or None, value)
        else:
            text = guidance_line(value)
        self.budget_guidance.setText(text)
        self.budget_guidance.show()

    # --- taxonomy (the two combo boxes: ui/panels/category_chooser.py) ----------------------------
    def set_categories(self, categories: list[Category]) -> None:
        self._categories = list(categories)
        self._chooser.set_categories(categories)
        self._update_suggestion()

    # --- the suggested category -------------------------------------------------------------------
    def _update_suggestion(self) -> None:
        found = suggest(self.title.text(), self.description.toPlainText(), self._categories)
        offer = self._suggestions.offer(found, self.category.currentData() or "", self.task_type_slug())
        if offer != self.suggestion.suggestion():
            self.suggestion.show_suggestion(offer)
            if hasattr(self, "_problems"):
                self._render()  # the Category box's description mentions the suggestion

    def _suggestion_words(self) -> str:
        """What a screen reader hears on the Category box while a suggestion is offered."""
        offered = self.suggestion.suggestion()
        return (
            fill(translate("TaskForm", " Suggested from your words: %1; Alt+U uses it."), offered.text)
            if offered is not None
            else ""
        )

    def accept_suggestion(self, suggestion: Suggestion) -> None:
        """Choose the suggested category (and task type): one click on "Use it", or Alt+U."""
        self._suggestions.accepted(suggestion)
        self._chooser.set_category(suggestion.category)
        if suggestion.task_type:
            self.set_task_type(suggestion.task_type)
        self._touch("category")
        self._update_suggestion()

    def _person_chose(self, *, category: bool = False, task_type: bool = False) -> None:
        if not self._loading:
            self._suggestions.person_chose(category=category, task_type=task_type)
            self._update_suggestion()

    def task_type_slug(self) -> str:
        return self._chooser.task_type_slug()

    def set_task_type(self, slug: str) -> None:
        self._chooser.set_task_type(slug)
