"""One session with AITasker: the client, the outbox and the refresher, their background tasks,
the connection state, and a bounded shutdown. Qt-free: the window subscribes to its events.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from datetime import datetime
from typing import TYPE_CHECKING, Any

from app.api.contract import FINAL_STATUSES
from app.api.errors import ApiError, Forbidden, Offline, Unauthorized
from app.connection import Connection, ConnectionState, StateChange
from app.events import Event
from app.outbox import Outbox
from app.store.disk_errors import StoreError
from app.store.repository import Store
from app.sync import RefreshProblem, TaskRefresher
from app.taxonomy import Category, fetch_categories
from app.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from app.api.client import TasksClient
    from app.api.schema import Task

log = logging.getLogger(__name__)

__all__ = ["SHUTDOWN_GRACE", "Connection", "ConnectionState", "Session", "StateChange"]

SHUTDOWN_GRACE = 5.0  # seconds the background work gets to stop when the window closes


class Session:
    """Events: ``state_changed`` (StateChange), ``outbox_changed`` (None), ``task_updated`` (Task,
    from the refresher, a create or an add by ID), ``task_changed`` ((stored copy or None, fresh
    task): what a task read again changed, for the news), ``refreshed`` (datetime: a refresh asked
    about every task), ``task_problem`` (RefreshProblem: one task could not be refreshed, or can
    again), ``categories`` (the server's list).

    ``last_online`` is when the connection last worked; ``last_refreshed`` when a refresh last asked
    about every task (what "Last refreshed" says)."""

    def __init__(
        self,
        store: Store,
        connection: Connection,
        *,
        remember_secret: Callable[[str], None] = lambda key: None,
        refresh_interval: float = 10.0,
        client_factory: Callable[[str, str], TasksClient] | None = None,
    ) -> None:
        self.store = store
        self.connection = connection
        self.client: TasksClient | None = None
        self.refresher: TaskRefresher | None = None
        self.state = ConnectionState.STARTING
        self.detail = ""
        self.last_online: datetime | None = None
        self.last_refreshed: datetime | None = None
        self.refresh_interval = refresh_interval
        self.state_changed: Event[StateChange] = Event()
        self.outbox_changed: Event[None] = Event()
        self.task_updated: Event[Task] = Event()
        self.task_changed: Event[tuple[Task | None, Task]] = Event()
        self.refreshed: Event[datetime] = Event()
        self.task_problem: Event[RefreshProblem] = Event()
        self.categories: Event[list[Category]] = Event()
        self.remember_secret = remember_secret
        self._client_factory = client_factory
        self._background: set[asyncio.Future[Any]] = set()
        self.outbox = Outbox(
            store, lambda: self.client, on_change=lambda: self.outbox_changed.emit(None), on_created=self._created
        )

    # --- state ------------------------------------------------------------------------------------
    def set_state(self, state: str, detail: str = "") -> None:
        self.state, self.detail = ConnectionState(state), detail
        if self.state == ConnectionState.ONLINE:
            self.last_online = datetime.now().astimezone()
            self.outbox.network_may_be_back()
        self.state_changed.emit(StateChange(self.state, detail))

    # --- connecting -------------------------------------------------------------------------------
    async def start(self) -> None:
        if self.connection.api_key:
            await self.connect(self.connection.api_url, self.connection.api_key)
        else:
            self.set_state(ConnectionState.NO_KEY)

    async def connect(self, api_url: str, api_key: str) -> None:
        """Use this address and key from now on; start following tasks and the outbox."""
        self.remember_secret(api_key)
        old = self.client
        self.connection = Connection(api_url, api_key, demo=self.connection.demo)
        self.client = self._new_client(api_url, api_key)
        if old is not None:
            await old.aclose()
        await self.load_categories()
        if self.refresher is None:
            self.refresher = TaskRefresher(
                lambda: self.client,
                lambda: self.store.iter_unfinished(FINAL_STATUSES),
                self.task_refreshed,
                self.set_state,
                on_problem=self.task_problem.emit,
                on_pass=self._refreshed,
                interval=self.refresh_interval,
            )
            self.spawn(self.refresher.run())
            self.spawn(self.outbox.run())
        else:
            self.refresher.refresh_now()
        self.outbox.network_may_be_back()

    def _new_client(self, api_url: str, api_key: str) -> TasksClient:
        if self._client_factory is not None:
            return self._client_factory(api_url, api_key)
        from app.api.client import TasksClient  # here, not at start-up: httpx is not needed for the first picture

        return TasksClient(api_url, api_key)

    async def disconnect(self) -> None:
        """The key was forgotten: no client until a new key is given."""
        if self.client is not None:
            await self.client.aclose()
        self.client = None
        self.set_state(ConnectionState.NO_KEY)

    async def load_categories(self) -> None:
        assert self.client is not None
        try:
            fetched = await fetch_categories(self.client, self.store)
        except (Unauthorized, Forbidden) as exc:
            log.warning("categories not fetched: %s", exc.detail)
            self.set_state(ConnectionState.UNAUTHORIZED, exc.user_message)
            return
        except ApiError as exc:
            log.warning("categories not fetched: %s", exc.detail)
            self.set_state(
                ConnectionState.OFFLINE if isinstance(exc, Offline) else ConnectionState.ERROR, exc.user_message
            )
            return
        if fetched:
            self.categories.emit(fetched)
        self.set_state(ConnectionState.ONLINE)

    # --- tasks ------------------------------------------------------------------------------------
    def task_refreshed(self, task: Task) -> None:
        try:
            before = self.store.get_task(task.id)  # what the app knew of it: the news are the difference
        except Exception:  # an unreadable copy only means no news for this step
            before = None
        try:
            self.store.upsert_task(task)
        except StoreError:  # a full disk: shown by the store's problem listeners; the table still updates
            log.warning("task %s not saved", task.id)
        self.task_updated.emit(task)
        self.task_changed.emit((before, task))

    def _refreshed(self, at: datetime) -> None:
        self.last_refreshed = at
        self.refreshed.emit(at)

    def _created(self, draft_id: str, task: Task) -> None:
        self.task_updated.emit(task)  # the outbox stored it with the draft's removal
        if self.refresher is not None:
            self.refresher.saw(task.id)
            self.refresher.refresh_now()

    async def add_task(self, task_id: str) -> Task:
        """Follow a task known by its ID (raises ApiError, e.g. NotFound)."""
        if self.client is None:
            raise Offline(QT_TRANSLATE_NOOP("messages", "Connect an AITasker account first."))
        task = await self.client.get_task(task_id)
        if self.refresher is not None:
            self.refresher.saw(task.id)
        self.task_refreshed(task)
        return task

    def refresh_now(self) -> None:
        if self.refresher is not None:
            self.refresher.refresh_now()
        self.outbox.network_may_be_back()

    def set_refresh_interval(self, seconds: float) -> None:
        self.refresh_interval = seconds
        if self.refresher is not None:
            self.refresher.interval = seconds
            self.refresher.quiet_interval = max(seconds, 30.0)

    # --- background work and shutdown -------------------------------------------------------------
    def spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Future[Any]:
        task = asyncio.ensure_future(coro)
        self._background.add(task)
        task.add_done_callback(self._background_done)
        return task

    def _background_done(self, task: asyncio.Future[Any]) -> None:
        self._background.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("background work stopped", exc_info=task.exception())

    @property
    def background(self) -> int:
        return len(self._background)

    async def shutdown(self, sending: asyncio.Future[Any] | None = None) -> None:
        """Stop everything within a bound: a send in flight is cancelled (the outbox marks it "not
        sure it was sent"), then the background work; quitting never hangs on a stuck task."""
        if sending is not None and not sending.done():
            sending.cancel()
            await asyncio.wait([sending], timeout=SHUTDOWN_GRACE)
        for task in list(self._background):
            task.cancel()
        if self._background:
            _, stuck = await asyncio.wait(list(self._background), timeout=SHUTDOWN_GRACE)
            for task in stuck:
                log.warning("background work did not stop in time: %r", task)
        if self.client is not None:
            await self.client.aclose()
