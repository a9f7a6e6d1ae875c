"""The sandbox's request bodies: the server's own truth, with the documented limits written out."""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class TaskCreate(BaseModel):
    """The server's request schema, as AITasker documents it (api notes §3.1)."""

    model_config = ConfigDict(title="TaskCreate")

    category: str = Field(min_length=1)
    task_type: str = Field(min_length=1)
    budget_usd: float = Field(ge=3, le=300)
    title: str | None = Field(default=None, max_length=200)
    description: str = Field(default="", max_length=5000)
    requirements: dict[str, Any] = Field(default_factory=dict)
    experimentation: float = Field(default=0.3, ge=0, le=1)
    brand_kit_id: uuid.UUID | None = None


class SelectBid(BaseModel):
    """The body of the select operation: which version the buyer chose."""

    model_config = ConfigDict(title="SelectBidRequest")

    bid_id: uuid.UUID


class RevisionRequest(BaseModel):
    """Ask the agent for changes to the delivery: what should change, in the buyer's words."""

    model_config = ConfigDict(title="RevisionRequest")

    message: str = Field(min_length=1, max_length=5000)


class DisputeRequest(BaseModel):
    """Report a problem with the delivery: what is wrong, in the buyer's words."""

    model_config = ConfigDict(title="DisputeRequest")

    message: str = Field(min_length=1, max_length=5000)


class InputAnswer(BaseModel):
    """The buyer's answer to the agent's question."""

    model_config = ConfigDict(title="InputAnswer")

    answer: str = Field(min_length=1, max_length=5000)
