"""The outbox against the sandbox: offline, back online, 429, unclear outcomes, resends."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from app.api.client import TasksClient
from app.outbox import Outbox
from app.sandbox import SandboxConfig, SandboxServer
from app.sandbox.service import DEMO_API_KEY
from app.store.drafts_table import DRAFT, UNKNOWN, WAITING
from app.store.repository import Store
from tests.conftest import free_port, wait_until
from tests.wall_clock import settable_wall_clock


def values(title: str) -> dict[str, object]:
    return {"category": "data", "task_type": "data-analysis", "budget_usd": 12.5, "title": title}


def posted_titles(server: SandboxServer) -> list[str]:
    return [t.body["title"] for t in sorted(server.app.state.tasks.values(), key=lambda t: t.created)]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.in_dir(tmp_path)


async def test_offline_sends_wait_then_go_oldest_first_when_the_network_returns(store: Store) -> None:
    port = free_port()
    async with TasksClient(f"http://127.0.0.1:{port}", DEMO_API_KEY, retry_base_delay=0.001) as client:
        outbox = Outbox(store, lambda: client, min_spacing=0.0)
        for title in ("first", "second", "third"):
            store.save_draft(title, values(title))
            result = await outbox.send(title)  # nothing listening: offline
            assert result.state == WAITING
        assert [d.id for d in store.outbox()] == ["first", "second", "third"]
        with SandboxServer(SandboxConfig(), port=port) as server:
            runner = asyncio.ensure_future(outbox.run())
            try:
                outbox.network_may_be_back()
                await wait_until(lambda: not store.list_drafts(), timeout=20, what="every draft to be sent")
            finally:
                runner.cancel()
            assert posted_titles(server) == ["first", "second", "third"]
            assert [t.title for t in store.list_tasks()] and store.list_drafts() == []


async def test_rate_limit_makes_the_draft_wait_not_fail(store: Store) -> None:
    with SandboxServer(SandboxConfig(create_limit=1)) as server:
        async with TasksClient(server.url, DEMO_API_KEY) as client:
            outbox = Outbox(store, lambda: client, min_spacing=0.0)
            store.save_draft("a", values("a"))
            store.save_draft("b", values("b"))
            assert (await outbox.send("a")).state == "created"
            result = await outbox.send("b")
            assert result.state == WAITING
            waiting = store.get_draft("b")
            assert waiting is not None and waiting.not_before is not None
            assert 0 < (outbox.next_due() or 0) <= 60  # it will wait as the server said
            assert await outbox.drain() == 0  # not due yet: nothing more is sent
            assert posted_titles(server) == ["a"]


async def test_dropped_connection_is_not_sure_and_never_resent_by_itself(store: Store) -> None:
    with SandboxServer(SandboxConfig()) as server:
        server.config.faults.drop_rate = 1.0
        async with TasksClient(server.url, DEMO_API_KEY) as client:
            outbox = Outbox(store, lambda: client, min_spacing=0.0)
            store.save_draft("a", values("Paid once"))
            result = await outbox.send("a")
            assert result.state == UNKNOWN
            assert store.get_draft("a").state == UNKNOWN
            server.config.faults.drop_rate = 0.0
            assert await outbox.drain() == 0  # the outbox does not touch unclear drafts
            assert posted_titles(server) == ["Paid once"]
            # The user chooses "Send again": the same key finds the task instead of a second one.
            again = await outbox.send("a")
            assert again.state == "created"
            assert posted_titles(server) == ["Paid once"]
            assert [t.id for t in store.list_tasks()] == [next(iter(server.app.state.tasks))]


async def test_rejected_draft_goes_back_to_draft_with_field_errors(store: Store) -> None:
    with SandboxServer(SandboxConfig()) as server:
        async with TasksClient(server.url, "wrong-key") as client:
            outbox = Outbox(store, lambda: client, min_spacing=0.0)
            store.save_draft("a", values("a"))
            result = await outbox.send("a")
            assert result.state == DRAFT and result.error is not None
            assert "API key" in result.error.user_message
        store.save_draft("b", {**values("b"), "budget_usd": 1000})
        result = await Outbox(store, lambda: None).send("b")
        assert result.state == DRAFT and "budget_usd" in result.field_errors
        assert posted_titles(server) == []


async def test_take_back_from_the_outbox(store: Store) -> None:
    outbox = Outbox(store, lambda: None)
    store.save_draft("a", values("a"))
    outbox.queue("a")
    assert [d.id for d in store.outbox()] == ["a"]
    assert outbox.take_back("a")
    assert store.outbox() == [] and store.get_draft("a").state == DRAFT


async def test_a_second_send_of_the_same_draft_while_sending_is_ignored(store: Store) -> None:
    with SandboxServer(SandboxConfig()) as server:
        server.config.faults.latency = 0.3
        async with TasksClient(server.url, DEMO_API_KEY) as client:
            outbox = Outbox(store, lambda: client, min_spacing=0.0)
            store.save_draft("a", values("once"))
            first, second = await asyncio.gather(outbox.send("a"), outbox.send("a"))
            assert sorted([first.state, second.state]) == ["created", "sending"]
            assert posted_titles(server) == ["once"]


async def test_the_clock_set_back_an_hour_does_not_stall_the_next_send(store: Store, monkeypatch) -> None:
    """Issue 22, point 6: the spacing between creates (and every wait) runs on the monotonic clock."""
    wall = settable_wall_clock(monkeypatch)
    with SandboxServer(SandboxConfig()) as server:
        async with TasksClient(server.url, DEMO_API_KEY) as client:
            outbox = Outbox(store, lambda: client)  # the real spacing: one create per second at most
            store.save_draft("a", values("before the jump"))
            assert (await outbox.send("a")).state == "created"
            wall.offset -= 3600  # the computer's clock goes back an hour
            store.save_draft("b", values("after the jump"))
            assert outbox.queue("b")
            runner = asyncio.ensure_future(outbox.run())
            try:
                await wait_until(lambda: not store.list_drafts(), timeout=10, what="the next send")
            finally:
                runner.cancel()
            # (sorted: the sandbox, on the same computer, dates the second task an hour before the first)
            assert sorted(posted_titles(server)) == ["after the jump", "before the jump"]


async def test_a_wait_the_server_asked_for_ends_on_time_when_the_clock_goes_back(store: Store, monkeypatch) -> None:
    """A 429's Retry-After is a wait in seconds: setting the clock back does not make it longer."""
    wall = settable_wall_clock(monkeypatch)
    with SandboxServer(SandboxConfig(create_limit=1)) as server:
        async with TasksClient(server.url, DEMO_API_KEY) as client:
            outbox = Outbox(store, lambda: client, min_spacing=0.0)
            store.save_draft("a", values("a"))
            store.save_draft("b", values("b"))
            assert (await outbox.send("a")).state == "created"
            assert (await outbox.send("b")).state == WAITING
            due = outbox.next_due()
            assert due is not None and 0 < due <= 60
            wall.offset -= 3600
            assert (outbox.next_due() or 0) <= due  # still the server's wait, not an hour more
