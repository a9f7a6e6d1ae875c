"""Quit while the latest typing could not be saved, on a real full disk: run by
tests/ui/test_quit_unsaved.py inside a private mount namespace whose 3 MB tmpfs is at
``$AITASKER_TEST_SMALL_DISK`` (not collected on its own: its name does not start with ``test_``).

Each scenario keeps its data in a folder of that small disk, fills the disk to the last byte after
the first save, types on, and quits as a person does: Ctrl+Q, or closing the window."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from tests.conftest import wait_until
from tests.disk import fill
from tests.ui.helpers import confirmation, open_window, parts, press
from tests.ui.test_reliability_window import press_ctrl_q

SMALL_DISK = "AITASKER_TEST_SMALL_DISK"
LONG = "Typed after the disk filled, a long paragraph that needs room on the disk. " * 700  # ~52 KB


@pytest.fixture
def small_disk(request: pytest.FixtureRequest) -> Iterator[Path]:
    """A folder of its own on the small disk; the disk is emptied of filler afterwards."""
    mount = os.environ.get(SMALL_DISK)
    assert mount, f"run through tests/ui/test_quit_unsaved.py, which sets ${SMALL_DISK}"
    folder = Path(mount) / request.node.name
    folder.mkdir()
    yield folder
    (Path(mount) / "filler").unlink(missing_ok=True)


async def type_until_the_disk_is_full(window, qtbot, folder: Path, title: str = "Before the disk filled") -> None:
    """A title saved while there is room; the disk filled; a long description that cannot be."""
    ui = parts(window)
    qtbot.keyClicks(ui.form.title, title)
    await wait_until(lambda: window.store.list_drafts() != [], timeout=5, what="the first autosave")
    fill(folder.parent / "filler")
    ui.form.description.setPlainText(LONG)
    await wait_until(lambda: ui.status.save_label.isVisible(), timeout=10, what="the not-saved state")
    assert ui.status.save_label.text() == "Not saved — disk full"


async def the_question(window, qtbot) -> None:
    await press_ctrl_q(window, qtbot)
    await wait_until(lambda: confirmation() is not None, what="the question at Quit")
    box = confirmation()
    assert box is not None and box.objectName() == "quitUnsaved"


async def test_keep_the_app_open_keeps_the_text_and_it_is_saved_once_there_is_room(qtbot, small_disk: Path) -> None:
    async with open_window(qtbot, None, None, small_disk, demo=False) as window:
        await type_until_the_disk_is_full(window, qtbot, small_disk)
        await the_question(window, qtbot)
        box = confirmation()
        assert box is not None and box.text() == "Your latest typing could not be saved."
        assert "no space left" in box.informativeText() and str(small_disk) in box.informativeText()
        labels = sorted(b.text().replace("&", "") for b in box.buttons())
        assert labels == ["Copy it", "Keep the app open", "Quit anyway"]
        press(box, "Keep the app open")
        await wait_until(lambda: confirmation() is None, what="the question to go")
        assert window.isVisible() and not window.closed.is_set()
        assert parts(window).form.description.toPlainText() == LONG

        (small_disk.parent / "filler").unlink()  # room again: the app saves it by itself
        label = parts(window).status.save_label
        await wait_until(lambda: not label.isVisible(), timeout=10, what="the save to work again")
        await press_ctrl_q(window, qtbot)  # nothing left unsaved: Quit quits, without a question
        await wait_until(lambda: window.closed.is_set(), what="the window to close")
        [saved] = window.store.list_drafts()
        assert saved.values["title"] == "Before the disk filled" and saved.values["description"] == LONG


async def test_copy_it_puts_the_whole_form_on_the_clipboard_and_keeps_the_app_open(qtbot, small_disk: Path) -> None:
    async with open_window(qtbot, None, None, small_disk, demo=False) as window:
        form = parts(window).form
        form.load_values(
            {
                "category": "graphics-design",
                "task_type": "logo-design",
                "budget_usd": 45,
                "experimentation": 0.3,
                "requirements": {"colours": ["warm brown", "cream"], "style": "hand-drawn"},
                "brand_kit_id": "bk_123",
            }
        )
        await type_until_the_disk_is_full(window, qtbot, small_disk, "Logo for my bakery")
        QApplication.clipboard().setText("something else")
        await the_question(window, qtbot)
        press(confirmation(), "Copy it")
        clipboard = QApplication.clipboard()
        await wait_until(lambda: clipboard.text() != "something else", what="the text on the clipboard")
        copied = clipboard.text()
        assert copied.startswith("What do you need: Logo for my bakery\n")
        for line in ("Category: Graphics & Design", "Budget: $45.00", "Experimentation: 0.30", "Brand kit ID: bk_123"):
            assert line in copied.splitlines(), copied[:400]
        assert "Description:\n" + LONG in copied
        assert '"colours": [\n    "warm brown",' in copied and '"style": "hand-drawn"' in copied
        # The app stays open (a clipboard may empty when the app that filled it quits) and says why.
        assert window.isVisible() and not window.closed.is_set()
        assert "on the clipboard" in parts(window).banner.text.text()

        qtbot.keyClicks(form.title, " (typed after copying)")  # more typing: asked again
        await the_question(window, qtbot)
        press(confirmation(), "Copy it")
        await wait_until(lambda: "(typed after copying)" in clipboard.text(), what="the new text on the clipboard")
        await press_ctrl_q(window, qtbot)  # copied as it is now: Quit quits
        await wait_until(lambda: window.closed.is_set(), what="the window to close")


async def test_quit_anyway_quits_and_the_last_saved_text_comes_back(qtbot, small_disk: Path) -> None:
    async with open_window(qtbot, None, None, small_disk, demo=False) as window:
        await type_until_the_disk_is_full(window, qtbot, small_disk)
        window.close()  # closing the window asks as Ctrl+Q does
        await wait_until(lambda: confirmation() is not None, what="the question at closing")
        assert confirmation().objectName() == "quitUnsaved"
        assert not window.closed.is_set()
        press(confirmation(), "Quit anyway")
        await wait_until(lambda: window.closed.is_set(), what="the window to close")
        assert not window.isVisible()
        [kept] = window.store.list_drafts()  # what was saved before the disk filled, no more
        assert kept.values["title"] == "Before the disk filled" and not kept.values.get("description")
