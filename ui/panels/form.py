"""The task form: every field of the create request, in plain words, limits read from app.api.schema.

Made for people who do not write code: fields in the order one thinks of them, a message in
words under a field only once there is something to say (the rules: :mod:`app.form_rules`), Send
disabled with the reason beside it, and every number taken from :mod:`app.api.schema`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
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

from app.api.contract import max_length, number_limits
from app.budget import BudgetMemory
from app.form_rules import FIELD_ORDER
from app.suggest import SuggestionPolicy
from app.taxonomy import Category
from app.textlimits import qt_max_length
from ui.i18n import money
from ui.panels.category_chooser import CategoryChooser
from ui.panels.form_checks import FormChecks
from ui.panels.form_guidance import FormGuidance
from ui.panels.form_values import FormValues
from ui.panels.form_words import (
    BUDGET_TYPING_RANGE,
    LABELS,
    MORE_OPTIONS,
    SEND_TEXT,
    SEND_TIP,
    _field_layout,
    _message_label,
)
from ui.panels.requirements_editor import RequirementsEditor
from ui.theme import set_tone
from ui.widgets.plain_text_edit import PlainTextEdit
from ui.widgets.slider_spin import SliderSpin
from ui.widgets.suggestion_bar import SuggestionBar

__all__ = ["FIELD_ORDER", "LABELS", "SEND_TEXT", "SEND_TIP", "TaskForm"]


class TaskForm(FormGuidance, FormValues, FormChecks, QWidget):
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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.brand_kit_id and event.type() == QEvent.Type.FocusOut:
            self._render()  # a half-typed ID is now worth a word
        return super().eventFilter(watched, event)

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
