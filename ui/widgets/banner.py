"""A non-modal message: plain words first, technical detail on request, action buttons."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

from ui.i18n import Words, say
from ui.theme import banner_style, follow_theme
from ui.widgets.accessibility import mark_expander


class MessageBanner(QWidget):
    """A non-modal message above the form: plain words, technical detail on request, actions.

    The message and its buttons' labels are :data:`ui.i18n.Words`: given as what makes them, they are
    said again in a new language while the message shows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.text = QLabel()
        self.text.setObjectName("bannerText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.details = QLabel()
        self.details.setObjectName("bannerDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.hide()
        self.toggle = QToolButton()
        self.toggle.setCheckable(True)
        mark_expander(self.toggle)
        self.toggle.toggled.connect(self.details.setVisible)
        self._close = close = QToolButton()
        close.setText("✕")
        close.clicked.connect(self.hide)
        top = QHBoxLayout()
        top.addWidget(self.text, 1)
        top.addWidget(self.toggle)
        top.addWidget(close)
        self.actions_row = QHBoxLayout()
        self.actions_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(top)
        layout.addWidget(self.details)
        layout.addLayout(self.actions_row)
        self._action_buttons: list[tuple[QPushButton, Words]] = []
        self._message: Words = ""
        self.setAutoFillBackground(True)
        self._say_words()
        self.hide()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._say_words()
        super().changeEvent(event)

    def _say_words(self) -> None:
        """Its own words, and the message and its buttons in the language now installed."""
        self.details.setAccessibleName(self.tr("Technical details"))
        self.toggle.setText(self.tr("Technical details"))
        self._close.setToolTip(self.tr("Dismiss"))
        self._close.setAccessibleName(self.tr("Dismiss message"))
        self.text.setText(say(self._message))
        for button, label in self._action_buttons:
            button.setText(say(label))

    def show_message(
        self,
        text: Words,
        *,
        detail: str = "",
        kind: str = "error",
        actions: list[tuple[Words, Callable[[], object]]] | None = None,
        about: str = "",
    ) -> None:
        """Show ``text``; ``about`` names the condition it tells of ("waiting:<draft id>"), so that
        whoever sees the condition end can :meth:`withdraw` it (a later message is not touched).
        ``detail`` is technical and stays as given."""
        self._kind = kind
        self._about = about
        self._message = text
        self.setStyleSheet(banner_style(kind))
        follow_theme(self)
        self.text.setText(say(text))
        self.details.setText(detail)
        self.toggle.setChecked(False)
        self.toggle.setVisible(bool(detail))
        for button, _ in self._action_buttons:
            button.deleteLater()
        self._action_buttons = []
        for label, callback in actions or []:
            button = QPushButton(say(label))
            button.setObjectName(f"bannerAction_{button.text()}")
            button.clicked.connect(lambda _=False, cb=callback: self._hide_then(cb))
            self.actions_row.addWidget(button)
            self._action_buttons.append((button, label))
        self.show()

    def withdraw(self, about: str) -> bool:
        """The condition ``about`` ended: the message about it goes (True), any other stays."""
        if not about or self.isHidden() or getattr(self, "_about", "") != about:
            return False
        self.hide()
        return True

    def _hide_then(self, callback: Callable[[], object]) -> None:
        """An action button pressed: the banner goes, then the action runs."""
        self.hide()
        callback()

    def theme_changed(self) -> None:
        """The look changed: the background of the message shown follows it."""
        self.setStyleSheet(banner_style(getattr(self, "_kind", "")))

    def action(self, label: str) -> QPushButton | None:
        return next((b for b, _ in self._action_buttons if b.text() == label), None)
