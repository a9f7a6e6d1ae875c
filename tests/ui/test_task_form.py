"""The task form as a person uses it: typing, keys, the mouse wheel, pasting, Alt+letters and Tab.

Sync tests with ``qtbot``: no event loop task is involved (the form only emits signals).
Numbers come from ``app.api.schema`` so that the tests follow the one source of truth.
"""

from __future__ import annotations

import json
import uuid

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QPalette, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QScrollArea,
    QWidget,
)

from app.api.schema import max_length, number_limits
from app.budget import FIRST_BUDGET
from app.taxonomy import bundled_categories
from tests.ui.helpers import mnemonic
from tests.ui.helpers import wheel as turn_wheel
from ui.panels.form import TaskForm
from ui.panels.requirements_editor import cell_text, parse_cell
from ui.theme import colour
from ui.widgets.slider_spin import SliderSpin

BUDGET = number_limits("budget_usd")
DIAL = number_limits("experimentation")
TITLE_MAX = max_length("title") or 0
DESCRIPTION_MAX = max_length("description") or 0
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def form(qtbot) -> TaskForm:
    widget = TaskForm()
    widget.set_categories(bundled_categories())
    widget.open_more_options()  # closed for a new task (tests/ui/test_plain_words.py); here every field shows
    qtbot.addWidget(widget)
    widget.resize(460, 1100)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def focus(qtbot, widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def error(form: TaskForm, field: str) -> QLabel:
    label = form.findChild(QLabel, f"error_{field}")
    assert label is not None
    return label


def choose(qtbot, form: TaskForm, category: str, task_type: str | None = None) -> None:
    """Pick a category (and task type) with the keyboard, as a person would."""
    focus(qtbot, form.category)
    qtbot.keyClick(form.category, Qt.Key.Key_Home)
    while form.category.currentData() != category:
        before = form.category.currentIndex()
        qtbot.keyClick(form.category, Qt.Key.Key_Down)
        assert form.category.currentIndex() != before, f"{category} not in the list"
    if task_type is not None:
        focus(qtbot, form.task_type)
        form.task_type.lineEdit().selectAll()
        qtbot.keyClicks(form.task_type.lineEdit(), task_type)


def fill_valid(qtbot, form: TaskForm) -> None:
    qtbot.keyClicks(form.title, "Logo for my bakery")
    choose(qtbot, form, "graphics-design")  # one task type: chosen by itself
    assert form.task_type_slug() == "logo-design"
    assert form.send_button.isEnabled(), form.send_button.toolTip()


def type_amount(qtbot, box: SliderSpin, text: str) -> None:
    focus(qtbot, box.spin)
    box.spin.selectAll()
    qtbot.keyClicks(box.spin, text)


def paste(qtbot, widget: QWidget, mime: QMimeData) -> None:
    clipboard = QApplication.clipboard()
    clipboard.setMimeData(mime)
    try:
        focus(qtbot, widget)
        qtbot.keyClick(widget, Qt.Key.Key_V, CTRL)
    finally:
        clipboard.clear()  # data of ours left in the clipboard crashes Qt's teardown at exit


def wheel(widget: QWidget, notches: int) -> QWheelEvent:
    return turn_wheel(widget, notches, at=QPointF(5, 5))


def type_lines(qtbot, widget: QWidget, text: str) -> None:
    for number, line in enumerate(text.split("\n")):
        if number:
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        qtbot.keyClicks(widget, line)


def money(value: float) -> str:
    return f"${value:,.2f}"


# --- order, words, counters ------------------------------------------------------------------


def test_fields_are_in_the_order_a_person_thinks_of_them(form: TaskForm) -> None:
    labels = [w for w in form.findChildren(QLabel) if w.objectName().startswith("label_")]
    in_order = [
        label.text().replace("&", "") for label in sorted(labels, key=lambda w: w.mapTo(form, QPoint(0, 0)).y())
    ]
    assert in_order == [
        "What do you need?",
        "Describe it",
        "Category",
        "Task type",
        "Budget (US dollars)",
        "Experimentation",
        "Requirements (optional)",
        "Brand kit ID (optional)",
    ]
    low, high = form.experimentation.findChild(QLabel, "lowWords"), form.experimentation.findChild(QLabel, "highWords")
    assert (low.text(), high.text()) == ("Proven agents", "Try newcomers")
    assert low.mapTo(form, QPoint(0, 0)).x() < high.mapTo(form, QPoint(0, 0)).x()
    assert form.experimentation.value() == DIAL.default


def test_title_counter_follows_typing_and_stops_at_the_limit(qtbot, form: TaskForm) -> None:
    qtbot.keyClicks(form.title, "Logo")
    assert form.title_counter.text() == f"4/{TITLE_MAX}"
    form.title.setText("x" * (TITLE_MAX - 1))
    qtbot.keyClicks(form.title, "yz")  # the second letter has no room
    assert form.title.text() == "x" * (TITLE_MAX - 1) + "y"
    assert form.title_counter.text().startswith(f"{TITLE_MAX}/{TITLE_MAX}")
    assert not error(form, "title").isVisible()


def test_description_over_the_limit_is_kept_counted_in_red_and_blocks_send(qtbot, form: TaskForm) -> None:
    fill_valid(qtbot, form)
    text = QMimeData()
    text.setText("a" * (DESCRIPTION_MAX - 1))
    paste(qtbot, form.description, text)
    assert form.description_counter.text() == f"{DESCRIPTION_MAX - 1:,}/{DESCRIPTION_MAX:,}"
    assert form.send_button.isEnabled()
    qtbot.keyClicks(form.description, "b")  # exactly at the limit
    assert form.send_button.isEnabled()
    qtbot.keyClicks(form.description, "cde")
    assert len(form.description.toPlainText()) == DESCRIPTION_MAX + 3  # nothing cut off
    assert form.description_counter.text().endswith("3 characters too many")
    assert form.description_counter.palette().color(QPalette.ColorRole.WindowText) == colour(
        "error"
    )  # (theme tone, was a fixed #b00020)
    assert form.description_counter.font().bold()
    assert not form.send_button.isEnabled()
    assert "Description" in form.send_button.toolTip() and "too long" in form.send_button.toolTip()
    assert "too long" in form.description.accessibleDescription()
    qtbot.keyClick(form.description, Qt.Key.Key_Backspace)
    qtbot.keyClick(form.description, Qt.Key.Key_Backspace)
    assert form.description_counter.text().endswith("1 character too many")
    qtbot.keyClick(form.description, Qt.Key.Key_Backspace)
    assert form.send_button.isEnabled()
    assert form.description_counter.palette().color(QPalette.ColorRole.WindowText) == colour("quiet")
    assert not form.description_counter.font().bold()


def test_pasted_formatted_text_becomes_plain_text(qtbot, form: TaskForm) -> None:
    html_only = QMimeData()
    html_only.setHtml("<p>Use <b>bold</b> <span style='color:red'>colours</span></p>")
    paste(qtbot, form.description, html_only)
    assert form.description.toPlainText() == "Use bold colours"
    both = QMimeData()
    both.setHtml("<i>ignored markup</i>")
    both.setText(" and more")
    paste(qtbot, form.description, both)
    assert form.description.toPlainText() == "Use bold colours and more"


# --- category and task type -------------------------------------------------------------------


def test_task_types_follow_the_category_and_free_text_is_allowed(qtbot, form: TaskForm) -> None:
    choose(qtbot, form, "data")
    assert [form.task_type.itemData(i) for i in range(form.task_type.count())] == [
        "data-analysis",
        "data-analysis-summary",
    ]
    assert form.task_type_slug() == ""  # two to choose from: none chosen for the person
    focus(qtbot, form.task_type)
    qtbot.keyClick(form.task_type, Qt.Key.Key_Down)
    assert form.task_type_slug() in ("data-analysis", "data-analysis-summary")
    choose(qtbot, form, "business", "press-release")  # no task types known: type one
    assert form.task_type.count() == 0
    assert form.raw_values()["task_type"] == "press-release"
    assert form.raw_values()["category"] == "business"


def test_untouched_choices_are_not_complained_about_until_sending_is_tried(qtbot, form: TaskForm) -> None:
    sent: list[bool] = []
    form.submitRequested.connect(lambda: sent.append(True))
    qtbot.keyClicks(form.title, "A logo")
    assert not form.send_button.isEnabled()
    assert not error(form, "category").isVisible() and not error(form, "task_type").isVisible()
    assert form.send_hint.isVisible() and "Category: please choose a category" in form.send_hint.text()
    assert "please choose a category" in form.send_button.toolTip()

    qtbot.keyClick(form.title, Qt.Key.Key_Return, CTRL)  # tries to send
    assert not sent
    assert error(form, "category").isVisible() and "Please choose a category" in error(form, "category").text()
    assert error(form, "task_type").isVisible()
    assert focused() is form.category  # the first problem

    choose(qtbot, form, "data")
    assert not error(form, "category").isVisible()
    assert error(form, "task_type").isVisible()  # still missing, and sending was tried


def test_a_touched_category_set_back_to_nothing_says_so(qtbot, form: TaskForm) -> None:
    choose(qtbot, form, "data")
    qtbot.keyClick(form.category, Qt.Key.Key_Home)  # back to "Choose a category…"
    assert form.category.currentData() == ""
    assert error(form, "category").isVisible()


def test_send_focuses_the_first_problem_in_form_order(qtbot, form: TaskForm) -> None:
    fill_valid(qtbot, form)
    form.brand_kit_id.setText("not an id")
    form.description.setPlainText("x" * (DESCRIPTION_MAX + 1))
    assert form.draft() is None
    assert focused() is form.description
    form.description.setPlainText("fine")
    assert form.draft() is None
    assert focused() is form.brand_kit_id
    assert "doesn't look like an ID" in error(form, "brand_kit_id").text()


def test_a_half_typed_brand_kit_id_waits_until_the_field_is_left(qtbot, form: TaskForm) -> None:
    fill_valid(qtbot, form)
    kit = str(uuid.uuid4())
    focus(qtbot, form.brand_kit_id)
    qtbot.keyClicks(form.brand_kit_id, kit[:13])
    assert not error(form, "brand_kit_id").isVisible()
    assert not form.send_button.isEnabled() and "Brand kit ID" in form.send_button.toolTip()
    focus(qtbot, form.title)
    assert error(form, "brand_kit_id").isVisible()
    focus(qtbot, form.brand_kit_id)
    form.brand_kit_id.end(False)
    qtbot.keyClicks(form.brand_kit_id, kit[13:])
    assert not error(form, "brand_kit_id").isVisible()
    assert form.send_button.isEnabled()
    assert form.raw_values()["brand_kit_id"] == kit
    assert str(form.draft().brand_kit_id) == kit


def test_messages_from_the_server_stay_until_their_field_is_edited(qtbot, form: TaskForm) -> None:
    fill_valid(qtbot, form)
    form.show_errors({"budget_usd": ["The server wants more."], "__all__": ["Try again later."]})
    assert error(form, "budget_usd").isVisible() and "The server wants more." in error(form, "budget_usd").text()
    assert form.general_error.isVisible()
    qtbot.keyClicks(form.title, "!")
    assert error(form, "budget_usd").isVisible()
    assert not form.general_error.isVisible()
    focus(qtbot, form.budget.slider)
    qtbot.keyClick(form.budget.slider, Qt.Key.Key_Right)
    assert not error(form, "budget_usd").isVisible()


# --- budget -------------------------------------------------------------------------------------


def test_typed_cents_are_kept_and_the_limits_typed_exactly_are_accepted(qtbot, form: TaskForm) -> None:
    fill_valid(qtbot, form)
    type_amount(qtbot, form.budget, "45.37")
    assert form.budget.value() == 45.37
    assert form.budget.slider.value() == round((45.37 - BUDGET.minimum) / BUDGET.slider_step)
    assert form.budget.value() == 45.37  # the slider following did not round the box
    for edge in (BUDGET.minimum, BUDGET.maximum):
        type_amount(qtbot, form.budget, f"{edge:.2f}")
        assert form.budget.value() == edge
        assert form.send_button.isEnabled()
        assert form.draft().budget_usd == edge


def test_a_budget_typed_above_the_maximum_is_kept_and_named_not_replaced(qtbot, form: TaskForm) -> None:
    """Typing 500 is not silently turned into another amount: the box keeps 500, the message names
    it and the limit, Send waits; the message goes the moment the amount is possible again.
    (Deliberately changed: the box used to refuse the third digit and keep $50.00.)"""
    fill_valid(qtbot, form)
    type_amount(qtbot, form.budget, f"{BUDGET.maximum:.2f}")
    form.budget.spin.lineEdit().end(False)
    form.budget.spin.lineEdit().backspace()  # "300.0"
    qtbot.keyClicks(form.budget.spin, "1")  # 300.01
    assert form.budget.value() == 300.01 and form.budget.spin.text() == "$300.01"
    message = error(form, "budget_usd")
    assert message.isVisible() and "$300.01 is more than the highest budget, $300.00" in message.text()
    assert not form.send_button.isEnabled()
    assert form.budget.slider.value() == form.budget.slider.maximum()  # the slider at the top, not beyond
    qtbot.keyClick(form.budget.spin, Qt.Key.Key_Backspace)  # 300.0: possible again
    assert not message.isVisible() and form.send_button.isEnabled()  # gone at once, still typing
    type_amount(qtbot, form.budget, "45")
    qtbot.keyClicks(form.budget.spin, "0")
    assert form.budget.value() == 450 and "$450.00 is more than the highest budget" in message.text()
    assert not form.budget.note.isVisible()  # one message, under the field
    qtbot.keyClick(form.budget.spin, Qt.Key.Key_Backspace)
    assert form.budget.value() == 45 and not message.isVisible() and form.send_button.isEnabled()


def test_a_budget_below_the_minimum_blocks_send_and_is_kept_as_typed(qtbot, form: TaskForm) -> None:
    """(Deliberately changed: leaving the box used to put the previous amount back.)"""
    fill_valid(qtbot, form)
    type_amount(qtbot, form.budget, "45")
    below = f"{BUDGET.minimum - BUDGET.step:.2f}"  # 2.99
    type_amount(qtbot, form.budget, below)
    assert form.budget.spin.text().endswith(below)
    assert not form.send_button.isEnabled()
    assert "Budget" in form.send_button.toolTip() and below in form.send_button.toolTip()
    assert not error(form, "budget_usd").isVisible()  # still typing: no shouting yet
    qtbot.keyClick(form.budget.spin, Qt.Key.Key_Tab)
    assert form.budget.value() == 2.99  # what was typed, not another amount
    message = error(form, "budget_usd")
    assert message.isVisible() and "$2.99 is less than the lowest budget, $3.00" in message.text()
    assert not form.send_button.isEnabled()
    type_amount(qtbot, form.budget, "3")
    assert not message.isVisible() and form.send_button.isEnabled()


def test_sending_while_an_impossible_budget_is_typed_points_at_it(qtbot, form: TaskForm) -> None:
    fill_valid(qtbot, form)
    sent: list[bool] = []
    form.submitRequested.connect(lambda: sent.append(True))
    type_amount(qtbot, form.budget, "1")
    qtbot.keyClick(form.budget.spin, Qt.Key.Key_Return, CTRL)
    assert not sent
    assert error(form, "budget_usd").isVisible() and money(BUDGET.minimum) in error(form, "budget_usd").text()
    assert focused() is form.budget.spin


def test_budget_slider_keys_move_in_schema_steps_and_stay_in_range(qtbot, form: TaskForm) -> None:
    slider, box = form.budget.slider, form.budget
    page = BUDGET.page_step
    focus(qtbot, slider)
    qtbot.keyClick(slider, Qt.Key.Key_End)
    assert box.value() == BUDGET.maximum
    qtbot.keyClick(slider, Qt.Key.Key_PageUp)
    qtbot.keyClick(slider, Qt.Key.Key_Right)
    qtbot.keyClick(slider, Qt.Key.Key_Up)
    assert box.value() == BUDGET.maximum  # past the top: stays at the top
    qtbot.keyClick(slider, Qt.Key.Key_PageDown)
    assert box.value() == BUDGET.maximum - page
    qtbot.keyClick(slider, Qt.Key.Key_Left)
    assert box.value() == BUDGET.maximum - page - BUDGET.slider_step
    qtbot.keyClick(slider, Qt.Key.Key_Home)
    assert box.value() == BUDGET.minimum
    qtbot.keyClick(slider, Qt.Key.Key_PageDown)
    qtbot.keyClick(slider, Qt.Key.Key_Left)
    qtbot.keyClick(slider, Qt.Key.Key_Down)
    assert box.value() == BUDGET.minimum  # past the bottom: stays at the bottom
    qtbot.keyClick(slider, Qt.Key.Key_PageUp)
    assert box.value() == BUDGET.minimum + page
    assert box.spin.text() == f"${BUDGET.minimum + page:.2f}"


def test_from_typed_cents_the_slider_goes_to_the_next_step_in_the_direction_pressed(qtbot, form: TaskForm) -> None:
    slider, box = form.budget.slider, form.budget
    type_amount(qtbot, box, "45.37")
    focus(qtbot, slider)
    qtbot.keyClick(slider, Qt.Key.Key_Right)
    assert box.value() == 46.0  # the slider moves in whole dollars
    type_amount(qtbot, box, "45.37")
    focus(qtbot, slider)
    qtbot.keyClick(slider, Qt.Key.Key_Left)
    assert box.value() == 45.0
    type_amount(qtbot, box, "45.37")
    focus(qtbot, slider)
    qtbot.keyClick(slider, Qt.Key.Key_PageUp)
    assert box.value() == 45.0 + BUDGET.page_step
    type_amount(qtbot, box, "45.37")
    focus(qtbot, slider)
    qtbot.keyClick(slider, Qt.Key.Key_PageDown)
    assert box.value() == 46.0 - BUDGET.page_step


def test_budget_box_keys_change_cents_and_pages_and_stay_in_range(qtbot, form: TaskForm) -> None:
    box = form.budget
    type_amount(qtbot, box, "45.37")
    qtbot.keyClick(box.spin, Qt.Key.Key_Up)
    assert box.value() == pytest.approx(45.38)
    qtbot.keyClick(box.spin, Qt.Key.Key_PageUp)
    assert box.value() == pytest.approx(45.38 + BUDGET.page_step)  # cents kept
    type_amount(qtbot, box, f"{BUDGET.maximum - BUDGET.step:.2f}")
    qtbot.keyClick(box.spin, Qt.Key.Key_PageUp)
    qtbot.keyClick(box.spin, Qt.Key.Key_Up)
    assert box.value() == BUDGET.maximum
    type_amount(qtbot, box, f"{BUDGET.minimum:.2f}")
    qtbot.keyClick(box.spin, Qt.Key.Key_Down)
    qtbot.keyClick(box.spin, Qt.Key.Key_PageDown)
    assert box.value() == BUDGET.minimum
    assert box.slider.value() == 0


def test_mouse_wheel_moves_a_focused_control_and_stays_in_range(qtbot, form: TaskForm) -> None:
    slider, box = form.budget.slider, form.budget
    start = box.value()
    focus(qtbot, slider)
    wheel(slider, 1)
    moved = box.value() - start
    assert moved > 0 and round(moved / BUDGET.slider_step, 6).is_integer()  # whole slider steps
    for _ in range(200):
        wheel(slider, 1)
    assert box.value() == BUDGET.maximum
    wheel(slider, -2)
    assert box.value() < BUDGET.maximum
    focus(qtbot, box.spin)
    before = box.value()
    wheel(box.spin, 1)
    assert box.value() == pytest.approx(before + BUDGET.step)  # a cent per notch in the box
    focus(qtbot, form.experimentation.spin)
    for _ in range(200):
        wheel(form.experimentation.spin, -1)
    assert form.experimentation.value() == DIAL.minimum


def test_the_wheel_over_an_unfocused_control_scrolls_the_form_instead(qtbot, form: TaskForm) -> None:
    focus(qtbot, form.title)
    start = form.budget.value()
    event = wheel(form.budget.slider, 3)
    assert form.budget.value() == start
    assert not event.isAccepted()  # left for the scroll area around the form
    wheel(form.budget.spin, 3)
    assert form.budget.value() == start


def test_the_one_wheel_guard_keeps_the_choice_boxes_too(qtbot, form: TaskForm) -> None:
    focus(qtbot, form.title)
    form.category.setCurrentIndex(1)
    form.task_type.setCurrentIndex(0)
    chosen = (form.category.currentIndex(), form.task_type.currentIndex())
    event = wheel(form.category, -1)
    wheel(form.task_type, -1)
    assert (form.category.currentIndex(), form.task_type.currentIndex()) == chosen
    assert not event.isAccepted()  # the form scrolls instead
    focus(qtbot, form.category)
    wheel(form.category, -1)
    assert form.category.currentIndex() == 2  # once chosen with a click or Tab, the wheel works


# --- experimentation ------------------------------------------------------------------------


def test_experimentation_keys_box_and_limits(qtbot, form: TaskForm) -> None:
    dial = form.experimentation
    assert dial.spin.value() == DIAL.default
    focus(qtbot, dial.slider)
    qtbot.keyClick(dial.slider, Qt.Key.Key_PageDown)
    assert dial.value() == pytest.approx(DIAL.default - DIAL.page_step)
    qtbot.keyClick(dial.slider, Qt.Key.Key_End)
    qtbot.keyClick(dial.slider, Qt.Key.Key_PageUp)
    assert dial.value() == DIAL.maximum
    qtbot.keyClick(dial.slider, Qt.Key.Key_Home)
    qtbot.keyClick(dial.slider, Qt.Key.Key_Left)
    assert dial.value() == DIAL.minimum
    type_amount(qtbot, dial, "0.75")
    assert dial.value() == 0.75 and dial.slider.value() == round(0.75 / DIAL.slider_step)
    type_amount(qtbot, dial, "1.5")  # "1." then "5" is refused
    assert dial.value() == DIAL.maximum
    assert dial.note.isVisible() and f"{DIAL.maximum:.2f}" in dial.note.text()
    type_amount(qtbot, dial, "0.75")
    type_amount(qtbot, dial, "-1")  # "-" may start a number; "-1" is refused
    assert dial.note.isVisible() and f"{DIAL.minimum:.2f}" in dial.note.text()
    qtbot.keyClick(dial.spin, Qt.Key.Key_Tab)
    assert dial.value() == 0.75
    assert dial.note.isVisible() and f"{DIAL.minimum:.2f}" in dial.note.text()


# --- requirements -----------------------------------------------------------------------------


def add_row(qtbot, form: TaskForm, name: str, value: str) -> None:
    qtbot.mouseClick(form.requirements.add_button, Qt.MouseButton.LeftButton)
    editor = focused()
    assert isinstance(editor, QLineEdit), "a new row opens its name for typing"
    qtbot.keyClicks(editor, name)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # on to the value
    editor = focused()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, value)
    commit(qtbot, form, editor)


