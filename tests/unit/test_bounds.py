"""Bounds on what is accepted: requirements nesting and size, and what a server may nest.

Every draft TaskDraft accepts can be stored, read back and sent; every task a server sends can be
stored, read back and shown. Nothing deep hangs or raises RecursionError.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import ValidationError

from app.api import errors
from app.api.client import TasksClient
from app.api.schema import (
    CUT_MARK,
    MAX_REQUIREMENTS_CHARS,
    MAX_REQUIREMENTS_DEPTH,
    MAX_RESPONSE_DEPTH,
    Task,
    TaskDraft,
    json_nesting_depth,
    plain_field_errors,
)
from app.store.repository import Store

BASE = {"category": "data", "task_type": "data-analysis", "budget_usd": 45}
TOO_DEEP = "Requirements are nested too deeply"


def nested(levels: int, leaf: Any = "warm", *, lists: bool = False) -> dict[str, Any]:
    """A requirements object ``levels`` deep (the object itself is level 1), built without recursion."""
    value: Any = leaf
    for _ in range(levels - 1):
        value = [value] if lists else {"tone": value}
    return {"style": value}


def depth_of(value: Any) -> int:
    return json_nesting_depth(json.dumps(value), stop_after=10**9)


def problems(requirements: Any) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        TaskDraft.model_validate({**BASE, "requirements": requirements})
    return plain_field_errors(caught.value.errors())["requirements"]


def test_helpers_build_what_they_say() -> None:
    assert depth_of(nested(1)) == 1 and depth_of(nested(7)) == 7 and depth_of(nested(7, lists=True)) == 7


@pytest.mark.parametrize("lists", [False, True])
def test_requirements_up_to_the_depth_limit_are_accepted_and_one_more_is_refused_in_words(lists: bool) -> None:
    accepted = TaskDraft.model_validate({**BASE, "requirements": nested(MAX_REQUIREMENTS_DEPTH, lists=lists)})
    assert depth_of(accepted.requirements) == MAX_REQUIREMENTS_DEPTH
    [message] = problems(nested(MAX_REQUIREMENTS_DEPTH + 1, lists=lists))
    assert message.startswith(TOO_DEEP) and f"at most {MAX_REQUIREMENTS_DEPTH} levels" in message


@pytest.mark.parametrize("levels", [300, 100_000])
def test_requirements_hundreds_or_thousands_deep_are_refused_at_once(levels: int) -> None:
    # Before: accepted, then saving, sending or reading back failed (pydantic writes ~250 levels).
    assert problems(nested(levels))[0].startswith(TOO_DEEP)


def test_requirements_size_limit_counts_characters_of_the_sent_text() -> None:
    overhead = len(json.dumps({"notes": ""}, separators=(",", ":")))
    fits = {"notes": "é" * (MAX_REQUIREMENTS_CHARS - overhead)}
    assert TaskDraft.model_validate({**BASE, "requirements": fits}).requirements == fits
    [message] = problems({"notes": "é" * (MAX_REQUIREMENTS_CHARS - overhead + 1)})
    assert message.startswith("Requirements are too long")


def test_requirements_of_a_million_tiny_items_are_refused_without_writing_them_all() -> None:
    assert problems({"many": [0] * 1_000_000})[0].startswith("Requirements are too long")


@pytest.mark.parametrize(
    ("requirements", "words"),
    [
        ({"ratio": math.nan}, "infinite or undefined"),
        ({"ratio": [math.inf]}, "infinite or undefined"),
        ({"group": {1: "one"}}, "name made of text"),
        ({"when": object()}, "can only contain"),
        ({"big": 10**5000}, "can't be sent"),
    ],
)
def test_requirements_that_could_not_be_written_as_json_are_refused_in_words(requirements: Any, words: str) -> None:
    assert words in problems(requirements)[0]


def test_every_accepted_draft_is_stored_and_read_back_whole(tmp_path: Path) -> None:
    store = Store.in_dir(tmp_path)
    for levels in (1, MAX_REQUIREMENTS_DEPTH):
        draft = TaskDraft.model_validate({**BASE, "requirements": nested(levels, lists=levels > 1)})
        store.save_draft(f"d{levels}", draft.to_request_json())
    store.close()
    again = Store.in_dir(tmp_path)
    for record in again.list_drafts():
        assert TaskDraft.model_validate(record.values).to_request_json() == record.values


@pytest.mark.parametrize("levels", [5, MAX_RESPONSE_DEPTH + 1, 250, 900])
def test_a_deeply_nested_answer_is_a_task_that_stores_reads_back_and_keeps_the_top(tmp_path: Path, levels: int) -> None:
    body = {
        "id": "t1",
        "status": "open",
        "title": "Deep",
        "requirements": nested(levels),
        "extra_field": nested(levels),
    }
    task = Task.model_validate(body)
    # The whole task stays within what pydantic can write and read back (before: lost from the table).
    assert depth_of(task.model_dump(mode="json")) <= MAX_RESPONSE_DEPTH
    store = Store.in_dir(tmp_path)
    store.upsert_task(task)
    store.close()
    [again] = Store.in_dir(tmp_path).list_tasks()
    assert again.id == "t1" and again.title == "Deep"
    assert again.requirements is not None
    if levels + 1 <= MAX_RESPONSE_DEPTH:
        assert again.requirements == body["requirements"]  # nothing cut when it fits
    else:
        assert CUT_MARK in json.dumps(again.requirements, ensure_ascii=False)
        assert depth_of(again.requirements) == MAX_RESPONSE_DEPTH - 1  # the top levels, kept as sent


def test_cutting_leaves_a_shallow_answer_untouched() -> None:
    body = {"id": "x", "requirements": {"tone": "warm", "list": [1, {"a": None}]}}
    assert Task.model_validate(body).requirements == body["requirements"]


@pytest.mark.parametrize("levels", [950, 100_000])
async def test_an_answer_too_deep_to_parse_is_a_bad_response_not_a_crash(levels: int) -> None:
    deep = b'{"id": "x", "requirements": {"a": ' + b"[" * levels + b"]" * levels + b"}}"
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=deep))
    async with TasksClient("https://api.example.test", "aitk_test_k", transport=transport) as client:
        try:
            task = await client.get_task("x")
        except errors.BadResponse as exc:
            assert "nested too deeply" in exc.detail
        else:  # parsed after all (a shallow stack): then it is cut, never kept too deep
            assert depth_of(task.model_dump(mode="json")) <= MAX_RESPONSE_DEPTH


def test_json_nesting_depth_reads_strings_and_escapes() -> None:
    assert json_nesting_depth('{"a": "[[[{{{", "b": [1, {"c": "\\"]["}]}') == 3
    assert json_nesting_depth("[" * 10_000, stop_after=20) == 21
    assert json_nesting_depth("") == 0
