"""Dialogs awaited through a future (``open()``), never ``exec()`` inside a coroutine."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QDialog, QMessageBox, QWidget

from ui.widgets.screen_fit import keep_on_screen_when_shown


async def run_dialog(dialog: QDialog) -> int:
    """Show a dialog window-modally with ``open()`` and wait for its result without a nested loop."""
    future: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    def finished(result: int) -> None:
        if not future.done():
            future.set_result(result)

    dialog.finished.connect(finished)
    dialog.open()
    try:
        return await future
    finally:
        dialog.finished.disconnect(finished)


async def clicked_button(box: QMessageBox) -> QAbstractButton | None:
    """Show ``box`` (see :func:`run_dialog`) and give the button pressed (None when it was closed
    another way); the box is deleted afterwards."""
    try:
        await run_dialog(box)
        return box.clickedButton()
    finally:
        box.deleteLater()


def question_box(parent: QWidget | None, title: str, text: str, yes: str, no: str | None = None) -> QMessageBox:
    """The box :func:`ask` shows: the question, ``yes`` (the default) and ``no`` (Qt's Cancel when None)."""
    box = QMessageBox(parent)
    box.setObjectName("confirmDialog")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    if no is None:
        box.addButton(QMessageBox.StandardButton.Cancel)  # Qt's own word, in the user's language
    else:
        box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(yes_button)
    keep_on_screen_when_shown(box)
    return box


async def ask(parent: QWidget | None, title: str, text: str, yes: str, no: str | None = None) -> bool:
    """A question with two buttons; True when the user chose ``yes``. Text is plain, never HTML."""
    box = question_box(parent, title, text, yes, no)
    yes_button = box.defaultButton()
    return await clicked_button(box) is yes_button


async def choose(
    parent: QWidget | None,
    title: str,
    text: str,
    choices: list[tuple[str, str]],
    *,
    warning: bool = False,
) -> str | None:
    """A question with a button per choice (``(key, label)``, the first one the default) and Qt's
    Cancel; the key of the button pressed, None for Cancel or a closed box. Text is plain."""
    box = QMessageBox(parent)
    box.setObjectName("confirmDialog")
    box.setIcon(QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    buttons = {box.addButton(label, QMessageBox.ButtonRole.AcceptRole): key for key, label in choices}
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(next(iter(buttons)))
    keep_on_screen_when_shown(box)
    return buttons.get(await clicked_button(box))  # type: ignore[call-overload]
