"""A person fills the form, sends the task to the sandbox, and sees its row."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from app.sandbox import SandboxServer
from app.sandbox.service import DEMO_API_KEY
from app.store.drafts_table import UNKNOWN
from tests.conftest import wait_until
from tests.ui.helpers import cell, confirmation, open_window, parts, press
from ui.main_window import MainWindow


def fill_minimum(window: MainWindow, qtbot, title: str) -> None:
    form = parts(window).form
    qtbot.keyClicks(form.title, title)
    form.category.setCurrentIndex(form.category.findData("data"))
    form.task_type.setCurrentIndex(0)


def posts(sandbox: SandboxServer) -> int:
    return sum(1 for r in sandbox.app.state.requests_seen if r[0] == "POST")


async def test_fill_send_and_see_the_row(qtbot, sandbox: SandboxServer, tmp_path: Path) -> None:
    async with open_window(qtbot, sandbox.url, DEMO_API_KEY, tmp_path) as window:
        ui = parts(window)
        form = ui.form
        assert QApplication.focusWidget() is form.title or form.title.hasFocus()
        assert not form.send_button.isEnabled()  # nothing chosen yet
        qtbot.keyClicks(form.title, "Logo for launch")
        qtbot.keyClicks(form.description, "A round logo, blue and white.")
        form.category.setCurrentIndex(form.category.findData("graphics-design"))
        form.task_type.setCurrentIndex(form.task_type.findData("logo-design"))
        form.budget.spin.selectAll()
        qtbot.keyClicks(form.budget.spin, "45.37")
        qtbot.keyClick(form.experimentation.slider, Qt.Key.Key_PageUp)
        assert form.budget.value() == 45.37  # typed cents survive the slider
        assert form.experimentation.spin.value() == pytest.approx(0.4)
        assert form.send_button.isEnabled(), form.send_button.toolTip()

        qtbot.mouseClick(form.send_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: confirmation() is not None, what="the confirmation")
        box = confirmation()
        assert box is not None and "Logo for launch" in box.text() and "$45.37" in box.text()
        press(box, "Post task")
        await wait_until(lambda: ui.banner.text.text().startswith("Posted"), what="the task to be posted")

        [stored] = sandbox.app.state.tasks.values()
        assert (stored.body["title"], stored.body["budget_usd"], stored.body["experimentation"]) == (
            "Logo for launch",
            45.37,
            0.4,
        )
        assert stored.body["task_type"] == "logo-design"
        assert ui.model.rowCount() == 1  # the outbox row is gone
        assert cell(window, 0, "Title") == "Logo for launch"
        assert cell(window, 0, "Status").endswith("Posted")
        assert cell(window, 0, "Next step").startswith("first versions due in ")  # what comes next, and when
        assert cell(window, 0, "Budget") == "$45.37"
        assert ui.table.selectionModel().isRowSelected(0)
        assert "Logo for launch" in ui.details.toPlainText()
        assert form.title.text() == ""  # ready for the next task
        assert window.store.list_drafts() == []  # the draft became the task
        assert [t.title for t in window.store.list_tasks()] == ["Logo for launch"]


async def test_cancelling_the_confirmation_sends_nothing_and_keeps_the_text(
    qtbot, sandbox: SandboxServer, tmp_path: Path
) -> None:
    async with open_window(qtbot, sandbox.url, DEMO_API_KEY, tmp_path) as window:
        ui = parts(window)
        fill_minimum(window, qtbot, "Keep me")
        qtbot.mouseClick(ui.form.send_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: confirmation() is not None, what="the confirmation")
        press(confirmation(), "Cancel")
        await wait_until(lambda: confirmation() is None, what="the dialog to close")
        assert ui.form.title.text() == "Keep me"
        assert posts(sandbox) == 0


async def test_broken_connection_after_sending_keeps_the_draft_and_says_so(
    qtbot, sandbox: SandboxServer, tmp_path: Path
) -> None:
    async with open_window(qtbot, sandbox.url, DEMO_API_KEY, tmp_path) as window:
        ui = parts(window)
        fill_minimum(window, qtbot, "Important")
        sandbox.config.faults.drop_rate = 1.0
        qtbot.keyClick(ui.form.title, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        await wait_until(lambda: confirmation() is not None, what="the confirmation")
        press(confirmation(), "Post task")
        await wait_until(lambda: ui.banner.isVisible() and "can't tell" in ui.banner.text.text(), what="the message")
        assert ui.form.title.text() == "Important" and ui.form.title.isEnabled()
        assert ui.model.tasks() == []
        assert cell(window, 0, "Status").endswith("Not sure it was sent")
        [draft] = window.store.list_drafts()
        assert draft.state == UNKNOWN
        assert posts(sandbox) == 1
        # "Send again", confirmed: the same key finds the same task; nothing is paid twice.
        sandbox.config.faults.drop_rate = 0.0
        ui.banner.action("Send again").click()
        await wait_until(lambda: confirmation() is not None, what="the confirmation")
        press(confirmation(), "Send again")
        await wait_until(lambda: len(ui.model.tasks()) == 1, what="the task row")
        assert len(sandbox.app.state.tasks) == 1 and window.store.list_drafts() == []


async def test_invalid_input_is_explained_under_the_field(qtbot, tmp_path: Path) -> None:
    async with open_window(qtbot, None, None, tmp_path, demo=False) as window:
        form = parts(window).form
        qtbot.keyClicks(form.brand_kit_id, "my brand")
        error = form.findChild(QLabel, "error_brand_kit_id")
        assert error.isVisible() and "doesn't look like an ID" in error.text()
        assert not form.send_button.isEnabled()
        form.brand_kit_id.clear()
        assert not error.isVisible()
        # At most 200 characters as AITasker counts them (Qt's maxLength counts UTF-16 units, so it
        # is set higher and the form keeps the limit itself: see tests/ui/test_text_length_ui.py).
        qtbot.keyClicks(form.title, "x" * 201)
        assert form.title.text() == "x" * 200
