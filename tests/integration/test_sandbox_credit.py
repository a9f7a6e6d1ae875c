"""The sandbox's credit over real loopback HTTP: a balance per key, held by posts, given back by
cancels and expiries, settled on approval, the 402 refusal, and the top-up page."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest

from app.api import errors
from app.api.client import TasksClient
from app.api.schema import TaskDraft
from app.sandbox import SandboxConfig, SandboxServer
from app.sandbox.config import BID_WINDOW_SECONDS, DEMO_API_KEY, PHASES
from tests.conftest import FakeClock, free_port

DRAFT = {"category": "data", "task_type": "data-analysis", "title": "Sales summary", "budget_usd": 4.0}
OTHER_KEY = "aitk_test_second_account"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def server(clock: FakeClock) -> Iterator[SandboxServer]:
    config = SandboxConfig(seed=2, clock=clock, credit=20, question_share=0.0, other_keys=(OTHER_KEY,))
    with SandboxServer(config) as sandbox:
        yield sandbox


@pytest.fixture
async def api(server: SandboxServer) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=server.url, headers={"Authorization": f"Bearer {DEMO_API_KEY}"}) as client:
        yield client


async def balance(api: httpx.AsyncClient) -> dict[str, Any]:
    answer = await api.get("/api/v1/a2a/credits/balance")
    assert answer.status_code == 200
    return answer.json()


async def post(api: httpx.AsyncClient, budget: float, **headers: str) -> httpx.Response:
    return await api.post("/api/v1/tasks", json={**DRAFT, "budget_usd": budget}, headers=headers)


async def test_a_balance_per_key_starts_at_ten_plus_the_top_up(api: httpx.AsyncClient, server: SandboxServer) -> None:
    mine = await balance(api)
    assert {k: mine[k] for k in ("caller_id", "balance_usd", "total_deposited_usd", "total_spent_usd")} == {
        "caller_id": "00000000-0000-4000-8000-000000000001",
        "balance_usd": 30.0,
        "total_deposited_usd": 30.0,
        "total_spent_usd": 0.0,
    }
    assert mine["topup_url"].startswith(server.url + "/api/v1/a2a/credits/topup")
    assert (await post(api, 25)).status_code == 201
    async with httpx.AsyncClient(base_url=server.url, headers={"Authorization": f"Bearer {OTHER_KEY}"}) as other:
        theirs = await balance(other)
    assert theirs["balance_usd"] == 30.0 and theirs["caller_id"] != mine["caller_id"]  # untouched by my post
    async with httpx.AsyncClient(base_url=server.url) as nobody:
        assert (await nobody.get("/api/v1/a2a/credits/balance")).status_code == 401


async def test_posts_hold_the_budget_and_cancels_and_expiries_give_it_back(
    api: httpx.AsyncClient, clock: FakeClock
) -> None:
    first = (await post(api, 12.5)).json()
    second = (await post(api, 7)).json()
    now = await balance(api)
    assert (now["balance_usd"], now["held_usd"], now["total_spent_usd"]) == (10.5, 19.5, 0.0)
    cancelled = (await api.post(f"/api/v1/tasks/{first['id']}/cancel")).json()
    assert cancelled["refunded_usd"] == 12.5 and cancelled["paid_usd"] == 0.0
    assert (await balance(api))["balance_usd"] == 23.0
    clock.now += BID_WINDOW_SECONDS + dict(PHASES)["review"] + 1  # nobody chose: the second expires
    assert (await api.get(f"/api/v1/tasks/{second['id']}")).json()["status"] == "expired"
    after = await balance(api)
    assert (after["balance_usd"], after["held_usd"], after["total_spent_usd"]) == (30.0, 0.0, 0.0)


async def test_approval_pays_the_price_and_gives_back_the_rest(
    api: httpx.AsyncClient, clock: FakeClock, server: SandboxServer
) -> None:
    tasks = [(await post(api, 10)).json() for _ in range(2)]
    clock.now += BID_WINDOW_SECONDS + 1
    prices = []
    for task in tasks:
        bid = next(b for b in (await api.get(f"/api/v1/tasks/{task['id']}/bids")).json()["bids"] if b["presented"])
        assert (await api.post(f"/api/v1/tasks/{task['id']}/select-bid", json={"bid_id": bid["id"]})).status_code == 200
        prices.append(bid["bid_price_usd"])
    assert (await balance(api))["held_usd"] == 20.0  # chosen, not yet paid
    clock.now += server.config.delivery_seconds + 1
    assert (await api.post(f"/api/v1/tasks/{tasks[0]['id']}/approve")).status_code == 200
    assert (
        await api.post(f"/api/v1/tasks/{tasks[1]['id']}/dispute", json={"message": "Wrong data"})
    ).status_code == 200
    now = await balance(api)
    assert now["total_spent_usd"] == pytest.approx(prices[0]) and now["held_usd"] == 10.0  # the dispute stays held
    assert now["balance_usd"] == pytest.approx(30.0 - prices[0] - 10.0)
    assert now["balance_usd"] == pytest.approx(now["total_deposited_usd"] - now["total_spent_usd"] - now["held_usd"])


async def test_a_post_larger_than_the_balance_is_refused_with_402_then_goes_through_after_a_top_up(
    api: httpx.AsyncClient, server: SandboxServer
) -> None:
    assert (await post(api, 25)).status_code == 201
    refused = await post(api, 10, **{"Idempotency-Key": "draft-7"})
    assert refused.status_code == 402
    body = refused.json()
    assert (body["amount_usd"], body["current_balance_usd"]) == (10.0, 5.0)
    assert body["topup_url"] == (await balance(api))["topup_url"] and "credit" in body["detail"]
    assert len((await api.get("/api/v1/tasks")).json()) == 1  # nothing created, nothing held
    topped = await api.post("/api/v1/a2a/credits/topup", json={"amount_usd": 20})
    assert topped.status_code == 200 and topped.json()["balance_usd"] == 25.0 and topped.json()["added_usd"] == 20.0
    resent = await post(api, 10, **{"Idempotency-Key": "draft-7"})  # the same draft, the same key: not a replayed 402
    assert resent.status_code == 201
    assert (await post(api, 10, **{"Idempotency-Key": "draft-7"})).json()["id"] == resent.json()["id"]
    assert (await balance(api))["balance_usd"] == 15.0


async def test_the_app_hears_the_refusal_as_a_refusal(server: SandboxServer) -> None:
    """Today's client (which knows nothing of credit yet) reports the server's words, keeps nothing."""
    async with TasksClient(server.url, DEMO_API_KEY) as client:
        draft = TaskDraft(category="data", task_type="data-analysis", budget_usd=31, title="Too big")
        with pytest.raises(errors.ApiError) as caught:
            await client.create_task(draft, idempotency_key="big")
    assert caught.value.status == 402 and not isinstance(caught.value, errors.OutcomeUnknown)
    assert "Not enough credit" in caught.value.user_message


async def test_the_top_up_page_adds_credit_from_a_browser_form(api: httpx.AsyncClient, server: SandboxServer) -> None:
    url = (await balance(api))["topup_url"]
    async with httpx.AsyncClient() as browser:  # no key: the page and its form name the account
        page = await browser.get(url)
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
        assert 'name="amount_usd"' in page.text and "$30.00" in page.text and 'method="post"' in page.text
        caller_id = (await balance(api))["caller_id"]
        sent = await browser.post(
            server.url + "/api/v1/a2a/credits/topup", data={"caller_id": caller_id, "amount_usd": "12.50"}
        )
        assert sent.status_code == 200 and "$42.50" in sent.text
        for bad in ("0", "-5", "abc", "1e9", "nan"):
            refused = await browser.post(url, data={"caller_id": caller_id, "amount_usd": bad})
            assert refused.status_code == 422 and refused.json()["detail"][0]["loc"] == ["body", "amount_usd"]
        unknown = await browser.post(url, data={"caller_id": "nobody", "amount_usd": "5"})
        assert unknown.status_code == 404
        # Two accounts on this server: with neither a key nor an account named, whose credit is unknown.
        assert (await browser.post(server.url + "/api/v1/a2a/credits/topup", json={"amount_usd": 5})).status_code == 401
        wrong_key = await browser.post(url, json={"amount_usd": 5}, headers={"Authorization": "Bearer wrong"})
        assert wrong_key.status_code == 401
    now = await balance(api)
    assert (now["balance_usd"], now["total_deposited_usd"]) == (42.5, 42.5)


async def test_the_demo_account_starts_with_enough_for_every_demo() -> None:
    with SandboxServer(SandboxConfig()) as server:
        async with httpx.AsyncClient(base_url=server.url, headers={"Authorization": f"Bearer {DEMO_API_KEY}"}) as api:
            start = await balance(api)
            assert start["balance_usd"] == 10_000.0
            for _ in range(60):  # the create limit's worth of the largest demo budget
                assert (await post(api, 45.5)).status_code == 201


async def test_the_command_line_credit_adds_to_the_free_ten() -> None:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "app.sandbox", "--port", str(port), "--api-key", "k", "--credit", "20"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        await asyncio.wait_for(asyncio.to_thread(proc.stdout.readline), 20)
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", headers={"Authorization": "Bearer k"}) as api:
            assert (await balance(api))["balance_usd"] == 30.0
            assert (await post(api, 25)).status_code == 201
            refused = await post(api, 10)
            assert refused.status_code == 402 and refused.json()["current_balance_usd"] == 5.0
    finally:
        proc.terminate()
        assert proc.wait(10) == 0
