"""One deadline per call, retries included, and every wait can be cancelled.

A real loopback HTTP server that answers slowly: it sends the status line and headers at once,
then one byte of the body at a time, never finishing. httpx's per-read timeout never fires (a
byte arrives every few hundredths of a second), so only the client's own deadline ends the wait.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator

import pytest

from app.api import errors
from app.api.client import TasksClient
from tests.conftest import wait_until

KEY = "aitk_test_deadline_key"
TASK_JSON = b'{"id": "7", "status": "open", "title": "Logo"}'
SHORT_DEADLINE = 0.6  # injected for the test; the app's is 45 s


class SlowServer:
    """Answers each new connection as the next word of ``script`` says ("trickle", "503", "ok";
    the last word repeats). Runs its own loop in a thread; stops by itself after ``lifetime``."""

    def __init__(self, script: list[str], *, lifetime: float = 60.0) -> None:
        self.script = script
        self.lifetime = lifetime
        self.connections = 0
        self.hung_up = 0  # connections the client closed while we were still trickling
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._stop: asyncio.Event | None = None
        self.port = 0
        self._thread = threading.Thread(target=self._run, name="slow-server", daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> SlowServer:
        self._thread.start()
        assert self._ready.wait(10), "slow server did not start"
        return self

    def __exit__(self, *exc: object) -> None:
        if self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(10)

    def _run(self) -> None:
        self._loop.run_until_complete(self._serve())
        self._loop.close()

    async def _serve(self) -> None:
        self._stop = asyncio.Event()
        server = await asyncio.start_server(self._answer, "127.0.0.1", 0)
        self.port = server.sockets[0].getsockname()[1]
        self._ready.set()
        try:
            await asyncio.wait_for(self._stop.wait(), self.lifetime)
        except TimeoutError:
            pass
        server.close()
        for task in asyncio.all_tasks() - {asyncio.current_task()}:
            task.cancel()  # answers still trickling
        await asyncio.gather(*(asyncio.all_tasks() - {asyncio.current_task()}), return_exceptions=True)
        await server.wait_closed()

    async def _answer(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        word = self.script[min(self.connections, len(self.script) - 1)]
        self.connections += 1
        try:
            while (await reader.readline()) not in (b"\r\n", b""):
                pass  # the request head; GETs have no body
            if word == "503":
                writer.write(b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n")
            elif word == "ok":
                writer.write(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    b"Content-Length: %d\r\n\r\n%s" % (len(TASK_JSON), TASK_JSON)
                )
            else:
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n")
                for _ in range(100_000):  # bounded: a byte every 30 ms, at most ~50 min, stopped with the server
                    await writer.drain()
                    if reader.at_eof() or writer.is_closing():
                        break
                    writer.write(b" ")
                    await asyncio.sleep(0.03)
                    if self._stop is not None and self._stop.is_set():
                        break
            await writer.drain()
        except (ConnectionError, OSError):
            pass
        if word == "trickle":
            self.hung_up += 1
        writer.close()


@pytest.fixture
def trickling() -> Iterator[SlowServer]:
    with SlowServer(["trickle"]) as server:
        yield server


async def test_a_trickling_read_gives_up_at_its_deadline_without_retrying_past_it(trickling: SlowServer) -> None:
    async with TasksClient(trickling.url, KEY, deadline=SHORT_DEADLINE, retry_base_delay=0.01) as client:
        with pytest.raises(errors.Offline) as caught:
            await client.get_task("7")
    # Before: the deadline applied to each of three attempts (3 connections, 3 x 45 s for a person).
    assert trickling.connections == 1
    assert caught.value.user_message == "AITasker did not answer in time."
    assert "1 attempt" in caught.value.detail


async def test_the_deadline_counts_earlier_attempts_and_the_waits_between_them() -> None:
    with SlowServer(["503", "trickle"]) as server:
        async with TasksClient(server.url, KEY, deadline=SHORT_DEADLINE, retry_base_delay=0.01) as client:
            with pytest.raises(errors.Offline) as caught:
                await client.get_task("7")
        assert server.connections == 2  # the 503, then the trickle that used up the rest of the deadline
        assert "2 attempts" in caught.value.detail and "503" in caught.value.detail


async def test_no_retry_is_started_when_the_wait_before_it_would_pass_the_deadline() -> None:
    with SlowServer(["503"]) as server:
        async with TasksClient(server.url, KEY, deadline=SHORT_DEADLINE, retry_base_delay=60) as client:
            with pytest.raises(errors.ServerError):
                await client.get_task("7")
        assert server.connections == 1


async def test_a_create_that_trickles_is_outcome_unknown_and_sent_once(trickling: SlowServer) -> None:
    from app.api.schema import TaskDraft

    draft = TaskDraft(category="data", task_type="data-analysis", budget_usd=10)
    async with TasksClient(trickling.url, KEY, deadline=SHORT_DEADLINE) as client:
        with pytest.raises(errors.OutcomeUnknown):
            await client.create_task(draft, idempotency_key="k1")
    assert trickling.connections == 1


async def test_the_user_can_cancel_a_trickling_read_and_nothing_is_tried_again() -> None:
    with SlowServer(["trickle", "ok"]) as server:
        async with TasksClient(server.url, KEY, deadline=30.0, retry_base_delay=0.01) as client:
            waiting = asyncio.ensure_future(client.get_task("7"))
            await wait_until(lambda: server.connections == 1, what="the read to start")
            waiting.cancel()
            with pytest.raises(asyncio.CancelledError):
                await waiting
            # The abandoned connection is closed, not left trickling in the background.
            await wait_until(lambda: server.hung_up == 1, what="the client to hang up")
            assert server.connections == 1
            # The client still works for the next call (which gets the script's "ok").
            task = await client.get_task("7")
        assert task.title == "Logo"
        assert server.connections == 2


async def test_the_user_can_cancel_during_the_wait_between_attempts() -> None:
    with SlowServer(["503", "ok"]) as server:
        async with TasksClient(server.url, KEY, deadline=120.0, retry_base_delay=20.0) as client:
            waiting = asyncio.ensure_future(client.get_task("7"))
            await wait_until(lambda: server.connections == 1, what="the first attempt")
            await asyncio.sleep(0.05)  # let the client take the 503 and start waiting
            waiting.cancel()
            with pytest.raises(asyncio.CancelledError):
                await waiting
            assert waiting.cancelled()
            assert server.connections == 1  # the retry never started
            assert (await client.get_task("7")).id == "7"
        assert server.connections == 2
