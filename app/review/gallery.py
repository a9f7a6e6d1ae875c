"""Reviewing a task, without Qt: the bid gallery, its artifacts, and how to choose a version.

The gallery (``GET /api/v1/tasks/{task_id}/bids``, api notes §3.4) is parsed tolerantly: every
documented field is read, every field but the ids is optional, a value of the wrong type becomes
"unknown" instead of failing the whole gallery, and extra fields are kept.

How to *choose* a version is not documented: it is learned from the server's own
``/openapi.json`` (:func:`discover_operations`) and cached per server address
(:class:`OperationsCache`). When the server advertises no such operation, or its document cannot
be read, the choice is made on AITasker's website (:data:`WEBSITE_URL`).
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any, Literal, Protocol
from urllib.parse import quote, urljoin, urlsplit
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from app.api.contract import aware as _aware
from app.api.schema import Task
from app.review.keys import with_local_keys
from app.review.version_words import breakdown_label, score_number
from app.translatable import QT_TRANSLATE_NOOP, fill, translate

log = logging.getLogger(__name__)

WEBSITE_URL = "https://aitasker.co"


def money(value: float | None) -> str:
    """Dollars as people read them: ``$42.00``; ``—`` when unknown."""
    return "—" if value is None else f"${value:,.2f}"


# --- the gallery ----------------------------------------------------------------------------


def _as_text_id(value: Any) -> Any:
    return str(value) if isinstance(value, (UUID, int)) and not isinstance(value, bool) else value


class _Tolerant(BaseModel):
    """A value of the wrong type in an optional field becomes None instead of failing the model."""

    model_config = ConfigDict(extra="allow", defer_build=True)

    @model_validator(mode="wrap")
    @classmethod
    def _drop_unreadable_fields(cls, data: Any, handler: Any) -> Any:
        try:
            return handler(data)
        except ValidationError as exc:
            if not isinstance(data, dict):
                raise
            bad = {str(e["loc"][0]) for e in exc.errors() if e.get("loc")}
            required = {name for name, info in cls.model_fields.items() if info.is_required()}
            if not bad or bad & required:
                raise
            cleaned = {k: v for k, v in data.items() if k not in bad}
            log.info("%s: ignored unreadable field(s) %s", cls.__name__, ", ".join(sorted(bad)))
            return handler(cleaned)


class Bid(_Tolerant):
    """``BidResponse``: one version made by one agent."""

    id: str = Field(min_length=1)
    task_id: str | None = None
    agent_id: str | None = None
    round: str | None = None
    bid_price_usd: float | None = None
    prototype_summary: str | None = None
    artifacts: list[Any] = Field(default_factory=list)
    eval_score: float | None = None
    eval_breakdown: dict[str, Any] | None = None
    presented: bool | None = None
    selected: bool | None = None
    status: str | None = None
    created_at: datetime | None = None
    agent_name: str | None = None
    agent_tier: str | None = None
    agent_message: str | None = None
    local_key: bool = Field(default=False, exclude=True)  # the id was made here: never sent (app.review.keys)

    @field_validator("id", "task_id", "agent_id", mode="before")
    @classmethod
    def _ids_as_text(cls, value: Any) -> Any:
        return _as_text_id(value)

    @field_validator("round", "status", mode="before")
    @classmethod
    def _scalar_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value

    @field_validator("artifacts", mode="before")
    @classmethod
    def _artifact_list(cls, value: Any) -> Any:
        if value is None:
            return []
        if isinstance(value, (str, dict)):
            return [value]
        return value

    @field_validator("bid_price_usd", "eval_score", mode="before")
    @classmethod
    def _no_bool_numbers(cls, value: Any) -> Any:
        return None if isinstance(value, bool) else value

    @field_validator("created_at", mode="after")
    @classmethod
    def _utc(cls, value: datetime | None) -> datetime | None:
        return _aware(value)

    @property
    def is_selected(self) -> bool:
        return bool(self.selected) or (self.status or "").lower() in ("selected", "won", "winner", "accepted")

    @property
    def agent(self) -> str:
        return (self.agent_name or "").strip() or translate("messages", "An agent")

    def possessive(self) -> str:
        """ "Nova Studio's" / "Atlas's" (for English sentences; translations name :attr:`agent`)."""
        name = (self.agent_name or "").strip()
        if not name:
            return translate("messages", "an agent's")
        return f"{name}'" if name.endswith("s") else f"{name}'s"


class Gallery(_Tolerant):
    """The bid gallery of one task."""

    task: Task | None = None
    bids: list[Bid] = Field(default_factory=list)
    total_bids_generated: int | None = None
    remix_available: bool | None = None
    remix_fee_usd: float | None = None
    review_extensions_used: int | None = None
    review_extensions_remaining: int | None = None
    # Bids that could not be read at all (not an object): counted, not shown.
    unreadable_bids: int = 0

    @model_validator(mode="before")
    @classmethod
    def _readable_bids(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        data = dict(data)
        raw = data.get("bids")
        if raw is None:
            raw = []
        if not isinstance(raw, list):
            raw = []
            data["unreadable_bids"] = 1
        bids: list[Bid] = []
        skipped = 0
        for item in with_local_keys(raw):
            try:
                bids.append(Bid.model_validate(item))
            except ValidationError:
                skipped += 1
        data["bids"] = bids
        data["unreadable_bids"] = data.get("unreadable_bids", 0) + skipped
        task = data.get("task")
        if task is not None:
            try:
                data["task"] = Task.model_validate(task)
            except ValidationError:
                data["task"] = None
        return data

    @property
    def presented(self) -> list[Bid]:
        """The versions shown to the buyer: those flagged ``presented``; if no bid carries the
        flag at all, every bid not explicitly hidden."""
        flagged = [b for b in self.bids if b.presented]
        if flagged:
            return flagged
        if any(b.presented is not None for b in self.bids):
            return [b for b in self.bids if b.presented is None or b.is_selected]
        return list(self.bids)

    @property
    def selected_bid(self) -> Bid | None:
        return next((b for b in self.bids if b.is_selected), None)


def parse_gallery(data: Any) -> Gallery:
    """A gallery from a decoded body; ValueError when it is not an object at all."""
    if isinstance(data, list):  # a bare list of bids
        data = {"bids": data}
    if not isinstance(data, dict):
        raise ValueError("the gallery is not an object")
    return Gallery.model_validate(data)


# --- the score in words -----------------------------------------------------------------------


def score_out_of_100(score: float | None) -> float | None:
    """The judge's score on a 0–100 scale (the API does not say its scale: 0–1, 0–10 or 0–100)."""
    if score is None or score != score or score < 0:
        return None
    if score <= 1:
        return score * 100
    if score <= 10:
        return score * 10
    return min(score, 100.0)


