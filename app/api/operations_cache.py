"""What each server address advertises, learned once from its ``/openapi.json`` and kept.

The review's choice (:mod:`app.review.operations`) and the actions on a task after it
(:mod:`app.tasks.operations`) are both learned from the server's own document and kept per server
address by one :class:`ServerOperationsCache`: each says only what it learns from the document, how it
reads back what was kept, and the name its entries are kept under (its :class:`Learning`).
"""

from __future__ import annotations

import json
import logging
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, Literal, Protocol, TypeVar

if TYPE_CHECKING:
    from app.store.repository import SettingsStore

log = logging.getLogger(__name__)

DiscoveryState = Literal["found", "absent", "unreadable", "malformed"]


class Offered(Protocol):
    """What a server was found to offer: a state, a detail for the log, and a form to keep."""

    @property
    def state(self) -> DiscoveryState: ...

    @property
    def detail(self) -> str: ...

    def to_json(self) -> dict[str, Any]: ...


T = TypeVar("T", bound=Offered)


@dataclass
class _Cached(Generic[T]):
    operations: T
    since: float  # monotonic: when it was learnt (its age in this run)


@dataclass(frozen=True)
class Learning(Generic[T]):
    """How one kind of offer is learned: from the document, from what was kept, or not at all."""

    name: str  # "review operations": the setting's key ("review-operations:<address>") and the log's words
    discover: Callable[[Any], T]  # from the OpenAPI document
    from_json: Callable[[Any], T | None]  # from what was kept (None: not usable)
    unreadable: Callable[[str], T]  # the document could not be read (the detail why)


class ServerOperationsCache(Generic[T]):
    """What each server address advertises, in memory and (when readable) in the store's settings.

    A readable answer is kept a day; an unreadable document is asked again after a minute. An
    operation that the server no longer knows (404/405) drops the entry (:meth:`forget`), so it is
    learned again. Ages in this run are measured on the ``monotonic`` clock (setting the
    computer's clock back neither holds off the retry nor keeps an answer longer); the wall
    ``clock`` only dates what is kept in the store for a later run, whose age is unknown (so not
    kept) when the clock is now before it.
    """

    KEEP = 24 * 3600.0
    RETRY_UNREADABLE = 60.0
    MAX_SERVERS = 8
    learning: Learning[T]  # each kind of cache says how its offers are learned

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
        self._memory: OrderedDict[str, _Cached[T]] = OrderedDict()

    def _key(self, base_url: str) -> str:
        return self.learning.name.replace(" ", "-") + ":" + base_url.rstrip("/")

    def _remember(self, base_url: str, entry: _Cached[T]) -> None:
        self._memory[base_url] = entry
        self._memory.move_to_end(base_url)
        while len(self._memory) > self.MAX_SERVERS:
            self._memory.popitem(last=False)

    def cached(self, base_url: str) -> T | None:
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
                log.info("%s cache unreadable: %s", self.learning.name, exc)
                data = None
            at = data.get("at") if isinstance(data, dict) else None
            age = self._clock() - at if isinstance(at, (int, float)) else -1.0  # < 0: written "later" than now
            if isinstance(data, dict) and 0 <= age < self.KEEP:
                operations = self.learning.from_json(data.get("operations"))
                if operations is not None:
                    self._remember(base_url, _Cached(operations, self._monotonic() - age))
                    return operations
        return None

    def put(self, base_url: str, operations: T) -> None:
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
                log.warning("could not forget the cached %s: %s", self.learning.name, exc)

    async def get(self, base_url: str, fetch: Callable[[], Awaitable[Any]]) -> T:
        """The cached operations, else ``fetch()`` the document and learn from it."""
        known = self.cached(base_url)
        if known is not None:
            return known
        try:
            doc = await fetch()
        except Exception as exc:  # offline, refused, not JSON, too large: all mean "unreadable"
            detail = str(getattr(exc, "detail", "") or type(exc).__name__)
            log.info("the server's description could not be read: %s", detail)
            operations = self.learning.unreadable(detail)
        else:
            operations = self.learning.discover(doc)
        log.info("%s for %s: %s (%s)", self.learning.name, base_url, operations.state, operations.detail)
        self.put(base_url, operations)
        return operations
