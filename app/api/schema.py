"""The API contract in code: the request model (TaskDraft) and the response model (Task).

Every limit lives in :mod:`app.api.contract` (pydantic-free, so the window's first picture does not
load pydantic); the fields below are built from that table, and this module re-exports it.

Request strict, response tolerant: ``TaskDraft`` rejects what the API would reject; ``Task``
accepts what a real server may send (unknown statuses, extra fields, documented nulls, numbers
outside the request ranges, past dates).
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from uuid import UUID

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator
from pydantic.config import JsonDict
from pydantic_core import PydanticCustomError

from app.amounts import amount
from app.api.contract import (
    CUT_MARK,
    FINAL_STATUSES,
    MAX_JSON_TEXT_DEPTH,
    MAX_LENGTHS,
    MAX_REQUIREMENTS_CHARS,
    MAX_REQUIREMENTS_DEPTH,
    MAX_RESPONSE_DEPTH,
    NUMBER_LIMITS,
    OUTBOX_PREFIX,
    OUTBOX_STATUSES,
    REQUIREMENTS_TOO_DEEP,
    STATUSES,
    UUID_TEXT,
    NumberLimits,
    StatusInfo,
    aware,
    cut_deep,
    json_nesting_depth,
    max_length,
    number_limits,
    requirements_problem,
    status_info,
)

__all__ = [
    "CUT_MARK",
    "FINAL_STATUSES",
    "MAX_JSON_TEXT_DEPTH",
    "MAX_LENGTHS",
    "MAX_REQUIREMENTS_CHARS",
    "MAX_REQUIREMENTS_DEPTH",
    "MAX_RESPONSE_DEPTH",
    "NUMBER_LIMITS",
    "OUTBOX_PREFIX",
    "OUTBOX_STATUSES",
    "REQUIREMENTS_TOO_DEEP",
    "STATUSES",
    "NumberLimits",
    "StatusInfo",
    "Task",
    "TaskDraft",
    "cut_deep",
    "json_nesting_depth",
    "max_length",
    "number_limits",
    "plain_field_errors",
    "requirements_problem",
    "status_info",
]

_BUDGET = NUMBER_LIMITS["budget_usd"]
_DIAL = NUMBER_LIMITS["experimentation"]
_DIAL_DEFAULT = _DIAL.default if _DIAL.default is not None else _DIAL.minimum


def _ui(limits: NumberLimits) -> JsonDict:
    """The widget hints of a number field, in its JSON schema (what the form shows is app.api.contract's)."""
    return {
        "ui_step": limits.step,
        "ui_slider_step": limits.slider_step,
        "ui_page_step": limits.page_step,
        "ui_decimals": limits.decimals,
    }


class TaskDraft(BaseModel):
    """The body of ``POST /api/v1/tasks``, exactly as documented (api notes §3.1)."""

    model_config = ConfigDict(extra="forbid", defer_build=True, allow_inf_nan=False, validate_assignment=True)

    category: str = Field(min_length=1, description="Task category slug from the taxonomy")
    task_type: str = Field(min_length=1, description="Task type slug within the category")
    # strict: a JSON number only (the text "45" is not one); whole numbers are still accepted.
    budget_usd: float = Field(ge=_BUDGET.minimum, le=_BUDGET.maximum, strict=True, json_schema_extra=_ui(_BUDGET))
    title: str | None = Field(default=None, max_length=MAX_LENGTHS["title"])
    description: str = Field(default="", max_length=MAX_LENGTHS["description"])
    requirements: dict[str, Any] = Field(default_factory=dict)
    experimentation: float = Field(
        default=_DIAL_DEFAULT, ge=_DIAL.minimum, le=_DIAL.maximum, strict=True, json_schema_extra=_ui(_DIAL)
    )
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
    __pydantic_extra__: dict[str, _Shallow] = Field(init=False)

    @field_validator("requirements", "attachments", mode="before")
    @classmethod
    def _not_too_deep(cls, value: Any) -> Any:
        return cut_deep(value, MAX_RESPONSE_DEPTH - 1)

    @field_validator("budget_usd", mode="before")
    @classmethod
    def _budget_as_said(cls, value: Any) -> float | None:
        # "25.00", "$25.00" read as the sum they say; "25,00", NaN, a negative or absurd number,
        # an object: not said (None), and the task is still read (one odd budget must not stop
        # the whole list from being read).
        return amount(value)

    @field_validator("compute_budget", "experimentation", mode="before")
    @classmethod
    def _number_or_nothing(cls, value: Any) -> float | None:
        if isinstance(value, str):
            return amount(value, negative=True)  # a number written as text
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return None
        return float(value) if amount(value, negative=True) is not None else None

    @field_validator("id", "user_id", "brand_kit_id", mode="before")
    @classmethod
    def _ids_as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, (UUID, int)) else value

    @field_validator("created_at", "expires_at", mode="after")
    @classmethod
    def _utc_if_naive(cls, value: datetime | None) -> datetime | None:
        return aware(value)

    @field_validator("status", mode="before")
    @classmethod
    def _status_text(cls, value: Any) -> Any:
        return "unknown" if value is None else str(value)

    @property
    def is_final(self) -> bool:
        return status_info(self.status).final


def build_validators() -> None:
    """Build the validators of the models deferred at import (``defer_build``): app.preload calls
    this in its thread after the first picture. Otherwise the form's first check built
    TaskDraft's on the GUI thread (about 20 ms, in the turn that attaches the window), and the
    first task read from the server or the store built Task's."""
    TaskDraft.model_rebuild(force=True)
    Task.model_rebuild(force=True)


# --- plain words for validation problems -----------------------------------------------------


def plain_field_errors(errors: list[Any]) -> dict[str, list[str]]:
    """Validation problems in plain words: the one translator lives in :mod:`app.api.validation`."""
    from app.api.validation import plain_field_errors as translate

    return translate(errors)
