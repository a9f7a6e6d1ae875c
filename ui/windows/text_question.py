"""A question with a text box: what should change, what is wrong, the answer to the agent's question.
Awaited (``open()``, never ``exec()``): :func:`ask_text` returns the words, or None when cancelled."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from app.textlimits import char_count, fit
from app.translatable import integer
from ui.i18n import fill
from ui.widgets.plain_text_edit import PlainTextEdit
from ui.widgets.screen_fit import keep_on_screen_when_shown
from ui.windows.async_dialog import run_dialog

MAX_CHARS = 5000  # what AITasker's sandbox takes for a message or an answer


class TextQuestion(QDialog):
    """``text`` above (plain), ``label`` over the box; ``yes`` is enabled once something is written."""

    def __init__(
        self, parent: QWidget | None, title: str, text: str, label: str, yes: str, *, limit: int = MAX_CHARS
    ) -> None:
        super().__init__(parent)
        self.setObjectName("textQuestion")
        self.setWindowTitle(title)
        self._limit = limit
        question = QLabel(text)
        question.setObjectName("textQuestionText")
        question.setTextFormat(Qt.TextFormat.PlainText)
        question.setWordWrap(True)
        box_label = QLabel(label)
        box_label.setTextFormat(Qt.TextFormat.PlainText)
        box_label.setWordWrap(True)
        self.box = PlainTextEdit(self, lines=5)
        self.box.setObjectName("textQuestionBox")
        self.box.setAccessibleName(label.replace("&", ""))
        box_label.setBuddy(self.box)
        self.count = QLabel()
        self.count.setObjectName("textQuestionCount")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.yes = self.buttons.addButton(yes, QDialogButtonBox.ButtonRole.AcceptRole)
        self.yes.setObjectName("textQuestionYes")
        self.yes.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):  # sends from the box, as Ctrl+Enter posts from the form
            QShortcut(QKeySequence(keys), self).activated.connect(self._send_if_written)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(box_label)
        layout.addWidget(self.box, 1)
        layout.addWidget(self.count, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.buttons)
        self.box.textChanged.connect(self._typed)
        self.box.setFocus()
        self.resize(460, 280)
        keep_on_screen_when_shown(self)  # smaller where the screen is
        self._typed()

    def _typed(self) -> None:
        text = self.box.toPlainText()
        if char_count(text) > self._limit:  # a long paste: cut between characters a person sees
            cursor = self.box.textCursor()
            self.box.setPlainText(fit(text, self._limit))
            cursor.movePosition(cursor.MoveOperation.End)
            self.box.setTextCursor(cursor)
            return
        self.yes.setEnabled(bool(text.strip()))
        self.count.setText(fill(self.tr("%1/%2"), integer(char_count(text)), integer(self._limit)))

    def showEvent(self, event: QShowEvent) -> None:
        """Tab goes from the box through the buttons in the order they are drawn (which the platform
        decides: Send first here, Cancel first there)."""
        previous: QWidget = self.box
        for button in sorted(
            self.buttons.buttons(), key=lambda button: button.mapTo(self, button.rect().topLeft()).x()
        ):
            QWidget.setTabOrder(previous, button)
            previous = button
        super().showEvent(event)

    def _send_if_written(self) -> None:
        if self.yes.isEnabled():
            self.yes.click()

    def words(self) -> str:
        return self.box.toPlainText().strip()


async def ask_text(
    parent: QWidget | None, title: str, text: str, label: str, yes: str, *, limit: int = MAX_CHARS
) -> str | None:
    """The person's words, or None when they cancelled."""
    dialog = TextQuestion(parent, title, text, label, yes, limit=limit)
    try:
        result = await run_dialog(dialog)
        return dialog.words() if result == QDialog.DialogCode.Accepted.value and dialog.words() else None
    finally:
        dialog.deleteLater()
