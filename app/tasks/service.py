"""What the task actions need from the rest of the app, in one Qt-free object: the operations the
server advertises (learned once per address), a task read again, its final work, an action sent
once."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from app.api.errors import ApiError, NotFound
from app.api.operations import Operation
from app.review.service import NoConnection
from app.tasks.operations import TaskOperations, TaskOperationsCache

if TYPE_CHECKING:
    from app.api.client import TasksClient  # named only: the session makes the client
    from app.api.schema import Task
    from app.store.repository import SettingsStore
    from app.tasks.delivery import Delivery


class TaskService:
    """``client`` is read each time, so a new key or address (Settings) just works."""

    def __init__(
        self,
        client: Callable[[], TasksClient | None],
        *,
        store: SettingsStore | None = None,
        cache: TaskOperationsCache | None = None,
    ) -> None:
        self._client = client
        self.cache = cache if cache is not None else TaskOperationsCache(store)

    @property
    def api_url(self) -> str:
        client = self._client()
        return client.base_url if client is not None else ""

    @property
    def connected(self) -> bool:
        return self._client() is not None

    def _require(self) -> TasksClient:
        client = self._client()
        if client is None:
            raise NoConnection(detail="no client")
        return client

    def known_operations(self) -> TaskOperations | None:
        """What was learned about the current server (None: not yet)."""
        return self.cache.cached(self.api_url) if self.connected else None

    async def operations(self) -> TaskOperations:
        client = self._client()
        if client is None:
            return TaskOperations("unreadable", detail="not connected")
        return await self.cache.get(self.api_url, client.openapi)

    async def task(self, task_id: str) -> Task:
        return await self._require().get_task(task_id)

    async def delivery(self, task_id: str) -> Delivery | None:
        return await self._require().get_delivery(task_id)

    async def run(self, operation: Operation, task_id: str, body: dict[str, Any] | None, *, key: str) -> None:
        """Sent once. When the server no longer knows the operation itself (405, or FastAPI's bare
        "Not Found" for an unknown path), what was learned is dropped and learned again next time."""
        try:
            await self._require().run_task_operation(operation, task_id, body, idempotency_key=key)
        except ApiError as exc:
            if exc.status == 405 or (isinstance(exc, NotFound) and exc.detail.endswith(": Not Found")):
                self.cache.forget(self.api_url)
            raise
