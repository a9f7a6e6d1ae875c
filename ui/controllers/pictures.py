"""Pictures for every window: fetched, decoded beside the window (never on its thread) at the size
shown, and kept in one cache with a byte cap. One picture is fetched and decoded once however many
windows ask for it at the same time."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from PySide6.QtGui import QImage, QPixmap

from ui.widgets.pictures import PIXEL_BUDGET, SHOWN, PictureCache, decode_picture, decode_weight

log = logging.getLogger(__name__)


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
    """``await picture(url, fetch)``: the picture at most :data:`~ui.widgets.pictures.SHOWN` large.
    Raises what ``fetch`` raises (a download that failed) or
    :class:`~ui.widgets.pictures.PictureRefused` (a picture that can't or won't be shown)."""

    def __init__(self, cache: PictureCache | None = None) -> None:
        self.cache = cache if cache is not None else PictureCache()
        self._gate = PixelGate()
        self._inflight: dict[str, asyncio.Future[QPixmap]] = {}

    def cached(self, url: str) -> QPixmap | None:
        return self.cache.get(url)

    async def picture(self, url: str, fetch: Callable[[str], Awaitable[bytes]]) -> QPixmap:
        cached = self.cache.get(url)
        if cached is not None:
            return cached
        pending = self._inflight.get(url)
        if pending is None:
            pending = asyncio.ensure_future(self._load(url, fetch))
            self._inflight[url] = pending
            pending.add_done_callback(lambda done: self._finished(url, done))
        return await asyncio.shield(pending)

    def _finished(self, url: str, done: asyncio.Future[QPixmap]) -> None:
        if self._inflight.get(url) is done:
            del self._inflight[url]
        if not done.cancelled():
            done.exception()  # retrieved: a failure nobody waits for any more is not "never retrieved"

    async def _load(self, url: str, fetch: Callable[[str], Awaitable[bytes]]) -> QPixmap:
        data = await fetch(url)
        loop = asyncio.get_running_loop()
        pixels = await loop.run_in_executor(None, decode_weight, data, SHOWN)  # the header only
        async with self._gate.holding(pixels):
            image: QImage = await loop.run_in_executor(None, decode_picture, data, SHOWN)
        pixmap = QPixmap.fromImage(image)  # on the window's thread, as Qt wants
        self.cache.put(url, pixmap)
        return pixmap
