"""Nothing moves under the pointer: while the title is typed (a suggestion coming and going, a
message appearing and clearing), Post task and the fields below stay where the pointer aims."""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QWidget

from app.sandbox import SandboxServer
from app.sandbox.service import DEMO_API_KEY
from tests.ui.helpers import open_window, parts


async def settle() -> None:
    """Let Qt carry out the layout changes a keystroke asked for (posted LayoutRequest events): a
    few turns of the running loop (no nested processEvents inside a coroutine)."""
    for _ in range(3):
        await asyncio.sleep(0)


def point_at(widget: QWidget) -> None:
    """The pointer over the middle of ``widget``."""
    QCursor.setPos(widget.mapToGlobal(widget.rect().center()))


def under_pointer(window: QWidget) -> QWidget | None:
    return window.childAt(window.mapFromGlobal(QCursor.pos()))


async def test_post_task_and_the_fields_stay_put_while_the_title_is_typed(
    qtbot, tmp_path: Path, sandbox: SandboxServer
) -> None:
    async with open_window(qtbot, sandbox.url, DEMO_API_KEY, tmp_path) as window:
        window.resize(1024, 600)
        form = parts(window).form
        post = form.send_button
        await settle()
        point_at(post)
        assert under_pointer(window) is post
        watched = {"Post task": post, "Describe it": form.description, "Category": form.category}
        watched |= {"Task type": form.task_type, "Budget": form.budget, "Experimentation": form.experimentation}

        async def where() -> dict[str, QPoint]:
            await settle()
            return {name: widget.mapTo(window, QPoint(0, 0)) for name, widget in watched.items()}

        before = await where()
        suggested = False
        for letter in "Logo for my bakery":
            qtbot.keyClicks(form.title, letter)
            assert await where() == before, f"moved after typing {form.title.text()!r}"
            suggested = suggested or form.suggestion.isVisible()
        assert suggested and form.suggestion.isVisible()  # it came: "Looks like … — Use it"
        for _ in range(len("Logo for my bakery")):
            qtbot.keyClick(form.title, Qt.Key.Key_Backspace)
            assert await where() == before, f"moved after erasing to {form.title.text()!r}"
        assert not form.suggestion.isVisible()  # and went again

        # Messages: the person tried to post (the choices are missing), then a server's word on the
        # title; each appears and clears where a line was kept for it.
        form.mark_send_attempted()
        assert await where() == before and form.send_hint.isVisible() and "Category" in form.send_hint.text()
        form.show_errors({"title": ["AITasker did not accept this title."]})
        assert await where() == before and "did not accept" in form.findChild(QWidget, "error_title").text()
        qtbot.keyClicks(form.title, "Logo for my bakery")  # editing the title clears its message
        assert await where() == before and form.findChild(QWidget, "error_title").isHidden()
        qtbot.mouseClick(form.suggestion.use, Qt.MouseButton.LeftButton)  # the choices made: messages go
        assert form.findChild(QWidget, "error_category").isHidden()
        assert await where() == before
        point_at(form.send_button)
        assert under_pointer(window) is form.send_button and form.send_button.isEnabled()
