"""What the task form says about its fields: the message line under each field, the messages for
the whole form, and the character counters of the title and the description.

:class:`FieldMessages` owns those labels and shows what it is given (which messages, decided by
:class:`app.form_rules.FormState`; how many characters, counted here from the fields' text as a person
sees them).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel

from app.api.contract import max_length
from app.form_rules import COUNTED_FIELDS, FIELD_ORDER, Shown, counter_words
from app.textlimits import counted, room_note
from ui.i18n import translate, words
from ui.panels.form_words import message_label
from ui.theme import set_tone


class FieldMessages(QObject):
    """The form's message labels (``error_<field>``, ``error___all__``) and its counters."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # A line kept under each field for its message: one appearing or going moves nothing below.
        self._lines: dict[str, QLabel] = {
            name: message_label(f"error_{name}", "error", reserved_lines=1) for name in FIELD_ORDER
        }
        self.general_error = message_label("error___all__", "error")
        self.title_counter = QLabel()
        self.title_counter.setObjectName("titleCounter")
        self.description_counter = QLabel()
        self.description_counter.setObjectName("descriptionCounter")
        self._counters = {"title": self.title_counter, "description": self.description_counter}
        self._limits = {name: max_length(name) for name in COUNTED_FIELDS}
        self.retranslate()

    def retranslate(self) -> None:
        """The counters' names in the language now installed (the messages: the form shows them again)."""
        self.title_counter.setAccessibleName(translate("TaskForm", "Characters in the title"))
        self.description_counter.setAccessibleName(translate("TaskForm", "Characters in the description"))

    def line(self, field: str) -> QLabel:
        """The message line under a field, to be placed below it."""
        return self._lines[field]

    def show(self, shown: Shown) -> None:
        """Put the shown messages under their fields, and those for no field under the form."""
        for name, label in self._lines.items():
            under = shown.under.get(name, [])
            label.setText("\n".join("⚠ " + words(m) for m in under))
            label.setVisible(bool(under))
        self.general_error.setText("\n".join("⚠ " + words(m) for m in shown.general))
        self.general_error.setVisible(bool(shown.general))

    def count(self, texts: Mapping[str, str]) -> None:
        """Show how many characters the counted fields hold, as a person sees them, against the room
        AITasker's limit leaves (:func:`app.textlimits.counted`); the tooltip says why the room is
        less than the limit when some characters take several of AITasker's."""
        for name, counter in self._counters.items():
            limit = self._limits[name]
            typed = texts.get(name, "")
            text, over = counter_words(*counted(typed, limit))
            counter.setText(text)
            counter.setToolTip(room_note(typed, limit))
            if limit is not None:
                set_tone(counter, "error" if over else "quiet")
                font = counter.font()
                font.setBold(over)
                counter.setFont(font)