def commit(qtbot, form: TaskForm, editor: QWidget) -> None:
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    table = form.requirements.table  # Qt commits a cell right after the key press is handled
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def test_requirement_rows_keep_json_types_and_quotes_keep_text(qtbot, form: TaskForm) -> None:
    fill_valid(qtbot, form)
    rows = [
        ("tone", "friendly"),
        ("word_count", "800"),
        ("ratio", "1.5"),
        ("draft", "true"),
        ("public", "false"),
        ("deadline", "null"),
        ("code", '"42"'),
        ("phone", "007"),
    ]
    for name, value in rows:
        add_row(qtbot, form, name, value)
    got = form.raw_values()["requirements"]
    assert got == {
        "tone": "friendly",
        "word_count": 800,
        "ratio": 1.5,
        "draft": True,
        "public": False,
        "deadline": None,
        "code": "42",
        "phone": "007",
    }
    assert [type(got[k]) for k in ("word_count", "ratio", "draft", "code")] == [int, float, bool, str]
    assert form.draft().requirements == got
    tip = form.requirements.table.item(1, 1).toolTip()
    assert "a number" in tip and "quotes" in tip
    assert "text" in form.requirements.table.item(6, 1).toolTip()


def test_requirement_rows_can_be_edited_and_removed(qtbot, form: TaskForm) -> None:
    add_row(qtbot, form, "tone", "friendly")
    add_row(qtbot, form, "words", "800")
    table = form.requirements.table
    focus(qtbot, table)
    table.setCurrentCell(1, 1)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = focused()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "1200")
    commit(qtbot, form, editor)
    assert form.raw_values()["requirements"] == {"tone": "friendly", "words": 1200}
    table.setCurrentCell(0, 0)
    qtbot.keyClick(form, Qt.Key.Key_M, ALT)  # Re&move row
    qtbot.waitUntil(lambda: table.rowCount() == 1)  # a button's Alt+letter clicks it a moment later
    assert form.raw_values()["requirements"] == {"words": 1200}
    qtbot.mouseClick(form.requirements.remove_button, Qt.MouseButton.LeftButton)
    assert form.raw_values()["requirements"] == {}
    assert not form.requirements.remove_button.isEnabled()


