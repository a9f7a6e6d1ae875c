"""One task's refresh fails alone (issue 22, point 4): with AITasker answering 500 (or 403) for one
task, the others still move, its row says "Could not refresh: …" and since when its data is old,
"Last refreshed" goes on, and a 403 on one task does not open the key dialog; a key refused for
the whole account still does."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt

from app.api.client import TasksClient
from app.api.schema import Task, TaskDraft
from app.credentials import KeyStore
from app.sandbox import SandboxConfig, SandboxServer
from tests.answers import Answers
from tests.conftest import wait_until
from tests.ui.helpers import open_window, parts, trigger
from tests.ui.test_account import SECRET, connect_dialog
from ui.main_window import MainWindow
from ui.models.task_rows import STATUS_COLUMN, TASK_ID_ROLE

DRAFT = TaskDraft(category="data", task_type="data-analysis", budget_usd=20, title="Made elsewhere")


def status(window: MainWindow, task_id: str, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> str:
    proxy = parts(window).proxy
    for row in range(proxy.rowCount()):
        if proxy.index(row, 0).data(TASK_ID_ROLE) == task_id:
            return str(proxy.index(row, STATUS_COLUMN).data(role))
    raise AssertionError(f"no row for {task_id}")


async def follow(window: MainWindow, server: SandboxServer, count: int) -> list[Task]:
    """Tasks made on another device, added by their IDs (the first is refreshed first)."""
    async with TasksClient(server.url, server.config.api_key) as other_device:
        made = [await other_device.create_task(DRAFT) for _ in range(count)]
    ui = parts(window)
    for task in made:
        ui.add_by_id.setText(task.id)
        ui.add_button.click()
        await wait_until(
            lambda t=task: ui.model.row_of(t.id) is not None and ui.add_button.text() == "Add",  # type: ignore[misc]  # mypy#15459: a lambda's default argument (the loop's value)
            what="the task",
        )
    return made


async def test_a_server_error_for_one_task_stops_neither_the_others_nor_last_refreshed(qtbot, tmp_path: Path) -> None:
    now = [2_000_000_000.0]
    server = SandboxServer(SandboxConfig(clock=lambda: now[0]))
    answers = Answers(server)
    with server:
        async with open_window(qtbot, server.url, server.config.api_key, tmp_path) as window:
            broken, fine = await follow(window, server, 2)
            await wait_until(lambda: parts(window).status.last_refreshed is not None, what="a first full refresh")
            before: datetime = parts(window).status.last_refreshed
            answers.fail(f"/api/v1/tasks/{broken.id}", 500)
            window.account.set_refresh_interval(0.05)
            now[0] += 500  # both are ready for review on the server
            trigger(window, "refreshAction")
            await wait_until(lambda: status(window, fine.id).endswith("Ready for your review"), what="the other task")
            await wait_until(lambda: "Could not refresh" in status(window, broken.id), what="the failing row")
            assert status(window, broken.id) == "Posted — Could not refresh: The server had a problem (500)."
            tooltip = status(window, broken.id, Qt.ItemDataRole.ToolTipRole)
            assert "came from AITasker at" in tooltip  # the time of its last good data
            await wait_until(
                lambda: (parts(window).status.last_refreshed or before) > before, what="Last refreshed to move on"
            )
            assert parts(window).refreshed_label.text().startswith("Last refreshed")
            assert parts(window).connection_label.text().startswith("Demo mode")  # not "Problem — …"
            answers.heal()
            await wait_until(
                lambda: status(window, broken.id) == "Ready for your review", what="the row to be current again"
            )


async def test_a_403_on_one_task_does_not_open_the_key_dialog(qtbot, tmp_path: Path) -> None:
    now = [2_000_000_000.0]
    server = SandboxServer(SandboxConfig(api_key=SECRET, clock=lambda: now[0]))
    answers = Answers(server)
    keystore = KeyStore(tmp_path / "config", environ={})
    with server:
        async with open_window(qtbot, server.url, SECRET, tmp_path, demo=False, keystore=keystore) as window:
            hidden, fine = await follow(window, server, 2)
            answers.fail(f"/api/v1/tasks/{hidden.id}", 403)
            window.account.set_refresh_interval(0.05)
            now[0] += 500
            trigger(window, "refreshAction")
            await wait_until(lambda: status(window, fine.id).endswith("Ready for your review"), what="the other task")
            await wait_until(lambda: "(403)" in status(window, hidden.id), what="the row to say why")
            reads = answers.count(f"/api/v1/tasks/{hidden.id}")
            await wait_until(lambda: answers.count(f"/api/v1/tasks/{hidden.id}") > reads, what="another round")
            assert connect_dialog() is None  # the key works for everything else: it is not blamed
            assert "not accepted" not in parts(window).connection_label.text()


async def test_a_key_refused_for_the_whole_account_opens_the_key_dialog(qtbot, tmp_path: Path) -> None:
    server = SandboxServer(SandboxConfig(api_key=SECRET))
    answers = Answers(server)
    keystore = KeyStore(tmp_path / "config", environ={})
    with server:
        async with open_window(qtbot, server.url, SECRET, tmp_path, demo=False, keystore=keystore) as window:
            await follow(window, server, 2)
            answers.fail_everything(401)  # the key was revoked on the website
            trigger(window, "refreshAction")
            await wait_until(lambda: connect_dialog() is not None, what="the key dialog")
            dialog = connect_dialog()
            assert dialog is not None
            dialog.reject()


async def test_an_open_task_window_says_its_task_could_not_be_read_again(qtbot, tmp_path: Path) -> None:
    """The row is not the only place: the task's own window says it shows older data, and why, and
    stops saying so once the task can be read again."""
    now = [2_000_000_000.0]
    server = SandboxServer(SandboxConfig(clock=lambda: now[0]))
    answers = Answers(server)
    with server:
        async with open_window(qtbot, server.url, server.config.api_key, tmp_path) as window:
            [broken] = await follow(window, server, 1)
            task_window = window.task_windows.open(broken)
            message = task_window.message
            answers.fail(f"/api/v1/tasks/{broken.id}", 500)
            window.account.set_refresh_interval(0.05)
            now[0] += 500
            trigger(window, "refreshAction")
            await wait_until(lambda: message.isVisible(), what="the window to say so")
            assert message.text().startswith("Could not refresh this task just now: The server had a problem (500).")
            assert "What it shows came from AITasker at" in message.text()
            answers.heal()
            await wait_until(lambda: task_window.task.status == "review", what="the task read again")
            await wait_until(lambda: not message.isVisible(), what="the sentence to go")
