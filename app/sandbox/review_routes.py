"""The review: the bid gallery, choosing a version, more time to review, the versions' pictures."""

import asyncio
import uuid
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request, Response
from fastapi.responses import JSONResponse

from app.sandbox.accounts import Account
from app.sandbox.bids import draft_svg, make_bids
from app.sandbox.life import Life, asks_a_question
from app.sandbox.schemas import SelectBid
from app.sandbox.task_routes import IdempotencyKey, task_or_404
from app.sandbox.tasks import StoredTask, TaskBook


def gallery_bids(book: TaskBook, stored: StoredTask, request: Request) -> list[dict[str, Any]]:
    """The task's bids once it reached review (made once, then kept); none before."""
    status = book.status(stored)
    if "_bids" not in stored.body:
        if status in ("open", "matching", "prototyping") or stored.body.get("_final") == "cancelled":
            return []
        if status == "expired" and book.cfg.clock() < book.review_started(stored):
            return []  # expired before review: no prototype came in
        base = str(request.base_url).rstrip("/") + "/sandbox/artifacts"
        stored.body["_bids"] = make_bids(stored.body, book.review_started(stored), base)
    return list(stored.body["_bids"])


def review_routes(book: TaskBook, caller: Callable[..., Account]) -> APIRouter:
    cfg = book.cfg
    router = APIRouter()
    Caller = Annotated[Account, Depends(caller)]

    @router.get("/api/v1/tasks/{task_id}/bids", operation_id="get_bid_gallery")
    async def get_bids(task_id: uuid.UUID, request: Request, account: Caller) -> dict[str, Any]:
        with book.lock:
            stored = task_or_404(book, task_id, account)
            bids = gallery_bids(book, stored, request)
            used = int(stored.body.get("_extensions", 0))
            return {
                "task": book.render(stored),
                "bids": bids,
                "total_bids_generated": len(bids),
                "remix_available": False,
                "remix_fee_usd": 1.0,
                "review_extensions_used": used,
                "review_extensions_remaining": max(0, cfg.review_extensions - used),
            }

    if cfg.select_operation:

        @router.post("/api/v1/tasks/{task_id}/select-bid", operation_id="select_bid")
        async def select_bid(
            task_id: uuid.UUID,
            body: SelectBid,
            request: Request,
            account: Caller,
            idempotency_key: IdempotencyKey = None,
        ) -> Any:
            """Choose the version whose agent makes the final work: the task moves to delivering."""
            with book.lock:
                stored = task_or_404(book, task_id, account)

                def act() -> dict[str, Any]:
                    bids = gallery_bids(book, stored, request)
                    chosen = next((b for b in bids if b["id"] == str(body.bid_id)), None)
                    if chosen is None or not chosen["presented"]:
                        raise HTTPException(404, "This version is not part of the task's gallery")
                    if chosen["selected"]:
                        return {"task": book.render(stored), "bid": chosen}  # the same choice again: no change
                    status = book.status(stored)
                    if status != "review":
                        raise HTTPException(409, f"A task that is {status} cannot have a version chosen")
                    for bid in bids:
                        bid["selected"] = bid is chosen
                        bid["status"] = "selected" if bid is chosen else "not_selected"
                    asks = asks_a_question(str(stored.body.get("title") or ""), cfg.question_share)
                    stored.body["_life"] = Life.start(str(task_id), chosen, cfg.clock(), cfg, asks=asks)
                    return {"task": book.render(stored), "bid": chosen}

                if cfg.apply_choice_after > 0:
                    return accept_now_apply_later(act)
                return book.replays.once(account.user_id, request, idempotency_key, act)

        def accept_now_apply_later(act: Callable[[], dict[str, Any]]) -> Response:
            """A 202 "accepted" now, the choice applied a few seconds later (as a queue-backed server does)."""

            def apply() -> None:
                with book.lock:
                    try:
                        act()
                    except HTTPException:
                        pass  # the task moved on meanwhile: the accepted choice is dropped

            asyncio.get_running_loop().call_later(cfg.apply_choice_after, apply)
            return JSONResponse({"status": "accepted"}, status_code=202)

    if cfg.review_extensions > 0:

        @router.post("/api/v1/tasks/{task_id}/extend-review", operation_id="extend_review")
        async def extend_review(task_id: uuid.UUID, account: Caller) -> dict[str, Any]:
            """More time to choose (a limited number of times). Not replayed by Idempotency-Key:
            each extension is its own request."""
            with book.lock:
                stored = task_or_404(book, task_id, account)
                status = book.status(stored)
                if status != "review":
                    raise HTTPException(409, f"A task that is {status} has no review to extend")
                used = int(stored.body.get("_extensions", 0))
                if used >= cfg.review_extensions:
                    raise HTTPException(409, "No review extensions left")
                stored.body["_extensions"] = used + 1
                stored.body["_extra_review"] = float(stored.body.get("_extra_review", 0.0)) + cfg.extension_seconds
                return book.render(stored)

    @router.get("/sandbox/artifacts/{task_id}/{bid_id}.svg", include_in_schema=False)
    async def artifact_image(task_id: uuid.UUID, bid_id: uuid.UUID) -> Response:
        with book.lock:
            stored = book.find(str(task_id))
            bids = stored.body.get("_bids", []) if stored is not None else []
            if stored is None or not any(b["id"] == str(bid_id) for b in bids):
                raise HTTPException(404, "No such picture")
            title = str(stored.body.get("title") or "")
        return Response(
            draft_svg(title, str(bid_id)),
            media_type="image/svg+xml",
            headers={"Cache-Control": "private, max-age=3600"},
        )

    return router
