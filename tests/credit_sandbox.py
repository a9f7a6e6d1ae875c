"""A sandbox with credit, for the money tests: the real sandbox's own credit (``SandboxConfig.credit``,
``--credit``) where it has one; otherwise the same contract added to it here (api notes §3.7): a
balance per server starting at $10 plus ``credit``, ``GET /api/v1/a2a/credits/balance``, a post
larger than the balance refused with 402 and ``amount_usd``/``current_balance_usd``/``topup_url``,
and ``POST /api/v1/a2a/credits/topup`` adding ``amount_usd``. ``balance_endpoint=False`` makes a
server that has no balance endpoint at all."""

from __future__ import annotations

import dataclasses
import json
import threading
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse

from app.money import BALANCE_PATH, TOPUP_PATH
from app.sandbox import SandboxConfig, SandboxServer
from app.sandbox.service import DEMO_API_KEY

FREE_CREDIT_USD = 10.0


def sandbox_has_credit() -> bool:
    return any(f.name == "credit" for f in dataclasses.fields(SandboxConfig))


class _Credit:
    def __init__(self, start: float) -> None:
        self.balance = start
        self.deposited = start
        self.lock = threading.Lock()


def _add_credit(app: FastAPI, start: float) -> None:
    credit = _Credit(start)

    def answer(request: Request) -> dict[str, Any]:
        return {
            "caller_id": "00000000-0000-4000-8000-000000000001",
            "balance_usd": round(credit.balance, 2),
            "total_deposited_usd": round(credit.deposited, 2),
            "total_spent_usd": 0.0,
        }

    async def balance(request: Request) -> JSONResponse:
        return JSONResponse(answer(request))

    async def top_up(request: Request) -> JSONResponse:
        raw = await request.body()
        amount = float(json.loads(raw or b"{}").get("amount_usd", 0))
        with credit.lock:
            credit.balance += amount
            credit.deposited += amount
        return JSONResponse(answer(request))

    app.add_api_route(BALANCE_PATH, balance, methods=["GET"])
    app.add_api_route(TOPUP_PATH, top_up, methods=["POST"])

    @app.middleware("http")
    async def refuse_without_credit(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        if request.method != "POST" or request.url.path != "/api/v1/tasks":
            return await call_next(request)
        try:
            budget = float(json.loads(await request.body()).get("budget_usd"))
        except (ValueError, TypeError, AttributeError):
            return await call_next(request)
        with credit.lock:
            if budget > credit.balance + 1e-9:
                return JSONResponse(
                    {
                        "detail": f"Not enough credit: this task needs ${budget:.2f}.",
                        "amount_usd": budget,
                        "current_balance_usd": round(credit.balance, 2),
                        "topup_url": f"{str(request.base_url).rstrip('/')}{TOPUP_PATH}",
                    },
                    status_code=402,
                )
            credit.balance -= budget  # held at once, as the real credit does
        response = await call_next(request)
        if not 200 <= response.status_code < 300:
            with credit.lock:
                credit.balance += budget
        return response


def _without_balance(app: FastAPI) -> None:
    app.state.credit_asked = 0  # how often something asked for a credit path (answered 404)

    @app.middleware("http")
    async def no_such_endpoint(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        if request.url.path.startswith("/api/v1/a2a/credits"):
            app.state.credit_asked += 1
            return JSONResponse({"detail": "Not Found"}, status_code=404)
        return await call_next(request)


def credit_sandbox(credit: float, *, balance_endpoint: bool = True) -> SandboxServer:
    """A sandbox (not started) whose account has $10 plus ``credit``; or, with
    ``balance_endpoint=False``, one that knows nothing of credit (404 for its paths)."""
    if sandbox_has_credit():
        server = SandboxServer(SandboxConfig(seed=1, credit=credit))  # type: ignore[call-arg]
    else:
        server = SandboxServer(SandboxConfig(seed=1))
        if balance_endpoint:
            _add_credit(server.app, FREE_CREDIT_USD + credit)
    if not balance_endpoint:
        _without_balance(server.app)
    return server


def top_up(server: SandboxServer, amount: float) -> None:
    """Add credit as the top-up page does (a POST with the amount)."""
    answer = httpx.post(
        server.url + TOPUP_PATH,
        json={"amount_usd": amount},
        headers={"Authorization": f"Bearer {DEMO_API_KEY}"},
        timeout=10,
    )
    answer.raise_for_status()
