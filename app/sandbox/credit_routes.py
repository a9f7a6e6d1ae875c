"""Credit: the balance (``GET /api/v1/a2a/credits/balance``) and the top-up page, which adds
credit on a POST (the amount in a form field or in JSON)."""

import json
import math
from collections.abc import Callable
from html import escape
from typing import Annotated, Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Depends, Header, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from app.sandbox.accounts import Account
from app.sandbox.credit import MAX_TOPUP_USD, TOPUP_PATH, balance_answer, ledger
from app.sandbox.tasks import TaskBook

TOPUP_BODY = {
    "type": "object",
    "properties": {
        "amount_usd": {"type": "number", "exclusiveMinimum": 0, "maximum": MAX_TOPUP_USD},
        "caller_id": {"type": "string", "description": "whose credit, when no Bearer key is sent (the page's form)"},
    },
    "required": ["amount_usd"],
}


def _page(title: str, body: str) -> HTMLResponse:
    return HTMLResponse(
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title></head>'
        f"<body><h1>{escape(title)}</h1>{body}</body></html>"
    )


def _invalid(field: str, message: str, value: Any) -> HTTPException:
    return HTTPException(422, detail=[{"loc": ["body", field], "msg": message, "type": "value_error", "input": value}])


def _amount(fields: dict[str, Any]) -> float:
    raw = fields.get("amount_usd", fields.get("amount"))
    try:
        amount = float(raw)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise _invalid("amount_usd", "Input should be a valid number", raw) from None
    if not math.isfinite(amount) or amount <= 0 or amount > MAX_TOPUP_USD:
        raise _invalid("amount_usd", f"Input should be greater than 0 and at most {MAX_TOPUP_USD:g}", raw)
    return round(amount, 2)


def credit_routes(book: TaskBook, caller: Callable[..., Account]) -> APIRouter:
    router = APIRouter()
    accounts = book.accounts
    Caller = Annotated[Account, Depends(caller)]

    def whose(authorization: str | None, caller_id: str | None) -> Account:
        """The Bearer key's account; else the one named by caller_id (a browser sends no key);
        else the only one."""
        account = accounts.from_header(authorization)
        if account is None and caller_id:
            account = accounts.by_user(caller_id)
            if account is None:
                raise HTTPException(404, "No such account")
        if account is None and len(accounts.all) == 1:
            account = accounts.main
        if account is None:
            raise HTTPException(401, "Not authenticated", headers={"WWW-Authenticate": "Bearer"})
        return account

    @router.get("/api/v1/a2a/credits/balance", operation_id="get_credit_balance")
    async def balance(request: Request, account: Caller) -> dict[str, Any]:
        """The caller's credit: what can still be spent, what was put in, what was paid."""
        with book.lock:
            return balance_answer(account, ledger(book, account), str(request.base_url))

    @router.get(TOPUP_PATH, operation_id="credit_topup_page", response_class=HTMLResponse)
    async def topup_page(
        request: Request, caller_id: str | None = None, authorization: str | None = Header(default=None)
    ) -> HTMLResponse:
        """A page with a form that adds credit (for a person, in a browser)."""
        account = whose(authorization, caller_id)
        with book.lock:
            money = ledger(book, account)
        return _page(
            "Add credit (sandbox)",
            f"<p>Your credit: ${money.balance:.2f}</p>"
            f'<form method="post" action="{TOPUP_PATH}">'
            f'<input type="hidden" name="caller_id" value="{escape(account.user_id)}">'
            '<label>Amount in USD <input name="amount_usd" type="number" min="0.01" step="0.01" value="20"></label> '
            '<button type="submit">Add credit</button></form>'
            "<p>This is a practice server: no money moves.</p>",
        )

    @router.post(TOPUP_PATH, operation_id="top_up_credit", openapi_extra={"requestBody": _topup_request_body()})
    async def top_up(request: Request, authorization: str | None = Header(default=None)) -> Response:
        """Add credit: ``amount_usd`` as JSON or as a form field; the answer is the new balance
        (JSON), or a page for a form sent from a browser."""
        raw = await request.body()
        is_form = "form" in request.headers.get("content-type", "")
        try:
            fields: Any = (
                {k: v[0] for k, v in parse_qs(raw.decode(), keep_blank_values=True).items()}
                if is_form
                else (json.loads(raw) if raw.strip() else {})
            )
        except (ValueError, UnicodeDecodeError):
            raise HTTPException(
                422, detail=[{"loc": ["body"], "msg": "JSON decode error", "type": "json_invalid"}]
            ) from None
        if not isinstance(fields, dict):
            raise HTTPException(
                422, detail=[{"loc": ["body"], "msg": "Input should be an object", "type": "dict_type"}]
            )
        amount = _amount(fields)
        caller_id = fields.get("caller_id") or request.query_params.get("caller_id")
        account = whose(authorization, str(caller_id) if caller_id else None)
        with book.lock:
            account.deposited = round(account.deposited + amount, 2)
            answer = balance_answer(account, ledger(book, account), str(request.base_url))
        if is_form:
            return _page(
                "Credit added (sandbox)",
                f"<p>Added ${amount:.2f}. Your credit is now ${answer['balance_usd']:.2f}.</p>"
                f'<p><a href="{TOPUP_PATH}?caller_id={escape(account.user_id)}">Add more</a></p>',
            )
        return JSONResponse({**answer, "added_usd": amount})

    return router


def _topup_request_body() -> dict[str, Any]:
    return {
        "required": True,
        "content": {
            "application/json": {"schema": TOPUP_BODY},
            "application/x-www-form-urlencoded": {"schema": TOPUP_BODY},
        },
    }
