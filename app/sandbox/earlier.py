"""Tasks of an earlier run (demo mode looks them up in the app's store): a task whose version was
chosen comes back with its life as the app last saw it (its steps, deliveries, question, requests
for changes, dispute, approval), so a delivery that waited for approval still waits, with the
same files, instead of turning into a completed task nobody approved."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.sandbox.life import Delivery, Life, Question, delivery_id

AFTER_CHOICE = ("delivering", "input_required", "delivered", "completed", "disputed")


def timestamp(value: Any) -> float | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
    except ValueError:
        return None


def revive(body: dict[str, Any]) -> Life | None:
    """The life of a task saved after its choice; None when the body does not tell it (a task
    saved before the sandbox modelled it, or anything unreadable)."""
    status, task_id, bid_id = body.get("status"), body.get("id"), body.get("selected_bid_id")
    history = body.get("history")
    if status not in AFTER_CHOICE or not isinstance(bid_id, str) or not isinstance(history, list):
        return None
    chosen_at = next(
        (n for n, step in enumerate(history) if isinstance(step, dict) and step.get("status") == "delivering"), None
    )
    if chosen_at is None:
        return None
    steps: list[dict[str, Any]] = []
    for step in history[chosen_at:]:
        at = timestamp(step.get("at")) if isinstance(step, dict) else None
        if at is None:
            return None
        steps.append({"status": str(step.get("status")), "at": at, "by": str(step.get("by") or "agent")})
    question = _question(body.get("input_request"))
    life = Life(
        task_id=str(task_id),
        bid={"id": bid_id, "agent_name": body.get("agent_name"), "bid_price_usd": body.get("price_usd")},
        asks=question is not None,
        status=steps[-1]["status"],
        since=steps[-1]["at"],
        steps=steps,
        question=question,
        approved_by=body.get("approved_by") if isinstance(body.get("approved_by"), str) else None,
    )
    if life.status != status:
        return None
    for request in body.get("revision_requests") or []:
        at = timestamp(request.get("requested_at")) if isinstance(request, dict) else None
        if at is None:
            return None
        life.revision_requests.append((str(request.get("message") or ""), at))
    delivered = [step["at"] for step in steps if step["status"] == "delivered"]
    for number, at in enumerate(delivered, start=1):
        life.deliveries.append(Delivery(delivery_id(life.task_id, number), number, at, life.note(number)))
    dispute = body.get("dispute")
    if isinstance(dispute, dict) and (opened := timestamp(dispute.get("opened_at"))) is not None:
        life.dispute = (str(dispute.get("message") or ""), opened)
    if status == "delivering":  # the work goes on until the delivery the task expected
        life.work_left = max(0.0, (timestamp(body.get("expires_at")) or life.since) - life.since)
    return life


def _question(data: Any) -> Question | None:
    if not isinstance(data, dict) or (asked := timestamp(data.get("asked_at"))) is None:
        return None
    answer = data.get("answer") if isinstance(data.get("answer"), str) else None
    return Question(
        str(data.get("question") or ""),
        asked,
        answer=answer,
        answered_at=timestamp(data.get("answered_at")),
        went_on_without=data.get("state") == "went_on_without_answer",
    )
