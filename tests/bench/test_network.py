"""The HTTP side: the sandbox's answer time, and what our client adds over raw httpx.

The sandbox runs in another process (as a real server would), with its rate limits raised."""

from __future__ import annotations

import time

import httpx
import pytest

from app.api.client import TasksClient
from app.sandbox.service import DEMO_API_KEY
from tests.bench.conftest import Bench, median

pytestmark = pytest.mark.bench
CALLS, BLOCK = 2_000, 200
BODY = {"category": "data", "task_type": "data-analysis", "budget_usd": 20, "title": "Numbers", "description": "x"}


async def test_client_overhead_and_sandbox_answer_time(bench: Bench, sandbox_process: str) -> None:
    headers = {"Authorization": f"Bearer {DEMO_API_KEY}"}
    async with (
        httpx.AsyncClient(base_url=sandbox_process, headers=headers) as raw,
        TasksClient(sandbox_process, DEMO_API_KEY) as client,
    ):
        task_id = (await raw.post("/api/v1/tasks", json=BODY)).json()["id"]
        path = f"/api/v1/tasks/{task_id}"
        for _ in range(20):  # connections open, code paths warm
            (await raw.get(path)).json()
            await client.get_task(task_id)

        async def raw_block() -> float:
            start = time.perf_counter()
            for _ in range(BLOCK):
                response = await raw.get(path)
                response.raise_for_status()
                assert response.json()["id"] == task_id
            return time.perf_counter() - start

        async def our_block() -> float:
            start = time.perf_counter()
            for _ in range(BLOCK):
                assert (await client.get_task(task_id)).id == task_id
            return time.perf_counter() - start

        ours: list[float] = []
        theirs: list[float] = []
        for n in range(CALLS // BLOCK):
            if n % 2 == 0:
                ours.append(await our_block())
                theirs.append(await raw_block())
            else:
                theirs.append(await raw_block())
                ours.append(await our_block())

        single = []
        for _ in range(200):
            start = time.perf_counter()
            (await raw.get(path)).json()
            single.append(time.perf_counter() - start)
    per_call = median(ours) / BLOCK * 1000
    per_raw = median(theirs) / BLOCK * 1000
    bench.record(
        "client_overhead_ratio",
        per_call,
        "ms",
        1.05,
        baseline=per_raw,
        ratio=per_call / per_raw,
        note=f"{CALLS} get_task against raw httpx GET + JSON, blocks of {BLOCK} alternating",
    )
    bench.record(
        "sandbox_request_ms",
        median(single) * 1000,
        "ms",
        5,
        note="one sequential GET, keep-alive",
        p99_ms=round(sorted(single)[int(0.99 * (len(single) - 1))] * 1000, 2),
    )
    bench.check("client_overhead_ratio", "sandbox_request_ms")
