"""Tasks brought along their life in a sandbox for the task window's tests: posted, in review, a
version chosen, the final work delivered, approved — over the sandbox's own HTTP API, on its clock."""

from __future__ import annotations

from typing import Any

import httpx

from app.sandbox import SandboxServer
from app.sandbox.config import BID_WINDOW_SECONDS, DEMO_API_KEY
from tests.conftest import FakeClock, wait_until
from tests.ui.helpers import parts

DRAFT = {
    "category": "graphics-design",
    "task_type": "logo-design",
    "budget_usd": 40.0,
    "title": "Logo for my bakery",
    "description": "A round logo with a loaf of bread, warm colours.",
}


def api(server: SandboxServer) -> httpx.AsyncClient:
    return httpx.AsyncClient(base_url=server.url, headers={"Authorization": f"Bearer {DEMO_API_KEY}"})


async def posted(server: SandboxServer, **draft: Any) -> dict[str, Any]:
    async with api(server) as client:
        answer = await client.post("/api/v1/tasks", json={**DRAFT, **draft})
        assert answer.status_code == 201, answer.text
        return answer.json()


async def delivered(server: SandboxServer, clock: FakeClock, **draft: Any) -> tuple[str, dict[str, Any]]:
    """A task posted, its best presented version chosen and its final work delivered: (id, the bid)."""
    task = await posted(server, **draft)
    clock.now += BID_WINDOW_SECONDS + 1
    async with api(server) as client:
        bids = (await client.get(f"/api/v1/tasks/{task['id']}/bids")).json()["bids"]
        bid = next(b for b in bids if b["presented"])
        chosen = await client.post(f"/api/v1/tasks/{task['id']}/select-bid", json={"bid_id": bid["id"]})
        assert chosen.status_code == 200, chosen.text
    clock.now += server.config.delivery_seconds + 1
    return task["id"], bid


async def read(server: SandboxServer, path: str) -> Any:
    async with api(server) as client:
        answer = await client.get(path)
        assert answer.status_code == 200, answer.text
        return answer.json()


async def add_to_table(window: Any, task_id: str) -> None:
    """The task added to the window's table by its ID, as a person pastes it."""
    ui = parts(window)
    ui.add_by_id.setText(task_id)
    ui.add_button.click()
    await wait_until(
        lambda: ui.model.row_of(task_id) is not None and ui.add_button.text() == "Add",
        what="the added task (and the Add button back)",
    )
