"""The final work of a task (a delivery), read tolerantly from whatever shape the server sends.

The API notes list "Deliveries — approve, dispute, request revision" without their shape; the
sandbox answers ``GET /api/v1/tasks/{id}/delivery`` with ``{"id", "number", "status",
"agent_name", "delivered_at", "approve_by", "message", "artifacts": [{"type", "name", "url",
"content_type", "size_bytes", "sha256", "content"?, "width"?, "height"?}]}``. Each field is read by
its usual names whatever their spelling; an item with neither an address nor text is left out. Each
item keeps what the server sent (``raw``), for code that reads more of it. The one model of a
delivered item (:class:`DeliveryItem`): the task window shows it and :mod:`app.delivery` saves it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal
from urllib.parse import unquote, urljoin, urlsplit

from app.tasks.life import moment

Kind = Literal["picture", "text", "file"]
MAX_ITEMS = 200
_LIST_KEYS = ("artifacts", "items", "files", "deliverables", "attachments", "outputs")
_URL_KEYS = ("url", "download_url", "file_url", "signed_url", "href", "uri", "src", "link", "image_url")
_NAME_KEYS = ("name", "filename", "file_name", "title", "label")
_SIZE_KEYS = ("size_bytes", "size", "bytes", "file_size", "content_length", "length")
_TYPE_KEYS = ("content_type", "mime_type", "mimetype", "media_type", "mime", "type", "format")
_HASH_KEYS = ("sha256", "sha_256", "checksum", "hash", "digest")
_TEXT_KEYS = ("content", "text", "body")
_SHA256 = re.compile(r"^(?:sha-?256[:=])?([0-9a-f]{64})$")
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


@dataclass(frozen=True)
class DeliveryItem:
    """One item of the final work: a picture, a text (``text`` when the delivery carries it) or a file
    at ``url``. The task window shows it; :mod:`app.delivery` saves it and checks the saved file
    against what the server declared (size, type, checksum)."""

    name: str  # as the server gave it; made safe when saved
    url: str = ""  # an absolute http(s) address; "" when the item is carried inline
    size: int | None = None  # bytes, as declared (a text carried inline: its own length)
    content_type: str = ""  # media type as declared, without parameters, lower case ("" unknown)
    sha256: str = ""  # lower-case hex as declared ("" unknown)
    text: str | None = None  # the text the delivery carries with the item
    kind: Kind = "file"
    id: str = ""
    width: int | None = None
    height: int | None = None
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def content(self) -> bytes | None:
        """What is saved as the item itself: the text it carries when it has no address."""
        return self.text.encode("utf-8") if self.text is not None and not self.url else None


@dataclass(frozen=True)
class Delivery:
    """One delivery of the final work (a new one follows each request for changes)."""

    id: str
    number: int | None = None
    status: str = ""  # e.g. awaiting_approval, approved, revision_requested, disputed
    agent_name: str = ""
    bid_id: str = ""
    delivered_at: datetime | None = None
    approve_by: datetime | None = None
    message: str = ""  # the agent's words with it
    items: tuple[DeliveryItem, ...] = ()

    @property
    def state(self) -> str:
        """The delivery's status by the name the task window's interim reader used (app/final_work.py)."""
        return self.status

    @property
    def pictures(self) -> list[DeliveryItem]:
        return [item for item in self.items if item.kind == "picture"]


def _lowered(raw: dict[Any, Any]) -> dict[str, Any]:
    return {str(k).lower(): v for k, v in raw.items()}


def _text(value: Any, limit: int = 2000) -> str:
    return value.strip()[:limit] if isinstance(value, str) else str(value) if isinstance(value, int) else ""


def _first(lowered: dict[str, Any], keys: tuple[str, ...], read: Any) -> Any:
    for key in keys:
        if key in lowered:
            value = read(lowered[key])
            if value not in (None, ""):
                return value
    return None


def _count(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    return value if isinstance(value, int) and value >= 0 else None


def _sha256(value: Any) -> str:
    match = _SHA256.match(value.strip().lower()) if isinstance(value, str) else None
    return match.group(1) if match else ""


def media_type(value: object) -> str:
    """``"image/png"`` from ``"Image/PNG; charset=binary"``; common aliases made one (image/jpg →
    image/jpeg); "" when it is not a media type."""
    if not isinstance(value, str):
        return ""
    text = value.split(";", 1)[0].strip().lower()
    if "/" not in text or len(text) > 200:
        return ""
    return _ALIASES.get(text, text)


def web_url(value: Any, base_url: str | None = None) -> str:
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


def _kind(hint: Any, mime: str) -> Kind:
    hint = hint.lower() if isinstance(hint, str) else ""
    if hint in ("image", "picture", "photo", "png", "jpeg", "jpg") or mime.startswith("image/"):
        return "picture"
    if hint in ("text", "markdown", "note", "copy") or mime.startswith("text/"):
        return "text"
    return "file"


def delivery_item(raw: Any, base_url: str | None = None, index: int = 0) -> DeliveryItem | None:
    """One item from whatever shape it has; None when there is nothing in it (no address, no text)."""
    if isinstance(raw, str):
        raw = {"url": raw}
    if not isinstance(raw, dict):
        return None
    low = _lowered(raw)
    url = _first(low, _URL_KEYS, lambda v: web_url(v, base_url)) or ""
    mime = _first(low, _TYPE_KEYS, media_type) or ""
    text = _first(low, _TEXT_KEYS, lambda v: v if isinstance(v, str) else None)
    if not url and text is None:
        return None
    kind = _kind(low.get("type", low.get("kind")), mime)
    inline = text is not None and not url
    if inline:
        mime = mime or "text/plain"
        kind = "text" if kind == "file" else kind
    from_url = unquote(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]) if url else ""
    name = _first(low, _NAME_KEYS, _text) or from_url or f"item-{index + 1}"
    return DeliveryItem(
        name=name,
        url=url,
        size=len(text.encode("utf-8")) if inline and text is not None else _first(low, _SIZE_KEYS, _count),
        content_type=mime,
        sha256=_first(low, _HASH_KEYS, _sha256) or "",
        text=text,
        kind=kind,
        id=_text(low.get("id")) or name,
        width=_count(low.get("width")),
        height=_count(low.get("height")),
        raw=dict(raw),
    )


def delivery_items(raw: Any, base_url: str | None = None, *, limit: int = MAX_ITEMS) -> list[DeliveryItem]:
    """The items of a delivery object (``artifacts``/``items``/``files``…) or of a bare list."""
    if isinstance(raw, dict):
        low = _lowered(raw)
        raw = next((low[k] for k in _LIST_KEYS if isinstance(low.get(k), list)), [])
    if not isinstance(raw, list):
        return []
    items = (delivery_item(entry, base_url, i) for i, entry in enumerate(raw[:limit]))
    return [item for item in items if item is not None]


def parse_delivery(data: Any, base_url: str | None = None) -> Delivery | None:
    """A delivery from the server's answer (bare, ``{"delivery": …}``, or the newest of
    ``{"deliveries": […]}``); None when the answer holds none."""
    if isinstance(data, dict):
        low = _lowered(data)
        if isinstance(low.get("delivery"), dict):
            return parse_delivery(low["delivery"], base_url)
        if isinstance(low.get("deliveries"), list):
            return parse_delivery(low["deliveries"][-1] if low["deliveries"] else None, base_url)
    elif isinstance(data, list):
        low = {}
    else:
        return None
    return Delivery(
        id=_text(low.get("id")) or _text(low.get("delivery_id")),
        number=_count(low.get("number", low.get("version"))),
        status=_text(low.get("status"), 100),
        agent_name=_text(low.get("agent_name", low.get("agent")), 200),
        bid_id=_text(low.get("bid_id")),
        delivered_at=moment(low.get("delivered_at", low.get("created_at"))),
        approve_by=moment(low.get("approve_by", low.get("approval_deadline"))),
        message=_text(low.get("message", low.get("note")), 5000),
        items=tuple(delivery_items(data, base_url)),
    )
