"""A person fills the form, sends the task to the sandbox, and sees its row."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from app.sandbox import SandboxServer
from app.sandbox.service import DEMO_API_KEY
from tests.conftest import wait_until
from ui.main_window import Connection, MainWindow
from ui.tasks_model import COLUMNS


@pytest.fixture
async def window(qtbot, sandbox: SandboxServer, tmp_path: Path):  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    win = MainWindow(Connection(sandbox.url, DEMO_API_KEY, demo=True), settings=settings)
    qtbot.addWidget(win)
    win.show()
    await win.start()
    yield win
    win.close()
    await win.shutdown()


def confirmation() -> QMessageBox | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            return widget
    return None


def press(box: QMessageBox, text: str) -> None:
    button = next(b for b in box.findChildren(QPushButton) if b.text().replace("&", "") == text)
    button.click()


def cell(win: MainWindow, row: int, header: str) -> str:
    column = [c.header for c in COLUMNS].index(header)
    return str(win.proxy.index(row, column).data())


async def test_fill_send_and_see_the_row(qtbot, window: MainWindow, sandbox: SandboxServer) -> None:  # type: ignore[no-untyped-def]
    form = window.form
    assert form.title.hasFocus() or QApplication.focusWidget() is form.title
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
    await wait_until(lambda: window.model.rowCount() == 1, what="the new row")

    [stored] = sandbox.app.state.tasks.values()
    assert (stored.body["title"], stored.body["budget_usd"], stored.body["experimentation"]) == ("Logo for launch", 45.37, 0.4)
    assert stored.body["task_type"] == "logo-design"
    assert cell(window, 0, "Title") == "Logo for launch"
    assert cell(window, 0, "Status").endswith("Posted")
    assert cell(window, 0, "Expires").startswith("in ")
    assert cell(window, 0, "Budget") == "$45.37"
    assert window.table.selectionModel().isRowSelected(0)
    assert form.title.text() == ""  # ready for the next task


async def test_cancelling_the_confirmation_sends_nothing_and_keeps_the_text(qtbot, window: MainWindow, sandbox: SandboxServer) -> None:  # type: ignore[no-untyped-def]
    form = window.form
    qtbot.keyClicks(form.title, "Keep me")
    form.category.setCurrentIndex(form.category.findData("data"))
    form.task_type.setCurrentIndex(0)
    qtbot.mouseClick(form.send_button, Qt.MouseButton.LeftButton)
    await wait_until(lambda: confirmation() is not None, what="the confirmation")
    press(confirmation(), "Cancel")  # type: ignore[arg-type]
    await wait_until(lambda: confirmation() is None, what="the dialog to close")
    assert form.title.text() == "Keep me"
    assert not [r for r in sandbox.app.state.requests_seen if r[0] == "POST"]


async def test_broken_connection_after_sending_keeps_the_form_and_says_so(qtbot, window: MainWindow, sandbox: SandboxServer) -> None:  # type: ignore[no-untyped-def]
    form = window.form
    qtbot.keyClicks(form.title, "Important")
    form.category.setCurrentIndex(form.category.findData("data"))
    form.task_type.setCurrentIndex(0)
    sandbox.config.faults.drop_rate = 1.0
    qtbot.keyClick(form.title, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    await wait_until(lambda: confirmation() is not None, what="the confirmation")
    press(confirmation(), "Post task")  # type: ignore[arg-type]
    await wait_until(lambda: window.banner.isVisible() and "can't tell" in window.banner.text.text(), what="the message")
    assert form.title.text() == "Important" and form.title.isEnabled()
    assert window.model.rowCount() == 0
    assert len([r for r in sandbox.app.state.requests_seen if r[0] == "POST"]) == 1


async def test_invalid_input_is_explained_under_the_field(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    form = window.form
    qtbot.keyClicks(form.brand_kit_id, "my brand")
    error = form.findChild(type(form.title_counter), "error_brand_kit_id")
    assert error.isVisible() and "doesn't look like an ID" in error.text()
    assert not form.send_button.isEnabled()
    form.brand_kit_id.clear()
    assert not error.isVisible()
    assert form.title.maxLength() == 200
