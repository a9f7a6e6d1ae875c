"""The question with a text box (Ask for changes…, Report a problem…, Answer…) with the keyboard:
Ctrl+Enter sends what was written (as it posts from the form), never an empty box; Tab goes from the
box through the buttons in the order they are drawn; counts are written as the language writes them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from tests.conftest import wait_until
from ui.windows.text_question import TextQuestion


async def shown(qtbot) -> TextQuestion:
    dialog = TextQuestion(None, "Ask for changes", "What should change?", "&Changes:", "Send request")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    await wait_until(lambda: QApplication.activeWindow() is dialog, what="the question active")
    await wait_until(lambda: QApplication.focusWidget() is dialog.box, what="the box focused")
    return dialog


async def test_ctrl_enter_sends_what_was_written_and_never_an_empty_box(qtbot) -> None:
    dialog = await shown(qtbot)
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted.value  # nothing written yet
    qtbot.keyClicks(dialog.box, "Make the bread golden brown.")
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)  # a plain Enter is a new line in the box
    assert dialog.isVisible() and dialog.box.toPlainText().endswith("\n")
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    await wait_until(lambda: not dialog.isVisible(), what="the question sent")
    assert dialog.result() == QDialog.DialogCode.Accepted.value and dialog.words() == "Make the bread golden brown."


async def test_tab_goes_through_the_buttons_in_the_order_they_are_drawn(qtbot) -> None:
    dialog = await shown(qtbot)
    qtbot.keyClicks(dialog.box, "Brighter colours.")
    drawn = sorted(dialog.buttons.buttons(), key=lambda b: b.mapTo(dialog, b.rect().topLeft()).x())
    assert len(drawn) == 2
    reached = []
    for _ in drawn:
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert reached == drawn


async def test_the_count_is_written_as_the_language_writes_numbers(qtbot) -> None:
    dialog = await shown(qtbot)
    assert dialog.count.text() == "0/5,000"  # as the form's own counter
