"""Done when: a first task, from launch, in at most 8 actions with the mouse (and typing the title),
on a 1024x640 screen, with the wheel rolled over the choices on the way."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QWidget

from app.sandbox import SandboxServer
from app.sandbox.service import DEMO_API_KEY
from tests.conftest import wait_until
from tests.ui.helpers import confirmation, open_window, parts, wheel
from tests.ui.test_window_layout import fully_shown
from ui.widgets.screen_fit import fitted_geometry


async def test_logo_for_my_bakery_in_a_few_actions_on_a_small_screen(
    qtbot, tmp_path: Path, sandbox: SandboxServer
) -> None:
    async with open_window(qtbot, sandbox.url, DEMO_API_KEY, tmp_path) as window:
        ui = parts(window)
        size = fitted_geometry(QRect(0, 0, 1024, 600)).size()  # 1024x640 less a task bar
        window.resize(size)
        await wait_until(lambda: window.size() == size, what="a 1024x640 window")
        form = ui.form
        actions: list[str] = []

        def click(widget: QWidget, what: str) -> None:
            assert fully_shown(widget), f"{what} is not in view"
            qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
            actions.append(what)

        click(form.title, "click the title")
        qtbot.keyClicks(form.title, "Logo for my bakery")
        actions.append("type the title")
        for widget in (form.category, form.task_type, form.budget.slider, form.budget.spin):
            for notches in (-3, 3, -2):  # scrolling past them on the way changes nothing
                wheel(widget, notches)
        click(form.suggestion.use, "use the suggestion")
        click(form.send_button, "Post task")
        await wait_until(lambda: confirmation() is not None, what="the question")
        box = confirmation()
        assert box is not None
        post = next(b for b in box.buttons() if b.text().replace("&", "") == "Post task")
        click(post, "confirm")
        await wait_until(lambda: ui.banner.text.text().startswith("Posted"), what="the task to be posted")

        assert len(actions) <= 8, actions
        [task] = sandbox.app.state.tasks.values()
        assert (task.body["category"], task.body["task_type"], task.body["title"]) == (
            "graphics-design",
            "logo-design",
            "Logo for my bakery",
        )
        assert task.body["budget_usd"] == 10.0  # the first amount, untouched by the wheel
        assert QSize(window.size()) == size
