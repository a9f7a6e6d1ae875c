"""The items of a delivery (the final work), read tolerantly, and what a download may not do.

The API does not document a delivery's shape (api notes §3: "Deliveries — approve, dispute, request
revision"); the sandbox answers ``{"artifacts": [{"type", "name", "url", "content_type",
"size_bytes", "sha256"}, …]}``. Each item is read by its usual keys, whatever their spelling; what
the server declares (size, type, checksum) is what the saved file is checked against.
"""

from __future__ import annotations

import mimetypes
import re
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import unquote, urljoin, urlsplit

from app.api.errors import UserFacingError
from app.translatable import QT_TRANSLATE_NOOP

_URL_KEYS = ("url", "download_url", "file_url", "signed_url", "href", "uri", "src", "link", "image_url")
_NAME_KEYS = ("name", "filename", "file_name", "title", "label")
_SIZE_KEYS = ("size_bytes", "size", "bytes", "file_size", "content_length", "length")
_TYPE_KEYS = ("content_type", "mime_type", "mimetype", "media_type", "mime", "type", "format")
_HASH_KEYS = ("sha256", "sha_256", "checksum", "hash", "digest")
_TEXT_KEYS = ("content", "text", "body")
_LIST_KEYS = ("artifacts", "items", "files", "deliverables", "attachments")
_SHA256 = re.compile(r"^(?:sha-?256[:=])?([0-9a-fA-F]{64})$")

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
_ALIASES = {
    "image/jpg": "image/jpeg",
    "image/pjpeg": "image/jpeg",
    "image/x-png": "image/png",
    "image/x-icon": "image/vnd.microsoft.icon",
    "application/x-zip-compressed": "application/zip",
    "application/x-zip": "application/zip",
    "application/x-pdf": "application/pdf",
    "application/x-gzip": "application/gzip",
    "application/javascript": "text/javascript",
    "text/xml": "application/xml",
    "text/x-markdown": "text/markdown",
    "audio/mp3": "audio/mpeg",
}

Kind = Literal["image", "text", "file"]


@dataclass(frozen=True)
class DeliveryItem:
    """One item of the final work: a file at ``url``, or a text carried in the delivery itself."""

    name: str  # as the server gave it; made safe when saved
    url: str = ""  # an absolute http(s) address; "" when the item is carried inline
    size: int | None = None  # bytes, as declared
    content_type: str = ""  # media type as declared, without parameters ("" unknown)
    sha256: str = ""  # lowercase hex as declared ("" unknown)
    content: bytes | None = None  # the item itself, when the delivery carries it (a text)
    kind: Kind = "file"


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


def media_type(value: object) -> str:
    """``"image/png"`` from ``"Image/PNG; charset=binary"``; common aliases made one (image/jpg → image/jpeg)."""
    if not isinstance(value, str):
        return ""
    text = value.split(";", 1)[0].strip().lower()
    if "/" not in text or len(text) > 200:
        return ""
    return _ALIASES.get(text, text)


def type_contradicts(declared: str, served: str) -> bool:
    """True when the server now says the file is of another kind than the delivery declared.
    A generic type (``application/octet-stream``) on either side contradicts nothing."""
    wanted, got = media_type(declared), media_type(served)
    return wanted not in GENERIC_TYPES and got not in GENERIC_TYPES and wanted != got


def web_url(value: object, base_url: str | None = None) -> str:
    """An absolute http(s) address ("" otherwise); a path starting with / is taken on the API's host."""
    if not isinstance(value, str):
        return ""
    text = value.strip()
    if not text or len(text) > 4000 or any(c.isspace() for c in text):
        return ""
    if text.startswith("/") and not text.startswith("//") and base_url:
        text = urljoin(base_url.rstrip("/") + "/", text.lstrip("/"))
    parts = urlsplit(text)
    return text if parts.scheme.lower() in ("http", "https") and parts.hostname else ""


def _size(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return value if isinstance(value, int) and value >= 0 else None


def _first(lowered: dict[str, Any], keys: tuple[str, ...], read: Any) -> Any:
    for key in keys:
        if key in lowered:
            value = read(lowered[key])
            if value not in (None, ""):
                return value
    return None


def _sha256(value: object) -> str:
    match = _SHA256.match(value.strip()) if isinstance(value, str) else None
    return match.group(1).lower() if match else ""


def _name_from_url(url: str) -> str:
    return unquote(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]) if url else ""


def _kind(hint: str, content_type: str) -> Kind:
    hint = hint.lower()
    if hint in ("image", "picture", "photo") or content_type.startswith("image/"):
        return "image"
    if hint in ("text", "markdown", "note") or content_type.startswith("text/"):
        return "text"
    return "file"


def delivery_item(raw: Any, base_url: str | None = None) -> DeliveryItem | None:
    """One item from whatever shape it has; None when there is nothing to save (no address, no text)."""
    if isinstance(raw, str):
        url = web_url(raw, base_url)
        return DeliveryItem(name=_name_from_url(url), url=url) if url else None
    if not isinstance(raw, dict):
        return None
    lowered = {str(k).lower(): v for k, v in raw.items()}
    url = _first(lowered, _URL_KEYS, lambda v: web_url(v, base_url)) or ""
    declared_type = _first(lowered, _TYPE_KEYS, media_type) or ""
    hint = lowered.get("type") if isinstance(lowered.get("type"), str) else lowered.get("kind")
    content = None
    if not url:
        text = _first(lowered, _TEXT_KEYS, lambda v: v if isinstance(v, str) else None)
        if text is None:
            return None
        content = text.encode("utf-8")
        declared_type = declared_type or "text/plain"
    name = _first(lowered, _NAME_KEYS, lambda v: str(v).strip() if isinstance(v, (str, int)) else None)
    if not name:
        name = _name_from_url(url) or "file" + (mimetypes.guess_extension(declared_type) or "")
    return DeliveryItem(
        name=name,
        url=url,
        size=len(content) if content is not None else _first(lowered, _SIZE_KEYS, _size),
        content_type=declared_type,
        sha256=_first(lowered, _HASH_KEYS, _sha256) or "",
        content=content,
        kind=_kind(hint if isinstance(hint, str) else "", declared_type),
    )


def delivery_items(raw: Any, base_url: str | None = None, *, limit: int = 200) -> list[DeliveryItem]:
    """The items of a delivery object (``artifacts``/``items``/``files``…) or of a bare list."""
    if isinstance(raw, dict):
        lowered = {str(k).lower(): v for k, v in raw.items()}
        raw = next((lowered[k] for k in _LIST_KEYS if isinstance(lowered.get(k), list)), [])
    if not isinstance(raw, list):
        return []
    items = (delivery_item(entry, base_url) for entry in raw[:limit])
    return [item for item in items if item is not None]
