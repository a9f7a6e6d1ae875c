"""What a review window needs from the rest of the app, in one Qt-free object.

One per connection (API address + key): the gallery, the operations the server advertises
(learned once, cached per address), a choice sent once, and the pictures. With a
:class:`~app.review.keep.KeptTasks`, what was seen is kept on this computer (the gallery and its
pictures, within the keep's size cap) and shown from there when AITasker can't be reached: the
versions stay readable after the review, and offline.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from app.api.errors import ApiError, NotFound
from app.api.operations import Operation
from app.images import ImageError, ImageFetcher
from app.review.gallery import Gallery, parse_gallery
from app.review.operations import OperationsCache, ReviewOperations
from app.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from app.api.client import TasksClient  # named only: the session makes the client (httpx loads later)
    from app.review.keep import KeptTasks
    from app.store.repository import SettingsStore

log = logging.getLogger(__name__)


class NoConnection(ApiError):
    default_message = QT_TRANSLATE_NOOP("messages", "Not connected to AITasker yet.")


class ReviewService:
    """``client`` and ``key`` are read each time, so a new key or address (Settings) just works."""

    def __init__(
        self,
        client: Callable[[], TasksClient | None],
        key: str | Callable[[], str | None] | None,
        *,
        store: SettingsStore | None = None,
        cache: OperationsCache | None = None,
        kept: KeptTasks | None = None,
    ) -> None:
        self._client = client
        self._key = key if callable(key) else (lambda: key)
        self.cache = cache if cache is not None else OperationsCache(store)
        self._images: ImageFetcher | None = None
        self._images_for: tuple[str, str | None] | None = None
        self._retired: list[ImageFetcher] = []
        self._closing: set[asyncio.Task[None]] = set()
        self.kept = kept
        self._keeping: set[asyncio.Future[object]] = set()

    @property
    def api_url(self) -> str:
        client = self._client()
        return client.base_url if client is not None else ""

    @property
    def images(self) -> ImageFetcher:
        """The picture fetcher for the current address and key (a new one when they change)."""
        wanted = (self.api_url, self._key())
        if self._images is None or self._images_for != wanted:
            if self._images is not None:
                self._retire(self._images)
            self._images = ImageFetcher(wanted[0] or "https://invalid.invalid", wanted[1])
            self._images_for = wanted
        return self._images

    def _require(self) -> TasksClient:
        client = self._client()
        if client is None:
            raise NoConnection(detail="no client")
        return client

    def _retire(self, fetcher: ImageFetcher) -> None:
        try:
            job = asyncio.get_running_loop().create_task(fetcher.aclose())
        except RuntimeError:  # no loop running: closed with the service
            self._retired.append(fetcher)
        else:
            self._closing.add(job)
            job.add_done_callback(self._closing.discard)

    async def gallery(self, task_id: str) -> Gallery:
        """The versions as AITasker shows them now (kept on this computer); when it can't be reached
        or no longer shows them, the ones kept here, marked ``kept`` (in ``model_extra``)."""
        try:
            gallery = await self._require().get_bids(task_id)
        except ApiError:
            kept = await self._kept_gallery(task_id)
            if kept is None:
                raise
            return kept
        if self.kept is not None and gallery.bids:
            document = gallery.model_dump(mode="json", exclude={"task", "unreadable_bids"})
            self._keep(self.kept.put_gallery, task_id, document)
        return gallery

    async def _kept_gallery(self, task_id: str) -> Gallery | None:
        if self.kept is None:
            return None
        document = await asyncio.get_running_loop().run_in_executor(None, self.kept.gallery, task_id)
        if not isinstance(document, dict):
            return None
        try:
            gallery = parse_gallery({**document, "task": None, "kept": True})
        except ValueError:
            return None
        return gallery if gallery.bids else None

    async def picture(self, task_id: str, url: str, *, again: bool = False) -> bytes:
        """A version's picture (kept on this computer the first time); the kept one when it can't
        be fetched now."""
        try:
            data = await self.images.fetch(url, again=again)
        except ImageError:
            kept = (
                await asyncio.get_running_loop().run_in_executor(None, self.kept.file, task_id, url)
                if self.kept is not None
                else None
            )
            if kept is None:
                raise
            return kept
        if self.kept is not None:
            self._keep(_keep_file_once, self.kept, task_id, url, data)
        return data

    def _keep(self, write: Callable[..., object], *args: object) -> None:
        """Written beside the window (an executor), never awaited by it; a write that fails is logged."""
        job = asyncio.get_running_loop().run_in_executor(None, write, *args)
        self._keeping.add(job)
        job.add_done_callback(self._kept)

    def _kept(self, job: asyncio.Future[object]) -> None:
        self._keeping.discard(job)
        if not job.cancelled() and job.exception() is not None:
            log.warning("could not keep what was seen: %s", job.exception())

    async def operations(self) -> ReviewOperations:
        client = self._client()
        if client is None:
            return ReviewOperations("unreadable", detail="not connected")
        return await self.cache.get(self.api_url, client.openapi)

    async def choose(self, operation: Operation, task_id: str, bid_id: str, *, key: str | None = None) -> None:
        """Sent once. When the server no longer knows the operation itself (405, or FastAPI's bare
        "Not Found" for an unknown path), what was learned is dropped and learned again next time."""
        try:
            await self._require().select_bid(operation, task_id, bid_id, idempotency_key=key)
        except ApiError as exc:
            if exc.status == 405 or (isinstance(exc, NotFound) and exc.detail.endswith(": Not Found")):
                self.cache.forget(self.api_url)
            raise

    async def run(self, operation: Operation, task_id: str, *, key: str | None = None) -> None:
        await self._require().run_review_operation(operation, task_id, idempotency_key=key)

    async def aclose(self) -> None:
        if self._keeping:
            await asyncio.gather(*self._keeping, return_exceptions=True)  # writes already under way finish
        for fetcher in [*self._retired, *([self._images] if self._images else [])]:
            await fetcher.aclose()
        self._retired.clear()
        self._images = None


def _keep_file_once(kept: KeptTasks, task_id: str, url: str, data: bytes) -> None:
    if kept.file_path(task_id, url) is None:
        kept.put_file(task_id, url, data)
