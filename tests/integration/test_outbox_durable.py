"""The outbox's two commits (the claim, the created task) wait for the disk on a worker thread,
not on the GUI's: still, the claim is on the disk before the request leaves and the created task
before anyone is told of it; a claim that cannot be made durable sends nothing and puts the draft
back (app/store/durability.py)."""

from __future__ import annotations

import errno
import sqlite3
import threading
from pathlib import Path

import pytest

from app.api.schema import Task
from app.outbox import Outbox
from app.store.disk_errors import write_error
from app.store.drafts_table import SENDING, WAITING
from app.store.repository import Store


def values(title: str) -> dict[str, object]:
    return {"category": "data", "task_type": "data-analysis", "budget_usd": 12.5, "title": title}


class Client:
    """Answers a create at once, noting what the disk held when the request left."""

    def __init__(self, store: Store, events: list[str]) -> None:
        self._store, self._events = store, events
        self.sent: list[str] = []

    async def create_task(self, draft, *, idempotency_key: str) -> Task:
        self._events.append("request")
        with sqlite3.connect(self._store.path) as other:  # another connection: what was committed
            state = other.execute("SELECT state FROM drafts WHERE id = 'a'").fetchone()[0]
        self.sent.append(f"{draft.title} ({state})")
        return Task(id="t1", title=draft.title)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.in_dir(tmp_path)


async def test_the_claim_is_on_the_disk_before_the_request_and_the_task_before_it_is_shown(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    sync = store.sync

    def synced() -> None:
        assert threading.current_thread() is not threading.main_thread()  # not the GUI's thread
        sync()
        events.append("on disk")

    monkeypatch.setattr(store, "sync", synced)
    client = Client(store, events)
    outbox = Outbox(store, lambda: client, min_spacing=0.0, on_created=lambda *_: events.append("shown"))  # type: ignore[arg-type,return-value]
    store.save_draft("a", values("Paid once"))
    result = await outbox.send("a")
    assert result.state == "created"
    assert client.sent == ["Paid once (sending)"]
    assert events == ["on disk", "request", "on disk", "shown"]
    assert store.get_draft("a") is None and store.get_task("t1") is not None
    assert store._db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL again for every other write


async def test_a_claim_that_cannot_reach_the_disk_sends_nothing_and_puts_the_draft_back(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken() -> None:
        raise write_error(OSError(errno.EIO, "Input/output error"), store.path)

    monkeypatch.setattr(store, "sync", broken)
    client = Client(store, [])
    changes: list[None] = []
    outbox = Outbox(store, lambda: client, min_spacing=0.0, on_change=lambda: changes.append(None))  # type: ignore[arg-type,return-value]
    store.save_draft("a", values("Paid once"))
    assert store.set_state("a", WAITING, queue=True)
    queued = store.get_draft("a")
    assert await outbox.drain() == 0  # the store cannot be written: the round stops
    assert client.sent == []
    back = store.get_draft("a")
    assert back is not None and back.state == WAITING and back.state != SENDING
    assert queued is not None and back.queued_at == queued.queued_at
    assert not outbox.is_sending("a") and changes


def test_unsynced_writes_are_full_again_after_the_block_even_when_it_fails(store: Store) -> None:
    with pytest.raises(RuntimeError), store.unsynced():
        assert store._db.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
        raise RuntimeError("a write failed")
    assert store._db.execute("PRAGMA synchronous").fetchone()[0] == 2
    store.save_draft("b", values("b"))
    store.sync()  # (any thread; here this one)
