"""What a review window needs from the rest of the app, in one Qt-free object.

One per connection (API address + key): the gallery, the operations the server advertises
(learned once, cached per address), a choice sent once, and the pictures.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from app.api import TasksClient
from app.errors import ApiError, NotFound
from app.images import ImageFetcher
from app.review import Gallery, Operation, OperationsCache, ReviewOperations, SettingsStore

log = logging.getLogger(__name__)


class NoConnection(ApiError):
    default_message = "Not connected to AITasker yet."


class ReviewService:
    def __init__(self, client: Callable[[], TasksClient | None], api_url: str, api_key: str | None, *,
                 store: SettingsStore | None = None, cache: OperationsCache | None = None,
                 images: ImageFetcher | None = None) -> None:
        self._client = client
        self.api_url = api_url.rstrip("/")
        self.cache = cache if cache is not None else OperationsCache(store)
        self.images = images if images is not None else ImageFetcher(self.api_url, api_key)

    def _require(self) -> TasksClient:
        client = self._client()
        if client is None:
            raise NoConnection(detail="no client")
        return client

    async def gallery(self, task_id: str) -> Gallery:
        return await self._require().get_bids(task_id)

    async def operations(self) -> ReviewOperations:
        client = self._client()
        if client is None:
            return ReviewOperations("unreadable", detail="not connected")
        return await self.cache.get(self.api_url, client.openapi)

    async def choose(self, operation: Operation, task_id: str, bid_id: str) -> None:
        """Sent once. When the server no longer knows the operation itself (405, or FastAPI's bare
        "Not Found" for an unknown path), what was learned is dropped and learned again next time."""
        try:
            await self._require().select_bid(operation, task_id, bid_id)
        except ApiError as exc:
            if exc.status == 405 or (isinstance(exc, NotFound) and exc.detail.endswith(": Not Found")):
                self.cache.forget(self.api_url)
            raise

    async def run(self, operation: Operation, task_id: str) -> None:
        await self._require().run_review_operation(operation, task_id)

    async def aclose(self) -> None:
        await self.images.aclose()
