"""The category suggested from the words typed: "Looks like Graphics & Design › Logo design — Use it".

:class:`CategorySuggestion` owns the bar under the title, the known categories and the policy of
when to offer (app/suggest.py). It is told the words and the current choices (plain arguments);
it never changes a choice itself: the form does, when ``accepted`` says the person took one.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.suggest import Suggestion, SuggestionPolicy, suggest
from app.taxonomy import Category
from ui.i18n import fill, translate
from ui.widgets.suggestion_bar import SuggestionBar


class CategorySuggestion(QObject):
    accepted = Signal(object)  # the Suggestion the person took ("Use it", Alt+U)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bar = SuggestionBar()
        self._policy = SuggestionPolicy()
        self._categories: list[Category] = []
        self.bar.accepted.connect(self.accepted)

    def set_categories(self, categories: list[Category]) -> None:
        self._categories = list(categories)

    def update(self, title: str, description: str, category: str, task_type: str) -> bool:
        """Offer what these words suggest, unless the choices already made say otherwise; True
        when the offer changed."""
        found = suggest(title, description, self._categories)
        offer = self._policy.offer(found, category, task_type)
        if offer == self.bar.suggestion():
            return False
        self.bar.show_suggestion(offer)
        return True

    def person_chose(self, field: str) -> None:
        """The person chose a category or task type themselves (``field``)."""
        self._policy.person_chose(category=field == "category", task_type=field == "task_type")

    def taken(self, suggestion: Suggestion) -> None:
        """The person took this suggestion."""
        self._policy.accepted(suggestion)

    def reset(self, *, category: str = "", task_type: str = "") -> None:
        """A new form (no choices), or a reopened draft whose choices are the person's."""
        self._policy.reset(category=category, task_type=task_type)

    def words(self) -> str:
        """What a screen reader hears on the Category box while a suggestion is offered."""
        offered = self.bar.suggestion()
        if offered is None:
            return ""
        return fill(translate("TaskForm", " Suggested from your words: %1; Alt+U uses it."), offered.text)
