"""What a task says happened to it beyond ``TaskResponse``: who approved it, what money moved, the
steps it went through. Read from the fields a server adds (``approved_by``, ``price_usd``,
``paid_usd``, ``refunded_usd``, ``agent_name``, ``history``), each only when it is there and makes
sense: an unknown or odd value is left out, so the window says less rather than something untrue.
"""

from __future__ import annotations

import math
from datetime import datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from app.api.contract import aware, status_info
from app.translatable import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from app.api.schema import Task

# Who took a step, as the server says it (``by`` in the history, ``approved_by``), in words.
BY_WHOM: dict[str, str] = {
    "buyer": QT_TRANSLATE_NOOP("messages", "by you"),
    "agent": QT_TRANSLATE_NOOP("messages", "by the agent"),
    "automatic": QT_TRANSLATE_NOOP("messages", "automatically"),
}
# What "completed" means, by who approved the work.
APPROVED: dict[str, str] = {
    "buyer": QT_TRANSLATE_NOOP("messages", "You approved the work."),
    "automatic": QT_TRANSLATE_NOOP(
        "messages", "The work was approved automatically: the time to look at it and approve it ended."
    ),
}


class Step(NamedTuple):
    status: str
    at: datetime | None
    by: str  # "buyer", "agent", "automatic", or "" when not said


class Outcome(NamedTuple):
    approved_by: str  # "buyer", "automatic", or "" (not said, or a value the app does not know)
    agent_name: str
    price: float | None  # the chosen version's price
    paid: float | None
    refunded: float | None
    history: list[Step]


def _amount(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if math.isfinite(value) and value >= 0 else None


def _moment(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return aware(datetime.fromisoformat(value.replace("Z", "+00:00")))
    except ValueError:
        return None


def _steps(value: Any) -> list[Step]:
    if not isinstance(value, list):
        return []
    steps = []
    for item in value:
        if isinstance(item, dict) and isinstance(item.get("status"), str) and item["status"]:
            by = item.get("by")
            steps.append(Step(item["status"], _moment(item.get("at")), by if by in BY_WHOM else ""))
    return steps


def outcome(task: Task) -> Outcome:
    """What ``task`` says happened to it (nothing, for a server that says nothing more)."""
    extra = task.model_extra or {}
    approved_by = extra.get("approved_by")
    agent = extra.get("agent_name")
    return Outcome(
        approved_by=approved_by if approved_by in APPROVED and task.status == "completed" else "",
        agent_name=agent.strip() if isinstance(agent, str) else "",
        price=_amount(extra.get("price_usd")),
        paid=_amount(extra.get("paid_usd")),
        refunded=_amount(extra.get("refunded_usd")),
        history=_steps(extra.get("history")),
    )


def explanation(task: Task) -> str:
    """The status in a sentence that says who did what, as far as the task says it: "You approved
    the work." only when it says the buyer approved it; otherwise the status's own words."""
    said = outcome(task).approved_by
    if said:
        return translate("messages", APPROVED[said])
    return translate("messages", status_info(task.status).explanation)
