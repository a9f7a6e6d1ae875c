"""The documented task endpoints: health, categories, create, list, get, cancel."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Depends, Header, HTTPException

from app.sandbox.config import CATEGORIES, DEMO_USER_ID
from app.sandbox.schemas import TaskCreate
from app.sandbox.tasks import StoredTask, TaskBook, iso


def task_or_404(book: TaskBook, task_id: uuid.UUID) -> StoredTask:
    stored = book.find(str(task_id))
    if stored is None:
        raise HTTPException(404, "Task not found")
    return stored


def task_routes(book: TaskBook, authorised: Callable[..., None]) -> APIRouter:
    cfg = book.cfg
    router = APIRouter()
    auth = [Depends(authorised)]

    @router.get("/health")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    @router.get("/api/v1/categories", dependencies=auth)
    async def categories() -> dict[str, Any]:
        return {"categories": CATEGORIES if cfg.categories is None else cfg.categories}

    @router.post("/api/v1/tasks", status_code=201, dependencies=auth)
    async def create_task(body: TaskCreate, idempotency_key: str | None = Header(default=None)) -> dict[str, Any]:
        if len(body.description) < cfg.min_description:
            raise HTTPException(
                422,
                detail=[
                    {
                        "loc": ["body", "description"],
                        "type": "string_too_short",
                        "input": body.description,
                        "msg": f"String should have at least {cfg.min_description} characters",
                        "ctx": {"min_length": cfg.min_description},
                    }
                ],
            )
        with book.lock:
            if idempotency_key and idempotency_key in book.by_idempotency_key:
                return book.render(book.tasks[book.by_idempotency_key[idempotency_key]])
            now = cfg.clock()
            task_id = str(uuid.uuid4())
            data = body.model_dump(mode="json")
            description = data["description"]
            data.update(
                id=task_id,
                user_id=DEMO_USER_ID,
                title=data["title"] or (description[:60].strip() or "Untitled task"),
                compute_budget=round(data["budget_usd"] * 0.2, 2),
                created_at=iso(now),
                attachments=None,
                prototype_tier=1,
            )
            book.tasks[task_id] = StoredTask(body=data, created=now)
            if idempotency_key:
                book.by_idempotency_key[idempotency_key] = task_id
            return book.render(book.tasks[task_id])

    @router.get("/api/v1/tasks", dependencies=auth)
    async def list_tasks(limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        with book.lock:
            ordered = sorted(book.tasks.values(), key=lambda t: t.created, reverse=True)
            return [book.render(t) for t in ordered[offset : offset + max(0, min(limit, 200))]]

    @router.get("/api/v1/tasks/{task_id}", dependencies=auth)
    async def get_task(task_id: uuid.UUID) -> dict[str, Any]:
        with book.lock:
            return book.render(task_or_404(book, task_id))

    @router.post("/api/v1/tasks/{task_id}/cancel", dependencies=auth)
    async def cancel_task(task_id: uuid.UUID) -> dict[str, Any]:
        with book.lock:
            stored = task_or_404(book, task_id)
            status = book.status(stored)
            if status not in ("open", "matching", "prototyping", "review"):
                raise HTTPException(409, f"A task that is {status} cannot be cancelled")
            stored.body["_final"] = "cancelled"
            return book.render(stored)

    return router
