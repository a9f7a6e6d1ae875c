"""The API contract in code: the request model (TaskDraft) and the response model (Task).

This module is the ONE home of every limit. Widgets read ranges, steps, lengths and defaults from
here through :func:`number_limits` and :func:`max_length`; no other module repeats a number.

Request strict, response tolerant: ``TaskDraft`` rejects what the API would reject; ``Task``
accepts what a real server may send (unknown statuses, extra fields, documented nulls, numbers
outside the request ranges, past dates).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, Any
from uuid import UUID

import annotated_types
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator
from pydantic.config import JsonDict
from pydantic_core import PydanticCustomError

from app.translatable import QT_TRANSLATE_NOOP

# Display hints that are not API limits but must live beside them (issue: no widget repeats a
# number). ``ui_step`` is the spin box's smallest step (cents for money), ``ui_slider_step`` the
# slider's step, ``ui_decimals`` the digits shown.
_MONEY_UI: JsonDict = {"ui_step": 0.01, "ui_slider_step": 1.0, "ui_page_step": 10.0, "ui_decimals": 2}
_DIAL_UI: JsonDict = {"ui_step": 0.01, "ui_slider_step": 0.01, "ui_page_step": 0.1, "ui_decimals": 2}


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


class TaskDraft(BaseModel):
    """The body of ``POST /api/v1/tasks``, exactly as documented (api notes §3.1)."""

    model_config = ConfigDict(extra="forbid", defer_build=True, allow_inf_nan=False, validate_assignment=True)

    category: str = Field(min_length=1, description="Task category slug from the taxonomy")
    task_type: str = Field(min_length=1, description="Task type slug within the category")
    # strict: a JSON number only (the text "45" is not one); whole numbers are still accepted.
    budget_usd: float = Field(ge=3, le=300, strict=True, json_schema_extra=_MONEY_UI)
    title: str | None = Field(default=None, max_length=200)
    description: str = Field(default="", max_length=5000)
    requirements: dict[str, Any] = Field(default_factory=dict)
    experimentation: float = Field(default=0.3, ge=0, le=1, strict=True, json_schema_extra=_DIAL_UI)
    brand_kit_id: UUID | None = None

    @field_validator("category", "task_type")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("Please choose one")
        return value

    @field_validator("budget_usd", "experimentation", mode="before")
    @classmethod
    def _no_booleans(cls, value: Any) -> Any:
        # JSON has no "true dollars": a bool here is a programming or paste error.
        if isinstance(value, bool):
            raise ValueError("Please enter a number")
        return value

    @field_validator("brand_kit_id", mode="before")
    @classmethod
    def _uuid_text(cls, value: Any) -> Any:
        if isinstance(value, str) and not UUID_TEXT.fullmatch(value):
            raise PydanticCustomError("uuid_parsing", "Input should be a valid UUID")
        return value

    @field_validator("requirements", mode="after")
    @classmethod
    def _bounded_requirements(cls, value: dict[str, Any]) -> dict[str, Any]:
        problem = requirements_problem(value)
        if problem is not None:
            raise PydanticCustomError("requirements_bounds", problem)
        return value

    def to_request_json(self) -> dict[str, Any]:
        """The JSON body sent to the API."""
        return self.model_dump(mode="json")


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


@dataclass(frozen=True)
class NumberLimits:
    minimum: float
    maximum: float
    default: float | None
    step: float
    slider_step: float
    page_step: float
    decimals: int


def number_limits(field: str, model: type[BaseModel] = TaskDraft) -> NumberLimits:
    """Range, default and UI steps of a numeric field, read from the model's metadata."""
    info = model.model_fields[field]
    minimum = -math.inf
    maximum = math.inf
    for item in info.metadata:
        if isinstance(item, annotated_types.Ge):
            minimum = float(item.ge)  # type: ignore[arg-type]
        elif isinstance(item, annotated_types.Le):
            maximum = float(item.le)  # type: ignore[arg-type]
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    default = info.default if isinstance(info.default, (int, float)) else None
    return NumberLimits(
        minimum=minimum,
        maximum=maximum,
        default=None if default is None else float(default),
        step=float(extra.get("ui_step", 1)),  # type: ignore[arg-type]
        slider_step=float(extra.get("ui_slider_step", 1)),  # type: ignore[arg-type]
        page_step=float(extra.get("ui_page_step", 10)),  # type: ignore[arg-type]
        decimals=int(extra.get("ui_decimals", 0)),  # type: ignore[arg-type]
    )


