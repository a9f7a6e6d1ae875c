"""Issue 21's journeys through the task window itself, against the sandbox, with the keyboard: the
final work saved and approved (the window then shows what was paid), changes asked for with a
sentence and a second delivery shown, a task in review cancelled, and the agent's question answered."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.sandbox import SandboxConfig, SandboxServer
from app.sandbox.config import BID_WINDOW_SECONDS
from app.sandbox.service import DEMO_API_KEY
from tests.conftest import FakeClock, wait_until
from tests.ui.helpers import cell, confirmation, open_window, parts
from tests.ui.task_helpers import text_question
from tests.ui.task_sandbox import add_to_table, delivered, posted, read
from tests.ui.test_task_window import open_with_enter
from ui.i18n import money
from ui.windows.task.window import TaskWindow


def status_in_table(window, task_id: str) -> str:
    ui = parts(window)
    ui.tasks.select(task_id)
    return cell(window, ui.table.currentIndex().row(), "Status")


async def press(qtbot, task_window: TaskWindow, key: Qt.Key) -> None:
    """Alt + the button's mnemonic, in the task window, as a person presses it."""
    task_window.activateWindow()
    await wait_until(lambda: QApplication.activeWindow() is task_window, what="the task window active")
    qtbot.keyClick(task_window, key, Qt.KeyboardModifier.AltModifier)


async def test_save_approve_change_cancel_through_the_window(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DOWNLOAD_DIR", str(tmp_path / "Downloads"))
    clock = FakeClock()
    with SandboxServer(SandboxConfig(seed=61, clock=clock, question_share=0.0)) as server:
        first, _ = await delivered(server, clock)
        second, _ = await delivered(server, clock, title="Menu card")
        third = (await posted(server, title="Flyer for the fair"))["id"]
        clock.now += BID_WINDOW_SECONDS + 1  # the third is in review
        async with open_window(qtbot, server.url, DEMO_API_KEY, tmp_path) as window:
            for task_id in (first, second, third):
                await add_to_table(window, task_id)

            # 1. Save all, then Approve and pay… + Enter: the sandbox says completed, the window shows the money.
            task_window = await open_with_enter(window, first, qtbot)
            await wait_until(lambda: task_window.buttons["approve"].isEnabled(), what="Approve offered")
            await wait_until(lambda: task_window.buttons["save"].isEnabled(), what="the final work in")
            await press(qtbot, task_window, Qt.Key.Key_S)  # Save all
            await wait_until(lambda: task_window.save_bar.open_button.isVisible(), timeout=30, what="saved")
            assert len(list((tmp_path / "Downloads" / "Logo for my bakery").iterdir())) == 4
            await press(qtbot, task_window, Qt.Key.Key_A)  # Approve and pay…
            await wait_until(lambda: confirmation() is not None, what="the question")
            box = confirmation()
            assert box is not None and box.text().startswith("Approve and pay $")
            qtbot.keyClick(box, Qt.Key.Key_Return)
            await wait_until(lambda: task_window.task.status == "completed", timeout=20, what="the window to follow")
            paid = (await read(server, f"/api/v1/tasks/{first}"))["paid_usd"]
            assert server.app.state.tasks[first].life.approved_by == "buyer"
            assert task_window.money.paid.text().startswith(money(paid))
            assert "You approved the work." in task_window.status_line.text()
            assert not task_window.buttons["approve"].isEnabled()  # nothing more to approve
            focus = task_window.focusWidget()  # where the keyboard is when the window is active again
            assert focus is not None and focus.isEnabled() and focus.isVisible()
            task_window.close()

            # 2. Ask for changes… with a sentence: the sandbox records it; the second delivery is shown.
            task_window = await open_with_enter(window, second, qtbot)
            await wait_until(lambda: task_window.buttons["changes"].isEnabled(), what="changes offered")
            await press(qtbot, task_window, Qt.Key.Key_H)  # Ask for changes…
            await wait_until(lambda: text_question() is not None, what="the question with a text box")
            dialog = text_question()
            assert dialog is not None
            qtbot.keyClicks(dialog.box, "Warmer colours, please.")
            dialog.yes.click()
            await wait_until(lambda: task_window.task.status == "delivering", timeout=20, what="back to work")
            assert server.app.state.tasks[second].life.revision_requests[0][0] == "Warmer colours, please."
            clock.now += server.config.revision_seconds + 1
            qtbot.keyClick(task_window, Qt.Key.Key_F5)
            final = task_window.final_work
            await wait_until(lambda: "delivery 2" in final.about.text(), timeout=20, what="the second delivery")
            assert "Warmer colours" in final.about.text()
            task_window.close()

            # 3. A task in review: Cancel task… + Enter; the sandbox and the table say cancelled.
            task_window = await open_with_enter(window, third, qtbot)
            await wait_until(lambda: task_window.buttons["cancel"].isEnabled(), what="Cancel offered")
            await press(qtbot, task_window, Qt.Key.Key_K)  # Cancel task…
            await wait_until(lambda: confirmation() is not None, what="the question")
            box = confirmation()
            assert box is not None  # yes and no in words that cannot be mixed up (not "Cancel task" / "Cancel")
            assert sorted(b.text().replace("&", "") for b in box.buttons()) == ["Cancel task", "Keep the task"]
            qtbot.keyClick(confirmation(), Qt.Key.Key_Return)
            await wait_until(lambda: task_window.task.status == "cancelled", timeout=20, what="cancelled")
            assert (await read(server, f"/api/v1/tasks/{third}"))["status"] == "cancelled"
            await wait_until(lambda: status_in_table(window, third).endswith("Cancelled"), what="the table")


async def test_the_agents_question_is_answered_from_the_window(qtbot, tmp_path: Path) -> None:
    clock = FakeClock()
    with SandboxServer(SandboxConfig(seed=62, clock=clock, question_share=1.0)) as server:
        task = await posted(server, title="Poster for the summer fair")
        clock.now += BID_WINDOW_SECONDS + 1
        from tests.ui.task_sandbox import api

        async with api(server) as http:
            bids = (await http.get(f"/api/v1/tasks/{task['id']}/bids")).json()["bids"]
            bid = next(b for b in bids if b["presented"])
            await http.post(f"/api/v1/tasks/{task['id']}/select-bid", json={"bid_id": bid["id"]})
        clock.now += server.config.delivery_seconds / 2 + 1  # halfway: the agent asks
        async with open_window(qtbot, server.url, DEMO_API_KEY, tmp_path) as window:
            await add_to_table(window, task["id"])
            task_window = await open_with_enter(window, task["id"], qtbot)
            asked = (await read(server, f"/api/v1/tasks/{task['id']}"))["input_request"]["question"]
            assert task_window.question.isVisible() and asked in task_window.question.text()
            assert task_window.buttons["answer"].isVisible()
            await wait_until(lambda: task_window.buttons["answer"].isEnabled(), what="Answer offered")
            await press(qtbot, task_window, Qt.Key.Key_N)  # Answer…
            await wait_until(lambda: text_question() is not None, what="the question with a text box")
            dialog = text_question()
            assert dialog is not None
            qtbot.keyClicks(dialog.box, "The colours of the version I chose.")
            dialog.yes.click()
            await wait_until(lambda: task_window.task.status == "delivering", timeout=20, what="the answer taken")
            answered = (await read(server, f"/api/v1/tasks/{task['id']}"))["input_request"]
            assert answered["answer"] == "The colours of the version I chose." and answered["state"] == "answered"
            assert not task_window.question.isVisible() and not task_window.buttons["answer"].isVisible()