def test_ctrl_enter_while_typing_in_a_cell_sends_what_was_typed(qtbot, form: TaskForm) -> None:
    fill_valid(qtbot, form)
    sent: list[dict[str, object]] = []
    form.submitRequested.connect(lambda: sent.append(form.draft().requirements))
    qtbot.mouseClick(form.requirements.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(focused(), "pages")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "12")  # still in the cell: no Enter
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)
    assert sent == [{"pages": 12}]


def test_a_repeated_or_missing_name_is_explained_and_blocks_send(qtbot, form: TaskForm) -> None:
    fill_valid(qtbot, form)
    add_row(qtbot, form, "tone", "friendly")
    add_row(qtbot, form, "tone", "formal")
    assert "used twice" in error(form, "requirements").text()
    assert not form.send_button.isEnabled()
    # Nothing is lost going to JSON and back, even the repeated name.
    form.requirements.json_toggle.click()
    assert form.requirements.json_text.toPlainText().count('"tone"') == 2
    assert "used twice" in error(form, "requirements").text()
    form.requirements.json_toggle.click()
    assert [form.requirements.table.item(r, 1).text() for r in range(2)] == ["friendly", "formal"]
    form.requirements.table.item(1, 0).setText("")
    assert "has no name (row 2)" in error(form, "requirements").text()
    form.requirements.table.item(1, 0).setText("style")
    assert not error(form, "requirements").isVisible()
    assert form.send_button.isEnabled()


