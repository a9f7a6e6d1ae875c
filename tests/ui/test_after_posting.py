"""After posting: the form is back at its top, the confirmation is in view, the cursor is in the
title, and the new task's row is selected in the table."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea

from app.sandbox import SandboxServer
from app.sandbox.service import DEMO_API_KEY
from tests.conftest import wait_until
from tests.ui.helpers import confirmation, find, open_window, parts, press
from tests.ui.test_window_layout import fully_shown
from ui.models.task_rows import TASK_ID_ROLE


async def test_after_posting_the_person_sees_it_worked_and_can_start_the_next(
    qtbot, sandbox: SandboxServer, tmp_path: Path
) -> None:
    async with open_window(qtbot, sandbox.url, DEMO_API_KEY, tmp_path) as window:
        ui = parts(window)
        form = ui.form
        qtbot.keyClicks(form.title, "Logo for my bakery")
        form.category.setCurrentIndex(form.category.findData("graphics-design"))
        form.task_type.setCurrentIndex(form.task_type.findData("logo-design"))
        form.open_more_options()  # every field shown, so that the form scrolls
        bar = find(form, QScrollArea, "formScroll").verticalScrollBar()
        await wait_until(lambda: bar.maximum() > 0, what="the fields to scroll")
        bar.setValue(bar.maximum())  # scrolled down to the last fields, as one is before sending
        assert bar.value() > 0
        qtbot.mouseClick(form.send_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: confirmation() is not None, what="the confirmation")
        press(confirmation(), "Post task")
        await wait_until(lambda: ui.banner.text.text().startswith("Posted"), what="the task to be posted")

        assert fully_shown(ui.banner) and fully_shown(ui.banner.text)  # the confirmation is seen
        assert bar.value() == 0  # the form is back at its top
        assert fully_shown(form.title) and form.title.text() == ""
        assert window.focusWidget() is form.title  # where the cursor is when the window is active
        window.activateWindow()  # (offscreen, closing the question does not give the window back by itself)
        await wait_until(lambda: QApplication.focusWidget() is form.title, what="the cursor back in the title")
        [task_id] = sandbox.app.state.tasks.keys()
        selected = ui.table.selectionModel().selectedRows()
        assert [index.data(TASK_ID_ROLE) for index in selected] == [task_id]
