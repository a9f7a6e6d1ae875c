"""A wake-up call for background loops: ``wait(timeout)`` returns when ``set()`` is called or the
time is up, whichever comes first.

It is :class:`asyncio.Event` with :func:`asyncio.timeout` around the wait, both in the current
task. Not ``asyncio.wait_for(event.wait(), timeout)``: on Python 3.11 that runs the wait in an
inner task and can lose a cancellation that arrives as the inner task finishes, which left the
app's shutdown waiting forever on a qasync loop in our tests.
"""

from __future__ import annotations

import asyncio

# The longest single wait: a longer one ends after this and the caller looks again. Under qasync a
# wait of over about 24.8 days overflows the Qt timer beneath it and raises OverflowError.
LONGEST_WAIT = 24 * 3600.0


class Wakeup(asyncio.Event):
    async def wait(self, timeout: float | None = None) -> bool:  # type: ignore[override]  # noqa: ASYNC109
        """True when woken by :meth:`set`, False when the time ran out (or :data:`LONGEST_WAIT` did).
        A set stays set until :meth:`clear`, so a wake-up given before the wait is never lost."""
        if timeout is None:
            return await super().wait()
        try:
            async with asyncio.timeout(min(LONGEST_WAIT, max(0.0, timeout))):
                return await super().wait()
        except TimeoutError:
            return False
