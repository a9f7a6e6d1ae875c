"""An approve cut off by SIGKILL is neither lost nor sent twice: the record was on disk before the
request left; after a restart the task actions say "not sure — checking", offer nothing meanwhile,
and settle it by reading the task. Also what the sandbox's /openapi.json teaches over loopback."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from app.actions import Action, Phase
from app.api.client import TasksClient
from app.sandbox import SandboxConfig, SandboxServer
from app.sandbox.service import DEMO_API_KEY
from app.store.repository import Store
from app.tasks.service import TaskService
from tests.conftest import FakeClock, wait_until
from tests.ui.task_helpers import chosen, delivered, extra, posts, task_desk

ROOT = Path(__file__).resolve().parents[2]

KILLED_MID_APPROVE = """
import asyncio, sys
from app.actions import Action, ActionJournal
from app.api.client import TasksClient
from app.store.repository import Store
from app.tasks.service import TaskService

async def main() -> None:
    url, key, task_id, folder = sys.argv[1:]
    journal = ActionJournal(Store.in_dir(folder))
    async with TasksClient(url, key) as client:
        service = TaskService(lambda: client)
        ops = await service.operations()
        entry = journal.begin(task_id, Action.APPROVE, {"delivery": 1})  # as the controller does
        print("sending", flush=True)
        await service.run(ops.approve, task_id, None, key=entry.key)

asyncio.run(main())
"""


async def test_an_approve_cut_off_by_a_kill_is_neither_lost_nor_sent_twice(qtbot, tmp_path: Path) -> None:
    clock = FakeClock()
    folder = tmp_path / "data"
    with SandboxServer(SandboxConfig(seed=5, clock=clock, question_share=0.0)) as server:
        async with TasksClient(server.url, DEMO_API_KEY) as client:
            task = await delivered(client, clock, server)
        server.config.faults.answer_delay = 30.0  # approved at once, the answer held back past the kill
        server.config.faults.paths = (f"/api/v1/tasks/{task.id}/approve",)
        script = tmp_path / "approve.py"
        script.write_text(textwrap.dedent(KILLED_MID_APPROVE))
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        child = subprocess.Popen(
            [sys.executable, str(script), server.url, DEMO_API_KEY, task.id, str(folder)],
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert child.stdout is not None and child.stdout.readline().strip() == "sending"
            life = server.app.state.tasks[task.id].life
            await wait_until(lambda: life.status == "completed", what="the sandbox to approve")
            with sqlite3.connect(folder / "aitasker.sqlite3") as db:  # on disk before the answer
                assert db.execute("SELECT action, phase FROM actions").fetchall() == [("approve", "sending")]
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait(10)
        server.config.faults.answer_delay = 0.0
        store = Store.in_dir(folder)  # the next start
        try:
            async with task_desk(qtbot, server, clock, store) as desk:
                desk.actions.check_open()  # as the window does once connected
                assert desk.said == ["Not sure it reached AITasker — checking…"]
                waiting = "Waiting to learn whether AITasker received your last request…"
                assert desk.controller.available(task)["approve"] == waiting  # nothing to press meanwhile
                await wait_until(lambda: "AITasker has your approval." in desk.said, what="the check")
                entry = desk.actions.journal.latest(task.id, Action.APPROVE)
                assert entry is not None and entry.phase == Phase.DONE
                assert len(posts(server, "/approve")) == 1  # read, never resent
                fresh = await desk.client.get_task(task.id)
                assert fresh.status == "completed" and extra(fresh)["approved_by"] == "buyer"
                await wait_until(lambda: desk.said[-1].startswith("The task is completed:"), what="what was paid")
        finally:
            store.close()


async def test_the_sandbox_teaches_every_action_and_its_final_work_over_loopback(tmp_path: Path) -> None:
    clock = FakeClock()
    with SandboxServer(SandboxConfig(seed=5, clock=clock, question_share=0.0)) as server:
        async with TasksClient(server.url, DEMO_API_KEY) as client:
            store = Store.in_dir(tmp_path)
            try:
                service = TaskService(lambda: client, store=store)
                ops = await service.operations()
                assert ops.state == "found"
                found = {name: (op.path, op.text_field) for name in ("approve", "revision", "dispute", "cancel", "answer") if (op := ops.get(name))}  # fmt: skip
                assert found == {
                    "approve": ("/api/v1/tasks/{task_id}/approve", ""),
                    "revision": ("/api/v1/tasks/{task_id}/request-revision", "message"),
                    "dispute": ("/api/v1/tasks/{task_id}/dispute", "message"),
                    "cancel": ("/api/v1/tasks/{task_id}/cancel", ""),
                    "answer": ("/api/v1/tasks/{task_id}/provide-input", "answer"),
                }
                task = await chosen(client, clock)
                assert await service.delivery(task.id) is None  # no final work yet: nothing, not an error
                clock.now += server.config.delivery_seconds + 1
                delivery = await service.delivery(task.id)
                assert delivery is not None and delivery.number == 1 and delivery.status == "awaiting_approval"
                assert [item.kind for item in delivery.items] == ["picture", "text", "file", "file"]
                picture, notes = delivery.items[:2]
                assert picture.url.startswith(server.url) and picture.content_type == "image/png"
                assert (picture.width, picture.height) == (800, 600) and picture.size and len(picture.sha256) == 64
                assert notes.text is not None and "Logo for my bakery" in notes.text
                cached = len([p for m, p, _ in server.app.state.requests_seen if p == "/openapi.json"])
                assert (await TaskService(lambda: client, store=store).operations()) == ops  # kept: not asked again
                assert len([p for m, p, _ in server.app.state.requests_seen if p == "/openapi.json"]) == cached
            finally:
                store.close()