def alt_j(qtbot, form: TaskForm, *, json_mode: bool) -> None:
    qtbot.keyClick(form, Qt.Key.Key_J, ALT)
    qtbot.waitUntil(lambda: form.requirements.is_json_mode() == json_mode)


def test_switching_to_json_and_back_loses_nothing(qtbot, form: TaskForm) -> None:
    add_row(qtbot, form, "tone", "friendly")
    add_row(qtbot, form, "count", "3")
    add_row(qtbot, form, "label", '"true"')
    editor = form.requirements
    alt_j(qtbot, form, json_mode=True)  # Edit as &JSON
    assert editor.is_json_mode() and editor.json_text.isVisible() and not editor.table.isVisible()
    assert json.loads(editor.json_text.toPlainText()) == {"tone": "friendly", "count": 3, "label": "true"}

    nested = '{\n "colours": ["blue", "white"],\n "size": {"w": 800, "h": 600.5},\n "tone": "calm", "ok": false, "none": null\n}'
    editor.json_text.selectAll()
    type_lines(qtbot, editor.json_text, nested)
    expected = {"colours": ["blue", "white"], "size": {"w": 800, "h": 600.5}, "tone": "calm", "ok": False, "none": None}
    assert form.raw_values()["requirements"] == expected
    assert not error(form, "requirements").isVisible()

    alt_j(qtbot, form, json_mode=False)  # back to rows
    assert not editor.is_json_mode() and editor.table.isVisible()
    cells = {editor.table.item(r, 0).text(): editor.table.item(r, 1).text() for r in range(editor.table.rowCount())}
    assert json.loads(cells["colours"]) == ["blue", "white"] and json.loads(cells["size"]) == {"w": 800, "h": 600.5}
    assert cells["ok"] == "false" and cells["none"] == "null" and cells["tone"] == "calm"
    assert form.raw_values()["requirements"] == expected
    alt_j(qtbot, form, json_mode=True)
    assert editor.json_text.toPlainText() == nested  # untouched in rows: the text exactly as typed
    alt_j(qtbot, form, json_mode=False)
    editor.table.item(0, 1).setText('["blue", "white", "gold"]')
    alt_j(qtbot, form, json_mode=True)
    assert json.loads(editor.json_text.toPlainText())["colours"] == ["blue", "white", "gold"]


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("[1, 2]", "this is a list"),
        ('"just text"', "this is text"),
        ("42", "this is a number"),
        ("{", "not valid JSON"),
        ('{"a": NaN}', "not valid JSON"),
    ],
)
def test_the_json_view_refuses_anything_but_names_and_values(qtbot, form: TaskForm, typed: str, words: str) -> None:
    fill_valid(qtbot, form)
    editor = form.requirements
    editor.json_toggle.click()
    qtbot.keyClicks(editor.json_text, typed)
    assert error(form, "requirements").isVisible() and words in error(form, "requirements").text()
    assert not form.send_button.isEnabled()
    editor.json_toggle.click()  # refused: the rows could not show it, and it must not be lost
    assert editor.is_json_mode() and editor.json_text.toPlainText() == typed
    assert editor.switch_note.isVisible() and "fix the JSON first" in editor.switch_note.text()
    editor.json_text.selectAll()
    qtbot.keyClicks(editor.json_text, '{"a": 1}')
    assert not error(form, "requirements").isVisible() and form.send_button.isEnabled()


