"""What the window says when a post goes wrong: "The server had a problem (500)" for a server
error, "The connection broke" only when the connection broke (issue 22, point 9)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from app.sandbox import SandboxConfig, SandboxServer
from app.sandbox.service import DEMO_API_KEY
from app.store.drafts_table import UNKNOWN
from tests.answers import Answers
from tests.conftest import wait_until
from tests.ui.helpers import cell, confirmation, open_window, parts, press
from ui.main_window import MainWindow
from ui.models.task_rows import STATUS_COLUMN


async def post_and_see(window: MainWindow, qtbot, title: str) -> str:
    """Post a task; return everything the window then says about it (banner, Drafts tab, row tooltip)."""
    ui = parts(window)
    form = ui.form
    qtbot.keyClicks(form.title, title)
    form.category.setCurrentIndex(form.category.findData("data"))
    form.task_type.setCurrentIndex(0)
    qtbot.keyClick(form.title, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    await wait_until(lambda: confirmation() is not None, what="the confirmation")
    press(confirmation(), "Post task")
    await wait_until(lambda: ui.banner.isVisible() and "can't tell" in ui.banner.text.text(), what="the outcome")
    [draft] = window.store.list_drafts()
    assert draft.state == UNKNOWN
    ui.tabs.setCurrentWidget(ui.drafts)
    ui.drafts_list.setCurrentRow(0)
    assert cell(window, 0, "Status").endswith("Not sure it was sent")
    tooltip = str(ui.proxy.index(0, STATUS_COLUMN).data(Qt.ItemDataRole.ToolTipRole))
    return "\n".join((ui.banner.text.text(), ui.drafts.state_text.text(), tooltip))


async def test_a_server_error_on_posting_is_called_a_server_problem(qtbot, tmp_path: Path) -> None:
    server = SandboxServer(SandboxConfig())
    answers = Answers(server)
    with server:
        answers.fail("/api/v1/tasks", 500, method="POST")
        async with open_window(qtbot, server.url, DEMO_API_KEY, tmp_path) as window:
            said = await post_and_see(window, qtbot, "Server trouble")
    assert "The server had a problem (500)." in said
    assert "connection broke" not in said.lower()


async def test_a_broken_connection_on_posting_is_called_a_broken_connection(qtbot, tmp_path: Path) -> None:
    with SandboxServer(SandboxConfig()) as server:
        async with open_window(qtbot, server.url, DEMO_API_KEY, tmp_path) as window:
            server.config.faults.drop_rate = 1.0
            said = await post_and_see(window, qtbot, "Cut off")
    assert "The connection broke" in said
    assert "server had a problem" not in said
