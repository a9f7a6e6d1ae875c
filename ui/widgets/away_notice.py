"""A quiet notice above the tasks: "While you were away: 1 final work ready, 1 review closed", with one
line per task that opens it, and a ✕ to put it away."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

from ui.i18n import Words, say
from ui.theme import set_tone

MAX_LINES = 6


class AwayNotice(QFrame):
    """``openRequested(task_id)`` when one of its lines is pressed. What it shows is :data:`ui.i18n.Words`:
    given as what makes it, it is said again in a new language."""

    openRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("awayNotice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = QLabel()
        self.heading.setObjectName("awayHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self._close = close = QToolButton()
        close.setText("✕")
        close.clicked.connect(self.hide)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(close)
        self._lines = QVBoxLayout()
        self._lines.setSpacing(0)
        self.more = QLabel()
        self.more.setObjectName("awayMore")
        set_tone(self.more, "quiet")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addLayout(top)
        layout.addLayout(self._lines)
        layout.addWidget(self.more)
        self.buttons: list[QPushButton] = []
        self._news: tuple[Words, list[Words], Words] = ("", [], "")
        self._say_words()
        self.hide()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._say_words()
        super().changeEvent(event)

    def _say_words(self) -> None:
        self._close.setToolTip(self.tr("Dismiss"))
        self._close.setAccessibleName(self.tr("Dismiss what happened while you were away"))
        heading, lines, more = self._news
        self.heading.setText(say(heading))
        for button, text in zip(self.buttons, lines, strict=False):
            button.setText(say(text))
            button.setToolTip(self.tr("Open this task"))
        self.more.setText(say(more))

    def show_news(self, heading: Words, lines: list[tuple[str, Words]], more: Words = "") -> None:
        """``lines``: (task id, text) each, the first :data:`MAX_LINES` shown; ``more`` under them."""
        self._news = (heading, [text for _, text in lines[:MAX_LINES]], more)
        self.heading.setText(say(heading))
        for button in self.buttons:
            button.deleteLater()
        self.buttons = []
        for task_id, text in lines[:MAX_LINES]:
            button = QPushButton(say(text))
            button.setObjectName("awayLine")
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setStyleSheet("text-align: left; text-decoration: underline;")
            button.setToolTip(self.tr("Open this task"))
            button.clicked.connect(lambda _=False, task_id=task_id: self.openRequested.emit(task_id))
            self._lines.addWidget(button)
            self.buttons.append(button)
        self.more.setText(say(more))
        self.more.setVisible(bool(more))
        self.show()
