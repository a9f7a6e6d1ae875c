"""The documented task endpoints: health, categories, create, list, get, cancel."""

import uuid
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, HTTPException, Request

from app.sandbox.accounts import Account
from app.sandbox.config import CATEGORIES
from app.sandbox.credit import ledger, not_enough_credit
from app.sandbox.schemas import TaskCreate
from app.sandbox.tasks import BEFORE_CHOICE, StoredTask, TaskBook, iso


def task_or_404(book: TaskBook, task_id: uuid.UUID, account: Account) -> StoredTask:
    stored = book.find(str(task_id), account)
    if stored is None:
        raise HTTPException(404, "Task not found")
    return stored


IdempotencyKey = Annotated[str | None, Header()]


def once_on_task(
    book: TaskBook,
    task_id: uuid.UUID,
    account: Account,
    request: Request,
    idempotency_key: str | None,
    act: Callable[[StoredTask], dict[str, Any]],
) -> Any:
    """A task action: under the book's lock, ``act`` on the caller's task (404 when it is not
    theirs), once per idempotency key (the same key again replays the first answer)."""
    with book.lock:
        stored = task_or_404(book, task_id, account)
        return book.replays.once(account.user_id, request, idempotency_key, lambda: act(stored))


def task_routes(book: TaskBook, caller: Callable[..., Account]) -> APIRouter:
    cfg = book.cfg
    router = APIRouter()
    Caller = Annotated[Account, Depends(caller)]

    @router.get("/health", operation_id="health")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    @router.get("/api/v1/categories", operation_id="list_categories", dependencies=[Depends(caller)])
    async def categories() -> dict[str, Any]:
        return {"categories": CATEGORIES if cfg.categories is None else cfg.categories}

    @router.post("/api/v1/tasks", status_code=201, operation_id="create_task")
    async def create_task(
        body: TaskCreate, request: Request, account: Caller, idempotency_key: IdempotencyKey = None
    ) -> Any:
        """Post a task. Its budget is held from the account's credit (402 when the credit is short)."""
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
            slot = (account.user_id, idempotency_key or "")
            if idempotency_key and slot in book.by_idempotency_key:
                return book.render(book.tasks[book.by_idempotency_key[slot]])
            money = ledger(book, account)
            if body.budget_usd > money.balance + 1e-9:
                return not_enough_credit(body.budget_usd, money, account, str(request.base_url))
            now = cfg.clock()
            task_id = str(uuid.uuid4())
            data = body.model_dump(mode="json")
            description = data["description"]
            data.update(
                id=task_id,
                user_id=account.user_id,
                title=data["title"] or (description[:60].strip() or "Untitled task"),
                compute_budget=round(data["budget_usd"] * 0.2, 2),
                created_at=iso(now),
                attachments=None,
                prototype_tier=1,
            )
            stored = book.add(account, data, now)
            if idempotency_key:
                book.by_idempotency_key[slot] = task_id
            return book.render(stored)

    @router.get("/api/v1/tasks", operation_id="list_tasks")
    async def list_tasks(account: Caller, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        with book.lock:
            ordered = sorted(book.owned(account), key=lambda t: t.created, reverse=True)
            return [book.render(t) for t in ordered[offset : offset + max(0, min(limit, 200))]]

    @router.get("/api/v1/tasks/{task_id}", operation_id="get_task")
    async def get_task(task_id: uuid.UUID, account: Caller) -> dict[str, Any]:
        with book.lock:
            return book.render(task_or_404(book, task_id, account))

    @router.post("/api/v1/tasks/{task_id}/cancel", operation_id="cancel_task")
    async def cancel_task(
        task_id: uuid.UUID, request: Request, account: Caller, idempotency_key: IdempotencyKey = None
    ) -> Any:
        """Cancel a task before a version is chosen: its whole budget comes back to the credit."""

        def act(stored: StoredTask) -> dict[str, Any]:
            status = book.status(stored)
            if status not in BEFORE_CHOICE:
                raise HTTPException(409, f"A task that is {status} cannot be cancelled")
            stored.body["_final"] = "cancelled"
            stored.body["_final_at"] = cfg.clock()
            return book.render(stored)

        return once_on_task(book, task_id, account, request, idempotency_key, act)

    return router
