"""The left side: "New task" heading and button, the message banner, then the form, whose fields
scroll while its actions bar (Post task, Cancel posting) stays in view below them."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui import theme
from ui.panels.form import TaskForm
from ui.widgets.banner import MessageBanner


class FormPage(QWidget):
    def __init__(self, parent: QWidget | None = None, *, checks_held: bool = False) -> None:
        super().__init__(parent)
        self.form = TaskForm(checks_held=checks_held)
        self.banner = MessageBanner()
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelSend")
        self.cancel_button.hide()
        self.new_button = QPushButton()
        self.new_button.setShortcut(QKeySequence.StandardKey.New)
        self._heading = heading = QLabel()
        heading.setObjectName("formHeading")
        theme.heading(heading)  # a font, not a style sheet: its colour follows a change of look at once
        heading_row = QHBoxLayout()
        heading_row.addWidget(heading)
        heading_row.addStretch(1)
        heading_row.addWidget(self.new_button)
        self.setObjectName("formPage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 0)
        layout.addLayout(heading_row)
        layout.addWidget(self.banner)  # above the scrolling fields: a confirmation is always seen
        layout.addWidget(self.form, 1)
        self.form.add_action(self.cancel_button)
        self.setMinimumWidth(340)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.cancel_button.setText(self.tr("Cancel posting"))
        self.new_button.setText(self.tr("&New task"))
        self.new_button.setToolTip(self.tr("Start a fresh task; this one stays in Drafts (Ctrl+N)"))
        self._heading.setText(self.tr("New task"))
