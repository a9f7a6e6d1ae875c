"""A small loopback server that misbehaves on purpose, for the task window's hostile tests.

Its answers are a table: ``server.answers[("POST", "/api/v1/tasks/T/approve")] = Answer(204)``; an
answer may be a function of the request (``lambda request: Answer(...)``). Anything not in the table
is a 404. It records every request it saw (method, path, headers, body), so a test can tell what was
sent, how often, and with which headers. It starts with one task delivered (:func:`delivered_task`,
its final work a small PNG picture and a text) and an ``/openapi.json`` that advertises every action.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

TASK_ID = "7a1c2b7e-5a3d-4e8f-9b0a-1c2d3e4f5a6b"
KEY = "aitk_test_hostile"
ACTIONS = {
    "approve": None,
    "request-revision": "message",
    "dispute": "reason",
    "cancel": None,
    "provide-input": "answer",
}


@dataclass
class Answer:
    status: int = 200
    body: Any = None  # bytes or str as they are; anything else as JSON (None: no body)
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering (after reading the request)
    drop: bool = False  # the connection closed without an answer

    def payload(self) -> bytes:
        if self.body is None:
            return b""
        if isinstance(self.body, bytes):
            return self.body
        if isinstance(self.body, str):
            return self.body.encode()
        return json.dumps(self.body).encode()


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


def png(width: int = 64, height: int = 48) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("orange"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    return bytes(data.data())


def _iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def delivered_task(task_id: str = TASK_ID, **changes: Any) -> dict[str, Any]:
    start = datetime.now(UTC) - timedelta(hours=1)
    task = {
        "id": task_id,
        "status": "delivered",
        "title": "Logo for my bakery",
        "category": "graphics-design",
        "task_type": "logo-design",
        "budget_usd": 40.0,
        "created_at": _iso(start),
        "expires_at": _iso(start + timedelta(hours=3)),
        "price_usd": 30.0,
        "agent_name": "Nova Studio",
        "delivery": {"id": "d1", "number": 1},
        "revisions_remaining": 2,
        "history": [
            {"status": "open", "at": _iso(start)},
            {"status": "review", "at": _iso(start + timedelta(minutes=7))},
            {"status": "delivering", "at": _iso(start + timedelta(minutes=10)), "by": "buyer"},
            {"status": "delivered", "at": _iso(start + timedelta(minutes=30)), "by": "agent"},
        ],
    }
    return {**task, **changes}


def openapi(actions: dict[str, str | None] = ACTIONS) -> dict[str, Any]:
    paths: dict[str, Any] = {}
    for name, text in actions.items():
        op: dict[str, Any] = {"operationId": name.replace("-", "_")}
        if text:
            op["requestBody"] = {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {"type": "object", "required": [text], "properties": {text: {"type": "string"}}}
                    }
                },
            }
        paths[f"/api/v1/tasks/{{task_id}}/{name}"] = {"post": op}
    return {"openapi": "3.1.0", "paths": paths}


class HostileServer:
    def __init__(self) -> None:
        self.url = ""
        self.answers: dict[tuple[str, str], Answer | Callable[[Seen], Answer]] = {}
        self.seen: list[Seen] = []
        self._lock = threading.Lock()

    def answer(self, request: Seen) -> Answer:
        found = self.answers.get((request.method, request.path))
        if found is None:
            return Answer(404, {"detail": "Not Found"})
        return found(request) if callable(found) else found

    def json(self, method: str, path: str, body: Any, status: int = 200) -> None:
        self.answers[(method, path)] = Answer(status, body)

    def posts(self, ending: str = "") -> list[Seen]:
        with self._lock:
            return [s for s in self.seen if s.method == "POST" and s.path.endswith(ending)]

    def with_task(self, task: dict[str, Any], delivery: dict[str, Any] | None = None) -> None:
        """The task at its address, its final work (a PNG and a text, or ``delivery``), no versions."""
        task_id = task["id"]
        base = f"/api/v1/tasks/{task_id}"
        self.json("GET", base, task)
        self.json("GET", base + "/bids", {"task": task, "bids": [], "total_bids_generated": 0})
        picture = png()
        self.answers[("GET", f"/files/{task_id}/logo.png")] = Answer(200, picture, "image/png")
        if delivery is None:
            delivery = {
                "id": "d1",
                "number": 1,
                "agent_name": task.get("agent_name"),
                "artifacts": [
                    {"type": "image", "name": "logo.png", "url": f"{self.url}/files/{task_id}/logo.png",
                     "content_type": "image/png", "size_bytes": len(picture)},
                    {"type": "text", "name": "notes.txt", "content": "The logo, as asked.\n"},
                ],
            }  # fmt: skip
        self.json("GET", base + "/delivery", delivery)


@contextmanager
def hostile_server(task: dict[str, Any] | None = None) -> Iterator[HostileServer]:
    hostile = HostileServer()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            request = Seen(self.command, self.path.split("?")[0], dict(self.headers.items()), body)
            with hostile._lock:
                hostile.seen.append(request)
            answer = hostile.answer(request)
            if answer.delay:
                time.sleep(answer.delay)
            if answer.drop:
                self.close_connection = True
                return
            payload = answer.payload()
            self.send_response(answer.status)
            if answer.status not in (204, 304):
                self.send_header("Content-Type", answer.content_type)
                self.send_header("Content-Length", str(len(payload)))
            for name, value in answer.headers.items():
                self.send_header(name, value)
            self.end_headers()
            if answer.status not in (204, 304):
                self.wfile.write(payload)

        do_GET = do_POST = do_PUT = do_DELETE = _serve

        def log_message(self, *args: object) -> None:
            pass

    class Server(ThreadingHTTPServer):
        request_queue_size = 64
        daemon_threads = True

    server = Server(("127.0.0.1", 0), Handler)
    hostile.url = f"http://127.0.0.1:{server.server_address[1]}"
    hostile.json("GET", "/openapi.json", openapi())
    hostile.json("GET", "/health", {"status": "ok"})
    hostile.with_task(task or delivered_task())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield hostile
    finally:
        server.shutdown()
        server.server_close()
