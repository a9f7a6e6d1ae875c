"""The task form: every field of the create request, in plain words, limits read from app.schema.

Made for people who do not write code: fields in the order one thinks of them, a message in
words under a field only once there is something to say, Send disabled with the reason beside it,
and every number (ranges, steps, lengths, defaults) taken from :mod:`app.schema`.
"""

from __future__ import annotations

import math
import re
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QValidator, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractSlider,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from app.schema import NumberLimits, TaskDraft, max_length, number_limits, plain_field_errors
from app.taxonomy import Category, friendly_name
from ui.requirements_editor import PlainTextEdit, RequirementsEditor

__all__ = ["FIELD_ORDER", "PlainTextEdit", "SliderSpin", "TaskForm"]

FIELD_ORDER = [
    "title", "description", "category", "task_type", "budget_usd", "experimentation",
    "requirements", "brand_kit_id",
]

# The label of each field; the letter after "&" is its Alt shortcut. No letter is used twice in
# the form: the Send button has S, the requirements editor A (add), M (remove) and J (JSON).
LABELS = {
    "title": "&What do you need?",
    "description": "&Describe it",
    "category": "&Category",
    "task_type": "&Task type",
    "budget_usd": "&Budget (US dollars)",
    "experimentation": "&Experimentation",
    "requirements": "&Requirements (optional)",
    "brand_kit_id": "Brand &kit ID (optional)",
}
# How a field is named in the reason Send is disabled.
NAMES = {
    "title": "What do you need", "description": "Description", "category": "Category",
    "task_type": "Task type", "budget_usd": "Budget", "experimentation": "Experimentation",
    "requirements": "Requirements", "brand_kit_id": "Brand kit ID", "__all__": "The task",
}
ERROR_STYLE = "color: #b00020;"
QUIET_STYLE = "color: palette(placeholder-text);"
SEND_TEXT = "&Send task"
SEND_TIP = "Send this task to AITasker (Ctrl+Enter)"
_UUID_SO_FAR = re.compile(r"^\{?(urn:uuid:)?[0-9a-fA-F-]*\}?$")


def _money(value: float, decimals: int) -> str:
    return f"${value:,.{decimals}f}"


