"""What happens to every request before a route sees it: the request log, the documented rate
limits (429 with Retry-After and the X-RateLimit headers), and the switchable faults."""

from __future__ import annotations

import asyncio
import logging
import random
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse

from app.sandbox.config import REQUESTS_KEPT, SandboxConfig

UNLIMITED_PATHS = ("/health", "/docs", "/redoc", "/openapi.json")


class RequestLog(list):
    """The requests seen, newest last; past twice REQUESTS_KEPT the older half is dropped (tests
    read and slice it like a list; demo mode runs for hours)."""

    def append(self, item: Any) -> None:
        super().append(item)
        if len(self) > 2 * REQUESTS_KEPT:
            del self[:REQUESTS_KEPT]


class RateLimiter:
    """A sliding one-minute window per (client, bucket), on the monotonic clock: setting the
    computer's clock back does not refuse requests for the length of the jump."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
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


def rate_bucket(cfg: SandboxConfig, request: Request) -> tuple[str, int] | None:
    """(bucket name, per-minute limit) of a request; None for the documented exemptions."""
    path = request.url.path
    if path in UNLIMITED_PATHS or request.method == "OPTIONS":
        return None
    if request.method == "POST" and path.rstrip("/") == "/api/v1/tasks":
        return "create", cfg.create_limit
    return "read", cfg.read_limit


def install_traffic(app: FastAPI, cfg: SandboxConfig) -> None:
    """Log, limit and (when asked) misbehave on every request of ``app``."""
    limiter = RateLimiter()  # real seconds, whatever the wall clock (cfg.clock) says
    rng = random.Random(cfg.seed)
    # (method, path, headers-without-auth) for tests; the newest only, as demo mode runs for hours.
    app.state.requests_seen = RequestLog()

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
        bucket = rate_bucket(cfg, request)
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
        if faulty and cfg.faults.answer_delay > 0:  # done, but the answer is late (a slow server)
            await asyncio.sleep(cfg.faults.answer_delay)
        response.headers.update(headers)
        if faulty and cfg.faults.drop_rate > 0 and rng.random() < cfg.faults.drop_rate:
            return DroppedResponse(response)
        return response


class DroppedResponse(Response):
    """Sends the headers of a real answer and about half of its body, then closes the connection.

    The request was fully processed (a create did create the task): this is the dangerous case
    of a connection lost after the server acted, which the client must report as "unclear". On a
    download, it is a transfer cut in the middle.
    """

    def __init__(self, inner: Response) -> None:
        super().__init__()
        self._inner = inner

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        declared = next((int(v) for k, v in self._inner.raw_headers if k.lower() == b"content-length"), 0)
        total = declared if declared > 1 else 100_000
        headers = [(k, v) for k, v in self._inner.raw_headers if k.lower() != b"content-length"]
        headers.append((b"content-length", str(total).encode()))
        await send({"type": "http.response.start", "status": self._inner.status_code, "headers": headers})
        try:
            left = max(1, total // 2)
            chunks = getattr(self._inner, "body_iterator", None)
            if chunks is None:
                await send({"type": "http.response.body", "body": b"{", "more_body": True})
            else:
                async for chunk in chunks:
                    piece = bytes(chunk)[:left]
                    await send({"type": "http.response.body", "body": piece, "more_body": True})
                    left -= len(piece)
                    if left <= 0:
                        break
            await send({"type": "http.response.body", "body": b"", "more_body": False})
        except Exception as exc:  # the server refuses to end a short body and closes: the drop
            raise DeliberateDrop("sandbox fault: connection dropped on purpose") from exc
        raise DeliberateDrop("sandbox fault: connection dropped on purpose")


class DeliberateDrop(Exception):
    """Raised to make uvicorn close a connection; its log record is filtered out."""


class _HideDeliberateDrops(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], DeliberateDrop))


logging.getLogger("uvicorn.error").addFilter(_HideDeliberateDrops())
