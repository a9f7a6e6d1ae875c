"""The task window in German shows no English word and writes money, numbers and dates the German
way: every part of a task whose final work arrived, and again once it was approved (the money that
moved). The same scenario runs in English and in German and the shown texts are compared place by
place, as tests/ui/test_german_everywhere.py does for the rest of the app."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from app.api.client import TasksClient
from app.sandbox import SandboxConfig, SandboxServer
from app.sandbox.service import DEMO_API_KEY
from tests.conftest import FakeClock, wait_until
from tests.ui.big_delivery import task_windows
from tests.ui.shown_text import shown_texts
from tests.ui.task_sandbox import api, delivered, read
from tests.ui.test_german_everywhere import ENGLISH, GERMAN, NAMES, assert_all_german, german_words, words_of
from ui.i18n import install_translations, remove_translations
from ui.windows.task.window import PARTS


@pytest.fixture
def app() -> Iterator[QApplication]:
    application = QApplication.instance()
    assert isinstance(application, QApplication)
    yield application
    remove_translations(application)


def server_words(*documents: Any) -> set[str]:
    """What the sandbox wrote (names, the agent's words, the text item): data, not the app's words."""
    found: set[str] = set()
    for document in documents:
        if isinstance(document, dict):
            for key, value in document.items():
                if key not in ("status", "type", "by", "state"):
                    found |= server_words(value)
        elif isinstance(document, list):
            for value in document:
                found |= server_words(value)
        elif isinstance(document, str):
            found |= words_of(document)
    return found


async def run(app: QApplication, qtbot: Any, tmp_path: Path, env: dict[str, str]) -> tuple[dict[str, str], set[str]]:
    install_translations(app, env)
    shown: dict[str, str] = {}
    clock = FakeClock()
    with SandboxServer(SandboxConfig(seed=51, clock=clock, question_share=0.0)) as server:
        task_id, _ = await delivered(server, clock)
        async with TasksClient(server.url, DEMO_API_KEY) as client:
            parent = QWidget()
            qtbot.addWidget(parent)
            settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
            windows = task_windows(parent, client, settings)
            window = windows.open(await client.get_task(task_id))
            final = window.final_work
            await wait_until(lambda: final.list.count() > 0 and not final.list.item(0).icon().isNull(), what="work")

            def snap(step: str) -> None:
                for part in PARTS:
                    window.show_part(part)
                    for row in range(final.list.count() if part == "final_work" else 1):
                        final.list.setCurrentRow(row)
                        for place, text in shown_texts([window]).items():
                            shown[f"{step}, {part} {row}: {place}"] = text

            await wait_until(
                lambda: window.versions_page.findChild(QWidget, "versionList") is not None, what="versions"
            )
            snap("delivered")
            async with api(server) as http:
                assert (await http.post(f"/api/v1/tasks/{task_id}/approve")).status_code == 200
            windows.task_updated(await client.get_task(task_id))
            await wait_until(lambda: window.task.status == "completed", what="completed")
            snap("approved")
            data = server_words(
                await read(server, f"/api/v1/tasks/{task_id}"),
                await read(server, f"/api/v1/tasks/{task_id}/delivery"),
                await read(server, f"/api/v1/tasks/{task_id}/bids"),
            )
            window.close()
            await windows.shutdown()
    return shown, data


async def test_the_task_window_in_german_shows_no_english(app: QApplication, qtbot, tmp_path: Path) -> None:
    english, english_data = await run(app, qtbot, tmp_path / "en", ENGLISH)
    german, german_data = await run(app, qtbot, tmp_path / "de", GERMAN)
    compared = set(english) & set(german)
    assert len(compared) > 200
    assert_all_german(english, german, german_words() | NAMES | english_data | german_data | {"PDF", "ZIP"})
