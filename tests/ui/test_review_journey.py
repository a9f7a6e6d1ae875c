"""The whole journey in the window, keyboard only: post, the task reaches review, "1 needs your review",
Ctrl+R opens its task window on the versions, Alt+C and Enter choose, the task moves on to delivering."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.sandbox import SandboxConfig, SandboxServer
from app.sandbox.service import BID_WINDOW_SECONDS, DEMO_API_KEY
from tests.conftest import FakeClock, wait_until
from tests.ui.helpers import cell, confirmation, open_window, parts, press, row_of, trigger, version_list
from ui.windows.review.window import ReviewWindow


def status_of(window, task_id: str) -> str:
    ui = parts(window)
    ui.tasks.select(task_id)
    return cell(window, ui.table.currentIndex().row(), "Status")


async def test_post_get_told_review_and_choose_with_the_keyboard(qtbot, tmp_path: Path) -> None:
    clock = FakeClock()
    with SandboxServer(SandboxConfig(seed=11, clock=clock)) as server:
        async with open_window(qtbot, server.url, DEMO_API_KEY, tmp_path) as window:
            ui = parts(window)
            form = ui.form
            qtbot.keyClicks(form.title, "Logo for my bakery")
            form.category.setCurrentIndex(form.category.findData("graphics-design"))
            form.task_type.setCurrentIndex(form.task_type.findData("logo-design"))
            qtbot.keyClick(form.title, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
            await wait_until(lambda: confirmation() is not None, what="the question")
            press(confirmation(), "Post task")
            await wait_until(lambda: len(server.app.state.tasks) == 1 and ui.model.rowCount() == 1, what="the row")
            [task_id] = server.app.state.tasks
            assert not ui.status.review_button.isVisible()

            clock.now += BID_WINDOW_SECONDS + 1  # agents finished their first versions
            window.activateWindow()  # F5 is the window's shortcut: it works in the active window, as for a user
            await wait_until(lambda: QApplication.activeWindow() is window, what="the window to be active")
            qtbot.keyClick(ui.table, Qt.Key.Key_F5)
            await wait_until(lambda: window.reviews.waiting == 1, what="the task to wait for review")
            assert status_of(window, task_id).endswith("Ready for your review")
            assert ui.status.review_button.isVisible() and ui.status.review_button.text() == "1 needs your review"
            assert window.reviews.alerts.shown(task_id, "review")  # the notification was due (and given where possible)

            ui.table.clearSelection()
            window.activateWindow()
            await wait_until(lambda: QApplication.activeWindow() is window, what="the window to be active")
            qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
            await wait_until(lambda: task_id in window.reviews.windows, what="Ctrl+R to open the review")
            review: ReviewWindow = window.reviews.windows[task_id]
            await wait_until(
                lambda: version_list(review).count() >= 2 and review.operations is not None, what="the versions"
            )
            await wait_until(
                lambda: all(
                    not version_list(review).item(r).icon().isNull() for r in range(version_list(review).count())
                ),
                what="their pictures",
            )
            names = [version_list(review).item(r).text().split(" · ")[0] for r in range(version_list(review).count())]
            assert all(names) and len(set(names)) == len(names)

            # The table refreshing meanwhile does not disturb the review.
            qtbot.keyClick(version_list(review), Qt.Key.Key_Down)
            picked = review.current_bid()
            trigger(window, "refreshAction")  # View → Refresh now (F5)
            await wait_until(lambda: window.reviews.waiting == 1, what="a refresh round")
            assert review.current_bid() == picked and review.isVisible()

            review.activateWindow()
            qtbot.keyClick(review, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
            await wait_until(lambda: confirmation() is not None, what="the question")
            box = confirmation()
            assert (
                box is not None
                and picked is not None
                and box.text().startswith(f"Choose {picked.possessive()} version for $")
            )
            qtbot.keyClick(box, Qt.Key.Key_Return)
            await wait_until(
                lambda: any(b["selected"] for b in server.app.state.tasks[task_id].body["_bids"]), what="the choice"
            )
            assert [b["id"] for b in server.app.state.tasks[task_id].body["_bids"] if b["selected"]] == [picked.id]
            await wait_until(
                lambda: status_of(window, task_id).endswith("Final version in progress"), what="the row to follow"
            )
            assert window.reviews.waiting == 0 and not ui.status.review_button.isVisible()
            review.close()


async def test_enter_on_a_row_opens_its_task_window_and_the_review_is_its_versions(qtbot, tmp_path: Path) -> None:
    clock = FakeClock()
    with SandboxServer(SandboxConfig(seed=12, clock=clock)) as server:
        from app.api.client import TasksClient
        from app.api.schema import TaskDraft

        async with TasksClient(server.url, DEMO_API_KEY) as client:
            early = await client.create_task(
                TaskDraft(category="data", task_type="data-analysis", budget_usd=9, title="Early")
            )
            clock.now += BID_WINDOW_SECONDS + 1
            later = await client.create_task(
                TaskDraft(category="data", task_type="data-analysis", budget_usd=9, title="Later")
            )
        async with open_window(qtbot, server.url, DEMO_API_KEY, tmp_path) as window:
            ui = parts(window)
            windows = window.task_windows
            for task_id in (early.id, later.id):
                ui.add_by_id.setText(task_id)
                ui.add_button.click()
                await wait_until(
                    lambda task_id=task_id: ui.model.row_of(task_id) is not None and ui.add_button.text() == "Add",  # type: ignore[misc]  # mypy#15459: a lambda's default argument (the loop's value)
                    what="the added task (and the Add button back)",
                )
            ui.tasks.select(later.id)  # still being worked on: Enter opens its window, without a review
            qtbot.keyClick(ui.table, Qt.Key.Key_Return)
            await wait_until(lambda: later.id in windows.windows, what="the task window")
            assert windows.windows[later.id].windowTitle() == "Later"
            assert window.reviews.waiting == 1  # only the task in review waits for the person
            windows.windows[later.id].close()
            await wait_until(lambda: later.id not in windows.windows, what="the window to close")
            assert later.id not in window.reviews.windows  # its versions part went with it
            # Right-click: the menu offers the review only for a task that has one.
            later_rect = ui.table.visualRect(ui.proxy.mapFromSource(ui.model.index(row_of(ui.model, later.id), 0)))
            ui.table.customContextMenuRequested.emit(later_rect.center())
            menu = ui.tasks.context_menu
            assert menu is not None and menu.isVisible()
            open_review = next(a for a in menu.actions() if a.text() == "Open the &review")
            assert not open_review.isEnabled()
            menu.close()
            early_rect = ui.table.visualRect(ui.proxy.mapFromSource(ui.model.index(row_of(ui.model, early.id), 0)))
            ui.table.customContextMenuRequested.emit(early_rect.center())
            open_review = next(a for a in ui.tasks.context_menu.actions() if a.text() == "Open the &review")
            assert open_review.isEnabled()
            open_review.trigger()
            ui.tasks.context_menu.close()  # as a click on the item does
            await wait_until(lambda: early.id in windows.windows, what="the task window from the menu")
            task_window = windows.windows[early.id]
            assert task_window.tabs.currentWidget() is task_window.versions_page  # the review is its Versions
            await wait_until(lambda: early.id in window.reviews.windows, what="the review in it")
            review = window.reviews.windows[early.id]
            assert review.window() is task_window
            task_window.close()
            await wait_until(lambda: early.id not in window.reviews.windows, what="the review to close with it")

            # A double-click on the row, and the "1 needs your review" button, open it too.
            early_rect = ui.table.visualRect(ui.proxy.mapFromSource(ui.model.index(row_of(ui.model, early.id), 0)))
            qtbot.mouseClick(ui.table.viewport(), Qt.MouseButton.LeftButton, pos=early_rect.center())  # QTest's
            qtbot.mouseDClick(ui.table.viewport(), Qt.MouseButton.LeftButton, pos=early_rect.center())  # double-click
            await wait_until(lambda: early.id in windows.windows, what="the task window from a double-click")
            windows.windows[early.id].close()
            await wait_until(lambda: early.id not in windows.windows, what="the window to close")
            assert ui.status.review_button.text() == "1 needs your review"
            ui.status.review_button.click()
            await wait_until(lambda: early.id in windows.windows, what="the task window from the status bar")
            windows.windows[early.id].close()
            await wait_until(lambda: early.id not in windows.windows, what="the window to close")

            ui.tasks.select(early.id)
            qtbot.keyClick(ui.table, Qt.Key.Key_Return)
            await wait_until(lambda: early.id in windows.windows, what="the task window")
            first = windows.windows[early.id]
            assert first.isVisible() and first.windowTitle() == "Early"
            assert QApplication.activeModalWidget() is None  # not modal: the main window stays usable
            window.activateWindow()
            ui.table.setFocus()
            qtbot.keyClick(ui.table, Qt.Key.Key_Return)  # a second Enter: the same window, not another
            assert windows.windows[early.id] is first and len(windows.windows) == 1
