"""The table keeps itself current: statuses advance without pressing anything; add a task by ID."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from app.api.client import TasksClient
from app.api.schema import TaskDraft
from app.sandbox import SandboxConfig, SandboxServer
from app.sandbox.service import DEMO_API_KEY
from tests.conftest import wait_until
from tests.ui.helpers import cell, open_window, parts, trigger

DRAFT = TaskDraft(category="data", task_type="data-analysis", budget_usd=20, title="Made elsewhere")


async def test_statuses_flow_into_the_table_on_a_fast_clock(qtbot, tmp_path: Path) -> None:
    now = [2_000_000_000.0]
    with SandboxServer(SandboxConfig(clock=lambda: now[0])) as server:
        async with TasksClient(server.url, DEMO_API_KEY) as other_device:
            created = await other_device.create_task(DRAFT)
        async with open_window(qtbot, server.url, DEMO_API_KEY, tmp_path) as window:
            ui = parts(window)
            ui.add_by_id.setText(created.id)
            ui.add_button.click()
            await wait_until(
                lambda: len(ui.model.tasks()) == 1 and ui.add_button.text() == "Add", what="the added task"
            )
            assert cell(window, 0, "Title") == "Made elsewhere" and cell(window, 0, "Status").endswith("Posted")
            assert ui.table.selectionModel().isRowSelected(0)
            window.account.set_refresh_interval(0.05)  # as if much time passed between polls
            seen = []
            for step, label in ((500, "Ready for your review"), (3600, "Expired")):
                now[0] += step
                trigger(window, "refreshAction")
                await wait_until(lambda lab=label: cell(window, 0, "Status").endswith(lab), what=label)  # type: ignore[misc]  # mypy#15459: a lambda's default argument (the loop's value)
                seen.append(label)
            assert seen == ["Ready for your review", "Expired"]
            assert cell(window, 0, "Next step") == ""  # no next step once final
            assert [t.status for t in window.store.list_tasks()] == ["expired"]  # kept for next start
            assert "Last refreshed" in ui.refreshed_label.text()
            assert ui.connection_label.text().startswith("Demo mode")


async def test_unknown_task_id_is_explained(qtbot, tmp_path: Path) -> None:
    with SandboxServer(SandboxConfig()) as server:
        async with open_window(qtbot, server.url, DEMO_API_KEY, tmp_path) as window:
            ui = parts(window)
            ui.add_by_id.setText("00000000-0000-4000-8000-000000000999")
            ui.add_button.click()
            await wait_until(lambda: ui.banner.isVisible(), what="the message")
            assert "No task with that ID" in ui.banner.text.text()
            assert ui.model.rowCount() == 0


async def test_tasks_show_at_start_without_a_network(qtbot, tmp_path: Path) -> None:
    with SandboxServer(SandboxConfig()) as server:
        async with open_window(qtbot, server.url, DEMO_API_KEY, tmp_path) as window:
            ui = parts(window)
            ui.add_by_id.setText((await _create(server)).id)
            ui.add_button.click()
            await wait_until(lambda: len(ui.model.tasks()) == 1 and ui.add_button.text() == "Add", what="the task")
    async with open_window(qtbot, "http://127.0.0.1:9", DEMO_API_KEY, tmp_path) as offline:
        assert cell(offline, 0, "Title") == "Made elsewhere"
        await wait_until(
            lambda: parts(offline).connection_label.text().startswith("Offline"), timeout=15, what="offline state"
        )


async def _create(server: SandboxServer):
    async with TasksClient(server.url, DEMO_API_KEY) as client:
        return await client.create_task(DRAFT)


async def test_a_slow_add_by_id_can_be_stopped_and_tried_again(qtbot, tmp_path: Path) -> None:
    with SandboxServer(SandboxConfig()) as server:
        created = await _create(server)
        async with open_window(qtbot, server.url, DEMO_API_KEY, tmp_path) as window:
            ui = parts(window)
            server.config.faults.latency = 30.0  # AITasker is very slow to answer
            server.config.faults.paths = (f"/api/v1/tasks/{created.id}",)
            ui.add_by_id.setText(created.id)
            ui.add_button.click()
            await wait_until(lambda: ui.add_button.text() == "Stop", what="the Stop button")
            seen = server.app.state.requests_seen
            await wait_until(lambda: any(created.id in r[1] for r in seen), what="the request to arrive")
            asked = len(seen)
            ui.add_button.click()  # the person stops waiting
            await wait_until(lambda: ui.add_button.text() == "Add", what="the Add button back")
            assert "Stopped waiting" in ui.banner.text.text()
            assert ui.model.rowCount() == 0 and ui.add_by_id.text() == created.id  # kept to try again
            server.config.faults.latency = 0.0
            ui.add_button.click()
            await wait_until(
                lambda: len(ui.model.tasks()) == 1 and ui.add_button.text() == "Add", what="the added task"
            )
            # Stopping did not leave a retry behind: one more request, the one asked for.
            gets = [r for r in seen[asked:] if created.id in r[1]]
            assert len(gets) == 1


async def test_adding_by_id_is_out_of_the_way_until_asked_for(qtbot, tmp_path: Path) -> None:
    with SandboxServer(SandboxConfig()) as server:
        created = await _create(server)
        async with open_window(qtbot, server.url, DEMO_API_KEY, tmp_path) as window:
            ui = parts(window)
            await wait_until(window.isVisible, what="the window")
            assert not ui.add_by_id.isVisible() and not ui.add_button.isVisible()  # not in the default view
            trigger(window, "addByIdAction")  # Tasks → Add a task by its ID…
            assert ui.add_by_id.isVisible() and ui.add_by_id.hasFocus()
            qtbot.keyClicks(ui.add_by_id, created.id)
            qtbot.keyClick(ui.add_by_id, Qt.Key.Key_Return)
            await wait_until(lambda: len(ui.model.tasks()) == 1, what="the added task")
            await wait_until(lambda: not ui.add_by_id.isVisible(), what="the row gone again")
            assert ui.table.hasFocus() and ui.table.selectionModel().isRowSelected(0)
            trigger(window, "addByIdAction")
            qtbot.keyClick(ui.add_by_id, Qt.Key.Key_Escape)  # changed one's mind
            assert not ui.add_by_id.isVisible()
