"""What the review lets a person do on this server, learned once per server address.

How to *choose* a version is not documented: it is learned from the server's own
``/openapi.json`` (:func:`discover_operations`, through :mod:`app.api.operations`) and cached per
server address (:class:`OperationsCache`). When the server advertises no such operation, or its
document cannot be read, the choice is made on AITasker's website (:data:`WEBSITE_URL`).
"""

from __future__ import annotations

import json
import logging
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from app.api.operations import EXTEND, REMIX, SELECT, Operation, find_operations

if TYPE_CHECKING:
    from app.store.repository import SettingsStore

log = logging.getLogger(__name__)

WEBSITE_URL = "https://aitasker.co"


DiscoveryState = Literal["found", "absent", "unreadable", "malformed"]


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


@dataclass
class _Cached:
    operations: ReviewOperations
    since: float  # monotonic: when it was learnt (its age in this run)


class OperationsCache:
    """What each server address advertises, in memory and (when readable) in the store's settings.

    A readable answer is kept a day; an unreadable document is asked again after a minute. A
    select that the server no longer knows (404/405) drops the entry (:meth:`forget`). Ages in
    this run are measured on the ``monotonic`` clock (setting the computer's clock back neither
    holds off the retry nor keeps an answer longer); the wall ``clock`` only dates what is kept in
    the store for a later run, whose age is unknown (so not kept) when the clock is now before it.
    """

    KEEP = 24 * 3600.0
    RETRY_UNREADABLE = 60.0
    MAX_SERVERS = 8

    def __init__(
        self,
        store: SettingsStore | None = None,
        *,
        clock: Callable[[], float] = time.time,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._store = store
        self._clock = clock
        self._monotonic = monotonic
        self._memory: OrderedDict[str, _Cached] = OrderedDict()

    @staticmethod
    def _key(base_url: str) -> str:
        return "review-operations:" + base_url.rstrip("/")

    def _remember(self, base_url: str, entry: _Cached) -> None:
        self._memory[base_url] = entry
        self._memory.move_to_end(base_url)
        while len(self._memory) > self.MAX_SERVERS:
            self._memory.popitem(last=False)

    def cached(self, base_url: str) -> ReviewOperations | None:
        entry = self._memory.get(base_url)
        if entry is not None:
            keep = self.KEEP if entry.operations.state in ("found", "absent") else self.RETRY_UNREADABLE
            if self._monotonic() - entry.since < keep:
                return entry.operations
        if self._store is not None:
            try:
                raw = self._store.get_setting(self._key(base_url))
                data = json.loads(raw) if raw else None
            except Exception as exc:  # a damaged setting is only a cache miss
                log.info("review operations cache unreadable: %s", exc)
                data = None
            at = data.get("at") if isinstance(data, dict) else None
            age = self._clock() - at if isinstance(at, (int, float)) else -1.0  # < 0: written "later" than now
            if isinstance(data, dict) and 0 <= age < self.KEEP:
                operations = ReviewOperations.from_json(data.get("operations"))
                if operations is not None:
                    self._remember(base_url, _Cached(operations, self._monotonic() - age))
                    return operations
        return None

    def put(self, base_url: str, operations: ReviewOperations) -> None:
        self._remember(base_url, _Cached(operations, self._monotonic()))
        if self._store is not None and operations.state in ("found", "absent"):
            try:
                self._store.set_setting(
                    self._key(base_url), json.dumps({"at": self._clock(), "operations": operations.to_json()})
                )
            except Exception as exc:
                log.warning("could not keep what the server offers: %s", exc)

    def forget(self, base_url: str) -> None:
        self._memory.pop(base_url, None)
        if self._store is not None:
            try:
                self._store.set_setting(self._key(base_url), None)
            except Exception as exc:
                log.warning("could not forget the cached operations: %s", exc)

    async def get(self, base_url: str, fetch: Callable[[], Awaitable[Any]]) -> ReviewOperations:
        """The cached operations, else ``fetch()`` the document and learn from it."""
        known = self.cached(base_url)
        if known is not None:
            return known
        try:
            doc = await fetch()
        except Exception as exc:  # offline, refused, not JSON, too large: all mean "unreadable"
            log.info("the server's description could not be read: %s", getattr(exc, "detail", "") or type(exc).__name__)
            operations = ReviewOperations("unreadable", detail=str(getattr(exc, "detail", "") or type(exc).__name__))
        else:
            operations = discover_operations(doc)
        log.info("review operations for %s: %s (%s)", base_url, operations.state, operations.detail)
        self.put(base_url, operations)
        return operations
