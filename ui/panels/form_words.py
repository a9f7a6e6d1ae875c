"""The form's words and small builders, shared by the form and its parts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QToolButton,
    QWidget,
)

from app.form_rules import MORE_OPTIONS
from app.translatable import QT_TRANSLATE_NOOP
from ui.i18n import translate
from ui.theme import set_tone
from ui.widgets.accessibility import mark_expander

__all__ = [
    "BUDGET_TYPING_RANGE",
    "LABELS",
    "MORE_OPTIONS",
    "expander",
    "SEND_TEXT",
    "SEND_TIP",
    "field_layout",
    "message_label",
    "reserve",
    "say_form_words",
]

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
# What the budget box takes while typing: more than the limits, so that "500" stays 500 and the
# message under it can say so (app.budget.budget_problem), rather than Qt keeping "50".
BUDGET_TYPING_RANGE = (0.0, 99_999.99)
SEND_TIP = QT_TRANSLATE_NOOP("TaskForm", "Post this task on AITasker (Ctrl+Enter)")


def say_form_words(labels: dict[str, QLabel], more_toggle: QToolButton, hint: QLabel) -> None:
    """The form's own words (its labels, More options, the experimentation hint), in the language
    now installed: at first and on every change of language."""
    for name, label in labels.items():
        label.setText(translate("TaskForm", LABELS[name]))
    more_toggle.setText(translate("TaskForm", "M&ore options"))
    more_toggle.setToolTip(translate("TaskForm", "Requirements as names and values, and a brand kit (Alt+O)"))
    hint.setText(
        translate(
            "TaskForm",
            "How open to newer agents should AITasker be? Proven agents are safer; newcomers may surprise you.",
        )
    )


def field_layout() -> QFormLayout:
    form = QFormLayout()
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # labels above: room at any width
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setVerticalSpacing(10)
    return form


def message_label(name: str, tone: str, *, hidden: bool = True, reserved_lines: int = 0) -> QLabel:
    """A wrapped plain-text line for messages (server text is never rendered as rich text).
    ``reserved_lines``: its room is kept while it is hidden or shorter (:func:`reserve`)."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    set_tone(label, tone)  # follows the light or dark look
    if reserved_lines:
        reserve(label, label.fontMetrics().lineSpacing() * reserved_lines)
    if hidden:
        label.hide()
    return label


def expander(name: str, text: str, tip: str) -> QToolButton:
    """A button that opens and closes a section (an arrow beside its text), announced as one."""
    button = QToolButton()
    button.setObjectName(name)
    button.setCheckable(True)
    mark_expander(button)  # announced as a section that opens, not a check box (marked before its text is set)
    button.setText(text)
    button.setToolTip(tip)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.setArrowType(Qt.ArrowType.RightArrow)
    return button


def reserve(widget: QWidget, height: int) -> None:
    """Keep ``height`` pixels for ``widget`` whether it shows or not, so that a message or a
    suggestion coming and going moves nothing below it (nothing jumps under the pointer); a
    longer text still takes the room it needs."""
    widget.setMinimumHeight(height)
    policy = widget.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    widget.setSizePolicy(policy)
