"""A wake-up call for background loops: ``wait(timeout)`` returns when ``set()`` is called or the
time is up, whichever comes first.

Used instead of ``asyncio.wait_for(event.wait(), timeout)``, which on Python 3.11 runs the wait
in an inner task and can lose a cancellation that arrives as the inner task finishes; that left
the app's shutdown waiting forever on a qasync loop in our tests. Here nothing runs in another
task: one future and ``asyncio.timeout``.
"""

from __future__ import annotations

import asyncio


class Wakeup:
    def __init__(self) -> None:
        self._pending = False
        self._future: asyncio.Future[None] | None = None

    def set(self) -> None:
        self._pending = True
        if self._future is not None and not self._future.done():
            self._future.set_result(None)

    def clear(self) -> None:
        self._pending = False

    async def wait(self, timeout: float | None = None) -> bool:  # noqa: ASYNC109
        """True when woken by :meth:`set`, False when the time ran out."""
        if self._pending:
            return True
        self._future = asyncio.get_running_loop().create_future()
        try:
            if timeout is None:
                await self._future
                return True
            try:
                async with asyncio.timeout(max(0.0, timeout)):
                    await self._future
            except TimeoutError:
                return False
            return True
        finally:
            self._future = None
