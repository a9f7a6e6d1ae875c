"""A task's life after the buyer chose a version, on the sandbox's compressed clock.

    delivering ──(half the work done, some tasks)──▶ input_required ──(answer, or no answer
        │                                                                in time)──▶ delivering
        └──(work done)──▶ delivered ──(approve)──────────────▶ completed (approved by the buyer)
                              ├──(no answer in the approval period)──▶ completed (automatically)
                              ├──(request revision)──▶ delivering ──▶ delivered (a new delivery)
                              └──(dispute)──▶ disputed

The agent's own steps (a question, a delivery, an automatic approval) happen at times that follow
from the buyer's steps; they are written down (with the time they happened, not the time they
were noticed) whenever the task is read, so nothing runs in the background and a read at any
later moment tells the same story.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field
from typing import Any

from app.sandbox.config import SandboxConfig

QUESTIONS = [
    "Which colours should the final version use: the ones in the version you chose, or your own?",
    "Who will mostly read or see this: customers, your team, or someone else?",
    "Is there a word, name or slogan that must appear exactly as you write it?",
    "Do you prefer the final version simpler or more detailed than the one you chose?",
]


def asks_a_question(title: str, share: float) -> bool:
    """Whether this task's agent asks the buyer something: decided by the title alone (the same
    tasks in every run); ``share`` 0 never, 1 always."""
    if share <= 0:
        return False
    digest = hashlib.sha256(f"question:{title}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64 < share


def delivery_id(task_id: str, number: int) -> str:
    return str(uuid.UUID(bytes=hashlib.sha256(f"{task_id}:delivery:{number}".encode()).digest()[:16]))


@dataclass
class Delivery:
    id: str
    number: int  # 1 for the first delivery, 2 after the first revision, ...
    delivered_at: float
    note: str  # the agent's words with it


@dataclass
class Question:
    text: str
    asked_at: float
    answer: str | None = None
    answered_at: float | None = None
    went_on_without: bool = False  # no answer came in time: the agent went on with its best guess


@dataclass
class Life:
    task_id: str
    bid: dict[str, Any]  # the chosen version (id, agent_name, bid_price_usd, …)
    asks: bool
    status: str = "delivering"
    since: float = 0.0  # real clock time of the current status
    work_left: float = 0.0  # real seconds of work before the next delivery
    steps: list[dict[str, Any]] = field(default_factory=list)  # {"status", "at", "by"?}
    deliveries: list[Delivery] = field(default_factory=list)
    question: Question | None = None
    revision_requests: list[tuple[str, float]] = field(default_factory=list)
    dispute: tuple[str, float] | None = None
    approved_by: str | None = None  # "buyer" | "automatic"

    @classmethod
    def start(cls, task_id: str, bid: dict[str, Any], now: float, cfg: SandboxConfig, *, asks: bool) -> Life:
        life = cls(task_id=task_id, bid=bid, asks=asks)
        life._move("delivering", now, "buyer", work=cfg.delivery_seconds / cfg.speed)
        return life

    @property
    def price(self) -> float:
        return float(self.bid.get("bid_price_usd") or 0.0)

    @property
    def latest(self) -> Delivery | None:
        return self.deliveries[-1] if self.deliveries else None

    def _move(self, status: str, at: float, by: str, *, work: float | None = None) -> None:
        self.status, self.since = status, at
        if work is not None:
            self.work_left = work
        self.steps.append({"status": status, "at": at, "by": by})

    # --- the agent's side and the clock ---------------------------------------------------

    def next_deadline(self, cfg: SandboxConfig) -> float:
        """When the current status ends by itself (the next delivery, the answer's or the
        approval's deadline); the moment it began for a status that does not end by itself."""
        if self.status == "delivering":
            if self._question_due():
                return self.since + self.work_left / 2
            return self.since + self.work_left
        if self.status == "input_required":
            return self.since + cfg.answer_seconds / cfg.speed
        if self.status == "delivered":
            return self.since + cfg.approval_seconds / cfg.speed
        return self.since

    def shown_deadline(self, cfg: SandboxConfig) -> float:
        """The task's expires_at: when the final work is expected (a question on the way is not
        announced), the answer's or the approval's deadline, or when a final status began."""
        if self.status == "delivering":
            return self.since + self.work_left
        return self.next_deadline(cfg)

    def _question_due(self) -> bool:
        return self.asks and self.question is None and not self.deliveries

    def advance(self, now: float, cfg: SandboxConfig) -> None:
        """Write down every step the agent or the clock took up to ``now``."""
        while self.status in ("delivering", "input_required", "delivered"):
            at = self.next_deadline(cfg)
            if at > now:
                return
            if self.status == "delivering" and self._question_due():
                self.work_left -= at - self.since
                index = int.from_bytes(hashlib.sha256(self.task_id.encode()).digest()[:2], "big") % len(QUESTIONS)
                self.question = Question(QUESTIONS[index], at)
                self._move("input_required", at, "agent")
            elif self.status == "delivering":
                self._deliver(at)
            elif self.status == "input_required":
                assert self.question is not None
                self.question.went_on_without = True
                self._move("delivering", at, "agent")
            else:
                self.approved_by = "automatic"
                self._move("completed", at, "automatic")

    def _deliver(self, at: float) -> None:
        number = len(self.deliveries) + 1
        self.deliveries.append(Delivery(delivery_id(self.task_id, number), number, at, self.note(number)))
        self._move("delivered", at, "agent")

    def note(self, number: int) -> str:
        """The agent's words with delivery ``number`` (after ``number - 1`` requests for changes)."""
        if number == 1 or len(self.revision_requests) < number - 1:
            return "Here is the final version, with everything you need to use it."
        return f"Here is version {number}, changed as you asked: “{self.revision_requests[number - 2][0][:200]}”"

    # --- the buyer's side (the caller checked the status first) ---------------------------

    def answer(self, text: str, now: float) -> None:
        assert self.question is not None
        self.question.answer, self.question.answered_at = text, now
        self._move("delivering", now, "buyer")

    def approve(self, now: float) -> None:
        self.approved_by = "buyer"
        self._move("completed", now, "buyer")

    def request_revision(self, message: str, now: float, cfg: SandboxConfig) -> None:
        self.revision_requests.append((message, now))
        self._move("delivering", now, "buyer", work=cfg.revision_seconds / cfg.speed)

    def open_dispute(self, message: str, now: float) -> None:
        self.dispute = (message, now)
        self._move("disputed", now, "buyer")
