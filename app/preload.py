"""Modules the window needs soon after its first picture, imported in a thread meanwhile.

Once the window has drawn itself, the event loop, the session and the first network call need
pydantic, httpx and the API client: importing them takes a few hundred milliseconds, which on the
GUI thread is as long a freeze. A thread imports them instead (Python hands the GUI thread its
turn every few milliseconds); when the GUI thread needs one that is still being imported, it waits
for that import alone, as it would have waited anyway. Only Qt-free modules are named here."""

from __future__ import annotations

import importlib
import logging
import threading

TLS = "app.api.tls:tls_context"  # the certificates, loaded once (tens of milliseconds)

AFTER_FIRST_PICTURE = (
    "asyncio",
    "pydantic",
    "app.api.schema:build_validators",  # (their first check would build them on the GUI thread)
    "httpx",
    "httpcore",  # httpx loads it when the first client is made, anyio and sniffio on its first request
    "sniffio",
    "anyio._backends._asyncio",
    TLS,  # (demo mode makes it once it is connected: ui/main.py)
    "app.api.client",
    "app.session",
    "app.review.service",
)

_running: list[threading.Thread] = []


def wait(timeout: float = 10.0) -> None:
    """Until the imports started last are done (at once when none were started)."""
    if _running:
        _running[-1].join(timeout)


def start(names: tuple[str, ...] = AFTER_FIRST_PICTURE) -> threading.Thread:
    """Import ``names`` in a daemon thread (errors are only logged: the importer will meet them).
    The caller may name modules of its own (the UI's: their classes, not their objects, are made
    on import, which any thread may do)."""

    def run() -> None:
        for name in names:
            module_name, _, function = name.partition(":")
            try:
                module = importlib.import_module(module_name)
                if function:
                    getattr(module, function)()
            except Exception:
                logging.getLogger(__name__).debug("preloading %s failed", name, exc_info=True)

    thread = threading.Thread(target=run, name="preload", daemon=True)
    thread.start()
    _running.append(thread)
    return thread
