"""TasksClient against the sandbox on a real loopback port."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest

from app.api import errors
from app.api.client import TasksClient
from app.api.schema import TaskDraft, max_length, number_limits
from app.sandbox import Faults, SandboxConfig, SandboxServer
from app.sandbox.service import DEMO_API_KEY
from tests.conftest import free_port

DRAFT = TaskDraft(
    category="graphics-design",
    task_type="logo-design",
    budget_usd=45.5,
    title="Logo for launch",
    description="A round logo",
    requirements={"colours": 2, "vector": True},
)


async def test_create_then_get_round_trip(sandbox: SandboxServer) -> None:
    async with TasksClient(sandbox.url, DEMO_API_KEY) as client:
        assert await client.health()
        created = await client.create_task(DRAFT, idempotency_key="one")
        fetched = await client.get_task(created.id)
    assert created.status == "open" and fetched.id == created.id
    assert (fetched.title, fetched.budget_usd, fetched.requirements) == (
        "Logo for launch",
        45.5,
        {"colours": 2, "vector": True},
    )
    assert fetched.expires_at is not None and fetched.created_at is not None and fetched.expires_at > fetched.created_at
    assert client.rate_limit.limit == 300 and client.rate_limit.remaining is not None


async def test_wrong_or_missing_key_is_unauthorized(sandbox: SandboxServer) -> None:
    for key in ("aitk_test_wrong", ""):
        async with TasksClient(sandbox.url, key) as client:
            with pytest.raises(errors.Unauthorized):
                await client.list_categories()


async def test_server_422_names_the_fields(sandbox: SandboxServer) -> None:
    # model_construct skips the client's checks, as a client with stale limits would.
    bad = TaskDraft.model_construct(
        category="data",
        task_type="data-analysis",
        budget_usd=301.0,
        title="t" * 201,
        description="",
        requirements={},
        experimentation=0.3,
        brand_kit_id=None,
    )
    async with TasksClient(sandbox.url, DEMO_API_KEY) as client:
        with pytest.raises(errors.InvalidTask) as caught:
            await client.create_task(bad)
        assert await client.list_tasks() == []
    assert set(caught.value.field_errors) == {"budget_usd", "title"}


async def test_61st_create_in_a_minute_is_rate_limited_with_retry_after(sandbox: SandboxServer) -> None:
    async with TasksClient(sandbox.url, DEMO_API_KEY) as client:
        for _ in range(60):
            await client.create_task(DRAFT)
        assert client.rate_limit.remaining == 0
        with pytest.raises(errors.RateLimited) as caught:
            await client.create_task(DRAFT)
        assert 0 < (caught.value.retry_after or 0) <= 60
        assert len(await client.list_tasks(limit=200)) == 60  # reads have their own bucket


async def test_same_idempotency_key_gives_the_same_task(sandbox: SandboxServer) -> None:
    async with TasksClient(sandbox.url, DEMO_API_KEY) as client:
        first = await client.create_task(DRAFT, idempotency_key="same")
        again = await client.create_task(DRAFT, idempotency_key="same")
        other = await client.create_task(DRAFT, idempotency_key="different")
        assert again.id == first.id != other.id
        assert len(await client.list_tasks()) == 2


async def test_dropped_connection_after_create_is_outcome_unknown_and_not_resent(sandbox: SandboxServer) -> None:
    sandbox.config.faults.drop_rate = 1.0
    async with TasksClient(sandbox.url, DEMO_API_KEY) as client:
        with pytest.raises(errors.OutcomeUnknown):
            await client.create_task(DRAFT, idempotency_key="dropped")
        sandbox.config.faults.drop_rate = 0.0
        creates = [r for r in sandbox.app.state.requests_seen if r[0] == "POST"]
        assert len(creates) == 1  # sent once, never retried by itself
        # The task did reach the server; resending with the same key finds it instead of paying twice.
        resent = await client.create_task(DRAFT, idempotency_key="dropped")
        assert [t.id for t in await client.list_tasks()] == [resent.id]


async def test_server_errors_on_reads_are_retried(sandbox: SandboxServer) -> None:
    async with TasksClient(sandbox.url, DEMO_API_KEY, retry_base_delay=0.001) as client:
        task = await client.create_task(DRAFT)
        sandbox.config.faults.error_rate = 1.0
        with pytest.raises(errors.ServerError):
            await client.get_task(task.id)
        gets = [r for r in sandbox.app.state.requests_seen if r[0] == "GET" and task.id in r[1]]
        assert len(gets) == 3


async def test_nothing_listening_is_offline() -> None:
    server = SandboxServer()  # bound but never started: connection refused once closed
    url = server.url
    server.stop()
    async with TasksClient(url, DEMO_API_KEY, retry_base_delay=0.001) as client:
        with pytest.raises(errors.Offline):
            await client.create_task(DRAFT)


async def test_statuses_advance_on_the_compressed_clock() -> None:
    now = [1_000_000.0]
    config = SandboxConfig(speed=1.0, clock=lambda: now[0])
    with SandboxServer(config) as server:
        async with TasksClient(server.url, DEMO_API_KEY) as client:
            task = await client.create_task(DRAFT)
            seen = []
            for step in (0, 6, 20, 420, 3600):
                now[0] += step
                current = await client.get_task(task.id)
                seen.append(current.status)
            assert seen == ["open", "matching", "prototyping", "review", "expired"]
            assert current.is_final


async def test_latency_fault_delays_answers() -> None:
    with SandboxServer(SandboxConfig(faults=Faults(latency=0.3))) as server:
        async with TasksClient(server.url, DEMO_API_KEY) as client:
            start = time.monotonic()
            await client.list_categories()
            assert time.monotonic() - start >= 0.3
            start = time.monotonic()
            assert await client.health()  # /health is outside the faulty paths
            assert time.monotonic() - start < 0.3


async def test_client_limits_match_the_servers_openapi(sandbox: SandboxServer) -> None:
    async with httpx.AsyncClient() as http:
        spec = (await http.get(f"{sandbox.url}/openapi.json")).json()
    schema = spec["components"]["schemas"]["TaskCreate"]["properties"]
    for field in ("budget_usd", "experimentation"):
        limits = number_limits(field)
        assert (schema[field]["minimum"], schema[field]["maximum"]) == (limits.minimum, limits.maximum)
    title_max = next(s["maxLength"] for s in schema["title"]["anyOf"] if "maxLength" in s)
    assert (title_max, schema["description"]["maxLength"]) == (max_length("title"), max_length("description"))
    assert schema["experimentation"]["default"] == number_limits("experimentation").default


async def test_sandbox_cli_serves_on_the_given_port(tmp_path: object) -> None:
    import subprocess
    import sys

    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "app.sandbox", "--port", str(port), "--api-key", "k"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = await asyncio.wait_for(asyncio.to_thread(proc.stdout.readline), 20)
        assert f"127.0.0.1:{port}" in line
        async with TasksClient(f"http://127.0.0.1:{port}", "k") as client:
            assert len(await client.list_categories()) >= 1
    finally:
        proc.terminate()
        assert proc.wait(10) == 0


def test_sandbox_cli_refuses_non_loopback() -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "app.sandbox", "--host", "0.0.0.0"], capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 2 and "loopback" in result.stderr


async def test_the_practice_server_offers_the_bundled_categories(sandbox: SandboxServer) -> None:
    """One list: what the app falls back to offline is what demo mode's server answers."""
    from app.taxonomy import bundled_categories

    async with TasksClient(sandbox.url, DEMO_API_KEY) as client:
        served = await client.list_categories()
    assert served == bundled_categories()
    assert len(served) == 7 and any(t.slug == "translation" for c in served for t in c.task_types)


