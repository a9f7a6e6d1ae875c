"""Plain words by default: no JSON, API, UUID, HTTP or error class name in what the window shows;
rarely used fields under a closed "More options"; technical detail only under "Technical details";
one name per thing; one verb for posting."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QWidget,
)

from app.api.schema import Task
from app.sandbox import SandboxServer
from app.sandbox.service import DEMO_API_KEY
from tests.conftest import wait_until
from tests.ui.helpers import cell, confirmation, open_window, parts, press
from ui.i18n import clock_when

JARGON = re.compile(r"\b(JSON|API|UUID|HTTP|POST|GET)\b|[A-Z][a-z]+(Error|Exception)\b|/api/v1")


def showing_text(window: QWidget) -> list[str]:
    """Every text a person sees in the window as it is (not tooltips, menus or closed sections)."""
    texts: list[str] = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel):
            texts.append(widget.text())
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QLineEdit):
            texts += [widget.text(), widget.placeholderText()]
        elif isinstance(widget, QPlainTextEdit):
            texts += [widget.toPlainText(), widget.placeholderText()]
        elif isinstance(widget, QComboBox):
            texts.append(widget.currentText())
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QHeaderView):
            model = widget.model()
            texts += [str(model.headerData(i, widget.orientation())) for i in range(widget.count())]
    return [t for t in texts if t]


def jargon(window: QWidget) -> list[str]:
    return [t for t in showing_text(window) if JARGON.search(t)]


async def test_a_new_window_speaks_plainly_and_keeps_rare_fields_closed(
    qtbot, tmp_path: Path, sandbox: SandboxServer
) -> None:
    async with open_window(qtbot, sandbox.url, DEMO_API_KEY, tmp_path) as window:
        form = parts(window).form
        assert not form.more_options.isVisible() and form.more_toggle.isVisible()
        assert not form.requirements.json_toggle.isVisible() and not form.brand_kit_id.isVisible()
        assert jargon(window) == []
        qtbot.mouseClick(form.more_toggle, Qt.MouseButton.LeftButton)  # one click shows them
        assert form.requirements.isVisible() and form.brand_kit_id.isVisible()
        assert any("JSON" in t for t in jargon(window))  # the JSON view is there, for those who open it
        assert "123e4567" not in form.brand_kit_id.placeholderText()


async def test_an_offline_post_says_it_plainly_with_the_technical_part_tucked_away(qtbot, tmp_path: Path) -> None:
    async with open_window(qtbot, "http://127.0.0.1:9", DEMO_API_KEY, tmp_path) as window:
        ui = parts(window)
        form = ui.form
        qtbot.keyClicks(form.title, "Logo for my bakery")
        form.category.setCurrentIndex(form.category.findData("graphics-design"))
        assert form.send_button.text().replace("&", "") == "Post task"
        assert "Ctrl+Enter" in form.send_button.toolTip()
        qtbot.mouseClick(form.send_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: confirmation() is not None, what="the question")
        box = confirmation()
        assert box is not None and box.text().startswith("Post “Logo for my bakery”")  # the button's verb
        press(box, "Post task")
        await wait_until(lambda: ui.banner.isVisible() and "saved" in ui.banner.text.text(), what="the outcome")
        banner = ui.banner
        assert not JARGON.search(banner.text.text())
        assert banner.toggle.text() == "Technical details" and banner.toggle.isVisible()
        assert not banner.details.isVisible()
        assert jargon(window) == []
        qtbot.mouseClick(banner.toggle, Qt.MouseButton.LeftButton)
        assert banner.details.isVisible() and banner.details.text()  # there, for whoever asks


async def test_posted_tasks_use_the_taxonomy_names_and_the_forms_number_format(
    qtbot, tmp_path: Path, sandbox: SandboxServer
) -> None:
    async with open_window(qtbot, sandbox.url, DEMO_API_KEY, tmp_path) as window:
        ui = parts(window)
        form = ui.form
        qtbot.keyClicks(form.title, "Logo for my bakery")
        form.category.setCurrentIndex(form.category.findData("graphics-design"))
        assert form.category.currentText() == "Graphics & Design"
        qtbot.mouseClick(form.send_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: confirmation() is not None, what="the question")
        press(confirmation(), "Post task")
        await wait_until(lambda: ui.banner.text.text().startswith("Posted"), what="the confirmation")
        assert cell(window, 0, "Category / Type") == "Graphics & Design › Logo design"
        summary = ui.tasks.details.toPlainText()
        assert "Category: Graphics & Design › Logo design" in summary
        assert f"Experimentation: {form.experimentation.spin.text()}" in ui.tasks.more_details.toPlainText()  # 0.30


async def test_the_details_show_what_matters_first_and_the_rest_on_request(
    qtbot, tmp_path: Path, sandbox: SandboxServer
) -> None:
    async with open_window(qtbot, sandbox.url, DEMO_API_KEY, tmp_path) as window:
        ui = parts(window)
        now = datetime.now(UTC)
        task = Task(
            id="t-1",
            title="Sales summary",
            status="review",
            budget_usd=45.5,
            category="data",
            task_type="data-analysis-summary",
            created_at=now,
            expires_at=now + timedelta(hours=3),
            compute_budget=2.0,
            prototype_tier=2,
            experimentation=0.3,
        )
        ui.model.upsert(task)
        assert ui.tasks.select("t-1")
        summary = ui.tasks.details.toPlainText().splitlines()
        assert summary[0] == "Sales summary"
        assert summary[1].startswith("Ready for your review")
        # The step the time belongs to, not "Closes"/"Expires": nothing is lost at that time.
        step = "Next step: review closes " + clock_when(task.expires_at)
        assert "Budget: $45.50" in summary and any(line.startswith(step + " (") for line in summary)
        text = "\n".join(summary)
        assert "Compute budget" not in text and "Prototype tier" not in text and "t-1" not in text
        assert not ui.tasks.more_details.isVisible()
        qtbot.mouseClick(ui.tasks.more_toggle, Qt.MouseButton.LeftButton)
        more = ui.tasks.more_details.toPlainText()
        assert ui.tasks.more_details.isVisible() and "Compute budget" in more and "Task ID: t-1" in more
        assert "Experimentation: 0.30" in more


def test_a_reopened_draft_with_requirements_shows_them(qtbot) -> None:
    from app.taxonomy import bundled_categories
    from ui.panels.form import TaskForm

    form = TaskForm()
    form.set_categories(bundled_categories())
    qtbot.addWidget(form)
    form.show()
    assert form.more_options.isHidden()
    form.load_values({"title": "Logo", "requirements": {"tone": "calm"}})
    assert not form.more_options.isHidden()  # what the draft holds is never hidden
    form.clear()
    assert form.more_options.isHidden()
    form.load_values({"brand_kit_id": "not an id"})
    form.mark_send_attempted()
    assert not form.more_options.isHidden()  # nor a message about it
