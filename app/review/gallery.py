"""A task's bid gallery, without Qt: its versions (bids) and their scores in words.

The gallery (``GET /api/v1/tasks/{task_id}/bids``, api notes §3.4) is parsed tolerantly: every
documented field is read, every field but the ids is optional, a value of the wrong type becomes
"unknown" instead of failing the whole gallery, and extra fields are kept. What a version holds
(pictures, text, files) is read by :mod:`app.review.artifacts`.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from app.api.contract import aware as _aware
from app.api.schema import Task
from app.review.keys import with_local_keys
from app.review.version_words import breakdown_label, score_number
from app.translatable import QT_TRANSLATE_NOOP, fill, translate

log = logging.getLogger(__name__)


def _as_text_id(value: Any) -> Any:
    return str(value) if isinstance(value, (UUID, int)) and not isinstance(value, bool) else value


class _Tolerant(BaseModel):
    """A value of the wrong type in an optional field becomes None instead of failing the model."""

    model_config = ConfigDict(extra="allow", defer_build=True)

    @model_validator(mode="wrap")
    @classmethod
    def _drop_unreadable_fields(cls, data: Any, handler: Any) -> Any:
        try:
            return handler(data)
        except ValidationError as exc:
            if not isinstance(data, dict):
                raise
            bad = {str(e["loc"][0]) for e in exc.errors() if e.get("loc")}
            required = {name for name, info in cls.model_fields.items() if info.is_required()}
            if not bad or bad & required:
                raise
            cleaned = {k: v for k, v in data.items() if k not in bad}
            log.info("%s: ignored unreadable field(s) %s", cls.__name__, ", ".join(sorted(bad)))
            return handler(cleaned)


class Bid(_Tolerant):
    """``BidResponse``: one version made by one agent."""

    id: str = Field(min_length=1)
    task_id: str | None = None
    agent_id: str | None = None
    round: str | None = None
    bid_price_usd: float | None = None
    prototype_summary: str | None = None
    artifacts: list[Any] = Field(default_factory=list)
    eval_score: float | None = None
    eval_breakdown: dict[str, Any] | None = None
    presented: bool | None = None
    selected: bool | None = None
    status: str | None = None
    created_at: datetime | None = None
    agent_name: str | None = None
    agent_tier: str | None = None
    agent_message: str | None = None
    local_key: bool = Field(default=False, exclude=True)  # the id was made here: never sent (app.review.keys)

    @field_validator("id", "task_id", "agent_id", mode="before")
    @classmethod
    def _ids_as_text(cls, value: Any) -> Any:
        return _as_text_id(value)

    @field_validator("round", "status", mode="before")
    @classmethod
    def _scalar_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value

    @field_validator("artifacts", mode="before")
    @classmethod
    def _artifact_list(cls, value: Any) -> Any:
        if value is None:
            return []
        if isinstance(value, (str, dict)):
            return [value]
        return value

    @field_validator("bid_price_usd", "eval_score", mode="before")
    @classmethod
    def _no_bool_numbers(cls, value: Any) -> Any:
        return None if isinstance(value, bool) else value

    @field_validator("created_at", mode="after")
    @classmethod
    def _utc(cls, value: datetime | None) -> datetime | None:
        return _aware(value)

    @property
    def is_selected(self) -> bool:
        return bool(self.selected) or (self.status or "").lower() in ("selected", "won", "winner", "accepted")

    @property
    def agent(self) -> str:
        return (self.agent_name or "").strip() or translate("messages", "An agent")

    def possessive(self) -> str:
        """ "Nova Studio's" / "Atlas's" (for English sentences; translations name :attr:`agent`)."""
        name = (self.agent_name or "").strip()
        if not name:
            return translate("messages", "an agent's")
        return f"{name}'" if name.endswith("s") else f"{name}'s"


class Gallery(_Tolerant):
    """The bid gallery of one task."""

    task: Task | None = None
    bids: list[Bid] = Field(default_factory=list)
    total_bids_generated: int | None = None
    remix_available: bool | None = None
    remix_fee_usd: float | None = None
    review_extensions_used: int | None = None
    review_extensions_remaining: int | None = None
    # Bids that could not be read at all (not an object): counted, not shown.
    unreadable_bids: int = 0

    @model_validator(mode="before")
    @classmethod
    def _readable_bids(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        data = dict(data)
        raw = data.get("bids")
        if raw is None:
            raw = []
        if not isinstance(raw, list):
            raw = []
            data["unreadable_bids"] = 1
        bids: list[Bid] = []
        skipped = 0
        for item in with_local_keys(raw):
            try:
                bids.append(Bid.model_validate(item))
            except ValidationError:
                skipped += 1
        data["bids"] = bids
        data["unreadable_bids"] = data.get("unreadable_bids", 0) + skipped
        task = data.get("task")
        if task is not None:
            try:
                data["task"] = Task.model_validate(task)
            except ValidationError:
                data["task"] = None
        return data

    @property
    def presented(self) -> list[Bid]:
        """The versions shown to the buyer: those flagged ``presented``; if no bid carries the
        flag at all, every bid not explicitly hidden."""
        flagged = [b for b in self.bids if b.presented]
        if flagged:
            return flagged
        if any(b.presented is not None for b in self.bids):
            return [b for b in self.bids if b.presented is None or b.is_selected]
        return list(self.bids)

    @property
    def selected_bid(self) -> Bid | None:
        return next((b for b in self.bids if b.is_selected), None)


def parse_gallery(data: Any) -> Gallery:
    """A gallery from a decoded body; ValueError when it is not an object at all."""
    if isinstance(data, list):  # a bare list of bids
        data = {"bids": data}
    if not isinstance(data, dict):
        raise ValueError("the gallery is not an object")
    return Gallery.model_validate(data)


# --- the score in words -----------------------------------------------------------------------


def score_out_of_100(score: float | None) -> float | None:
    """The judge's score on a 0–100 scale (the API does not say its scale: 0–1, 0–10 or 0–100)."""
    if score is None or score != score or score < 0:
        return None
    if score <= 1:
        return score * 100
    if score <= 10:
        return score * 10
    return min(score, 100.0)


