"""What a version holds, as the review shows it: pictures, text and links (:class:`Artifact`).

A bid's ``artifacts`` have no documented shape: strings, objects with any of the usual keys, or
anything else; :func:`classify_artifact` makes each one text to show, an image to load or a link
to open, and never fails.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import urljoin, urlsplit

IMAGE_EXTENSIONS = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".bmp")
_URL_KEYS = ("url", "href", "uri", "src", "link", "image_url", "file_url", "download_url", "signed_url")
_TEXT_KEYS = ("content", "text", "body", "value", "markdown", "data")
_NAME_KEYS = ("name", "title", "filename", "file_name", "label", "caption")
_TYPE_KEYS = ("type", "kind", "mime_type", "mimetype", "content_type", "media_type", "format")
MAX_TEXT_CHARS = 20_000


@dataclass(frozen=True)
class Artifact:
    """One item of a bid's artifacts, as the review shows it."""

    kind: Literal["text", "image", "link"]
    text: str = ""  # the text itself (kind text), or a caption
    url: str = ""  # absolute http(s) address (image, link)
    name: str = ""

    @property
    def host(self) -> str:
        return urlsplit(self.url).hostname or ""


def _web_url(value: str, base_url: str | None) -> str | None:
    """An absolute http(s) URL, or None. A path starting with / is resolved against the API."""
    text = value.strip()
    if not text or any(c.isspace() for c in text) or len(text) > 4000:
        return None
    if text.startswith("/") and not text.startswith("//") and base_url:
        text = urljoin(base_url.rstrip("/") + "/", text.lstrip("/"))
    parts = urlsplit(text)
    if parts.scheme.lower() in ("http", "https") and parts.hostname:
        return text
    return None


def _looks_like_image(url: str, type_hint: str) -> bool:
    hint = type_hint.lower()
    if "image" in hint or hint in ("png", "jpg", "jpeg", "gif", "webp", "svg"):
        return True
    return urlsplit(url).path.lower().endswith(IMAGE_EXTENSIONS)


def _clip(text: str) -> str:
    return text if len(text) <= MAX_TEXT_CHARS else text[:MAX_TEXT_CHARS] + "…"


def _as_display_text(item: Any) -> str:
    if isinstance(item, str):
        return item
    try:
        return json.dumps(item, ensure_ascii=False, indent=2, default=str)
    except (TypeError, ValueError):
        return str(item)


def classify_artifact(item: Any, base_url: str | None = None) -> Artifact:
    """Text, an image to show, or a link to open: whatever shape the item has.

    A string that is a web address is an image (by its extension) or a link; any other string is
    text. An object is read by its usual keys (url/href/src…, type/mime_type…, content/text…,
    name/title…). Anything else is shown as text, as it was sent.
    """
    if isinstance(item, str):
        url = _web_url(item, base_url)
        if url is None:
            return Artifact("text", text=_clip(item))
        return Artifact("image" if _looks_like_image(url, "") else "link", url=url)
    if isinstance(item, dict):
        lowered = {str(k).lower(): v for k, v in item.items()}
        type_hint = " ".join(str(lowered[k]) for k in _TYPE_KEYS if isinstance(lowered.get(k), str))
        name = next((str(lowered[k]) for k in _NAME_KEYS if isinstance(lowered.get(k), (str, int, float))), "")
        url = next(
            (u for k in _URL_KEYS if isinstance(lowered.get(k), str) and (u := _web_url(lowered[k], base_url))), None
        )
        if url is not None:
            kind: Literal["image", "link"] = "image" if _looks_like_image(url, type_hint) else "link"
            caption = next((str(lowered[k]) for k in _TEXT_KEYS if isinstance(lowered.get(k), str) and k != "data"), "")
            return Artifact(kind, text=_clip(caption), url=url, name=name[:200])
        text = next((lowered[k] for k in _TEXT_KEYS if isinstance(lowered.get(k), str)), None)
        if text is not None:
            return Artifact("text", text=_clip(text), name=name[:200])
    return Artifact("text", text=_clip(_as_display_text(item)))


def classify_artifacts(items: list[Any], base_url: str | None = None, *, limit: int = 50) -> list[Artifact]:
    return [classify_artifact(item, base_url) for item in items[:limit]]