def max_length(field: str, model: type[BaseModel] = TaskDraft) -> int | None:
    """The maximum length of a text field, read from the model's metadata."""
    for item in model.model_fields[field].metadata:
        if isinstance(item, annotated_types.MaxLen):
            return int(item.max_length)
    return None


# --- the response -------------------------------------------------------------------------


@dataclass(frozen=True)
class StatusInfo:
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
    "completed": StatusInfo(
        QT_TRANSLATE_NOOP("messages", "Completed"),
        True,
        QT_TRANSLATE_NOOP("messages", "You approved the work. Payment was made."),
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
            "messages", "The connection broke while sending. Open Drafts to send it again or keep it as a draft."
        ),
    ),
}
FINAL_STATUSES = tuple(name for name, info in STATUSES.items() if info.final)


def status_info(status: str) -> StatusInfo:
    """Plain words for a status; an unknown status still displays, as its own text."""
    known = STATUSES.get(status) or OUTBOX_STATUSES.get(status)
    if known is not None:
        return known
    words = status.replace("_", " ").replace("-", " ").strip() or "Unknown"
    return StatusInfo(words[:1].upper() + words[1:], False, "AITasker reported this status.")


def _aware(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


_Shallow = Annotated[Any, BeforeValidator(lambda value: cut_deep(value, MAX_RESPONSE_DEPTH - 1))]


class Task(BaseModel):
    """``TaskResponse``: tolerant of anything a real server may plausibly send."""

    model_config = ConfigDict(extra="allow", defer_build=True)

    id: str = Field(min_length=1)
    status: str = "unknown"
    user_id: str | None = None
    title: str | None = ""
    description: str | None = ""
    category: str | None = ""
    task_type: str | None = ""
    requirements: dict[str, Any] | None = None
    budget_usd: float | None = None
    compute_budget: float | None = None
    experimentation: float | None = None
    created_at: datetime | None = None
    expires_at: datetime | None = None
    attachments: list[Any] | None = None
    brand_kit_id: str | None = None
    prototype_tier: int | str | None = None

    # Whatever a server nests (requirements, attachments, extra fields), the task must store,
    # read back (pydantic reads ~200 levels) and show: parts deeper than MAX_RESPONSE_DEPTH
    # (counting the task itself) are cut to "…". Per field, so reading 100,000 stored tasks stays fast.
    __pydantic_extra__: dict[str, _Shallow] = Field(init=False)  # type: ignore[assignment]

    @field_validator("requirements", "attachments", mode="before")
    @classmethod
    def _not_too_deep(cls, value: Any) -> Any:
        return cut_deep(value, MAX_RESPONSE_DEPTH - 1)

    @field_validator("id", "user_id", "brand_kit_id", mode="before")
    @classmethod
    def _ids_as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, (UUID, int)) else value

    @field_validator("created_at", "expires_at", mode="after")
    @classmethod
    def _utc_if_naive(cls, value: datetime | None) -> datetime | None:
        return _aware(value)

    @field_validator("status", mode="before")
    @classmethod
    def _status_text(cls, value: Any) -> Any:
        return "unknown" if value is None else str(value)

    @property
    def status_label(self) -> str:
        return status_info(self.status).label

    @property
    def is_final(self) -> bool:
        return status_info(self.status).final


# --- plain words for validation problems -----------------------------------------------------


def plain_field_errors(errors: list[Any]) -> dict[str, list[str]]:
    """Validation problems in plain words: the one translator lives in :mod:`app.validation`."""
    from app.validation import plain_field_errors as translate

    return translate(errors)
