"""Budget guidance (app/budget.py): where a first task starts, the last budget per task type kept in
the store, one sentence on what a budget pays for, and plain messages that name what was typed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import translatable
from app.budget import (
    FIRST_BUDGET,
    FIRST_BUDGETS,
    LIMITS,
    PAID_WHEN,
    REMEMBERED_TYPES,
    BudgetMemory,
    budget_problem,
    first_budget,
    pays_for,
)
from app.store.repository import Store
from app.taxonomy import bundled_categories


@pytest.fixture
def marked() -> Iterator[None]:
    """A translator that puts «» around every text it is asked for, and writes dollars the German way."""
    translatable.set_translator(lambda context, text: f"«{text}»", lambda v, d: f"{v:.{d}f} $".replace(".", ","))
    yield
    translatable.set_translator(None)


def test_a_first_task_starts_at_a_modest_price_not_the_minimum() -> None:
    for category in bundled_categories():
        for task_type in category.task_types:
            value = first_budget(task_type.slug)
            assert task_type.slug in FIRST_BUDGETS  # every bundled type has a considered start
            assert LIMITS.minimum < value <= 10.0  # above "as cheap as possible", within a new account's $10 credit
    assert first_budget("press-release") == first_budget(None) == FIRST_BUDGET
    assert first_budget("social-media-post") < first_budget("logo-design")  # a smaller piece starts lower


def test_every_amount_gets_one_sentence_and_bigger_budgets_say_more() -> None:
    amounts = [LIMITS.minimum, 9.99, 10.0, 24.99, 25.0, 80.0, 150.0, LIMITS.maximum]
    sentences = [pays_for(a) for a in amounts]
    assert all(s.endswith(".") and s.count(".") == 1 for s in sentences)
    assert len(set(sentences)) == 5  # five ranges
    assert pays_for(9.99) != pays_for(10.0) and pays_for(149.99) != pays_for(150.0)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (500.0, "$500.00 is more than the highest budget, $300.00. Lower it to send."),
        (300.01, "$300.01 is more than the highest budget, $300.00. Lower it to send."),
        (2.5, "$2.50 is less than the lowest budget, $3.00. Raise it to send."),
        (1250.0, "$1,250.00 is more than the highest budget, $300.00. Lower it to send."),
        (None, "Please enter an amount in dollars."),
        (float("nan"), "Please enter an amount in dollars."),
    ],
)
def test_an_amount_outside_the_limits_is_named_not_replaced(value: float | None, expected: str) -> None:
    assert budget_problem(value) == expected


@pytest.mark.parametrize("value", [3.0, 45.37, 50.0, 300.0])
def test_amounts_within_the_limits_have_no_problem(value: float) -> None:
    assert budget_problem(value) is None


def test_the_last_budget_per_task_type_survives_a_restart(tmp_path: Path) -> None:
    store = Store.in_dir(tmp_path)
    memory = BudgetMemory(store)
    assert memory.start_for("logo-design") == first_budget("logo-design")
    memory.remember("logo-design", 45.37)
    memory.remember("blog-post", 20.0)
    memory.remember("blog-post", 25.0)
    memory.remember("translation", 500.0)  # not a budget one can send: not remembered
    store.close()

    again = BudgetMemory(Store.in_dir(tmp_path))
    assert again.start_for("logo-design") == 45.37
    assert again.start_for("blog-post") == 25.0
    assert again.start_for("translation") == first_budget("translation")
    assert again.start_for(None) == FIRST_BUDGET


def test_guidance_says_what_the_budget_pays_for_and_where_it_came_from(tmp_path: Path) -> None:
    memory = BudgetMemory(Store.in_dir(tmp_path))
    first = memory.guidance("logo-design", first_budget("logo-design"))
    assert first.startswith(pays_for(10.0)) and PAID_WHEN in first and "free credit" in first
    memory.remember("logo-design", 60.0)
    assert "last task of this type" in memory.guidance("logo-design", 60.0)
    assert memory.guidance("logo-design", 61.0) == f"{pays_for(61.0)} {PAID_WHEN}"


def test_only_the_most_recent_task_types_are_kept(tmp_path: Path) -> None:
    store = Store.in_dir(tmp_path)
    memory = BudgetMemory(store)
    for i in range(REMEMBERED_TYPES + 10):
        memory.remember(f"typed-type-{i}", 5.0 + i)
    assert memory.last("typed-type-0") is None  # the oldest forgotten
    assert memory.last(f"typed-type-{REMEMBERED_TYPES + 9}") == 5.0 + REMEMBERED_TYPES + 9
    memory.remember("typed-type-10", 7.0)  # used again: now the newest, kept longest
    memory.remember("one-more", 8.0)
    assert memory.last("typed-type-10") == 7.0 and memory.last("typed-type-11") is None


def test_a_damaged_setting_is_ignored_not_fatal(tmp_path: Path) -> None:
    store = Store.in_dir(tmp_path)
    store.set_setting("budget.last_by_type", "{not json")
    memory = BudgetMemory(store)
    assert memory.start_for("logo-design") == first_budget("logo-design")
    store.set_setting("budget.last_by_type", '{"logo-design": true, "blog-post": 9999, "translation": 12.5}')
    assert (
        memory.last("logo-design") is None and memory.last("blog-post") is None and memory.last("translation") == 12.5
    )
    memory.remember("logo-design", 40.0)
    assert memory.last("logo-design") == 40.0


def test_every_sentence_is_said_in_the_users_language_with_its_amounts_filled_in(marked: None, tmp_path: Path) -> None:
    assert pays_for(45.0) == (
        "«Pays for a fuller job with more detail: several logo ideas, a long article or a data report.»"
    )
    assert budget_problem(500.0) == "«500,00 $ is more than the highest budget, 300,00 $. Lower it to send.»"
    assert budget_problem(2.5) == "«2,50 $ is less than the lowest budget, 3,00 $. Raise it to send.»"
    assert budget_problem(45.375) == "«Amounts go to the cent: 45,38 $ has smaller parts.»"
    assert budget_problem(None) == "«Please enter an amount in dollars.»"
    memory = BudgetMemory(Store.in_dir(tmp_path))
    memory.remember("logo-design", 60.0)
    for line in (
        memory.guidance("logo-design", 60.0),  # the same as last time
        memory.guidance("blog-post", first_budget("blog-post")),  # a modest first amount
        memory.guidance("logo-design", 61.0),
    ):
        assert re.fullmatch(r"«[^«»]+»( «[^«»]+»)*", line), line  # each sentence translated, none left English
    assert memory.guidance("logo-design", 60.0).endswith("«The same as your last task of this type.»")
