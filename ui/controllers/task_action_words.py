"""What the task actions say: each action's question, its button, and what is said after it, in the
``TaskActions`` translation context. Amounts and names are filled in by the controller; an amount
it does not know is "—"."""

from __future__ import annotations

from dataclasses import dataclass

from app.actions import Action
from app.translatable import QT_TRANSLATE_NOOP
from ui.i18n import translate

CONTEXT = "TaskActions"


@dataclass(frozen=True)
class ActionWords:
    """The texts of one action (untranslated: :func:`say` translates them when shown)."""

    name: str  # the operation's name in app.tasks.operations and the button's in available()
    title: str  # the question's window title
    question: str  # "%1" the amount that moves, "%2" the agent's name or the task's title
    yes: str  # the question's button
    sending: str
    done: str
    settled_done: str  # an unsure one turned out to have happened
    settled_not_done: str  # ... not to have happened: it may be done again
    website: str  # the server does not offer it: on the website
    box: str = ""  # the text box's label, when the action carries the person's words


WORDS: dict[Action, ActionWords] = {
    Action.APPROVE: ActionWords(
        "approve",
        QT_TRANSLATE_NOOP("TaskActions", "Approve and pay"),
        QT_TRANSLATE_NOOP("TaskActions", "Approve and pay %1 to %2?"),
        QT_TRANSLATE_NOOP("TaskActions", "Approve and pay"),
        QT_TRANSLATE_NOOP("TaskActions", "Sending your approval…"),
        QT_TRANSLATE_NOOP("TaskActions", "Approved: AITasker has your approval."),
        QT_TRANSLATE_NOOP("TaskActions", "AITasker has your approval."),
        QT_TRANSLATE_NOOP("TaskActions", "Your approval did not reach AITasker."),
        QT_TRANSLATE_NOOP("TaskActions", "AITasker does not offer approving from this app."),
    ),
    Action.REVISION: ActionWords(
        "revision",
        QT_TRANSLATE_NOOP("TaskActions", "Ask for changes"),
        QT_TRANSLATE_NOOP(
            "TaskActions", "Ask %2 for changes to the final work? Nothing is paid now; approving later pays %1."
        ),
        QT_TRANSLATE_NOOP("TaskActions", "Ask for changes"),
        QT_TRANSLATE_NOOP("TaskActions", "Sending your request for changes…"),
        QT_TRANSLATE_NOOP("TaskActions", "Your request for changes was sent. A new version of the final work follows."),
        QT_TRANSLATE_NOOP("TaskActions", "AITasker has your request for changes."),
        QT_TRANSLATE_NOOP("TaskActions", "Your request for changes did not reach AITasker."),
        QT_TRANSLATE_NOOP("TaskActions", "AITasker does not offer asking for changes from this app."),
        QT_TRANSLATE_NOOP("TaskActions", "&What should change?"),
    ),
    Action.DISPUTE: ActionWords(
        "dispute",
        QT_TRANSLATE_NOOP("TaskActions", "Report a problem"),
        QT_TRANSLATE_NOOP(
            "TaskActions",
            "Report a problem with the final work of ‘%2’? Nothing is paid (the price is %1) while AITasker "
            "looks into it.",
        ),
        QT_TRANSLATE_NOOP("TaskActions", "Report the problem"),
        QT_TRANSLATE_NOOP("TaskActions", "Sending your report…"),
        QT_TRANSLATE_NOOP("TaskActions", "Your report was sent: AITasker looks into it."),
        QT_TRANSLATE_NOOP("TaskActions", "AITasker has your report."),
        QT_TRANSLATE_NOOP("TaskActions", "Your report did not reach AITasker."),
        QT_TRANSLATE_NOOP("TaskActions", "AITasker does not offer reporting a problem from this app."),
        QT_TRANSLATE_NOOP("TaskActions", "&What is wrong?"),
    ),
    Action.CANCEL: ActionWords(
        "cancel",
        QT_TRANSLATE_NOOP("TaskActions", "Cancel task"),
        QT_TRANSLATE_NOOP("TaskActions", "Cancel ‘%2’? Its budget of %1 comes back to your credit."),
        QT_TRANSLATE_NOOP("TaskActions", "Cancel task"),
        QT_TRANSLATE_NOOP("TaskActions", "Cancelling the task…"),
        QT_TRANSLATE_NOOP("TaskActions", "The task is cancelled."),
        QT_TRANSLATE_NOOP("TaskActions", "AITasker has cancelled the task."),
        QT_TRANSLATE_NOOP("TaskActions", "Your cancellation did not reach AITasker."),
        QT_TRANSLATE_NOOP("TaskActions", "AITasker does not offer cancelling a task from this app."),
    ),
    Action.ANSWER: ActionWords(
        "answer",
        QT_TRANSLATE_NOOP("TaskActions", "Answer the agent"),
        QT_TRANSLATE_NOOP("TaskActions", "%2 asks: %1"),
        QT_TRANSLATE_NOOP("TaskActions", "Send answer"),
        QT_TRANSLATE_NOOP("TaskActions", "Sending your answer…"),
        QT_TRANSLATE_NOOP("TaskActions", "Your answer was sent: the agent goes on with the work."),
        QT_TRANSLATE_NOOP("TaskActions", "AITasker has your answer."),
        QT_TRANSLATE_NOOP("TaskActions", "Your answer did not reach AITasker."),
        QT_TRANSLATE_NOOP("TaskActions", "AITasker does not offer answering the agent from this app."),
        QT_TRANSLATE_NOOP("TaskActions", "&Your answer:"),
    ),
}
# available()'s button names, by action.
BUTTONS = {
    Action.APPROVE: "approve",
    Action.REVISION: "changes",
    Action.DISPUTE: "problem",
    Action.CANCEL: "cancel",
    Action.ANSWER: "answer",
}

