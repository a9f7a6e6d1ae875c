"""The API contract's numbers and words, without pydantic: every limit of a task, the statuses.

This module is the ONE home of every limit. The form's widgets read ranges, steps, lengths and
defaults here (:func:`number_limits`, :func:`max_length`); :mod:`app.api.schema` builds the pydantic
request model's field constraints from the same table, so no other module repeats a number. It
imports nothing heavy: the window's first picture needs these numbers, not pydantic.
"""

from __future__ import annotations

import json
import math
import re
from datetime import UTC, datetime
from typing import Any, NamedTuple

from app.translatable import QT_TRANSLATE_NOOP


class NumberLimits(NamedTuple):
    """A number field: its range and default (the API's), and how a widget steps and shows it
    (``step`` the spin box's smallest step, cents for money; ``slider_step``; ``decimals`` shown)."""

    minimum: float
    maximum: float
    default: float | None
    step: float
    slider_step: float
    page_step: float
    decimals: int


# The create request's limits (api notes §3.1): 3 <= budget_usd <= 300, 0 <= experimentation <= 1
# (default 0.3), title <= 200 characters, description <= 5000.
NUMBER_LIMITS: dict[str, NumberLimits] = {
    "budget_usd": NumberLimits(
        minimum=3.0, maximum=300.0, default=None, step=0.01, slider_step=1.0, page_step=10.0, decimals=2
    ),
    "experimentation": NumberLimits(
        minimum=0.0, maximum=1.0, default=0.3, step=0.01, slider_step=0.01, page_step=0.1, decimals=2
    ),
}
MAX_LENGTHS: dict[str, int] = {"title": 200, "description": 5000}


def number_limits(field: str) -> NumberLimits:
    """Range, default and UI steps of a numeric field of the create request (KeyError otherwise)."""
    return NUMBER_LIMITS[field]


def max_length(field: str) -> int | None:
    """The maximum length of a text field of the create request; None when it has none."""
    return MAX_LENGTHS.get(field)


# Bounds on the free-form requirements object. The API documents none; these keep every draft
# storable, sendable and readable back (pydantic writes at most ~250 levels and reads ~200,
# Python's json ~1,000) and keep validation instant while typing. Depth counts the requirements
# object itself as level 1: {"tone": "warm"} is 1 level, {"style": {"tone": "warm"}} is 2.
MAX_REQUIREMENTS_DEPTH = 10
# Characters of the requirements written as compact JSON (the description allows 5,000).
MAX_REQUIREMENTS_CHARS = 20_000
# A server answer nested deeper than this (in any field) is shown cut at this depth, so a task
# still stores, reads back and displays.
MAX_RESPONSE_DEPTH = 32
# Below what Python's json parser can take even from a deep call stack: answers nested deeper are
# refused before parsing (see :func:`json_nesting_depth`).
MAX_JSON_TEXT_DEPTH = 500
# The text an ID must have: the API's ``string<uuid>`` (RFC 4122, 8-4-4-4-12 hexadecimal digits).
UUID_TEXT = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
CUT_MARK = "…"


def requirements_problem(value: Any) -> str | None:
    """What keeps ``value`` from being sent as requirements, in words; None when it can be.

    Walks the value without recursion and stops at the first problem, so a requirements object
    nested a million levels deep (pasted into "Edit as JSON") is refused at once, not after a hang.
    """
    if not isinstance(value, dict):
        return QT_TRANSLATE_NOOP("messages", "Requirements must be names and values.")
    # Each node costs at least one character of JSON: more nodes than the size limit is too long.
    budget = MAX_REQUIREMENTS_CHARS
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        budget -= 1
        if budget < 0:
            break
        if isinstance(node, dict):
            if depth > MAX_REQUIREMENTS_DEPTH:
                return _too_deep()
            for key, item in node.items():
                if not isinstance(key, str):
                    return QT_TRANSLATE_NOOP("messages", "Every requirement needs a name made of text.")
                stack.append((item, depth + 1))
        elif isinstance(node, (list, tuple)):
            if depth > MAX_REQUIREMENTS_DEPTH:
                return _too_deep()
            stack.extend((item, depth + 1) for item in node)
        elif isinstance(node, float) and not math.isfinite(node):
            return QT_TRANSLATE_NOOP("messages", "Requirements can't contain an infinite or undefined number.")
        elif not (node is None or isinstance(node, (str, int, float, bool))):
            return QT_TRANSLATE_NOOP(
                "messages", "Requirements can only contain text, numbers, yes/no, lists and groups of names and values."
            )
    try:
        size = (
            len(json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))) if budget >= 0 else None
        )
    except (ValueError, TypeError, RecursionError):
        return QT_TRANSLATE_NOOP(
            "messages",
            "Requirements contain a value that can't be sent (for example a number with thousands of digits).",
        )
    if size is None or size > MAX_REQUIREMENTS_CHARS:
        return f"Requirements are too long (at most {MAX_REQUIREMENTS_CHARS:,} characters). Please shorten them."
    return None