def score_words(score: float | None, *, short: bool = False) -> str:
    """ "Judged very good (82 of 100)", or short "very good (82/100)"; "Not scored yet" when unknown."""
    hundred = score_out_of_100(score)
    if hundred is None:
        return translate("messages", "not scored yet") if short else translate("messages", "Not scored yet")
    word = next(
        (
            w
            for floor, w in (
                (85, QT_TRANSLATE_NOOP("messages", "excellent")),
                (70, QT_TRANSLATE_NOOP("messages", "very good")),
                (55, QT_TRANSLATE_NOOP("messages", "good")),
                (40, QT_TRANSLATE_NOOP("messages", "fair")),
            )
            if hundred >= floor
        ),
        QT_TRANSLATE_NOOP("messages", "weak"),
    )
    word = translate("messages", word)
    if short:
        return fill(translate("messages", "%1 (%2/100)"), word, f"{hundred:.0f}")
    return fill(translate("messages", "Judged %1 (%2 of 100)"), word, f"{hundred:.0f}")


def breakdown_words(breakdown: dict[str, Any] | None) -> str:
    """ "Quality 9 · Fit to the brief 8.5" from the judge's breakdown (nested values skipped)."""
    if not breakdown:
        return ""
    parts = []
    for key, value in list(breakdown.items())[:12]:
        label = breakdown_label(str(key))  # in the user's language for the keys the app knows
        if isinstance(value, bool):
            answer = translate("messages", "yes") if value else translate("messages", "no")
            parts.append(fill(translate("messages", "%1: %2"), label, answer))
        elif isinstance(value, (int, float)):
            parts.append(f"{label} {score_number(value)}")
        elif isinstance(value, str) and len(value) <= 80:
            parts.append(fill(translate("messages", "%1: %2"), label, value))
    return " · ".join(parts)
