"""The task form: every field of the create request, in plain words, limits read from app.api.schema.

Made for people who do not write code: fields in the order one thinks of them, a message in
words under a field only once there is something to say, Send disabled with the reason beside it,
and every number taken from :mod:`app.api.schema`.

The form composes parts that each own their widgets and state, and renders one FormState:

- :class:`~ui.panels.form_fields.FormFields`: the editors, reading and writing the values;
- :class:`~ui.panels.form_checks.FieldMessages`: the message lines and the counters;
- :class:`~ui.panels.budget_guidance.BudgetGuidance`: the line under the budget, where it starts;
- :class:`~ui.panels.suggested_category.CategorySuggestion`: the category suggested from the words;
- :class:`~ui.panels.send_bar.SendBar`: Post task, and why it waits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from app.budget import BudgetMemory
from app.form_rules import FIELD_ORDER, MORE_OPTIONS, FormState, check_values
from app.suggest import Suggestion
from app.taxonomy import Category
from ui.panels.budget_guidance import BudgetGuidance
from ui.panels.form_checks import FieldMessages
from ui.panels.form_fields import FormFields
from ui.panels.form_words import LABELS, SEND_TEXT, SEND_TIP, expander, field_layout, reserve, say_form_words
from ui.panels.send_bar import SendBar
from ui.panels.suggested_category import CategorySuggestion
from ui.widgets.relayout import relayout_on_width_change

if TYPE_CHECKING:
    from app.api.schema import TaskDraft

__all__ = ["FIELD_ORDER", "LABELS", "SEND_TEXT", "SEND_TIP", "TaskForm"]


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

    def __init__(self, parent: QWidget | None = None, *, checks_held: bool = False) -> None:
        """``checks_held``: the form is not checked (nor pydantic loaded) until
        :meth:`release_checks`, so that the window's first picture comes sooner; sending checks
        at once all the same."""
        super().__init__(parent)
        self.setObjectName("taskForm")
        self._checks_held = checks_held
        self._check_pending = False
        self._loading = False  # filling the fields: their changes are not the person's
        self._state = FormState()
        self._fields = FormFields(self)
        self._messages = FieldMessages(self)
        self._guidance = BudgetGuidance(self)
        self._suggested = CategorySuggestion(self)
        self._send_bar = SendBar()
        # The widgets, by the names people (and tests) know them by; each belongs to one part.
        fields = self._fields
        self.title, self.description = fields.title, fields.description
        self.category, self.task_type = fields.category, fields.task_type
        self.budget, self.experimentation = fields.budget, fields.experimentation
        self.requirements, self.brand_kit_id = fields.requirements, fields.brand_kit_id
        self.title_counter, self.description_counter = self._messages.title_counter, self._messages.description_counter
        self.general_error = self._messages.general_error
        self.budget_guidance = self._guidance.label
        self.suggestion = self._suggested.bar
        self.send_button, self.send_hint = self._send_bar.send_button, self._send_bar.send_hint
        self._lay_out()
        say_form_words(self._labels, self.more_toggle, self._hint)

        fields.edited.connect(self._field_edited)
        fields.chose.connect(self._chose)
        fields.wordsChanged.connect(self._update_suggestion)
        fields.focusLeft.connect(lambda _field: self._render())  # a half-typed ID is now worth a word
        self.requirements.modeChanged.connect(
            lambda: self._labels["requirements"].setBuddy(fields.focus_target("requirements"))
        )
        self._guidance.amountChosen.connect(fields.set_budget)
        self._suggested.accepted.connect(self.accept_suggestion)
        self._send_bar.sendRequested.connect(self.request_send)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # not from the table beside
            shortcut.activated.connect(self.request_send)
        self.clear()

    def _lay_out(self) -> None:
        """Labels above the fields, rarely used ones under a closed "More options", the fields
        scrolling above the actions bar."""
        form, more = field_layout(), field_layout()
        more.setContentsMargins(0, 0, 0, 0)
        self.more_toggle = expander("moreOptions", "", "")  # (its words, and the labels': retranslate)
        self.more_options = QWidget()
        self.more_options.setObjectName("moreOptionsFields")
        self.more_options.setLayout(more)
        self.more_options.hide()
        self.more_toggle.toggled.connect(self._show_more_options)
        self._hint = hint = QLabel()
        hint.setObjectName("experimentationHint")
        hint.setWordWrap(True)
        right = Qt.AlignmentFlag.AlignRight
        # Under the title, one row kept for the suggestion whether one is offered or not, with the
        # counter at its end: a suggestion coming or going moves nothing below it.
        title_row = QHBoxLayout()
        title_row.addWidget(self.suggestion, 1)
        title_row.addWidget(self.title_counter, 0, right | Qt.AlignmentFlag.AlignTop)
        lines = self.suggestion.text.fontMetrics().lineSpacing()
        reserve(self.suggestion, max(self.suggestion.use.sizeHint().height(), 2 * lines))
        reserve(self.budget_guidance, 3 * lines)
        reserve(self._fields.task_type_note, 2 * lines)  # "the only type listed, filled in; …"
        below: dict[str, list[tuple[QWidget | QHBoxLayout, Qt.AlignmentFlag | None]]] = {
            "title": [(title_row, None)],
            "description": [(self.description_counter, right)],
            "task_type": [(self._fields.task_type_note, None)],
            "budget_usd": [(self.budget_guidance, None)],
            "experimentation": [(hint, None)],
        }
        self._labels: dict[str, QLabel] = {}
        for name in FIELD_ORDER:
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(self._fields.editor(name))
            for widget, alignment in below.get(name, []):
                if isinstance(widget, QHBoxLayout):
                    box.addLayout(widget)
                elif alignment is None:
                    box.addWidget(widget)
                else:
                    box.addWidget(widget, 0, alignment)
            box.addWidget(self._messages.line(name))
            label = QLabel()
            label.setObjectName(f"label_{name}")
            label.setBuddy(self._fields.focus_target(name))  # short, on its own line: never wrapped (QLabel can clip)
            self._labels[name] = label
            (more if name in MORE_OPTIONS else form).addRow(label, box)

        fields = QWidget()
        fields.setObjectName("formFields")
        relayout_on_width_change(fields)  # its wrapped texts measured at the width it has: no jump later
        fields_layout = QVBoxLayout(fields)
        fields_layout.addLayout(form)
        fields_layout.addWidget(self.more_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        fields_layout.addWidget(self.more_options)
        fields_layout.addWidget(self.general_error)
        fields_layout.addStretch(1)
        self._scroll = QScrollArea()
        self._scroll.setObjectName("formScroll")
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Always there: a scroll bar appearing would narrow the fields after their wrapped texts
        # were measured, and cut the last line of one (QScrollArea measures at the width it had).
        self._scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self._scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields, not the frame
        self._scroll.setWidget(fields)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._scroll, 1)
        outer.addWidget(line)
        outer.addWidget(self._send_bar)

        before_more = [name for name in FIELD_ORDER if name not in MORE_OPTIONS]
        chain = [
            self.title,
            self.suggestion.use,
            *self._fields.focus_chain(before_more[1:]),
            self.more_toggle,
            *self._fields.focus_chain(MORE_OPTIONS),
            self.send_button,
        ]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)

    def changeEvent(self, event: QEvent) -> None:
        """A new language: every word again (labels, fields, messages, the suggestion, why Post waits)."""
        if event.type() == QEvent.Type.LanguageChange:
            say_form_words(self._labels, self.more_toggle, self._hint)
            self._fields.retranslate()
            self._messages.retranslate()
            self._update_suggestion()
            self._revalidate(emit_changed=False)
        super().changeEvent(event)

    # --- More options ----------------------------------------------------------------------------
    def _show_more_options(self, shown: bool) -> None:
        self.more_options.setVisible(shown)
        self.more_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        if self.more_toggle.isChecked() != shown:
            self.more_toggle.setChecked(shown)

    def open_more_options(self) -> None:
        self._show_more_options(True)

    # --- the actions bar ------------------------------------------------------------------------
    def add_action(self, button: QWidget) -> None:
        """Put a button in the bar below the fields, before Send (e.g. Cancel sending)."""
        self._send_bar.add_action(button)

    def scroll_to_top(self) -> None:
        self._scroll.verticalScrollBar().setValue(0)

    # --- values -------------------------------------------------------------------------------
    def raw_values(self) -> dict[str, Any]:
        """What is in the form, TaskDraft-shaped. ``requirements`` is a dict, or (when it has a
        problem) the text to keep, which :meth:`load_values` takes back."""
        return self._fields.raw_values()

    def validate(self) -> tuple[TaskDraft | None, dict[str, list[str]]]:
        """Check everything; no side effects. Problems are sentences, by field name."""
        values = self._fields.raw_values()
        return check_values(values, self._fields.typed_problems(values))

    def problems(self) -> dict[str, list[str]]:
        """The problems found at the last check (all of them, shown or not)."""
        return dict(self._state.problems)

    def task_type_slug(self) -> str:
        return self._fields.task_type_slug()

    def set_task_type(self, slug: str) -> None:
        self._fields.set_task_type(slug)

    def set_categories(self, categories: list[Category]) -> None:
        self._suggested.set_categories(categories)
        self._fields.set_categories(categories)
        self._update_suggestion()

    def set_budget_memory(self, memory: BudgetMemory | None) -> None:
        """Where the last budget per task type is kept; the budget starts from it."""
        self._guidance.set_memory(memory, self._fields.task_type_slug(), self._fields.budget_value())

    def clear(self) -> None:
        """An empty form with the schema's defaults, ready for a new task; the cursor in the title."""
        was_loading, self._loading = self._loading, True
        try:
            self._fields.reset()
            # A first amount one would not regret (app/budget.py), following the task type from now on.
            self._fields.start_budget(self._guidance.fresh(self._fields.task_type_slug()))
        finally:
            self._loading = was_loading
        self._state.reset()
        self._suggested.reset()
        self._update_suggestion()
        self._show_more_options(False)
        if not self._loading:
            self._revalidate(emit_changed=True)
        self.scroll_to_top()
        self._fields.focus("title")

    def load_values(self, values: dict[str, Any]) -> None:
        """Fill the form from a TaskDraft-like dict (e.g. a reopened draft); missing keys get the
        defaults. ``load_values(raw_values())`` gives the same form back."""
        self._loading = True
        try:
            self.clear()
            self._fields.load(values)
            if isinstance(values.get("budget_usd"), (int, float)):
                self._guidance.person_set()  # a reopened draft's budget is the person's
        finally:
            self._loading = False
        if self._fields.more_options_filled():
            self.open_more_options()  # a reopened draft's requirements or brand kit are shown
        # A reopened draft's choices are the person's: no suggestion replaces them.
        self._suggested.reset(category=self._fields.category_slug(), task_type=self._fields.task_type_slug())
        self._update_suggestion()
        self._revalidate(emit_changed=True)

    # --- sending --------------------------------------------------------------------------------
    def draft(self) -> TaskDraft | None:
        """The valid draft; otherwise every problem is shown and focus goes to the first one.
        Counts as trying to send."""
        self._state.send_attempted = True
        self._fields.commit_pending_edit()
        self.release_checks()  # sending never waits for the first picture
        draft = self._revalidate(emit_changed=False)  # one check: shown and returned
        if draft is None:
            self.focus_first_problem()
        return draft

    def request_send(self) -> None:
        """Send (button, Ctrl+Enter): emits ``submitRequested`` when valid; otherwise shows
        every problem and puts the cursor on the first."""
        if self._state.busy:
            return
        if self.draft() is not None:
            self.submitRequested.emit()

    def set_busy(self, busy: bool) -> None:
        self._state.busy = busy
        self._fields.set_enabled(not busy)
        self._send_bar.set_busy(busy)
        self._revalidate(emit_changed=False)

    def mark_send_attempted(self) -> None:
        """Show the problems of untouched required fields too (as after pressing Send)."""
        self._state.send_attempted = True
        self._revalidate(emit_changed=False)

    def focus_first_problem(self) -> None:
        first = self._state.first_problem()
        if first is not None:
            if first in MORE_OPTIONS:
                self.open_more_options()
            self._fields.focus(first)

    def show_errors(self, problems: dict[str, list[str]]) -> None:
        """Show messages from elsewhere (e.g. the server's 422) under their fields; each stays
        until its field is edited. An empty dict removes them."""
        self._state.show_errors(problems)
        self._render()

    def release_checks(self) -> None:
        """Check the form from now on (see ``checks_held``), and once now if anything changed."""
        self._checks_held = False
        if self._check_pending:
            self._check_pending = False
            self._revalidate(emit_changed=False)

    # --- the suggested category -------------------------------------------------------------------
    def accept_suggestion(self, suggestion: Suggestion) -> None:
        """Choose the suggested category (and task type): one click on "Use it", or Alt+U."""
        self._suggested.taken(suggestion)
        self._fields.set_category(suggestion.category)
        if suggestion.task_type:
            self._fields.set_task_type(suggestion.task_type)
        self._touch("category")
        self._update_suggestion()

    def _update_suggestion(self) -> None:
        title, description = self._fields.words()
        if self._suggested.update(title, description, self._fields.category_slug(), self._fields.task_type_slug()):
            self._render()  # the Category box's description mentions the suggestion

    # --- what the person does -------------------------------------------------------------------
    def _chose(self, field: str) -> None:
        self._touch(field)
        if not self._loading:
            self._suggested.person_chose(field)
            self._update_suggestion()

    def _touch(self, field: str) -> None:
        if self._state.touch(field):
            self._revalidate(emit_changed=False)

    def _field_edited(self, field: str) -> None:
        if not self._loading:
            if field == "task_type":
                self._guidance.task_type_changed(self._fields.task_type_slug(), self._fields.budget_value())
            elif field == "budget_usd":
                self._guidance.amount_edited(self._fields.budget_value())
        self._state.edited(field)
        if not self._loading:
            self._revalidate(emit_changed=True)

    # --- showing the state ----------------------------------------------------------------------
    def _revalidate(self, *, emit_changed: bool) -> TaskDraft | None:
        self._messages.count(self._fields.counted_texts())
        self._guidance.show_for(
            self._fields.budget_value(),
            self._fields.task_type_slug(),
            typing_problem=bool(self._fields.budget_typing_problem()),
        )
        if self._checks_held:
            self._check_pending = True
            if emit_changed:
                self.changed.emit()
            return None
        values = self._fields.raw_values()
        draft = self._state.check(values, self._fields.typed_problems(values))
        self._render()
        reason = self._state.reason()
        self._send_bar.show_state(reason, ready=self._state.ready, busy=self._state.busy)
        self.validityChanged.emit(self._state.ready, reason)
        if emit_changed:
            self.changed.emit()
        return draft

    def _render(self) -> None:
        shown = self._state.shown(self._fields.activity())
        if shown.open_more_options and self.more_options.isHidden():
            self.open_more_options()  # a message is never hidden in a closed section
        self._messages.show(shown)
        self._fields.show_problems(shown.by_field, self._suggested.words())
