"""Credit: what each account may still spend, and what each task did with its money.

The model (the same words as ``app/sandbox/__init__.py``):

- An account starts with $10 (AITasker's free credit) plus the sandbox's start-up top-up.
- Posting a task holds its budget: the balance goes down by ``budget_usd`` at once; a post larger
  than the balance is refused (402: ``amount_usd``, ``current_balance_usd``, ``topup_url``).
- Cancelling (before a choice) and expiring release the hold: the whole budget comes back.
- Approving (by the buyer, or automatically at the end of the approval period) pays the chosen
  version's price; the rest of the budget (budget − price) comes back.
- A disputed task keeps its budget held (a person at AITasker would settle it; the sandbox does not).
- ``balance_usd = total_deposited_usd − total_spent_usd − held_usd``; spent is only what was paid.
- Tasks of an earlier run (demo mode takes them in from the store) were paid for then: they are
  outside this run's credit.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from fastapi.responses import JSONResponse

from app.sandbox.accounts import Account

if TYPE_CHECKING:
    from app.sandbox.tasks import StoredTask, TaskBook

SETTLED = ("completed", "cancelled", "expired")  # statuses whose money never moves again
TOPUP_PATH = "/api/v1/a2a/credits/topup"
MAX_TOPUP_USD = 10_000.0


@dataclass(frozen=True)
class Ledger:
    deposited: float
    spent: float
    held: float

    @property
    def balance(self) -> float:
        return round(self.deposited - self.spent - self.held, 2)


def _budget(stored: StoredTask) -> float:
    value = stored.body.get("budget_usd")
    return float(value) if isinstance(value, (int, float)) and math.isfinite(value) else 0.0


def spent_and_held(stored: StoredTask, status: str) -> tuple[float, float]:
    life = stored.life
    if status == "completed":
        return (life.price if life is not None else _budget(stored)), 0.0
    if status in ("cancelled", "expired"):
        return 0.0, 0.0
    return 0.0, _budget(stored)


def money_fields(stored: StoredTask, status: str) -> dict[str, Any]:
    """What a task says about its money: the chosen price, what was paid, what came back."""
    life = stored.life
    fields: dict[str, Any] = {}
    if life is not None:
        fields["price_usd"] = life.price
    if status == "completed" and life is not None:
        fields["paid_usd"] = life.price
        fields["refunded_usd"] = round(_budget(stored) - life.price, 2)
    elif status in ("cancelled", "expired"):
        fields["paid_usd"] = 0.0
        fields["refunded_usd"] = _budget(stored)
    return fields


def ledger(book: TaskBook, account: Account) -> Ledger:
    """The account's credit now (the caller holds the book's lock)."""
    spent = held = 0.0
    for stored in book.charged.get(account.user_id, []):
        settled = stored.body.get("_settled")
        if settled is None:
            status = book.status(stored)
            settled = spent_and_held(stored, status)
            if status in SETTLED:
                stored.body["_settled"] = settled
        spent += settled[0]
        held += settled[1]
    return Ledger(account.deposited, round(spent, 2), round(held, 2))


def topup_url(base_url: str, account: Account) -> str:
    return f"{base_url.rstrip('/')}{TOPUP_PATH}?caller_id={account.user_id}"


def balance_answer(account: Account, money: Ledger, base_url: str) -> dict[str, Any]:
    return {
        "caller_id": account.user_id,
        "balance_usd": money.balance,
        "total_deposited_usd": round(money.deposited, 2),
        "total_spent_usd": money.spent,
        "held_usd": money.held,
        "currency": "USD",
        "topup_url": topup_url(base_url, account),
    }


def not_enough_credit(amount: float, money: Ledger, account: Account, base_url: str) -> JSONResponse:
    """402 Payment Required, with what is needed, what there is, and where to add more."""
    return JSONResponse(
        {
            "detail": f"Not enough credit: this task needs ${amount:.2f} and your balance is ${money.balance:.2f}.",
            "error": "insufficient_credit",
            "amount_usd": amount,
            "current_balance_usd": money.balance,
            "topup_url": topup_url(base_url, account),
        },
        status_code=402,
    )
