"""The form's message rules, driven without Qt."""

from __future__ import annotations

from typing import Any

from app.form_rules import (
    Activity,
    FieldState,
    FormState,
    counter_words,
    first_problem,
    is_quiet,
    send_reason,
    shown_messages,
    under_field,
)


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


def test_send_reason_names_the_first_field_in_form_order_and_names_the_rest() -> None:
    problems = {"task_type": ["Please choose a task type."], "title": ["This is 1 character too long (at most 200)."]}
    # The other problem is named, not only counted ("(1 more to fix)" hid what it was).
    assert (
        send_reason(problems) == "What do you need: this is 1 character too long (at most 200). Also to fix: Task type."
    )
    problems |= {"category": ["Please choose a category."], "budget_usd": ["Please enter an amount in dollars."]}
    assert send_reason(problems).endswith(" Also to fix: Category, Task type, Budget.")
    assert send_reason({}) == ""
    assert first_problem({"task_type": ["x"]}, {"category": ["y"]}) == "category"


# --- FormState: the form without its widgets -------------------------------------------------------
VALID = {
    "category": "graphics-design",
    "task_type": "logo-design",
    "budget_usd": 10.0,
    "title": "Logo for my bakery",
    "description": "",
    "requirements": {},
    "experimentation": 0.5,
    "brand_kit_id": None,
}


def checked(state: FormState | None = None, **changes: Any) -> FormState:
    state = state or FormState()
    state.check({**VALID, **changes})
    return state


def test_a_valid_form_is_ready_to_send_until_a_send_is_under_way() -> None:
    state = FormState()
    draft = state.check(VALID)
    assert draft is not None and draft.task_type == "logo-design" and draft.budget_usd == 10.0
    assert state.ready and state.can_send and state.reason() == "" and state.first_problem() is None
    assert state.values == VALID
    state.busy = True
    assert state.ready and not state.can_send


def test_untouched_choices_wait_until_touched_or_until_sending_is_tried() -> None:
    state = checked(category="", task_type="")
    assert not state.ready and state.reason().startswith("Category: please choose a category.")
    assert state.shown().by_field == {}  # nobody has been asked yet
    assert state.touch("category") and not state.touch("category")  # only the first touch counts
    assert list(state.shown().by_field) == ["category"]
    state.send_attempted = True
    assert list(state.shown().by_field) == ["category", "task_type"]
    assert state.first_problem() == "category"
    state.reset()
    assert state.shown().by_field == {} and not state.touched


def test_an_amount_over_the_limit_is_named_and_what_is_typed_comes_first() -> None:
    state = checked(budget_usd=500.0)
    assert state.problems == {"budget_usd": ["$500.00 is more than the highest budget, $300.00. Lower it to send."]}
    assert state.shown().under["budget_usd"] == state.problems["budget_usd"]
    assert state.reason() == "Budget: $500.00 is more than the highest budget, $300.00. Lower it to send."
    typing = "“2x” can't be used."  # what the box says of its half-typed text replaces the schema's word
    state.check({**VALID, "budget_usd": 500.0}, {"budget_usd": [typing]})
    assert state.problems == {"budget_usd": [typing]}
    assert state.shown(Activity(focused=["budget_usd"], pending=["budget_usd"])).by_field == {}  # still typing
    assert state.shown(Activity(pending=["budget_usd"])).by_field == {"budget_usd": [typing]}  # the cursor left


def test_requirements_the_editor_cannot_read_keep_their_text_and_say_why() -> None:
    state = checked(requirements='{"colour": ')
    assert state.problems == {"requirements": ["Requirements must be names and values."]}
    shown = state.shown()
    assert shown.open_more_options  # a message is never hidden in the closed "More options"
    state.check({**VALID, "requirements": "colour"}, {"requirements": ["Line 1: a name needs a value."]})
    assert state.problems == {"requirements": ["Line 1: a name needs a value."]}
    assert not checked(title="x" * 201).shown().open_more_options


def test_a_brand_kit_id_being_typed_waits_until_the_cursor_leaves() -> None:
    state = checked(brand_kit_id="123e4567-e89b")
    typing = Activity(focused=["brand_kit_id"], brand_kit_text="123e4567-e89b")
    assert state.shown(typing).by_field == {}
    assert list(state.shown(Activity(brand_kit_text="123e4567-e89b")).by_field) == ["brand_kit_id"]


def test_a_too_long_title_is_said_by_its_counter_and_heard_by_screen_readers() -> None:
    shown = checked(title="x" * 203).shown()
    assert shown.by_field == {"title": ["This is 3 characters too long (at most 200)."]}
    assert shown.under["title"] == [] and shown.general == []


def test_messages_from_elsewhere_stay_until_their_field_is_edited() -> None:
    state = checked()
    state.show_errors({"description": ["Too vague."], "task_type": ["Unknown task type."], "__all__": ["Refused."]})
    shown = state.shown()
    assert shown.under["description"] == ["Too vague."] and shown.general == ["Refused."]
    assert state.ready  # the form's own check found nothing: Send stays on
    assert state.first_problem() == "description"  # the first in form order
    state.edited("title")
    assert set(state.shown().by_field) == {"description", "task_type"}  # any edit answers the general one
    state.edited("category")
    assert set(state.shown().by_field) == {"description"}  # another category: another task type too
    state.show_errors({})
    assert state.shown().by_field == {}
