"""The task window against a real sandbox: opened from the table with the keyboard (and reused),
its parts showing what the sandbox says (the steps and their times, the versions with the chosen
one, the final work's picture, text and files with their sizes, the money that moved), a closer
look at the picture, Post again, and what a screen reader meets."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QMainWindow

from app.sandbox import SandboxConfig, SandboxServer
from app.sandbox.service import DEMO_API_KEY
from tests.conftest import FakeClock, wait_until
from tests.ui.accessibility import accessible_name, unnamed
from tests.ui.helpers import open_window, parts, version_list
from tests.ui.task_sandbox import add_to_table, api, delivered, read
from ui.i18n import data_size, money, short_when
from ui.windows.task.window import TaskWindow

CONTRACT_BUTTONS = [
    "Save all",
    "Approve and pay…",
    "Ask for changes…",
    "Report a problem…",
    "Cancel task…",
    "Post again",
]


def moment(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


async def open_with_enter(window, task_id: str, qtbot) -> TaskWindow:
    """The row chosen with the arrow keys, then Enter: the task's window."""
    ui = parts(window)
    window.activateWindow()
    await wait_until(lambda: QApplication.activeWindow() is window, what="the main window active")
    ui.table.setFocus()
    qtbot.keyClick(ui.table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)  # the first row
    for _ in range(ui.proxy.rowCount()):
        current = ui.tasks.current_task()
        if current is not None and current.id == task_id:
            break
        qtbot.keyClick(ui.table, Qt.Key.Key_Down)
    current = ui.tasks.current_task()
    assert current is not None and current.id == task_id, "the row is not reached with the arrow keys"
    qtbot.keyClick(ui.table, Qt.Key.Key_Return)
    await wait_until(lambda: task_id in window.task_windows.windows, what="the task window")
    return window.task_windows.windows[task_id]


async def test_enter_opens_the_task_window_and_its_parts_say_what_the_sandbox_says(qtbot, tmp_path: Path) -> None:
    clock = FakeClock()
    with SandboxServer(SandboxConfig(seed=21, clock=clock, question_share=0.0)) as server:
        task_id, bid = await delivered(server, clock)
        async with open_window(qtbot, server.url, DEMO_API_KEY, tmp_path) as window:
            await add_to_table(window, task_id)
            task_window = await open_with_enter(window, task_id, qtbot)
            assert isinstance(task_window, QMainWindow)  # announced as a window, not a filler
            assert QAccessible.queryAccessibleInterface(task_window).role() == QAccessible.Role.Window
            assert task_window.windowTitle() == "Logo for my bakery"
            assert task_window.isVisible() and QApplication.activeModalWidget() is None

            # A second Enter on the row: the same window, brought to the front.
            window.activateWindow()
            parts(window).table.setFocus()
            qtbot.keyClick(parts(window).table, Qt.Key.Key_Return)
            assert window.task_windows.windows == {task_id: task_window}

            # The final work: every item with its name, kind and size; the picture, the text.
            sent = await read(server, f"/api/v1/tasks/{task_id}/delivery")
            final = task_window.final_work
            assert task_window.tabs.currentWidget() is final  # delivered: the final work first
            await wait_until(lambda: final.list.count() == len(sent["artifacts"]), what="the items")
            for row, item in enumerate(sent["artifacts"]):
                line = final.list.item(row).text()
                assert item["name"] in line and data_size(item["size_bytes"]) in line, line
            assert "Picture (PNG)" in final.list.item(0).text() and "PDF document" in final.list.item(2).text()
            await wait_until(lambda: not final.list.item(0).icon().isNull(), what="the picture")
            assert final.view.zoom > 0 and final.picture_state.isHidden()
            text_row = next(i for i, item in enumerate(sent["artifacts"]) if item["type"] == "text")
            final.list.setCurrentRow(text_row)
            assert final.text.toPlainText() == sent["artifacts"][text_row]["content"]
            assert final.text.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard
            assert "Nova" in final.about.text() or sent["agent_name"] in final.about.text()

            # Progress: every step of the sandbox's history, with its time, the current one last.
            task_now = await read(server, f"/api/v1/tasks/{task_id}")
            steps = [task_window.progress.steps.item(r).text() for r in range(task_window.progress.steps.count())]
            assert len(steps) == len(task_now["history"])
            for line, step in zip(steps, task_now["history"], strict=True):
                assert short_when(moment(step["at"])) in line, (line, step)
            assert steps[-1].startswith("▶ Final work ready") and steps[-1].endswith("(now)")
            assert "You chose a version" in steps[-2]
            assert short_when(moment(task_now["expires_at"])) in task_window.progress.next.text()

            # The versions: the review, embedded, with the chosen version marked.
            gallery = await read(server, f"/api/v1/tasks/{task_id}/bids")
            presented = [b for b in gallery["bids"] if b["presented"]]
            await wait_until(lambda: version_list(task_window).count() == len(presented), what="the versions")
            marked = [
                r
                for r in range(version_list(task_window).count())
                if "Chosen" in version_list(task_window).item(r).text()
            ]
            assert len(marked) == 1

            # Money: the chosen price now; what was paid and what came back once the sandbox says so.
            assert task_window.money.price.text() == money(bid["bid_price_usd"])
            assert task_window.money.paid.text() == "Nothing yet"
            async with api(server) as client:
                assert (await client.post(f"/api/v1/tasks/{task_id}/approve")).status_code == 200
            task_window.activateWindow()
            qtbot.keyClick(task_window, Qt.Key.Key_F5)
            await wait_until(lambda: task_window.task.status == "completed", what="the approval to show")
            completed = await read(server, f"/api/v1/tasks/{task_id}")
            assert task_window.money.paid.text().startswith(money(completed["paid_usd"]))
            assert task_window.money.refunded.text().startswith(money(completed["refunded_usd"]))
            assert "You approved the work." in task_window.status_line.text()
            assert (
                task_window.progress.steps.item(task_window.progress.steps.count() - 1)
                .text()
                .startswith("▶ You approved the work")
            )


