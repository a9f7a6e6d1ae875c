"""What a download may and may not do, and the plain words when it is refused.

Each check raises :class:`app.delivery.items.DownloadError` with its ``reason`` and a sentence a
person can read; the technical part goes in ``detail`` (the log, the Details expander).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import NoReturn
from urllib.parse import urlsplit

import httpx

from app.api.client import is_loopback_host
from app.delivery.items import DeliveryItem, DownloadError, media_type, type_contradicts
from app.translatable import fill, integer, translate

MIN_RATE = 32 * 1024  # bytes per second, on average, that the total deadline allows for a known size


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


def origin(url: str) -> tuple[str, str, int]:
    """(scheme, host, port): what must match for the API key to go along."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    return scheme, (parts.hostname or "").lower(), parts.port or (443 if scheme == "https" else 80)


def check_address(url: str) -> None:
    """Only http(s) addresses; plain http only on this computer (as for the API itself)."""
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


def check_space(folder: Path, size: int) -> None:
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


def refuse_redirect(detail: str) -> NoReturn:
    raise DownloadError(
        "redirect",
        translate("messages", "The file has moved to an address this app does not follow, so it was not saved."),
        detail=detail,
    )


def accept(item: DeliveryItem, response: httpx.Response, max_bytes: int) -> tuple[int | None, int]:
    """(total to show, most bytes accepted) for this answer, or the reason it is refused."""
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
    limit = item.size if item.size is not None else max_bytes
    if length is not None and length > limit:
        too_long(item, length, max_bytes)
    return (item.size if item.size is not None else length), limit


def too_long(item: DeliveryItem, size: int, max_bytes: int) -> NoReturn:
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
        fill(translate("messages", "The file is larger than %1, so it was not saved."), size_words(max_bytes)),
        detail=f"{size} bytes, over the limit of {max_bytes}",
    )


def incomplete(done: int, declared: int) -> NoReturn:
    raise DownloadError(
        "size",
        fill(
            translate("messages", "The file arrived incomplete (%1 of %2), so it was not saved."),
            size_words(done),
            size_words(declared),
        ),
        detail=f"{done} bytes of {declared} declared",
    )


def network_error(exc: httpx.HTTPError, item: DeliveryItem, read_timeout: float) -> DownloadError:
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
                integer(round(read_timeout)),
            ),
            detail=detail,
        )
    return DownloadError(
        "cut",
        translate("messages", "The connection broke before the whole file arrived. Nothing was kept."),
        detail=detail,
    )
