"""Issue 22, monotonic time: the computer's clock set back an hour stalls no interval or back-off.
Each test sets the wall clock back (tests/wall_clock.py: time.time everywhere, and the app's
``clock=time.time`` defaults) and checks that what waits a short time still waits only that.
(The outbox's spacing and Retry-After waits: tests/integration/test_outbox.py.)"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.api.errors import BadResponse
from app.money import Balance, CreditWatch
from app.review.keep import KeptTasks
from app.review.operations import OperationsCache, ReviewOperations
from app.sandbox import SandboxConfig, SandboxServer
from app.sandbox.service import DEMO_API_KEY
from app.sandbox.traffic import RateLimiter
from app.store.repository import Store
from tests.conftest import FakeClock, wait_until
from tests.unit.test_money import Client, Settings
from tests.wall_clock import settable_wall_clock


async def test_an_unreadable_server_description_is_asked_again_after_its_pause_when_the_clock_goes_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """OperationsCache: "asked again after a minute" (here 0.2 s) stays that, not an hour more."""
    wall = settable_wall_clock(monkeypatch)
    monkeypatch.setattr(OperationsCache, "RETRY_UNREADABLE", 0.2)
    store = Store.in_dir(tmp_path)
    cache = OperationsCache(store)
    calls: list[int] = []

    async def broken() -> Any:
        calls.append(1)
        raise BadResponse(detail="GET /openapi.json: HTTP 200, body is not JSON")

    assert (await cache.get("http://h", broken)).state == "unreadable"
    wall.offset -= 3600
    await wait_until(lambda: cache.cached("http://h") is None, timeout=5, what="the pause to end")
    await cache.get("http://h", broken)
    assert len(calls) == 2
    store.close()


def test_a_kept_server_description_dated_after_now_is_not_trusted(tmp_path: Path, monkeypatch) -> None:
    """What a run kept before the clock went back cannot be aged: it is asked again, not kept an hour longer."""
    wall = settable_wall_clock(monkeypatch)
    store = Store.in_dir(tmp_path)
    OperationsCache(store).put("http://h", ReviewOperations("absent"))
    assert OperationsCache(store).cached("http://h") is not None  # the next start knows it
    wall.offset -= 3600
    assert OperationsCache(store).cached("http://h") is None
    store.close()


async def test_the_credit_is_read_again_and_called_old_on_time_when_the_clock_goes_back(monkeypatch) -> None:
    """CreditWatch: "read again after a minute" and "shown as of its time after five" run on the
    monotonic clock; the balance is still dated by the wall clock (for "as of")."""
    wall = settable_wall_clock(monkeypatch)
    monkeypatch.setattr("app.money.FRESH_FOR", 0.2)
    watch = CreditWatch(Settings(), "https://api.example")
    read = await watch.refresh(Client(Balance(30.0)))  # type: ignore[arg-type]
    assert read is not None and abs(read.read_at - wall()) < 5 and not watch.stale
    wall.offset -= 3600
    await wait_until(lambda: watch.stale, timeout=5, what="the balance to be old")
    assert 0 < watch.read_ago() < 60  # due for the next read within the minute (MoneyController.READ_EVERY)
    watch.use_address("https://other.example")
    assert watch.read_ago() == math.inf  # nothing read there in this run: read at once


def test_the_sandbox_rate_limit_frees_a_slot_within_its_minute_when_the_clock_goes_back(monkeypatch) -> None:
    """The sandbox's per-minute limit: the wait it asks for is never the length of the clock's jump."""
    wall = settable_wall_clock(monkeypatch)
    with SandboxServer(SandboxConfig(read_limit=2)) as server:
        headers = {"Authorization": f"Bearer {DEMO_API_KEY}"}
        with httpx.Client(base_url=server.url, headers=headers) as http:
            assert [http.get("/api/v1/tasks").status_code for _ in range(2)] == [200, 200]
            wall.offset -= 3600
            refused = http.get("/api/v1/tasks")
    assert refused.status_code == 429 and 1 <= int(refused.headers["Retry-After"]) <= 60

    later = FakeClock(1000.0)  # and the minute passes on the limiter's own (monotonic) clock
    limiter = RateLimiter(later)
    assert limiter.hit("c", "read", 1)[0] and not limiter.hit("c", "read", 1)[0]
    later.now += 60
    assert limiter.hit("c", "read", 1)[0]


def test_the_task_used_just_now_is_kept_over_older_ones_when_the_clock_goes_back(tmp_path: Path, monkeypatch) -> None:
    """Kept galleries: the least recently used go first, and "just now" is the most recent even
    when the wall clock says it is an hour before the others."""
    wall = settable_wall_clock(monkeypatch)
    kept = KeptTasks(tmp_path, cap_bytes=1000)
    for task in ("a", "b", "c"):
        assert kept.put_file(task, "pic", b"x" * 300)
    wall.offset -= 3600
    assert kept.file("a", "pic") == b"x" * 300  # a is used again: b is now the oldest
    assert kept.put_file("d", "pic", b"x" * 300)
    assert sorted(kept.tasks()) == ["a", "c", "d"]
    assert KeptTasks(tmp_path, cap_bytes=1000).tasks()[-1] == "c"  # the order comes back from the disk
