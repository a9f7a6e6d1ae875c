"""Which message the task form shows, for which field, when: the rules and the form's state, without Qt.

The form (``ui/panels/form.py``) keeps a :class:`FormState`, hands it what its widgets hold, and
only puts its answers on screen (the messages, why Send is off), so a test can drive every rule
with plain values.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from app.api.validation import check_draft
from app.budget import budget_problem
from app.translatable import QT_TRANSLATE_NOOP, fill, integer, translate

if TYPE_CHECKING:
    from app.api.schema import TaskDraft

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
MORE_OPTIONS = ("requirements", "brand_kit_id")  # under "More options", closed until needed
NUMBER_FIELDS = ("budget_usd", "experimentation")  # a slider and a box, whose box may hold half-typed text
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
    """Why Send is off, in one line: the first problem in form order, then the other fields with
    something to fix, by name ("… Also to fix: Task type, Budget.")."""
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
    others = [f for f in fields if f != first or len(problems[f]) > 1]
    if others:
        named = ", ".join(translate("messages", NAMES[f]) if f in NAMES else f for f in others)
        reason = fill(translate("messages", "%1 Also to fix: %2."), reason, named)
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


def check_values(
    values: Mapping[str, Any], typed_problems: Mapping[str, list[str]] | None = None
) -> tuple[TaskDraft | None, dict[str, list[str]]]:
    """Check what the form holds: the draft to send, or the problems in plain words, by field.

    ``values`` are TaskDraft-shaped; ``requirements`` is a dict, or (when the editor could not read
    it) the text it keeps. ``typed_problems`` are what the widgets themselves say about what is
    typed in them: a half-typed number (``budget_usd``, ``experimentation``) or the requirements'
    problems; they come first, before the schema's.
    """
    typed = typed_problems or {}
    values = dict(values)
    problems: dict[str, list[str]] = {}
    if not isinstance(values.get("requirements"), dict):
        problems["requirements"] = list(typed.get("requirements") or []) or [
            translate("TaskForm", "Requirements must be names and values.")
        ]
        values["requirements"] = {}
    for name in NUMBER_FIELDS:
        if typed.get(name):
            problems[name] = list(typed[name])
    if "budget_usd" not in problems:
        over = budget_problem(values.get("budget_usd"))
        if over:
            problems["budget_usd"] = [over]  # names the amount typed, which the box still shows
    draft, found = check_draft(values)
    if found is not None:
        for field, messages in found.items():
            if field not in problems:
                problems.setdefault(field, []).extend(messages)
        return None, problems
    return (None, problems) if problems else (draft, {})


class Activity(NamedTuple):
    """What the person is doing in the form right now (read from the widgets when messages are shown)."""

    focused: Collection[str] = ()  # the field holding the cursor
    pending: Collection[str] = ()  # number boxes with half-typed text (or below the lowest, more digits may come)
    brand_kit_text: str = ""  # what is typed in the brand kit ID


class Shown(NamedTuple):
    """The messages on screen, where they go."""

    by_field: dict[str, list[str]]  # every shown message of a field (a screen reader hears them all)
    under: dict[str, list[str]]  # the line under each field of the form (too long: the counter says it)
    general: list[str]  # under the whole form: messages for no field of it
    open_more_options: bool  # a message sits under "More options": it must not stay closed


class FormState:
    """The task form without its widgets: what was last checked, what is wrong with it, which of
    it the person has touched, messages from elsewhere (the server's), whether sending was tried.

    The form tells it what happens (:meth:`edited`, :meth:`touch`, :meth:`check`, …) and shows
    what it answers (:meth:`shown`, :meth:`reason`); nothing here knows a widget.
    """

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}  # as last checked
        self.problems: dict[str, list[str]] = {}  # all problems found at the last check, shown or not
        self.external: dict[str, list[str]] = {}  # from elsewhere: each stays until its field is edited
        self.touched: set[str] = set()
        self.send_attempted = False
        self.busy = False  # a send is under way

    def reset(self) -> None:
        """A fresh form: nothing touched, nothing tried, no messages from elsewhere."""
        self.send_attempted = False
        self.touched.clear()
        self.external.clear()

    def touch(self, field: str) -> bool:
        """The person chose or typed in ``field``; True the first time (its messages may now show)."""
        if field in self.touched:
            return False
        self.touched.add(field)
        return True

    def edited(self, field: str) -> None:
        """``field`` changed: the messages from elsewhere about it are gone (:func:`clear_on_edit`)."""
        for name in clear_on_edit(field):
            self.external.pop(name, None)

    def show_errors(self, problems: Mapping[str, list[str]]) -> None:
        """Messages from elsewhere (e.g. the server's 422) to show under their fields; {} removes them."""
        self.external = {field: list(messages) for field, messages in problems.items() if messages}

    def check(
        self, values: Mapping[str, Any], typed_problems: Mapping[str, list[str]] | None = None
    ) -> TaskDraft | None:
        """Check what the form now holds (:func:`check_values`): the draft to send, or None."""
        self.values = dict(values)
        draft, self.problems = check_values(values, typed_problems)
        return draft

    def quiet(self, field: str, activity: Activity) -> bool:
        """True when a problem of ``field`` is not worth a message yet (:func:`is_quiet`)."""
        state = FieldState(
            send_attempted=self.send_attempted,
            touched=field in self.touched,
            focused=field in activity.focused,
            pending=field in activity.pending,
            text=activity.brand_kit_text if field == "brand_kit_id" else "",
        )
        return is_quiet(field, state)

    def shown(self, activity: Activity | None = None) -> Shown:
        """Which messages show now, and where (``activity``: what the person is doing; none by default)."""
        doing = activity or Activity()
        by_field = shown_messages(self.problems, self.external, lambda field: self.quiet(field, doing))
        return Shown(
            by_field=by_field,
            under={name: under_field(name, by_field.get(name, [])) for name in FIELD_ORDER},
            general=general_messages(by_field),
            open_more_options=any(by_field.get(name) for name in MORE_OPTIONS),
        )

    @property
    def ready(self) -> bool:
        """Nothing wrong at the last check."""
        return not self.problems

    @property
    def can_send(self) -> bool:
        return self.ready and not self.busy

    def reason(self) -> str:
        """Why Send is off, in one line ("" when it is not)."""
        return send_reason(self.problems)

    def first_problem(self) -> str | None:
        """The field the cursor goes to after a refused Send."""
        return first_problem(self.problems, self.external)