def score_words(score: float | None, *, short: bool = False) -> str:
    """ "Judged very good (82 of 100)", or short "very good (82/100)"; "Not scored yet" when unknown."""
    hundred = score_out_of_100(score)
    if hundred is None:
        return translate("messages", "not scored yet") if short else translate("messages", "Not scored yet")
    word = next(
        (
            w
            for floor, w in (
                (85, QT_TRANSLATE_NOOP("messages", "excellent")),
                (70, QT_TRANSLATE_NOOP("messages", "very good")),
                (55, QT_TRANSLATE_NOOP("messages", "good")),
                (40, QT_TRANSLATE_NOOP("messages", "fair")),
            )
            if hundred >= floor
        ),
        QT_TRANSLATE_NOOP("messages", "weak"),
    )
    word = translate("messages", word)
    if short:
        return fill(translate("messages", "%1 (%2/100)"), word, f"{hundred:.0f}")
    return fill(translate("messages", "Judged %1 (%2 of 100)"), word, f"{hundred:.0f}")


def breakdown_words(breakdown: dict[str, Any] | None) -> str:
    """ "Quality 9 · Fit to the brief 8.5" from the judge's breakdown (nested values skipped)."""
    if not breakdown:
        return ""
    parts = []
    for key, value in list(breakdown.items())[:12]:
        label = breakdown_label(str(key))  # in the user's language for the keys the app knows
        if isinstance(value, bool):
            answer = translate("messages", "yes") if value else translate("messages", "no")
            parts.append(fill(translate("messages", "%1: %2"), label, answer))
        elif isinstance(value, (int, float)):
            parts.append(f"{label} {score_number(value)}")
        elif isinstance(value, str) and len(value) <= 80:
            parts.append(fill(translate("messages", "%1: %2"), label, value))
    return " · ".join(parts)


