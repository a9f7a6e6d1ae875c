"""Reading, loading and checking the task form's values"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from app.api.validation import check_draft
from app.budget import budget_problem
from ui.i18n import translate

if TYPE_CHECKING:
    from app.api.schema import TaskDraft


class FormValues:
    """Reading, loading and checking the task form's values (a part of :class:`ui.panels.form.TaskForm`)."""

    # --- values -------------------------------------------------------------------------------
    def raw_values(self) -> dict[str, Any]:
        """What is in the form, TaskDraft-shaped. ``requirements`` is a dict, or (when it has a
        problem) the text to keep, which :meth:`load_values` takes back."""
        title = self.title.text().strip()
        brand = self.brand_kit_id.text().strip()
        return {
            "category": self.category.currentData() or "",
            "task_type": self.task_type_slug(),
            "budget_usd": self.budget.value(),
            "title": title or None,
            "description": self.description.toPlainText(),
            "requirements": self.requirements.raw_value(),
            "experimentation": self.experimentation.value(),
            "brand_kit_id": brand or None,
        }

    def load_values(self, values: dict[str, Any]) -> None:
        """Fill the form from a TaskDraft-like dict (e.g. a reopened draft); missing keys get the
        defaults. ``load_values(raw_values())`` gives the same form back."""
        self._loading = True
        try:
            self.clear()
            category = str(values.get("category") or "")
            if category:
                self._chooser.set_category(category)
            task_type = str(values.get("task_type") or "")
            if task_type:
                self.set_task_type(task_type)
            for name, widget in (("budget_usd", self.budget), ("experimentation", self.experimentation)):
                wanted = values.get(name)
                if isinstance(wanted, (int, float)) and not isinstance(wanted, bool) and math.isfinite(wanted):
                    widget.set_saved_value(float(wanted))
            if isinstance(values.get("budget_usd"), (int, float)):
                self._auto_budget = None  # a reopened draft's budget is the person's
            self.title.setText(str(values.get("title") or ""))
            self.description.setPlainText(str(values.get("description") or ""))
            requirements = values.get("requirements")
            self.requirements.set_value(requirements if isinstance(requirements, (dict, str)) else {})
            brand = values.get("brand_kit_id")
            self.brand_kit_id.setText("" if brand is None else str(brand))
        finally:
            self._loading = False
        if self._more_options_needed():
            self.open_more_options()  # a reopened draft's requirements or brand kit are shown
        # A reopened draft's choices are the person's: no suggestion replaces them.
        self._suggestions.reset(category=self.category.currentData() or "", task_type=self.task_type_slug())
        self._update_suggestion()
        self._revalidate(emit_changed=True)

    def validate(self) -> tuple[TaskDraft | None, dict[str, list[str]]]:
        """Check everything; no side effects. Problems are sentences, by field name."""
        values = self.raw_values()
        problems: dict[str, list[str]] = {}
        if not isinstance(values["requirements"], dict):
            problems["requirements"] = self.requirements.problems() or [
                translate("TaskForm", "Requirements must be names and values.")
            ]
            values["requirements"] = {}
        for name, widget in (("budget_usd", self.budget), ("experimentation", self.experimentation)):
            pending = widget.pending_problem()
            if pending:
                problems[name] = [pending]
        if "budget_usd" not in problems:
            over = budget_problem(values["budget_usd"])
            if over:
                problems["budget_usd"] = [over]  # names the amount typed, which the box still shows
        draft, found = check_draft(values)
        if found is not None:
            for field, messages in found.items():
                if field not in problems:
                    problems.setdefault(field, []).extend(messages)
            return None, problems
        return (None, problems) if problems else (draft, {})

    def draft(self) -> TaskDraft | None:
        """The valid draft; otherwise every problem is shown and focus goes to the first one.
        Counts as trying to send."""
        self._send_attempted = True
        self.requirements.commit_pending_edit()
        self.release_checks()  # sending never waits for the first picture
        draft = self._revalidate(emit_changed=False)  # one check: shown and returned
        if draft is None:
            self.focus_first_problem()
        return draft

    def request_send(self) -> None:
        """Send (button, Ctrl+Enter): emits ``submitRequested`` when valid; otherwise shows
        every problem and puts the cursor on the first."""
        if self._busy:
            return
        if self.draft() is not None:
            self.submitRequested.emit()
