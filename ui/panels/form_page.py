"""The left side: "New task" heading and button, the message banner, the form, Cancel sending;
scrolls as one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from ui import styles
from ui.panels.form import TaskForm
from ui.widgets.banner import MessageBanner


class FormPage(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = TaskForm()
        self.banner = MessageBanner()
        self.cancel_button = QPushButton("Cancel sending")
        self.cancel_button.setObjectName("cancelSend")
        self.cancel_button.hide()
        self.new_button = QPushButton("&New task")
        self.new_button.setToolTip("Start a fresh task; this one stays in Drafts (Ctrl+N)")
        self.new_button.setShortcut(QKeySequence.StandardKey.New)
        heading = QLabel("New task")
        heading.setStyleSheet(styles.HEADING)
        heading_row = QHBoxLayout()
        heading_row.addWidget(heading)
        heading_row.addStretch(1)
        heading_row.addWidget(self.new_button)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addLayout(heading_row)
        layout.addWidget(self.banner)
        layout.addWidget(self.form)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignRight)
        self.setWidgetResizable(True)
        self.setWidget(inner)
        self.setMinimumWidth(340)