async def test_a_closer_look_decodes_the_full_picture_only_while_it_is_shown(qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QWidget

    from app.api.client import TasksClient
    from tests.ui.big_delivery import KEY, TASK_ID, heavy_server, task_windows

    with heavy_server(versions=2, pictures=2) as heavy:
        async with TasksClient(heavy.url, KEY) as client:
            parent = QWidget()
            qtbot.addWidget(parent)
            windows = task_windows(parent, client, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
            task_window = windows.open(await client.get_task(TASK_ID))
            final = task_window.final_work
            await wait_until(lambda: final.list.count() == 3 and not final.list.item(0).icon().isNull(), what="a photo")
            view = final.view
            assert view.fitted and view.zoom < 0.3 and not view.holds_sharper()  # 4000×3000 fitted
            view.setFocus()
            qtbot.keyClick(view, Qt.Key.Key_1)  # 100 %
            assert view.zoom == 1 and not view.fitted
            await wait_until(view.holds_sharper, what="the photo decoded at its own size")
            qtbot.keyClick(view, Qt.Key.Key_Minus)
            assert view.zoom < 1 and view.holds_sharper()
            qtbot.keyClick(view, Qt.Key.Key_0)  # fit again: the full-size copy is let go
            assert view.fitted and not view.holds_sharper()
            final.actual_button.click()
            await wait_until(view.holds_sharper, what="the full-size copy again")
            final.list.setCurrentRow(2)  # the text: the photo's copies are let go
            assert not view.holds_sharper()
            assert windows._reviews.pictures.cache.bytes <= windows._reviews.pictures.cache.max_bytes
            await windows.shutdown()


async def test_post_again_fills_the_form_as_a_new_draft_and_posts_nothing(qtbot, tmp_path: Path) -> None:
    clock = FakeClock()
    with SandboxServer(SandboxConfig(seed=23, clock=clock, question_share=0.0)) as server:
        task_id, _ = await delivered(server, clock, title="Flyer for the bakery's opening", budget_usd=25.0)
        async with open_window(qtbot, server.url, DEMO_API_KEY, tmp_path) as window:
            await add_to_table(window, task_id)
            task_window = await open_with_enter(window, task_id, qtbot)
            again = task_window.buttons["post_again"]
            assert accessible_name(again) == "Post again" and again.isEnabled()
            task_window.activateWindow()
            await wait_until(lambda: QApplication.activeWindow() is task_window, what="the task window active")
            again.setFocus()  # Tab to it…
            await wait_until(lambda: QApplication.focusWidget() is again, what="Post again focused")
            qtbot.keyClick(again, Qt.Key.Key_Return)  # … and Enter presses it, as Space does
            form = parts(window).form
            await wait_until(lambda: form.title.text() == "Flyer for the bakery's opening", what="the form filled")
            values = form.raw_values()
            assert values["category"] == "graphics-design" and values["task_type"] == "logo-design"
            assert values["budget_usd"] == 25.0 and "loaf of bread" in values["description"]
            assert len(server.app.state.tasks) == 1  # nothing posted


async def test_a_screen_reader_meets_named_controls_and_the_contract_names(qtbot, tmp_path: Path) -> None:
    clock = FakeClock()
    with SandboxServer(SandboxConfig(seed=24, clock=clock, question_share=0.0)) as server:
        task_id, _ = await delivered(server, clock)
        async with open_window(qtbot, server.url, DEMO_API_KEY, tmp_path) as window:
            await add_to_table(window, task_id)
            task_window = await open_with_enter(window, task_id, qtbot)
            await wait_until(lambda: task_window.final_work.list.count() > 0, what="the final work")
            names = [accessible_name(b) for b in task_window.buttons.values()]
            for name in CONTRACT_BUTTONS:
                assert name in names, name
            for index in range(task_window.tabs.count()):
                task_window.tabs.setCurrentIndex(index)
                assert unnamed(task_window) == [], task_window.tabs.tabText(index)
            # After an action, the focus stays on something that can be pressed.
            approve = task_window.buttons["approve"]
            approve.setFocus()
            task_window.set_available({"approve": "Waiting for AITasker's answer…"})
            focus = QApplication.focusWidget()
            assert focus is not None and focus.window() is task_window and focus.isEnabled()
