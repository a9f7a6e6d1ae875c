"""What the task's state says about an unsure approve, request for changes, problem report, cancel or
answer (the action journal's checking loop, :func:`app.actions.check_until_settled`).

Each function reads the task as AITasker shows it now (its status, and what it records: who
approved, the requests for changes, the question's state, the delivery's number) and answers with
a :class:`app.actions.Verdict`; it never sends anything. What the task was like when the action was
recorded is in the entry's params (``delivery``, ``revisions``), so a later step is told apart from
the one the person asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from app.actions import Action, JournalEntry, Phase, Verdict
from app.tasks import life

if TYPE_CHECKING:
    from app.api.schema import Task

ENDED_BEFORE_CHOICE = ("expired", "cancelled")


def _number(entry: JournalEntry, name: str) -> int | None:
    value = entry.params.get(name)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def approve(entry: JournalEntry, task: Task) -> Verdict:
    if task.status == "completed":
        who = life.approved_by(task) or life.last_step_by(task, "completed")
        if who == "automatic":
            return Verdict.RULED_OUT  # the approval period ran out first: the work was approved without it
        return Verdict.HAPPENED  # approved, and only this person approves
    if life.is_delivered(task):
        before = _number(entry, "delivery")
        now = life.delivery_number(task)
        if before is not None and now is not None and now != before:
            return Verdict.RULED_OUT  # another delivery since: that one was not approved
        return Verdict.NO_SIGN
    if task.status in life.DISPUTED or task.status in life.WORKING_AFTER_CHOICE or task.status in ENDED_BEFORE_CHOICE:
        return Verdict.RULED_OUT
    return Verdict.NO_SIGN


def revision(entry: JournalEntry, task: Task) -> Verdict:
    before, now = _number(entry, "revisions"), life.revisions_asked(task)
    if before is not None and now is not None and now > before:
        return Verdict.HAPPENED
    delivered_before, delivered_now = _number(entry, "delivery"), life.delivery_number(task)
    if delivered_before is not None and delivered_now is not None and delivered_now > delivered_before:
        return Verdict.HAPPENED  # the changed work has even come already
    if task.status in life.WORKING_AFTER_CHOICE:
        return Verdict.HAPPENED  # from delivered, only a request for changes sends it back to work
    if task.status == "completed" or task.status in life.DISPUTED or task.status in ENDED_BEFORE_CHOICE:
        return Verdict.RULED_OUT
    return Verdict.NO_SIGN


def dispute(entry: JournalEntry, task: Task) -> Verdict:
    if task.status in life.DISPUTED or life.extra(task, "dispute"):
        return Verdict.HAPPENED
    if task.status == "completed" or task.status in life.WORKING_AFTER_CHOICE or task.status in ENDED_BEFORE_CHOICE:
        return Verdict.RULED_OUT
    return Verdict.NO_SIGN


def cancel(entry: JournalEntry, task: Task) -> Verdict:
    if task.status == "cancelled":
        return Verdict.HAPPENED
    if task.status not in life.BEFORE_CHOICE:
        return Verdict.RULED_OUT  # chosen, delivered, expired…: past cancelling
    return Verdict.NO_SIGN


def answer(entry: JournalEntry, task: Task) -> Verdict:
    question = life.question_of(task)
    if question is not None and question.answer:
        return Verdict.HAPPENED
    answered = entry.params.get("question")
    if entry.phase == Phase.DONE and question is not None and isinstance(answered, str) and answered:
        if question.text != answered:
            return Verdict.HAPPENED  # AITasker took that answer, and the agent has asked something else since
    if question is not None and question.went_on_without:
        return Verdict.RULED_OUT
    if task.is_final or task.status in life.DISPUTED:
        return Verdict.RULED_OUT
    return Verdict.NO_SIGN


VERDICTS: dict[Action, Callable[[JournalEntry, Task], Verdict]] = {
    Action.APPROVE: approve,
    Action.REVISION: revision,
    Action.DISPUTE: dispute,
    Action.CANCEL: cancel,
    Action.ANSWER: answer,
}