class RangeSlider(QSlider):
    """A slider that takes the mouse wheel only once it has focus (click or Tab to it first), so
    scrolling the form past it never changes a value by accident."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if not self.hasFocus():
            event.ignore()  # the scroll area behind scrolls instead
            return
        super().wheelEvent(event)


class RangeSpin(QDoubleSpinBox):
    """A number box that says why a keystroke was refused, pages by the schema's page step and,
    like the slider, takes the wheel only once it has focus."""

    refused = Signal(str)  # the text that was not taken

    def __init__(self, page_steps: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._page_steps = page_steps
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        result = super().validate(text, pos)
        if result[0] == QValidator.State.Invalid:
            # The line edit only ever holds acceptable or half-typed text, so an invalid text
            # is a keystroke or a paste being refused.
            self.refused.emit(text)
        return result

    def state(self) -> QValidator.State:
        """Whether what the box shows is a value (Acceptable) or half-typed (Intermediate)."""
        return QDoubleSpinBox.validate(self, self.text(), 0)[0]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown) and not event.modifiers():
            self.stepBy(self._page_steps if event.key() == Qt.Key.Key_PageUp else -self._page_steps)
            event.accept()
            return
        super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if not self.hasFocus():
            event.ignore()
            return
        super().wheelEvent(event)

    def number_text(self) -> str:
        """What is typed, without the prefix."""
        text = self.text()
        prefix = self.prefix()
        if prefix and text.startswith(prefix):
            text = text[len(prefix):]
        return text.strip()


class SliderSpin(QWidget):
    """A slider and a spin box that move together. The spin box keeps full precision (cents);
    the slider moves in the schema's slider steps and never rounds away what was typed in the
    box: from an amount between two steps, a key press goes to the next step in its direction."""

    valueChanged = Signal(float)
    edited = Signal()  # the value changed, or what is typed in the box did

    def __init__(
        self,
        limits: NumberLimits,
        *,
        money: bool = False,
        noun: str = "value",
        prefix: str = "",
        low_words: str = "",
        high_words: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.limits = limits
        self.money = money
        self.noun = noun
        self._steps = round((limits.maximum - limits.minimum) / limits.slider_step)
        self.slider = RangeSlider()
        self.slider.setRange(0, self._steps)
        self.slider.setSingleStep(1)
        self.slider.setPageStep(max(1, round(limits.page_step / limits.slider_step)))
        self.spin = RangeSpin(max(1, round(limits.page_step / limits.step)))
        self.spin.setDecimals(limits.decimals)
        self.spin.setRange(limits.minimum, limits.maximum)
        self.spin.setSingleStep(limits.step)
        self.spin.setPrefix(prefix or ("$ " if money else ""))
        self.spin.setKeyboardTracking(True)
        self.spin.setAccelerated(True)
        self.spin.setCorrectionMode(QDoubleSpinBox.CorrectionMode.CorrectToPreviousValue)
        self.note = QLabel()
        self.note.setObjectName("note")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setStyleSheet(ERROR_STYLE)
        self.note.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        row = QHBoxLayout()
        row.addWidget(self.slider, 1)
        row.addWidget(self.spin)
        layout.addLayout(row)
        if low_words or high_words:
            words = QHBoxLayout()
            low, high = QLabel(low_words), QLabel(high_words)
            low.setObjectName("lowWords")
            high.setObjectName("highWords")
            for label in (low, high):
                label.setStyleSheet(QUIET_STYLE)
            words.addWidget(low)
            words.addStretch(1)
            words.addWidget(high)
            layout.addLayout(words)
        layout.addWidget(self.note)

        self._typed_but_unused: str | None = None
        self.slider.actionTriggered.connect(self._slider_action)
        self.slider.valueChanged.connect(self._slider_moved)
        self.spin.valueChanged.connect(self._spin_changed)
        # QDoubleSpinBox.textChanged: on typing and on value changes (the line edit's own signal is
        # blocked while the box rewrites it).
        self.spin.textChanged.connect(lambda _text: self.edited.emit())
        self.spin.lineEdit().textChanged.connect(lambda _text: self.edited.emit())  # half-typed too
        self.spin.lineEdit().textEdited.connect(self._typed)
        self.spin.editingFinished.connect(self._typing_finished)
        self.spin.refused.connect(self._refused)
        self.setFocusProxy(self.spin)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # so a label's Alt+letter reaches the box

    # --- words ------------------------------------------------------------------------------
    def words(self, value: float) -> str:
        if self.money:
            return _money(value, self.limits.decimals)
        return f"{value:.{self.limits.decimals}f}"

    def range_words(self) -> str:
        return f"From {self.words(self.limits.minimum)} to {self.words(self.limits.maximum)}."

    def set_accessible(self, name: str, extra: str = "") -> None:
        """Names and descriptions (with the range) for screen readers; ``extra`` is appended."""
        lim = self.limits
        tail = f" {extra}" if extra else ""
        self.slider.setAccessibleName(f"{name} slider")
        self.slider.setAccessibleDescription(
            f"{self.range_words()} Moves in steps of {self.words(lim.slider_step)}; Page Up and Page Down "
            f"move by {self.words(lim.page_step)}, Home and End go to the ends. The exact amount is in "
            f"the box that follows.{tail}"
        )
        self.spin.setAccessibleName(name)
        self.spin.setAccessibleDescription(
            f"{self.range_words()} Type a number with up to {lim.decimals} decimals; Up and Down change it "
            f"by {self.words(lim.step)}, Page Up and Page Down by {self.words(lim.page_step)}.{tail}"
        )
        self.spin.setToolTip(self.range_words())
        self.slider.setToolTip(self.range_words())
        self._base = {self.slider: self.slider.accessibleDescription(), self.spin: self.spin.accessibleDescription()}

    def set_problems(self, messages: list[str]) -> None:
        for widget, base in getattr(self, "_base", {}).items():
            widget.setAccessibleDescription(base + (" Problem: " + " ".join(messages) if messages else ""))

    # --- value ------------------------------------------------------------------------------
    def value(self) -> float:
        return round(self.spin.value(), self.limits.decimals) + 0.0  # + 0.0: never "-0.0"

    def setValue(self, value: float) -> None:
        self.spin.setValue(value)
        self._spin_changed(self.spin.value())

    def pending_problem(self) -> str:
        """Why what is typed in the box is not (yet) a value: "" when it is one. While this is
        not "", ``value()`` still gives the previous value, so the form must not be sent."""
        if self.spin.state() == QValidator.State.Acceptable:
            return ""
        typed = self.spin.number_text()
        if not typed:
            return f"Please enter the {self.noun}."
        return (
            f"“{typed}” can't be used: the {self.noun} goes from {self.words(self.limits.minimum)} "
            f"to {self.words(self.limits.maximum)}."
        )

    def _position(self, value: float) -> float:
        return round((value - self.limits.minimum) / self.limits.slider_step, 6)

    def _slider_action(self, action: int) -> None:
        kinds = QAbstractSlider.SliderAction
        exact = self._position(self.spin.value())
        page = self.slider.pageStep()
        targets = {
            kinds.SliderSingleStepAdd.value: math.floor(exact) + 1,
            kinds.SliderSingleStepSub.value: math.ceil(exact) - 1,
            kinds.SliderPageStepAdd.value: math.floor(exact) + page,
            kinds.SliderPageStepSub.value: math.ceil(exact) - page,
        }
        code = action.value if hasattr(action, "value") else int(action)
        if code not in targets:
            return  # Home/End and wheel/drag (SliderMove): Qt's position is already right
        target = min(self._steps, max(0, targets[code]))
        self.slider.setSliderPosition(target)
        if target == self.slider.value():
            # From an amount between two steps, the slider already shows the nearest one, so Qt
            # sees no change: set the box here.
            self._slider_moved(target)

    def _slider_moved(self, position: int) -> None:
        lim = self.limits
        value = round(min(lim.maximum, max(lim.minimum, lim.minimum + position * lim.slider_step)), lim.decimals)
        if round(self.spin.value() - value, lim.decimals + 2) != 0:
            self.spin.setValue(value)

    def _spin_changed(self, value: float) -> None:
        with QSignalBlocker(self.slider):
            self.slider.setValue(round(self._position(value)))
        self._typed_but_unused = None
        self.note.hide()
        self.valueChanged.emit(value)

    # --- what was typed ---------------------------------------------------------------------
    def _typed(self, _text: str) -> None:
        self.note.hide()
        self._typed_but_unused = self.spin.number_text() if self.pending_problem() else None

    def _typing_finished(self) -> None:
        self.edited.emit()  # Qt may have put the previous value back, without a signal
        typed, self._typed_but_unused = self._typed_but_unused, None
        if typed is not None and not self.pending_problem():
            # Qt put the previous value back: say so, rather than change it silently.
            self._show_note(
                f"“{typed}” was not used: the {self.noun} goes from {self.words(self.limits.minimum)} to "
                f"{self.words(self.limits.maximum)}. It is still {self.words(self.value())}."
            )

    def _refused(self, text: str) -> None:
        prefix = self.spin.prefix()
        typed = (text[len(prefix):] if prefix and text.startswith(prefix) else text).strip()
        number, ok = self.spin.locale().toDouble(typed)
        point = self.spin.locale().decimalPoint()
        if ok and number > self.limits.maximum:
            message = f"The highest {self.noun} is {self.words(self.limits.maximum)}."
        elif (ok and number < self.limits.minimum) or typed.startswith("-"):
            message = f"The lowest {self.noun} is {self.words(self.limits.minimum)}."
        elif point in typed and len(typed.split(point, 1)[1]) > self.limits.decimals:
            unit = " (cents)" if self.money else ""
            message = f"At most {self.limits.decimals} decimals{unit}."
        else:
            message = "Only a number can go here."
        self._show_note(message)

    def _show_note(self, message: str) -> None:
        self.note.setText(f"ⓘ {message}")
        self.note.show()


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
            self.title.setMaxLength(self._title_max)
        self.title.setPlaceholderText("For example: A logo for my bakery")
        self.title.setAccessibleName("What do you need? (title)")
        self.description = PlainTextEdit()
        self.description.setObjectName("description")
        self.description.setPlaceholderText("What should the result look like? Who is it for? Anything to avoid?")
        self.description.setMinimumHeight(self.description.fontMetrics().lineSpacing() * 4)
        self.description.setAccessibleName("Describe it (description)")
        self.category = QComboBox()
        self.category.setObjectName("category")
        self.category.setAccessibleName("Category")
        self.task_type = QComboBox()
        self.task_type.setObjectName("task_type")
        self.task_type.setEditable(True)
        self.task_type.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.task_type.setAccessibleName("Task type")
        self.task_type.setToolTip("Pick from the list, or type the kind of task if it is not there.")
        self.budget = SliderSpin(
            budget, money=True, noun="budget",
            low_words=_money(budget.minimum, budget.decimals), high_words=_money(budget.maximum, budget.decimals),
        )
        self.budget.setObjectName("budget_usd")
        self.budget.set_accessible("Budget in US dollars", "What you pay for the finished work.")
        self.experimentation = SliderSpin(
            dial, noun="experimentation", low_words="Proven agents", high_words="Try newcomers"
        )
        self.experimentation.setObjectName("experimentation")
        self.experimentation.set_accessible(
            "Experimentation", "Low means proven agents; high lets newer agents try."
        )
        self.requirements = RequirementsEditor()
        self.brand_kit_id = QLineEdit()
        self.brand_kit_id.setObjectName("brand_kit_id")
        self.brand_kit_id.setPlaceholderText("e.g. 123e4567-e89b-12d3-a456-426614174000")
        self.brand_kit_id.setAccessibleName("Brand kit ID")

        self._editors: dict[str, QWidget] = {
            "title": self.title, "description": self.description, "category": self.category,
            "task_type": self.task_type, "budget_usd": self.budget, "experimentation": self.experimentation,
            "requirements": self.requirements, "brand_kit_id": self.brand_kit_id,
        }
        # The widgets whose accessible description carries a field's problems, with its base text.
        self._described: dict[str, list[tuple[QWidget, str]]] = {
            "title": [(self.title, "Optional. A short name for the task.")],
            "description": [(self.description, "The details. Enter starts a new line; Ctrl+Enter sends.")],
            "category": [(self.category, "Required. The kind of work.")],
            "task_type": [(self.task_type, "Required. Pick from the list or type it.")],
            "requirements": [(self.requirements.table, self.requirements.table.accessibleDescription()),
                             (self.requirements.json_text, self.requirements.json_text.accessibleDescription())],
            "brand_kit_id": [(self.brand_kit_id, "Optional. The ID of a brand kit saved on AITasker.")],
        }
        self.title_counter = QLabel()
        self.title_counter.setObjectName("titleCounter")
        self.title_counter.setAccessibleName("Characters in the title")
        self.description_counter = QLabel()
        self.description_counter.setObjectName("descriptionCounter")
        self.description_counter.setAccessibleName("Characters in the description")
        self._errors: dict[str, QLabel] = {}
        self._labels: dict[str, QLabel] = {}

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # labels above: room at any width
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(10)
        for name in FIELD_ORDER:
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(self._editors[name])
            if name == "title":
                box.addWidget(self.title_counter, 0, Qt.AlignmentFlag.AlignRight)
            if name == "description":
                box.addWidget(self.description_counter, 0, Qt.AlignmentFlag.AlignRight)
            if name == "experimentation":
                hint = QLabel(
                    "How open to newer agents should AITasker be? Proven agents are safer; newcomers may surprise you."
                )
                hint.setObjectName("experimentationHint")
                hint.setWordWrap(True)
                box.addWidget(hint)
            error = QLabel()
            error.setObjectName(f"error_{name}")
            error.setWordWrap(True)
            error.setTextFormat(Qt.TextFormat.PlainText)
            error.setStyleSheet(ERROR_STYLE)
            error.hide()
            box.addWidget(error)
            self._errors[name] = error
            label = QLabel(LABELS[name])
            label.setObjectName(f"label_{name}")
            label.setBuddy(self._editors[name])  # short, on its own line: never wrapped (QLabel can clip)
            self._labels[name] = label
            form.addRow(label, box)
        self.general_error = QLabel()
        self.general_error.setObjectName("error___all__")
        self.general_error.setWordWrap(True)
        self.general_error.setTextFormat(Qt.TextFormat.PlainText)
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.hide()
        self._errors["__all__"] = self.general_error

        self.send_button = QPushButton(SEND_TEXT)
        self.send_button.setObjectName("sendButton")
        self.send_button.setDefault(True)
        self.send_hint = QLabel()
        self.send_hint.setObjectName("sendHint")
        self.send_hint.setWordWrap(True)
        self.send_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.send_hint.setStyleSheet(QUIET_STYLE)
        self.send_button.clicked.connect(self.request_send)
        send_row = QHBoxLayout()
        send_row.addWidget(self.send_hint, 1)
        send_row.addWidget(self.send_button, 0, Qt.AlignmentFlag.AlignTop)
        outer = QVBoxLayout(self)
        outer.addLayout(form)
        outer.addWidget(self.general_error)
        outer.addLayout(send_row)
        outer.addStretch(1)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # not from the table beside
            shortcut.activated.connect(self.request_send)

        chain = [
            self.title, self.description, self.category, self.task_type,
            self.budget.slider, self.budget.spin, self.experimentation.slider, self.experimentation.spin,
            *self.requirements.focus_chain(), self.brand_kit_id, self.send_button,
        ]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)

        self._categories: list[Category] = []
        self._busy = False
        self._loading = False
        self._send_attempted = False
        self._touched: set[str] = set()
        self._external: dict[str, list[str]] = {}
        self._problems: dict[str, list[str]] = {}
        self.category.currentIndexChanged.connect(self._category_chosen)
        self.category.activated.connect(lambda *_: self._touch("category"))
        self.task_type.activated.connect(lambda *_: self._touch("task_type"))
        self._task_type_edit().textEdited.connect(lambda *_: self._touch("task_type"))
        for name, signal in (
            ("title", self.title.textChanged), ("description", self.description.textChanged),
            ("category", self.category.currentIndexChanged), ("task_type", self.task_type.currentTextChanged),
            ("budget_usd", self.budget.edited), ("experimentation", self.experimentation.edited),
            ("requirements", self.requirements.changed), ("brand_kit_id", self.brand_kit_id.textChanged),
        ):
            signal.connect(lambda *_, field=name: self._field_edited(field))
        self.brand_kit_id.installEventFilter(self)
        self.clear()

    # --- taxonomy -----------------------------------------------------------------------------
    def set_categories(self, categories: list[Category]) -> None:
        current = self.category.currentData()
        current_type = self.task_type_slug()
        self._categories = list(categories)
        with QSignalBlocker(self.category):
            self.category.clear()
            self.category.addItem("Choose a category…", "")
            for category in categories:
                self.category.addItem(category.label, category.slug)
            if current and self.category.findData(current) < 0:
                self.category.addItem(friendly_name(current), current)  # kept: e.g. from a reopened draft
            self.category.setCurrentIndex(max(0, self.category.findData(current)) if current else 0)
        self._category_chosen()
        if current_type:
            self.set_task_type(current_type)

    def _category_chosen(self, *_: Any) -> None:
        slug = self.category.currentData()
        with QSignalBlocker(self.task_type):
            self.task_type.clear()
            for category in self._categories:
                if category.slug == slug:
                    for task_type in category.task_types:
                        self.task_type.addItem(task_type.label, task_type.slug)
            self.task_type.setCurrentIndex(-1 if self.task_type.count() != 1 else 0)
            if not slug:
                placeholder = "Choose a category first, or type a task type"
            elif self.task_type.count():
                placeholder = "Choose or type a task type"
            else:
                placeholder = "Type the kind of task, e.g. press release"
            self._task_type_edit().setPlaceholderText(placeholder)
        self._field_edited("task_type")

    def _task_type_edit(self) -> QLineEdit:
        edit = self.task_type.lineEdit()
        assert edit is not None  # the task type combo box is editable
        return edit

    def task_type_slug(self) -> str:
        text = self.task_type.currentText().strip()
        index = self.task_type.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            return str(self.task_type.itemData(index))
        return text

    def set_task_type(self, slug: str) -> None:
        index = self.task_type.findData(slug)
        if index >= 0:
            self.task_type.setCurrentIndex(index)
        else:
            self.task_type.setEditText(slug)

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
                index = self.category.findData(category)
                if index < 0:
                    self.category.addItem(friendly_name(category), category)
                    index = self.category.count() - 1
                self.category.setCurrentIndex(index)
            task_type = str(values.get("task_type") or "")
            if task_type:
                self.set_task_type(task_type)
            for name, widget in (("budget_usd", self.budget), ("experimentation", self.experimentation)):
                wanted = values.get(name)
                if isinstance(wanted, (int, float)) and not isinstance(wanted, bool) and math.isfinite(wanted):
                    widget.setValue(float(wanted))
                    if round(float(wanted) - widget.value(), widget.limits.decimals + 2) != 0:
                        widget._show_note(
                            f"The saved {widget.noun}, {widget.words(float(wanted))}, is outside "
                            f"{widget.words(widget.limits.minimum)} to {widget.words(widget.limits.maximum)}; "
                            f"it is now {widget.words(widget.value())}."
                        )
            self.title.setText(str(values.get("title") or ""))
            self.description.setPlainText(str(values.get("description") or ""))
            requirements = values.get("requirements")
            self.requirements.set_value(requirements if isinstance(requirements, (dict, str)) else {})
            brand = values.get("brand_kit_id")
            self.brand_kit_id.setText("" if brand is None else str(brand))
        finally:
            self._loading = False
        self._revalidate(emit_changed=True)

    def validate(self) -> tuple[TaskDraft | None, dict[str, list[str]]]:
        """Check everything; no side effects. Problems are sentences, by field name."""
        values = self.raw_values()
        problems: dict[str, list[str]] = {}
        if not isinstance(values["requirements"], dict):
            problems["requirements"] = self.requirements.problems() or ["Requirements must be names and values."]
            values["requirements"] = {}
        for name, widget in (("budget_usd", self.budget), ("experimentation", self.experimentation)):
            pending = widget.pending_problem()
            if pending:
                problems[name] = [pending]
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
        draft, problems = self.validate()
        self._revalidate(emit_changed=False)
        if problems:
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
        first = next((f for f in FIELD_ORDER if f in self._problems or f in self._external), None)
        if first is not None:
            self._editors[first].setFocus(Qt.FocusReason.OtherFocusReason)

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
        self._external.pop(field, None)
        self._external.pop("__all__", None)
        if field == "category":
            self._external.pop("task_type", None)
        if not self._loading:
            self._revalidate(emit_changed=True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.brand_kit_id and event.type() == QEvent.Type.FocusOut:
            self._render()  # a half-typed ID is now worth a word
        return super().eventFilter(watched, event)

    def _quiet(self, field: str) -> bool:
        """True when a problem of this field is not worth a message yet."""
        if self._send_attempted:
            return False
        if field in ("category", "task_type"):
            return field not in self._touched
        if field in ("budget_usd", "experimentation"):
            widget = self._editors[field]
            assert isinstance(widget, SliderSpin)
            return bool(widget.pending_problem()) and widget.spin.hasFocus()  # still typing
        if field == "brand_kit_id":
            text = self.brand_kit_id.text().strip()
            return self.brand_kit_id.hasFocus() and bool(_UUID_SO_FAR.match(text))
        return False

    def _revalidate(self, *, emit_changed: bool) -> None:
        self._update_counters()
        _draft, self._problems = self.validate()
        self._render()
        reason = self._reason()
        ready = not self._problems
        self.send_button.setEnabled(ready and not self._busy)
        self.send_button.setToolTip(f"Not ready to send. {reason}" if reason else SEND_TIP)
        self.send_button.setAccessibleDescription(reason)
        self.send_hint.setText(f"To send: {reason}" if reason and not self._busy else "")
        self.send_hint.setVisible(bool(reason) and not self._busy)
        self.validityChanged.emit(ready, reason)
        if emit_changed:
            self.changed.emit()

    def _reason(self) -> str:
        fields = [f for f in [*FIELD_ORDER, "__all__"] if f in self._problems]
        if not fields:
            return ""
        first = fields[0]
        message = self._problems[first][0]
        if message[1:2].islower():
            message = message[:1].lower() + message[1:]
        reason = f"{NAMES.get(first, first)}: {message}"
        more = sum(len(self._problems[f]) for f in fields) - 1
        if more:
            reason += f" ({more} more to fix)"
        return reason

    def _render(self) -> None:
        shown: dict[str, list[str]] = {}
        for field, messages in self._problems.items():
            if not self._quiet(field):
                shown[field] = list(messages)
        for field, messages in self._external.items():
            for message in messages:
                if message not in shown.setdefault(field, []):
                    shown[field].append(message)
        general: list[str] = []
        for field, messages in shown.items():
            if field not in self._editors:
                general.extend(messages)
        for name in FIELD_ORDER:
            messages = shown.get(name, [])
            label = self._errors[name]
            # Too long: the counter under the field says it, in red; no second message.
            under = [m for m in messages if not (name in ("title", "description") and "too long" in m)]
            label.setText("\n".join(f"⚠ {m}" for m in under))
            label.setVisible(bool(under))
            for widget, base in self._described.get(name, []):
                widget.setAccessibleDescription(base + (" Problem: " + " ".join(messages) if messages else ""))
            editor = self._editors[name]
            if isinstance(editor, SliderSpin):
                editor.set_problems(messages)
        self.general_error.setText("\n".join(f"⚠ {m}" for m in general))
        self.general_error.setVisible(bool(general))

    def _update_counters(self) -> None:
        for counter, length, limit in (
            (self.title_counter, len(self.title.text()), self._title_max),
            (self.description_counter, len(self.description.toPlainText()), self._description_max),
        ):
            if limit is None:
                counter.setText(f"{length:,}")
                continue
            over = length - limit
            if over > 0:
                text = f"⚠ {length:,}/{limit:,}: {over:,} character{'s' if over != 1 else ''} too many"
                style = ERROR_STYLE + " font-weight: bold;"
            elif over == 0 and length:
                text, style = f"{length:,}/{limit:,}: that is the most", QUIET_STYLE
            else:
                text, style = f"{length:,}/{limit:,}", QUIET_STYLE
            counter.setText(text)
            counter.setStyleSheet(style)

    # --- state --------------------------------------------------------------------------------
    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        for editor in self._editors.values():
            editor.setEnabled(not busy)
        self.send_button.setText("Sending…" if busy else SEND_TEXT)
        self._revalidate(emit_changed=False)

    def clear(self) -> None:
        """An empty form with the schema's defaults, ready for a new task; the cursor in the title."""
        was_loading, self._loading = self._loading, True
        try:
            for widget in (self.budget, self.experimentation):
                lim = widget.limits
                widget.setValue(lim.default if lim.default is not None else lim.minimum)
                widget.note.hide()
            self.title.clear()
            self.description.clear()
            self.requirements.clear()
            self.brand_kit_id.clear()
            self.category.setCurrentIndex(0 if self.category.count() else -1)
            self._category_chosen()
        finally:
            self._loading = was_loading
        self._send_attempted = False
        self._touched.clear()
        self._external.clear()
        if not self._loading:
            self._revalidate(emit_changed=True)
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)