# --- artifacts ------------------------------------------------------------------------------

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


# --- discovering how to choose ----------------------------------------------------------------

_TASK_PATH = re.compile(r"^/api/v1/tasks/\{([^}/]+)\}/(.+)$")
_SELECT_WORDS = re.compile(r"select|choos|pick|winner|award")
_REMIX_WORDS = re.compile(r"remix")
_EXTEND_WORDS = re.compile(r"extend|extension")


def _is_bid_field(name: str) -> bool:
    low = name.lower().replace("-", "_")
    return low in ("bid", "bids", "bidid", "bidids") or ("bid" in low and (low.endswith("id") or low.endswith("ids")))


@dataclass(frozen=True)
class Operation:
    """One operation learned from the server's OpenAPI document."""

    path: str  # a template: /api/v1/tasks/{task_id}/select
    task_param: str
    method: str = "POST"
    operation_id: str = ""
    bid_in: Literal["path", "body", "none"] = "none"
    bid_field: str = ""  # the path parameter or body property that carries the bid id
    bid_as_list: bool = False  # the body property is an array of ids

    def request(self, task_id: str, bid_id: str | None = None) -> tuple[str, dict[str, Any] | None]:
        """(path, JSON body or None) for this task (and bid)."""
        path = self.path.replace("{" + self.task_param + "}", quote(str(task_id).strip(), safe=""))
        body: dict[str, Any] | None = None
        if self.bid_in == "path":
            path = path.replace("{" + self.bid_field + "}", quote(str(bid_id or "").strip(), safe=""))
        elif self.bid_in == "body":
            body = {self.bid_field: [bid_id] if self.bid_as_list else bid_id}
        return path, body

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: Any) -> Operation | None:
        if not isinstance(data, dict):
            return None
        try:
            op = cls(**{k: data[k] for k in cls.__dataclass_fields__ if k in data})
        except TypeError:
            return None
        if not op.path.startswith("/api/v1/tasks/") or op.bid_in not in ("path", "body", "none"):
            return None
        return op


DiscoveryState = Literal["found", "absent", "unreadable", "malformed"]


@dataclass(frozen=True)
class ReviewOperations:
    """What the server lets this app do from the review; ``select`` None means "on the website"."""

    state: DiscoveryState
    select: Operation | None = None
    remix: Operation | None = None
    extend: Operation | None = None
    detail: str = ""

    @property
    def choose_on_website(self) -> bool:
        return self.select is None

    def to_json(self) -> dict[str, Any]:
        return {
            "state": self.state,
            "detail": self.detail,
            **{
                name: op.to_json() if op else None
                for name, op in (("select", self.select), ("remix", self.remix), ("extend", self.extend))
            },
        }

    @classmethod
    def from_json(cls, data: Any) -> ReviewOperations | None:
        if not isinstance(data, dict) or data.get("state") not in ("found", "absent"):
            return None
        select = Operation.from_json(data.get("select"))
        if data["state"] == "found" and select is None:
            return None
        return cls(
            state="found" if select else "absent",
            select=select,
            remix=Operation.from_json(data.get("remix")),
            extend=Operation.from_json(data.get("extend")),
            detail=str(data.get("detail", "")),
        )


UNREADABLE = ReviewOperations("unreadable", detail="the server's description could not be read")


def _resolve(doc: dict[str, Any], node: Any, depth: int = 0) -> Any:
    """Follow local ``$ref`` pointers (``#/components/schemas/X``), a few levels deep."""
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and depth < 8:
        ref = node["$ref"]
        if not ref.startswith("#/"):
            return None
        target: Any = doc
        for part in ref[2:].split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            target = target.get(part) if isinstance(target, dict) else None
        node = target
        depth += 1
    return node


