"""The task form: every field of the create request, limits read from app.schema."""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from app.schema import NumberLimits, TaskDraft, max_length, number_limits, plain_field_errors
from app.taxonomy import Category

FIELD_ORDER = [
    "title", "description", "category", "task_type", "budget_usd", "experimentation",
    "requirements", "brand_kit_id",
]


class PlainTextEdit(QPlainTextEdit):
    """Pasted rich text becomes plain text; Tab moves focus instead of typing a tab."""

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText():
            self.insertPlainText(source.text())

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)


class SliderSpin(QWidget):
    """A slider and a spin box that move together. The spin box keeps full precision; the
    slider moves in its own steps and never rounds away what was typed in the box."""

    valueChanged = Signal(float)

    def __init__(self, limits: NumberLimits, *, prefix: str = "", low_words: str = "", high_words: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.limits = limits
        self.slider = QSlider(Qt.Orientation.Horizontal)
        steps = round((limits.maximum - limits.minimum) / limits.slider_step)
        self.slider.setRange(0, steps)
        self.slider.setSingleStep(1)
        self.slider.setPageStep(max(1, round(limits.page_step / limits.slider_step)))
        self.spin = QDoubleSpinBox()
        self.spin.setDecimals(limits.decimals)
        self.spin.setRange(limits.minimum, limits.maximum)
        self.spin.setSingleStep(limits.step)
        self.spin.setPrefix(prefix)
        self.spin.setKeyboardTracking(True)
        self.spin.setAccelerated(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
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
                label.setStyleSheet("color: palette(placeholder-text);")
            words.addWidget(low)
            words.addStretch(1)
            words.addWidget(high)
            layout.addLayout(words)
        self.slider.valueChanged.connect(self._slider_moved)
        self.spin.valueChanged.connect(self._spin_changed)
        self.setFocusProxy(self.spin)

    def _slider_moved(self, position: int) -> None:
        value = self.limits.minimum + position * self.limits.slider_step
        value = min(self.limits.maximum, max(self.limits.minimum, value))
        if round(self.spin.value() - value, 6) != 0:
            self.spin.setValue(value)

    def _spin_changed(self, value: float) -> None:
        position = round((value - self.limits.minimum) / self.limits.slider_step)
        self.slider.blockSignals(True)
        self.slider.setValue(position)
        self.slider.blockSignals(False)
        self.valueChanged.emit(value)

    def value(self) -> float:
        return round(self.spin.value(), self.limits.decimals)

    def setValue(self, value: float) -> None:
        self.spin.setValue(value)
        self._spin_changed(self.spin.value())

    def set_accessible(self, name: str, description: str) -> None:
        for widget, what in ((self.slider, "slider"), (self.spin, "box")):
            widget.setAccessibleName(f"{name} {what}")
            widget.setAccessibleDescription(description)


class TaskForm(QWidget):
    """Edits one draft. ``draft()`` gives a valid TaskDraft or None (errors shown inline)."""

    changed = Signal()
    validityChanged = Signal(bool, str)  # valid, reason when not
    submitRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("taskForm")
        budget = number_limits("budget_usd")
        dial = number_limits("experimentation")

        self.title = QLineEdit()
        self.title.setObjectName("title")
        self.title.setMaxLength(max_length("title") or 32767)
        self.title.setPlaceholderText("For example: A logo for my bakery")
        self.description = PlainTextEdit()
        self.description.setObjectName("description")
        self.description.setPlaceholderText("What should the result look like? Who is it for? Anything to avoid?")
        self.description.setMinimumHeight(90)
        self.category = QComboBox()
        self.category.setObjectName("category")
        self.task_type = QComboBox()
        self.task_type.setObjectName("task_type")
        self.task_type.setEditable(True)
        self.task_type.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.task_type.lineEdit().setPlaceholderText("Choose or type a task type")
        self.budget = SliderSpin(budget, prefix="$ ")
        self.budget.setObjectName("budget_usd")
        self.budget.set_accessible("Budget in US dollars", f"Between ${budget.minimum:,.2f} and ${budget.maximum:,.2f}")
        self.experimentation = SliderSpin(dial, low_words="Proven agents", high_words="Try newcomers")
        self.experimentation.setObjectName("experimentation")
        self.experimentation.set_accessible(
            "Experimentation", f"Between {dial.minimum:g} and {dial.maximum:g}. Higher lets newer agents bid."
        )
        self.requirements = PlainTextEdit()
        self.requirements.setObjectName("requirements")
        self.requirements.setPlaceholderText('Optional, for example: {"tone": "friendly", "word_count": 800}')
        self.requirements.setMaximumHeight(70)
        self.brand_kit_id = QLineEdit()
        self.brand_kit_id.setObjectName("brand_kit_id")
        self.brand_kit_id.setPlaceholderText("Optional")

        self._editors: dict[str, QWidget] = {
            "title": self.title, "description": self.description, "category": self.category,
            "task_type": self.task_type, "budget_usd": self.budget, "experimentation": self.experimentation,
            "requirements": self.requirements, "brand_kit_id": self.brand_kit_id,
        }
        self._errors: dict[str, QLabel] = {}
        self.title_counter = QLabel()
        self.description_counter = QLabel()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        labels = {
            "title": "&What do you need?", "description": "&Describe it", "category": "Ca&tegory",
            "task_type": "Task t&ype", "budget_usd": "&Budget", "experimentation": "E&xperimentation",
            "requirements": "&Requirements", "brand_kit_id": "Brand &kit ID",
        }
        for name in FIELD_ORDER:
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(self._editors[name])
            if name == "title":
                box.addWidget(self.title_counter, 0, Qt.AlignmentFlag.AlignRight)
            if name == "description":
                box.addWidget(self.description_counter, 0, Qt.AlignmentFlag.AlignRight)
            if name == "experimentation":
                hint = QLabel("How open to newer agents should AITasker be? Proven agents are safer; newcomers may surprise you.")
                hint.setWordWrap(True)
                box.addWidget(hint)
            error = QLabel()
            error.setObjectName(f"error_{name}")
            error.setWordWrap(True)
            error.setTextFormat(Qt.TextFormat.PlainText)
            error.setStyleSheet("color: #b00020;")
            error.hide()
            box.addWidget(error)
            self._errors[name] = error
            label = QLabel(labels[name])
            label.setBuddy(self._editors[name])
            form.addRow(label, box)
        self.general_error = QLabel()
        self.general_error.setObjectName("error___all__")
        self.general_error.setWordWrap(True)
        self.general_error.setStyleSheet("color: #b00020;")
        self.general_error.hide()
        self._errors["__all__"] = self.general_error

        self.send_button = QPushButton("&Send task")
        self.send_button.setObjectName("sendButton")
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(self.submitRequested)
        outer = QVBoxLayout(self)
        outer.addLayout(form)
        outer.addWidget(self.general_error)
        outer.addWidget(self.send_button, 0, Qt.AlignmentFlag.AlignRight)
        outer.addStretch(1)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.submitRequested.emit)

        self._categories: list[Category] = []
        self.category.currentIndexChanged.connect(self._category_chosen)
        for signal in (
            self.title.textChanged, self.description.textChanged, self.category.currentIndexChanged,
            self.task_type.currentTextChanged, self.budget.valueChanged, self.experimentation.valueChanged,
            self.requirements.textChanged, self.brand_kit_id.textChanged,
        ):
            signal.connect(self._edited)
        self._busy = False
        self.clear()

    # --- taxonomy -----------------------------------------------------------------------------
    def set_categories(self, categories: list[Category]) -> None:
        current = self.category.currentData()
        current_type = self.task_type_slug()
        self._categories = categories
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItem("Choose a category…", "")
        for category in categories:
            self.category.addItem(category.label, category.slug)
        index = max(0, self.category.findData(current)) if current else 0
        self.category.setCurrentIndex(index)
        self.category.blockSignals(False)
        self._category_chosen()
        if current_type:
            self.set_task_type(current_type)

    def _category_chosen(self, *_: Any) -> None:
        slug = self.category.currentData()
        self.task_type.blockSignals(True)
        self.task_type.clear()
        for category in self._categories:
            if category.slug == slug:
                for task_type in category.task_types:
                    self.task_type.addItem(task_type.label, task_type.slug)
        self.task_type.setCurrentIndex(-1 if self.task_type.count() != 1 else 0)
        self.task_type.blockSignals(False)
        self._edited()

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
        title = self.title.text().strip()
        brand = self.brand_kit_id.text().strip()
        return {
            "category": self.category.currentData() or "",
            "task_type": self.task_type_slug(),
            "budget_usd": self.budget.value(),
            "title": title or None,
            "description": self.description.toPlainText(),
            "requirements": self._requirements_value(),
            "experimentation": self.experimentation.value(),
            "brand_kit_id": brand or None,
        }

    def _requirements_value(self) -> Any:
        text = self.requirements.toPlainText().strip()
        if not text:
            return {}
        try:
            return json.loads(text)
        except ValueError:
            return _BadJson(text)

    def validate(self) -> tuple[TaskDraft | None, dict[str, list[str]]]:
        values = self.raw_values()
        problems: dict[str, list[str]] = {}
        if isinstance(values["requirements"], _BadJson):
            problems["requirements"] = ["This is not valid JSON. Use the form {\"name\": \"value\"}."]
            values["requirements"] = {}
        elif not isinstance(values["requirements"], dict):
            problems["requirements"] = ["Requirements must be a list of names and values in { }."]
            values["requirements"] = {}
        try:
            draft = TaskDraft.model_validate(values)
        except ValidationError as exc:
            for field, messages in plain_field_errors(exc.errors()).items():
                problems.setdefault(field, []).extend(messages)
            return None, problems
        return (None, problems) if problems else (draft, {})

    def draft(self) -> TaskDraft | None:
        """The valid draft; otherwise errors are shown and focus goes to the first problem."""
        draft, problems = self.validate()
        self.show_errors(problems)
        if problems:
            first = next((f for f in FIELD_ORDER if f in problems), None)
            if first:
                self._editors[first].setFocus(Qt.FocusReason.OtherFocusReason)
        return draft

    def show_errors(self, problems: dict[str, list[str]]) -> None:
        for name, label in self._errors.items():
            messages = problems.get(name, [])
            label.setText("\n".join(f"⚠ {m}" for m in messages))
            label.setVisible(bool(messages))
            editor = self._editors.get(name)
            if editor is not None:
                editor.setAccessibleDescription(" ".join(messages))
        unknown = [m for f, ms in problems.items() if f not in self._errors for m in ms]
        if unknown:
            self.general_error.setText("\n".join(f"⚠ {m}" for m in unknown))
            self.general_error.show()

    def _edited(self, *_: Any) -> None:
        self._update_counters()
        draft, problems = self.validate()
        # Only complain about fields the user touched: untouched required fields just keep Send off.
        visible = {f: m for f, m in problems.items() if self._touched(f)}
        self.show_errors(visible)
        reason = ""
        if problems:
            first = next((f for f in FIELD_ORDER if f in problems), "__all__")
            reason = problems[first][0]
        self.send_button.setEnabled(not problems and not self._busy)
        self.send_button.setToolTip(reason or "Send this task to AITasker (Ctrl+Enter)")
        self.validityChanged.emit(not problems, reason)
        self.changed.emit()

    def _touched(self, field: str) -> bool:
        if field in ("category", "task_type"):
            return False
        return True

    def _update_counters(self) -> None:
        for counter, length, limit in (
            (self.title_counter, len(self.title.text()), max_length("title")),
            (self.description_counter, len(self.description.toPlainText()), max_length("description")),
        ):
            counter.setText(f"{length:,} / {limit:,}")
            over = limit is not None and length > limit
            counter.setStyleSheet("color: #b00020; font-weight: bold;" if over else "color: palette(placeholder-text);")

    # --- state --------------------------------------------------------------------------------
    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        for editor in self._editors.values():
            editor.setEnabled(not busy)
        self.send_button.setText("Sending…" if busy else "&Send task")
        self._edited()

    def clear(self) -> None:
        budget = number_limits("budget_usd")
        dial = number_limits("experimentation")
        self.title.clear()
        self.description.clear()
        self.requirements.clear()
        self.brand_kit_id.clear()
        self.budget.setValue(budget.default if budget.default is not None else budget.minimum)
        self.experimentation.setValue(dial.default if dial.default is not None else dial.minimum)
        self.category.setCurrentIndex(0 if self.category.count() else -1)
        self.show_errors({})
        self._edited()
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)


class _BadJson(str):
    """Requirements text that is not JSON (kept so validation can say so)."""
