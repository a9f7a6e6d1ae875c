"""Saving one item of the final work to disk: streamed, checked, complete or not at all.

- Streamed with httpx (``client.stream`` semantics: ``send(stream=True)`` + ``aiter_bytes``); httpx's
  read timeout bounds the wait for each piece, ``asyncio.timeout`` the whole download (a server that
  drips a byte a second never trips the first).
- Written by :class:`app.delivery.disk.PartFile` in an executor, a megabyte at a time while the next
  one arrives: the event loop's thread never waits on the disk.
- Checked against what the delivery declared: a ``Content-Length`` of another size, a body longer
  (or, when the length was declared, shorter) than declared, a ``Content-Type`` of another kind, a
  different SHA-256 → refused in plain words, nothing left behind.
- Redirects: at most :data:`MAX_REDIRECTS`, never to another scheme (``https`` → ``http``,
  anything → ``file:``), plain ``http`` only on this computer. The API key goes only to the API's own
  scheme, host and port, and never again once a redirect has left it.
- Cancel (cancelling the task that awaits :meth:`Downloader.save`) and every failure leave nothing:
  the temporary file is removed, and the real one too if it had just been put in place.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import shutil
import ssl
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn
from urllib.parse import urlsplit

import httpx

from app import __version__
from app.api.client import is_loopback_host
from app.delivery.disk import PartFile, disk_error, remove_stale_parts
from app.delivery.items import DeliveryItem, DownloadError, media_type, type_contradicts
from app.delivery.names import safe_file_name
from app.translatable import fill, integer, translate

log = logging.getLogger(__name__)

Progress = Callable[[int, "int | None"], None]  # (bytes saved so far, total bytes or None when unknown)

READ_TIMEOUT = 30.0  # seconds without a byte before a download is given up
CONNECT_TIMEOUT = 10.0
MAX_REDIRECTS = 5
MAX_BYTES = 16 * 1024**3  # when nothing declares a size: a body that never ends can't fill the disk
MIN_RATE = 32 * 1024  # bytes per second, on average, that the total deadline allows for a known size
BATCH = 1024 * 1024  # bytes handed to the disk at once
PROGRESS_INTERVAL = 0.1


def size_words(size: int) -> str:
    """ "12 bytes", "340 KB", "25 MB", "12 GB" (whole numbers, in the user's way of writing them)."""
    if size < 1024:
        return fill(translate("messages", "%1 bytes"), integer(size))
    if size < 10 * 1024**2:
        return fill(translate("messages", "%1 KB"), integer(-(-size // 1024)))
    if size < 10 * 1024**3:
        return fill(translate("messages", "%1 MB"), integer(round(size / 1024**2)))
    return fill(translate("messages", "%1 GB"), integer(round(size / 1024**3)))


def deadline_for(size: int | None) -> float:
    """Seconds one download may take in all: two minutes, plus the size at :data:`MIN_RATE`; an hour unknown."""
    return 3600.0 if size is None else 120.0 + size / MIN_RATE


def _origin(url: str) -> tuple[str, str, int]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    return scheme, (parts.hostname or "").lower(), parts.port or (443 if scheme == "https" else 80)


def _check_address(url: str) -> None:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        raise DownloadError(
            "address",
            translate("messages", "This file is not at a web address, so it was not saved."),
            detail=url[:200],
        )
    if scheme == "http" and not is_loopback_host(parts.hostname):
        raise DownloadError(
            "address",
            translate("messages", "This file is not at a secure (https) address, so it was not saved."),
            detail=f"plain http to {parts.hostname}",
        )


class Downloader:
    """Saves delivery items. One per API address and key; :meth:`aclose` when done."""

    def __init__(
        self,
        api_base_url: str,
        api_key: str | None,
        *,
        read_timeout: float = READ_TIMEOUT,
        max_bytes: int = MAX_BYTES,
        max_redirects: int = MAX_REDIRECTS,
        progress_interval: float = PROGRESS_INTERVAL,
        transport: httpx.AsyncBaseTransport | None = None,
        verify: ssl.SSLContext | bool = True,
    ) -> None:
        self._api_origin = _origin(api_base_url)
        key = (api_key or "").strip()
        self._api_key = key if key and key.isascii() and key.isprintable() and " " not in key else ""
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.read_timeout = read_timeout
        self._progress_interval = progress_interval
        self._http = httpx.AsyncClient(
            headers={
                "User-Agent": f"aitasker-desktop/{__version__}",
                # The bytes on the wire are the file's bytes: sizes compare, and nothing is unpacked.
                "Accept-Encoding": "identity",
            },
            timeout=httpx.Timeout(read_timeout, connect=CONNECT_TIMEOUT),
            follow_redirects=False,
            transport=transport,
            verify=verify,
        )

    async def __aenter__(self) -> Downloader:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._http.aclose()

    def sends_key_to(self, url: str) -> bool:
        """True only for the API's own scheme, host and port."""
        return bool(self._api_key) and _origin(url) == self._api_origin

    async def save(
        self,
        item: DeliveryItem,
        folder: Path,
        *,
        name: str | None = None,
        progress: Progress | None = None,
        deadline: float | None = None,
        clean_folder: bool = True,
    ) -> Path:
        """Save ``item`` in ``folder`` (made if missing) under its safe name, or ``name`` (Save as…),
        numbered if taken; returns where it went. :class:`DownloadError` otherwise, nothing left."""
        if item.content is None:
            _check_address(item.url)
        loop = asyncio.get_running_loop()
        safe = safe_file_name(name if name is not None else item.name)
        preparing = loop.run_in_executor(None, _prepare, folder, safe, item, clean_folder)
        try:
            part = await asyncio.shield(preparing)
        except asyncio.CancelledError:
            # The thread goes on making the temporary file: it is taken away as soon as it exists.
            preparing.add_done_callback(lambda made: _discard_when_made(loop, made))
            raise
        digest = hashlib.sha256() if item.sha256 else None
        try:
            if item.content is not None:
                if digest is not None:
                    digest.update(item.content)
                await loop.run_in_executor(None, part.write, [item.content])
            else:
                seconds = deadline if deadline is not None else deadline_for(item.size)
                try:
                    async with asyncio.timeout(seconds):
                        await self._stream(item, part, digest, progress)
                except TimeoutError:
                    raise DownloadError(
                        "timeout",
                        fill(
                            translate("messages", "The download took longer than %1 minutes and was stopped."),
                            integer(max(1, round(seconds / 60))),
                        ),
                        detail=f"total deadline {seconds:g} s",
                    ) from None
            if digest is not None and digest.hexdigest() != item.sha256:
                raise DownloadError(
                    "checksum",
                    translate(
                        "messages",
                        "The file that arrived is not the one the final work lists (its checksum differs), "
                        "so it was not saved.",
                    ),
                    detail=f"sha256 {digest.hexdigest()} instead of {item.sha256}",
                )
            saved = await loop.run_in_executor(None, part.finish)
        except BaseException as exc:
            # Submitted before anything else is awaited: the thread removes the files even if this
            # task is cancelled again while it waits for that.
            cleanup = loop.run_in_executor(None, part.discard)
            try:
                await asyncio.shield(cleanup)
            except asyncio.CancelledError:
                pass
            if isinstance(exc, httpx.HTTPError):
                raise self._network_error(exc, item) from None
            raise
        if progress is not None:
            size = saved.stat().st_size if item.size is None else item.size
            progress(size, size)
        log.info("saved %s (%s) to %s", safe, item.content_type or "?", saved.parent)
        return saved

    async def _open(self, url: str) -> httpx.Response:
        """The answer of the file's address, after the redirects the rules allow (status not checked)."""
        current = url
        left_the_api = False
        for _ in range(self.max_redirects + 1):
            _check_address(current)
            left_the_api = left_the_api or not self.sends_key_to(current)
            headers = {} if left_the_api else {"Authorization": f"Bearer {self._api_key}"}
            try:
                response = await self._http.send(self._http.build_request("GET", current, headers=headers), stream=True)
            except httpx.RemoteProtocolError as exc:
                if "location" in str(exc).lower():
                    self._refuse_redirect(f"unreadable Location: {exc}")
                raise
            if not response.has_redirect_location or response.next_request is None:
                return response
            target = str(response.next_request.url)
            await response.aclose()
            if urlsplit(target).scheme.lower() != urlsplit(current).scheme.lower():
                self._refuse_redirect(f"{urlsplit(current).scheme} -> {urlsplit(target).scheme}")
            log.info("download moved to %s", urlsplit(target).hostname)
            current = target
        self._refuse_redirect(f"more than {self.max_redirects} redirects")

    @staticmethod
    def _refuse_redirect(detail: str) -> NoReturn:
        raise DownloadError(
            "redirect",
            translate("messages", "The file has moved to an address this app does not follow, so it was not saved."),
            detail=detail,
        )

    async def _stream(
        self, item: DeliveryItem, part: PartFile, digest: hashlib._Hash | None, progress: Progress | None
    ) -> None:
        loop = asyncio.get_running_loop()
        response = await self._open(item.url)
        stream = response.aiter_bytes()
        try:
            total, limit = self._accept(item, response)
            if item.size is None and total is not None:  # a declared size was checked before
                await loop.run_in_executor(None, _check_space, part.folder, total)
            if progress is not None:
                progress(0, total)
            done = 0
            batch: list[bytes] = []
            batched = 0
            pending: list[asyncio.Future[None]] = []
            shown_at = loop.time()
            async for chunk in stream:
                done += len(chunk)
                if done > limit:
                    self._too_long(item, done)
                batch.append(chunk)
                batched += len(chunk)
                if batched >= BATCH:
                    for job in pending:  # one megabyte written (and hashed) while the next arrives
                        await job
                    pending = self._hand_over(part, digest, batch)
                    batch, batched = [], 0
                if progress is not None and loop.time() - shown_at >= self._progress_interval:
                    shown_at = loop.time()
                    progress(done, total)
            for job in pending:
                await job
            for job in self._hand_over(part, digest, batch):  # only now: the last batch comes last
                await job
        finally:
            # The connection first, then the iterator: closed the other way round (or left to the
            # garbage collector), httpx's inner iterators would close the connection from another task.
            await response.aclose()
            await stream.aclose()  # type: ignore[attr-defined]
        if item.size is not None and done != item.size:
            raise DownloadError(
                "size",
                fill(
                    translate("messages", "The file arrived incomplete (%1 of %2), so it was not saved."),
                    size_words(done),
                    size_words(item.size),
                ),
                detail=f"{done} bytes of {item.size} declared",
            )

    @staticmethod
    def _hand_over(part: PartFile, digest: hashlib._Hash | None, batch: list[bytes]) -> list[asyncio.Future[None]]:
        """The batch to the disk and to the checksum, side by side in the executor (both let go of
        the GIL while they work); the next batch waits for both, so each stays in order."""
        if not batch:
            return []
        loop = asyncio.get_running_loop()
        jobs = [loop.run_in_executor(None, part.write, batch)]
        if digest is not None:
            jobs.append(loop.run_in_executor(None, _update, digest, batch))
        return jobs

    def _accept(self, item: DeliveryItem, response: httpx.Response) -> tuple[int | None, int]:
        """(total to show, most bytes accepted), or the reason the answer is refused."""
        if response.status_code != 200:
            raise DownloadError(
                "status",
                fill(translate("messages", "The server did not give the file (it answered %1)."), response.status_code),
                detail=f"HTTP {response.status_code} from {response.url.host}",
            )
        served_type = response.headers.get("Content-Type", "")
        if type_contradicts(item.content_type, served_type):
            raise DownloadError(
                "type",
                fill(
                    translate(
                        "messages",
                        "The server is sending another kind of file (%1) than the final work lists (%2), "
                        "so it was not saved.",
                    ),
                    media_type(served_type),
                    media_type(item.content_type),
                ),
                detail=f"Content-Type {served_type[:100]!r}, declared {item.content_type!r}",
            )
        encoding = response.headers.get("Content-Encoding", "").strip().lower()
        raw_length = response.headers.get("Content-Length", "").strip()
        length = int(raw_length) if raw_length.isdigit() and encoding in ("", "identity") else None
        if item.size is not None and length is not None and length != item.size:
            raise DownloadError(
                "size",
                fill(
                    translate(
                        "messages",
                        "The server is sending a file of another size (%1) than the final work lists (%2), "
                        "so it was not saved.",
                    ),
                    size_words(length),
                    size_words(item.size),
                ),
                detail=f"Content-Length {length}, declared {item.size}",
            )
        limit = item.size if item.size is not None else self.max_bytes
        if length is not None and length > limit:
            self._too_long(item, length)
        return (item.size if item.size is not None else length), limit

    def _too_long(self, item: DeliveryItem, size: int) -> NoReturn:
        if item.size is not None:
            raise DownloadError(
                "size",
                fill(
                    translate(
                        "messages", "The server sent more than the final work lists (%1), so the file was not saved."
                    ),
                    size_words(item.size),
                ),
                detail=f"over {item.size} declared bytes",
            )
        raise DownloadError(
            "size",
            fill(translate("messages", "The file is larger than %1, so it was not saved."), size_words(self.max_bytes)),
            detail=f"{size} bytes, over the limit of {self.max_bytes}",
        )

    def _network_error(self, exc: httpx.HTTPError, item: DeliveryItem) -> DownloadError:
        host = urlsplit(item.url).hostname or "?"
        detail = f"{type(exc).__name__} from {host}: {str(exc)[:200]}"
        if isinstance(exc, httpx.ConnectTimeout | httpx.ConnectError):
            return DownloadError(
                "offline", translate("messages", "Can't reach the server that holds this file."), detail=detail
            )
        if isinstance(exc, httpx.TimeoutException):
            return DownloadError(
                "timeout",
                fill(
                    translate("messages", "The download stopped: the server sent nothing for %1 seconds."),
                    integer(round(self.read_timeout)),
                ),
                detail=detail,
            )
        return DownloadError(
            "cut",
            translate("messages", "The connection broke before the whole file arrived. Nothing was kept."),
            detail=detail,
        )


def _discard_when_made(loop: asyncio.AbstractEventLoop, made: asyncio.Future[PartFile]) -> None:
    if not made.cancelled() and made.exception() is None:
        loop.run_in_executor(None, made.result().discard)


def _update(digest: hashlib._Hash, chunks: list[bytes]) -> None:
    for chunk in chunks:
        digest.update(chunk)


def _prepare(folder: Path, name: str, item: DeliveryItem, clean: bool) -> PartFile:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise disk_error(exc, folder) from None
    if clean:
        removed = remove_stale_parts(folder)
        if removed:
            log.info("removed %d unfinished download(s) of an earlier run in %s", removed, folder)
    if item.size is not None:
        _check_space(folder, item.size)
    return PartFile(folder, name)


def _check_space(folder: Path, size: int) -> None:
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return  # unknown: the write itself will say
    if free < size:
        raise DownloadError(
            "space",
            fill(
                translate("messages", "There is not enough space on the disk: the file needs %1, %2 are free."),
                size_words(size),
                size_words(free),
            ),
            detail=f"{size} bytes needed, {free} free in {folder}",
        )
