"""Pictures for every window: fetched, decoded beside the window (never on its thread) at the size
shown, and kept in one cache with a byte cap. One picture is fetched and decoded once however many
windows ask for it at the same time."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QPixmap

from ui.widgets.pictures import PIXEL_BUDGET, SHOWN, PictureCache, decode_picture, decode_weight

log = logging.getLogger(__name__)

URGENT_AHEAD = 2.0  # seconds other decodes wait for a picture in view


class PixelGate:
    """Decodes run side by side while the pixels they hold stay within the budget (a full-size PNG
    may take all of it; thumbnails of JPEGs share it). Memory for decoding is bounded whatever comes."""

    def __init__(self, budget: int = PIXEL_BUDGET) -> None:
        self.budget = budget
        self._used = 0
        self._waiting: list[asyncio.Future[None]] = []

    @asynccontextmanager
    async def holding(self, pixels: int) -> AsyncIterator[None]:
        pixels = min(pixels, self.budget)
        while self._used and self._used + pixels > self.budget:
            turn = asyncio.get_running_loop().create_future()
            self._waiting.append(turn)
            try:
                await turn
            finally:
                if turn in self._waiting:
                    self._waiting.remove(turn)
        self._used += pixels
        try:
            yield
        finally:
            self._used -= pixels
            for turn in self._waiting:
                if not turn.done():
                    turn.set_result(None)


class PictureLoader:
    """``await picture(url, fetch)``: the picture at most :data:`~ui.widgets.pictures.SHOWN` large
    (kept in the cache), or at most ``bound`` large (e.g. :data:`~ui.widgets.pictures.FULL`, for a
    closer look: not cached, the caller holds it while it shows it). Raises what ``fetch`` raises
    (a download that failed) or :class:`~ui.widgets.pictures.PictureRefused` (a picture that
    can't or won't be shown)."""

    def __init__(self, cache: PictureCache | None = None) -> None:
        self.cache = cache if cache is not None else PictureCache()
        self._gate = PixelGate()
        self._inflight: dict[str, asyncio.Future[QPixmap]] = {}
        self._urgent = 0  # pictures someone is looking at right now, on their way
        self._calm = asyncio.Event()
        self._calm.set()

    def cached(self, url: str) -> QPixmap | None:
        return self.cache.get(url)

    async def picture(
        self, url: str, fetch: Callable[[str], Awaitable[bytes]], bound: QSize = SHOWN, *, urgent: bool = False
    ) -> QPixmap:
        """``urgent``: the picture in view; other pictures are decoded only once it is done, or
        after :data:`URGENT_AHEAD` seconds (a window opening on a photo shows it before the
        thumbnails of another part)."""
        shown = bound == SHOWN
        cached = self.cache.get(url) if shown else None
        if cached is not None:
            return cached
        key = url if shown else f"{url}#{bound.width()}x{bound.height()}"
        pending = self._inflight.get(key)
        if pending is None:
            pending = asyncio.ensure_future(self._load(url, fetch, bound, urgent))
            self._inflight[key] = pending
            pending.add_done_callback(lambda done: self._finished(key, done))
        return await asyncio.shield(pending)

    def _finished(self, key: str, done: asyncio.Future[QPixmap]) -> None:
        if self._inflight.get(key) is done:
            del self._inflight[key]
        if not done.cancelled():
            done.exception()  # retrieved: a failure nobody waits for any more is not "never retrieved"

    async def _load(self, url: str, fetch: Callable[[str], Awaitable[bytes]], bound: QSize, urgent: bool) -> QPixmap:
        if urgent:
            self._urgent += 1
            self._calm.clear()
        try:
            return await self._fetch_and_decode(url, fetch, bound, urgent)
        finally:
            if urgent:
                self._urgent -= 1
                if not self._urgent:
                    self._calm.set()

    async def _fetch_and_decode(
        self, url: str, fetch: Callable[[str], Awaitable[bytes]], bound: QSize, urgent: bool
    ) -> QPixmap:
        if not urgent and not self._calm.is_set():
            with contextlib.suppress(TimeoutError):  # a slow picture in view holds the others back only so long
                await asyncio.wait_for(self._calm.wait(), URGENT_AHEAD)
        data = await fetch(url)
        loop = asyncio.get_running_loop()
        pixels = await loop.run_in_executor(None, decode_weight, data, bound)  # the header only
        async with self._gate.holding(pixels):
            image: QImage = await loop.run_in_executor(None, decode_picture, data, bound)
        del data
        pixmap = QPixmap.fromImage(image)  # on the window's thread, as Qt wants
        if bound == SHOWN:
            self.cache.put(url, pixmap)
        return pixmap
