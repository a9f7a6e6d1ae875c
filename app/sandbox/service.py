"""The sandbox's FastAPI application."""

from __future__ import annotations

import asyncio
import logging
import random
import secrets
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from fastapi import Depends, FastAPI, Header, HTTPException, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from app.sandbox.bids import draft_svg, make_bids
from app.taxonomy import bundled_taxonomy

DEMO_API_KEY = "aitk_test_demo"
REQUESTS_KEPT = 5_000
DEMO_USER_ID = "00000000-0000-4000-8000-000000000001"

# Nominal lengths of each phase, in sandbox seconds (prototyping: the documented 420 s window).
PHASES: list[tuple[str, float]] = [("open", 5.0), ("matching", 15.0), ("prototyping", 420.0), ("review", 3600.0)]
# Sandbox seconds from posting until review starts (when the versions are in).
BID_WINDOW_SECONDS = sum(d for name, d in PHASES if name != "review")

# The practice server offers the same categories the app ships with (one list, resources/taxonomy.json).
CATEGORIES: list[dict[str, Any]] = bundled_taxonomy()["categories"]


class TaskCreate(BaseModel):
    """The server's request schema, as AITasker documents it (api notes §3.1)."""

    model_config = ConfigDict(title="TaskCreate")

    category: str = Field(min_length=1)
    task_type: str = Field(min_length=1)
    budget_usd: float = Field(ge=3, le=300)
    title: str | None = Field(default=None, max_length=200)
    description: str = Field(default="", max_length=5000)
    requirements: dict[str, Any] = Field(default_factory=dict)
    experimentation: float = Field(default=0.3, ge=0, le=1)
    brand_kit_id: uuid.UUID | None = None


@dataclass
class Faults:
    """Switchable misbehaviour for tests: all off by default."""

    latency: float = 0.0  # seconds added before every API answer
    error_rate: float = 0.0  # share of API requests answered 503
    drop_rate: float = 0.0  # share of API requests whose connection drops after processing
    paths: tuple[str, ...] = ("/api/",)  # which paths the faults apply to


@dataclass
class SandboxConfig:
    api_key: str = DEMO_API_KEY
    speed: float = 1.0  # sandbox seconds per real second: 60 makes a minute pass each second
    create_limit: int = 60  # per minute, per client IP (documented)
    read_limit: int = 300
    clock: Callable[[], float] = time.time
    faults: Faults = field(default_factory=Faults)
    seed: int | None = None
    # Enforce the bidder-side minimum brief (20 characters, api notes §3.1) as a server-side 422,
    # as the real server may: the client does not block it, so only the server's answer can.
    min_description: int = 0
    # Tasks the sandbox already knows at start (demo mode reloads the tasks of earlier runs).
    preload: list[dict[str, Any]] = field(default_factory=list)
    # Or, without a copy in memory: looked up by id the first time a request names one.
    known: Callable[[str], dict[str, Any] | None] | None = None
    # Publish an operation to choose a version (``POST /api/v1/tasks/{task_id}/select-bid``).
    # Off: a server whose clients must choose on the website.
    select_operation: bool = True
    # How long the chosen agent takes to deliver, in sandbox seconds.
    delivery_seconds: float = 600.0
    # How many times a buyer may ask for more time to review (``POST …/extend-review``), and how much.
    review_extensions: int = 1
    extension_seconds: float = 1800.0
    # What GET /api/v1/categories answers; None = the app's own bundled list (CATEGORIES).
    categories: list[dict[str, Any]] | None = None


class SelectBid(BaseModel):
    """The body of the select operation: which version the buyer chose."""

    model_config = ConfigDict(title="SelectBidRequest")

    bid_id: uuid.UUID


class _RequestLog(list):
    """The requests seen, newest last; past twice REQUESTS_KEPT the older half is dropped (tests
    read and slice it like a list; demo mode runs for hours)."""

    def append(self, item: Any) -> None:
        super().append(item)
        if len(self) > 2 * REQUESTS_KEPT:
            del self[:REQUESTS_KEPT]


