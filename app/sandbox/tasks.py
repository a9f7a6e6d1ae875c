"""The sandbox's tasks: kept in memory, taken in from an earlier run, and each one's status on the
compressed clock (read from its age and the buyer's steps, so nothing runs in the background)."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from app.sandbox.accounts import Account, Accounts
from app.sandbox.config import BID_WINDOW_SECONDS, PHASES, SandboxConfig
from app.sandbox.credit import money_fields
from app.sandbox.earlier import revive
from app.sandbox.idempotency import Replays
from app.sandbox.life import Life

BEFORE_CHOICE = ("open", "matching", "prototyping", "review")
# What a task says beyond TaskResponse: worked out afresh on every read, never kept from a stored copy.
LIFE_FIELDS = (
    "history", "selected_bid_id", "agent_name", "input_request", "delivery", "revisions_remaining",
    "revision_requests", "dispute", "approved_by", "approved_at", "price_usd", "paid_usd", "refunded_usd",
)  # fmt: skip
# Known from an earlier run in one of these (without its life): its end is taken as it was.
EARLIER_ENDS = {
    "delivering": "completed",
    "input_required": "completed",
    "delivered": "completed",
    "completed": "completed",
    "cancelled": "cancelled",
    "disputed": "disputed",
}


def iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, tz=UTC).isoformat().replace("+00:00", "Z")


@dataclass
class StoredTask:
    body: dict[str, Any]  # the public fields, and the sandbox's own under names starting with "_"
    created: float  # real clock seconds

    @property
    def life(self) -> Life | None:
        life = self.body.get("_life")
        return life if isinstance(life, Life) else None


class TaskBook:
    """Every task the sandbox knows, by id; one lock for all reads and changes."""

    def __init__(self, cfg: SandboxConfig, accounts: Accounts) -> None:
        self.cfg = cfg
        self.accounts = accounts
        self.tasks: dict[str, StoredTask] = {}
        self.by_idempotency_key: dict[tuple[str, str], str] = {}
        self.replays = Replays()
        # The tasks posted in this run, per account: what its credit pays for.
        self.charged: dict[str, list[StoredTask]] = {}
        self.lock = threading.Lock()
        for body in cfg.preload:
            self.remember(body)

    def remember(self, body: dict[str, Any]) -> StoredTask | None:
        """Take in a task of an earlier run (its own clock goes on from its creation time). It
        belongs to the main account and is outside this run's credit: it was paid for then."""
        try:
            created = datetime.fromisoformat(str(body["created_at"]).replace("Z", "+00:00")).timestamp()
        except (KeyError, ValueError):
            return None
        kept = {k: v for k, v in body.items() if k not in ("status", "expires_at") and k not in LIFE_FIELDS}
        kept["_owner"] = self.accounts.main.user_id
        life = revive(body)
        if life is not None:
            kept["_life"] = life
        elif (end := EARLIER_ENDS.get(str(body.get("status")))) is not None:
            kept["_final"] = end
        stored = StoredTask(body=kept, created=created)
        self.tasks[str(body["id"])] = stored
        return stored

    def find(self, task_id: str, account: Account | None = None) -> StoredTask | None:
        """A task by id (of ``account``, when given); one known from before is taken in the first
        time it is asked for."""
        stored = self.tasks.get(task_id)
        if stored is None and self.cfg.known is not None:
            body = self.cfg.known(task_id)
            stored = self.remember(body) if body is not None else None
        if stored is not None and account is not None and stored.body.get("_owner") != account.user_id:
            return None  # another account's task is not found, as on AITasker
        return stored

    def add(self, account: Account, data: dict[str, Any], now: float) -> StoredTask:
        data["_owner"] = account.user_id
        stored = StoredTask(body=data, created=now)
        self.tasks[str(data["id"])] = stored
        self.charged.setdefault(account.user_id, []).append(stored)
        return stored

    def owned(self, account: Account) -> list[StoredTask]:
        return [t for t in self.tasks.values() if t.body.get("_owner") == account.user_id]

    # --- the clock ------------------------------------------------------------------------

    def _by_age(self, stored: StoredTask, at: float) -> tuple[str, float]:
        """(status, expires_at) from the task's age at ``at`` alone."""
        age = (at - stored.created) * self.cfg.speed
        start = 0.0
        for name, duration in PHASES:
            if name == "review":
                duration += float(stored.body.get("_extra_review", 0.0))  # review extensions granted
            end = start + duration
            if age < end:
                deadline = BID_WINDOW_SECONDS if name != "review" else end
                return name, stored.created + deadline / self.cfg.speed
            start = end
        return "expired", stored.created + start / self.cfg.speed

    def lifecycle(self, stored: StoredTask) -> tuple[str, float]:
        """Status and expires_at (real clock): the deadline of the current step (the bid window,
        the review, the delivery, the answer, the approval), or when a final status began."""
        now = self.cfg.clock()
        life = stored.life
        if life is not None:
            life.advance(now, self.cfg)
            return life.status, life.shown_deadline(self.cfg)
        status, expires = self._by_age(stored, now)
        final = stored.body.get("_final")
        if final is not None:
            return final, float(stored.body.get("_final_at", expires))
        return status, expires

    def status(self, stored: StoredTask) -> str:
        return self.lifecycle(stored)[0]

    def review_started(self, stored: StoredTask) -> float:
        return stored.created + BID_WINDOW_SECONDS / self.cfg.speed

    def history(self, stored: StoredTask, status: str) -> list[dict[str, Any]]:
        """The steps the task went through, with their times (an earlier run's end without one)."""
        life = stored.life
        final_at = stored.body.get("_final_at")
        if life is not None:
            until = float(life.steps[0]["at"])  # the choice
        else:
            until = float(final_at) if final_at is not None else self.cfg.clock()
        reached = self._by_age(stored, until)[0]
        steps: list[dict[str, Any]] = []
        for name, _ in PHASES:
            steps.append({"status": name, "at": iso(self._phase_start(stored, name))})
            if name == reached:
                break
        if life is not None:
            steps += [{**step, "at": iso(step["at"])} for step in life.steps]
        elif final_at is not None:
            steps.append({"status": status, "at": iso(float(final_at)), "by": "buyer"})
        elif status == "expired":
            steps.append({"status": status, "at": iso(self.lifecycle(stored)[1])})
        return steps

    def _phase_start(self, stored: StoredTask, name: str) -> float:
        start = 0.0
        for phase, duration in PHASES:
            if phase == name:
                break
            start += duration
        return stored.created + start / self.cfg.speed

    # --- what the API answers ------------------------------------------------------------

    def render(self, stored: StoredTask) -> dict[str, Any]:
        """The task as the API answers it (TaskResponse, and what happened since the choice)."""
        status, expires = self.lifecycle(stored)
        body = {k: v for k, v in stored.body.items() if not k.startswith("_")}
        body["status"] = status
        body["expires_at"] = iso(expires)
        life = stored.life
        if life is not None:
            body.update(life_fields(life, self.cfg))
        body.update(money_fields(stored, status))
        body["history"] = self.history(stored, status)
        return body


