"""Drafts and the outbox in the window: nothing written is lost, nothing is sent twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from app.sandbox import SandboxConfig, SandboxServer
from app.sandbox.service import DEMO_API_KEY
from app.store.drafts_table import DRAFT, UNKNOWN, WAITING
from app.store.repository import Store
from tests.conftest import free_port, note_content_writers, wait_until
from tests.ui.helpers import cell, choose_draft, confirmation, open_window, parts, press, trigger

ROOT = Path(__file__).resolve().parents[2]


def fill(window, qtbot, title: str) -> None:
    ui = parts(window)
    qtbot.keyClicks(ui.form.title, title)
    ui.form.category.setCurrentIndex(ui.form.category.findData("data"))
    ui.form.task_type.setCurrentIndex(0)


async def send_and_confirm(window, qtbot) -> None:
    qtbot.mouseClick(parts(window).form.send_button, Qt.MouseButton.LeftButton)
    await wait_until(lambda: confirmation() is not None, what="the confirmation")
    press(confirmation(), "Post task")


async def test_autosave_and_reopen_brings_the_draft_back(qtbot, tmp_path: Path) -> None:
    async with open_window(qtbot, None, None, tmp_path, demo=False) as window:
        ui = parts(window)
        qtbot.keyClicks(ui.form.title, "Half written")
        qtbot.keyClicks(ui.form.description, "Line one")
        await wait_until(lambda: window.store.list_drafts() != [], timeout=3, what="the autosave")
        [draft] = window.store.list_drafts()
        assert draft.values["description"] == "Line one"
        assert "Half written" in ui.drafts_list.item(0).text()
    async with open_window(qtbot, None, None, tmp_path, demo=False) as again:
        ui = parts(again)
        assert ui.form.title.text() == "Half written"
        assert ui.form.description.toPlainText() == "Line one"


async def test_drafts_list_open_duplicate_delete_undo_and_new(qtbot, tmp_path: Path) -> None:
    async with open_window(qtbot, None, None, tmp_path, demo=False) as window:
        ui = parts(window)
        writers = note_content_writers(window.store)
        qtbot.keyClicks(ui.form.title, "First idea")
        trigger(window, "newTaskAction")  # File → New task: saves at once, then a fresh form
        assert ui.form.title.text() == ""
        qtbot.keyClicks(ui.form.title, "Second idea")
        trigger(window, "newTaskAction")
        titles = {d.title for d in window.store.list_drafts()}
        assert titles == {"First idea", "Second idea"}
        first = next(d.id for d in window.store.list_drafts() if d.title == "First idea")
        choose_draft(window, first, then="open")
        assert ui.form.title.text() == "First idea"
        ui.drafts.duplicateRequested.emit(first)
        assert {d.title for d in window.store.list_drafts()} == {"First idea", "Second idea", "First idea (copy)"}
        choose_draft(window, first, then="delete")
        assert ui.form.title.text() == ""  # the open draft was deleted: a fresh form
        assert "First idea" not in {d.title for d in window.store.list_drafts()}
        ui.banner.action("Undo").click()
        assert "First idea" in {d.title for d in window.store.list_drafts()}
        assert ui.tabs.tabText(1) == "Drafts (3)"
        assert writers and set(writers) == {"app.drafts"}  # the drafts service wrote every word


async def test_offline_send_waits_then_posts_once_when_the_network_returns(qtbot, tmp_path: Path) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    async with open_window(qtbot, url, DEMO_API_KEY, tmp_path) as window:
        ui = parts(window)
        window.session.client._retry_base_delay = 0.001
        fill(window, qtbot, "Sent while offline")
        await send_and_confirm(window, qtbot)
        await wait_until(lambda: "No connection" in ui.banner.text.text(), what="the offline message")
        assert ui.form.title.text() == ""  # the form moves on; the task waits in the outbox
        [waiting] = window.store.list_drafts()
        assert waiting.state == WAITING
        assert cell(window, 0, "Status").endswith("Waiting to send")
        assert ui.outbox_label.text() == "1 waiting to send"
        with SandboxServer(SandboxConfig(), port=port) as server:
            window.session.outbox.network_may_be_back()
            await wait_until(lambda: len(ui.model.tasks()) == 1, timeout=20, what="the task to be posted")
            assert [t.body["title"] for t in server.app.state.tasks.values()] == ["Sent while offline"]
            assert window.store.list_drafts() == [] and ui.outbox_label.text() == ""
            assert cell(window, 0, "Status").endswith("Posted")
            # "No connection right now … will be sent" is no longer true: it goes the moment it was sent.
            assert ui.banner.isHidden()


async def test_take_a_draft_back_out_of_the_outbox(qtbot, tmp_path: Path) -> None:
    async with open_window(qtbot, f"http://127.0.0.1:{free_port()}", DEMO_API_KEY, tmp_path) as window:
        ui = parts(window)
        window.session.client._retry_base_delay = 0.001
        fill(window, qtbot, "Changed my mind")
        await send_and_confirm(window, qtbot)
        await wait_until(lambda: window.store.outbox() != [], what="the outbox")
        # The draft is queued on disk first; the banner follows once the send's outcome is read.
        await wait_until(lambda: "will be sent by itself" in ui.banner.text.text(), what="the banner")
        [waiting] = window.store.outbox()
        ui.drafts_list.setCurrentRow(0)
        assert ui.drafts.buttons["takeBack"].isVisibleTo(ui.drafts)
        assert ui.banner.isVisibleTo(window)
        ui.drafts.buttons["takeBack"].click()
        assert window.store.get_draft(waiting.id).state == DRAFT
        assert ui.model.rowCount() == 0
        assert not ui.banner.isVisibleTo(window) or "will be sent by itself" not in ui.banner.text.text()


async def test_cancel_during_a_slow_send_keeps_the_draft_and_sends_nothing_more(qtbot, tmp_path: Path) -> None:
    with SandboxServer(SandboxConfig()) as server:
        async with open_window(qtbot, server.url, DEMO_API_KEY, tmp_path) as window:
            ui = parts(window)
            server.config.faults.latency = 1.5
            fill(window, qtbot, "Slow one")
            await send_and_confirm(window, qtbot)
            await wait_until(lambda: ui.cancel_button.isVisible(), what="the Cancel button")
            assert not ui.form.send_button.isEnabled()  # locked against a second send

            def posts() -> int:
                return sum(1 for r in server.app.state.requests_seen if r[0] == "POST")

            await wait_until(lambda: posts() == 1, what="the request to reach the server")
            ui.cancel_button.click()
            await wait_until(lambda: "cancelled" in ui.banner.text.text(), what="the cancelled message")
            assert ui.form.title.text() == "Slow one"
            [draft] = window.store.list_drafts()
            assert draft.state == UNKNOWN  # it may have arrived: the user decides
            # Another task, posted after the cancel and answered after the server's delay: by then the
            # server is done with the slow one, and a resend of it by itself would have shown.
            trigger(window, "newTaskAction")
            fill(window, qtbot, "Sent after")
            await send_and_confirm(window, qtbot)
            await wait_until(lambda: "Posted “Sent after”" in ui.banner.text.text(), what="the next task")
            assert posts() == 2 and window.store.get_draft(draft.id).state == UNKNOWN


GUI_CHILD = r"""
import asyncio, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import qasync
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from app.store.repository import Store
from ui.main_window import Connection, MainWindow
from ui.panels.form import TaskForm

app = QApplication([])
app.setQuitOnLastWindowClosed(False)

async def main():
    data = Path(sys.argv[1])
    window = MainWindow(Connection("http://127.0.0.1:9", None), Store.in_dir(data),
                        settings=QSettings(str(data / "ui.ini"), QSettings.Format.IniFormat))
    window.show()
    form = window.findChild(TaskForm, "taskForm")
    QTest.keyClicks(form.title, "Typed before the crash")
    QTest.keyClicks(form.description, "Every word of it")
    await asyncio.sleep(1.0)  # longer than the autosave pause
    print("typed", flush=True)
    await asyncio.sleep(60)

with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
    runner.run(main())
"""


async def test_type_kill_the_app_restart_and_the_text_is_there(qtbot, tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", GUI_CHILD, str(data)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.strip() == "typed", child.stderr.read() if child.stderr else ""
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    async with open_window(qtbot, None, None, tmp_path, demo=False) as window:
        ui = parts(window)
        assert ui.form.title.text() == "Typed before the crash"
        assert ui.form.description.toPlainText() == "Every word of it"
    assert Store.in_dir(data).integrity_ok()