@pytest.mark.parametrize(
    "value",
    [
        "plain",
        "42",
        "true",
        "null",
        '"quoted"',
        "  spaced  ",
        "line\nbreak",
        "[1",
        "",
        7,
        7.0,
        True,
        None,
        [1, "a"],
        {"k": {"n": [1.5]}},
    ],
)
def test_every_value_survives_the_trip_through_a_row(value: object) -> None:
    back = parse_cell(cell_text(value))
    assert back == value and type(back) is type(value)


# --- keyboard, screen readers ------------------------------------------------------------------


def test_enter_in_the_description_is_a_new_line_and_ctrl_enter_sends(qtbot, form: TaskForm) -> None:
    fill_valid(qtbot, form)
    sent: list[bool] = []
    form.submitRequested.connect(lambda: sent.append(True))
    focus(qtbot, form.description)
    qtbot.keyClicks(form.description, "First line")
    qtbot.keyClick(form.description, Qt.Key.Key_Return)
    qtbot.keyClick(form.description, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    qtbot.keyClicks(form.description, "Third line")
    assert form.description.toPlainText() == "First line\n\nThird line"
    assert not sent
    qtbot.keyClick(form.description, Qt.Key.Key_Return, CTRL)
    assert sent == [True]
    assert form.description.toPlainText() == "First line\n\nThird line"  # no stray new line


def test_nothing_is_sent_while_busy(qtbot, form: TaskForm) -> None:
    fill_valid(qtbot, form)
    sent: list[bool] = []
    form.submitRequested.connect(lambda: sent.append(True))
    form.set_busy(True)
    assert not form.send_button.isEnabled() and not form.title.isEnabled() and not form.requirements.isEnabled()
    qtbot.keyClick(form, Qt.Key.Key_Return, CTRL)
    assert not sent
    form.set_busy(False)
    assert form.send_button.isEnabled()
    qtbot.mouseClick(form.send_button, Qt.MouseButton.LeftButton)
    assert sent == [True]


def test_every_slider_and_box_has_a_name_and_its_range(form: TaskForm) -> None:
    for box, low, high in (
        (form.budget, money(BUDGET.minimum), money(BUDGET.maximum)),
        (form.experimentation, f"{DIAL.minimum:.2f}", f"{DIAL.maximum:.2f}"),
    ):
        for widget in (box.slider, box.spin):
            assert widget.accessibleName()
            assert low in widget.accessibleDescription() and high in widget.accessibleDescription()
    names = [
        w.accessibleName()
        for w in (form.budget.slider, form.budget.spin, form.experimentation.slider, form.experimentation.spin)
    ]
    assert len(set(names)) == 4
    for field in (
        form.title,
        form.description,
        form.category,
        form.task_type,
        form.requirements.table,
        form.requirements.json_text,
        form.brand_kit_id,
    ):
        assert field.accessibleName(), field.objectName()


def test_problems_reach_screen_readers(qtbot, form: TaskForm) -> None:
    qtbot.keyClicks(form.brand_kit_id, "my brand")
    assert "doesn't look like an ID" in form.brand_kit_id.accessibleDescription()
    form.brand_kit_id.clear()
    assert "doesn't look like" not in form.brand_kit_id.accessibleDescription()
    form.show_errors({"budget_usd": ["Too little for this task."]})
    assert "Too little for this task." in form.budget.spin.accessibleDescription()
    assert money(BUDGET.minimum) in form.budget.spin.accessibleDescription()  # the range is still said


def test_every_label_has_its_own_alt_letter_that_reaches_its_field(qtbot, form: TaskForm) -> None:
    fill_valid(qtbot, form)
    labels = [w for w in form.findChildren(QLabel) if w.buddy() is not None]
    buttons = [b for b in form.findChildren(QAbstractButton) if b.text()]
    assert len(labels) == 8
    texts = [w.text() for w in labels] + [b.text() for b in buttons]
    letters = [mnemonic(text) for text in texts]
    assert None not in letters, texts
    assert len(letters) == len(set(letters)), letters
    assert mnemonic(form.send_button.text()) == "p"  # "Post task": one verb for the act (deliberately changed)
    for label in labels:
        focus(qtbot, form.send_button)
        qtbot.keyClick(form, getattr(Qt.Key, f"Key_{mnemonic(label.text()).upper()}"), ALT)
        target = label.buddy()
        now = focused()
        assert now is not None and (now is target or target.isAncestorOf(now) or now is target.focusProxy()), (
            label.text()
        )


def test_tab_goes_through_the_form_in_order(qtbot, form: TaskForm) -> None:
    fill_valid(qtbot, form)
    add_row(qtbot, form, "tone", "calm")
    focus(qtbot, form.title)
    expected = [
        form.description,
        form.category,
        form.task_type,
        form.budget.slider,
        form.budget.spin,
        form.experimentation.slider,
        form.experimentation.spin,
        form.more_toggle,
        form.requirements.table,
        form.requirements.add_button,
        form.requirements.remove_button,
        form.requirements.json_toggle,
        form.brand_kit_id,
        form.send_button,
    ]
    seen = []
    for _ in expected:
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        seen.append(focused())
    assert [w.objectName() or w.accessibleName() or type(w).__name__ for w in seen] == [
        w.objectName() or w.accessibleName() or type(w).__name__ for w in expected
    ]
    assert seen == expected


# --- drafts: load and read back ------------------------------------------------------------------


def test_load_values_fills_every_field_and_round_trips(qtbot, form: TaskForm) -> None:
    values = {
        "category": "data",
        "task_type": "data-analysis-summary",
        "budget_usd": 123.45,
        "title": "Sales summary",
        "description": "Two lines\nof text",
        "experimentation": 0.85,
        "requirements": {"format": "pdf", "pages": 3, "charts": ["bar", "pie"], "extra": {"x": None}},
        "brand_kit_id": str(uuid.uuid4()),
    }
    changes: list[bool] = []
    form.changed.connect(lambda: changes.append(True))
    form.load_values(values)
    assert len(changes) == 1  # one autosave-worthy change, not one per field
    assert form.title.text() == "Sales summary"
    assert form.category.currentText() == "Data" and form.task_type.currentText() == "Data analysis summary"
    assert form.budget.spin.text() == "$123.45" and form.budget.slider.value() == round(
        (123.45 - BUDGET.minimum) / BUDGET.slider_step
    )
    assert form.experimentation.spin.value() == 0.85
    assert form.raw_values() == values
    assert form.send_button.isEnabled()
    form.load_values(form.raw_values())
    assert form.raw_values() == values


def test_a_draft_with_unknown_slugs_and_a_problem_is_reopened_as_it_was(qtbot, form: TaskForm) -> None:
    fill_valid(qtbot, form)
    form.requirements.json_toggle.click()
    qtbot.keyClicks(form.requirements.json_text, '{"a": 1,')
    form.category.addItem("Old category", "retired-category")
    saved = {**form.raw_values(), "category": "no-longer-listed", "task_type": "typed-by-hand"}
    assert saved["requirements"] == '{"a": 1,'  # kept as typed, to be fixed later
    form.clear()
    assert form.raw_values()["title"] is None
    form.load_values(saved)
    assert form.raw_values() == saved
    assert form.requirements.is_json_mode() and "not valid JSON" in error(form, "requirements").text()
    assert form.category.currentText() == "No longer listed"
    form.set_categories(bundled_categories())  # a fresh list from the server keeps the draft's choice
    assert form.raw_values()["category"] == "no-longer-listed"


def test_loading_defaults_and_an_out_of_range_budget_says_what_changed(qtbot, form: TaskForm) -> None:
    form.load_values({"category": "data"})
    values = form.raw_values()
    assert values["experimentation"] == DIAL.default and values["budget_usd"] == FIRST_BUDGET
    assert values["requirements"] == {} and values["title"] is None and values["brand_kit_id"] is None
    form.load_values({"budget_usd": BUDGET.maximum + 200})  # kept as saved, and said (deliberately changed)
    assert form.budget.value() == BUDGET.maximum + 200
    assert error(form, "budget_usd").isVisible() and money(BUDGET.maximum + 200) in error(form, "budget_usd").text()


def test_clear_gives_an_empty_form_with_the_schema_defaults(qtbot, form: TaskForm) -> None:
    fill_valid(qtbot, form)
    add_row(qtbot, form, "tone", "calm")
    type_amount(qtbot, form.budget, "99.99")
    qtbot.keyClick(form.title, Qt.Key.Key_Return, CTRL)
    form.clear()
    values = form.raw_values()
    assert values == {
        "category": "",
        "task_type": "",
        "budget_usd": FIRST_BUDGET,
        "title": None,
        "description": "",
        "requirements": {},
        "experimentation": DIAL.default,
        "brand_kit_id": None,
    }
    assert not error(form, "category").isVisible()  # a new task: no complaints yet
    assert focused() is form.title


# --- room ---------------------------------------------------------------------------------------


def text_fits(label: QLabel) -> bool:
    """Measured with the label's font, not its own size hints, and with two pixels to spare: a
    word-wrapped QLabel can break a line that its font metrics say fits exactly."""
    room = label.contentsRect().adjusted(0, 0, -2 if label.wordWrap() else 0, 0)
    flags = Qt.TextFlag.TextShowMnemonic | (Qt.TextFlag.TextWordWrap if label.wordWrap() else 0)
    needed = label.fontMetrics().boundingRect(QRect(0, 0, room.width(), 100_000), int(flags), label.text())
    return needed.width() <= room.width() and needed.height() <= room.height()


def test_nothing_is_cut_off_in_the_left_pane_of_a_1024x640_window(qtbot) -> None:
    """At 1024x640 the main window gives the form's scroll area about 380 x 520 pixels."""
    form = TaskForm()
    form.set_categories(bundled_categories())
    form.load_values(
        {
            "title": "Logo for my bakery",
            "description": "Round.\nBlue.",
            "category": "data",
            "requirements": {"tone": "friendly", "colours": ["blue", "white"]},
            "brand_kit_id": "abc",
        }
    )
    form.mark_send_attempted()  # messages under fields, and the reason beside Send
    assert error(form, "task_type").text() and error(form, "brand_kit_id").text()
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(form)
    area.resize(380, 520)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    # Wrapped texts set while loading are measured again on the next layout pass: let it run.
    wrapped = [w for w in form.findChildren(QLabel) if w.wordWrap() and w.isVisible()]
    qtbot.waitUntil(lambda: all(w.height() >= w.heightForWidth(w.width()) for w in wrapped))
    assert not area.horizontalScrollBar().isVisible()
    assert form.width() <= area.viewport().width()
    for widget in form.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel) and widget.text():
            assert text_fits(widget), widget.text()
        if isinstance(widget, QAbstractButton) and widget.text():
            assert widget.width() >= widget.sizeHint().width(), widget.text()
        right = widget.mapTo(form, QPoint(widget.width(), 0)).x()
        assert right <= form.width(), widget.objectName() or type(widget).__name__


