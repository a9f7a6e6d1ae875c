"""What a task says about its life around the choice, read tolerantly from the fields a server adds
beyond ``TaskResponse`` (the sandbox's: ``input_request``, ``delivery``, ``revision_requests``,
``revisions_remaining``, ``agent_name``, ``price_usd``, ``paid_usd``, ``refunded_usd``,
``approved_by``, ``history``). Each reader answers None (or nothing) when the task does not say it,
or says it in a shape that makes no sense: the app then says less rather than something untrue.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from app.amounts import amount as read_amount
from app.api.contract import aware

if TYPE_CHECKING:
    from app.api.schema import Task

BEFORE_CHOICE = ("open", "matching", "prototyping", "review")
# The final work is in and waits for the person (the sandbox says "delivered"; other plausible words).
DELIVERED = ("delivered", "awaiting_approval", "pending_approval", "delivery_ready", "ready_for_approval")
# The agent waits for the person's answer.
WAITING_FOR_ANSWER = (
    "input_required", "needs_input", "awaiting_input", "waiting_for_input", "waiting_on_buyer", "question",
)  # fmt: skip
WORKING_AFTER_CHOICE = ("delivering", "revision_requested", "in_revision", "revising")
DISPUTED = ("disputed", "dispute", "in_dispute")
# The task waits for the person: a version to choose, a question to answer, final work to approve.
WAITS_FOR_YOU = ("review", *DELIVERED, *WAITING_FOR_ANSWER)
# The question's states that mean it still waits (sandbox: "waiting"; else plausible words).
_OPEN_QUESTION = ("waiting", "open", "pending", "asked", "unanswered", "")
_ANSWERED = ("answered", "resolved", "closed")


class Question(NamedTuple):
    text: str
    asked_at: datetime | None
    answer_by: datetime | None
    waiting: bool  # it still waits for the person's answer
    answer: str  # the answer AITasker recorded ("" none)
    went_on_without: bool  # the agent went on without an answer


class Step(NamedTuple):
    status: str
    at: datetime | None
    by: str  # "buyer", "agent", "automatic", or "" when not said


def extra(task: Task, name: str) -> Any:
    return (task.model_extra or {}).get(name)


def moment(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return aware(datetime.fromisoformat(value.strip().replace("Z", "+00:00")))
    except ValueError:
        return None


def amount(value: Any) -> float | None:
    """A sum of money that makes sense (finite, not negative, not absurdly large), rounded to cents;
    None otherwise. A server may write it as a decimal in text ("40.00"): read as the number it says."""
    return read_amount(value)


def _text(value: Any, limit: int = 5000) -> str:
    return value.strip()[:limit] if isinstance(value, str) else ""


def waits_for_answer(task: Task) -> bool:
    question = question_of(task)
    return task.status in WAITING_FOR_ANSWER or (question is not None and question.waiting and not task.is_final)


def is_delivered(task: Task) -> bool:
    return task.status in DELIVERED


def question_of(task: Task) -> Question | None:
    """The agent's question, from ``input_request`` (the sandbox's), ``question``, ``pending_question``
    or the last of ``questions``; None when the task carries none."""
    raw: Any = None
    for name in ("input_request", "pending_question", "question", "input_required"):
        value = extra(task, name)
        if isinstance(value, (dict, str)) and value:
            raw = value
            break
    if raw is None:
        questions = extra(task, "questions")
        if isinstance(questions, list) and questions and isinstance(questions[-1], (dict, str)):
            raw = questions[-1]
    if raw is None:
        return None
    if isinstance(raw, str):
        return Question(raw.strip()[:5000], None, None, task.status in WAITING_FOR_ANSWER, "", False)
    text = _text(raw.get("question")) or _text(raw.get("text")) or _text(raw.get("message"))
    if not text:
        return None
    state = _text(raw.get("state") or raw.get("status"), 100).lower()
    answer = _text(raw.get("answer"))
    went_on = state in ("went_on_without_answer", "expired", "skipped", "timed_out")
    waiting = not answer and not went_on and state not in _ANSWERED and state in _OPEN_QUESTION
    if task.status not in WAITING_FOR_ANSWER and not state:
        waiting = False  # a question with no state on a task that no longer waits: history
    return Question(
        text,
        moment(raw.get("asked_at")),
        moment(raw.get("answer_by") or raw.get("deadline")),
        waiting,
        answer,
        went_on,
    )


def delivery_number(task: Task) -> int | None:
    """Which delivery of the final work the task has now (1, then 2 after changes…); None unknown."""
    delivery = extra(task, "delivery")
    number = delivery.get("number") if isinstance(delivery, dict) else extra(task, "delivery_number")
    return number if isinstance(number, int) and not isinstance(number, bool) and number >= 0 else None


def step(task: Task) -> tuple[str, int | None]:
    """Where the task is: its status and which delivery it has."""
    return task.status, delivery_number(task)


def past(said_at: tuple[str, int | None], task: Task) -> bool:
    """Whether the task has moved, since a message was said at ``said_at``, to a step that ends what it
    said ("… is finishing it now", "a new version follows"): final work, a dispute, or its end."""
    return step(task) != said_at and (task.is_final or task.status in DELIVERED or task.status in DISPUTED)


def revisions_asked(task: Task) -> int | None:
    requests = extra(task, "revision_requests")
    if isinstance(requests, list):
        return len(requests)
    used = extra(task, "revisions_used")
    return used if isinstance(used, int) and not isinstance(used, bool) and used >= 0 else None


def revisions_remaining(task: Task) -> int | None:
    left = extra(task, "revisions_remaining")
    return left if isinstance(left, int) and not isinstance(left, bool) and left >= 0 else None


def agent_name(task: Task) -> str:
    name = extra(task, "agent_name")
    return name.strip()[:200] if isinstance(name, str) else ""


def price(task: Task) -> float | None:
    """The chosen version's price: what approving pays (None when the task does not say)."""
    for name in ("price_usd", "selected_bid_price_usd", "bid_price_usd", "final_price_usd"):
        value = amount(extra(task, name))
        if value is not None:
            return value
    return None