def _body_schema(doc: dict[str, Any], operation: dict[str, Any]) -> tuple[dict[str, Any] | None, bool]:
    """(JSON body schema or None, body required?)"""
    body = _resolve(doc, operation.get("requestBody"))
    if not isinstance(body, dict):
        return None, False
    content = body.get("content")
    if not isinstance(content, dict):
        return None, bool(body.get("required"))
    media = next((v for k, v in content.items() if isinstance(k, str) and "json" in k.lower()), None)
    schema = _resolve(doc, media.get("schema")) if isinstance(media, dict) else None
    return (schema if isinstance(schema, dict) else None), bool(body.get("required"))


def _merged_properties(doc: dict[str, Any], schema: dict[str, Any]) -> tuple[dict[str, Any], set[str]]:
    """Properties and required names of a schema, through allOf."""
    props: dict[str, Any] = {}
    required: set[str] = set()
    parts = [schema] + [p for p in (schema.get("allOf") or []) if isinstance(p, dict)]
    for part in parts:
        part = _resolve(doc, part)
        if not isinstance(part, dict):
            continue
        if isinstance(part.get("properties"), dict):
            props.update(part["properties"])
        if isinstance(part.get("required"), list):
            required.update(str(r) for r in part["required"])
    return props, required


def _schema_is_array(doc: dict[str, Any], schema: Any) -> bool:
    schema = _resolve(doc, schema)
    if not isinstance(schema, dict):
        return False
    if schema.get("type") == "array" or (isinstance(schema.get("type"), list) and "array" in schema["type"]):
        return True
    return any(
        _schema_is_array(doc, s) for s in (schema.get("anyOf") or []) if isinstance(s, dict) and s.get("type") != "null"
    )


def _operation(doc: dict[str, Any], path: str, op: dict[str, Any], *, needs_bid: bool) -> Operation | None:
    """An Operation when this POST can be sent with only a task id (and a bid id)."""
    match = _TASK_PATH.match(path)
    if match is None:
        return None
    task_param = match.group(1)
    others = re.findall(r"\{([^}/]+)\}", match.group(2))
    op_id = str(op.get("operationId") or "")
    bid_path = [p for p in others if _is_bid_field(p)]
    if len(others) > len(bid_path) or len(bid_path) > 1:
        return None  # a path parameter this app cannot fill
    schema, body_required = _body_schema(doc, op)
    props, required = _merged_properties(doc, schema) if schema else ({}, set())
    if bid_path:
        if required:
            return None
        return (
            Operation(path, task_param, operation_id=op_id, bid_in="path", bid_field=bid_path[0]) if needs_bid else None
        )
    if needs_bid:
        names = [name for name in props if _is_bid_field(name)]
        if not names:
            return None
        name = sorted(names, key=lambda n: (n.lower() not in ("bid_id", "bidid"), len(n)))[0]
        if required - {name}:
            return None
        return Operation(
            path,
            task_param,
            operation_id=op_id,
            bid_in="body",
            bid_field=name,
            bid_as_list=_schema_is_array(doc, props[name]),
        )
    if required or (body_required and schema is None):
        return None
    return Operation(path, task_param, operation_id=op_id)


def discover_operations(doc: Any) -> ReviewOperations:
    """Learn the select (and optional remix / review-extension) operations from an OpenAPI document."""
    if not isinstance(doc, dict) or not isinstance(doc.get("paths"), dict):
        return ReviewOperations("malformed", detail="the document has no 'paths' object")
    found: dict[str, Operation] = {}
    for path, item in doc["paths"].items():
        if not isinstance(path, str) or not isinstance(item, dict):
            continue
        match = _TASK_PATH.match(path)
        op = item.get("post")
        if match is None or not isinstance(op, dict):
            continue
        words = (match.group(2) + " " + str(op.get("operationId") or "")).lower()
        for name, pattern, needs_bid in (
            ("select", _SELECT_WORDS, True),
            ("remix", _REMIX_WORDS, False),
            ("extend", _EXTEND_WORDS, False),
        ):
            if name in found or not pattern.search(words):
                continue
            if name == "select" and ("deselect" in words or "unselect" in words):
                continue
            operation = _operation(doc, path, op, needs_bid=needs_bid)
            if operation is not None:
                found[name] = operation
    select = found.get("select")
    return ReviewOperations(
        "found" if select else "absent",
        select=select,
        remix=found.get("remix"),
        extend=found.get("extend"),
        detail=f"{select.method} {select.path}" if select else "no operation to choose a version",
    )