async def test_demo_sandbox_reads_earlier_tasks_from_the_store_on_demand(tmp_path) -> None:
    """Demo mode gives the practice server a lookup into the store, not a copy of every task: a
    task of an earlier run is found, followed and cancelled; an unknown id is still 404."""
    from datetime import UTC, datetime

    from app.api.schema import Task
    from app.store.repository import Store
    from app.store.tasks_table import task_reader

    store = Store.in_dir(tmp_path)
    earlier = Task(
        id="00000000-0000-4000-8000-0000000000aa",
        status="open",
        title="From last time",
        category="data",
        task_type="data-analysis",
        budget_usd=12,
        created_at=datetime.now(UTC),
    )
    store.upsert_task(earlier)
    config = SandboxConfig(known=task_reader(store.path))
    with SandboxServer(config) as server:
        assert server.app.state.tasks == {}  # nothing copied up front
        async with TasksClient(server.url, DEMO_API_KEY) as client:
            fetched = await client.get_task(earlier.id)
            assert (fetched.title, fetched.budget_usd, fetched.status) == ("From last time", 12, "open")
            async with httpx.AsyncClient(
                base_url=server.url, headers={"Authorization": f"Bearer {DEMO_API_KEY}"}
            ) as raw:
                assert (await raw.post(f"/api/v1/tasks/{earlier.id}/cancel")).json()["status"] == "cancelled"
            assert (await client.get_task(earlier.id)).status == "cancelled"  # remembered from then on
            with pytest.raises(errors.NotFound):
                await client.get_task("00000000-0000-4000-8000-0000000000bb")
    store.close()


def test_sandbox_socket_sends_small_answers_at_once(sandbox: SandboxServer) -> None:
    """Nagle's algorithm off (TCP_NODELAY), and a socket asyncio recognises as TCP so that every
    accepted connection gets the same: otherwise each small answer waits ~40 ms for an ACK."""
    import socket

    listener = sandbox._socket
    assert listener.proto == socket.IPPROTO_TCP
    assert listener.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