def paid(task: Task) -> float | None:
    return amount(extra(task, "paid_usd"))


def refunded(task: Task) -> float | None:
    return amount(extra(task, "refunded_usd"))


def approved_by(task: Task) -> str:
    """ "buyer", "automatic", or "" (not said, or a word the app does not know)."""
    who = extra(task, "approved_by")
    return who if who in ("buyer", "automatic") and task.status == "completed" else ""


def history(task: Task) -> list[Step]:
    steps = extra(task, "history")
    if not isinstance(steps, list):
        return []
    found = []
    for item in steps[-200:]:
        if isinstance(item, dict) and isinstance(item.get("status"), str) and item["status"]:
            by = item.get("by")
            found.append(
                Step(item["status"], moment(item.get("at")), by if by in ("buyer", "agent", "automatic") else "")
            )
    return found


def last_step_by(task: Task, status: str) -> str:
    """Who took the last step into ``status`` ("" when the history does not say)."""
    return next((step.by for step in reversed(history(task)) if step.status == status), "")


def deadline(task: Task) -> datetime | None:
    """When the step that waits for the person ends by itself: the question's answer-by time, else
    the task's ``expires_at`` (the review's end, the approval period's end)."""
    question = question_of(task)
    if waits_for_answer(task) and question is not None and question.answer_by is not None:
        return question.answer_by
    return task.expires_at


# What "Post again" copies from a task into a new draft (issue 21): nothing else of it is the person's.
POSTED_AGAIN = ("category", "task_type", "budget_usd", "title", "description", "requirements", "experimentation")


def values_to_post_again(task: Task) -> dict[str, Any]:
    """The form's values for a new draft like ``task``: its category, type, budget, title,
    description, requirements and experimentation (what the server did not say is left out)."""
    values: dict[str, Any] = {}
    for name in POSTED_AGAIN:
        value = getattr(task, name, None)
        if value is None or value == "" or (name == "requirements" and not isinstance(value, dict)):
            continue
        values[name] = value
    return values
