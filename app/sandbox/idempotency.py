"""Idempotency-Key on the task actions: the same key (same account, same path) replays the first
successful answer, byte for byte, without acting again. A refused request (4xx) is not kept, so a
request refused for a reason that has gone (no credit, then a top-up) can be sent again as it was."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import Request, Response
from fastapi.responses import JSONResponse

KEPT = 10_000  # answers kept; the oldest go first (demo mode runs for hours)


class Replays:
    def __init__(self) -> None:
        self._answers: dict[tuple[str, str, str], bytes] = {}

    def once(
        self, owner: str, request: Request, key: str | None, act: Callable[[], dict[str, Any]]
    ) -> dict[str, Any] | Response:
        """``act()``'s answer; with a key seen before on this path, the first answer instead.
        The caller holds the task book's lock."""
        if not key:
            return act()
        slot = (owner, request.url.path, key)
        earlier = self._answers.get(slot)
        if earlier is not None:
            return Response(earlier, media_type="application/json", headers={"Idempotent-Replayed": "true"})
        answer = JSONResponse(act())
        self._answers[slot] = bytes(answer.body)
        while len(self._answers) > KEPT:
            del self._answers[next(iter(self._answers))]
        return answer