def test_checks_held_for_the_first_picture_start_on_release_and_never_delay_sending(qtbot) -> None:
    """The app builds its form with ``checks_held`` (pydantic loads after the window's first
    picture): edits still count as changes (autosave), the checks run once released, and Send
    checks at once even before that."""
    held = TaskForm(checks_held=True)
    qtbot.addWidget(held)
    held.set_categories(bundled_categories())
    with qtbot.waitSignal(held.changed, timeout=1000):  # an edit is still a change to save
        held.brand_kit_id.setText("not-an-id")
    assert held.problems() == {}  # not checked yet
    held.release_checks()
    assert "brand_kit_id" in held.problems()

    sending = TaskForm(checks_held=True)
    qtbot.addWidget(sending)
    categories = bundled_categories()
    sending.set_categories(categories)
    sending.load_values({"category": categories[0].slug, "task_type": categories[0].task_types[0].slug})
    sending.brand_kit_id.setText("not-an-id")
    assert sending.draft() is None  # Send checked it
    assert "brand_kit_id" in sending.problems()
    sending.brand_kit_id.clear()
    draft = sending.draft()
    assert draft is not None and draft.brand_kit_id is None


def test_a_category_with_one_task_type_says_it_was_filled_in_and_that_another_may_be_typed(qtbot) -> None:
    from app.taxonomy import Category, TaskType

    form = TaskForm()
    qtbot.addWidget(form)
    form.set_categories(
        [
            Category("graphics-design", "Graphics & Design", (TaskType("logo-design", "Logo design"),)),
            Category("data", "Data", (TaskType("a", "Analysis"), TaskType("b", "Cleaning"))),
        ]
    )
    form.show()
    note = form.findChild(QLabel, "taskTypeNote")
    form.category.setCurrentIndex(form.category.findData("graphics-design"))
    assert form.task_type_slug() == "logo-design"  # the only one, filled in ...
    assert note.text() == (
        "Logo design is the only task type listed for Graphics & Design, so it is filled in. You may type another."
    )  # ... and said, on screen and to a screen reader
    assert note.text() in form.task_type.accessibleDescription()
    form.category.setCurrentIndex(form.category.findData("data"))
    assert note.text() == "" and form.task_type_slug() == ""  # a real choice: nothing filled, nothing said
