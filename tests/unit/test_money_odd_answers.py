"""The money core against servers that misbehave: a balance in other shapes, currencies and sizes;
a refusal for lack of credit in other statuses and words; amounts written oddly or absurdly. What
the app reads is what the server said, or nothing: never a made-up balance, price or total."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import httpx
import pytest

from app.amounts import amount
from app.api.errors import Forbidden, NotEnoughCredit
from app.api.responses import error_for
from app.api.schema import Task
from app.money import MoneyRow, money_rows, month_so_far, over_limit, parse_balance, row_cents

CREATE = "POST /api/v1/tasks"


def refusal(status: int, body: Any, where: str = CREATE) -> Exception:
    response = httpx.Response(status, request=httpx.Request("POST", "http://127.0.0.1:9/api/v1/tasks"))
    return error_for(status, body, response, where, lambda text: text)


# --- amounts ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("31.50", 31.5),
        ("$31.50", 31.5),
        ("1,005.00", 1005.0),
        (12.345, 12.35),
        (3150, 3150.0),
        ("31,50", None),  # a decimal comma: 31.50 or 3,150? not guessed
        ("1,00,000", None),
        ("NaN", None),
        ("Infinity", None),
        ("-Infinity", None),
        (float("nan"), None),
        (1e300, None),
        (10**400, None),  # an integer too large for a float: it raised OverflowError
        (True, None),
        ({"amount": 3}, None),
        ([1], None),
        ("€31.50", None),
        (-5, None),  # a price, a budget, a payment is never negative
    ],
)
def test_an_amount_is_what_the_server_said_or_nothing(said: Any, read: float | None) -> None:
    assert amount(said) == read


def test_only_a_balance_may_be_negative() -> None:
    assert amount(-5, negative=True) == -5.0
    assert amount("-12.50", negative=True) == -12.5


# --- the balance -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        {"balance": {"amount": 31.5, "currency": "USD"}},
        {"balance": {"amount": "31.50", "currency": "usd"}},
        {"balance_cents": 3150},
        {"data": {"balance_usd": "31.50", "currency": "USD"}},
    ],
)
def test_a_balance_in_other_documented_looking_shapes_is_read(data: Any) -> None:
    balance = parse_balance(data)
    assert balance is not None and balance.balance_usd == 31.5


@pytest.mark.parametrize(
    "data",
    [
        {"balance_usd": "31,50"},  # was read as $3,150.00
        {"balance_usd": 31.5, "currency": "EUR"},  # was shown as $31.50
        {"balance": 31.5, "currency": "EUR"},
        {"balance": {"amount": 31.5, "currency": "EUR"}},
        {"balance": {"amount": 31.5}, "currency": "GBP"},
        {"balance_usd": 10**400},  # raised OverflowError
        json.loads('{"balance_usd": 1' + "0" * 300 + "}"),
        {"balance_usd": "Infinity"},
        {"balance_usd": None},
    ],
)
def test_a_balance_that_is_not_plain_dollars_is_not_shown(data: Any) -> None:
    assert parse_balance(data) is None


def test_a_negative_balance_is_what_the_server_said() -> None:
    balance = parse_balance({"balance_usd": -4.5, "total_spent_usd": -3})
    assert balance is not None and balance.balance_usd == -4.5 and balance.total_spent_usd is None


# --- a refusal for lack of credit -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (403, {"detail": "Insufficient credit: need $25.00, have $5.00"}),  # was "your key is not allowed"
        (400, {"detail": "Insufficient credits"}),
        (422, {"detail": {"code": "insufficient_credits", "message": "Not enough credit"}}),
        (400, {"error": {"code": "INSUFFICIENT_FUNDS", "message": "insufficient funds"}}),
        (409, {"code": "insufficient_balance"}),
        (422, {"detail": {"amount_usd": 25, "current_balance_usd": 5}}),
        (400, {"message": "Your credit balance is too low for this task"}),
        (403, {"error": "not_enough_credit"}),
    ],
)
def test_a_refusal_for_lack_of_credit_in_other_shapes_is_one(status: int, body: Any) -> None:
    assert isinstance(refusal(status, body), NotEnoughCredit)


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (403, {"detail": "Insufficient scope for this key"}),
        (403, {"detail": "Not enough permissions"}),
        (400, {"detail": "budget too low"}),
        (422, {"detail": [{"loc": ["body", "budget_usd"], "msg": "too small", "type": "x"}]}),
    ],
)
def test_other_refusals_are_not_taken_for_lack_of_credit(status: int, body: Any) -> None:
    assert not isinstance(refusal(status, body), NotEnoughCredit)
    if status == 403:
        assert isinstance(refusal(status, body), Forbidden)


def test_the_missing_amount_is_read_under_other_names() -> None:
    error = refusal(400, {"detail": "insufficient_credits", "required_usd": "25.00", "balance_usd": 5})
    assert isinstance(error, NotEnoughCredit) and error.missing_usd == 20.0
    assert "so $20.00 is missing" in error.user_message


@pytest.mark.parametrize(
    "body",
    [
        {"amount_usd": -5, "current_balance_usd": 10},  # said "needs $-5.00 … so $0.00 is missing"
        {"amount_usd": 5, "current_balance_usd": 10},  # said "so $0.00 is missing"
        {"amount_usd": 1e300, "current_balance_usd": 5},  # a 300-digit sum
        {"amount_usd": "NaN", "current_balance_usd": "Infinity"},
    ],
)
def test_a_refusal_never_says_a_missing_sum_that_is_not_missing_or_absurd(body: Any) -> None:
    error = refusal(402, body)
    assert isinstance(error, NotEnoughCredit)
    said = error.user_message
    assert "$0.00" not in said and "-" not in said and len(said) < 200
    assert error.missing_usd is None


@pytest.mark.parametrize(
    "where",
    ["POST /api/v1/tasks/T/approve", "POST /api/v1/tasks/T/bids/B/select", "POST /prefix/api/v1/tasks/T/cancel"],
)
@pytest.mark.parametrize("body", [None, {"amount_usd": 30, "current_balance_usd": 12.5}])
def test_a_refusal_for_credit_of_an_approval_or_a_choice_does_not_speak_of_posting(where: str, body: Any) -> None:
    # Approving or choosing refused for credit said "… for this task. Nothing was posted."
    error = refusal(402, body, where)
    assert isinstance(error, NotEnoughCredit) and not error.posting
    assert "posted" not in error.user_message and "Nothing was changed." in error.user_message
    if body:
        assert "this needs $30.00 and your credit is $12.50, so $17.50 is missing" in error.user_message
    posted = refusal(402, body, "POST /prefix/api/v1/tasks/")
    assert isinstance(posted, NotEnoughCredit) and posted.posting and "Nothing was posted." in posted.user_message


# --- tasks' amounts and spending ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "read"), [("$25.00", 25.0), ("25,00", None), ("lots", None), (-5, None), ("NaN", None)]
)
def test_a_task_with_an_odd_budget_is_still_read(said: Any, read: float | None) -> None:
    # An unreadable budget made the whole task (and so the whole list) unreadable.
    task = Task.model_validate({"id": "t1", "status": "open", "budget_usd": said})
    assert task.budget_usd == read


def test_negative_or_absurd_amounts_a_task_says_are_not_counted() -> None:
    # A paid_usd of -5 counted -$5.00 paid and $30.00 refunded of a $25.00 budget.
    stored = [
        ("a", "completed", 25.0, 1.0, -5, None),
        ("b", "cancelled", 25.0, 1.0, None, "-3"),
        ("c", "completed", -25.0, 1.0, None, None),
        ("d", "completed", 25.0, 1.0, "1e300", "NaN"),
    ]
    a, b, c, d = (row_cents(row) for row in money_rows(stored))
    assert a == {"committed": 2500, "paid": 2500, "refunded": 0, "open": 0}
    assert b == {"committed": 2500, "paid": 0, "refunded": 2500, "open": 0}
    assert c == {"committed": 0, "paid": 0, "refunded": 0, "open": 0}
    assert d == a


def test_the_limit_counts_this_months_tasks_a_fast_server_clock_dates_next_month() -> None:
    now = datetime.now().astimezone()
    ahead = datetime(now.year + 1, 1, 15).astimezone().timestamp()  # a server clock far ahead
    rows = [MoneyRow("a", "open", 80.0, ahead), MoneyRow("b", "open", 10.0, now.timestamp())]
    month = month_so_far(rows, now.year, now.month)
    over = over_limit(100.0, month, 20.0)
    assert over is not None and over.used_usd == 90.0 and over.after_usd == 110.0
