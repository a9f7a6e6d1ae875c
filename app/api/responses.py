"""Reading AITasker's answers: a bounded body, JSON or nothing, an error class per status, and
the rate limit the headers tell. No request is made here (:mod:`app.api.client` sends them)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

from app.api.errors import (
    ApiError,
    BadResponse,
    Forbidden,
    InvalidTask,
    NotFound,
    OutcomeUnknown,
    RateLimited,
    ServerError,
    Unauthorized,
    credit_refusal,
    parse_retry_after,
)
from app.translatable import QT_TRANSLATE_NOOP, fill, translate

MAX_RESPONSE_BYTES = 5 * 1024 * 1024


@dataclass
class RateLimitState:
    """What the last response said about the rate limit (None where the header was absent)."""

    limit: int | None = None
    remaining: int | None = None


def _header_int(response: httpx.Response, name: str) -> int | None:
    try:
        return int(response.headers[name])
    except (KeyError, ValueError):
        return None


def rate_limit_of(response: httpx.Response) -> RateLimitState | None:
    """What the response's headers say about the rate limit; None when they say nothing."""
    limit = _header_int(response, "X-RateLimit-Limit")
    remaining = _header_int(response, "X-RateLimit-Remaining")
    if limit is not None or remaining is not None:
        return RateLimitState(limit=limit, remaining=remaining)
    return None


async def read_bounded(response: httpx.Response) -> bytes:
    """The body, refused (:class:`BadResponse`) once it grows past :data:`MAX_RESPONSE_BYTES`."""
    declared = _header_int(response, "Content-Length")
    if declared is not None and declared > MAX_RESPONSE_BYTES:
        raise BadResponse(
            detail=f"answer of {declared} bytes is larger than {MAX_RESPONSE_BYTES}", status=response.status_code
        )
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > MAX_RESPONSE_BYTES:
            raise BadResponse(detail=f"answer larger than {MAX_RESPONSE_BYTES} bytes", status=response.status_code)
        chunks.append(chunk)
    return b"".join(chunks)


def decode(raw: bytes, response: httpx.Response, where: str) -> Any:
    """The JSON of a body (None when empty, or an error page that is not JSON)."""
    if not raw.strip():
        return None
    try:
        return json.loads(raw)
    except RecursionError:
        # Nested deeper than Python's parser goes (hundreds of levels): nothing to show.
        raise BadResponse(
            detail=f"{where}: HTTP {response.status_code}, answer nested too deeply to read",
            status=response.status_code,
        ) from None
    except (ValueError, UnicodeDecodeError):
        if 200 <= response.status_code < 300:
            raise BadResponse(
                detail=f"{where}: HTTP {response.status_code}, body is not JSON", status=response.status_code
            ) from None
        return None  # an error page in HTML: the status code still tells what happened


def error_for(status: int, data: Any, response: httpx.Response, where: str, redact: Callable[[str], str]) -> ApiError:
    """The :mod:`app.api.errors` class for a status that is not 2xx, its texts passed through ``redact``."""
    detail_field = data.get("detail") if isinstance(data, dict) else None
    # Redact before cutting: a cut through the key would leave part of it readable.
    server_text = (
        (detail_field if isinstance(detail_field, str) else redact(_json_text(detail_field))[:500])
        if detail_field is not None
        else ""
    )
    server_text = redact(server_text)
    detail = f"{where}: HTTP {status}" + (f": {server_text}" if server_text else "")
    posting = where.startswith("POST ") and where.rstrip("/").endswith("/api/v1/tasks")
    refusal = credit_refusal(status, data, detail=detail, posting=posting)  # before 403: such a 403 is about money
    if refusal is not None:
        return refusal
    if status == 401:
        return Unauthorized(detail=detail, status=status)
    if status == 403:
        return Forbidden(detail=detail, status=status)
    if status == 404:
        return NotFound(detail=detail, status=status)
    if status == 422 or (status == 400 and isinstance(detail_field, list)):
        if isinstance(detail_field, list):
            error = InvalidTask.from_validation_errors(detail_field, status=status)
            error.detail = detail
            return error
        return InvalidTask(field_errors={"__all__": [server_text]} if server_text else {}, detail=detail, status=status)
    if status == 429:
        return RateLimited(retry_after=parse_retry_after(response.headers.get("Retry-After")), detail=detail)
    if status >= 500:
        if where.startswith("POST /api/v1/tasks"):
            # A server error on create may come after the task was stored: the user decides.
            return OutcomeUnknown.server_problem(status, detail=detail)
        return ServerError(detail=detail, status=status)
    if 300 <= status < 400:
        return BadResponse(
            QT_TRANSLATE_NOOP(
                "messages", "AITasker answered from a different address. Check the API address in Settings."
            ),
            detail=f"{where}: HTTP {status} redirect not followed",
            status=status,
        )
    return ApiError(
        fill(translate("messages", "AITasker refused this request. It said: %1"), server_text)
        if server_text
        else translate("messages", "AITasker refused this request."),
        detail=detail,
        status=status,
    )


def _json_text(value: Any) -> str:
    try:
        return json.dumps(value, ensure_ascii=False)
    except (ValueError, TypeError, RecursionError):
        return "(an answer nested too deeply to show)"
