"""Session (Qt-free) against the real sandbox: connection states as events, categories, tasks
followed, a bounded shutdown."""

from __future__ import annotations

import asyncio
from pathlib import Path

from app.sandbox import SandboxConfig, SandboxServer
from app.sandbox.service import CATEGORIES, DEMO_API_KEY
from app.session import Connection, ConnectionState, Session, StateChange
from app.store.repository import Store
from app.taxonomy import Category
from tests.conftest import free_port, wait_until


def recorded(session: Session) -> tuple[list[StateChange], list[list[Category]]]:
    states: list[StateChange] = []
    categories: list[list[Category]] = []
    session.state_changed.connect(states.append)
    session.categories.connect(categories.append)
    return states, categories


async def test_connecting_goes_online_with_the_servers_categories_and_caches_them(tmp_path: Path) -> None:
    store = Store.in_dir(tmp_path)
    with SandboxServer(SandboxConfig()) as server:
        session = Session(store, Connection(server.url, DEMO_API_KEY))
        states, categories = recorded(session)
        assert session.state == ConnectionState.STARTING
        await session.start()
        try:
            assert states[-1].state == ConnectionState.ONLINE and session.state == "online"  # StrEnum: old strings work
            assert [c.name for c in categories[-1]] == [c["name"] for c in CATEGORIES]
            assert store.cached_taxonomy() is not None
            assert session.last_online is not None
            assert session.background == 2  # the refresher and the outbox
        finally:
            await session.shutdown()
    assert session.background == 0


async def test_no_key_and_unreachable_and_refused_key_are_distinct_states(tmp_path: Path) -> None:
    store = Store.in_dir(tmp_path)
    no_key = Session(store, Connection("http://127.0.0.1:9", None))
    states, _ = recorded(no_key)
    await no_key.start()
    assert [s.state for s in states] == [ConnectionState.NO_KEY] and no_key.client is None

    offline = Session(store, Connection(f"http://127.0.0.1:{free_port()}", DEMO_API_KEY))
    states, categories = recorded(offline)
    await offline.start()
    try:
        assert states[0].state == ConnectionState.OFFLINE and states[0].detail  # plain words for the status bar
        assert categories == []  # nothing fetched: the window keeps the cached or bundled list
    finally:
        await offline.shutdown()

    with SandboxServer(SandboxConfig()) as server:
        refused = Session(store, Connection(server.url, "aitk_test_wrong"))
        states, _ = recorded(refused)
        await refused.start()
        try:
            assert states[0].state == ConnectionState.UNAUTHORIZED
        finally:
            await refused.shutdown()


async def test_added_task_is_stored_followed_and_announced(tmp_path: Path) -> None:
    store = Store.in_dir(tmp_path)
    with SandboxServer(SandboxConfig()) as server:
        session = Session(store, Connection(server.url, DEMO_API_KEY))
        await session.start()
        try:
            draft_id = store.new_draft_id()
            store.save_draft(
                draft_id, {"category": "data", "task_type": "data-analysis", "budget_usd": 10, "title": "A"}
            )
            updates: list[str] = []
            session.task_updated.connect(lambda task: updates.append(task.id))
            result = await session.outbox.send(draft_id)
            assert result.state == "created" and result.task is not None
            assert updates == [result.task.id]  # the table hears of the created task once
            again = await session.add_task(result.task.id)
            assert again.id in [t.id for t in store.list_tasks()]
        finally:
            await session.shutdown()


async def test_shutdown_is_bounded_when_background_work_ignores_its_cancel(tmp_path: Path, monkeypatch) -> None:
    import app.session as session_module

    monkeypatch.setattr(session_module, "SHUTDOWN_GRACE", 0.2)
    session = Session(Store.in_dir(tmp_path), Connection("http://127.0.0.1:9", None))

    release = asyncio.Event()

    async def stubborn() -> None:
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            await release.wait()  # ignores the cancel until the test lets it go

    stuck = session.spawn(stubborn())
    await asyncio.sleep(0)
    await session.shutdown()  # returns although the task is still running
    assert not stuck.done()
    release.set()
    await wait_until(stuck.done, what="the stubborn task to end")
