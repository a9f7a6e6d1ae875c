"""Issue 12 through the real window (pytest-qt), the real sandbox and a real SQLite file: the
take-out race, delete during send, new text after an unclear send, a disk that fills while typing,
and Ctrl+Q while a task is being sent."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.sandbox import SandboxConfig, SandboxServer
from app.sandbox.service import DEMO_API_KEY
from app.store.drafts_table import DRAFT, SENDING, UNKNOWN, WAITING
from tests.conftest import free_port, wait_until
from tests.ui.helpers import choose_draft, confirmation, open_window, parts, press


def fill(window, qtbot, title: str) -> None:
    ui = parts(window)
    ui.form.title.clear()
    qtbot.keyClicks(ui.form.title, title)
    ui.form.category.setCurrentIndex(ui.form.category.findData("data"))
    ui.form.task_type.setCurrentIndex(0)


async def send_and_confirm(window, qtbot) -> str:
    """Press Send, answer "Post task"; returns the confirmation's text."""
    qtbot.mouseClick(parts(window).form.send_button, Qt.MouseButton.LeftButton)
    await wait_until(lambda: confirmation() is not None, what="the confirmation")
    box = confirmation()
    text = box.text()
    press(box, "Post task")
    return text


async def press_ctrl_q(window, qtbot) -> None:
    """Ctrl+Q as a person presses it: to whatever has the keyboard focus in the active window (while
    sending, the form's fields are disabled and nothing has it)."""
    window.windowHandle().requestActivate()
    await wait_until(lambda: window.isActiveWindow(), what="the window to be active")
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)


def posted_titles(server: SandboxServer) -> list[str]:
    return [t.body["title"] for t in sorted(server.app.state.tasks.values(), key=lambda t: t.created)]


async def queue_offline(window, qtbot, *titles: str) -> dict[str, str]:
    """Send each title while nothing listens: each waits in the outbox. Title -> draft id."""
    ids = {}
    for title in titles:
        fill(window, qtbot, title)
        await send_and_confirm(window, qtbot)
        await wait_until(
            lambda t=title: (  # type: ignore[misc]  # mypy#15459: a lambda's default argument (the loop's value)
                any(d.title == t and d.state == WAITING for d in window.store.list_drafts())
                and "No connection" in parts(window).banner.text.text()
                and not parts(window).cancel_button.isVisible()  # the send ended
            ),
            what=f"{title} to wait in the outbox",
        )
        ids[title] = next(d.id for d in window.store.list_drafts() if d.title == title)
    return ids


async def test_taken_out_while_the_outbox_sends_is_not_posted_and_keeps_its_edits(qtbot, tmp_path: Path) -> None:
    port = free_port()
    async with open_window(qtbot, f"http://127.0.0.1:{port}", DEMO_API_KEY, tmp_path) as window:
        ui = parts(window)
        window.session.client._retry_base_delay = 0.001
        ids = await queue_offline(window, qtbot, "first", "second", "third")
        with SandboxServer(SandboxConfig(), port=port) as server:
            server.config.faults.latency = 1.0  # the server comes back slowly
            window.session.outbox.network_may_be_back()
            await wait_until(
                lambda: window.store.get_draft(ids["first"]).state == SENDING,
                timeout=20,
                what="the first to be on its way",
            )
            choose_draft(window, ids["second"], then="open")  # "Take out of outbox" by opening it to edit
            assert "Taken out of the outbox" in ui.banner.text.text()
            qtbot.keyClicks(ui.form.title, ", edited")
            await wait_until(
                lambda: window.store.get_draft(ids["first"]) is None, timeout=20, what="the first to be posted"
            )
            window.session.outbox.network_may_be_back()
            # Oldest first: once the third has landed, a late send of the second would have too.
            await wait_until(
                lambda: window.store.get_draft(ids["third"]) is None, timeout=20, what="the third to be posted"
            )
            assert posted_titles(server) == ["first", "third"]
            second = window.store.get_draft(ids["second"])
            assert second is not None and second.state == DRAFT
            await wait_until(
                lambda: window.store.get_draft(ids["second"]).title == "second, edited",
                what="the edit to be saved",
            )
            assert ui.form.title.text() == "second, edited" and window.draft_service.current_id == ids["second"]


async def test_deleting_a_waiting_draft_while_the_outbox_sends_keeps_the_outbox_going(qtbot, tmp_path: Path) -> None:
    port = free_port()
    async with open_window(qtbot, f"http://127.0.0.1:{port}", DEMO_API_KEY, tmp_path) as window:
        ui = parts(window)
        window.session.client._retry_base_delay = 0.001
        ids = await queue_offline(window, qtbot, "first", "second", "third")
        with SandboxServer(SandboxConfig(), port=port) as server:
            server.config.faults.latency = 0.8
            window.session.outbox.network_may_be_back()
            await wait_until(
                lambda: window.store.get_draft(ids["first"]).state == SENDING,
                timeout=20,
                what="the first to be on its way",
            )
            choose_draft(window, ids["second"], then="delete")
            assert "Deleted “second”" in ui.banner.text.text()
            await wait_until(
                lambda: window.store.get_draft(ids["third"]) is None, timeout=30, what="the third to be posted"
            )
            assert posted_titles(server) == ["first", "third"]
            assert ui.outbox_label.text() == ""


