"""Where the app may talk to AITasker: an address is https, or plain http only to this computer
(a practice server), so that the key never travels unencrypted. (Moved from app.api.client, which
still offers both names.)"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from app.api.errors import InvalidAddress
from app.translatable import QT_TRANSLATE_NOOP


def is_loopback_host(host: str) -> bool:
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_api_url(url: str) -> str:
    """The URL without a trailing slash, or :class:`InvalidAddress` if it is not safe to use."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidAddress(
            QT_TRANSLATE_NOOP("messages", "The AITasker address must look like https://api.aitasker.co."),
            detail=f"got {url!r}",
        )
    if parts.scheme == "http" and not is_loopback_host(parts.hostname):
        raise InvalidAddress(detail=f"refused plain http to {parts.hostname}")
    return url.strip().rstrip("/")
