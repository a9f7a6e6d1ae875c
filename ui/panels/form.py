"""The task form: every field of the create request, in plain words, limits read from app.schema.

Made for people who do not write code: fields in the order one thinks of them, a message in
words under a field only once there is something to say (the rules: :mod:`app.form_rules`), Send
disabled with the reason beside it, and every number taken from :mod:`app.schema`.
"""

from __future__ import annotations

import math
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import form_rules
from app.budget import PAID_WHEN, BudgetMemory, budget_problem, first_budget, pays_for
from app.form_rules import FIELD_ORDER
from app.schema import TaskDraft, max_length, number_limits
from app.suggest import Suggestion, SuggestionPolicy, suggest
from app.taxonomy import Category
from app.textlimits import char_count, clean, fit, qt_max_length, utf16_units
from app.validation import money_words, plain_field_errors
from ui.i18n import fill, words
from ui.panels.category_chooser import CategoryChooser
from ui.presenters import money
from ui.requirements_editor import RequirementsEditor
from ui.theme import set_tone
from ui.widgets.plain_text_edit import PlainTextEdit
from ui.widgets.slider_spin import SliderSpin
from ui.widgets.suggestion_bar import SuggestionBar

__all__ = ["FIELD_ORDER", "LABELS", "SEND_TEXT", "SEND_TIP", "TaskForm"]

# The label of each field; the letter after "&" is its Alt shortcut. No letter is used twice in
# the form: the Send button has S, the requirements editor A (add), M (remove) and J (JSON).
LABELS = {
    "title": QT_TRANSLATE_NOOP("TaskForm", "&What do you need?"),
    "description": QT_TRANSLATE_NOOP("TaskForm", "&Describe it"),
    "category": QT_TRANSLATE_NOOP("TaskForm", "&Category"),
    "task_type": QT_TRANSLATE_NOOP("TaskForm", "&Task type"),
    "budget_usd": QT_TRANSLATE_NOOP("TaskForm", "&Budget (US dollars)"),
    "experimentation": QT_TRANSLATE_NOOP("TaskForm", "&Experimentation"),
    "requirements": QT_TRANSLATE_NOOP("TaskForm", "&Requirements (optional)"),
    "brand_kit_id": QT_TRANSLATE_NOOP("TaskForm", "Brand &kit ID (optional)"),
}
SEND_TEXT = QT_TRANSLATE_NOOP(
    "TaskForm", "&Post task"
)  # one verb for the act: the button, the question and the confirmation say "post"
MORE_OPTIONS = ("requirements", "brand_kit_id")  # under "More options", closed until needed
# What the budget box takes while typing: more than the limits, so that "500" stays 500 and the
# message under it can say so (app.budget.budget_problem), rather than Qt keeping "50".
BUDGET_TYPING_RANGE = (0.0, 99_999.99)
SEND_TIP = QT_TRANSLATE_NOOP("TaskForm", "Post this task on AITasker (Ctrl+Enter)")


def _field_layout() -> QFormLayout:
    form = QFormLayout()
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # labels above: room at any width
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setVerticalSpacing(10)
    return form


