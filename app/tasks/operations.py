"""What a person may do to a task from the app after (and before) the choice, learned per server.

Approving the final work, asking for changes, reporting a problem, cancelling and answering the
agent's question are not in the API notes: each is learned from the server's own
``/openapi.json`` (:func:`discover_task_operations`, through :mod:`app.api.operations`) and cached
per server address (:class:`TaskOperationsCache`), as the review's choice is. Whatever the server
does not advertise is done on AITasker's website (:func:`website_url`).
"""

from __future__ import annotations

import json
import logging
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import quote

from app.api.operations import APPROVE, CANCEL, DISPUTE, INPUT, REVISION, Operation, find_operations
from app.review.operations import WEBSITE_URL

if TYPE_CHECKING:
    from app.store.repository import SettingsStore

log = logging.getLogger(__name__)

DiscoveryState = Literal["found", "absent", "unreadable", "malformed"]
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


@dataclass
class _Cached:
    operations: TaskOperations
    at: float


class TaskOperationsCache:
    """What each server address advertises, in memory and (when readable) in the store's settings.

    A readable answer is kept a day; an unreadable document is asked again after a minute. An
    operation the server no longer knows (405, or a bare 404 for its path) drops the entry
    (:meth:`forget`), so it is learned again.
    """

    KEEP = 24 * 3600.0
    RETRY_UNREADABLE = 60.0
    MAX_SERVERS = 8

    def __init__(self, store: SettingsStore | None = None, *, clock: Callable[[], float] = time.time) -> None:
        self._store = store
        self._clock = clock
        self._memory: OrderedDict[str, _Cached] = OrderedDict()

    @staticmethod
    def _key(base_url: str) -> str:
        return "task-operations:" + base_url.rstrip("/")

    def _remember(self, base_url: str, entry: _Cached) -> None:
        self._memory[base_url] = entry
        self._memory.move_to_end(base_url)
        while len(self._memory) > self.MAX_SERVERS:
            self._memory.popitem(last=False)

    def cached(self, base_url: str) -> TaskOperations | None:
        now = self._clock()
        entry = self._memory.get(base_url)
        if entry is not None:
            keep = self.KEEP if entry.operations.state in ("found", "absent") else self.RETRY_UNREADABLE
            if now - entry.at < keep:
                return entry.operations
        if self._store is None:
            return None
        try:
            raw = self._store.get_setting(self._key(base_url))
            data = json.loads(raw) if raw else None
        except Exception as exc:  # a damaged setting is only a cache miss
            log.info("task operations cache unreadable: %s", exc)
            return None
        if isinstance(data, dict) and isinstance(data.get("at"), (int, float)) and now - data["at"] < self.KEEP:
            operations = TaskOperations.from_json(data.get("operations"))
            if operations is not None:
                self._remember(base_url, _Cached(operations, float(data["at"])))
                return operations
        return None

    def put(self, base_url: str, operations: TaskOperations) -> None:
        now = self._clock()
        self._remember(base_url, _Cached(operations, now))
        if self._store is not None and operations.state in ("found", "absent"):
            try:
                self._store.set_setting(
                    self._key(base_url), json.dumps({"at": now, "operations": operations.to_json()})
                )
            except Exception as exc:
                log.warning("could not keep what the server offers: %s", exc)

    def forget(self, base_url: str) -> None:
        self._memory.pop(base_url, None)
        if self._store is not None:
            try:
                self._store.set_setting(self._key(base_url), None)
            except Exception as exc:
                log.warning("could not forget the cached task operations: %s", exc)

    async def get(self, base_url: str, fetch: Callable[[], Awaitable[Any]]) -> TaskOperations:
        """The cached operations, else ``fetch()`` the document and learn from it."""
        known = self.cached(base_url)
        if known is not None:
            return known
        try:
            doc = await fetch()
        except Exception as exc:  # offline, refused, not JSON, too large: all mean "unreadable"
            detail = str(getattr(exc, "detail", "") or type(exc).__name__)
            log.info("the server's description could not be read: %s", detail)
            operations = TaskOperations("unreadable", detail=detail)
        else:
            operations = discover_task_operations(doc)
        log.info("task operations for %s: %s (%s)", base_url, operations.state, operations.detail)
        self.put(base_url, operations)
        return operations
