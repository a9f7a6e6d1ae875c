"""Requirements: rows of name → value for everyone, and a JSON view for those who want it.

How a value typed in a row is kept (also said in the Value column's tooltip):

* ``42``, ``3.5``, ``true``, ``false``, ``null`` are kept as a number, yes/no or "nothing";
* ``[...]`` and ``{...}`` written as valid JSON are kept as a list or a group (nested values);
* a value in double quotes (``"42"``) is kept as text, without the quotes;
* anything else is kept as the text typed.

A row shows a text value in quotes when, without them, it would be read as something else, so
every value makes the round trip rows → JSON → rows unchanged. Switching views never loses
anything: rows become JSON text keeping every row (even a repeated or missing name, which the JSON
view then reports), and the JSON view only switches back to rows once it is a valid object.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import fill
from ui.panels.requirements_values import (
    _KIND_OF_JSON,
    JSON_EXAMPLE,
    VALUE_RULES,
    Pairs,
    _canonical,
    _loads,
    _pair_problems,
    _PairList,
    _plain,
    _TooDeep,
    cell_text,
    kind_words,
    pairs_json,
    parse_cell,
    reader_words,
)
from ui.theme import set_tone
from ui.widgets.plain_text_edit import PlainTextEdit

# Names the form, the widgets and the tests import from here.
__all__ = ["Pairs", "PlainTextEdit", "RequirementsEditor", "cell_text", "kind_words", "pairs_json", "parse_cell"]


# --- the widget -----------------------------------------------------------------------------


class RequirementsEditor(QWidget):
    """Rows of name → value, with an "Edit as JSON" view. ``value()`` is always a dict;
    ``problems()`` says in words what stops it from being sent."""

    changed = Signal()
    modeChanged = Signal()  # rows <-> JSON: ``focus_target()`` changed
    NAME, VALUE = 0, 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("requirements")
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("requirementsRows")
        self.table.setHorizontalHeaderLabels(["", ""])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.NAME, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(self.VALUE, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(self.NAME, 120)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move between cells
        self.table.setWordWrap(False)
        self.table.setMinimumHeight(self.table.fontMetrics().height() * 6)
        self.table.setMaximumHeight(self.table.fontMetrics().height() * 12)

        self.json_text = PlainTextEdit()
        self.json_text.setObjectName("requirementsJson")
        self.json_text.setMinimumHeight(self.table.minimumHeight())
        self.json_text.setMaximumHeight(self.table.maximumHeight())
        self.json_text.hide()

        self.add_button = QPushButton()
        self.add_button.setObjectName("addRequirement")
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("removeRequirement")
        self.remove_button.setEnabled(False)
        self.json_toggle = QCheckBox()
        self.json_toggle.setObjectName("requirementsAsJson")
        self.rules = QLabel()
        self.rules.setObjectName("requirementsRules")
        self.rules.setWordWrap(True)
        set_tone(self.rules, "quiet")
        self.switch_note = QLabel()
        self.switch_note.setObjectName("requirementsSwitchNote")
        self.switch_note.setWordWrap(True)
        set_tone(self.switch_note, "error")
        self.switch_note.hide()

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.json_toggle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.table)
        layout.addWidget(self.json_text)
        layout.addLayout(buttons)
        layout.addWidget(self.rules)
        layout.addWidget(self.switch_note)
        # No Tab stop of its own, and no focus proxy (a container in the focus chain sent Tab back
        # into the form from Post task): labels name ``focus_target()`` as their buddy.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self._restore: tuple[str, str] | None = None  # (canonical pairs, JSON text) at the last switch
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_current_row)
        self.json_toggle.toggled.connect(self._toggled)
        self.table.itemChanged.connect(self._cell_changed)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.json_text.textChanged.connect(self._json_edited)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Every word in the language now installed, the values' tooltips too."""
        for column, header in ((self.NAME, self.tr("Name")), (self.VALUE, self.tr("Value"))):
            item = self.table.horizontalHeaderItem(column)
            if item is not None:
                item.setText(header)
                item.setToolTip(self.tr(VALUE_RULES) if column == self.VALUE else "")
        self.table.setAccessibleName(self.tr("Requirements (optional), as names and values"))
        self.json_text.setPlaceholderText(fill(self.tr("For example: %1"), self.tr(JSON_EXAMPLE)))
        self.json_text.setAccessibleName(self.tr("Requirements (optional), as text"))
        for widget, description in zip((self.table, self.json_text), self.base_descriptions(), strict=True):
            widget.setAccessibleDescription(description)
        self.add_button.setText(self.tr("&Add row"))
        self.add_button.setToolTip(self.tr("Add a name and a value (Alt+A)"))
        self.remove_button.setText(self.tr("Re&move row"))
        self.remove_button.setToolTip(self.tr("Remove the selected row (Alt+M)"))
        self.json_toggle.setText(self.tr("Edit as &JSON"))
        self.json_toggle.setToolTip(self.tr("Show the requirements as JSON text, for nested values (Alt+J)"))
        self.rules.setText(self.tr(VALUE_RULES))
        if self.switch_note.isVisible():
            self.switch_note.setText(self.tr("⚠ To go back to rows, fix the JSON first."))
        with QSignalBlocker(self.table):
            for row in range(self.table.rowCount()):
                item = self.table.item(row, self.VALUE)
                if item is not None:
                    self._describe(item)

    def base_descriptions(self) -> tuple[str, str]:
        """What a screen reader hears of the rows and of the JSON text, before any problem."""
        return (
            self.tr("Optional. One row for each thing the result must have: a name and a value.")
            + " "
            + self.tr(VALUE_RULES),
            fill(
                self.tr("A JSON object of names and values, for example %1. Nested values are allowed."),
                self.tr(JSON_EXAMPLE),
            ),
        )

    # --- what other widgets use ---------------------------------------------------------------
    def focus_target(self) -> QWidget:
        """Where a label's Alt+letter, or a message about the requirements, puts the cursor."""
        return self.json_text if self.is_json_mode() else self.table

    def focus_chain(self) -> list[QWidget]:
        """The editor's focusable widgets in tab order (hidden ones are skipped by Qt)."""
        return [self.table, self.json_text, self.add_button, self.remove_button, self.json_toggle]

    def commit_pending_edit(self) -> None:
        """Take in what is being typed in a cell (e.g. before Ctrl+Enter sends)."""
        if self.table.state() == QAbstractItemView.State.EditingState:
            editor = self.table.indexWidget(self.table.currentIndex())
            if editor is not None:
                self.table.commitData(editor)

    def is_json_mode(self) -> bool:
        return self.json_toggle.isChecked()

    def pairs(self) -> Pairs | None:
        """Every (name, value) in the current view, or None when the JSON text is not an object."""
        if self.is_json_mode():
            return self._json_pairs()[0]
        return self._row_pairs()

    def value(self) -> dict[str, Any]:
        """The requirements as a dict ({} when the JSON text can't be read)."""
        return dict(self.pairs() or [])

    def problems(self) -> list[str]:
        """What stops the requirements from being sent, in words (empty when all is well)."""
        if self.is_json_mode():
            read, problem = self._json_pairs()
            if read is None:
                return [problem]
            return _pair_problems(read, "json")
        return _pair_problems(self._row_pairs(), "rows")

    def raw_value(self) -> dict[str, Any] | str:
        """The dict when it can be sent; otherwise the text (JSON view as typed, or the rows as
        JSON keeping every row) so that a draft with a problem is kept whole."""
        if not self.problems():
            return self.value()
        if self.is_json_mode():
            return self.json_text.toPlainText()
        return pairs_json(self._row_pairs())

    def set_value(self, value: dict[str, Any] | str | None) -> None:
        """Show a dict as rows, or (from ``raw_value``) a text that had a problem in the JSON view."""
        self._restore = None
        self.switch_note.hide()
        if isinstance(value, str):
            with QSignalBlocker(self.json_text):
                self.json_text.setPlainText(value)
            self._show_json(True)
        else:
            self._fill_rows(list((value or {}).items()))
            self._show_json(False)
        self.changed.emit()

    def clear(self) -> None:
        self.set_value({})

    # --- rows -------------------------------------------------------------------------------
    def add_row(self) -> None:
        row = self.table.rowCount()
        with QSignalBlocker(self.table):
            self.table.insertRow(row)
            self.table.setItem(row, self.NAME, QTableWidgetItem(""))
            self.table.setItem(row, self.VALUE, self._value_item(""))
        self.table.setCurrentCell(row, self.NAME)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        name = self.table.item(row, self.NAME)
        if name is not None:
            self.table.editItem(name)

    def remove_current_row(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        self.table.removeRow(row)
        if self.table.rowCount():
            self.table.setCurrentCell(min(row, self.table.rowCount() - 1), self.NAME)
        self._selection_changed()
        self.changed.emit()

    def _row_pairs(self) -> Pairs:
        pairs: Pairs = []
        for row in range(self.table.rowCount()):
            name = self._cell(row, self.NAME)
            text = self._cell(row, self.VALUE)
            if not name.strip() and not text.strip():
                continue  # an empty row is just room to type
            pairs.append((name, parse_cell(text)))
        return pairs

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def _fill_rows(self, pairs: Pairs) -> None:
        with QSignalBlocker(self.table):
            self.table.setRowCount(0)
            for name, value in pairs:
                row = self.table.rowCount()
                self.table.insertRow(row)
                self.table.setItem(row, self.NAME, QTableWidgetItem(name))
                self.table.setItem(row, self.VALUE, self._value_item(cell_text(value)))
        self._selection_changed()

    def _value_item(self, text: str) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        self._describe(item)
        return item

    def _describe(self, item: QTableWidgetItem) -> None:
        kept = (
            fill(self.tr("Kept as %1."), kind_words(parse_cell(item.text())))
            if item.text().strip()
            else self.tr("Empty.")
        )
        item.setToolTip(f"{kept}\n{self.tr(VALUE_RULES)}")
        item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, kept)

    def _cell_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == self.VALUE:
            with QSignalBlocker(self.table):
                self._describe(item)
        self.changed.emit()

    def _selection_changed(self) -> None:
        self.remove_button.setEnabled(self.table.currentRow() >= 0 and self.table.rowCount() > 0)

    # --- JSON -------------------------------------------------------------------------------
    def _json_pairs(self) -> tuple[Pairs | None, str]:
        text = self.json_text.toPlainText()
        if not text.strip():
            return [], ""
        try:
            data = _loads(text, pairs=True)
        except _TooDeep as exc:
            return None, str(exc)
        except ValueError as exc:
            where = ""
            if isinstance(exc, json.JSONDecodeError):
                where = fill(self.tr(" (line %1, column %2: %3)"), exc.lineno, exc.colno, reader_words(exc.msg))
            elif str(exc):
                where = f" ({exc})"
            return None, fill(self.tr("This is not valid JSON%1."), where)
        if not isinstance(data, _PairList):
            kind = (
                self.tr("nothing (null)")
                if data is None
                else self.tr(_KIND_OF_JSON[type(data)])
                if type(data) in _KIND_OF_JSON
                else self.tr("not a group")
            )
            return None, fill(
                self.tr("Requirements must be names and values inside { }, for example %1; this is %2."),
                self.tr(JSON_EXAMPLE),
                kind,
            )
        return [(name, _plain(value)) for name, value in data], ""

    def _json_edited(self) -> None:
        self.switch_note.hide()
        self.changed.emit()

    def _toggled(self, json_mode: bool) -> None:
        if json_mode:
            pairs = self._row_pairs()
            canonical = _canonical(pairs)
            if self._restore is not None and self._restore[0] == canonical:
                text = self._restore[1]  # unchanged since the last switch: the text exactly as typed
            else:
                text = pairs_json(pairs)
            with QSignalBlocker(self.json_text):
                self.json_text.setPlainText(text)
            self._show_json(True)
            self.json_text.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            read, problem = self._json_pairs()
            if read is None:
                # Refuse: the rows could not show this, and the text must not be lost.
                with QSignalBlocker(self.json_toggle):
                    self.json_toggle.setChecked(True)
                # (What is wrong is said under the field, by the form.)
                self.switch_note.setText(self.tr("⚠ To go back to rows, fix the JSON first."))
                self.switch_note.setToolTip(problem)
                self.switch_note.show()
                self.json_text.setFocus(Qt.FocusReason.OtherFocusReason)
                return
            self._restore = (_canonical(read), self.json_text.toPlainText())
            self._fill_rows(read)
            self._show_json(False)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    def _show_json(self, json_mode: bool) -> None:
        with QSignalBlocker(self.json_toggle):
            self.json_toggle.setChecked(json_mode)
        focused = self.focusWidget() in (self.table, self.json_text)
        self.table.setVisible(not json_mode)
        self.add_button.setVisible(not json_mode)
        self.remove_button.setVisible(not json_mode)
        self.rules.setVisible(not json_mode)
        self.json_text.setVisible(json_mode)
        if not json_mode:
            self.switch_note.hide()
        self.modeChanged.emit()
        if focused:
            (self.json_text if json_mode else self.table).setFocus(Qt.FocusReason.OtherFocusReason)
