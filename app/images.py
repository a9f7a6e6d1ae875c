"""Fetching the pictures agents made (artifact images), with the client's rules, without Qt.

- at most ``max_bytes`` per picture (declared or actually sent), and a time limit per picture;
- redirects are never followed (a picture that moved is not shown);
- the API key goes only to the API's own address (same scheme, host and port); pictures on
  other hosts are fetched without it; plain ``http://`` only on this computer (as for the API);
- a bounded cache (bytes and entries), failures remembered briefly, one download per address at
  a time, a few downloads at once: a slow picture never holds up another part of the app.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import NoReturn
from urllib.parse import urlsplit

import httpx

from app import __version__
from app.api.client import is_loopback_host
from app.api.tls import tls_context
from app.translatable import fill, translate

log = logging.getLogger(__name__)

MAX_IMAGE_BYTES = 4 * 1024 * 1024
IMAGE_TIMEOUT = 20.0
CACHE_BYTES = 48 * 1024 * 1024
CACHE_ENTRIES = 300
FAILURE_MEMORY = 60.0  # seconds before a failed address is tried again
MAX_FAILURES_KEPT = 500
PARALLEL = 4


class ImageError(Exception):
    """A picture could not be shown; ``str()`` is a short plain reason (no key, no internals)."""


def _origin(url: str) -> tuple[str, str, int]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    port = parts.port or (443 if scheme == "https" else 80)
    return scheme, (parts.hostname or "").lower(), port


class ImageFetcher:
    def __init__(
        self,
        api_base_url: str,
        api_key: str | None,
        *,
        max_bytes: int = MAX_IMAGE_BYTES,
        timeout: float = IMAGE_TIMEOUT,
        cache_bytes: int = CACHE_BYTES,
        cache_entries: int = CACHE_ENTRIES,
        parallel: int = PARALLEL,
        transport: httpx.AsyncBaseTransport | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._api_origin = _origin(api_base_url)
        self._api_key = (api_key or "").strip()
        self.max_bytes = max_bytes
        self.timeout = timeout
        self._cache_bytes = cache_bytes
        self._cache_entries = cache_entries
        self._clock = clock
        self._cache: OrderedDict[str, bytes] = OrderedDict()
        self._cached_size = 0
        self._failures: OrderedDict[str, tuple[float, str]] = OrderedDict()
        self._inflight: dict[str, asyncio.Future[bytes]] = {}
        self._slots = asyncio.Semaphore(parallel)
        self._http = httpx.AsyncClient(
            headers={"User-Agent": f"aitasker-desktop/{__version__}", "Accept": "image/*"},
            timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)),
            follow_redirects=False,
            transport=transport,
            verify=tls_context(),  # the process's one TLS context: a new fetcher costs no certificate loading
        )

    async def aclose(self) -> None:
        for future in list(self._inflight.values()):
            future.cancel()
        await self._http.aclose()

    @property
    def cached_bytes(self) -> int:
        return self._cached_size

    def sends_key_to(self, url: str) -> bool:
        """True only for the API's own scheme, host and port."""
        return bool(self._api_key) and _origin(url) == self._api_origin

    async def fetch(self, url: str, *, again: bool = False) -> bytes:
        """The picture's bytes, or :class:`ImageError`. Concurrent calls for one address share a download.
        A recent failure is given again without asking the server, unless ``again`` (the person
        pressed Refresh)."""
        if url in self._cache:
            self._cache.move_to_end(url)
            return self._cache[url]
        failed = self._failures.get(url)
        if failed is not None and not again and self._clock() - failed[0] < FAILURE_MEMORY:
            raise ImageError(failed[1])
        pending = self._inflight.get(url)
        if pending is None:
            pending = asyncio.ensure_future(self._download(url))
            self._inflight[url] = pending
            pending.add_done_callback(self._finished(url))
        return await asyncio.shield(pending)

    def _finished(self, url: str) -> Callable[[asyncio.Future[bytes]], None]:
        def done(future: asyncio.Future[bytes]) -> None:
            self._inflight.pop(url, None)
            if not future.cancelled():
                future.exception()  # retrieved: a failure nobody awaited any more is not "never retrieved"

        return done

    async def _download(self, url: str) -> bytes:
        try:
            async with self._slots, asyncio.timeout(self.timeout):
                data = await self._get(url)
        except TimeoutError:
            self._fail(url, translate("messages", "The picture took too long to load."))
        except ImageError as exc:
            self._fail(url, str(exc))
        except httpx.HTTPError as exc:
            log.info("picture %s not loaded: %s", urlsplit(url).hostname, type(exc).__name__)
            self._fail(url, translate("messages", "The picture could not be loaded."))
        self._failures.pop(url, None)
        self._keep(url, data)
        return data

    def _fail(self, url: str, reason: str) -> NoReturn:
        self._failures[url] = (self._clock(), reason)
        self._failures.move_to_end(url)
        while len(self._failures) > MAX_FAILURES_KEPT:
            self._failures.popitem(last=False)
        raise ImageError(reason)

    def _keep(self, url: str, data: bytes) -> None:
        if len(data) > self._cache_bytes:
            return
        self._cache[url] = data
        self._cached_size += len(data)
        while self._cached_size > self._cache_bytes or len(self._cache) > self._cache_entries:
            _, old = self._cache.popitem(last=False)
            self._cached_size -= len(old)

    async def _get(self, url: str) -> bytes:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https") or not parts.hostname:
            raise ImageError(translate("messages", "This is not a web address."))
        if scheme == "http" and not is_loopback_host(parts.hostname):
            raise ImageError(
                translate("messages", "The picture is not on a secure (https) address, so it is not loaded.")
            )
        headers = {"Authorization": f"Bearer {self._api_key}"} if self.sends_key_to(url) else {}
        request = self._http.build_request("GET", url, headers=headers)
        response = await self._http.send(request, stream=True)
        try:
            if 300 <= response.status_code < 400:
                raise ImageError(
                    translate("messages", "The picture has moved to another address, which is not followed.")
                )
            if response.status_code != 200:
                raise ImageError(
                    fill(
                        translate("messages", "The picture could not be loaded (the server answered %1)."),
                        response.status_code,
                    )
                )
            kind = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
            if kind and not kind.startswith("image/") and kind != "application/octet-stream":
                raise ImageError(translate("messages", "This address is not a picture."))
            declared = response.headers.get("Content-Length")
            if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
                raise ImageError(self._too_large())
            chunks: list[bytes] = []
            size = 0
            stream = response.aiter_bytes()
            try:
                async for chunk in stream:
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise ImageError(self._too_large())
                    chunks.append(chunk)
            finally:
                # Close the connection first, then the iterators: closed the other way round,
                # httpx's inner iterators would try to close the connection while being collected.
                await response.aclose()
                await stream.aclose()  # type: ignore[attr-defined]
            return b"".join(chunks)
        finally:
            await response.aclose()

    def _too_large(self) -> str:
        return fill(
            translate("messages", "The picture is larger than %1 MB, so it is not loaded."),
            self.max_bytes // (1024 * 1024) or 1,
        )
