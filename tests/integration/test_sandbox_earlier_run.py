"""Demo mode's practice server takes in tasks of an earlier run from the app's store: one whose
version was chosen comes back where it was, with the same final work, not as "completed"."""

from __future__ import annotations

import httpx

from app.api.client import TasksClient
from app.sandbox import SandboxConfig, SandboxServer
from app.sandbox.config import BID_WINDOW_SECONDS, DEMO_API_KEY
from app.store.repository import Store
from app.store.tasks_table import task_reader
from tests.conftest import FakeClock

DRAFT = {"category": "graphics-design", "task_type": "logo-design", "budget_usd": 30.0, "title": "Shop sign"}


def auth(server: SandboxServer) -> httpx.AsyncClient:
    return httpx.AsyncClient(base_url=server.url, headers={"Authorization": f"Bearer {DEMO_API_KEY}"})


async def test_a_delivery_waiting_for_approval_still_waits_after_a_restart(tmp_path) -> None:
    clock = FakeClock()
    config = SandboxConfig(seed=4, clock=clock, question_share=1.0)
    store = Store.in_dir(tmp_path)
    with SandboxServer(config) as first:
        async with auth(first) as api, TasksClient(first.url, DEMO_API_KEY) as client:
            task_id = (await api.post("/api/v1/tasks", json=DRAFT)).json()["id"]
            clock.now += BID_WINDOW_SECONDS + 1
            bid = next(b for b in (await api.get(f"/api/v1/tasks/{task_id}/bids")).json()["bids"] if b["presented"])
            await api.post(f"/api/v1/tasks/{task_id}/select-bid", json={"bid_id": bid["id"]})
            clock.now += config.delivery_seconds / 2 + 1
            await api.post(f"/api/v1/tasks/{task_id}/provide-input", json={"answer": "Green"})
            clock.now += config.delivery_seconds / 2 + 1
            await api.post(f"/api/v1/tasks/{task_id}/request-revision", json={"message": "Bolder"})
            clock.now += config.revision_seconds + 1
            before = (await api.get(f"/api/v1/tasks/{task_id}/delivery")).json()
            store.upsert_task(await client.get_task(task_id))  # what the app keeps of it
    clock.now += 60  # the app was closed for a minute
    with SandboxServer(SandboxConfig(seed=4, clock=clock, known=task_reader(store.path))) as second:
        async with auth(second) as api:
            task = (await api.get(f"/api/v1/tasks/{task_id}")).json()
            assert (task["status"], task["delivery"]["number"], task["input_request"]["answer"]) == (
                "delivered",
                2,
                "Green",
            )
            after = (await api.get(f"/api/v1/tasks/{task_id}/delivery")).json()
            assert [(a["name"], a["sha256"]) for a in after["artifacts"]] == [
                (a["name"], a["sha256"]) for a in before["artifacts"]
            ]
            assert after["message"] == before["message"] and "Bolder" in after["message"]
            approved = (await api.post(f"/api/v1/tasks/{task_id}/approve")).json()["task"]
            assert (approved["status"], approved["approved_by"], approved["paid_usd"]) == (
                "completed",
                "buyer",
                bid["bid_price_usd"],
            )
            assert [s["status"] for s in approved["history"]][-3:] == ["delivering", "delivered", "completed"]
            credit = (await api.get("/api/v1/a2a/credits/balance")).json()
            assert credit["total_spent_usd"] == 0.0  # paid for in the earlier run's credit, not this one's
    store.close()


async def test_a_task_saved_before_the_sandbox_modelled_deliveries_ends_as_before(tmp_path) -> None:
    from datetime import UTC, datetime, timedelta

    from app.api.schema import Task

    store = Store.in_dir(tmp_path)
    old = Task(
        id="00000000-0000-4000-8000-0000000000cc",
        status="delivering",
        title="Old",
        category="data",
        task_type="data-analysis",
        budget_usd=9,
        created_at=datetime.now(UTC) - timedelta(days=3),
    )
    store.upsert_task(old)
    with SandboxServer(SandboxConfig(known=task_reader(store.path))) as server:
        async with auth(server) as api:
            assert (await api.get(f"/api/v1/tasks/{old.id}")).json()["status"] == "completed"
    store.close()
