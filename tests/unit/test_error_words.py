"""Plain words for what went wrong: an HTTP 5xx is "The server had a problem (500)"; "The connection
broke" is said only when a connection broke (issue 22, point 9)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from app.api import errors
from app.api.client import TasksClient
from app.api.schema import TaskDraft

URL = "https://api.example.test"
KEY = "aitk_live_words_test_key_0123456789"
TASK_ID = "0b6f3f5e-1b7e-4a38-9b7b-6a1a2f0a0c11"
DRAFT = TaskDraft(category="data", task_type="data-analysis", budget_usd=45, title="Numbers")


def client_for(answer: Callable[[httpx.Request], httpx.Response], **kwargs: Any) -> TasksClient:
    return TasksClient(URL, KEY, transport=httpx.MockTransport(answer), retry_base_delay=0.001, **kwargs)


def broken(request: httpx.Request) -> httpx.Response:
    raise httpx.RemoteProtocolError("Server disconnected without sending a response.", request=request)


@pytest.mark.parametrize("status", [500, 502, 503])
async def test_a_server_error_on_a_read_says_the_server_had_a_problem(status: int) -> None:
    async with client_for(lambda r: httpx.Response(status, json={"detail": "boom"})) as client:
        with pytest.raises(errors.ServerError) as caught:
            await client.get_task(TASK_ID)
    said = caught.value.user_message
    assert said.startswith(f"The server had a problem ({status}).")
    assert "connection" not in said.lower()


async def test_a_server_error_on_a_create_says_the_server_had_a_problem_not_a_broken_connection() -> None:
    async with client_for(lambda r: httpx.Response(500, text="<html>oops</html>")) as client:
        with pytest.raises(errors.OutcomeUnknown) as caught:
            await client.create_task(DRAFT)
    said = caught.value.user_message
    assert said.startswith("The server had a problem (500).")
    assert "connection" not in said.lower() and "can't tell" in said


async def test_a_broken_connection_says_the_connection_broke() -> None:
    async with client_for(broken) as client:
        with pytest.raises(errors.OutcomeUnknown) as unclear:
            await client.create_task(DRAFT)
        with pytest.raises(errors.Offline) as read:
            await client.get_task(TASK_ID)
    assert unclear.value.user_message.startswith("The connection broke")
    assert "connection" in read.value.user_message and "broke" in read.value.user_message


async def test_no_answer_in_time_after_a_create_is_not_called_a_broken_connection() -> None:
    async def silent(request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(5)
        return httpx.Response(201)

    async with TasksClient(URL, KEY, transport=httpx.MockTransport(silent), deadline=0.05) as client:
        with pytest.raises(errors.OutcomeUnknown) as caught:
            await client.create_task(DRAFT)
    said = caught.value.user_message
    assert "did not answer in time" in said and "connection" not in said.lower()
