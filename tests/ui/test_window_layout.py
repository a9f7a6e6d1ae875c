"""Send is always in view, the window fits the screen, and the wheel changes nothing by accident."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QAbstractSlider, QAbstractSpinBox, QComboBox, QScrollArea, QScrollBar, QWidget

from app.sandbox import SandboxServer
from app.sandbox.service import DEMO_API_KEY
from tests.conftest import wait_until
from tests.ui.helpers import find, open_window, parts, trigger, wheel
from ui.widgets.screen_fit import fitted_geometry


def fully_shown(widget: QWidget) -> bool:
    """On screen, whole, not clipped by a scroll area or the window's edge."""
    if not widget.isVisible():
        return False
    window = widget.window()
    top_left = widget.mapTo(window, QPoint(0, 0))
    inside = window.rect().contains(QRect(top_left, widget.size()))
    return inside and widget.visibleRegion().boundingRect() == widget.rect()


def reachable_parts(window) -> list[QWidget]:
    ui = parts(window)
    tasks = ui.tasks
    return [
        ui.form.send_button,
        ui.form.title,
        ui.new_button,
        tasks.refresh_button,
        tasks.filter_box,
        tasks.search,
        tasks.add_by_id,
        tasks.add_button,
        ui.status.connection_label,
        ui.tabs.tabBar(),
    ]


@pytest.mark.parametrize("screen", [QSize(1024, 640), QSize(1366, 768)], ids=["1024x640", "1366x768"])
async def test_on_small_screens_everything_fits_and_send_is_in_view(
    qtbot,
    tmp_path: Path,
    sandbox: SandboxServer,
    screen: QSize,
) -> None:
    async with open_window(qtbot, sandbox.url, DEMO_API_KEY, tmp_path) as window:
        ui = parts(window)
        available = QRect(QPoint(0, 0), screen - QSize(0, 40))  # a 40-pixel task bar
        size = fitted_geometry(available).size()
        window.resize(size)
        await wait_until(
            lambda: window.size() == size, what="the window at the screen's size"
        )  # nothing insists on more room
        trigger(window, "addByIdAction")  # (the row to add a task by its ID shows when asked for)
        for part in reachable_parts(window):
            assert fully_shown(part), f"{type(part).__name__} {part.objectName()!r} is cut off or hidden"
        # Scrolled to the end of the fields, or back to the top: Send stays where it was.
        ui.form.open_more_options()  # every field shown: they must scroll at this size
        send_at = ui.form.send_button.mapTo(window, QPoint(0, 0))
        bar = find(ui.form, QScrollArea, "formScroll").verticalScrollBar()
        assert bar.maximum() > 0, "at this size the fields scroll"
        bar.setValue(bar.maximum())
        assert fully_shown(ui.form.send_button)
        assert ui.form.send_button.mapTo(window, QPoint(0, 0)) == send_at
        assert fully_shown(ui.form.brand_kit_id)  # the last field, reached by scrolling


async def test_the_window_opens_inside_the_screen(qtbot, tmp_path: Path, sandbox: SandboxServer) -> None:
    async with open_window(qtbot, sandbox.url, DEMO_API_KEY, tmp_path) as window:
        available = window.screen().availableGeometry()
        assert available.contains(window.frameGeometry())
        assert fully_shown(parts(window).form.send_button)
        window.resize(available.size() + QSize(500, 500))  # e.g. yesterday, on a larger monitor
    async with open_window(qtbot, sandbox.url, DEMO_API_KEY, tmp_path) as again:
        assert available.contains(again.frameGeometry())  # the saved size no longer fits: refitted


def value_of(widget: QWidget) -> object:
    if isinstance(widget, QComboBox):
        return (widget.currentIndex(), widget.currentText())
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    assert isinstance(widget, QAbstractSlider)
    return widget.value()


async def test_the_wheel_changes_no_choice_it_rolls_over(qtbot, tmp_path: Path, sandbox: SandboxServer) -> None:
    async with open_window(qtbot, sandbox.url, DEMO_API_KEY, tmp_path) as window:
        form = parts(window).form
        form.category.setCurrentIndex(form.category.findData("graphics-design"))
        form.task_type.setCurrentIndex(form.task_type.findData("logo-design"))
        form.budget.setValue(45.0)
        window.activateWindow()
        await wait_until(window.isActiveWindow, what="the window to be active")
        form.title.setFocus()
        await wait_until(form.title.hasFocus, what="the cursor in the title")  # no input has the focus
        sent_before = form.raw_values()
        inputs = [
            w
            for w in window.findChildren(QWidget)
            if isinstance(w, (QComboBox, QAbstractSpinBox, QAbstractSlider))
            and not isinstance(w, QScrollBar)
            and w.isVisible()
            and w.isEnabled()
        ]
        assert {form.category, form.task_type, form.budget.slider, form.budget.spin} <= set(inputs)
        for widget in inputs:
            before = value_of(widget)
            for notches in (3, -3, -3):
                wheel(widget, notches)
                typing = widget.lineEdit() if isinstance(widget, QComboBox) and widget.isEditable() else None
                if typing is not None:
                    wheel(typing, notches)  # over the typing part of Task type
            assert value_of(widget) == before, f"the wheel changed {type(widget).__name__} {widget.objectName()!r}"
        assert form.raw_values() == sent_before  # nothing that would be sent changed


def test_the_wheel_changes_no_setting_it_rolls_over(qtbot) -> None:
    from ui.windows.settings import SettingsDialog

    dialog = SettingsDialog(
        api_url="http://127.0.0.1:9",
        key_source="This session only",
        refresh_seconds=30.0,
        theme="light",
        can_manage_key=False,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for combo in (dialog.refresh, dialog.theme):
        before = value_of(combo)
        for notches in (3, -3, -3):
            wheel(combo, notches)
        assert value_of(combo) == before, combo.objectName()
    assert dialog.chosen_theme() == "light" and dialog.refresh_seconds() == 30.0
