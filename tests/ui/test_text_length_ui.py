"""The title counts characters as AITasker does, and is never cut in the middle of one.

Qt's ``QLineEdit.setMaxLength`` counts UTF-16 units: before, a title of 200 emoji (a valid title)
was cut to 100, and a cut could leave half of a character. Pasting, as a person does.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QApplication

from app.api.schema import TaskDraft, max_length
from app.taxonomy import bundled_categories
from ui.panels.form import TaskForm

TITLE_MAX = max_length("title") or 0
CTRL = Qt.KeyboardModifier.ControlModifier
EMOJI = "😀"
FAMILY = "👨\u200d👩\u200d👧"  # one character for a person, five code points
FLAG = "🇫🇷"


@pytest.fixture
def form(qtbot) -> TaskForm:
    widget = TaskForm()
    widget.set_categories(bundled_categories())
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def paste(qtbot, form: TaskForm, text: str) -> None:
    mime = QMimeData()
    mime.setText(text)
    clipboard = QApplication.clipboard()
    clipboard.setMimeData(mime)
    try:
        form.title.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(form.title.hasFocus)
        qtbot.keyClick(form.title, Qt.Key.Key_V, CTRL)
    finally:
        clipboard.clear()  # data of ours left in the clipboard crashes Qt's teardown at exit


def test_a_title_of_200_emoji_stays_200_and_is_sendable(qtbot, form: TaskForm) -> None:
    paste(qtbot, form, EMOJI * TITLE_MAX)
    assert form.title.text() == EMOJI * TITLE_MAX  # before: cut to 100
    assert form.title_counter.text().startswith(f"{TITLE_MAX}/{TITLE_MAX}")
    assert (
        TaskDraft.model_validate({**form.raw_values(), "category": "data", "task_type": "data-analysis"}).title
        == EMOJI * TITLE_MAX
    )


def test_pasting_past_the_limit_keeps_whole_characters_only(qtbot, form: TaskForm) -> None:
    paste(qtbot, form, EMOJI * (TITLE_MAX + 5))
    assert form.title.text() == EMOJI * TITLE_MAX
    form.title.clear()
    paste(qtbot, form, "a" * (TITLE_MAX - 3) + FAMILY + FLAG)
    assert form.title.text() == "a" * (TITLE_MAX - 3)  # the family does not fit whole: left out, not cut
    form.title.clear()
    paste(qtbot, form, "a" * (TITLE_MAX - 3) + FLAG + FLAG)
    assert form.title.text() == "a" * (TITLE_MAX - 3) + FLAG


def test_typing_at_the_limit_in_the_middle_keeps_the_cursor_and_the_end(qtbot, form: TaskForm) -> None:
    paste(qtbot, form, EMOJI * (TITLE_MAX - 1))
    form.title.setCursorPosition(2)  # after the first emoji (2 UTF-16 units)
    qtbot.keyClicks(form.title, "ab")  # room for one more character: the "b" is left out
    assert form.title.text() == EMOJI + "a" + EMOJI * (TITLE_MAX - 2)  # the end of the title is kept
    assert form.title.cursorPosition() == 3
    paste(qtbot, form, "")  # nothing changes on an empty paste
    form.title.setCursorPosition(0)
    form.title.setSelection(0, 3)  # the first emoji and the "a" selected, replaced by a paste
    paste(qtbot, form, FLAG + FLAG + "xyz")
    assert form.title.text() == FLAG + EMOJI * (TITLE_MAX - 2)


def test_the_description_counter_counts_characters(qtbot, form: TaskForm) -> None:
    form.description.setPlainText(EMOJI * 10 + "e\u0301")
    assert form.description_counter.text().startswith("12/")  # characters, as the API counts (not 22)
