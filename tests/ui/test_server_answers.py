"""What the server says reaches the right place in the form; categories come from the server,
its cache, or the bundled file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.sandbox import SandboxConfig, SandboxServer
from app.sandbox.service import DEMO_API_KEY
from app.store.drafts_table import DRAFT
from app.taxonomy import bundled_categories
from tests.conftest import wait_until
from tests.ui.helpers import confirmation, open_window, parts, press


def category_labels(window) -> list[str]:
    combo = parts(window).form.category
    return [combo.itemText(i) for i in range(combo.count()) if combo.itemData(i)]


async def test_server_422_lands_under_the_matching_field_and_keeps_everything(qtbot, tmp_path: Path) -> None:
    with SandboxServer(SandboxConfig(min_description=20)) as server:
        async with open_window(qtbot, server.url, DEMO_API_KEY, tmp_path) as window:
            ui = parts(window)
            form = ui.form
            qtbot.keyClicks(form.title, "Short brief")
            qtbot.keyClicks(form.description, "Too short")
            form.category.setCurrentIndex(form.category.findData("data"))
            form.task_type.setCurrentIndex(0)
            qtbot.mouseClick(form.send_button, Qt.MouseButton.LeftButton)
            await wait_until(lambda: confirmation() is not None, what="the confirmation")
            press(confirmation(), "Post task")
            error = form.findChild(QLabel, "error_description")
            await wait_until(lambda: error.isVisible(), what="the message under Describe it")
            assert "at least 20 characters" in error.text()
            assert form.title.text() == "Short brief" and form.description.toPlainText() == "Too short"
            assert ui.banner.isVisible() and "still here" in ui.banner.text.text()
            assert [d.state for d in window.store.list_drafts()] == [DRAFT]
            assert server.app.state.tasks == {}


async def test_categories_from_the_server_then_cache_then_bundled_file(qtbot, tmp_path: Path) -> None:
    bundled = [c.label for c in bundled_categories()]
    async with open_window(qtbot, "http://127.0.0.1:9", DEMO_API_KEY, tmp_path / "fresh") as offline:
        ui = parts(offline)
        assert category_labels(offline) == bundled  # never reached the server, nothing cached
        ui.form.category.setCurrentIndex(ui.form.category.findData("data"))
        assert ui.form.task_type.count() == 2
    # A server whose list differs from the bundled one (the sandbox answers the bundled list by
    # default), so what the window shows can only have come from the server or its cache.
    served = [
        {"slug": "audio", "name": "Audio", "task_types": ["podcast-editing"]},
        {"slug": "graphics-design", "name": "Graphics & Design", "task_types": ["logo-design"]},
    ]
    with SandboxServer(SandboxConfig(categories=served)) as server:
        async with open_window(qtbot, server.url, DEMO_API_KEY, tmp_path / "used") as online:
            assert category_labels(online) == ["Audio", "Graphics & Design"]
    async with open_window(qtbot, "http://127.0.0.1:9", DEMO_API_KEY, tmp_path / "used") as later:
        assert category_labels(later) == ["Audio", "Graphics & Design"]  # the cache, offline
