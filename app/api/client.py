"""TasksClient: the one place that speaks HTTP to AITasker.

One shared ``httpx.AsyncClient``; every outcome is mapped to an :mod:`app.api.errors` class, so no raw
httpx, pydantic or json exception escapes (:mod:`app.api.responses` reads the answers). Reads are
retried with bounded backoff on 5xx and connection failures. A create is never retried once it may
have reached the server.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
from typing import Any

import httpx
from pydantic import ValidationError

from app import __version__
from app.api.address import check_api_url as check_api_url  # re-exported: its old home
from app.api.address import is_loopback_host as is_loopback_host
from app.api.errors import (
    ApiError,
    BadResponse,
    InvalidTask,
    NotFound,
    Offline,
    OutcomeUnknown,
    ServerError,
    Unauthorized,
)
from app.api.operations import Operation
from app.api.responses import RateLimitState, decode, error_for, rate_limit_of, read_bounded
from app.api.schema import Task, TaskDraft
from app.api.tls import tls_context
from app.logs import redact
from app.money import BALANCE_PATH, Balance, parse_balance
from app.review.gallery import Gallery, parse_gallery
from app.tasks.delivery import Delivery, parse_delivery
from app.taxonomy import Category, parse_categories
from app.translatable import QT_TRANSLATE_NOOP, fill, translate

log = logging.getLogger(__name__)

DEFAULT_API_URL = "https://api.aitasker.co"
USER_AGENT = f"aitasker-desktop/{__version__}"
DEFAULT_TIMEOUT = httpx.Timeout(15.0, connect=5.0)
# A user-facing deadline for one request: httpx timeouts are per operation, not in total.
DEFAULT_DEADLINE = 45.0
READ_ATTEMPTS = 3
UNCLEAR = QT_TRANSLATE_NOOP("messages", "We can't tell whether AITasker received this request. Nothing was sent again.")


class TasksClient:
    """Async client for the AITasker task API. Use as ``async with TasksClient(...) as c:``."""

    def __init__(
        self,
        base_url: str,
        api_key: str,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
        deadline: float = DEFAULT_DEADLINE,
        retry_base_delay: float = 0.25,
    ) -> None:
        self.base_url = check_api_url(base_url)
        self._api_key = api_key.strip()
        # A key with spaces, line breaks or non-ASCII letters in it can't be a real key (and can't
        # go in a header): refuse it here, without sending anything.
        self._key_usable = (
            bool(self._api_key) and self._api_key.isascii() and self._api_key.isprintable() and " " not in self._api_key
        )
        self._deadline = deadline
        self._retry_base_delay = retry_base_delay
        self.rate_limit = RateLimitState()
        self._http = httpx.AsyncClient(
            base_url=self.base_url,
            headers={
                "User-Agent": USER_AGENT,
                "Accept": "application/json",
                **({"Authorization": f"Bearer {self._api_key}"} if self._key_usable else {}),
            },
            timeout=timeout,
            transport=transport,
            # Plain http goes only to this computer (app.api.address: demo mode's practice server)
            # and no redirect is followed: such a client never opens a TLS connection, and is
            # spared the certificates' loading (tens of milliseconds on the way to connecting).
            verify=tls_context() if self.base_url.startswith("https:") else False,
            follow_redirects=False,  # a redirect could carry the key to another host
        )

    def __repr__(self) -> str:
        return f"TasksClient(base_url={self.base_url!r})"

    async def __aenter__(self) -> TasksClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._http.aclose()

    # --- public calls ---------------------------------------------------------------------

    async def create_task(self, draft: TaskDraft, idempotency_key: str | None = None) -> Task:
        """Post a task. Raises Offline only when nothing can have reached the server."""
        headers = {"Content-Type": "application/json"}
        if idempotency_key:
            headers["Idempotency-Key"] = idempotency_key
        try:
            body = json.dumps(draft.to_request_json(), allow_nan=False).encode()
        except (ValueError, TypeError, RecursionError) as exc:
            # TaskDraft's bounds make this unreachable; if it ever happens, nothing was sent.
            raise InvalidTask(
                QT_TRANSLATE_NOOP(
                    "messages", "This task can't be sent as it stands: its requirements can't be written down."
                ),
                field_errors={
                    "requirements": [
                        QT_TRANSLATE_NOOP("messages", "These requirements can't be sent. Please simplify them.")
                    ]
                },
                detail=f"request body not serialisable: {type(exc).__name__}",
                status=None,
            ) from None
        try:
            response, data = await self._send("POST", "/api/v1/tasks", content=body, headers=headers, may_retry=False)
            return self._parse(Task, data, response)
        except BadResponse as exc:
            if exc.status is not None and not 200 <= exc.status < 300:
                raise
            # The server said yes (or was cut off while saying it) but we can't read the task.
            raise OutcomeUnknown(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "AITasker answered, but in a way this app could not read, so we can't tell "
                    "whether your task was posted. Nothing will be sent again without your say-so.",
                ),
                detail=exc.detail,
                status=exc.status,
            ) from None

    async def get_task(self, task_id: str) -> Task:
        response, data = await self._send("GET", f"/api/v1/tasks/{_path_segment(task_id)}")
        return self._parse(Task, data, response)

    async def list_tasks(self, *, limit: int = 50, offset: int = 0) -> list[Task]:
        """``GET /api/v1/tasks`` (offered by the sandbox; unconfirmed on the real API)."""
        response, data = await self._send("GET", "/api/v1/tasks", params={"limit": limit, "offset": offset})
        items = data.get("tasks", data.get("items")) if isinstance(data, dict) else data
        if not isinstance(items, list):
            raise BadResponse(detail="task list is neither an array nor an envelope")
        return [self._parse(Task, item, response) for item in items]

    async def list_categories(self) -> list[Category]:
        response, data = await self._send("GET", "/api/v1/categories")
        try:
            return parse_categories(data)
        except (ValueError, ValidationError) as exc:
            raise BadResponse(detail=self._redact(f"categories: {exc}")) from None

    async def balance(self) -> Balance:
        """The account's credit (``GET /api/v1/a2a/credits/balance``, api notes §3.7); a server
        without it answers NotFound (404) or ApiError (405); an unreadable answer is BadResponse."""
        response, data = await self._send("GET", BALANCE_PATH)
        balance = parse_balance(data)
        if balance is None:
            raise BadResponse(
                detail=f"HTTP {response.status_code}: credit balance not understood", status=response.status_code
            )
        return balance

    async def health(self) -> bool:
        """True when ``/health`` answers 2xx."""
        await self._send("GET", "/health")
        return True

    # --- reviewing a task ------------------------------------------------------------------

    async def get_bids(self, task_id: str) -> Gallery:
        """``GET /api/v1/tasks/{task_id}/bids``: the versions agents made (api notes §3.4)."""
        response, data = await self._send("GET", f"/api/v1/tasks/{_path_segment(task_id)}/bids")
        try:
            return parse_gallery(data)
        except (ValueError, ValidationError) as exc:
            raise BadResponse(
                detail=self._redact(f"HTTP {response.status_code}: gallery not understood: {exc}"),
                status=response.status_code,
            ) from None

    async def openapi(self) -> Any:
        """The server's own description of itself (``/openapi.json``), decoded; BadResponse if empty."""
        _, data = await self._send("GET", "/openapi.json")
        if data is None:
            raise BadResponse(detail="GET /openapi.json: empty answer")
        return data

    async def select_bid(
        self, operation: Operation, task_id: str, bid_id: str, *, idempotency_key: str | None = None
    ) -> None:
        """Choose a version with the operation the server advertised. Sent once, never retried:
        an unclear outcome raises :class:`OutcomeUnknown` (re-read the gallery to learn the truth)."""
        await self._send_action(
            operation,
            *operation.request(task_id, bid_id),
            key=idempotency_key or f"{operation.operation_id or 'action'}:{task_id}:{bid_id}",
            unclear=QT_TRANSLATE_NOOP(
                "messages",
                "We can't tell whether AITasker received your choice. Nothing was sent again: "
                "the review will check what AITasker now shows.",
            ),
        )

    async def run_review_operation(
        self, operation: Operation, task_id: str, *, idempotency_key: str | None = None
    ) -> None:
        """A remix or a review extension the server advertised: sent once, like a choice."""
        await self._send_action(
            operation,
            *operation.request(task_id),
            key=idempotency_key or f"{operation.operation_id or 'action'}:{task_id}:",
            unclear=UNCLEAR,
        )

    # --- after the choice: the final work, and what the person does with it (issue 21) -----------

    async def get_delivery(self, task_id: str) -> Delivery | None:
        """``GET /api/v1/tasks/{task_id}/delivery``: the latest final work; None when there is none (404)."""
        try:
            _, data = await self._send("GET", f"/api/v1/tasks/{_path_segment(task_id)}/delivery")
        except NotFound:
            return None
        return parse_delivery(data, self.base_url)

    async def run_task_operation(
        self, operation: Operation, task_id: str, body: dict[str, Any] | None = None, *, idempotency_key: str
    ) -> None:
        """Approve, ask for changes, report a problem, cancel or answer with the operation the server
        advertised (``body``: e.g. ``operation.request(task_id, text=…)[1]``). Sent once, never
        retried: an unclear outcome raises :class:`OutcomeUnknown` (read the task to learn the truth)."""
        path, _ = operation.request(task_id)
        await self._send_action(operation, path, body, key=idempotency_key, unclear=UNCLEAR)

    async def _send_action(
        self, operation: Operation, path: str, body: dict[str, Any] | None, *, unclear: str, key: str
    ) -> None:
        """``key``: the action journal's key for this one action (app.actions), else one naming the
        operation, the task and the version."""
        headers = {"Idempotency-Key": key[:200]}
        kwargs: dict[str, Any] = {}
        if body is not None:
            headers["Content-Type"] = "application/json"
            kwargs["content"] = json.dumps(body).encode()
        try:
            await self._send(operation.method, path, may_retry=False, headers=headers, **kwargs)
        except OutcomeUnknown as exc:
            raise OutcomeUnknown(unclear, detail=exc.detail, status=exc.status) from None
        except InvalidTask as exc:  # a 422 here is about the request, not about a task being posted
            said = "; ".join(m for messages in exc.field_errors.values() for m in messages)[:300]
            raise ApiError(
                fill(translate("messages", "AITasker did not accept this request. It said: %1"), said)
                if said
                else translate("messages", "AITasker did not accept this request."),
                detail=exc.detail,
                status=exc.status,
            ) from None
        except BadResponse as exc:
            if exc.status is not None and 200 <= exc.status < 300:
                return  # the server said yes; what it said besides does not matter
            raise

    # --- plumbing -------------------------------------------------------------------------

    def _redact(self, text: str) -> str:
        # The key as sent, URL-quoted or escaped, and anything shaped like a key or bearer token.
        return redact(text, [self._api_key] if self._api_key else [])

    def _redacted(self, error: ApiError) -> ApiError:
        """The error with the key taken out of everything a person or the log may see: the
        message, the detail and every field message (a 422 may echo what was sent)."""
        error.user_message = self._redact(error.user_message)
        error.detail = self._redact(error.detail)
        error.args = tuple(self._redact(a) if isinstance(a, str) else a for a in error.args)
        if isinstance(error, InvalidTask):
            error.field_errors = {
                self._redact(field): [self._redact(message) for message in messages]
                for field, messages in error.field_errors.items()
            }
        return error

    def _parse(self, model: type[Task], data: Any, response: httpx.Response) -> Task:
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            raise BadResponse(
                detail=self._redact(
                    f"HTTP {response.status_code}: {exc.error_count()} field(s) not understood: "
                    + "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()[:5])
                ),
                status=response.status_code,
            ) from None

    async def _send(
        self,
        method: str,
        path: str,
        *,
        may_retry: bool = True,
        **kwargs: Any,
    ) -> tuple[httpx.Response, Any]:
        if not self._key_usable and path != "/health":
            raise Unauthorized(
                QT_TRANSLATE_NOOP(
                    "messages", "There is no usable API key. Paste the key from your AITasker dashboard again."
                ),
                detail="key empty or contains spaces, line breaks or non-ASCII characters; nothing sent",
            )
        # One deadline for the whole call, retries and the waits between them included: a server
        # that trickles bytes can't keep a person waiting longer than this, however many attempts.
        # Cancelling the awaiting task (the user's "Cancel") raises CancelledError out of here at
        # once: the retry loop lives in that task, so nothing is tried again afterwards.
        loop = asyncio.get_running_loop()
        give_up_at = loop.time() + self._deadline
        attempts = READ_ATTEMPTS if may_retry else 1
        attempt = 0
        error: ApiError | None = None
        try:
            async with asyncio.timeout_at(give_up_at):
                while True:
                    attempt += 1
                    try:
                        return await self._send_once(method, path, may_retry=may_retry, **kwargs)
                    except (Offline, ServerError) as exc:
                        error = exc
                    if not may_retry or attempt >= attempts:
                        raise error
                    delay = self._retry_base_delay * 2 ** (attempt - 1) * (0.5 + random.random())
                    if loop.time() + delay >= give_up_at:
                        raise error  # waiting would only end at the deadline
                    log.info("retrying %s %s in %.2f s after: %s", method, path, delay, error.detail)
                    await asyncio.sleep(delay)
        except TimeoutError:
            where = f"{method} {path}: no answer within {self._deadline:g} s ({attempt} attempt{'s' if attempt != 1 else ''})"
            if error is not None:
                where += f"; before that: {error.detail}"
            timeout: ApiError = (
                Offline(QT_TRANSLATE_NOOP("messages", "AITasker did not answer in time."), detail=where)
                if may_retry
                else OutcomeUnknown.no_answer(detail=where)
            )
            raise self._redacted(timeout) from None
        except ApiError as exc:
            raise self._redacted(exc) from None

    async def _send_once(self, method: str, path: str, *, may_retry: bool, **kwargs: Any) -> tuple[httpx.Response, Any]:
        request = self._http.build_request(method, path, **kwargs)
        where = f"{method} {request.url.path}"
        try:
            response = await self._http.send(request, stream=True)
            try:
                raw = await read_bounded(response)
            finally:
                await response.aclose()
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.UnsupportedProtocol) as exc:
            # The connection was never made: nothing reached the server.
            raise Offline(detail=self._redact(f"{where}: {type(exc).__name__}: {exc}")) from None
        except httpx.TransportError as exc:
            detail = self._redact(f"{where}: {type(exc).__name__}: {exc}")
            if not may_retry:
                raise OutcomeUnknown(detail=detail) from None
            raise Offline(
                QT_TRANSLATE_NOOP("messages", "The connection to AITasker broke. Trying again may help."), detail=detail
            ) from None
        except httpx.HTTPError as exc:  # anything else httpx may raise (invalid URL, ...)
            raise BadResponse(detail=self._redact(f"{where}: {type(exc).__name__}: {exc}")) from None

        rate_limit = rate_limit_of(response)
        if rate_limit is not None:
            self.rate_limit = rate_limit
        status = response.status_code
        data = decode(raw, response, where)
        if 200 <= status < 300:
            return response, data
        raise error_for(status, data, response, where, self._redact)


def _path_segment(task_id: str) -> str:
    from urllib.parse import quote

    return quote(str(task_id).strip(), safe="")