def _message_label(name: str, tone: str, *, hidden: bool = True) -> QLabel:
    """A wrapped plain-text line for messages (server text is never rendered as rich text)."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    set_tone(label, tone)  # follows the light or dark look
    if hidden:
        label.hide()
    return label


class TaskForm(QWidget):
    """Edits one draft. ``draft()`` gives a valid TaskDraft or None (errors shown inline).

    Messages appear under a field as the person types; the required choices (category, task type)
    are only complained about once touched or once sending was tried (``draft()``, Ctrl+Enter or
    :meth:`mark_send_attempted`). Errors given to :meth:`show_errors` (e.g. the server's) stay
    until that field is edited.
    """

    changed = Signal()
    validityChanged = Signal(bool, str)  # valid, reason when not
    submitRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("taskForm")
        budget = number_limits("budget_usd")
        dial = number_limits("experimentation")
        self._title_max = max_length("title")
        self._description_max = max_length("description")

        self.title = QLineEdit()
        self.title.setObjectName("title")
        if self._title_max is not None:
            # Qt counts UTF-16 units (an emoji is 2), AITasker counts characters: room for the
            # limit in emoji, then _fit_title keeps it to the limit in characters, never cutting one.
            self.title.setMaxLength(qt_max_length(self._title_max))
            self._title_texts = ("", "")  # (before the last change, now)
            self.title.textChanged.connect(lambda text: setattr(self, "_title_texts", (self._title_texts[1], text)))
            self.title.textEdited.connect(self._fit_title)
        self.title.setPlaceholderText(self.tr("For example: A logo for my bakery"))
        self.title.setAccessibleName(self.tr("What do you need? (title)"))
        self.description = PlainTextEdit()
        self.description.setObjectName("description")
        self.description.setPlaceholderText(
            self.tr("What should the result look like? Who is it for? Anything to avoid?")
        )
        self.description.setMinimumHeight(self.description.fontMetrics().lineSpacing() * 4)
        self.description.setAccessibleName(self.tr("Describe it (description)"))
        self._chooser = CategoryChooser(self)
        self.category = self._chooser.category
        self.task_type = self._chooser.task_type
        self.budget = SliderSpin(
            budget,
            money=True,
            noun=self.tr("budget"),
            low_words=money(budget.minimum, budget.decimals),
            high_words=money(budget.maximum, budget.decimals),
            typing_range=BUDGET_TYPING_RANGE,
        )
        self.budget_guidance = QLabel()
        self.budget_guidance.setObjectName("budgetGuidance")
        self.budget_guidance.setWordWrap(True)
        self.budget_guidance.setTextFormat(Qt.TextFormat.PlainText)
        set_tone(self.budget_guidance, "quiet")
        self._budget_memory: BudgetMemory | None = None
        # "Looks like Graphics & Design › Logo design — Use it", from the words typed (app/suggest.py).
        self.suggestion = SuggestionBar()
        self._suggestions = SuggestionPolicy()
        self._categories: list[Category] = []
        self._auto_budget: float | None = None  # the budget the form chose; None once the person did
        self.budget.setObjectName("budget_usd")
        self.budget.set_accessible(self.tr("Budget (US dollars)"), self.tr("What you pay for the finished work."))
        self.experimentation = SliderSpin(
            dial,
            noun=self.tr("experimentation"),
            low_words=self.tr("Proven agents"),
            high_words=self.tr("Try newcomers"),
        )
        self.experimentation.setObjectName("experimentation")
        self.experimentation.set_accessible(
            self.tr("Experimentation"), self.tr("Low means proven agents; high lets newer agents try.")
        )
        self.requirements = RequirementsEditor()
        self.brand_kit_id = QLineEdit()
        self.brand_kit_id.setObjectName("brand_kit_id")
        self.brand_kit_id.setPlaceholderText(self.tr("Only if AITasker gave you one"))
        self.brand_kit_id.setAccessibleName(self.tr("Brand kit ID (optional)"))

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
        # The widgets whose accessible description carries a field's problems, with its base text.
        self._described: dict[str, list[tuple[QWidget, str]]] = {
            "title": [(self.title, self.tr("Optional. A short name for the task."))],
            "description": [(self.description, self.tr("The details. Enter starts a new line; Ctrl+Enter sends."))],
            "category": [(self.category, self.tr("Required. The kind of work."))],
            "task_type": [(self.task_type, self.tr("Required. Pick from the list or type it."))],
            "requirements": [
                (self.requirements.table, self.requirements.table.accessibleDescription()),
                (self.requirements.json_text, self.requirements.json_text.accessibleDescription()),
            ],
            "brand_kit_id": [(self.brand_kit_id, self.tr("Optional. The ID of a brand kit saved on AITasker."))],
        }
        self.title_counter = QLabel()
        self.title_counter.setObjectName("titleCounter")
        self.title_counter.setAccessibleName(self.tr("Characters in the title"))
        self.description_counter = QLabel()
        self.description_counter.setObjectName("descriptionCounter")
        self.description_counter.setAccessibleName(self.tr("Characters in the description"))
        self._errors: dict[str, QLabel] = {}
        self._labels: dict[str, QLabel] = {}

        form = _field_layout()
        # Rarely used fields wait under a closed "More options" (opened by itself when one of them
        # holds something or has a problem).
        self.more_toggle = QToolButton()
        self.more_toggle.setObjectName("moreOptions")
        self.more_toggle.setText(self.tr("M&ore options"))
        self.more_toggle.setCheckable(True)
        self.more_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.more_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.more_toggle.setToolTip(self.tr("Requirements as names and values, and a brand kit (Alt+O)"))
        self.more_options = QWidget()
        self.more_options.setObjectName("moreOptionsFields")
        more = _field_layout()
        more.setContentsMargins(0, 0, 0, 0)
        self.more_options.setLayout(more)
        self.more_options.hide()
        self.more_toggle.toggled.connect(self._show_more_options)
        for name in FIELD_ORDER:
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(self._editors[name])
            if name == "title":
                box.addWidget(self.title_counter, 0, Qt.AlignmentFlag.AlignRight)
                box.addWidget(self.suggestion)
            if name == "description":
                box.addWidget(self.description_counter, 0, Qt.AlignmentFlag.AlignRight)
            if name == "budget_usd":
                box.addWidget(self.budget_guidance)
            if name == "experimentation":
                hint = QLabel(
                    self.tr(
                        "How open to newer agents should AITasker be? Proven agents are safer; newcomers may surprise you."
                    )
                )
                hint.setObjectName("experimentationHint")
                hint.setWordWrap(True)
                box.addWidget(hint)
            error = _message_label(f"error_{name}", "error")
            box.addWidget(error)
            self._errors[name] = error
            label = QLabel(self.tr(LABELS[name]))
            label.setObjectName(f"label_{name}")
            label.setBuddy(self._focus_target(name))  # short, on its own line: never wrapped (QLabel can clip)
            self._labels[name] = label
            (more if name in MORE_OPTIONS else form).addRow(label, box)
        self.general_error = _message_label("error___all__", "error")
        self._errors["__all__"] = self.general_error

        self.send_button = QPushButton(self.tr(SEND_TEXT))
        self.send_button.setObjectName("sendButton")
        self.send_button.setDefault(True)
        self.send_hint = _message_label("sendHint", "quiet", hidden=False)
        self.send_button.clicked.connect(self.request_send)
        # The fields scroll; the actions stay in a bar below them, always in view.
        fields = QWidget()
        fields.setObjectName("formFields")
        fields_layout = QVBoxLayout(fields)
        fields_layout.addLayout(form)
        fields_layout.addWidget(self.more_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        fields_layout.addWidget(self.more_options)
        fields_layout.addWidget(self.general_error)
        fields_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("formScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Always there: a scroll bar appearing would narrow the fields after their wrapped texts
        # were measured, and cut the last line of one (QScrollArea measures at the width it had).
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields, not the frame
        self.scroll.setWidget(fields)
        self.actions_bar = QFrame()
        self.actions_bar.setObjectName("formActions")
        self.actions_bar.setFrameShape(QFrame.Shape.NoFrame)
        self._actions = QHBoxLayout(self.actions_bar)
        self._actions.setContentsMargins(8, 6, 8, 6)
        self._actions.addWidget(self.send_hint, 1)
        self._actions.addWidget(self.send_button, 0, Qt.AlignmentFlag.AlignTop)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.scroll, 1)
        outer.addWidget(line)
        outer.addWidget(self.actions_bar)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # not from the table beside
            shortcut.activated.connect(self.request_send)

        chain = [
            self.title,
            self.description,
            self.category,
            self.task_type,
            self.budget.slider,
            self.budget.spin,
            self.experimentation.slider,
            self.experimentation.spin,
            self.more_toggle,
            *self.requirements.focus_chain(),
            self.brand_kit_id,
            self.send_button,
        ]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)

        self._busy = False
        self._loading = False
        self._send_attempted = False
        self._touched: set[str] = set()
        self._external: dict[str, list[str]] = {}
        self._problems: dict[str, list[str]] = {}
        self._chooser.taskTypesChanged.connect(lambda: self._field_edited("task_type"))
        self.category.activated.connect(lambda *_: self._touch("category"))
        self.task_type.activated.connect(lambda *_: self._touch("task_type"))
        self._chooser.task_type_edit().textEdited.connect(lambda *_: self._touch("task_type"))
        self.category.activated.connect(lambda *_: self._person_chose(category=True))
        self.task_type.activated.connect(lambda *_: self._person_chose(task_type=True))
        self._chooser.task_type_edit().textEdited.connect(lambda *_: self._person_chose(task_type=True))
        self.title.textChanged.connect(self._update_suggestion)
        self.description.textChanged.connect(self._update_suggestion)
        self.suggestion.accepted.connect(self.accept_suggestion)
        self.requirements.modeChanged.connect(
            lambda: self._labels["requirements"].setBuddy(self.requirements.focus_target())
        )
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
            signal.connect(lambda *_, field=name: self._field_edited(field))
        self.brand_kit_id.installEventFilter(self)
        self.clear()

    def _focus_target(self, field: str) -> QWidget:
        """The widget that takes the cursor for a field (the box of a slider + box, the rows or the
        JSON text of the requirements)."""
        editor = self._editors[field]
        return editor.focus_target() if isinstance(editor, (SliderSpin, RequirementsEditor)) else editor

    # --- More options ----------------------------------------------------------------------------
    def _show_more_options(self, shown: bool) -> None:
        self.more_options.setVisible(shown)
        self.more_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        if self.more_toggle.isChecked() != shown:
            self.more_toggle.setChecked(shown)

    def open_more_options(self) -> None:
        self._show_more_options(True)

    def _more_options_needed(self, shown: dict[str, list[str]] | None = None) -> bool:
        """Something under More options the person must see: content, or a message."""
        values_there = bool(self.requirements.raw_value()) or bool(self.brand_kit_id.text().strip())
        return values_there or any((shown or {}).get(name) for name in MORE_OPTIONS)

    # --- the actions bar ------------------------------------------------------------------------
    def add_action(self, button: QWidget) -> None:
        """Put a button in the bar below the fields, before Send (e.g. Cancel sending)."""
        self._actions.insertWidget(self._actions.indexOf(self.send_button), button, 0, Qt.AlignmentFlag.AlignTop)

    def scroll_to_top(self) -> None:
        self.scroll.verticalScrollBar().setValue(0)

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
            text = f"{pays_for(value)} {PAID_WHEN}"
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
            fill(self.tr(" Suggested from your words: %1; Alt+U uses it."), offered.text) if offered is not None else ""
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
                self.tr("Requirements must be names and values.")
            ]
            values["requirements"] = {}
        for name, widget in (("budget_usd", self.budget), ("experimentation", self.experimentation)):
            pending = widget.pending_problem()
            if pending:
                problems[name] = [pending]
        if "budget_usd" not in problems:
            over = budget_problem(values["budget_usd"], money_words)
            if over:
                problems["budget_usd"] = [over]  # names the amount typed, which the box still shows
        try:
            draft = TaskDraft.model_validate(values)
        except ValidationError as exc:
            for field, messages in plain_field_errors(exc.errors()).items():
                if field not in problems:
                    problems.setdefault(field, []).extend(messages)
            return None, problems
        return (None, problems) if problems else (draft, {})

    def draft(self) -> TaskDraft | None:
        """The valid draft; otherwise every problem is shown and focus goes to the first one.
        Counts as trying to send."""
        self._send_attempted = True
        self.requirements.commit_pending_edit()
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

    def mark_send_attempted(self) -> None:
        """Show the problems of untouched required fields too (as after pressing Send)."""
        self._send_attempted = True
        self._revalidate(emit_changed=False)

    def focus_first_problem(self) -> None:
        first = form_rules.first_problem(self._problems, self._external)
        if first is not None:
            if first in MORE_OPTIONS:
                self.open_more_options()
            self._focus_target(first).setFocus(Qt.FocusReason.OtherFocusReason)

    def problems(self) -> dict[str, list[str]]:
        """The problems found at the last check (all of them, shown or not)."""
        return dict(self._problems)

    def show_errors(self, problems: dict[str, list[str]]) -> None:
        """Show messages from elsewhere (e.g. the server's 422) under their fields; each stays
        until its field is edited. An empty dict removes them."""
        self._external = {field: list(messages) for field, messages in problems.items() if messages}
        self._render()

    # --- checking as one types -----------------------------------------------------------------
    def _touch(self, field: str) -> None:
        if field not in self._touched:
            self._touched.add(field)
            self._revalidate(emit_changed=False)

    def _field_edited(self, field: str) -> None:
        if field == "task_type" and not self._loading:
            self._start_budget()
        elif field == "budget_usd":
            self._budget_edited()
        for name in form_rules.clear_on_edit(field):
            self._external.pop(name, None)
        if not self._loading:
            self._revalidate(emit_changed=True)

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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.brand_kit_id and event.type() == QEvent.Type.FocusOut:
            self._render()  # a half-typed ID is now worth a word
        return super().eventFilter(watched, event)

    def _quiet(self, field: str) -> bool:
        """True when a problem of this field is not worth a message yet (:mod:`app.form_rules`)."""
        editor = self._editors.get(field)
        pending = isinstance(editor, SliderSpin) and (
            bool(editor.pending_problem())
            or editor.value() < editor.limits.minimum  # "2" on the way to "25": more digits may come
        )
        focused = editor.spin.hasFocus() if isinstance(editor, SliderSpin) else bool(editor and editor.hasFocus())
        state = form_rules.FieldState(
            send_attempted=self._send_attempted,
            touched=field in self._touched,
            focused=focused,
            pending=pending,
            text=self.brand_kit_id.text() if field == "brand_kit_id" else "",
        )
        return form_rules.is_quiet(field, state)

    def _revalidate(self, *, emit_changed: bool) -> TaskDraft | None:
        self._update_counters()
        self._update_budget_guidance()
        draft, self._problems = self.validate()
        self._render()
        reason = self._reason()
        ready = not self._problems
        self.send_button.setEnabled(ready and not self._busy)
        self.send_button.setToolTip(
            fill(self.tr("Not ready to post (Ctrl+Enter once it is). %1"), reason) if reason else self.tr(SEND_TIP)
        )
        self.send_button.setAccessibleDescription(reason)
        self.send_hint.setText(fill(self.tr("To send: %1"), reason) if reason and not self._busy else "")
        self.send_hint.setVisible(bool(reason) and not self._busy)
        self.validityChanged.emit(ready, reason)
        if emit_changed:
            self.changed.emit()
        return draft

    def _reason(self) -> str:
        return form_rules.send_reason(self._problems)

    def _render(self) -> None:
        shown = form_rules.shown_messages(self._problems, self._external, self._quiet)
        if self.more_options.isHidden() and any(shown.get(name) for name in MORE_OPTIONS):
            self.open_more_options()  # a message is never hidden in a closed section
        for name in FIELD_ORDER:
            messages = shown.get(name, [])
            label = self._errors[name]
            under = form_rules.under_field(name, messages)  # too long: the counter says it
            label.setText("\n".join("⚠ " + words(m) for m in under))
            label.setVisible(bool(under))
            for widget, base in self._described.get(name, []):
                extra = self._suggestion_words() if widget is self.category else ""
                widget.setAccessibleDescription(base + extra + (" Problem: " + " ".join(messages) if messages else ""))
            editor = self._editors[name]
            if isinstance(editor, SliderSpin):
                editor.set_problems(messages)
        general = form_rules.general_messages(shown)
        self.general_error.setText("\n".join("⚠ " + words(m) for m in general))
        self.general_error.setVisible(bool(general))

    def _update_counters(self) -> None:
        for counter, length, limit in (
            (self.title_counter, char_count(self.title.text()), self._title_max),
            (self.description_counter, char_count(self.description.toPlainText()), self._description_max),
        ):
            text, over = form_rules.counter_words(length, limit)
            counter.setText(text)
            if limit is not None:
                set_tone(counter, "error" if over else "quiet")
                font = counter.font()
                font.setBold(over)
                counter.setFont(font)

    # --- state --------------------------------------------------------------------------------
    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        for editor in self._editors.values():
            editor.setEnabled(not busy)
        self.send_button.setText(self.tr("Posting…") if busy else self.tr(SEND_TEXT))
        self._revalidate(emit_changed=False)

    def clear(self) -> None:
        """An empty form with the schema's defaults, ready for a new task; the cursor in the title."""
        was_loading, self._loading = self._loading, True
        try:
            lim = self.experimentation.limits
            self.experimentation.setValue(lim.default if lim.default is not None else lim.minimum)
            self.experimentation.note.hide()
            self.title.clear()
            self.description.clear()
            self.requirements.clear()
            self.brand_kit_id.clear()
            self.category.setCurrentIndex(0 if self.category.count() else -1)
            self._chooser.category_chosen()
            self._auto_budget = self._budget_start()  # a first amount one would not regret (app/budget.py)
            self.budget.setValue(self._auto_budget)
            self.budget.note.hide()
        finally:
            self._loading = was_loading
        self._send_attempted = False
        self._touched.clear()
        self._external.clear()
        self._suggestions.reset()
        self._update_suggestion()
        self._show_more_options(False)
        if not self._loading:
            self._revalidate(emit_changed=True)
        self.scroll_to_top()
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)
