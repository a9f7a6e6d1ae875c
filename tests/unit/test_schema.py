"""Every documented limit of the create request, exactly at and just past it."""

from __future__ import annotations

import math
import uuid
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from app.api.schema import STATUSES, Task, TaskDraft, max_length, number_limits, plain_field_errors, status_info
from app.sandbox.service import TaskCreate

BASE = {"category": "data", "task_type": "data-analysis", "budget_usd": 45}


def draft(**changes: object) -> TaskDraft:
    return TaskDraft.model_validate({**BASE, **changes})


def rejected(**changes: object) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        draft(**changes)
    return plain_field_errors(caught.value.errors())


@pytest.mark.parametrize("value", [3, 3.0, 299.99, 300])
def test_budget_accepts_the_whole_documented_range(value: float) -> None:
    assert draft(budget_usd=value).budget_usd == value


@pytest.mark.parametrize("value", [2.99, 300.01, 0, -5, math.nan, math.inf, True, "lots"])
def test_budget_outside_range_is_refused_in_words(value: object) -> None:
    problems = rejected(budget_usd=value)
    assert list(problems) == ["budget_usd"]
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        assert problems["budget_usd"] == ["Please enter a number."]
    else:  # the same words as the budget box's own refusal
        assert problems["budget_usd"] == [
            "The highest budget is $300.00." if value > 300 else "The lowest budget is $3.00."
        ]


def test_budget_is_required() -> None:
    with pytest.raises(ValidationError):
        TaskDraft.model_validate({"category": "data", "task_type": "x"})


@pytest.mark.parametrize("value", [0, 0.0, 0.3, 1, 1.0])
def test_experimentation_accepts_zero_to_one(value: float) -> None:
    assert draft(experimentation=value).experimentation == value


@pytest.mark.parametrize("value", [-0.01, 1.01, math.nan])
def test_experimentation_outside_range_is_refused(value: float) -> None:
    assert "experimentation" in rejected(experimentation=value)


def test_defaults_are_the_documented_ones() -> None:
    body = draft().to_request_json()
    assert body == {
        "category": "data",
        "task_type": "data-analysis",
        "budget_usd": 45.0,
        "title": None,
        "description": "",
        "requirements": {},
        "experimentation": 0.3,
        "brand_kit_id": None,
    }


def test_title_up_to_200_characters_or_none() -> None:
    assert draft(title="t" * 200).title == "t" * 200
    assert draft(title=None).title is None
    assert rejected(title="t" * 201) == {"title": ["This is 1 character too long (at most 200)."]}


def test_title_limit_counts_characters_not_bytes() -> None:
    assert draft(title="é" * 200).title == "é" * 200


def test_description_up_to_5000_characters() -> None:
    assert len(draft(description="d" * 5000).description) == 5000
    assert rejected(description="d" * 5002) == {"description": ["This is 2 characters too long (at most 5000)."]}


@pytest.mark.parametrize("value", [{}, {"tone": "friendly", "word_count": 800, "seo": True, "k": [1, 2]}])
def test_requirements_is_any_object(value: dict[str, object]) -> None:
    assert draft(requirements=value).requirements == value


@pytest.mark.parametrize("value", [[], "tone=friendly", 3])
def test_requirements_must_be_an_object(value: object) -> None:
    assert "requirements" in rejected(requirements=value)


def test_brand_kit_id_is_a_uuid_or_null() -> None:
    kit = str(uuid.uuid4())
    assert draft(brand_kit_id=kit).to_request_json()["brand_kit_id"] == kit
    assert draft(brand_kit_id=None).brand_kit_id is None
    assert "doesn't look like an ID" in rejected(brand_kit_id="my-brand")["brand_kit_id"][0]


@pytest.mark.parametrize("field", ["category", "task_type"])
@pytest.mark.parametrize("value", ["", "   "])
def test_category_and_task_type_are_required_and_not_blank(field: str, value: str) -> None:
    assert rejected(**{field: value})[field][0].startswith("Please choose")


