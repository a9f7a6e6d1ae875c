"""Which message the task form shows, for which field, when: the rules, without Qt.

The form (``ui/panels/form.py``) asks these functions and only puts their answers on screen, so a
test can drive every rule with plain values.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import NamedTuple

from app.translatable import QT_TRANSLATE_NOOP, fill, integer, translate

FIELD_ORDER = [
    "title",
    "description",
    "category",
    "task_type",
    "budget_usd",
    "experimentation",
    "requirements",
    "brand_kit_id",
]
# How a field is named in the reason Send is disabled.
NAMES = {
    "title": QT_TRANSLATE_NOOP("messages", "What do you need"),
    "description": QT_TRANSLATE_NOOP("messages", "Description"),
    "category": QT_TRANSLATE_NOOP("messages", "Category"),
    "task_type": QT_TRANSLATE_NOOP("messages", "Task type"),
    "budget_usd": QT_TRANSLATE_NOOP("messages", "Budget"),
    "experimentation": QT_TRANSLATE_NOOP("messages", "Experimentation"),
    "requirements": QT_TRANSLATE_NOOP("messages", "Requirements"),
    "brand_kit_id": QT_TRANSLATE_NOOP("messages", "Brand kit ID"),
    "__all__": QT_TRANSLATE_NOOP("messages", "The task"),
}
COUNTED_FIELDS = ("title", "description")  # their counter says "too long": no second message
_UUID_SO_FAR = re.compile(r"^\{?(urn:uuid:)?[0-9a-fA-F-]*\}?$")


class FieldState(NamedTuple):
    """What the form knows about one field when it decides whether to speak."""

    send_attempted: bool = False  # Send was pressed (or Ctrl+Enter) since the form was cleared
    touched: bool = False  # the person chose or typed in it
    focused: bool = False  # the cursor is in it
    pending: bool = False  # a number box holds half-typed text
    text: str = ""  # what is typed (brand kit ID)


def is_quiet(field: str, state: FieldState) -> bool:
    """True when a problem of this field is not worth a message yet."""
    if state.send_attempted:
        return False
    if field in ("category", "task_type"):
        return not state.touched  # a required choice is asked for once touched
    if field in ("budget_usd", "experimentation"):
        return state.pending and state.focused  # still typing
    if field == "brand_kit_id":
        return state.focused and bool(_UUID_SO_FAR.match(state.text.strip()))  # an ID being typed
    return False


def shown_messages(
    problems: Mapping[str, list[str]], external: Mapping[str, list[str]], quiet: Callable[[str], bool]
) -> dict[str, list[str]]:
    """The form's own problems that are not quiet, then messages from elsewhere (the server's),
    each once."""
    shown: dict[str, list[str]] = {}
    for field, messages in problems.items():
        if not quiet(field):
            shown[field] = list(messages)
    for field, messages in external.items():
        for message in messages:
            if message not in shown.setdefault(field, []):
                shown[field].append(message)
    return {field: messages for field, messages in shown.items() if messages}


def under_field(field: str, messages: list[str]) -> list[str]:
    """What goes in the message line under a field."""
    if field in COUNTED_FIELDS:
        too_long = ("too long", translate("messages", "too long"))  # the length messages say so, in any language
        return [m for m in messages if not any(words in m for words in too_long)]
    return list(messages)


def general_messages(shown: Mapping[str, list[str]]) -> list[str]:
    """Messages for no field of the form (under the whole form)."""
    return [m for field, messages in shown.items() if field not in FIELD_ORDER for m in messages]


def send_reason(problems: Mapping[str, list[str]]) -> str:
    """Why Send is off, in one line: the first problem in form order, and how many more."""
    fields = [f for f in [*FIELD_ORDER, "__all__"] if problems.get(f)]
    if not fields:
        return ""
    first = fields[0]
    message = problems[first][0]
    if message[1:2].islower():
        message = message[:1].lower() + message[1:]
    reason = fill(
        translate("messages", "%1: %2"), translate("messages", NAMES[first]) if first in NAMES else first, message
    )
    more = sum(len(problems[f]) for f in fields) - 1
    if more:
        reason = fill(translate("messages", "%1 (%2 more to fix)"), reason, more)
    return reason


def counter_words(length: int, limit: int | None) -> tuple[str, bool]:
    """The counter under a text field, and whether it is an error (over the limit)."""
    if limit is None:
        return integer(length), False
    over = length - limit
    if over > 0:
        if over == 1:
            return fill(translate("messages", "⚠ %1/%2: 1 character too many"), integer(length), integer(limit)), True
        return fill(
            translate("messages", "⚠ %1/%2: %3 characters too many"), integer(length), integer(limit), integer(over)
        ), True
    if over == 0 and length:
        return fill(translate("messages", "%1/%2: that is the most"), integer(length), integer(limit)), False
    return f"{integer(length)}/{integer(limit)}", False


def first_problem(problems: Mapping[str, list[str]], external: Mapping[str, list[str]]) -> str | None:
    """The field the cursor goes to after a refused Send."""
    return next((f for f in FIELD_ORDER if f in problems or f in external), None)


def clear_on_edit(field: str) -> tuple[str, ...]:
    """Which messages from elsewhere an edit of ``field`` removes."""
    return (field, "__all__", "task_type") if field == "category" else (field, "__all__")
