"""What one send of the outbox came to (:class:`SendResult`), and whether a created task answers the
draft that was sent (:func:`answers_for`). Used through :mod:`app.outbox`."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from app.store.drafts_table import DraftState

if TYPE_CHECKING:
    from app.api.errors import ApiError
    from app.api.schema import Task, TaskDraft


class SendState(StrEnum):
    """Where one send ended: the draft's new state, or created (the draft is gone)."""

    CREATED = "created"
    GONE = "gone"  # the draft was removed before it could be sent
    DRAFT = DraftState.DRAFT.value
    WAITING = DraftState.WAITING.value
    SENDING = DraftState.SENDING.value
    UNKNOWN = DraftState.UNKNOWN.value
    CREDIT = DraftState.CREDIT.value


CREATED = SendState.CREATED
GONE = SendState.GONE


@dataclass
class SendResult:
    """What happened to one send. ``state`` is the draft's new state, created, or gone.

    ``other_task`` is set when the server answered with a task that is not what was sent (the
    draft then stays a draft, with its text)."""

    state: SendState | DraftState
    task: Task | None = None
    error: ApiError | None = None
    field_errors: dict[str, list[str]] = field(default_factory=dict)
    other_task: Task | None = None

    def __post_init__(self) -> None:
        self.state = SendState(self.state)


def answers_for(draft: TaskDraft, task: Task) -> bool:
    """Whether a created ``task`` is plausibly the one ``draft`` asked for. A server may answer a
    reused idempotency key with the task it made for it earlier; then what was just sent was not
    posted. Fields the server left empty are not compared; spacing is ignored."""

    def words(text: str | None) -> str:
        return " ".join((text or "").split())

    if draft.title and task.title and words(draft.title) != words(task.title):
        return False
    if task.description and words(draft.description) != words(task.description):
        return False
    if task.budget_usd is not None and abs(task.budget_usd - draft.budget_usd) >= 0.005:
        return False
    return not (task.category and task.category != draft.category)
