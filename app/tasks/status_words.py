"""A task's status in a sentence that says who did what, as far as the task says it (read by
:mod:`app.tasks.life`): "You approved the work." only when it says the buyer approved it;
otherwise the status's own words, which claim nothing more."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.api.contract import status_info
from app.tasks import life
from app.translatable import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from app.api.schema import Task

# Who took a step, as the server says it (``by`` in the history), in words.
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


def explanation(task: Task) -> str:
    """The status's sentence, in the user's language, saying who approved where the task says it."""
    said = life.approved_by(task)
    if said in APPROVED:
        return translate("messages", APPROVED[said])
    return translate("messages", status_info(task.status).explanation)


def by_whom(step: life.Step) -> str:
    """Who took a step, in words ("" when the history does not say)."""
    return translate("messages", BY_WHOM[step.by]) if step.by in BY_WHOM else ""
