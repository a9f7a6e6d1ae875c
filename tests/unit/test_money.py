"""Money in the Qt-free core: the balance read tolerantly, a refusal for lack of credit however it
is shaped, spending by month against sums worked out here independently, the monthly limit."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest

from app.api.errors import ApiError, BadResponse, NotEnoughCredit, NotFound, Offline, credit_refusal
from app.api.schema import Task
from app.money import (
    Balance,
    CreditWatch,
    MoneyRow,
    money_row,
    over_limit,
    parse_balance,
    shortfall,
    spending,
    topup_address,
)

# --- the balance --------------------------------------------------------------------------------


def test_the_documented_balance_is_read() -> None:
    data = {"caller_id": "u-1", "balance_usd": 31.5, "total_deposited_usd": 50, "total_spent_usd": 18.5}
    balance = parse_balance(data, read_at=5.0)
    assert balance == Balance(31.5, 50.0, 18.5, "u-1", 5.0)
    offered = parse_balance({**data, "topup_url": "https://aitasker.co/topup?c=u-1"})
    assert offered is not None and offered.topup_url == "https://aitasker.co/topup?c=u-1"


@pytest.mark.parametrize(
    "data",
    [
        {"balance_usd": "31.50"},
        {"balance_usd": 31.5, "currency": "USD", "held_usd": 4, "new_field": [1, 2]},
        {"data": {"balance_usd": 31.5}},
        {"balance": {"balance_usd": 31.5, "total_spent_usd": None}},
        {"balance_usd": 31.5, "caller_id": None, "total_deposited_usd": "lots"},
    ],
)
def test_a_balance_is_read_tolerantly(data: Any) -> None:
    balance = parse_balance(data)
    assert balance is not None and balance.balance_usd == 31.5


@pytest.mark.parametrize(
    "data", [None, [], "31.50", {}, {"balance_usd": None}, {"balance_usd": True}, {"balance_usd": float("nan")}]
)
def test_no_readable_balance_is_none(data: Any) -> None:
    assert parse_balance(data) is None


def test_shortfall_only_when_the_known_balance_is_smaller() -> None:
    balance = Balance(5.0)
    assert shortfall(10.0, balance) == 5.0
    assert shortfall(5.0, balance) is None
    assert shortfall(4.99, balance) is None
    assert shortfall(300.0, None) is None


def test_the_top_up_page() -> None:
    api = "https://api.aitasker.co"
    assert topup_address(api) == "https://api.aitasker.co/api/v1/a2a/credits/topup"
    assert topup_address(api, "https://aitasker.co/credits?x=1") == "https://aitasker.co/credits?x=1"
    assert topup_address(api, "javascript:alert(1)").startswith("https://api.aitasker.co/")
    assert topup_address(api, "http://elsewhere.example/pay").startswith("https://api.aitasker.co/")
    sandbox = "http://127.0.0.1:8123"
    assert topup_address(sandbox, "http://127.0.0.1:8123/api/v1/a2a/credits/topup?caller_id=u") == (
        "http://127.0.0.1:8123/api/v1/a2a/credits/topup?caller_id=u"
    )


class Settings(dict[str, str]):
    def get_setting(self, key: str) -> str | None:
        return self.get(key)

    def set_setting(self, key: str, value: str | None) -> None:
        if value is None:
            self.pop(key, None)
        else:
            self[key] = value


class Client:
    def __init__(self, answer: Balance | Exception) -> None:
        self.answer = answer

    async def balance(self) -> Balance:
        if isinstance(self.answer, Exception):
            raise self.answer
        return self.answer


async def test_the_balance_is_kept_for_offline_display_with_its_time() -> None:
    settings, now = Settings(), [1000.0]
    watch = CreditWatch(settings, "https://api.example", clock=lambda: now[0])
    assert watch.balance is None
    assert await watch.refresh(Client(Balance(30.0))) == Balance(30.0, read_at=1000.0)  # type: ignore[arg-type]
    assert not watch.stale
    now[0] += 60
    assert await watch.refresh(Client(Offline())) == Balance(30.0, read_at=1000.0)  # type: ignore[arg-type]
    assert watch.stale  # shown "as of" its time
    again = CreditWatch(settings, "https://api.example", clock=lambda: now[0])  # the next start
    assert again.balance == Balance(30.0, read_at=1000.0) and again.stale
    assert CreditWatch(settings, "https://other.example").balance is None  # another server's


@pytest.mark.parametrize(
    "error", [NotFound(status=404), ApiError(status=405), ApiError(status=501)], ids=["404", "405", "501"]
)
async def test_a_server_without_the_endpoint_has_no_balance(error: ApiError) -> None:
    settings = Settings()
    watch = CreditWatch(settings, "https://api.example")
    await watch.refresh(Client(Balance(30.0)))  # type: ignore[arg-type]
    assert await watch.refresh(Client(error)) is None  # type: ignore[arg-type]
    assert watch.balance is None and settings == {}


async def test_an_unreadable_balance_keeps_the_last_one() -> None:
    watch = CreditWatch(Settings(), "https://api.example")
    await watch.refresh(Client(Balance(30.0)))  # type: ignore[arg-type]
    kept = await watch.refresh(Client(BadResponse(status=200)))  # type: ignore[arg-type]
    assert kept is not None and kept.balance_usd == 30.0 and watch.stale


# --- a refusal for lack of credit ----------------------------------------------------------------

FIELDS = {"amount_usd": 10, "current_balance_usd": 5, "topup_url": "https://aitasker.co/topup"}


@pytest.mark.parametrize("status", [402, 400, 403, 409])
@pytest.mark.parametrize(
    "body",
    [
        FIELDS,
        {"detail": FIELDS},
        {"error": {"code": -32001, "message": "Insufficient credit", "data": FIELDS}},
        {"detail": "Not enough credit", **FIELDS},
    ],
    ids=["top", "detail", "json-rpc", "beside-detail"],
)
def test_a_refusal_for_credit_is_recognised_in_every_shape(status: int, body: dict[str, Any]) -> None:
    error = credit_refusal(status, body)
    assert isinstance(error, NotEnoughCredit) and error.status == status
    assert (error.amount_usd, error.current_balance_usd, error.missing_usd) == (10.0, 5.0, 5.0)
    assert error.topup_url == "https://aitasker.co/topup"
    assert "$5.00 is missing" in error.user_message and "Nothing was posted" in error.user_message


@pytest.mark.parametrize("field", ["amount_usd", "current_balance_usd", "topup_url"])
def test_any_one_field_is_enough(field: str) -> None:
    assert isinstance(credit_refusal(403, {field: FIELDS[field]}), NotEnoughCredit)


def test_what_is_not_about_credit_stays_what_it_was() -> None:
    assert credit_refusal(403, {"detail": "Not allowed"}) is None  # the key, not the money
    assert credit_refusal(400, {"detail": [{"loc": ["body", "budget_usd"], "msg": "x"}]}) is None
    # A 422 carrying the credit's numbers is a refusal for credit now (tests/unit/test_money_odd_answers.py);
    # FastAPI's own 422, a list of field problems, stays what it was.
    assert credit_refusal(422, {"detail": [{"loc": ["body", "budget_usd"], "msg": "x"}]}) is None
    assert credit_refusal(500, FIELDS) is None
    bare = credit_refusal(402, None)  # Payment Required says it by itself
    assert isinstance(bare, NotEnoughCredit) and bare.missing_usd is None
    assert "not enough credit" in bare.user_message


def test_refusal_fields_are_read_with_care() -> None:
    error = credit_refusal(402, {"amount_usd": "25", "current_balance_usd": None, "topup_url": "javascript:x"})
    assert error is not None
    assert (error.amount_usd, error.current_balance_usd, error.topup_url) == (25.0, None, None)
    assert "needs $25.00" in error.user_message


# --- spending by month -----------------------------------------------------------------------------

STATUSES = ["open", "matching", "prototyping", "review", "delivering", "disputed", "completed", "expired", "cancelled"]


def seeded_tasks(count: int, months: int, seed: int, tz: timezone) -> list[MoneyRow]:
    """``count`` tasks posted across ``months`` months; some completed ones say what was paid."""
    rng = random.Random(seed)
    start = datetime(2025, 1, 1, tzinfo=tz)
    end = datetime(2025 + (months // 12), months % 12 + 1, 1, tzinfo=tz)
    rows = []
    for i in range(count):
        posted = start + timedelta(seconds=rng.uniform(0, (end - start).total_seconds() - 1))
        budget = round(rng.uniform(3, 300), 2)
        status = rng.choice(STATUSES)
        paid = refunded = None
        if status == "completed" and rng.random() < 0.5:
            paid = round(rng.uniform(3, budget), 2)
            refunded = round(budget - paid, 2)
        rows.append(MoneyRow(f"t{i}", status, budget, posted.timestamp(), paid, refunded))
    return rows


def test_spending_of_200_tasks_over_14_months_equals_the_sums_worked_out_independently() -> None:
    tz = timezone(timedelta(hours=2))
    rows = seeded_tasks(200, 14, seed=24, tz=tz)
    expected: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    behind: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for row in rows:
        month = datetime.fromtimestamp(row.created_ts, tz).strftime("%Y-%m")
        budget = Decimal(str(row.budget_usd))
        sums, ids = expected[month], behind[month]
        sums["committed"] += budget
        ids["committed"].add(row.id)
        if row.status == "completed":
            sums["paid"] += Decimal(str(row.paid_usd)) if row.paid_usd is not None else budget
            sums["refunded"] += Decimal(str(row.refunded_usd)) if row.refunded_usd is not None else 0
            ids["paid"].add(row.id)
            if row.refunded_usd:
                ids["refunded"].add(row.id)
        elif row.status in ("expired", "cancelled"):
            sums["refunded"] += budget
            ids["refunded"].add(row.id)
        else:
            sums["open"] += budget
            ids["open"].add(row.id)
    result = spending(rows, tz)
    assert len(expected) == 14
    assert sorted(f"{y}-{m:02}" for y, m in result.months) == sorted(expected)
    for (year, number), counted in result.months.items():
        key = f"{year}-{number:02}"
        for kind in ("committed", "paid", "refunded", "open"):
            assert Decimal(str(counted.usd(kind))) == expected[key][kind], (key, kind)
            assert set(counted.ids[kind]) == behind[key][kind], (key, kind)
        assert counted.cents["committed"] == counted.cents["paid"] + counted.cents["refunded"] + counted.cents["open"]
    assert Decimal(str(result.total_usd("committed"))) == sum(Decimal(str(r.budget_usd)) for r in rows)


def test_the_last_12_months_are_oldest_first_with_empty_months() -> None:
    tz = UTC
    rows = [MoneyRow("a", "open", 10, datetime(2026, 3, 5, tzinfo=tz).timestamp())]
    months = spending(rows, tz).last_months(12, date(2026, 4, 30))
    assert [(m.year, m.month) for m in months][:2] == [(2025, 5), (2025, 6)]
    assert [(m.year, m.month) for m in months][-2:] == [(2026, 3), (2026, 4)]
    assert months[-2].usd("open") == 10.0 and months[-1].usd("committed") == 0.0


def test_a_task_with_no_posting_time_or_budget() -> None:
    result = spending([MoneyRow("a", "open", None, 1_700_000_000.0), MoneyRow("b", "open", 5.0, 0.0)], UTC)
    assert result.undated == ["b"]
    [month] = result.months.values()
    assert month.usd("committed") == 0.0 and month.ids["open"] == ["a"]


def test_money_row_reads_what_the_server_says_was_paid() -> None:
    task = Task.model_validate(
        {
            "id": "t",
            "status": "completed",
            "budget_usd": 40,
            "created_at": "2026-01-02T03:04:05Z",
            "paid_usd": 31.5,
            "refunded_usd": "8.50",
        }
    )
    row = money_row(task)
    assert (row.paid_usd, row.refunded_usd, row.created_ts) == (31.5, 8.5, 1767323045.0)


# --- the monthly limit -----------------------------------------------------------------------------


def test_the_monthly_limit_asks_only_when_the_month_would_go_past_it() -> None:
    tz = UTC
    now = datetime(2026, 5, 10, tzinfo=tz).timestamp()
    rows = [
        MoneyRow("paid", "completed", 40, now),
        MoneyRow("held", "review", 30, now),
        MoneyRow("back", "cancelled", 100, now),  # came back: not counted against the month
    ]
    month = spending(rows, tz).month(2026, 5)
    assert month.used_usd == 70.0
    assert over_limit(None, month, 500) is None  # off by default
    assert over_limit(0, month, 500) is None
    assert over_limit(100, month, 30) is None  # exactly at the limit is within it
    check = over_limit(100, month, 30.01)
    assert check is not None and (check.limit_usd, check.used_usd, check.after_usd) == (100, 70.0, 100.01)
