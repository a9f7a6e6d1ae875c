"""The final work (a delivery) as the task window reads it: a stand-in until the delivery model of
``app/tasks/delivery.py`` (the "task-actions" work) is in main; the names are that module's
(:class:`Delivery`, :class:`DeliveryItem` with id, name, kind, url, size_bytes, mime_type, sha256,
text), so switching over is an import. Read tolerantly: an item without a usable name or address is
left out, unknown fields are ignored, numbers that make no sense are taken as unknown.
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


@dataclass(frozen=True)
class DeliveryItem:
    id: str
    name: str
    kind: Kind
    url: str = ""  # "" for a text carried in the delivery itself
    size_bytes: int | None = None
    mime_type: str = ""
    sha256: str = ""
    text: str | None = None  # a text's words, when the delivery carries them
    width: int | None = None  # a picture's size in pixels, when the server says it
    height: int | None = None


@dataclass(frozen=True)
class Delivery:
    id: str
    items: list[DeliveryItem] = field(default_factory=list)
    number: int | None = None  # 1 for the first delivery, 2 after the first request for changes, …
    delivered_at: datetime | None = None
    message: str = ""  # the agent's words with it
    agent_name: str = ""
    state: str = ""  # as the server says it (e.g. awaiting_approval, approved)
    approve_by: datetime | None = None


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _count(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return int(value) if math.isfinite(value) and value >= 0 else None


def _moment(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return aware(datetime.fromisoformat(value.replace("Z", "+00:00")))
    except ValueError:
        return None


def _kind(hint: str, mime: str, has_text: bool) -> Kind:
    hint = hint.lower()
    if hint in ("image", "picture", "photo") or mime.startswith("image/"):
        return "picture"
    if hint == "text" or (has_text and (not mime or mime.startswith("text/"))):
        return "text"
    return "file"


def _address(value: Any, base_url: str) -> str:
    url = _text(value)
    if not url:
        return ""
    url = urljoin(base_url.rstrip("/") + "/", url) if base_url else url
    return url if urlsplit(url).scheme in ("http", "https") else ""


def parse_item(raw: Any, index: int, base_url: str = "") -> DeliveryItem | None:
    if not isinstance(raw, dict):
        return None
    url = _address(raw.get("url") or raw.get("download_url") or raw.get("file_url"), base_url)
    text = raw.get("content") if isinstance(raw.get("content"), str) else raw.get("text")
    text = text if isinstance(text, str) else None
    if not url and text is None:
        return None
    mime = _text(raw.get("content_type") or raw.get("mime_type")).split(";")[0].strip().lower()
    name = _text(raw.get("name") or raw.get("filename"))
    if not name and url:
        name = unquote(urlsplit(url).path.rsplit("/", 1)[-1])
    return DeliveryItem(
        id=_text(raw.get("id")) or f"{index}:{name}",
        name=name or f"item {index + 1}",
        kind=_kind(_text(raw.get("type") or raw.get("kind")), mime, text is not None),
        url=url,
        size_bytes=_count(raw.get("size_bytes", raw.get("size"))),
        mime_type=mime,
        sha256=_text(raw.get("sha256")).lower(),
        text=text,
        width=_count(raw.get("width")),
        height=_count(raw.get("height")),
    )


def parse_delivery(data: Any, base_url: str = "") -> Delivery | None:
    """A delivery from the server's answer (the delivery itself, or ``{"delivery": …}``)."""
    if isinstance(data, dict) and isinstance(data.get("delivery"), dict):
        data = data["delivery"]
    if not isinstance(data, dict):
        return None
    raw_items: list[Any] = next((data[k] for k in ("artifacts", "items", "files") if isinstance(data.get(k), list)), [])
    items = [item for i, raw in enumerate(raw_items[:MAX_ITEMS]) if (item := parse_item(raw, i, base_url))]
    return Delivery(
        id=_text(data.get("id")),
        items=items,
        number=_count(data.get("number")),
        delivered_at=_moment(data.get("delivered_at")),
        message=_text(data.get("message")),
        agent_name=_text(data.get("agent_name")),
        state=_text(data.get("status")),
        approve_by=_moment(data.get("approve_by")),
    )