def test_unknown_request_fields_are_refused() -> None:
    assert "__all__" in rejected(metadata={"x": 1})


def test_widgets_read_limits_from_the_model() -> None:
    budget = number_limits("budget_usd")
    assert (budget.minimum, budget.maximum, budget.default, budget.decimals) == (3, 300, None, 2)
    dial = number_limits("experimentation")
    assert (dial.minimum, dial.maximum, dial.default) == (0, 1, 0.3)
    assert (max_length("title"), max_length("description")) == (200, 5000)


# The client's model and the sandbox's (the server's documented truth) agree on every input.
json_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-10, 400),
    st.floats(-1, 400) | st.just(math.nan),
    st.text(max_size=5),
    st.text(min_size=195, max_size=205),
    st.just(str(uuid.UUID(int=7))),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.lists(st.integers(), max_size=2),
)


@settings(max_examples=300, deadline=None)
@given(st.fixed_dictionaries({}, optional={f: json_values for f in TaskDraft.model_fields}))
def test_client_refuses_everything_the_server_schema_refuses(body: dict[str, object]) -> None:
    try:
        TaskDraft.model_validate(body)
    except ValidationError:
        return
    TaskCreate.model_validate(body)  # whatever the client accepts, the server accepts


def test_task_response_is_tolerant() -> None:
    task = Task.model_validate(
        {
            "id": str(uuid.uuid4()),
            "status": "on_hold",
            "budget_usd": 1000,
            "experimentation": 7,
            "created_at": "2001-01-01T00:00:00",
            "expires_at": "2001-01-02T00:00:00Z",
            "compute_budget": None,
            "attachments": None,
            "brand_kit_id": None,
            "prototype_tier": None,
            "title": "x",
            "brand_new_field": {"nested": True},
        }
    )
    assert task.status == "on_hold" and status_info(task.status).label == "On hold" and not task.is_final
    assert task.created_at == datetime(2001, 1, 1, tzinfo=UTC)
    assert task.model_extra == {"brand_new_field": {"nested": True}}


def test_task_needs_only_an_id() -> None:
    assert Task.model_validate({"id": "abc"}).status == "unknown"
    with pytest.raises(ValidationError):
        Task.model_validate({"status": "open"})


def test_the_eight_documented_statuses_and_the_sandboxs_three_have_words_and_finality() -> None:
    assert set(STATUSES) == {
        "open",
        "matching",
        "prototyping",
        "review",
        "delivering",
        "completed",
        "expired",
        "cancelled",
        "input_required",  # the sandbox's: the agent asks something
        "delivered",  # the final work is ready to look at and approve
        "disputed",  # the buyer reported a problem
    }
    assert {s for s, info in STATUSES.items() if info.final} == {"completed", "expired", "cancelled"}
    assert status_info("review").label == "Ready for your review"
    assert status_info("needs_revision").label == "Needs revision"


@pytest.mark.parametrize("field", ["budget_usd", "experimentation"])
@pytest.mark.parametrize("value", ["45", "0.5", " 1 "])
def test_numbers_must_be_json_numbers_not_text(field: str, value: str) -> None:
    # The documented body has numbers; the text "45" is refused as the server's schema refuses it.
    assert rejected(**{field: value})[field] == ["Please enter a number."]


@pytest.mark.parametrize(
    "value",
    [
        "123e4567e89b12d3a456426614174000",
        "{123e4567-e89b-12d3-a456-426614174000}",
        "urn:uuid:123e4567-e89b-12d3-a456-426614174000",
        "123e4567-e89b-12d3-a456-426614174000\n",
    ],
)
def test_brand_kit_id_must_be_written_as_the_api_writes_ids(value: str) -> None:
    assert "doesn't look like an ID" in rejected(brand_kit_id=value)["brand_kit_id"][0]
    assert draft(brand_kit_id="123E4567-E89B-12D3-A456-426614174000").brand_kit_id is not None
