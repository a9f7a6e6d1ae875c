"""A small loopback server with one delivered task that is heavy to show: ``versions`` presented
versions, each with a JPEG picture, and a final work of ``pictures`` photos of 4000×3000 (plus a
text). For the task window's closer-look test and its benchmarks; the sandbox's own final work is
one 800×600 picture."""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter

TASK_ID = "6f1c2b7e-5a3d-4e8f-9b0a-1c2d3e4f5a6b"
KEY = "aitk_test_demo"


@functools.lru_cache(maxsize=32)
def photo(width: int, height: int, hue: int) -> bytes:
    """A JPEG of ``width``×``height``: a gradient with shapes (the same arguments, the same bytes)."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    gradient = QLinearGradient(QPointF(0, 0), QPointF(width, height))
    gradient.setColorAt(0, QColor.fromHsv(hue % 360, 90, 240))
    gradient.setColorAt(1, QColor.fromHsv((hue + 60) % 360, 200, 120))
    painter.fillRect(image.rect(), gradient)
    painter.setPen(Qt.PenStyle.NoPen)
    for n in range(12):
        painter.setBrush(QColor.fromHsv((hue + 25 * n) % 360, 160, 200))
        size = width // (4 + n % 5)
        painter.drawEllipse((n * 331) % width, (n * 197) % height, size, size * 3 // 4)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPG", 85)  # type: ignore[call-overload]  # the stub wants bytes; PySide6 takes str
    return bytes(data.data())


def _iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def task_id(index: int) -> str:
    return TASK_ID if index == 0 else f"6f1c2b7e-5a3d-4e8f-9b0a-{index:012d}"


class HeavyTask:
    """``tasks`` tasks alike (their pictures at addresses of their own, the same bytes)."""

    def __init__(
        self, versions: int = 20, pictures: int = 5, size: tuple[int, int] = (4000, 3000), tasks: int = 1
    ) -> None:
        self.versions, self.pictures, self.size, self.tasks = versions, pictures, size, tasks
        self.url = ""
        now = datetime.now(UTC)
        self.start = now - timedelta(hours=1)
        self.files: dict[str, tuple[str, bytes]] = {}

    def routes(self) -> dict[str, Any]:
        routes: dict[str, Any] = {"/openapi.json": {"openapi": "3.1.0", "paths": {}}, "/health": {"status": "ok"}}
        for index in range(self.tasks):
            routes.update(self.task_routes(task_id(index)))
        return routes

    def task_routes(self, task_id: str) -> dict[str, Any]:
        base, start = self.url, self.start
        bids = []
        for n in range(self.versions):
            path = f"/files/{task_id}/version-{n}.jpg"
            self.files[path] = ("image/jpeg", photo(1200, 900, 17 * n))
            bids.append(
                {
                    "id": f"00000000-0000-4000-8000-{n:012d}",
                    "task_id": task_id,
                    "bid_price_usd": 20 + n,
                    "presented": True,
                    "selected": n == 0,
                    "agent_name": f"Agent {n}",
                    "eval_score": 90 - n,
                    "artifacts": [{"type": "image", "url": base + path, "name": f"Draft {n}"}],
                }
            )
        artifacts: list[dict[str, Any]] = []
        for n in range(self.pictures):
            path = f"/files/{task_id}/photo-{n}.jpg"
            data = photo(*self.size, 40 * n + 5)
            self.files[path] = ("image/jpeg", data)
            artifacts.append(
                {
                    "type": "image",
                    "name": f"photo-{n}.jpg",
                    "url": base + path,
                    "content_type": "image/jpeg",
                    "size_bytes": len(data),
                    "width": self.size[0],
                    "height": self.size[1],
                }
            )
        artifacts.append({"type": "text", "name": "notes.txt", "content": "Five photos, as asked.\n"})
        task = {
            "id": task_id,
            "status": "delivered",
            "title": "Photos for the bakery's website",
            "category": "graphics-design",
            "task_type": "logo-design",
            "budget_usd": 60.0,
            "created_at": _iso(start),
            "expires_at": _iso(start + timedelta(hours=3)),
            "price_usd": 20.0,
            "agent_name": "Agent 0",
            "delivery": {"id": "d1", "number": 1},
            "history": [
                {"status": "open", "at": _iso(start)},
                {"status": "review", "at": _iso(start + timedelta(minutes=7))},
                {"status": "delivering", "at": _iso(start + timedelta(minutes=10)), "by": "buyer"},
                {"status": "delivered", "at": _iso(start + timedelta(minutes=30)), "by": "agent"},
            ],
        }
        delivery = {"id": "d1", "number": 1, "agent_name": "Agent 0", "artifacts": artifacts}
        gallery = {"task": task, "bids": bids, "total_bids_generated": len(bids)}
        return {
            f"/api/v1/tasks/{task_id}": task,
            f"/api/v1/tasks/{task_id}/bids": gallery,
            f"/api/v1/tasks/{task_id}/delivery": delivery,
        }


@contextmanager
def heavy_server(**options: Any) -> Iterator[HeavyTask]:
    heavy = HeavyTask(**options)
    routes: dict[str, Any] = {}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # connections kept open, as a real server's are

        def do_GET(self) -> None:
            path = self.path.split("?")[0]
            if path in heavy.files:
                kind, body = heavy.files[path]
            elif path in routes:
                kind, body = "application/json", json.dumps(routes[path]).encode()
            else:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    class Server(ThreadingHTTPServer):
        request_queue_size = 128  # (the default 5 drops connections a busy window opens at once)
        daemon_threads = True

    server = Server(("127.0.0.1", 0), Handler)
    heavy.url = f"http://127.0.0.1:{server.server_address[1]}"
    routes.update(heavy.routes())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield heavy
    finally:
        server.shutdown()
        server.server_close()


class StandInSession:
    """What the task windows need of a session: the client, the key, a refresh (a no-op here)."""

    def __init__(self, client: Any, key: str) -> None:
        from types import SimpleNamespace

        self.client = client
        self.connection = SimpleNamespace(api_key=key)

    def refresh_now(self) -> None:
        pass


def task_windows(parent: Any, client: Any, settings: Any) -> Any:
    """Task windows as the main window makes them, over ``client`` (a TasksClient), without the rest
    of the main window: the review controller with its service and pictures, the task actions over
    the same journal, the saving."""
    from app.review.service import ReviewService
    from app.tasks.service import TaskService
    from tests.ui.helpers import review_desk
    from ui.controllers.saving import SavingController
    from ui.controllers.task_actions import TaskActionsController
    from ui.controllers.task_windows import TaskWindowsController

    session = StandInSession(client, KEY)
    desk = review_desk(parent)
    desk.set_service(ReviewService(lambda: client, KEY))
    return TaskWindowsController(
        parent,
        session,  # type: ignore[arg-type]
        desk,
        TaskActionsController(parent, desk.actions, TaskService(lambda: client)),
        SavingController(parent, settings, session),  # type: ignore[arg-type]
        post_again=lambda task: None,
    )


@contextmanager
def heavy_process(**options: Any) -> Iterator[str]:
    """The same server in a process of its own (its own GIL, as a real server is): yields its address."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    arguments = [f"--{name}={value}" for name, value in options.items()]
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(root)}
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.big_delivery", *arguments],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        cwd=root,
        env=env,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("http://"), line
        yield line.strip()
    finally:
        process.terminate()
        process.wait(timeout=10)


def serve() -> None:
    """``python -m tests.ui.big_delivery --versions=20 --pictures=5 --tasks=1``: prints its address, serves
    until stopped."""
    import sys
    import time

    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication(sys.argv[:1])  # (JPEG writing wants Qt's image plugins loaded)
    options = {k.lstrip("-"): int(v) for k, v in (a.split("=", 1) for a in sys.argv[1:])}
    with heavy_server(**options) as heavy:
        print(heavy.url, flush=True)
        while True:
            time.sleep(3600)


if __name__ == "__main__":
    serve()
