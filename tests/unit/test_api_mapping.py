"""Every HTTP outcome and transport failure maps to one app.api.errors class (httpx.MockTransport)."""

from __future__ import annotations

import asyncio
import json
import logging
import uuid
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from app.api import errors
from app.api.client import TasksClient
from app.api.responses import MAX_RESPONSE_BYTES
from app.api.schema import TaskDraft

KEY = "aitk_live_SECRET_k3y_that_must_never_leak"
URL = "https://api.example.test"
DRAFT = TaskDraft(category="data", task_type="data-analysis", budget_usd=45, title="Numbers")


def task_json(**extra: object) -> dict[str, object]:
    return {
        "id": str(uuid.uuid4()),
        "status": "open",
        "title": "Numbers",
        "budget_usd": 45,
        "created_at": "2026-11-28T10:00:00Z",
        "expires_at": "2026-11-28T11:00:00Z",
        **extra,
    }


class Recorder:
    """A MockTransport handler that answers from a function and counts calls."""

    def __init__(self, answer: Callable[[httpx.Request], httpx.Response]) -> None:
        self.answer = answer
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.answer(request)


def client_for(answer: Callable[[httpx.Request], httpx.Response], **kwargs: Any) -> tuple[TasksClient, Recorder]:
    recorder = Recorder(answer)
    client = TasksClient(URL, KEY, transport=httpx.MockTransport(recorder), retry_base_delay=0.001, **kwargs)
    return client, recorder


def assert_no_key(error: BaseException) -> None:
    for text in (str(error), repr(error), getattr(error, "user_message", ""), getattr(error, "detail", "")):
        assert KEY not in text


async def test_create_sends_body_headers_and_parses_2xx() -> None:
    for status in (200, 201, 202):
        client, recorder = client_for(lambda r, s=status: httpx.Response(s, json=task_json()))  # type: ignore[misc]  # mypy#15459: a lambda's default argument (the loop's value)
        async with client:
            task = await client.create_task(DRAFT, idempotency_key="key-1")
        assert task.status == "open"
        sent = recorder.requests[0]
        assert sent.method == "POST" and sent.url.path == "/api/v1/tasks"
        assert json.loads(sent.content) == DRAFT.to_request_json()
        assert sent.headers["Authorization"] == f"Bearer {KEY}"
        assert sent.headers["Idempotency-Key"] == "key-1"
        assert sent.headers["User-Agent"].startswith("aitasker-desktop/")


async def test_create_without_key_sends_no_idempotency_header() -> None:
    client, recorder = client_for(lambda r: httpx.Response(201, json=task_json()))
    async with client:
        await client.create_task(DRAFT)
    assert "Idempotency-Key" not in recorder.requests[0].headers


@pytest.mark.parametrize(
    ("status", "body", "error_class"),
    [
        (401, {"detail": "Not authenticated"}, errors.Unauthorized),
        (403, {"detail": "Insufficient scope"}, errors.Forbidden),
        (404, {"detail": "Task not found"}, errors.NotFound),
        (
            422,
            {"detail": [{"loc": ["path", "task_id"], "msg": "Input should be a valid UUID", "type": "uuid_parsing"}]},
            errors.InvalidTask,
        ),
        (429, {"detail": "Too many"}, errors.RateLimited),
        (500, {"detail": "boom"}, errors.ServerError),
        (503, None, errors.ServerError),
        (418, {"detail": {"weird": "object"}}, errors.ApiError),
        (302, None, errors.BadResponse),
    ],
)
async def test_get_maps_each_status(status: int, body: object, error_class: type[errors.ApiError]) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        headers = {"Location": "https://elsewhere.test/"} if status == 302 else {}
        return (
            httpx.Response(status, json=body, headers=headers)
            if body is not None
            else httpx.Response(status, text="<html>oops</html>", headers=headers)
        )

    client, recorder = client_for(answer)
    async with client:
        with pytest.raises(error_class) as caught:
            await client.get_task("0b6f3f5e-1b7e-4a38-9b7b-6a1a2f0a0c11")
    assert type(caught.value) is error_class
    assert caught.value.user_message and "HTTP" not in caught.value.user_message
    assert_no_key(caught.value)
    # Only server errors are retried on reads; redirects are never followed.
    assert len(recorder.requests) == (3 if status >= 500 else 1)