CHECKING = QT_TRANSLATE_NOOP("TaskActions", "Not sure it reached AITasker — checking…")
WAITING = QT_TRANSLATE_NOOP("TaskActions", "Waiting to learn whether AITasker received your last request…")
SENDING = QT_TRANSLATE_NOOP("TaskActions", "Sending…")
APPLYING = QT_TRANSLATE_NOOP("TaskActions", "Sent: AITasker is applying it.")
NO_DELIVERY = QT_TRANSLATE_NOOP("TaskActions", "There is no final work waiting for you yet.")
NO_MORE_CHANGES = QT_TRANSLATE_NOOP("TaskActions", "No more changes can be asked for on this task.")
NOT_CANCELLABLE = QT_TRANSLATE_NOOP("TaskActions", "Only a task whose version is not chosen yet can be cancelled.")
FINISHED = QT_TRANSLATE_NOOP("TaskActions", "This task is finished.")
NO_QUESTION = QT_TRANSLATE_NOOP("TaskActions", "The agent has not asked you anything.")
BUSY = QT_TRANSLATE_NOOP(
    "TaskActions",
    "Another request for this task is still waiting for AITasker's answer. Nothing more is sent until it is settled.",
)
OFFLINE = QT_TRANSLATE_NOOP(
    "TaskActions", "Can't reach AITasker, so nothing was sent. Try again when you are back online."
)
REFUSED = QT_TRANSLATE_NOOP("TaskActions", "AITasker did not accept this. %1")
MOVED_ON = QT_TRANSLATE_NOOP("TaskActions", "AITasker did not accept this: the task has moved on. It now says: %1 — %2")
NOW_SAYS = QT_TRANSLATE_NOOP("TaskActions", "AITasker now says: %1 — %2")
MOVED_WHILE_ASKING = QT_TRANSLATE_NOOP(
    "TaskActions", "The task moved on while you were deciding, so nothing was sent. AITasker now says: %1 — %2"
)
TOO_LATE = QT_TRANSLATE_NOOP("TaskActions", "The time for this ended before you confirmed, so nothing was sent.")
UNREADABLE = QT_TRANSLATE_NOOP(
    "TaskActions", "Can't learn from AITasker what this app may do here. Try again later, or finish on the website."
)
WEBSITE = QT_TRANSLATE_NOOP("TaskActions", "Finish on the AITasker website")
ON_WEBSITE = QT_TRANSLATE_NOOP("TaskActions", "You can finish it on the AITasker website.")
PAID = QT_TRANSLATE_NOOP("TaskActions", "The task is completed: %1 was paid to %2.")
RETURNED = QT_TRANSLATE_NOOP("TaskActions", "%1 came back to your credit.")
THE_AGENT = QT_TRANSLATE_NOOP("TaskActions", "the agent")
THIS_TASK = QT_TRANSLATE_NOOP("TaskActions", "this task")
CANCEL = QT_TRANSLATE_NOOP("TaskActions", "Cancel")
KEEP_TASK = QT_TRANSLATE_NOOP("TaskActions", "Keep the task")  # "no" to "Cancel task": not a second "Cancel"


def say(text: str) -> str:
    """A text of this module in the user's language."""
    return translate(CONTEXT, text)
