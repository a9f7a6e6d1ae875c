"""A post refused for lack of credit: the draft is kept with its text as "waiting for credit", the
outbox never retries it by itself, and it goes when sent again after credit was added. Against a
server that answers as AITasker's credit does (402 with amount_usd, current_balance_usd, topup_url),
over a real SQLite file."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import httpx
import pytest

from app.api.client import TasksClient
from app.api.errors import NotEnoughCredit
from app.money import money_rows, spending
from app.outbox import Outbox
from app.store.drafts_table import CREDIT, DRAFT, WAITING
from app.store.repository import Store

URL = "https://api.example.test"


class CreditServer:
    """Tasks and a balance: a post larger than the balance is refused with 402."""

    def __init__(self, balance: float, status: int = 402) -> None:
        self.balance = balance
        self.status = status
        self.posts = 0
        self.created: list[dict[str, object]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/api/v1/a2a/credits/balance":
            return httpx.Response(200, json={"caller_id": "u", "balance_usd": self.balance})
        if request.url.path == "/health":
            return httpx.Response(200, json={"status": "ok"})
        assert request.method == "POST" and request.url.path == "/api/v1/tasks"
        self.posts += 1
        body = json.loads(request.content)
        if body["budget_usd"] > self.balance:
            return httpx.Response(
                self.status,
                json={
                    "detail": "Insufficient credit",
                    "amount_usd": body["budget_usd"],
                    "current_balance_usd": self.balance,
                    "topup_url": f"{URL}/api/v1/a2a/credits/topup",
                },
            )
        self.balance -= body["budget_usd"]
        task = {"id": str(uuid.uuid4()), "status": "open", "created_at": "2026-05-02T10:00:00Z", **body}
        self.created.append(task)
        return httpx.Response(201, json=task)


def values(title: str, budget: float) -> dict[str, object]:
    return {"category": "data", "task_type": "data-analysis", "budget_usd": budget, "title": title, "description": "d"}


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.in_dir(tmp_path)


@pytest.mark.parametrize("status", [402, 403, 409, 400])
async def test_a_refusal_for_credit_waits_for_credit_and_is_never_retried_by_itself(store: Store, status: int) -> None:
    server = CreditServer(balance=5.0, status=status)
    async with TasksClient(URL, "aitk_test_k", transport=httpx.MockTransport(server)) as client:
        outbox = Outbox(store, lambda: client, min_spacing=0.0)
        store.save_draft("d", values("Second task", 10.0))
        result = await outbox.send("d")
        assert result.state == CREDIT and isinstance(result.error, NotEnoughCredit)
        assert result.error.missing_usd == 5.0
        draft = store.get_draft("d")
        assert draft is not None and draft.state == CREDIT
        assert draft.values == values("Second task", 10.0)  # nothing lost
        assert "$5.00 is missing" in (draft.last_error or "")
        assert [r.id for r in outbox.waiting_for_credit()] == ["d"]
        assert store.outbox() == [] and outbox.next_due() is None  # not in the queue
        assert await outbox.drain() == 0
        assert server.posts == 1  # not retried in a loop
        server.balance += 20.0  # credit added on the website; the person presses Refresh
        again = await outbox.send("d")
        assert again.state == "created" and store.get_draft("d") is None
        assert server.posts == 2 and [t.title for t in store.list_tasks()] == ["Second task"]


async def test_a_draft_waiting_for_credit_can_be_taken_back_or_queued(store: Store) -> None:
    server = CreditServer(balance=0.0)
    async with TasksClient(URL, "aitk_test_k", transport=httpx.MockTransport(server)) as client:
        outbox = Outbox(store, lambda: client, min_spacing=0.0)
        for name in ("a", "b"):
            store.save_draft(name, values(name, 10.0))
            assert (await outbox.send(name)).state == CREDIT
        assert outbox.take_back("a") and store.get_draft("a").state == DRAFT
        assert outbox.queue("b") and store.get_draft("b").state == WAITING


def test_money_rows_read_what_the_server_said_was_paid(store: Store) -> None:
    from app.api.schema import Task

    store.upsert_tasks(
        [
            Task.model_validate(
                {
                    "id": "paid",
                    "status": "completed",
                    "budget_usd": 40,
                    "created_at": "2026-05-02T10:00:00Z",
                    "paid_usd": 31.5,
                    "refunded_usd": 8.5,
                }
            ),
            Task.model_validate(
                {"id": "open", "status": "review", "budget_usd": 12.25, "created_at": "2026-05-03T10:00:00Z"}
            ),
            Task.model_validate({"id": "none", "status": "open"}),
        ]
    )
    rows = {row.id: row for row in money_rows(store.money_rows())}
    may_3 = {row.id for row in money_rows(store.money_rows(since=rows["open"].created_ts))}
    assert may_3 == {"open"}  # posted then or later
    assert (rows["paid"].paid_usd, rows["paid"].refunded_usd, rows["paid"].budget_usd) == (31.5, 8.5, 40.0)
    assert (rows["open"].paid_usd, rows["none"].budget_usd, rows["none"].created_ts) == (None, None, 0.0)
    from datetime import UTC

    month = spending(rows.values(), UTC).month(2026, 5)
    assert (month.usd("committed"), month.usd("paid"), month.usd("refunded"), month.usd("open")) == (
        52.25,
        31.5,
        8.5,
        12.25,
    )