async def test_422_on_create_puts_messages_on_fields() -> None:
    body = {
        "detail": [
            {
                "loc": ["body", "budget_usd"],
                "msg": "Input should be less than or equal to 300",
                "type": "less_than_equal",
            },
            {"loc": ["body", "title"], "msg": "too long", "type": "string_too_long"},
        ]
    }
    client, _ = client_for(lambda r: httpx.Response(422, json=body))
    async with client:
        with pytest.raises(errors.InvalidTask) as caught:
            await client.create_task(DRAFT)
    assert caught.value.field_errors == {"budget_usd": ["The highest budget is $300.00."], "title": ["too long"]}


async def test_429_carries_retry_after_seconds_or_none() -> None:
    client, _ = client_for(lambda r: httpx.Response(429, headers={"Retry-After": "17"}, json={"detail": "slow"}))
    async with client:
        with pytest.raises(errors.RateLimited) as caught:
            await client.create_task(DRAFT)
    assert caught.value.retry_after == 17
    client, _ = client_for(lambda r: httpx.Response(429))
    async with client:
        with pytest.raises(errors.RateLimited) as caught:
            await client.get_task("x")
    assert caught.value.retry_after is None


async def test_rate_limit_headers_are_remembered() -> None:
    client, _ = client_for(
        lambda r: httpx.Response(
            200, json=task_json(), headers={"X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "12"}
        )
    )
    async with client:
        await client.get_task("x")
    assert (client.rate_limit.limit, client.rate_limit.remaining) == (300, 12)


async def test_reads_retry_5xx_then_succeed() -> None:
    answers = iter([httpx.Response(502), httpx.Response(503), httpx.Response(200, json=task_json())])
    client, recorder = client_for(lambda r: next(answers))
    async with client:
        assert (await client.get_task("x")).status == "open"
    assert len(recorder.requests) == 3


def failing(exc_class: type[httpx.RequestError]) -> Callable[[httpx.Request], httpx.Response]:
    def answer(request: httpx.Request) -> httpx.Response:
        raise exc_class("simulated", request=request)

    return answer


@pytest.mark.parametrize("exc_class", [httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout])
async def test_connection_never_made_is_offline_and_create_is_not_retried(exc_class: type[httpx.RequestError]) -> None:
    client, recorder = client_for(failing(exc_class))
    async with client:
        with pytest.raises(errors.Offline) as caught:
            await client.create_task(DRAFT)
    assert len(recorder.requests) == 1
    assert_no_key(caught.value)
    client, recorder = client_for(failing(exc_class))
    async with client:
        with pytest.raises(errors.Offline):
            await client.get_task("x")
    assert len(recorder.requests) == 3  # reads retry


@pytest.mark.parametrize(
    "exc_class", [httpx.ReadTimeout, httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteTimeout, httpx.WriteError]
)
async def test_create_that_may_have_arrived_is_outcome_unknown_and_sent_once(
    exc_class: type[httpx.RequestError],
) -> None:
    client, recorder = client_for(failing(exc_class))
    async with client:
        with pytest.raises(errors.OutcomeUnknown):
            await client.create_task(DRAFT, idempotency_key="k")
    assert len(recorder.requests) == 1


@pytest.mark.parametrize("status", [500, 502, 504])
async def test_server_error_on_create_is_outcome_unknown_and_sent_once(status: int) -> None:
    client, recorder = client_for(lambda r: httpx.Response(status))
    async with client:
        with pytest.raises(errors.OutcomeUnknown):
            await client.create_task(DRAFT)
    assert len(recorder.requests) == 1


async def test_a_total_deadline_bounds_a_slow_server() -> None:
    async def slow(request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(5)
        return httpx.Response(201, json=task_json())

    client = TasksClient(URL, KEY, transport=httpx.MockTransport(slow), deadline=0.05)
    async with client:
        with pytest.raises(errors.OutcomeUnknown):
            await client.create_task(DRAFT)
    client = TasksClient(URL, KEY, transport=httpx.MockTransport(slow), deadline=0.05, retry_base_delay=0.001)
    async with client:
        with pytest.raises(errors.Offline):
            await client.get_task("x")


@pytest.mark.parametrize(
    "response",
    [
        httpx.Response(200, text="<html>not json</html>"),
        httpx.Response(200, json=["a", "list"]),
        httpx.Response(200, json={"status": "open"}),  # no id
        httpx.Response(200, json={"id": "x", "created_at": "yesterday-ish"}),
        httpx.Response(200, content=b"{" + b" " * (MAX_RESPONSE_BYTES + 1) + b"}"),
    ],
)
async def test_answers_we_cannot_understand_are_bad_response(response: httpx.Response) -> None:
    client, _ = client_for(lambda r: response)
    async with client:
        with pytest.raises(errors.BadResponse) as caught:
            await client.get_task("x")
    assert_no_key(caught.value)


async def test_categories_accept_both_shapes_and_refuse_others() -> None:
    bare = [{"slug": "data", "name": "Data", "task_types": ["data-analysis", {"slug": "data-analysis-summary"}]}]
    for body in (bare, {"categories": bare}):
        client, _ = client_for(lambda r, b=body: httpx.Response(200, json=b))  # type: ignore[misc]  # mypy#15459: a lambda's default argument (the loop's value)
        async with client:
            [category] = await client.list_categories()
        assert category.slug == "data" and [t.slug for t in category.task_types] == [
            "data-analysis",
            "data-analysis-summary",
        ]
    refused = [
        {"cats": []},
        [{"name": "No slug", "task_types": []}],
        [{"slug": "", "task_types": []}],
        [{"slug": "data", "task_types": [{"name": "A type without a slug"}]}],
        [{"slug": "data", "task_types": [7]}],
        [{"slug": "data", "task_types": "data-analysis"}],
        [{"slug": 5, "task_types": []}],
        [{"slug": "data", "name": ["Data"], "task_types": []}],
    ]
    for refusal in refused:
        client, _ = client_for(lambda r, b=refusal: httpx.Response(200, json=b))  # type: ignore[misc]  # mypy#15459: a lambda's default argument (the loop's value)
        async with client:
            with pytest.raises(errors.BadResponse):
                await client.list_categories()


@pytest.mark.parametrize("url", ["http://api.aitasker.co", "http://10.0.0.5:8000", "ftp://x", "api.aitasker.co"])
def test_insecure_or_odd_addresses_are_refused(url: str) -> None:
    with pytest.raises(errors.InvalidAddress) as caught:
        TasksClient(url, KEY)
    assert "https" in caught.value.user_message


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8765", "http://localhost:1", "http://[::1]:9", "https://api.aitasker.co/"]
)
def test_https_and_loopback_http_are_allowed(url: str) -> None:
    client = TasksClient(url, KEY)
    assert not client.base_url.endswith("/")
    assert KEY not in repr(client)


async def test_key_never_reaches_errors_or_logs_even_if_the_server_echoes_it(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    answers = iter(
        [httpx.Response(500, json={"detail": f"bad token {KEY}"})] * 2
        + [httpx.Response(401, json={"detail": f"token {KEY} revoked"})]
    )
    client, _ = client_for(lambda r: next(answers))
    async with client:
        with pytest.raises(errors.Unauthorized) as caught:
            await client.get_task("x")
    assert_no_key(caught.value)
    assert "[redacted]" in caught.value.detail
    assert KEY not in caplog.text


@pytest.mark.parametrize("key", ["", "   ", "aitk_live_abc\nxyz", "aitk live", "aitk_clé"])
async def test_unusable_key_is_refused_without_sending(key: str) -> None:
    recorder = Recorder(lambda r: httpx.Response(200, json=task_json()))
    async with TasksClient(URL, key, transport=httpx.MockTransport(recorder)) as client:
        with pytest.raises(errors.Unauthorized):
            await client.create_task(DRAFT)
        assert await client.health()
    assert [r.url.path for r in recorder.requests] == ["/health"]
    assert "Authorization" not in recorder.requests[0].headers


async def test_surrounding_whitespace_of_a_pasted_key_is_ignored() -> None:
    recorder = Recorder(lambda r: httpx.Response(200, json=task_json()))
    async with TasksClient(URL, f"  {KEY}\n", transport=httpx.MockTransport(recorder)) as client:
        await client.get_task("x")
    assert recorder.requests[0].headers["Authorization"] == f"Bearer {KEY}"


@pytest.mark.parametrize(
    "response",
    [
        httpx.Response(201, text="created!"),
        httpx.Response(201, json={"status": "open"}),
        httpx.Response(200, content=b"{" + b" " * (MAX_RESPONSE_BYTES + 1) + b"}"),
    ],
)
async def test_unreadable_yes_to_a_create_is_outcome_unknown(response: httpx.Response) -> None:
    client, recorder = client_for(lambda r: response)
    async with client:
        with pytest.raises(errors.OutcomeUnknown):
            await client.create_task(DRAFT)
    assert len(recorder.requests) == 1


async def test_redirect_on_create_is_not_followed_and_not_a_success() -> None:
    client, recorder = client_for(lambda r: httpx.Response(307, headers={"Location": "http://evil.test/api/v1/tasks"}))
    async with client:
        with pytest.raises(errors.BadResponse):
            await client.create_task(DRAFT)
    assert [str(r.url.host) for r in recorder.requests] == ["api.example.test"]


def _every_text(error: errors.ApiError) -> list[str]:
    texts = [str(error), repr(error), error.user_message, error.detail, *map(str, error.args)]
    if isinstance(error, errors.InvalidTask):
        for field, messages in error.field_errors.items():
            texts += [field, *messages]
    return texts


@pytest.mark.parametrize(
    "response",
    [
        # A FastAPI 422 that echoes the request, the key in a message and in a field name.
        httpx.Response(
            422,
            json={
                "detail": [
                    {
                        "loc": ["body", "title"],
                        "msg": f"Value error, title must not contain {KEY}",
                        "type": "value_error",
                        "input": KEY,
                    },
                    {"loc": ["body", KEY], "msg": "Extra inputs are not permitted", "type": "extra_forbidden"},
                ]
            },
        ),
        httpx.Response(422, json={"detail": f"Refused: Authorization: Bearer {KEY}"}),
        # An object detail cut for length: the key sits across the cut.
        httpx.Response(400, json={"detail": {"pad": "x" * 460, "echo": KEY}}),
        httpx.Response(418, json={"detail": f"I am a teapot, not {KEY}"}),
        # Escaped inside a quoted string, and another key-shaped token the server echoed.
        httpx.Response(
            422,
            json={
                "detail": [{"loc": ["body", "brand_kit_id"], "msg": f"token 'Bearer {KEY}' or aitk_test_{KEY[10:]}"}]
            },
        ),
    ],
)
async def test_server_text_that_echoes_the_key_is_redacted_in_every_field_a_person_sees(
    response: httpx.Response,
) -> None:
    client, _ = client_for(lambda r: response)
    async with client:
        with pytest.raises(errors.ApiError) as caught:
            await client.create_task(DRAFT)
    texts = _every_text(caught.value)
    for text in texts:
        assert KEY not in text
        assert KEY[10:19] not in text  # nor part of it
    if isinstance(caught.value, errors.InvalidTask) and caught.value.field_errors.get("title"):
        assert caught.value.field_errors["title"] == ["title must not contain [redacted]"]  # the rest kept
