"""The sandbox's tasks: kept in memory, taken in from an earlier run, and each one's status on the
compressed clock (read from its age, so nothing runs in the background)."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from app.sandbox.config import BID_WINDOW_SECONDS, PHASES, SandboxConfig


def iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, tz=UTC).isoformat().replace("+00:00", "Z")


@dataclass
class StoredTask:
    body: dict[str, Any]  # the public fields, and the sandbox's own under names starting with "_"
    created: float  # real clock seconds


class TaskBook:
    """Every task the sandbox knows, by id; one lock for all reads and changes."""

    def __init__(self, cfg: SandboxConfig) -> None:
        self.cfg = cfg
        self.tasks: dict[str, StoredTask] = {}
        self.by_idempotency_key: dict[str, str] = {}
        self.lock = threading.Lock()
        for body in cfg.preload:
            self.remember(body)

    def remember(self, body: dict[str, Any]) -> StoredTask | None:
        """Take in a task of an earlier run (its own clock goes on from its creation time)."""
        try:
            created = datetime.fromisoformat(str(body["created_at"]).replace("Z", "+00:00")).timestamp()
        except (KeyError, ValueError):
            return None
        kept = {k: v for k, v in body.items() if k not in ("status", "expires_at")}
        if body.get("status") in ("delivering", "completed"):
            kept["_final"] = "completed"  # a version was chosen in an earlier run
        stored = StoredTask(body=kept, created=created)
        self.tasks[str(body["id"])] = stored
        return stored

    def find(self, task_id: str) -> StoredTask | None:
        """A task by id; one known from before is taken in the first time it is asked for."""
        stored = self.tasks.get(task_id)
        if stored is None and self.cfg.known is not None:
            body = self.cfg.known(task_id)
            stored = self.remember(body) if body is not None else None
        return stored

    def lifecycle(self, stored: StoredTask) -> tuple[str, float]:
        """Status and expires_at (real clock) for a task, from its age on the compressed clock."""
        cfg = self.cfg
        status = stored.body.get("_final")
        selected_at = stored.body.get("_selected_at")
        if status is None and selected_at is not None:
            done = selected_at + cfg.delivery_seconds / cfg.speed
            return ("delivering" if cfg.clock() < done else "completed"), done
        age = (cfg.clock() - stored.created) * cfg.speed
        start = 0.0
        bid_window_end = BID_WINDOW_SECONDS
        for name, duration in PHASES:
            if name == "review":
                duration += float(stored.body.get("_extra_review", 0.0))  # review extensions granted
            end = start + duration
            if status is None and age < end:
                deadline = bid_window_end if name != "review" else end
                return name, stored.created + deadline / cfg.speed
            start = end
        return status or "expired", stored.created + start / cfg.speed

    def status(self, stored: StoredTask) -> str:
        return self.lifecycle(stored)[0]

    def render(self, stored: StoredTask) -> dict[str, Any]:
        """The task as the API answers it (TaskResponse)."""
        status, expires = self.lifecycle(stored)
        body = {k: v for k, v in stored.body.items() if not k.startswith("_")}
        body["status"] = status
        body["expires_at"] = iso(expires)
        return body

    def review_started(self, stored: StoredTask) -> float:
        return stored.created + BID_WINDOW_SECONDS / self.cfg.speed