@dataclass
class _StoredTask:
    body: dict[str, Any]
    created: float  # real clock seconds


class _RateLimiter:
    """A sliding one-minute window per (client, bucket)."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._hits: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()

    def hit(self, client: str, bucket: str, limit: int) -> tuple[bool, int, float]:
        """(allowed, remaining, seconds until a slot frees)."""
        now = self._clock()
        with self._lock:
            hits = self._hits.setdefault((client, bucket), deque())
            while hits and hits[0] <= now - 60:
                hits.popleft()
            if len(hits) >= limit:
                return False, 0, max(0.0, hits[0] + 60 - now)
            hits.append(now)
            return True, limit - len(hits), 0.0


def _iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, tz=UTC).isoformat().replace("+00:00", "Z")


def create_app(config: SandboxConfig | None = None) -> FastAPI:
    cfg = config or SandboxConfig()
    app = FastAPI(title="AITasker sandbox", version="1")
    app.state.config = cfg
    tasks: dict[str, _StoredTask] = {}
    by_idempotency_key: dict[str, str] = {}
    lock = threading.Lock()
    limiter = _RateLimiter(cfg.clock)
    rng = random.Random(cfg.seed)
    app.state.tasks = tasks

    def remember(body: dict[str, Any]) -> _StoredTask | None:
        try:
            created = datetime.fromisoformat(str(body["created_at"]).replace("Z", "+00:00")).timestamp()
        except (KeyError, ValueError):
            return None
        kept = {k: v for k, v in body.items() if k not in ("status", "expires_at")}
        if body.get("status") in ("delivering", "completed"):
            kept["_final"] = "completed"  # a version was chosen in an earlier run
        stored = _StoredTask(body=kept, created=created)
        tasks[str(body["id"])] = stored
        return stored

    for body in cfg.preload:
        remember(body)

    def find(task_id: str) -> _StoredTask | None:
        """A task by id; one known from before is taken in the first time it is asked for."""
        stored = tasks.get(task_id)
        if stored is None and cfg.known is not None:
            body = cfg.known(task_id)
            stored = remember(body) if body is not None else None
        return stored

    # (method, path, headers-without-auth) for tests; the newest only, as demo mode runs for hours.
    app.state.requests_seen = _RequestLog()

    def lifecycle(stored: _StoredTask) -> tuple[str, float]:
        """Status and expires_at (real clock) for a task, from its age on the compressed clock."""
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

    def render(stored: _StoredTask) -> dict[str, Any]:
        status, expires = lifecycle(stored)
        body = {k: v for k, v in stored.body.items() if not k.startswith("_")}
        body["status"] = status
        body["expires_at"] = _iso(expires)
        return body

    def rate_bucket(request: Request) -> tuple[str, int] | None:
        path = request.url.path
        if path in ("/health", "/docs", "/redoc", "/openapi.json") or request.method == "OPTIONS":
            return None
        if request.method == "POST" and path.rstrip("/") == "/api/v1/tasks":
            return "create", cfg.create_limit
        return "read", cfg.read_limit

    @app.middleware("http")
    async def limits_and_faults(request: Request, call_next: Callable[..., Any]) -> Response:
        app.state.requests_seen.append(
            (
                request.method,
                request.url.path,
                {k: v for k, v in request.headers.items() if k.lower() != "authorization"},
            )
        )
        faulty = any(request.url.path.startswith(p) for p in cfg.faults.paths)
        if faulty and cfg.faults.latency > 0:
            await asyncio.sleep(cfg.faults.latency)
        bucket = rate_bucket(request)
        headers: dict[str, str] = {}
        if bucket is not None:
            name, limit = bucket
            client = request.client.host if request.client else "?"
            allowed, remaining, wait = limiter.hit(client, name, limit)
            headers = {"X-RateLimit-Limit": str(limit), "X-RateLimit-Remaining": str(remaining)}
            if not allowed:
                return JSONResponse(
                    {"detail": "Rate limit exceeded. Try again later."},
                    status_code=429,
                    headers={**headers, "Retry-After": str(max(1, int(wait + 0.999)))},
                )
        if faulty and cfg.faults.error_rate > 0 and rng.random() < cfg.faults.error_rate:
            return JSONResponse({"detail": "Service temporarily unavailable"}, status_code=503, headers=headers)
        response = await call_next(request)
        response.headers.update(headers)
        if faulty and cfg.faults.drop_rate > 0 and rng.random() < cfg.faults.drop_rate:
            return _DroppedResponse(response)
        return response

    def authorised(authorization: str | None = Header(default=None)) -> None:
        scheme, _, token = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not secrets.compare_digest(token.strip(), cfg.api_key):
            raise HTTPException(401, "Not authenticated", headers={"WWW-Authenticate": "Bearer"})

    @app.get("/health")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/api/v1/categories", dependencies=[Depends(authorised)])
    async def categories() -> dict[str, Any]:
        return {"categories": CATEGORIES if cfg.categories is None else cfg.categories}

    @app.post("/api/v1/tasks", status_code=201, dependencies=[Depends(authorised)])
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
        with lock:
            if idempotency_key and idempotency_key in by_idempotency_key:
                return render(tasks[by_idempotency_key[idempotency_key]])
            now = cfg.clock()
            task_id = str(uuid.uuid4())
            data = body.model_dump(mode="json")
            description = data["description"]
            data.update(
                id=task_id,
                user_id=DEMO_USER_ID,
                title=data["title"] or (description[:60].strip() or "Untitled task"),
                compute_budget=round(data["budget_usd"] * 0.2, 2),
                created_at=_iso(now),
                attachments=None,
                prototype_tier=1,
            )
            tasks[task_id] = _StoredTask(body=data, created=now)
            if idempotency_key:
                by_idempotency_key[idempotency_key] = task_id
            return render(tasks[task_id])

    @app.get("/api/v1/tasks", dependencies=[Depends(authorised)])
    async def list_tasks(limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        with lock:
            ordered = sorted(tasks.values(), key=lambda t: t.created, reverse=True)
            return [render(t) for t in ordered[offset : offset + max(0, min(limit, 200))]]

    @app.get("/api/v1/tasks/{task_id}", dependencies=[Depends(authorised)])
    async def get_task(task_id: uuid.UUID) -> dict[str, Any]:
        with lock:
            stored = find(str(task_id))
            if stored is None:
                raise HTTPException(404, "Task not found")
            return render(stored)

    @app.post("/api/v1/tasks/{task_id}/cancel", dependencies=[Depends(authorised)])
    async def cancel_task(task_id: uuid.UUID) -> dict[str, Any]:
        with lock:
            stored = find(str(task_id))
            if stored is None:
                raise HTTPException(404, "Task not found")
            status, _ = lifecycle(stored)
            if status not in ("open", "matching", "prototyping", "review"):
                raise HTTPException(409, f"A task that is {status} cannot be cancelled")
            stored.body["_final"] = "cancelled"
            return render(stored)

    def review_started(stored: _StoredTask) -> float:
        return stored.created + BID_WINDOW_SECONDS / cfg.speed

    def gallery_bids(stored: _StoredTask, request: Request) -> list[dict[str, Any]]:
        """The task's bids once it reached review (made once, then kept); none before."""
        status, _ = lifecycle(stored)
        if "_bids" not in stored.body:
            if status in ("open", "matching", "prototyping") or stored.body.get("_final") == "cancelled":
                return []
            if status == "expired" and cfg.clock() < review_started(stored):
                return []  # expired before review: no prototype came in
            base = str(request.base_url).rstrip("/") + "/sandbox/artifacts"
            stored.body["_bids"] = make_bids(stored.body, review_started(stored), base)
        return list(stored.body["_bids"])

    @app.get("/api/v1/tasks/{task_id}/bids", dependencies=[Depends(authorised)])
    async def get_bids(task_id: uuid.UUID, request: Request) -> dict[str, Any]:
        with lock:
            stored = find(str(task_id))
            if stored is None:
                raise HTTPException(404, "Task not found")
            bids = gallery_bids(stored, request)
            return {
                "task": render(stored),
                "bids": bids,
                "total_bids_generated": len(bids),
                "remix_available": False,
                "remix_fee_usd": 1.0,
                "review_extensions_used": int(stored.body.get("_extensions", 0)),
                "review_extensions_remaining": max(0, cfg.review_extensions - int(stored.body.get("_extensions", 0))),
            }

    if cfg.select_operation:

        @app.post("/api/v1/tasks/{task_id}/select-bid", operation_id="select_bid", dependencies=[Depends(authorised)])
        async def select_bid(task_id: uuid.UUID, body: SelectBid, request: Request) -> dict[str, Any]:
            with lock:
                stored = find(str(task_id))
                if stored is None:
                    raise HTTPException(404, "Task not found")
                bids = gallery_bids(stored, request)
                chosen = next((b for b in bids if b["id"] == str(body.bid_id)), None)
                if chosen is None or not chosen["presented"]:
                    raise HTTPException(404, "This version is not part of the task's gallery")
                if chosen["selected"]:
                    return {"task": render(stored), "bid": chosen}  # the same choice again: no change
                status, _ = lifecycle(stored)
                if status != "review":
                    raise HTTPException(409, f"A task that is {status} cannot have a version chosen")
                for bid in bids:
                    bid["selected"] = bid is chosen
                    bid["status"] = "selected" if bid is chosen else "not_selected"
                stored.body["_selected_at"] = cfg.clock()
                return {"task": render(stored), "bid": chosen}

    if cfg.review_extensions > 0:

        @app.post(
            "/api/v1/tasks/{task_id}/extend-review", operation_id="extend_review", dependencies=[Depends(authorised)]
        )
        async def extend_review(task_id: uuid.UUID) -> dict[str, Any]:
            with lock:
                stored = find(str(task_id))
                if stored is None:
                    raise HTTPException(404, "Task not found")
                status, _ = lifecycle(stored)
                if status != "review":
                    raise HTTPException(409, f"A task that is {status} has no review to extend")
                used = int(stored.body.get("_extensions", 0))
                if used >= cfg.review_extensions:
                    raise HTTPException(409, "No review extensions left")
                stored.body["_extensions"] = used + 1
                stored.body["_extra_review"] = float(stored.body.get("_extra_review", 0.0)) + cfg.extension_seconds
                return render(stored)

    @app.get("/sandbox/artifacts/{task_id}/{bid_id}.svg", include_in_schema=False)
    async def artifact_image(task_id: uuid.UUID, bid_id: uuid.UUID) -> Response:
        with lock:
            stored = find(str(task_id))
            bids = stored.body.get("_bids", []) if stored is not None else []
            if stored is None or not any(b["id"] == str(bid_id) for b in bids):
                raise HTTPException(404, "No such picture")
            title = str(stored.body.get("title") or "")
        return Response(
            draft_svg(title, str(bid_id)),
            media_type="image/svg+xml",
            headers={"Cache-Control": "private, max-age=3600"},
        )

    return app


class _DroppedResponse(Response):
    """Sends the headers of a real answer, then closes the connection mid-body.

    The request was fully processed (a create did create the task): this is the dangerous case
    of a connection lost after the server acted, which the client must report as "unclear".
    """

    def __init__(self, inner: Response) -> None:
        super().__init__()
        self._inner = inner

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        headers = [(k, v) for k, v in self._inner.raw_headers if k.lower() != b"content-length"]
        headers.append((b"content-length", b"100000"))
        await send({"type": "http.response.start", "status": self._inner.status_code, "headers": headers})
        try:
            await send({"type": "http.response.body", "body": b"{", "more_body": False})
        except Exception as exc:  # the server refuses to end a short body and closes: the drop
            raise DeliberateDrop("sandbox fault: connection dropped on purpose") from exc


class DeliberateDrop(Exception):
    """Raised to make uvicorn close a connection; its log record is filtered out."""


class _HideDeliberateDrops(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], DeliberateDrop))


logging.getLogger("uvicorn.error").addFilter(_HideDeliberateDrops())
