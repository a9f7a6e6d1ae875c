"""What the review lets a person do on this server, learned once per server address.

How to *choose* a version is not documented: it is learned from the server's own
``/openapi.json`` (:func:`discover_operations`, through :mod:`app.api.operations`) and cached per
server address (:class:`OperationsCache`). When the server advertises no such operation, or its
document cannot be read, the choice is made on AITasker's website (:data:`WEBSITE_URL`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.api.operations import EXTEND, REMIX, SELECT, Operation, find_operations
from app.api.operations_cache import DiscoveryState, Learning, ServerOperationsCache

WEBSITE_URL = "https://aitasker.co"


@dataclass(frozen=True)
class ReviewOperations:
    """What the server lets this app do from the review; ``select`` None means "on the website"."""

    state: DiscoveryState
    select: Operation | None = None
    remix: Operation | None = None
    extend: Operation | None = None
    detail: str = ""

    @property
    def choose_on_website(self) -> bool:
        return self.select is None

    def to_json(self) -> dict[str, Any]:
        return {
            "state": self.state,
            "detail": self.detail,
            **{
                name: op.to_json() if op else None
                for name, op in (("select", self.select), ("remix", self.remix), ("extend", self.extend))
            },
        }

    @classmethod
    def from_json(cls, data: Any) -> ReviewOperations | None:
        if not isinstance(data, dict) or data.get("state") not in ("found", "absent"):
            return None
        select = Operation.from_json(data.get("select"))
        if data["state"] == "found" and select is None:
            return None
        return cls(
            state="found" if select else "absent",
            select=select,
            remix=Operation.from_json(data.get("remix")),
            extend=Operation.from_json(data.get("extend")),
            detail=str(data.get("detail", "")),
        )


def discover_operations(doc: Any) -> ReviewOperations:
    """Learn the select (and optional remix / review-extension) operations from an OpenAPI document."""
    found = find_operations(doc, (SELECT, REMIX, EXTEND))
    if found is None:
        return ReviewOperations("malformed", detail="the document has no 'paths' object")
    select = found.get("select")
    return ReviewOperations(
        "found" if select else "absent",
        select=select,
        remix=found.get("remix"),
        extend=found.get("extend"),
        detail=f"{select.method} {select.path}" if select else "no operation to choose a version",
    )


class OperationsCache(ServerOperationsCache[ReviewOperations]):
    """What each server address lets the review do (see :class:`ServerOperationsCache`): a select
    that the server no longer knows (404/405) drops the entry (:meth:`forget`)."""

    learning = Learning(
        "review operations",
        discover_operations,
        ReviewOperations.from_json,
        lambda detail: ReviewOperations("unreadable", detail=detail),
    )
