"""Per-request answers for a real sandbox server: "this task answers 500", "that one 403".

The sandbox's own faults (``SandboxConfig.faults``) apply one kind of misbehaviour to a set of
paths; a test here picks the status code each path answers. Nothing in ``app/sandbox`` changes:
the rule is an outermost HTTP middleware added to the sandbox's app before its server starts.

    server = SandboxServer(SandboxConfig())
    answers = Answers(server)
    with server:
        answers.fail(f"/api/v1/tasks/{task_id}", 500)
"""

from __future__ import annotations

import threading
from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from app.sandbox import SandboxServer

SAID = {401: "Not authenticated", 403: "Not allowed for this key", 404: "Not found"}


class Answers:
    def __init__(self, server: SandboxServer) -> None:
        self._lock = threading.Lock()  # the server answers on its own thread
        self._status: dict[tuple[str, str], int] = {}
        self._everything: int | None = None
        self.answered: list[tuple[str, str, int]] = []  # (method, path, status) answered here
        server.app.middleware("http")(self._answer)

    def fail(self, path: str, status: int, *, method: str = "GET") -> None:
        """``method path`` answers ``status`` from now on (until :meth:`heal`)."""
        with self._lock:
            self._status[(method, path)] = status

    def fail_everything(self, status: int) -> None:
        """Every API request answers ``status`` (a key revoked on the server, say); /health still works."""
        with self._lock:
            self._everything = status

    def heal(self) -> None:
        with self._lock:
            self._status.clear()
            self._everything = None

    def count(self, path: str) -> int:
        with self._lock:
            return sum(1 for _, p, _ in self.answered if p == path)

    async def _answer(self, request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        key = (request.method, request.url.path)
        with self._lock:
            status = self._status.get(key)
            if status is None and self._everything is not None and request.url.path.startswith("/api/"):
                status = self._everything
            if status is not None:
                self.answered.append((*key, status))
        if status is None:
            return await call_next(request)
        return JSONResponse({"detail": SAID.get(status, "Internal Server Error")}, status_code=status)
