"""The suggested category under the title: offered from the words typed, taken in one action,
never over a choice the person made."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from app.sandbox import SandboxServer
from app.sandbox.service import DEMO_API_KEY
from tests.conftest import wait_until
from tests.ui.helpers import open_window, parts, trigger


async def test_logo_for_my_bakery_offers_logo_design_and_one_click_takes_it(
    qtbot, tmp_path: Path, sandbox: SandboxServer
) -> None:
    async with open_window(qtbot, sandbox.url, DEMO_API_KEY, tmp_path) as window:
        form = parts(window).form
        assert not form.suggestion.isVisible()
        qtbot.keyClicks(form.title, "Logo for my bakery")
        assert form.suggestion.isVisible()
        assert form.suggestion.text.text() == "Looks like Graphics & Design › Logo design"
        assert form.category.currentData() == ""  # only offered, nothing chosen yet
        qtbot.mouseClick(form.suggestion.use, Qt.MouseButton.LeftButton)  # the one action
        assert (form.category.currentData(), form.task_type_slug()) == ("graphics-design", "logo-design")
        assert not form.suggestion.isVisible()
        assert form.send_button.isEnabled(), form.send_button.toolTip()


async def test_the_description_counts_too_and_alt_u_accepts(qtbot, tmp_path: Path, sandbox: SandboxServer) -> None:
    async with open_window(qtbot, sandbox.url, DEMO_API_KEY, tmp_path) as window:
        form = parts(window).form
        window.activateWindow()
        await wait_until(window.isActiveWindow, what="the window to be active")
        qtbot.keyClicks(form.title, "Menu for the new season")
        assert not form.suggestion.isVisible()
        qtbot.keyClicks(form.description, "Please translate it into Spanish and French.")
        assert form.suggestion.text.text() == "Looks like Writing & Translation › Translation"
        qtbot.keyClick(form.description, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
        await wait_until(
            lambda: form.task_type_slug() == "translation", what="Alt+U"
        )  # a mnemonic clicks after a short animation
        assert form.category.currentData() == "writing-translation"


async def test_a_choice_the_person_made_is_never_overwritten(qtbot, tmp_path: Path, sandbox: SandboxServer) -> None:
    async with open_window(qtbot, sandbox.url, DEMO_API_KEY, tmp_path) as window:
        form = parts(window).form
        form.category.setFocus()
        qtbot.keyClick(form.category, Qt.Key.Key_Home)
        while form.category.currentData() != "data":
            qtbot.keyClick(form.category, Qt.Key.Key_Down)  # the person picks Data with the keyboard
        qtbot.keyClicks(form.title, "Logo for my bakery")
        assert not form.suggestion.isVisible()
        assert form.category.currentData() == "data"
        # A new form: suggestions are offered again.
        trigger(window, "newTaskAction")
        qtbot.keyClicks(form.title, "Logo for my bakery")
        assert form.suggestion.isVisible()


async def test_the_persons_category_still_gets_its_task_type_suggested(
    qtbot, tmp_path: Path, sandbox: SandboxServer
) -> None:
    async with open_window(qtbot, sandbox.url, DEMO_API_KEY, tmp_path) as window:
        form = parts(window).form
        form.category.setFocus()
        qtbot.keyClick(form.category, Qt.Key.Key_Home)
        while form.category.currentData() != "writing-translation":
            qtbot.keyClick(form.category, Qt.Key.Key_Down)
        assert form.task_type_slug() == ""  # two types: none chosen for the person
        qtbot.keyClicks(form.title, "Translate my menu")
        assert form.suggestion.text.text() == "Looks like Writing & Translation › Translation"
        qtbot.mouseClick(form.suggestion.use, Qt.MouseButton.LeftButton)
        assert form.task_type_slug() == "translation"


async def test_use_it_is_reached_with_tab_and_the_cursor_goes_on_to_the_description(
    qtbot, tmp_path: Path, sandbox: SandboxServer
) -> None:
    async with open_window(qtbot, sandbox.url, DEMO_API_KEY, tmp_path) as window:
        form = parts(window).form
        window.activateWindow()
        await wait_until(window.isActiveWindow, what="the window to be active")
        form.title.setFocus()
        qtbot.keyClicks(form.title, "Logo for my bakery")
        qtbot.keyClick(form.title, Qt.Key.Key_Tab)
        await wait_until(form.suggestion.use.hasFocus, what="Tab on Use it")
        qtbot.keyClick(form.suggestion.use, Qt.Key.Key_Space)
        await wait_until(lambda: form.category.currentData() == "graphics-design", what="the suggestion taken")
        assert form.task_type_slug() == "logo-design" and not form.suggestion.isVisible()
        await wait_until(form.description.hasFocus, what="the cursor on the description, not lost")
