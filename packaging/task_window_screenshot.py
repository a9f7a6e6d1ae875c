"""Make docs/task-window.png and docs/task-window-progress.png, the README's pictures of a task
window: a logo task whose final work has arrived, from a practice server, drawn offscreen.

    .venv/bin/python packaging/task_window_screenshot.py

Posts "Logo for my bakery" to a practice server on a hand-set clock, chooses its best version,
lets the final work arrive, then opens the task window as the app does (the task windows, the
review embedded, the pictures through the shared pipeline) and saves ``QWidget.grab()`` of its
Final work and Progress parts.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCREEN = Path(tempfile.mkdtemp(prefix="aitasker-shot-")) / "screen.json"
SCREEN.write_text(json.dumps({"screens": [{"name": "shot", "x": 0, "y": 0, "width": 1400, "height": 900}]}))
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN}"
os.environ["QT_API"] = "pyside6"

SIZE = (980, 640)


async def shoot(folder: Path) -> None:
    import httpx
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QWidget

    from app.actions import ActionJournal
    from app.api.client import TasksClient
    from app.review.service import ReviewService
    from app.sandbox import SandboxConfig, SandboxServer
    from app.sandbox.config import BID_WINDOW_SECONDS, DEMO_API_KEY
    from app.store.repository import Store
    from app.tasks.service import TaskService
    from ui.controllers.actions import ActionsController
    from ui.controllers.review import ReviewController
    from ui.controllers.saving import SavingController
    from ui.controllers.task_actions import TaskActionsController
    from ui.controllers.task_windows import TaskWindowsController

    now = [time.time() - 3600]
    with SandboxServer(SandboxConfig(seed=3, clock=lambda: now[0], question_share=0.0)) as server:
        headers = {"Authorization": f"Bearer {DEMO_API_KEY}"}
        async with httpx.AsyncClient(base_url=server.url, headers=headers) as api:
            draft = {
                "category": "graphics-design",
                "task_type": "logo-design",
                "budget_usd": 40.0,
                "title": "Logo for my bakery",
                "description": "A round logo with a loaf of bread, in warm colours.",
            }
            task = (await api.post("/api/v1/tasks", json=draft)).json()
            now[0] += BID_WINDOW_SECONDS + 240
            bids = (await api.get(f"/api/v1/tasks/{task['id']}/bids")).json()["bids"]
            best = next(b for b in bids if b["presented"])
            await api.post(f"/api/v1/tasks/{task['id']}/select-bid", json={"bid_id": best["id"]})
            now[0] += server.config.delivery_seconds + 60
        now[0] = time.time()  # the rest of the story happened in the last hour
        async with TasksClient(server.url, DEMO_API_KEY) as client:
            parent = QWidget()
            store = Store.in_dir(folder / "data")
            session = SimpleNamespace(
                client=client, connection=SimpleNamespace(api_key=DEMO_API_KEY), refresh_now=lambda: None
            )
            actions = ActionsController(parent, ActionJournal(store))
            reviews = ReviewController(parent, actions, store=store)
            reviews.set_service(ReviewService(lambda: client, DEMO_API_KEY))
            windows = TaskWindowsController(
                parent,
                session,  # type: ignore[arg-type]
                reviews,
                TaskActionsController(parent, actions, TaskService(lambda: client, store=store)),
                SavingController(parent, QSettings(str(folder / "ui.ini"), QSettings.Format.IniFormat), session),  # type: ignore[arg-type]
                post_again=lambda task: None,
            )
            window = windows.open(await client.get_task(task["id"]))
            window.resize(*SIZE)
            final = window.final_work
            for _ in range(400):
                await asyncio.sleep(0.05)
                if final.list.count() and not final.list.item(0).icon().isNull():
                    break
            await asyncio.sleep(0.5)  # (what the server allows, learned from /openapi.json)
            QApplication.processEvents()
            window.grab().save(str(ROOT / "docs" / "task-window.png"))
            window.show_part("progress")
            await asyncio.sleep(0.2)
            QApplication.processEvents()
            window.grab().save(str(ROOT / "docs" / "task-window-progress.png"))
            window.close()
            await windows.shutdown()
            await reviews.shutdown()
            store.close()


def main() -> int:
    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    with tempfile.TemporaryDirectory() as folder:
        with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
            runner.run(shoot(Path(folder)))
    print("wrote docs/task-window.png and docs/task-window-progress.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
