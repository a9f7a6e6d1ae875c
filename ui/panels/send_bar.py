"""The bar below the form's fields, always in view: why the task cannot be posted yet, and Post task."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from ui.i18n import fill, translate
from ui.panels.form_words import SEND_TEXT, SEND_TIP, message_label


class SendBar(QFrame):
    sendRequested = Signal()  # Post task was pressed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("formActions")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.send_button = QPushButton(translate("TaskForm", SEND_TEXT))
        self.send_button.setObjectName("sendButton")
        self.send_button.setDefault(True)
        # Two lines kept for why it can't be posted yet, and the buttons at the bar's foot: a reason
        # coming, going or growing never moves Post task under the pointer.
        self.send_hint = message_label("sendHint", "quiet", hidden=False, reserved_lines=2)
        self.send_button.clicked.connect(self.sendRequested)
        self._actions = QHBoxLayout(self)
        self._actions.setContentsMargins(8, 6, 8, 6)
        self._actions.addWidget(self.send_hint, 1)
        self._actions.addWidget(self.send_button, 0, Qt.AlignmentFlag.AlignBottom)

    def add_action(self, button: QWidget) -> None:
        """Put a button in the bar, before Post task (e.g. Cancel posting)."""
        self._actions.insertWidget(self._actions.indexOf(self.send_button), button, 0, Qt.AlignmentFlag.AlignBottom)

    def set_busy(self, busy: bool) -> None:
        self.send_button.setText(translate("TaskForm", "Posting…") if busy else translate("TaskForm", SEND_TEXT))

    def show_state(self, reason: str, *, ready: bool, busy: bool) -> None:
        """Post task on or off, and why not (``reason``, "" when nothing is wrong)."""
        self.send_button.setEnabled(ready and not busy)
        self.set_busy(busy)  # (its words in the language now installed)
        self.send_button.setToolTip(
            fill(translate("TaskForm", "Not ready to post (Ctrl+Enter once it is). %1"), reason)
            if reason
            else translate("TaskForm", SEND_TIP)
        )
        self.send_button.setAccessibleDescription(reason)
        self.send_hint.setText(fill(translate("TaskForm", "To send: %1"), reason) if reason and not busy else "")
        self.send_hint.setVisible(bool(reason) and not busy)
