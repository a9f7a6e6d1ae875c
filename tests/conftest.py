"""Test configuration: headless Qt, a qasync loop for GUI tests, a fresh sandbox per test."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

# Before anything imports Qt: no display needed, and qasync must pick PySide6.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["QT_API"] = "pyside6"
os.environ.pop("AITASKER_API_KEY", None)
# Never touch a developer's real keychain; tests that need a keyring install an in-memory one.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
# Never pop notifications on a developer's desktop: tests that need a bus start a private one.
os.environ["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=/nonexistent/aitasker-tests-have-no-session-bus"

import pytest

from app.sandbox import SandboxConfig, SandboxServer

TESTS = Path(__file__).parent


def _qasync_loop() -> asyncio.AbstractEventLoop:
    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    # Closing a test's window must not quit the application (and stop the loop under it).
    app.setQuitOnLastWindowClosed(False)
    return qasync.QEventLoop(app)


def pytest_asyncio_loop_factories(
    config: pytest.Config, item: pytest.Item
) -> dict[str, Callable[[], asyncio.AbstractEventLoop]]:
    """Every async test runs on the one qasync loop (the app's own kind of loop), Qt-free ones too."""
    return {"qasync": _qasync_loop}


class FakeClock:
    """A wall clock a test sets by hand (``clock.now += 60``), for the sandbox or the review alerts."""

    def __init__(self, now: float | None = None) -> None:
        import time

        self.now = time.time() if now is None else now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    """A real sandbox server on a free loopback port (fast clock off: speed 1)."""
    with SandboxServer(SandboxConfig(seed=1)) as server:
        yield server


def free_port() -> int:
    """A loopback port with nothing listening (until a test starts a server on it)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def wait_until(condition: Callable[[], object], timeout: float = 10.0, what: str = "condition") -> None:
    """Poll without blocking the running loop (safe inside async Qt tests)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            if os.environ.get("AITASKER_TEST_DEBUG"):
                for task in asyncio.all_tasks():
                    task.print_stack(limit=4)
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        await asyncio.sleep(0.01)


# The store's methods that write what a draft says (its values); the outbox may only change its state.
DRAFT_CONTENT_WRITERS = ("save_draft", "restore_draft", "duplicate_draft")


def note_content_writers(store: Any) -> list[str]:
    """From now on, the module of every caller of ``store``'s draft-content writers is appended to
    the returned list (the store's own calls between them are not noted)."""
    import sys

    callers: list[str] = []

    def noting(write: Callable[..., Any]) -> Callable[..., Any]:
        def noted(*args: Any, **kwargs: Any) -> Any:
            caller = sys._getframe(1).f_globals["__name__"]
            if caller != type(store).__module__:
                callers.append(caller)
            return write(*args, **kwargs)

        return noted

    for name in DRAFT_CONTENT_WRITERS:
        setattr(store, name, noting(getattr(store, name)))
    return callers