async def test_new_text_after_an_unclear_send_is_posted_and_the_earlier_attempt_stays(qtbot, tmp_path: Path) -> None:
    with SandboxServer(SandboxConfig()) as server:
        async with open_window(qtbot, server.url, DEMO_API_KEY, tmp_path) as window:
            ui = parts(window)
            fill(window, qtbot, "Logo for my bakery")
            ui.form.budget.setValue(45)
            server.config.faults.drop_rate = 1.0  # it is made, then the connection drops: unclear
            await send_and_confirm(window, qtbot)
            await wait_until(
                lambda: (
                    any(d.state == UNKNOWN for d in window.store.list_drafts())
                    and not ui.cancel_button.isVisible()  # the send ended
                    and ui.form.title.isEnabled()
                ),
                what="the unclear send",
            )
            server.config.faults.drop_rate = 0.0
            earlier_id = window.draft_service.current_id
            assert ui.form.title.text() == "Logo for my bakery"  # still in the form

            fill(window, qtbot, "Blog post about cats")
            ui.form.budget.setValue(50)
            await wait_until(lambda: window.draft_service.current_id != earlier_id, timeout=3, what="the autosave")
            assert "may already be posted" in ui.banner.text.text()

            question = await send_and_confirm(window, qtbot)
            assert "Blog post about cats" in question and "earlier version" in question
            assert "may already be posted" in question
            await wait_until(
                lambda: "Posted “Blog post about cats”" in ui.banner.text.text(),
                timeout=20,
                what="the new text to be posted",
            )
            assert posted_titles(server) == ["Logo for my bakery", "Blog post about cats"]
            [posted_cats] = [t for t in server.app.state.tasks.values() if t.body["title"] == "Blog post about cats"]
            assert posted_cats.body["budget_usd"] == 50
            earlier = window.store.get_draft(earlier_id)
            assert earlier is not None and earlier.state == UNKNOWN and earlier.title == "Logo for my bakery"
            assert [d.title for d in window.store.list_drafts()] == ["Logo for my bakery"]


async def test_a_disk_that_fills_while_typing_shows_not_saved_then_saves_when_space_returns(
    qtbot, tmp_path: Path
) -> None:
    async with open_window(qtbot, None, None, tmp_path, demo=False) as window:
        ui = parts(window)
        qtbot.keyClicks(ui.form.title, "Before the disk filled")
        await wait_until(lambda: window.store.list_drafts() != [], timeout=3, what="the first autosave")
        db = window.store._db
        db.execute(f"PRAGMA max_page_count = {db.execute('PRAGMA page_count').fetchone()[0]}")  # SQLite: full

        long_text = "A long description typed on a full disk. " * 110
        ui.form.description.setPlainText(long_text)
        label = ui.status.save_label
        await wait_until(lambda: label.isVisible(), timeout=5, what="the not-saved state")
        assert label.text() == "Not saved — disk full" and "space" in label.toolTip()
        qtbot.keyClicks(ui.form.title, ", still typing")  # typing goes on in the window
        assert ui.form.title.text() == "Before the disk filled, still typing"
        [kept] = window.store.list_drafts()
        assert kept.values["title"] == "Before the disk filled" and not kept.values.get("description")

        db.execute("PRAGMA max_page_count = 1000000")  # space freed
        await wait_until(lambda: not label.isVisible(), timeout=10, what="the not-saved state to clear")
        [saved] = window.store.list_drafts()
        assert saved.values["title"] == "Before the disk filled, still typing"
        assert saved.values["description"] == long_text

        db.execute(f"PRAGMA max_page_count = {db.execute('PRAGMA page_count').fetchone()[0]}")
        ui.form.description.setPlainText(long_text * 2)
        await wait_until(lambda: label.isVisible(), timeout=5, what="the not-saved state again")
        window.close()  # Quit on a full disk with typing not saved: asked first (tests/ui/test_quit_unsaved.py)
        await wait_until(lambda: confirmation() is not None, what="the question at Quit")
        press(confirmation(), "Quit anyway")  # then the window closes, the app is not left running
        await wait_until(lambda: window.closed.is_set(), what="the window to close")
        assert window.closed.is_set() and not window.isVisible()


async def test_ctrl_q_while_sending_asks_and_quit_now_leaves_it_not_sure(qtbot, tmp_path: Path) -> None:
    with SandboxServer(SandboxConfig()) as server:
        async with open_window(qtbot, server.url, DEMO_API_KEY, tmp_path) as window:
            server.config.faults.latency = 3.0
            fill(window, qtbot, "Slow to send")
            await send_and_confirm(window, qtbot)
            await wait_until(lambda: parts(window).cancel_button.isVisible(), what="the send to start")
            draft_id = window.draft_service.current_id
            await press_ctrl_q(window, qtbot)
            await wait_until(lambda: confirmation() is not None, what="the quit question")
            assert confirmation().objectName() == "quitWhileSending"
            assert "Not sure it was sent" in confirmation().informativeText()
            press(confirmation(), "Quit now")
            await wait_until(lambda: window.closed.is_set(), what="the window to close")
            await window.shutdown()
            assert window.store.get_draft(draft_id).state == UNKNOWN


async def test_ctrl_q_while_sending_can_wait_for_the_answer_then_quit(qtbot, tmp_path: Path) -> None:
    with SandboxServer(SandboxConfig()) as server:
        async with open_window(qtbot, server.url, DEMO_API_KEY, tmp_path) as window:
            server.config.faults.latency = 1.5
            fill(window, qtbot, "Worth waiting for")
            await send_and_confirm(window, qtbot)
            await wait_until(lambda: parts(window).cancel_button.isVisible(), what="the send to start")
            await press_ctrl_q(window, qtbot)
            await wait_until(lambda: confirmation() is not None, what="the quit question")
            press(confirmation(), "Wait, then quit")
            assert not window.closed.is_set()
            await wait_until(lambda: window.closed.is_set(), timeout=20, what="the window to close after the answer")
            assert posted_titles(server) == ["Worth waiting for"] and window.store.list_drafts() == []