REQUIREMENTS_TOO_DEEP = (
    f"Requirements are nested too deeply (at most {MAX_REQUIREMENTS_DEPTH} levels of groups and lists "
    "inside each other). Please flatten them."
)


def _too_deep() -> str:
    return REQUIREMENTS_TOO_DEEP


def json_nesting_depth(text: str, stop_after: int = MAX_JSON_TEXT_DEPTH) -> int:
    """How deeply ``[`` and ``{`` nest in JSON text (outside strings), without parsing it; stops
    counting past ``stop_after``. Lets a caller refuse text too deep for ``json.loads`` (which
    raises RecursionError, or worse) before trying."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > stop_after:
                    return deepest
        elif char in "]}":
            depth -= 1
    return deepest


def cut_deep(value: Any, max_depth: int = MAX_RESPONSE_DEPTH) -> Any:
    """``value`` with every list or object deeper than ``max_depth`` replaced by ``"…"``; the
    value itself when nothing is that deep. Without recursion: any depth is safe."""
    if not _deeper_than(value, max_depth):
        return value
    root: list[Any] = [None]
    # (source, container to fill, key or index in it, depth)
    stack: list[tuple[Any, Any, Any, int]] = [(value, root, 0, 1)]
    while stack:
        node, parent, slot, depth = stack.pop()
        if isinstance(node, (dict, list)):
            if depth > max_depth:
                parent[slot] = CUT_MARK
                continue
            if isinstance(node, dict):
                copy: Any = dict.fromkeys(node)
                stack.extend((item, copy, key, depth + 1) for key, item in node.items())
            else:
                copy = [None] * len(node)
                stack.extend((item, copy, index, depth + 1) for index, item in enumerate(node))
            parent[slot] = copy
        else:
            parent[slot] = node
    return root[0]


def _deeper_than(value: Any, max_depth: int) -> bool:
    if (
        not isinstance(value, (dict, list))
        or max_depth >= 2
        and not any(isinstance(item, (dict, list)) for item in (value.values() if isinstance(value, dict) else value))
    ):
        return False  # the common case: flat
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > max_depth:
            return True
        items = node.values() if isinstance(node, dict) else node
        stack.extend((item, depth + 1) for item in items if isinstance(item, (dict, list)))
    return False


# --- statuses -------------------------------------------------------------------------


class StatusInfo(NamedTuple):
    label: str
    final: bool
    explanation: str


STATUSES: dict[str, StatusInfo] = {
    "open": StatusInfo(
        QT_TRANSLATE_NOOP("messages", "Posted"),
        False,
        QT_TRANSLATE_NOOP("messages", "Your task is posted and waiting to be matched."),
    ),
    "matching": StatusInfo(
        QT_TRANSLATE_NOOP("messages", "Finding agents"),
        False,
        QT_TRANSLATE_NOOP("messages", "AITasker is choosing agents to work on it."),
    ),
    "prototyping": StatusInfo(
        QT_TRANSLATE_NOOP("messages", "Agents at work"),
        False,
        QT_TRANSLATE_NOOP("messages", "Agents are preparing first versions."),
    ),
    "review": StatusInfo(
        QT_TRANSLATE_NOOP("messages", "Ready for your review"),
        False,
        QT_TRANSLATE_NOOP("messages", "First versions are ready: pick the one you like."),
    ),
    "delivering": StatusInfo(
        QT_TRANSLATE_NOOP("messages", "Final version in progress"),
        False,
        QT_TRANSLATE_NOOP("messages", "The agent you picked is finishing the work."),
    ),
    "input_required": StatusInfo(
        QT_TRANSLATE_NOOP("messages", "Question for you"),
        False,
        QT_TRANSLATE_NOOP("messages", "The agent asks you something before finishing the work."),
    ),
    "delivered": StatusInfo(
        QT_TRANSLATE_NOOP("messages", "Final work ready"),
        False,
        QT_TRANSLATE_NOOP("messages", "The final work is ready for you to look at and approve."),
    ),
    "disputed": StatusInfo(
        QT_TRANSLATE_NOOP("messages", "Problem reported"),
        False,
        QT_TRANSLATE_NOOP("messages", "You reported a problem with the work. AITasker looks into it."),
    ),
    # What "completed" means beyond "finished" (who approved, what was paid) is said only where the
    # task itself says it (approved_by, paid_usd: ui/models/task_details.py).
    "completed": StatusInfo(
        QT_TRANSLATE_NOOP("messages", "Completed"),
        True,
        QT_TRANSLATE_NOOP("messages", "The task is finished."),
    ),
    "expired": StatusInfo(
        QT_TRANSLATE_NOOP("messages", "Expired"),
        True,
        QT_TRANSLATE_NOOP("messages", "The time ran out before a version was chosen. No money was taken."),
    ),
    "cancelled": StatusInfo(
        QT_TRANSLATE_NOOP("messages", "Cancelled"),
        True,
        QT_TRANSLATE_NOOP("messages", "The task was cancelled before a winner was picked."),
    ),
}


# Rows of the table that are not (yet) tasks on the server: drafts in the outbox.
OUTBOX_PREFIX = "outbox:"
OUTBOX_STATUSES: dict[str, StatusInfo] = {
    OUTBOX_PREFIX + "waiting": StatusInfo(
        QT_TRANSLATE_NOOP("messages", "Waiting to send"),
        False,
        QT_TRANSLATE_NOOP("messages", "Saved on this computer. It will be sent when the connection is back."),
    ),
    OUTBOX_PREFIX + "sending": StatusInfo(
        QT_TRANSLATE_NOOP("messages", "Sending…"), False, QT_TRANSLATE_NOOP("messages", "On its way to AITasker.")
    ),
    OUTBOX_PREFIX + "unknown": StatusInfo(
        QT_TRANSLATE_NOOP("messages", "Not sure it was sent"),
        False,
        QT_TRANSLATE_NOOP(
            "messages",
            "We can't tell whether it reached AITasker. Open Drafts to see why, and to send it again or keep it "
            "as a draft.",
        ),
    ),
    OUTBOX_PREFIX + "credit": StatusInfo(
        QT_TRANSLATE_NOOP("messages", "Waiting for credit"),
        False,
        QT_TRANSLATE_NOOP(
            "messages",
            "AITasker refused it for lack of credit; nothing was posted. Add credit on AITasker's website, "
            "then press Refresh to send it.",
        ),
    ),
}
FINAL_STATUSES = tuple(name for name, info in STATUSES.items() if info.final)

# What a task's ``expires_at`` is the deadline of, per status, as the next step in words: (while
# it is ahead, "%1" a time from now; while it is ahead, "%1" a clock time; once it has passed).
NEXT_STEPS: dict[str, tuple[str, str, str]] = {
    **dict.fromkeys(
        ("open", "matching", "prototyping"),
        (
            QT_TRANSLATE_NOOP("messages", "first versions due in %1"),
            QT_TRANSLATE_NOOP("messages", "first versions due %1"),
            QT_TRANSLATE_NOOP("messages", "first versions were due %1"),
        ),
    ),
    "review": (
        QT_TRANSLATE_NOOP("messages", "review closes in %1"),
        QT_TRANSLATE_NOOP("messages", "review closes %1"),
        QT_TRANSLATE_NOOP("messages", "review closed %1"),
    ),
    "delivering": (
        QT_TRANSLATE_NOOP("messages", "final work due in %1"),
        QT_TRANSLATE_NOOP("messages", "final work due %1"),
        QT_TRANSLATE_NOOP("messages", "final work was due %1"),
    ),
    "input_required": (
        QT_TRANSLATE_NOOP("messages", "answer within %1"),
        QT_TRANSLATE_NOOP("messages", "answer by %1"),
        QT_TRANSLATE_NOOP("messages", "answer was due %1"),
    ),
    "delivered": (
        QT_TRANSLATE_NOOP("messages", "approve within %1"),
        QT_TRANSLATE_NOOP("messages", "approve by %1"),
        QT_TRANSLATE_NOOP("messages", "approval was due %1"),
    ),
}
# A status the app does not know: its deadline, saying no more than that.
OTHER_NEXT_STEP = (
    QT_TRANSLATE_NOOP("messages", "next step within %1"),
    QT_TRANSLATE_NOOP("messages", "next step by %1"),
    QT_TRANSLATE_NOOP("messages", "next step was due %1"),
)
# What happens at that deadline, where the API documents it or the sandbox models it.
AT_DEADLINE: dict[str, str] = {
    **dict.fromkeys(
        ("open", "matching", "prototyping"),
        QT_TRANSLATE_NOOP("messages", "If no first version is ready by then, the task expires and no money is taken."),
    ),
    "review": QT_TRANSLATE_NOOP("messages", "If no version is chosen by then, the task expires and no money is taken."),
    "delivering": QT_TRANSLATE_NOOP("messages", "When the agent expects to deliver the final work."),
    "input_required": QT_TRANSLATE_NOOP(
        "messages", "If you don't answer by then, the agent goes on without your answer."
    ),
    "delivered": QT_TRANSLATE_NOOP(
        "messages", "If you neither approve it nor ask for changes by then, the work is approved automatically."
    ),
}


def status_info(status: str) -> StatusInfo:
    """Plain words for a status; an unknown status still displays, as its own text."""
    known = STATUSES.get(status) or OUTBOX_STATUSES.get(status)
    if known is not None:
        return known
    words = status.replace("_", " ").replace("-", " ").strip() or QT_TRANSLATE_NOOP("messages", "Unknown")
    return StatusInfo(
        words[:1].upper() + words[1:], False, QT_TRANSLATE_NOOP("messages", "AITasker reported this status.")
    )


def aware(value: datetime | None) -> datetime | None:
    """``value`` with UTC as its zone when it has none."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value
