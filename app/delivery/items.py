"""The items of a delivery (the final work) as they are saved, and what a download may not do.

An item is the one model of a delivered item, read tolerantly by :mod:`app.tasks.delivery`
(:class:`DeliveryItem`, :func:`delivery_item`, :func:`delivery_items`); what the server declares
(size, type, checksum) is what the saved file is checked against.
"""

from __future__ import annotations

from app.api.errors import UserFacingError
from app.tasks.delivery import DeliveryItem, delivery_item, delivery_items, media_type
from app.translatable import QT_TRANSLATE_NOOP

__all__ = [
    "GENERIC_TYPES",
    "DeliveryItem",
    "DownloadError",
    "delivery_item",
    "delivery_items",
    "media_type",
    "type_contradicts",
]

# Types that say nothing about the content: they never contradict what the item declared.
GENERIC_TYPES = frozenset(
    {
        "",
        "application/octet-stream",
        "binary/octet-stream",
        "application/download",
        "application/force-download",
        "application/x-download",
        "application/unknown",
    }
)


class DownloadError(UserFacingError):
    """A file of the final work was not saved; nothing of it is left on disk.

    ``reason`` says why, for the code that shows it: ``address`` (not a web address we may use),
    ``redirect``, ``status`` (the server did not give the file), ``size``, ``type``, ``checksum``,
    ``cut`` (the connection broke), ``timeout``, ``offline``, ``disk`` (could not be written),
    ``space`` (not enough room on the disk)."""

    default_message = QT_TRANSLATE_NOOP("messages", "The file could not be saved.")

    def __init__(self, reason: str, user_message: str | None = None, *, detail: str = "") -> None:
        self.reason = reason
        super().__init__(user_message, detail=detail)


def type_contradicts(declared: str, served: str) -> bool:
    """True when the server now says the file is of another kind than the delivery declared.
    A generic type (``application/octet-stream``) on either side contradicts nothing."""
    wanted, got = media_type(declared), media_type(served)
    return wanted not in GENERIC_TYPES and got not in GENERIC_TYPES and wanted != got
