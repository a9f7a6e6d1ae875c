"""The task form's fields: the widgets that hold a draft's values, and reading and writing them.

:class:`FormFields` owns the editors (title, description, category and task type, budget,
experimentation, requirements, brand kit ID). It says what changed through its signals and answers
what they hold (:meth:`FormFields.raw_values`, :meth:`FormFields.activity`); it never decides what
to say about them (that is :class:`app.form_rules.FormState`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from app.api.contract import max_length, number_limits
from app.form_rules import FIELD_ORDER, NUMBER_FIELDS, Activity
from app.taxonomy import Category
from app.textlimits import char_count, clean, fit, qt_max_length, utf16_units
from ui.i18n import fill, money, translate
from ui.panels.category_chooser import CategoryChooser
from ui.panels.form_words import BUDGET_TYPING_RANGE
from ui.panels.requirements_editor import RequirementsEditor
from ui.widgets.plain_text_edit import PlainTextEdit
from ui.widgets.slider_spin import SliderSpin


class FormFields(QObject):
    """The editors of the task form, by field name (:data:`app.form_rules.FIELD_ORDER`).

    Its words keep the form's translation context ("TaskForm"), where the catalogue has them.
    """

    edited = Signal(str)  # a field's value, or what is typed in it, changed (by the person or the program)
    chose = Signal(str)  # the person chose or typed a category or task type
    wordsChanged = Signal()  # the title or the description changed (just before ``edited``)
    focusLeft = Signal(str)  # the cursor left a field (the brand kit ID: a half-typed ID is now worth a word)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        budget = number_limits("budget_usd")
        dial = number_limits("experimentation")
        self._title_max = max_length("title")
        self._description_max = max_length("description")
        self._title_texts = ("", "")  # (before the last change, now): see _fit_title

        self.title = QLineEdit()
        self.title.setObjectName("title")
        self.title.textChanged.connect(lambda text: setattr(self, "_title_texts", (self._title_texts[1], text)))
        if self._title_max is not None:
            # Qt counts UTF-16 units (an emoji is 2), AITasker counts characters: room for the
            # limit in emoji, then _fit_title keeps it to the limit in characters, never cutting one.
            self.title.setMaxLength(qt_max_length(self._title_max))
            self.title.textEdited.connect(self._fit_title)
        self.description = PlainTextEdit()
        self.description.setObjectName("description")
        self.description.setMinimumHeight(self.description.fontMetrics().lineSpacing() * 4)
        self._chooser = CategoryChooser(self)
        self.category = self._chooser.category
        self.task_type = self._chooser.task_type
        self.task_type_note = self._chooser.note  # said under the task type
        self.budget = SliderSpin(
            budget, money=True, low_words="-", high_words="-", typing_range=BUDGET_TYPING_RANGE
        )  # (its words: retranslate)
        self.budget.setObjectName("budget_usd")
        self.experimentation = SliderSpin(dial, low_words="-", high_words="-")
        self.experimentation.setObjectName("experimentation")
        self.requirements = RequirementsEditor()
        self.brand_kit_id = QLineEdit()
        self.brand_kit_id.setObjectName("brand_kit_id")

        self._editors: dict[str, QWidget] = {
            "title": self.title,
            "description": self.description,
            "category": self.category,
            "task_type": self.task_type,
            "budget_usd": self.budget,
            "experimentation": self.experimentation,
            "requirements": self.requirements,
            "brand_kit_id": self.brand_kit_id,
        }
        self._numbers: dict[str, SliderSpin] = {"budget_usd": self.budget, "experimentation": self.experimentation}
        self._described: dict[str, list[tuple[QWidget, str]]] = {}
        self._shown_problems: tuple[Mapping[str, list[str]], str] = ({}, "")
        self.retranslate()

        # What the form hears: the person's choices first, then every change, field by field.
        self.category.activated.connect(lambda *_: self.chose.emit("category"))
        self.task_type.activated.connect(lambda *_: self.chose.emit("task_type"))
        self._chooser.task_type_edit().textEdited.connect(lambda *_: self.chose.emit("task_type"))
        self._chooser.taskTypesChanged.connect(lambda: self.edited.emit("task_type"))
        self.title.textChanged.connect(lambda *_: self.wordsChanged.emit())
        self.description.textChanged.connect(lambda *_: self.wordsChanged.emit())
        for name, signal in (
            ("title", self.title.textChanged),
            ("description", self.description.textChanged),
            ("category", self.category.currentIndexChanged),
            ("task_type", self.task_type.currentTextChanged),
            ("budget_usd", self.budget.edited),
            ("experimentation", self.experimentation.edited),
            ("requirements", self.requirements.changed),
            ("brand_kit_id", self.brand_kit_id.textChanged),
        ):
            signal.connect(lambda *_, field=name: self.edited.emit(field))
        self.brand_kit_id.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.brand_kit_id and event.type() == QEvent.Type.FocusOut:
            self.focusLeft.emit("brand_kit_id")
        return super().eventFilter(watched, event)

    # --- where things are -----------------------------------------------------------------------
    def editor(self, field: str) -> QWidget:
        return self._editors[field]

    def focus_target(self, field: str) -> QWidget:
        """The widget that takes the cursor for a field (the box of a slider + box, the rows or the
        JSON text of the requirements)."""
        editor = self._editors[field]
        return editor.focus_target() if isinstance(editor, (SliderSpin, RequirementsEditor)) else editor

    def focus(self, field: str) -> None:
        self.focus_target(field).setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_chain(self, fields: Iterable[str]) -> list[QWidget]:
        """The widgets Tab visits for these fields, in order."""
        chain: list[QWidget] = []
        for name in fields:
            editor = self._editors[name]
            if isinstance(editor, SliderSpin):
                chain += [editor.slider, editor.spin]
            elif isinstance(editor, RequirementsEditor):
                chain += editor.focus_chain()
            else:
                chain.append(editor)
        return chain

    def set_enabled(self, enabled: bool) -> None:
        for editor in self._editors.values():
            editor.setEnabled(enabled)

    # --- reading ------------------------------------------------------------------------------
    def raw_values(self) -> dict[str, Any]:
        """What is in the form, TaskDraft-shaped. ``requirements`` is a dict, or (when it has a
        problem) the text to keep, which :meth:`load` takes back."""
        title = self.title.text().strip()
        brand = self.brand_kit_id.text().strip()
        return {
            "category": self.category_slug(),
            "task_type": self.task_type_slug(),
            "budget_usd": self.budget.value(),
            "title": title or None,
            "description": self.description.toPlainText(),
            "requirements": self.requirements.raw_value(),
            "experimentation": self.experimentation.value(),
            "brand_kit_id": brand or None,
        }

    def typed_problems(self, values: Mapping[str, Any]) -> dict[str, list[str]]:
        """What the widgets say about what is typed in them, ``values`` being :meth:`raw_values`
        (see :func:`app.form_rules.check_values`)."""
        problems: dict[str, list[str]] = {}
        if not isinstance(values.get("requirements"), dict):
            problems["requirements"] = self.requirements.problems()
        for name, box in self._numbers.items():
            pending = box.pending_problem()
            if pending:
                problems[name] = [pending]
        return problems

    def activity(self) -> Activity:
        """What the person is doing: where the cursor is, which number box holds half-typed text."""
        focused = [
            name
            for name, editor in self._editors.items()
            if (editor.spin.hasFocus() if isinstance(editor, SliderSpin) else editor.hasFocus())
        ]
        pending = [
            name
            for name, box in self._numbers.items()
            if box.pending_problem() or box.value() < box.limits.minimum  # "2" on the way to "25": more may come
        ]
        return Activity(focused=focused, pending=pending, brand_kit_text=self.brand_kit_id.text())

    def counted_texts(self) -> dict[str, str]:
        """The text of the counted fields (their counters count it)."""
        return {"title": self.title.text(), "description": self.description.toPlainText()}

    def words(self) -> tuple[str, str]:
        """The title and the description: what a category is suggested from."""
        return self.title.text(), self.description.toPlainText()

    def category_slug(self) -> str:
        return str(self.category.currentData() or "")

    def task_type_slug(self) -> str:
        return self._chooser.task_type_slug()

    def budget_value(self) -> float:
        return self.budget.value()

    def budget_typing_problem(self) -> str:
        """Why what is typed in the budget box is not an amount yet ("" when it is one)."""
        return self.budget.pending_problem()

    def more_options_filled(self) -> bool:
        """Something is written under More options (requirements or a brand kit)."""
        return bool(self.requirements.raw_value()) or bool(self.brand_kit_id.text().strip())

    # --- writing ------------------------------------------------------------------------------
    def set_categories(self, categories: list[Category]) -> None:
        self._chooser.set_categories(categories)

    def set_category(self, slug: str) -> None:
        self._chooser.set_category(slug)

    def set_task_type(self, slug: str) -> None:
        self._chooser.set_task_type(slug)

    def set_budget(self, amount: float) -> None:
        self.budget.setValue(amount)

    def commit_pending_edit(self) -> None:
        self.requirements.commit_pending_edit()

    def reset(self) -> None:
        """Empty fields and the schema's defaults (the budget is set apart: :meth:`start_budget`)."""
        lim = self.experimentation.limits
        self.experimentation.setValue(lim.default if lim.default is not None else lim.minimum)
        self.experimentation.note.hide()
        self.title.clear()
        self.description.clear()
        self.requirements.clear()
        self.brand_kit_id.clear()
        self.category.setCurrentIndex(0 if self.category.count() else -1)
        self._chooser.category_chosen()

    def start_budget(self, amount: float) -> None:
        """The amount a new task starts from."""
        self.budget.setValue(amount)
        self.budget.note.hide()

    def load(self, values: Mapping[str, Any]) -> None:
        """Fill the fields from a TaskDraft-like dict (after :meth:`reset`); missing keys keep the defaults."""
        category = str(values.get("category") or "")
        if category:
            self._chooser.set_category(category)
        task_type = str(values.get("task_type") or "")
        if task_type:
            self._chooser.set_task_type(task_type)
        for name, box in self._numbers.items():
            wanted = values.get(name)
            if isinstance(wanted, (int, float)) and not isinstance(wanted, bool) and math.isfinite(wanted):
                box.set_saved_value(float(wanted))
        self.title.setText(str(values.get("title") or ""))
        self.description.setPlainText(str(values.get("description") or ""))
        requirements = values.get("requirements")
        self.requirements.set_value(requirements if isinstance(requirements, (dict, str)) else {})
        brand = values.get("brand_kit_id")
        self.brand_kit_id.setText("" if brand is None else str(brand))

    def retranslate(self) -> None:
        """Every word in the language now installed (the form calls it on LanguageChange); the
        numbers' ends and boxes written the new locale's way, the category and type names too."""
        self.title.setPlaceholderText(translate("TaskForm", "For example: A logo for my bakery"))
        self.title.setAccessibleName(translate("TaskForm", "What do you need? (title)"))
        self.description.setPlaceholderText(
            translate("TaskForm", "What should the result look like? Who is it for? Anything to avoid?")
        )
        self.description.setAccessibleName(translate("TaskForm", "Describe it (description)"))
        budget = self.budget.limits
        self.budget.set_words(
            translate("TaskForm", "budget"),
            money(budget.minimum, budget.decimals),
            money(budget.maximum, budget.decimals),
        )
        self.budget.follow_locale()
        self.budget.set_accessible(
            translate("TaskForm", "Budget (US dollars)"), translate("TaskForm", "What you pay for the finished work.")
        )
        self.experimentation.set_words(
            translate("TaskForm", "experimentation"),
            translate("TaskForm", "Proven agents"),
            translate("TaskForm", "Try newcomers"),
        )
        self.experimentation.follow_locale()
        self.experimentation.set_accessible(
            translate("TaskForm", "Experimentation"),
            translate("TaskForm", "Low means proven agents; high lets newer agents try."),
        )
        self.brand_kit_id.setPlaceholderText(translate("TaskForm", "Only if AITasker gave you one"))
        self.brand_kit_id.setAccessibleName(translate("TaskForm", "Brand kit ID (optional)"))
        self._chooser.retranslate()
        rows, json_text = self.requirements.base_descriptions()
        # The widgets whose accessible description carries a field's problems, with its base text.
        self._described = {
            "title": [(self.title, translate("TaskForm", "A short name for the task."))],
            "description": [
                (self.description, translate("TaskForm", "The details. Enter starts a new line; Ctrl+Enter sends."))
            ],
            "category": [(self.category, translate("TaskForm", "Required. The kind of work."))],
            "task_type": [(self.task_type, translate("TaskForm", "Required. Pick from the list or type it."))],
            "requirements": [(self.requirements.table, rows), (self.requirements.json_text, json_text)],
            "brand_kit_id": [
                (self.brand_kit_id, translate("TaskForm", "Optional. The ID of a brand kit saved on AITasker."))
            ],
        }
        self.show_problems(*self._shown_problems)

    def show_problems(self, shown: Mapping[str, list[str]], category_extra: str = "") -> None:
        """Let screen readers hear each field's shown problems (``category_extra``: what the
        Category box says besides, e.g. a suggestion)."""
        self._shown_problems = (shown, category_extra)
        for name in FIELD_ORDER:
            messages = shown.get(name, [])
            problem = " " + fill(translate("TaskForm", "Problem: %1"), " ".join(messages)) if messages else ""
            for widget, base in self._described.get(name, []):
                extra = category_extra if widget is self.category else ""
                if widget is self.task_type and self.task_type_note.text():
                    extra = " " + self.task_type_note.text()  # heard, as it is seen under the box
                widget.setAccessibleDescription(base + extra + problem)
            if name in NUMBER_FIELDS:
                self._numbers[name].set_problems(messages)

    # --- the title's limit ----------------------------------------------------------------------
    def _fit_title(self, text: str) -> None:
        """What was typed or pasted past the title's limit is left out, in whole characters (a
        flag, an accented letter or a family emoji is never cut in half); the rest of the title
        stays: a maxLength that counts characters as AITasker does."""
        limit = self._title_max
        if limit is None:
            return
        # Qt may say "edited" before or after "changed": the text before the edit is whichever of
        # the last two it showed is not this one.
        previous, shown = self._title_texts
        before, now = (previous if shown == text else shown), clean(text)
        cursor = None
        if char_count(now) > limit:
            # The edit replaced before[start:len(before) - end] with now[start:len(now) - end].
            start = 0
            while start < min(len(before), len(now)) and before[start] == now[start]:
                start += 1
            end = 0
            while end < min(len(before), len(now)) - start and before[-1 - end] == now[-1 - end]:
                end += 1
            head, typed, tail = now[:start], now[start : len(now) - end], now[len(now) - end :]
            typed = fit(typed, max(0, limit - len(head) - len(tail)))
            now = fit(head + typed + tail, limit)  # (already over before this edit: cut at the end)
            cursor = min(utf16_units(head + typed), utf16_units(now))
        if now != text:
            self.title.setText(now)
            if cursor is not None:
                self.title.setCursorPosition(cursor)
