"""What a person may do to a task from the app after (and before) the choice, learned per server.

Approving the final work, asking for changes, reporting a problem, cancelling and answering the
agent's question are not in the API notes: each is learned from the server's own
``/openapi.json`` (:func:`discover_task_operations`, through :mod:`app.api.operations`) and cached
per server address (:class:`TaskOperationsCache`), as the review's choice is. Whatever the server
does not advertise is done on AITasker's website (:func:`website_url`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from app.api.operations import APPROVE, CANCEL, DISPUTE, INPUT, REVISION, Operation, find_operations
from app.api.operations_cache import DiscoveryState, Learning, ServerOperationsCache
from app.review.operations import WEBSITE_URL

NAMES = ("approve", "revision", "dispute", "cancel", "answer")
_VERBS = {"approve": APPROVE, "revision": REVISION, "dispute": DISPUTE, "cancel": CANCEL, "answer": INPUT}


def website_url(task_id: str) -> str:
    """The task's page on AITasker's website, where whatever the server does not offer here is done.
    (The page's path is not documented: the site's own task address, by the task's id.)"""
    return f"{WEBSITE_URL}/tasks/{quote(str(task_id).strip(), safe='')}"


@dataclass(frozen=True)
class TaskOperations:
    """What the server lets this app do to a task; None for an operation means "on the website"."""

    state: DiscoveryState
    approve: Operation | None = None
    revision: Operation | None = None
    dispute: Operation | None = None
    cancel: Operation | None = None
    answer: Operation | None = None
    detail: str = ""

    def get(self, name: str) -> Operation | None:
        """The operation by its name in :data:`NAMES` (None when not offered)."""
        return getattr(self, name) if name in NAMES else None

    @staticmethod
    def website_url(task_id: str) -> str:
        return website_url(task_id)

    def to_json(self) -> dict[str, Any]:
        ops = {name: op.to_json() if (op := self.get(name)) is not None else None for name in NAMES}
        return {"state": self.state, "detail": self.detail, **ops}

    @classmethod
    def from_json(cls, data: Any) -> TaskOperations | None:
        if not isinstance(data, dict) or data.get("state") not in ("found", "absent"):
            return None
        ops = {name: Operation.from_json(data.get(name)) for name in NAMES}
        state: DiscoveryState = "found" if any(ops.values()) else "absent"
        return cls(state, **ops, detail=str(data.get("detail", "")))


def discover_task_operations(doc: Any) -> TaskOperations:
    """Learn approve / revision / dispute / cancel / answer from an OpenAPI document."""
    found = find_operations(doc, _VERBS.values())
    if found is None:
        return TaskOperations("malformed", detail="the document has no 'paths' object")
    ops = {name: found.get(verb.name) for name, verb in _VERBS.items()}
    offered = [f"{name}: {op.method} {op.path}" for name, op in ops.items() if op is not None]
    return TaskOperations(
        "found" if offered else "absent", **ops, detail="; ".join(offered) or "no operation on a task after the choice"
    )


class TaskOperationsCache(ServerOperationsCache[TaskOperations]):
    """What each server address lets the app do to a task (see :class:`ServerOperationsCache`): an
    operation the server no longer knows (405, or a bare 404 for its path) drops the entry
    (:meth:`forget`), so it is learned again."""

    learning = Learning(
        "task operations",
        discover_task_operations,
        TaskOperations.from_json,
        lambda detail: TaskOperations("unreadable", detail=detail),
    )
