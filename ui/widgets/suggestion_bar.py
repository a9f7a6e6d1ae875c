"""The line under the title that offers a category: "Looks like Graphics & Design › Logo design — Use it".

It only shows a suggestion (app.suggest decides which, and SuggestionPolicy when); one click on
"Use it", or Alt+U, accepts it through ``accepted``. It never changes a choice by itself.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.suggest import Suggestion
from ui.i18n import fill
from ui.theme import set_tone


class SuggestionBar(QWidget):
    accepted = Signal(object)  # the Suggestion

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestionBar")
        self.text = QLabel()
        self.text.setObjectName("suggestionText")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        set_tone(self.text, "quiet")
        self.use = QPushButton()
        self.use.setObjectName("useSuggestion")
        # A stop for Tab right after the title while a suggestion is offered (Alt+U takes it from
        # anywhere in the form, and the Category box's description says so). Taken, the bar hides
        # and the cursor goes on to the next field.
        self.use.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.use.clicked.connect(self._accept)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.use)
        self._suggestion: Suggestion | None = None
        self.hide()
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.use.setText(self.tr("&Use it"))
        if self._suggestion is not None:
            self._say(self._suggestion)

    def suggestion(self) -> Suggestion | None:
        return self._suggestion

    def show_suggestion(self, suggestion: Suggestion | None) -> None:
        """Show this suggestion, or hide the bar for None."""
        if suggestion == self._suggestion:
            return
        self._suggestion = suggestion
        if suggestion is None:
            self.hide()
            return
        self._say(suggestion)
        self.show()

    def _say(self, suggestion: Suggestion) -> None:
        self.text.setText(fill(self.tr("Looks like %1"), suggestion.text))
        self.use.setAccessibleName(fill(self.tr("Use it: %1"), suggestion.text))
        self.use.setToolTip(fill(self.tr("Choose %1 (Alt+U)"), suggestion.text))

    def _accept(self) -> None:
        suggestion = self._suggestion
        if suggestion is not None:
            self.show_suggestion(None)
            self.accepted.emit(suggestion)
