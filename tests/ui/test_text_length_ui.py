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
    # Characters as a person sees them: 10 emoji and an é (not 22 UTF-16 units, nor 12 code points).
    assert form.description_counter.text().startswith("11/")


def test_a_family_emoji_typed_after_199_emoji_is_left_out_not_cut(qtbot, form: TaskForm) -> None:
    """Issue 22, point 8: 👨‍👩‍👧 after 199 😀 used to leave a lone 👨 (five code points, one left)."""
    paste(qtbot, form, EMOJI * (TITLE_MAX - 1))
    form.title.end(False)
    paste(qtbot, form, FAMILY)  # typed (or pasted) at the end
    assert form.title.text() == EMOJI * (TITLE_MAX - 1)  # no lone man: the family did not fit whole
    assert form.title_counter.text() == f"{TITLE_MAX - 1}/{TITLE_MAX}"
    qtbot.keyClicks(form.title, "!")  # one more one-part character still fits
    assert form.title.text() == EMOJI * (TITLE_MAX - 1) + "!"


def test_the_counter_counts_a_family_as_one_and_says_why_the_room_is_less(qtbot, form: TaskForm) -> None:
    paste(qtbot, form, FAMILY)
    assert form.title.text() == FAMILY
    assert form.title_counter.text() == f"1/{TITLE_MAX - 4}"  # one seen; it takes five of AITasker's 200
    assert str(TITLE_MAX) in form.title_counter.toolTip()
    paste(qtbot, form, EMOJI * TITLE_MAX)  # as much as fits
    assert form.title.text() == FAMILY + EMOJI * (TITLE_MAX - 5)
    assert form.title_counter.text().startswith(f"{TITLE_MAX - 4}/{TITLE_MAX - 4}: that is the most")


def test_whatever_is_pasted_where_the_title_holds_whole_characters_within_the_limit(qtbot, form: TaskForm) -> None:
    """Pastes of many-part characters at random places near the limit: Qt's own cut (its maxLength)
    and ours together never leave part of a character, and never more than AITasker allows."""
    import random

    from app.textlimits import char_count, clusters, utf16_units

    whole = [EMOJI, FAMILY, FLAG, "👍🏽", "e\u0301", "a", "1\ufe0f\u20e3"]
    rng = random.Random(22)
    for _ in range(60):
        text = form.title.text()
        if char_count(text) < TITLE_MAX - 30:
            form.title.setText("".join(rng.choices(whole, k=rng.randint(30, 70))))
            text = form.title.text()
        at = rng.choice([0, len(text), *(utf16_units("".join(clusters(text)[:k])) for k in range(len(clusters(text))))])
        form.title.setCursorPosition(at)
        paste(qtbot, form, "".join(rng.choices(whole, k=rng.randint(1, 12))))
        title = form.title.text()
        assert char_count(title) <= TITLE_MAX
        assert set(clusters(title)) <= set(whole), [c for c in clusters(title) if c not in whole]
