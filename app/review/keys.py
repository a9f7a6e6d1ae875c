"""Versions that came without an ``id`` still show: each gets a stable local key.

A key made here is never sent to the server (it names nothing there): such a version can be looked
at, not chosen from this app. The key is the same on every reading of the gallery as long as the
version's agent, round and time are (so the person's place in the list survives a refresh).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any
from uuid import UUID

LOCAL_PREFIX = "local-"
_IDENTITY = ("agent_id", "agent_name", "round", "created_at", "prototype_summary")


def has_usable_id(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, UUID)):
        return True
    return isinstance(value, str) and bool(value.strip())


def with_local_keys(items: list[Any]) -> list[Any]:
    """The gallery's bid objects, each with ``local_key`` set: False when it carries an id, else
    True with an ``id`` made here. Anything that is not an object is passed on as it is."""
    result: list[Any] = []
    taken: set[str] = set()
    for position, item in enumerate(items):
        if not isinstance(item, dict):
            result.append(item)
            continue
        if has_usable_id(item.get("id")):
            result.append({**item, "local_key": False})
            continue
        identity = {name: item.get(name) for name in _IDENTITY if item.get(name) is not None}
        seed = json.dumps(identity, sort_keys=True, default=str) if identity else f"position {position}"
        key = LOCAL_PREFIX + hashlib.sha256(seed.encode()).hexdigest()[:16]
        while key in taken:  # two versions alike in every way: told apart by their order
            key += "+"
        taken.add(key)
        result.append({**item, "id": key, "local_key": True})
    return result
