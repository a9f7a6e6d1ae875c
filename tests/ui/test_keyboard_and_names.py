"""Keyboard and screen readers: every control is announced by its visible label, Tab reaches every
part of the window and comes back, Ctrl+Enter is shown, and the focus ring can be seen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFocusFrame

from app.sandbox import SandboxServer
from app.sandbox.service import DEMO_API_KEY
from tests.conftest import wait_until
from tests.ui.accessibility import accessible_name, focusable_widgets, tab_round, unnamed
from tests.ui.helpers import open_window, parts, trigger
from ui.theme import apply_theme


async def active(window) -> None:
    window.activateWindow()
    await wait_until(window.isActiveWindow, what="the window to be active")


async def test_every_focusable_control_is_announced_by_its_label(qtbot, tmp_path: Path, sandbox: SandboxServer) -> None:
    async with open_window(qtbot, sandbox.url, DEMO_API_KEY, tmp_path) as window:
        ui = parts(window)
        form = ui.form
        assert len(focusable_widgets(window)) > 15
        assert unnamed(window) == []
        form.open_more_options()
        ui.tasks.more_toggle.setChecked(True)
        qtbot.keyClicks(form.title, "Logo for my bakery")  # the suggestion line shows too
        assert unnamed(window) == []
        for widget, label in (
            (form.category, "Category"),
            (form.task_type, "Task type"),
            (form.task_type.lineEdit(), "Task type"),
            (form.budget.spin, "Budget"),
            (form.budget.slider, "Budget"),
            (ui.tasks.filter_box, "Show"),
            (form.title, "What do you need?"),
            (form.description, "Describe it"),
        ):
            assert accessible_name(widget).startswith(label), (label, accessible_name(widget))
        form.category.setCurrentIndex(form.category.findData("data"))
        assert accessible_name(form.category) == "Category"  # the label, whatever is chosen
        assert "Looks like" not in accessible_name(form.category)


async def test_tab_reaches_every_part_and_comes_back(qtbot, tmp_path: Path, sandbox: SandboxServer) -> None:
    async with open_window(qtbot, sandbox.url, DEMO_API_KEY, tmp_path) as window:
        ui = parts(window)
        await active(window)
        form, tasks = ui.form, ui.tasks
        qtbot.keyClicks(form.title, "Logo for my bakery")
        form.category.setCurrentIndex(form.category.findData("graphics-design"))  # Post task enabled
        trigger(window, "addByIdAction")  # the row to add a task by its ID shows only when asked for
        visited = tab_round(qtbot, form.title)
        for part in (
            form.description,
            form.category,
            form.task_type,
            form.budget.spin,
            form.more_toggle,
            form.send_button,
            ui.new_button,
            tasks.filter_box,
            tasks.search,
            tasks.refresh_button,
            tasks.table,
            tasks.details,
            tasks.add_by_id,
            tasks.add_button,
        ):
            assert part in visited, f"Tab never reaches {part.objectName() or type(part).__name__}"
        # Typing the title, then Tab: "Use it" while a category is suggested (issue 23: every action
        # reachable with Tab; it was skipped before), then the description.
        assert form.suggestion.isVisible()
        assert visited.index(form.suggestion.use) == 0 and visited.index(form.description) == 1
        assert visited.index(form.send_button) < visited.index(tasks.table)  # the form, then the tasks


async def test_ctrl_enter_is_shown_and_the_focus_ring_is_seen(qtbot, tmp_path: Path, sandbox: SandboxServer) -> None:
    async with open_window(qtbot, sandbox.url, DEMO_API_KEY, tmp_path) as window:
        apply_theme("light")
        await active(window)
        form = parts(window).form
        assert "Ctrl+Enter" in form.send_button.toolTip()  # while it can't post yet, too
        qtbot.keyClicks(form.title, "Logo for my bakery")
        form.category.setCurrentIndex(form.category.findData("graphics-design"))
        assert form.send_button.isEnabled() and "Ctrl+Enter" in form.send_button.toolTip()
        form.send_button.setFocus(Qt.FocusReason.TabFocusReason)
        await wait_until(form.send_button.hasFocus, what="the focus on Post task")
        rings = [f for f in window.findChildren(QFocusFrame) if f.isVisible()]
        assert len(rings) == 1 and rings[0].widget() is form.send_button
        ring = rings[0].geometry()
        assert ring.contains(form.send_button.geometry())  # around the button, not inside it
        form.title.setFocus()
        await wait_until(form.title.hasFocus, what="the focus in the title")
        assert not any(f.isVisible() for f in window.findChildren(QFocusFrame))  # a text field shows its own
