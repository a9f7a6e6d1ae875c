"""Saving one item of the final work to disk: streamed, checked, complete or not at all.

- Streamed with httpx (``client.stream`` semantics: ``send(stream=True)`` + ``aiter_bytes``); httpx's
  read timeout bounds the wait for each piece, ``asyncio.timeout`` the whole download (a server that
  drips a byte a second never trips the first).
- Written and hashed by :class:`app.delivery.disk.PartFile` in the downloader's own thread, a
  megabyte in one call while the next one arrives: the event loop's thread never waits on the disk
  or the checksum. Received through :class:`app.delivery.transport.BigReadTransport`: 256 KiB a
  piece, a quarter of httpx's usual work on the loop for each megabyte.
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
import ssl
from collections import deque
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from app import __version__
from app.delivery.checks import (
    accept,
    check_address,
    check_space,
    deadline_for,
    incomplete,
    network_error,
    origin,
    refuse_redirect,
    too_long,
)
from app.delivery.disk import PartFile, disk_error, remove_stale_parts
from app.delivery.items import DeliveryItem, DownloadError
from app.delivery.names import safe_file_name
from app.delivery.transport import BigReadTransport
from app.translatable import fill, integer, translate

log = logging.getLogger(__name__)

Progress = Callable[[int, "int | None"], None]  # (bytes saved so far, total bytes or None when unknown)

READ_TIMEOUT = 30.0  # seconds without a byte before a download is given up
CONNECT_TIMEOUT = 10.0
MAX_REDIRECTS = 5
MAX_BYTES = 16 * 1024**3  # when nothing declares a size: a body that never ends can't fill the disk
# Bytes handed to the disk and the checksum in one executor call. Measured against 4 MB (bench
# download_loop_p99_ms, runs alternating in one process on a loaded 2-core machine), bigger batches
# made the event loop later, not earlier: ~12 ms p99 against ~8 ms.
BATCH = 1024 * 1024
# Batches handed over and not yet written before the loop waits for the oldest. Measured (runs
# alternating in one process): 2 made the loop later (p99 8.5 against 5.6 ms) and no faster.
IN_FLIGHT = 1
LOOK = 256 * 1024  # bytes between two looks at the size limit and the progress clock
PROGRESS_INTERVAL = 0.1


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
        self._api_origin = origin(api_base_url)
        key = (api_key or "").strip()
        self._api_key = key if key and key.isascii() and key.isprintable() and " " not in key else ""
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.read_timeout = read_timeout
        self._progress_interval = progress_interval
        # One thread writes and hashes, so the batches of a file go in order (Save all's items take
        # turns there: a megabyte of checksum costs it about a millisecond).
        self._disk = ThreadPoolExecutor(max_workers=1, thread_name_prefix="aitasker-save")
        self._http = httpx.AsyncClient(
            headers={
                "User-Agent": f"aitasker-desktop/{__version__}",
                # The bytes on the wire are the file's bytes: sizes compare, and nothing is unpacked.
                "Accept-Encoding": "identity",
            },
            timeout=httpx.Timeout(read_timeout, connect=CONNECT_TIMEOUT),
            follow_redirects=False,
            # Ours reads 256 KiB at a time (app.delivery.transport); proxies from the environment
            # still get httpx's own transports, with this TLS context.
            transport=transport if transport is not None else BigReadTransport(verify),
            verify=verify,
        )

    async def __aenter__(self) -> Downloader:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._http.aclose()
        self._disk.shutdown(wait=False)  # what is queued still runs (a discard comes last)

    def sends_key_to(self, url: str) -> bool:
        """True only for the API's own scheme, host and port."""
        return bool(self._api_key) and origin(url) == self._api_origin

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
            check_address(item.url)
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
                await loop.run_in_executor(None, _write_and_hash, part, digest, [item.content])
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
                raise network_error(exc, item, self.read_timeout) from None
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
            check_address(current)
            left_the_api = left_the_api or not self.sends_key_to(current)
            headers = {} if left_the_api else {"Authorization": f"Bearer {self._api_key}"}
            try:
                response = await self._http.send(self._http.build_request("GET", current, headers=headers), stream=True)
            except httpx.RemoteProtocolError as exc:
                if "location" in str(exc).lower():
                    refuse_redirect(f"unreadable Location: {exc}")
                raise
            if not response.has_redirect_location or response.next_request is None:
                return response
            target = str(response.next_request.url)
            await response.aclose()
            if urlsplit(target).scheme.lower() != urlsplit(current).scheme.lower():
                refuse_redirect(f"{urlsplit(current).scheme} -> {urlsplit(target).scheme}")
            log.info("download moved to %s", urlsplit(target).hostname)
            current = target
        refuse_redirect(f"more than {self.max_redirects} redirects")

    async def _stream(
        self, item: DeliveryItem, part: PartFile, digest: hashlib._Hash | None, progress: Progress | None
    ) -> None:
        """The body to ``part`` (and ``digest``). The loop's thread does as little as it can for each
        piece: it keeps it and adds its length; every :data:`LOOK` bytes it checks the limit and the
        progress clock, every :data:`BATCH` it hands the pieces to the saving thread (one call writes
        and hashes them there) and goes on receiving; it waits only when :data:`IN_FLIGHT` batches are
        still being written. Not encoded (we ask for identity), the pieces
        come from ``aiter_raw``: one generator and a decoder less on the loop for each of them."""
        loop = asyncio.get_running_loop()
        response = await self._open(item.url)
        stream: AsyncIterator[bytes] | None = None
        pending: deque[asyncio.Future[None]] = deque()
        try:
            total, limit = accept(item, response, self.max_bytes)
            if item.size is None and total is not None:  # a declared size was checked before
                await loop.run_in_executor(None, check_space, part.folder, total)
            if progress is not None:
                progress(0, total)
            encoding = response.headers.get("Content-Encoding", "").strip().lower()
            stream = response.aiter_raw() if encoding in ("", "identity") else response.aiter_bytes()
            handed = 0  # bytes given to the executor
            batch: list[bytes] = []
            batched = 0
            look_at = LOOK
            show_at = loop.time() + self._progress_interval
            async for chunk in stream:
                batch.append(chunk)
                batched += len(chunk)
                if batched < look_at:
                    continue
                look_at = batched + LOOK
                received = handed + batched
                if received > limit:
                    too_long(item, received, self.max_bytes)
                if batched >= BATCH:
                    if len(pending) == IN_FLIGHT:  # the batches before are written and hashed meanwhile
                        await pending.popleft()
                    pending.append(loop.run_in_executor(self._disk, _write_and_hash, part, digest, batch))
                    handed, batch, batched, look_at = received, [], 0, LOOK
                if progress is not None and loop.time() >= show_at:
                    show_at = loop.time() + self._progress_interval
                    progress(received, total)
            received = handed + batched
            if received > limit:
                too_long(item, received, self.max_bytes)
            if batch:  # the same thread: after the others
                pending.append(loop.run_in_executor(self._disk, _write_and_hash, part, digest, batch))
            while pending:
                await pending.popleft()
        finally:
            for job in pending:  # after a failure: a batch not begun is not written (discard follows)
                job.cancel()
            # The connection first, then the iterator: closed the other way round (or left to the
            # garbage collector), httpx's inner iterators would close the connection from another task.
            await response.aclose()
            if stream is not None:
                await stream.aclose()  # type: ignore[attr-defined]
        if item.size is not None and received != item.size:
            incomplete(received, item.size)


def _discard_when_made(loop: asyncio.AbstractEventLoop, made: asyncio.Future[PartFile]) -> None:
    if not made.cancelled() and made.exception() is None:
        loop.run_in_executor(None, made.result().discard)


def _write_and_hash(part: PartFile, digest: hashlib._Hash | None, batch: list[bytes]) -> None:
    """One executor call a batch: the pieces to the disk, then to the checksum (both let go of the
    GIL while they work). Each time a thread takes the GIL back it may wait a whole switch interval
    (5 ms) for the event loop's thread to let go, and each call's answer wakes the loop: so a few
    big calls, not many small ones, and the checksum gets the batch in one piece."""
    part.write(batch)
    if digest is not None:
        digest.update(batch[0] if len(batch) == 1 else b"".join(batch))


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
        check_space(folder, item.size)
    return PartFile(folder, name)
