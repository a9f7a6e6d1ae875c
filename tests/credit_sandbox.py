"""Sandboxes for the money tests: the sandbox with its credit (``SandboxConfig.credit``, what
``--credit`` sets: $10 plus that much), its top-up page used as a person would, and a server that
knows nothing of credit (its credit paths answer 404, as a server without the balance endpoint)."""

from __future__ import annotations

import html
import re
from collections.abc import Awaitable, Callable

import httpx
from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse

from app.sandbox import SandboxConfig, SandboxServer


def _without_credit(app: FastAPI) -> None:
    app.state.credit_asked = 0  # how often something asked for a credit path (answered 404)

    @app.middleware("http")
    async def no_such_endpoint(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        if request.url.path.startswith("/api/v1/a2a/credits"):
            app.state.credit_asked += 1
            return JSONResponse({"detail": "Not Found"}, status_code=404)
        return await call_next(request)


def credit_sandbox(credit: float, *, balance_endpoint: bool = True) -> SandboxServer:
    """A sandbox (not started) whose account has $10 plus ``credit`` (``--credit``); with
    ``balance_endpoint=False``, one whose credit paths are not there (404)."""
    server = SandboxServer(SandboxConfig(seed=1, credit=credit))
    if not balance_endpoint:
        _without_credit(server.app)
    return server


def top_up(page: str, amount: float) -> None:
    """Add credit as a person does in the browser: open the top-up page the app opened, and send
    its form (a POST of ``amount_usd`` and the page's ``caller_id``, no API key)."""
    opened = httpx.get(page, timeout=10)
    opened.raise_for_status()
    caller = re.search(r'name="caller_id" value="([^"]*)"', opened.text)
    assert caller is not None, "the top-up page has no form"
    sent = httpx.post(
        str(httpx.URL(page).copy_with(query=None)),
        data={"amount_usd": f"{amount:.2f}", "caller_id": html.unescape(caller.group(1))},
        timeout=10,
    )
    sent.raise_for_status()
    assert "Credit added" in sent.text
