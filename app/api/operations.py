"""Finding the operation for a verb in the server's own ``/openapi.json``.

What the app may do to a task beyond the documented calls (choose a version, remix, extend the
review, approve the final work, ask for a revision, dispute, cancel, answer a question) is not in
the API notes: each is learned from the server's OpenAPI document. A :class:`Verb` says what such
an operation looks like (words in its path or ``operationId``, whether it takes a bid id, whether
it carries the person's own words); :func:`find_operations` returns, for each verb, the first
``POST /api/v1/tasks/{task}/…`` that matches and that the app can fill in with only a task id (and
a bid id, or the person's text): an :class:`Operation`.

To teach the app a new verb, add a :class:`Verb` here; the caller decides what to do when the
server does not offer it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any, Literal
from urllib.parse import quote

_TASK_PATH = re.compile(r"^/api/v1/tasks/\{([^}/]+)\}/(.+)$")


@dataclass(frozen=True)
class Verb:
    """What one kind of operation looks like in the document."""

    name: str
    words: re.Pattern[str]  # searched in the path after the task id and the operationId (lower case)
    needs_bid: bool = False  # it acts on one version (bid) of the task
    unless: re.Pattern[str] | None = None  # words that mean the opposite (e.g. "deselect")
    takes_text: bool = False  # the body may carry the person's words (a property named like TEXT_FIELD)
    needs_text: bool = False  # ... and an operation without such a property is of no use for this verb


SELECT = Verb(
    "select", re.compile(r"select|choos|pick|winner|award"), needs_bid=True, unless=re.compile(r"deselect|unselect")
)
REMIX = Verb("remix", re.compile(r"remix"))
EXTEND = Verb("extend", re.compile(r"extend|extension"))
# After the choice (issue 21): the final work approved (money moves), changes asked for, a problem
# reported; before it, the task cancelled; while the agent waits, its question answered.
APPROVE = Verb("approve", re.compile(r"approv"), unless=re.compile(r"disapprov|unapprov"))
REVISION = Verb("revision", re.compile(r"revis|changes"), takes_text=True, needs_text=True)
DISPUTE = Verb("dispute", re.compile(r"dispute|problem"), takes_text=True)
CANCEL = Verb("cancel", re.compile(r"cancel"), unless=re.compile(r"uncancel"))
INPUT = Verb("input", re.compile(r"input|answer|provide"), takes_text=True, needs_text=True)
# The names a body property carrying the person's words may have, the likeliest first.
TEXT_FIELDS = (
    "message", "answer", "reason", "comment", "feedback", "text", "response", "input", "note", "details",
    "description", "explanation", "content", "body",
)  # fmt: skip


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
    text_field: str = ""  # the body property that carries the person's words ("" none)

    def request(
        self, task_id: str, bid_id: str | None = None, text: str | None = None
    ) -> tuple[str, dict[str, Any] | None]:
        """(path, JSON body or None) for this task (and bid, and the person's words)."""
        path = self.path.replace("{" + self.task_param + "}", quote(str(task_id).strip(), safe=""))
        body: dict[str, Any] | None = None
        if self.bid_in == "path":
            path = path.replace("{" + self.bid_field + "}", quote(str(bid_id or "").strip(), safe=""))
        elif self.bid_in == "body":
            body = {self.bid_field: [bid_id] if self.bid_as_list else bid_id}
        if self.text_field and text is not None:
            body = {**(body or {}), self.text_field: text}
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


def _text_field(props: dict[str, Any], required: set[str]) -> str:
    """The body property that carries the person's words: a required one first, then by name."""
    names = [n for n in props if isinstance(n, str) and n.lower() in TEXT_FIELDS]
    names.sort(key=lambda n: (n not in required, TEXT_FIELDS.index(n.lower())))
    return names[0] if names else ""


def _operation(
    doc: dict[str, Any], path: str, op: dict[str, Any], *, needs_bid: bool, verb: Verb | None = None
) -> Operation | None:
    """An Operation when this POST can be sent with only a task id (and a bid id, or the person's words)."""
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
    text_field = _text_field(props, required) if verb is not None and verb.takes_text else ""
    if verb is not None and verb.needs_text and not text_field:
        return None
    if (required - {text_field}) or (body_required and schema is None):
        return None
    return Operation(path, task_param, operation_id=op_id, text_field=text_field)


def find_operations(doc: Any, verbs: Iterable[Verb]) -> dict[str, Operation] | None:
    """For each verb the server offers, by name, its first usable operation (in the document's
    order); None when ``doc`` is not an OpenAPI document (no ``paths`` object)."""
    if not isinstance(doc, dict) or not isinstance(doc.get("paths"), dict):
        return None
    verbs = tuple(verbs)
    found: dict[str, Operation] = {}
    for path, item in doc["paths"].items():
        if not isinstance(path, str) or not isinstance(item, dict):
            continue
        match = _TASK_PATH.match(path)
        op = item.get("post")
        if match is None or not isinstance(op, dict):
            continue
        words = (match.group(2) + " " + str(op.get("operationId") or "")).lower()
        for verb in verbs:
            if verb.name in found or not verb.words.search(words):
                continue
            if verb.unless is not None and verb.unless.search(words):
                continue
            operation = _operation(doc, path, op, needs_bid=verb.needs_bid, verb=verb)
            if operation is not None:
                found[verb.name] = operation
    return found
