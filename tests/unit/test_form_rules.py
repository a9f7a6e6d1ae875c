"""The form's message rules, driven without Qt."""

from __future__ import annotations

from app.form_rules import FieldState, counter_words, first_problem, is_quiet, send_reason, shown_messages, under_field


def test_required_choices_speak_once_touched_or_after_send() -> None:
    assert is_quiet("category", FieldState())
    assert not is_quiet("category", FieldState(touched=True))
    assert not is_quiet("task_type", FieldState(send_attempted=True))
    assert not is_quiet("title", FieldState())  # a too-long title speaks at once


def test_half_typed_numbers_and_ids_wait_while_the_cursor_is_in_them() -> None:
    assert is_quiet("budget_usd", FieldState(pending=True, focused=True))
    assert not is_quiet("budget_usd", FieldState(pending=True, focused=False))
    assert is_quiet("brand_kit_id", FieldState(focused=True, text="123e4567-e89b"))
    assert not is_quiet("brand_kit_id", FieldState(focused=True, text="not an id"))
    assert not is_quiet("brand_kit_id", FieldState(focused=False, text="123e4567-e89b"))


def test_server_messages_join_the_forms_own_once_and_quiet_ones_hide() -> None:
    problems = {"category": ["Please choose a category."], "description": ["Too short."]}
    external = {"description": ["Too short.", "This needs at least 20 characters."], "__all__": ["Refused."]}
    shown = shown_messages(problems, external, quiet=lambda field: field == "category")
    assert shown == {"description": ["Too short.", "This needs at least 20 characters."], "__all__": ["Refused."]}


def test_the_counter_says_too_long_so_the_line_under_the_field_does_not() -> None:
    assert under_field("title", ["This is 3 characters too long (at most 200)."]) == []
    assert under_field("brand_kit_id", ["This is too long"]) == ["This is too long"]
    assert counter_words(203, 200) == ("⚠ 203/200: 3 characters too many", True)
    assert counter_words(200, 200) == ("200/200: that is the most", False)
    assert counter_words(0, 200) == ("0/200", False)


def test_send_reason_names_the_first_field_in_form_order_and_counts_the_rest() -> None:
    problems = {"task_type": ["Please choose a task type."], "title": ["This is 1 character too long (at most 200)."]}
    assert send_reason(problems) == "What do you need: this is 1 character too long (at most 200). (1 more to fix)"
    assert send_reason({}) == ""
    assert first_problem({"task_type": ["x"]}, {"category": ["y"]}) == "category"