def life_fields(life: Life, cfg: SandboxConfig) -> dict[str, Any]:
    """What a task says about its life after the choice."""
    fields: dict[str, Any] = {"selected_bid_id": life.bid.get("id"), "agent_name": life.bid.get("agent_name")}
    if life.question is not None:
        q = life.question
        state = "answered" if q.answer is not None else "went_on_without_answer" if q.went_on_without else "waiting"
        fields["input_request"] = {
            "question": q.text,
            "asked_at": iso(q.asked_at),
            "answer_by": iso(q.asked_at + cfg.answer_seconds / cfg.speed),
            "state": state,
            "answer": q.answer,
            "answered_at": iso(q.answered_at) if q.answered_at is not None else None,
        }
    if life.latest is not None:
        fields["delivery"] = {
            "id": life.latest.id,
            "number": life.latest.number,
            "delivered_at": iso(life.latest.delivered_at),
        }
        fields["revisions_remaining"] = max(0, cfg.revisions - len(life.revision_requests))
    if life.revision_requests:
        fields["revision_requests"] = [{"message": m, "requested_at": iso(at)} for m, at in life.revision_requests]
    if life.dispute is not None:
        fields["dispute"] = {"message": life.dispute[0], "opened_at": iso(life.dispute[1])}
    if life.status == "completed":
        fields["approved_by"] = life.approved_by
        fields["approved_at"] = iso(life.since)
    return fields
