from __future__ import annotations

import email.utils
from typing import Any

import pytest

from app.api.errors import InvalidTask, RateLimited, parse_retry_after


@pytest.mark.parametrize(("header", "seconds"), [("120", 120.0), ("0", 0.0), (" 7 ", 7.0), ("1.5", 1.5), ("-3", 0.0)])
def test_retry_after_in_seconds(header: str, seconds: float) -> None:
    assert parse_retry_after(header) == seconds


def test_retry_after_as_http_date() -> None:
    now = 1_800_000_000.0
    header = email.utils.formatdate(now + 90, usegmt=True)
    assert parse_retry_after(header, now=now) == pytest.approx(90)
    assert parse_retry_after(email.utils.formatdate(now - 90, usegmt=True), now=now) == 0.0


@pytest.mark.parametrize("header", [None, "", "soon", "nan", "inf"])
def test_retry_after_unreadable_is_none(header: str | None) -> None:
    assert parse_retry_after(header) is None


def test_rate_limited_says_how_long_in_words() -> None:
    assert "wait 3 s" in RateLimited(retry_after=2.2).user_message
    assert RateLimited().retry_after is None


def test_fastapi_422_body_becomes_field_errors() -> None:
    detail: list[Any] = [  # one is not even a dict
        {"loc": ["body", "budget_usd"], "msg": "Input should be less than or equal to 300", "type": "less_than_equal"},
        {"loc": ["body", "requirements", "tone"], "msg": "bad tone", "type": "x"},
        {"loc": ["body"], "msg": "Field required", "type": "missing"},
        {"loc": ["query", "limit"], "msg": "Value error, too big", "type": "value_error"},
        "not even a dict",
    ]
    error = InvalidTask.from_validation_errors(detail, status=422)
    assert error.field_errors == {
        "budget_usd": ["The highest budget is $300.00."],  # the form's own words
        "requirements": ["bad tone"],
        "__all__": ["Field required", "not even a dict"],
        "limit": ["too big"],
    }
    assert error.status == 422
