"""Keys a person uses without the mouse in the main window: F6 crosses from the form to the tasks
table and back (from the Drafts tab too), Ctrl+, opens Settings (Linux names no Preferences key)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTabWidget

from app.sandbox import SandboxConfig, SandboxServer
from app.sandbox.service import DEMO_API_KEY
from tests.conftest import wait_until
from tests.ui.helpers import open_window, parts
from ui.windows.settings import SettingsDialog


async def active(window) -> None:
    window.activateWindow()
    await wait_until(lambda: QApplication.activeWindow() is window, what="the window active")


async def test_f6_crosses_from_the_form_to_the_tasks_and_back(qtbot, tmp_path: Path) -> None:
    with SandboxServer(SandboxConfig(seed=5)) as server:
        async with open_window(qtbot, server.url, DEMO_API_KEY, tmp_path) as window:
            ui = parts(window)
            await active(window)
            ui.form.title.setFocus()
            await wait_until(lambda: QApplication.focusWidget() is ui.form.title, what="the title focused")
            right = window.findChild(QTabWidget, "rightTabs")
            assert right is not None
            right.setCurrentIndex(1)  # the Drafts tab in front: F6 still goes to the tasks
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
            await wait_until(lambda: QApplication.focusWidget() is ui.table, what="the table focused")
            assert ui.table.isVisible()
            qtbot.keyClick(ui.table, Qt.Key.Key_F6)
            await wait_until(lambda: QApplication.focusWidget() is ui.form.title, what="back to the title")


async def test_ctrl_comma_opens_settings(qtbot, tmp_path: Path) -> None:
    with SandboxServer(SandboxConfig(seed=6)) as server:
        async with open_window(qtbot, server.url, DEMO_API_KEY, tmp_path) as window:
            await active(window)
            qtbot.keyClick(parts(window).form.title, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)

            def settings() -> SettingsDialog | None:
                found = [w for w in QApplication.topLevelWidgets() if isinstance(w, SettingsDialog) and w.isVisible()]
                return found[0] if found else None

            await wait_until(lambda: settings() is not None, what="Settings")
            dialog = settings()
            assert dialog is not None
            dialog.reject()
            await wait_until(lambda: settings() is None, what="Settings closed")
