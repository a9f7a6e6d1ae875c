"""After the choice: the delivery and its files, approve, ask for changes, report a problem, and
answer the agent's question. Each action is advertised in /openapi.json with its operationId."""

import asyncio
import uuid
from collections.abc import AsyncIterator, Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request, Response
from fastapi.responses import StreamingResponse

from app.sandbox.accounts import Account
from app.sandbox.deliveries import FILES_PATH, DeliveryFile, delivery_answer, files_of
from app.sandbox.life import Life
from app.sandbox.schemas import DisputeRequest, InputAnswer, RevisionRequest
from app.sandbox.task_routes import IdempotencyKey, once_on_task, task_or_404
from app.sandbox.tasks import StoredTask, TaskBook

CHUNK = 1 << 16


def _life(book: TaskBook, stored: StoredTask, action: str, wanted: str, refusal: str) -> Life:
    """The task's life after the choice, when its status now is ``wanted``: 409 before a choice
    ("has no delivery to <action>") or in another status ("cannot <refusal>")."""
    status = book.status(stored)
    life = stored.life
    if life is None:
        raise HTTPException(409, f"A task that is {status} has no delivery to {action}")
    if status != wanted:
        raise HTTPException(409, f"A task that is {status} cannot {refusal}")
    return life


def delivery_routes(book: TaskBook, caller: Callable[..., Account]) -> APIRouter:
    cfg = book.cfg
    router = APIRouter()
    Caller = Annotated[Account, Depends(caller)]

    def answer_of(life: Life, stored: StoredTask, request: Request, index: int = -1) -> dict[str, Any]:
        delivery = life.deliveries[index]
        approve_by = life.next_deadline(cfg) if life.status == "delivered" else None
        title = str(stored.body.get("title") or "")
        return delivery_answer(life, delivery, title, cfg.large_file_bytes, str(request.base_url), approve_by)

    def life_now(task_id: uuid.UUID, account: Account) -> tuple[StoredTask, Life | None]:
        """The caller's task (404 when not theirs) and its life after the choice, brought up to now."""
        stored = task_or_404(book, task_id, account)
        book.status(stored)
        return stored, stored.life

    @router.get("/api/v1/tasks/{task_id}/delivery", operation_id="get_delivery")
    async def get_delivery(task_id: uuid.UUID, request: Request, account: Caller) -> dict[str, Any]:
        """The latest delivery of the final work: its pictures, text and files."""
        with book.lock:
            stored, life = life_now(task_id, account)
            if life is None or not life.deliveries:
                raise HTTPException(404, "No delivery yet")
            return answer_of(life, stored, request)

    @router.get("/api/v1/tasks/{task_id}/deliveries", operation_id="list_deliveries")
    async def list_deliveries(task_id: uuid.UUID, request: Request, account: Caller) -> dict[str, Any]:
        """Every delivery of the task, oldest first (a new one follows each request for changes)."""
        with book.lock:
            stored, life = life_now(task_id, account)
            count = len(life.deliveries) if life is not None else 0
            return {"deliveries": [answer_of(life, stored, request, i) for i in range(count)] if life else []}

    @router.post("/api/v1/tasks/{task_id}/approve", operation_id="approve_delivery")
    async def approve_delivery(
        task_id: uuid.UUID, request: Request, account: Caller, idempotency_key: IdempotencyKey = None
    ) -> Any:
        """Approve the delivered work: the chosen version's price is paid, the rest of the budget
        comes back, and the task is completed."""

        def act(stored: StoredTask) -> dict[str, Any]:
            life = _life(book, stored, "approve", "delivered", "be approved")
            life.approve(cfg.clock())
            return {"task": book.render(stored), "delivery": answer_of(life, stored, request)}

        return once_on_task(book, task_id, account, request, idempotency_key, act)

    @router.post("/api/v1/tasks/{task_id}/request-revision", operation_id="request_revision")
    async def request_revision(
        task_id: uuid.UUID,
        body: RevisionRequest,
        request: Request,
        account: Caller,
        idempotency_key: IdempotencyKey = None,
    ) -> Any:
        """Ask for changes to the delivered work: the task goes back to delivering, and a new
        delivery follows."""

        def act(stored: StoredTask) -> dict[str, Any]:
            life = _life(book, stored, "change", "delivered", "have changes asked for")
            if len(life.revision_requests) >= cfg.revisions:
                raise HTTPException(409, "No more changes can be asked for on this task")
            life.request_revision(body.message, cfg.clock(), cfg)
            return {"task": book.render(stored)}

        return once_on_task(book, task_id, account, request, idempotency_key, act)

    @router.post("/api/v1/tasks/{task_id}/dispute", operation_id="dispute_delivery")
    async def dispute_delivery(
        task_id: uuid.UUID,
        body: DisputeRequest,
        request: Request,
        account: Caller,
        idempotency_key: IdempotencyKey = None,
    ) -> Any:
        """Report a problem with the delivered work: the task is disputed and its budget stays held."""

        def act(stored: StoredTask) -> dict[str, Any]:
            _life(book, stored, "dispute", "delivered", "be disputed").open_dispute(body.message, cfg.clock())
            return {"task": book.render(stored)}

        return once_on_task(book, task_id, account, request, idempotency_key, act)

    @router.post("/api/v1/tasks/{task_id}/provide-input", operation_id="provide_input")
    async def provide_input(
        task_id: uuid.UUID, body: InputAnswer, request: Request, account: Caller, idempotency_key: IdempotencyKey = None
    ) -> Any:
        """Answer the agent's question (the task's ``input_request``) while the task is
        ``input_required``: the agent goes on with the work."""

        def act(stored: StoredTask) -> dict[str, Any]:
            _life(book, stored, "answer for", "input_required", "take an answer").answer(body.answer, cfg.clock())
            return {"task": book.render(stored)}

        return once_on_task(book, task_id, account, request, idempotency_key, act)

    @router.api_route(FILES_PATH + "/{task_id}/{delivery_id}/{name}", methods=["GET", "HEAD"], include_in_schema=False)
    async def delivery_file(task_id: uuid.UUID, delivery_id: uuid.UUID, name: str, request: Request) -> Response:
        with book.lock:
            stored = book.find(str(task_id))
            life = stored.life if stored is not None else None
            delivery = next((d for d in life.deliveries if d.id == str(delivery_id)), None) if life else None
            found = None
            if stored is not None and life is not None and delivery is not None:
                title = str(stored.body.get("title") or "")
                found = next((f for f in files_of(life, delivery, title, cfg.large_file_bytes) if f.name == name), None)
            if found is None:
                raise HTTPException(404, "No such file")
        disposition = "attachment" if found.kind == "file" else "inline"
        headers = {
            "Content-Length": str(found.size),
            "Content-Disposition": f'{disposition}; filename="{found.name}"',
            "Cache-Control": "private, max-age=3600",
        }
        if found.data is not None:
            headers["ETag"] = f'"{found.sha256}"'
        if request.method == "HEAD":
            return Response(headers=headers, media_type=found.content_type)
        return StreamingResponse(
            _paced(found, cfg.faults.download_rate), media_type=found.content_type, headers=headers
        )

    return router


async def _paced(item: DeliveryFile, rate: float) -> AsyncIterator[bytes]:
    """The file's bytes, at ``rate`` bytes per second when it is above 0 (a slow link, for tests)."""
    for chunk in item.chunks():
        for start in range(0, len(chunk), CHUNK):
            piece = chunk[start : start + CHUNK]
            if rate > 0:
                await asyncio.sleep(len(piece) / rate)
            yield piece
