"""The budget for someone posting a first task: a start one would not regret, what it pays for,
and the last amount per task type remembered (in the store, across restarts)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from app.budget import FIRST_BUDGET, PAID_WHEN, first_budget, pays_for
from app.sandbox import SandboxServer
from app.sandbox.service import DEMO_API_KEY
from tests.conftest import wait_until
from tests.ui.helpers import confirmation, open_window, parts, press
from ui.i18n import install_translations, remove_translations


def choose(form, category: str, task_type: str) -> None:
    form.category.setCurrentIndex(form.category.findData(category))
    form.task_type.setCurrentIndex(form.task_type.findData(task_type))


async def test_a_first_task_starts_at_a_modest_amount_that_follows_the_task_type(
    qtbot, tmp_path: Path, sandbox: SandboxServer
) -> None:
    async with open_window(qtbot, sandbox.url, DEMO_API_KEY, tmp_path) as window:
        form = parts(window).form
        assert form.budget.value() == FIRST_BUDGET
        assert form.budget_guidance.isVisible()
        assert (
            form.budget_guidance.text().startswith(pays_for(FIRST_BUDGET)) and PAID_WHEN in form.budget_guidance.text()
        )
        choose(form, "digital-marketing", "social-media-post")
        assert form.budget.value() == first_budget("social-media-post") < FIRST_BUDGET  # a small piece starts lower
        choose(form, "graphics-design", "logo-design")
        assert form.budget.value() == first_budget("logo-design")
        assert "free credit" in form.budget_guidance.text()
        # An amount the person set is theirs: another task type does not move it.
        form.budget.spin.setFocus()
        form.budget.spin.selectAll()
        qtbot.keyClicks(form.budget.spin, "45")
        choose(form, "digital-marketing", "social-media-post")
        assert form.budget.value() == 45
        assert form.budget_guidance.text() == f"{pays_for(45)} {PAID_WHEN}"


async def test_the_last_budget_per_task_type_is_where_the_next_one_starts(
    qtbot, tmp_path: Path, sandbox: SandboxServer
) -> None:
    async with open_window(qtbot, sandbox.url, DEMO_API_KEY, tmp_path) as window:
        ui = parts(window)
        form = ui.form
        qtbot.keyClicks(form.title, "Logo for my bakery")
        choose(form, "graphics-design", "logo-design")
        form.budget.setValue(45.37)
        qtbot.mouseClick(form.send_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: confirmation() is not None, what="the confirmation")
        press(confirmation(), "Post task")
        await wait_until(lambda: ui.banner.text.text().startswith("Posted"), what="the task to be posted")
        assert form.budget.value() == FIRST_BUDGET  # a new form: nothing chosen yet
        choose(form, "graphics-design", "logo-design")
        assert form.budget.value() == 45.37
        assert "same as your last task of this type" in form.budget_guidance.text()
        choose(form, "data", "data-analysis")
        assert form.budget.value() == first_budget("data-analysis")  # another type: its own start
    async with open_window(qtbot, sandbox.url, DEMO_API_KEY, tmp_path) as again:
        ui = parts(again)
        choose(ui.form, "graphics-design", "logo-design")
        assert ui.form.budget.value() == 45.37  # kept across a restart


async def test_the_guidance_gives_way_to_the_message_when_the_amount_cannot_be_sent(
    qtbot, tmp_path: Path, sandbox: SandboxServer
) -> None:
    async with open_window(qtbot, sandbox.url, DEMO_API_KEY, tmp_path) as window:
        form = parts(window).form
        form.budget.spin.setFocus()
        form.budget.spin.selectAll()
        qtbot.keyClicks(form.budget.spin, "500")
        assert form.budget.value() == 500 and not form.budget_guidance.isVisible()
        qtbot.keyClick(form.budget.spin, Qt.Key.Key_Backspace)
        assert form.budget.value() == 50 and form.budget_guidance.isVisible()


@pytest.fixture
def german() -> Iterator[None]:
    application = QApplication.instance()
    assert application is not None
    assert install_translations(application, {"LANGUAGE": "de", "LANG": "de_DE.UTF-8"}) == "de"
    yield
    remove_translations(application)


async def test_the_guidance_and_the_message_under_the_budget_speak_german(
    german: None, qtbot, tmp_path: Path, sandbox: SandboxServer
) -> None:
    async with open_window(qtbot, sandbox.url, DEMO_API_KEY, tmp_path) as window:
        form = parts(window).form
        assert form.budget.value() == FIRST_BUDGET
        assert form.budget_guidance.text() == (
            "Reicht für einen typischen kleinen Auftrag: eine Logo-Idee, einen Blogbeitrag oder eine kurze"
            " Übersetzung. Sie zahlen erst, wenn Sie eine endgültige Version abnehmen. Ein bescheidener erster"
            " Betrag: Er passt in das Gratisguthaben, das neue Konten erhalten."
        )
        assert form.budget.spin.toolTip() == "Von 3,00\xa0$ bis 300,00\xa0$."
        form.budget.spin.setFocus()
        form.budget.spin.selectAll()
        qtbot.keyClicks(form.budget.spin, "500")
        under = form.findChild(QLabel, "error_budget_usd")
        assert under.isVisible() and not form.budget_guidance.isVisible()
        over = "500,00\xa0$ ist mehr als das höchste Budget, 300,00\xa0$. Senken Sie den Betrag, um zu senden."
        assert under.text() == f"⚠ {over}"
        qtbot.keyClick(form.budget.spin, Qt.Key.Key_Backspace)
        assert form.budget_guidance.text().startswith("Bezahlt einen umfangreicheren Auftrag mit mehr Details:")
