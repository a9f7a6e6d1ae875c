"""What a review says in its window about what the person asked for (ui/controllers/task_review.py),
in the ``ReviewWindow`` translation context. :func:`said` makes them when they are shown, so a
message still on screen is said again in a new language."""

from __future__ import annotations

from app.translatable import QT_TRANSLATE_NOOP
from ui.i18n import Words, fill, say, translate

CONTEXT = "ReviewWindow"

NOT_LOADED = QT_TRANSLATE_NOOP("ReviewWindow", "The versions could not be loaded. %1")
TOO_LATE = QT_TRANSLATE_NOOP("ReviewWindow", "The review closed before you confirmed, so your choice was not sent.")
SENDING_CHOICE = QT_TRANSLATE_NOOP("ReviewWindow", "Sending your choice…")
CHOSEN = QT_TRANSLATE_NOOP("ReviewWindow", "You chose %1 version. %2 is finishing it now.")
NOT_SENT = QT_TRANSLATE_NOOP(
    "ReviewWindow", "Can't reach AITasker, so your choice was not sent. Try again when you are back online."
)
REFUSED = QT_TRANSLATE_NOOP("ReviewWindow", "AITasker did not accept the choice. %1")
BUSY = QT_TRANSLATE_NOOP(
    "ReviewWindow",
    "Another request for this task is still waiting for AITasker's answer. Nothing more is sent until it is settled.",
)
CHECKING_CHOICE = QT_TRANSLATE_NOOP("ReviewWindow", "Not sure your choice reached AITasker — checking…")
CHECKING_REQUEST = QT_TRANSLATE_NOOP("ReviewWindow", "Not sure your request reached AITasker — checking…")
HAS_CHOICE = QT_TRANSLATE_NOOP("ReviewWindow", "AITasker has your choice.")
HAS_REQUEST = QT_TRANSLATE_NOOP("ReviewWindow", "AITasker has your request.")
CHOICE_LOST = QT_TRANSLATE_NOOP("ReviewWindow", "Your choice did not reach AITasker. You can choose again.")
REQUEST_LOST = QT_TRANSLATE_NOOP("ReviewWindow", "Your request did not reach AITasker. You can ask again.")
MORE_TIME_UNTIL = QT_TRANSLATE_NOOP("ReviewWindow", "You have more time: the review now closes at %1.")
MORE_TIME = QT_TRANSLATE_NOOP("ReviewWindow", "You have more time to choose.")
NEW_ROUND = QT_TRANSLATE_NOOP("ReviewWindow", "Done: AITasker is preparing a new round of versions.")
# Why the buttons wait.
WAITING = QT_TRANSLATE_NOOP("ReviewWindow", "Waiting to learn whether AITasker received your last request…")
SENDING = QT_TRANSLATE_NOOP("ReviewWindow", "Sending…")
APPLYING = QT_TRANSLATE_NOOP("ReviewWindow", "Your choice was sent: AITasker is applying it.")


def said(text: str, *values: Words) -> Words:
    """``text`` (one of the above) as it is said when shown: translated then, with ``values`` filled
    in (a value given as what makes it is made then too)."""
    return lambda: fill(translate(CONTEXT, text), *(say(value) for value in values))