class SettingsStore(Protocol):
    def get_setting(self, key: str) -> str | None: ...
    def set_setting(self, key: str, value: str | None) -> None: ...


@dataclass
class _Cached:
    operations: ReviewOperations
    at: float


class OperationsCache:
    """What each server address advertises, in memory and (when readable) in the store's settings.

    A readable answer is kept a day; an unreadable document is asked again after a minute. A
    select that the server no longer knows (404/405) drops the entry (:meth:`forget`).
    """

    KEEP = 24 * 3600.0
    RETRY_UNREADABLE = 60.0
    MAX_SERVERS = 8

    def __init__(self, store: SettingsStore | None = None, *, clock: Callable[[], float] = time.time) -> None:
        self._store = store
        self._clock = clock
        self._memory: OrderedDict[str, _Cached] = OrderedDict()

    @staticmethod
    def _key(base_url: str) -> str:
        return "review-operations:" + base_url.rstrip("/")

    def _remember(self, base_url: str, entry: _Cached) -> None:
        self._memory[base_url] = entry
        self._memory.move_to_end(base_url)
        while len(self._memory) > self.MAX_SERVERS:
            self._memory.popitem(last=False)

    def cached(self, base_url: str) -> ReviewOperations | None:
        now = self._clock()
        entry = self._memory.get(base_url)
        if entry is not None:
            keep = self.KEEP if entry.operations.state in ("found", "absent") else self.RETRY_UNREADABLE
            if now - entry.at < keep:
                return entry.operations
        if self._store is not None:
            try:
                raw = self._store.get_setting(self._key(base_url))
                data = json.loads(raw) if raw else None
            except Exception as exc:  # a damaged setting is only a cache miss
                log.info("review operations cache unreadable: %s", exc)
                data = None
            if isinstance(data, dict) and isinstance(data.get("at"), (int, float)) and now - data["at"] < self.KEEP:
                operations = ReviewOperations.from_json(data.get("operations"))
                if operations is not None:
                    self._remember(base_url, _Cached(operations, float(data["at"])))
                    return operations
        return None

    def put(self, base_url: str, operations: ReviewOperations) -> None:
        now = self._clock()
        self._remember(base_url, _Cached(operations, now))
        if self._store is not None and operations.state in ("found", "absent"):
            try:
                self._store.set_setting(
                    self._key(base_url), json.dumps({"at": now, "operations": operations.to_json()})
                )
            except Exception as exc:
                log.warning("could not keep what the server offers: %s", exc)

    def forget(self, base_url: str) -> None:
        self._memory.pop(base_url, None)
        if self._store is not None:
            try:
                self._store.set_setting(self._key(base_url), None)
            except Exception as exc:
                log.warning("could not forget the cached operations: %s", exc)

    async def get(self, base_url: str, fetch: Callable[[], Awaitable[Any]]) -> ReviewOperations:
        """The cached operations, else ``fetch()`` the document and learn from it."""
        known = self.cached(base_url)
        if known is not None:
            return known
        try:
            doc = await fetch()
        except Exception as exc:  # offline, refused, not JSON, too large: all mean "unreadable"
            log.info("the server's description could not be read: %s", getattr(exc, "detail", "") or type(exc).__name__)
            operations = ReviewOperations("unreadable", detail=str(getattr(exc, "detail", "") or type(exc).__name__))
        else:
            operations = discover_operations(doc)
        log.info("review operations for %s: %s (%s)", base_url, operations.state, operations.detail)
        self.put(base_url, operations)
        return operations


__all__ = [
    "UNREADABLE",
    "WEBSITE_URL",
    "Artifact",
    "Bid",
    "Gallery",
    "Operation",
    "OperationsCache",
    "ReviewOperations",
    "breakdown_words",
    "classify_artifact",
    "classify_artifacts",
    "discover_operations",
    "money",
    "parse_gallery",
    "score_words",
]
