"""The final work of a task (a delivery), read tolerantly from whatever shape the server sends.

The API notes list "Deliveries — approve, dispute, request revision" without their shape; the
sandbox answers ``GET /api/v1/tasks/{id}/delivery`` with ``{"id", "number", "status",
"agent_name", "delivered_at", "approve_by", "message", "artifacts": [{"type", "name", "url",
"content_type", "size_bytes", "sha256", "content"?, "width"?, "height"?}]}``. Each field is read by
its usual names whatever their spelling; an item with neither an address nor text is left out. Each
item keeps what the server sent (``raw``), for code that reads more of it (the downloads).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal
from urllib.parse import unquote, urljoin, urlsplit

from app.api.contract import aware

Kind = Literal["picture", "text", "file"]
MAX_ITEMS = 200
_LIST_KEYS = ("artifacts", "items", "files", "deliverables", "attachments", "outputs")
_URL_KEYS = ("url", "download_url", "file_url", "signed_url", "href", "uri", "src", "link", "image_url")
_NAME_KEYS = ("name", "filename", "file_name", "title", "label")
_SIZE_KEYS = ("size_bytes", "size", "bytes", "file_size", "content_length", "length")
_TYPE_KEYS = ("content_type", "mime_type", "mimetype", "media_type", "mime", "format")
_HASH_KEYS = ("sha256", "sha_256", "checksum", "hash", "digest")
_TEXT_KEYS = ("content", "text", "body")


@dataclass(frozen=True)
class DeliveryItem:
    """One item of the final work: a picture, a text (``text`` when the delivery carries it) or a file."""

    id: str
    name: str
    kind: Kind
    url: str = ""  # an absolute http(s) address; "" when the item is carried inline
    size_bytes: int | None = None
    mime_type: str = ""  # without parameters, lower case ("" unknown)
    sha256: str = ""  # lower-case hex ("" unknown)
    text: str | None = None
    width: int | None = None
    height: int | None = None
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)


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


def _moment(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return aware(datetime.fromisoformat(value.strip().replace("Z", "+00:00")))
    except ValueError:
        return None


def mime_of(value: Any) -> str:
    """``image/png`` from ``Image/PNG; charset=binary``; "" when it is not a media type."""
    if not isinstance(value, str):
        return ""
    text = value.split(";", 1)[0].strip().lower()
    return text if "/" in text and len(text) <= 200 else ""


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
    mime = _first(low, _TYPE_KEYS, mime_of) or ""
    text = _first(low, _TEXT_KEYS, lambda v: v if isinstance(v, str) else None)
    if not url and text is None:
        return None
    kind = _kind(low.get("type", low.get("kind")), mime)
    if text is not None and not url:
        mime = mime or "text/plain"
        kind = "text" if kind == "file" else kind
    from_url = unquote(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]) if url else ""
    name = _first(low, _NAME_KEYS, _text) or from_url or f"item-{index + 1}"
    size = _first(low, _SIZE_KEYS, _count)
    if size is None and text is not None and not url:
        size = len(text.encode("utf-8"))
    digest = _first(low, _HASH_KEYS, lambda v: v.strip().lower().removeprefix("sha256:") if isinstance(v, str) else "")
    return DeliveryItem(
        id=_text(low.get("id")) or name,
        name=name,
        kind=kind,
        url=url,
        size_bytes=size,
        mime_type=mime,
        sha256=digest if digest and len(digest) == 64 and all(c in "0123456789abcdef" for c in digest) else "",
        text=text,
        width=_count(low.get("width")),
        height=_count(low.get("height")),
        raw=dict(raw),
    )


def parse_delivery(data: Any, base_url: str | None = None) -> Delivery | None:
    """A delivery from the server's answer (bare, ``{"delivery": …}``, or the newest of
    ``{"deliveries": […]}``); None when the answer holds none."""
    entries: list[Any]
    if isinstance(data, dict):
        low = _lowered(data)
        if isinstance(low.get("delivery"), dict):
            return parse_delivery(low["delivery"], base_url)
        if isinstance(low.get("deliveries"), list):
            return parse_delivery(low["deliveries"][-1] if low["deliveries"] else None, base_url)
        entries = next((low[k] for k in _LIST_KEYS if isinstance(low.get(k), list)), [])
    elif isinstance(data, list):
        low, entries = {}, data
    else:
        return None
    items = [delivery_item(entry, base_url, i) for i, entry in enumerate(entries[:MAX_ITEMS])]
    return Delivery(
        id=_text(low.get("id")) or _text(low.get("delivery_id")),
        number=_count(low.get("number", low.get("version"))),
        status=_text(low.get("status"), 100),
        agent_name=_text(low.get("agent_name", low.get("agent")), 200),
        bid_id=_text(low.get("bid_id")),
        delivered_at=_moment(low.get("delivered_at", low.get("created_at"))),
        approve_by=_moment(low.get("approve_by", low.get("approval_deadline"))),
        message=_text(low.get("message", low.get("note")), 5000),
        items=tuple(item for item in items if item is not None),
    )
