"""Issue 24's "Done when", as a person meets it, against a sandbox with ``--credit 20``: the window
shows $30.00; posting $25 then $10, the second confirmation warns that only $5.00 is left; "Post
anyway" gets the server's refusal, the draft stays with its text as "Waiting for credit"; credit
added through the top-up and Refresh send it. And a server without the balance endpoint changes
nothing else."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel

from app.sandbox.service import DEMO_API_KEY
from app.store.drafts_table import CREDIT
from tests.conftest import wait_until
from tests.credit_sandbox import credit_sandbox, top_up
from tests.ui.helpers import cell, choose_draft, confirmation, find, open_window, parts, press
from ui.main_window import MainWindow


class Browser(QObject):
    """Stands in for the person's browser: the addresses the app asked it to open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


@pytest.fixture
def browser() -> Iterator[Browser]:
    browser = Browser()
    for scheme in ("http", "https"):
        # PySide6 takes the slot's name as text at run time, though its stub says bytes.
        QDesktopServices.setUrlHandler(scheme, browser, "open")  # type: ignore[arg-type]
    yield browser
    for scheme in ("http", "https"):
        QDesktopServices.unsetUrlHandler(scheme)


def write_task(window: MainWindow, qtbot, title: str, budget: str) -> None:
    form = parts(window).form
    qtbot.keyClicks(form.title, title)
    qtbot.keyClicks(form.description, "Numbers in a table, please.")
    form.category.setCurrentIndex(form.category.findData("data"))
    form.task_type.setCurrentIndex(0)
    form.budget.spin.selectAll()
    qtbot.keyClicks(form.budget.spin, budget)


async def press_send(window: MainWindow, qtbot) -> str:
    qtbot.mouseClick(parts(window).form.send_button, Qt.MouseButton.LeftButton)
    await wait_until(lambda: confirmation() is not None, what="the confirmation")
    box = confirmation()
    assert box is not None
    return box.text()


def credit_label(window: MainWindow) -> QLabel:
    return find(parts(window).status, QLabel, "creditBalance")


def credit_text(window: MainWindow) -> str:
    label = credit_label(window)
    return label.text() if label.isVisible() else ""


async def test_credit_shown_warned_refused_kept_and_sent_after_a_top_up(
    qtbot, tmp_path: Path, browser: Browser
) -> None:
    with credit_sandbox(20) as server:
        async with open_window(qtbot, server.url, DEMO_API_KEY, tmp_path) as window:
            await wait_until(lambda: credit_text(window) == "Credit: $30.00", what="the balance")
            assert credit_label(window).accessibleName() == "Credit: $30.00"

            write_task(window, qtbot, "First report", "25")
            question = await press_send(window, qtbot)
            assert "left" not in question  # $25 fits in $30: no warning
            press(confirmation(), "Post task")
            await wait_until(lambda: parts(window).banner.text.text().startswith("Posted"), what="the first post")
            await wait_until(lambda: credit_text(window) == "Credit: $5.00", what="the balance after the post")

            write_task(window, qtbot, "Second report", "10")
            question = await press_send(window, qtbot)
            assert "Only $5.00 of credit is left, $5.00 less than this task's budget" in question
            buttons = [b.text() for b in confirmation().buttons()]
            assert "Post anyway" in buttons and "Add credit on the website" in buttons
            press(confirmation(), "Post anyway")
            await wait_until(lambda: "Waiting for credit" in parts(window).banner.text.text(), what="the refusal")
            said = parts(window).banner.text.text()
            assert "this task needs $10.00 and your credit is $5.00, so $5.00 is missing" in said
            [draft] = window.store.list_drafts()
            assert draft.state == CREDIT and draft.values["title"] == "Second report"
            assert draft.values["description"] == "Numbers in a table, please." and draft.values["budget_usd"] == 10
            row = next(r for r in range(parts(window).proxy.rowCount()) if cell(window, r, "Title") == "Second report")
            assert cell(window, row, "Status").endswith("Waiting for credit")
            assert "Waiting for credit" in parts(window).drafts_list.item(0).text()
            assert len(server.app.state.tasks) == 1

            parts(window).banner.action("Add credit on the website").click()
            assert browser.opened and "/api/v1/a2a/credits/topup" in browser.opened[-1]
            refusal_page = browser.opened[-1]  # the page AITasker named in its refusal
            choose_draft(window, draft.id, "topUp")  # the same offer from the Drafts list
            assert browser.opened[-1] == refusal_page and len(browser.opened) == 2
            posts_before = sum(1 for r in server.app.state.requests_seen if r[0] == "POST")
            assert await window.session.outbox.drain() == 0  # the outbox's own rounds never resend it
            assert sum(1 for r in server.app.state.requests_seen if r[0] == "POST") == posts_before

            top_up(browser.opened[-1], 20)  # on the page the app opened
            qtbot.mouseClick(parts(window).tasks.refresh_button, Qt.MouseButton.LeftButton)
            await wait_until(lambda: window.store.list_drafts() == [], timeout=15, what="the draft to be sent")
            await wait_until(lambda: len(parts(window).model.tasks()) == 2, what="both tasks in the table")
            assert sorted(t.body["title"] for t in server.app.state.tasks.values()) == ["First report", "Second report"]
            await wait_until(lambda: credit_text(window) == "Credit: $15.00", what="the balance after it")


async def test_refresh_while_still_short_sends_nothing_and_says_so(qtbot, tmp_path: Path, browser: Browser) -> None:
    with credit_sandbox(0) as server:  # the free $10
        async with open_window(qtbot, server.url, DEMO_API_KEY, tmp_path) as window:
            await wait_until(lambda: credit_text(window) == "Credit: $10.00", what="the balance")
            write_task(window, qtbot, "Too dear", "17")
            await press_send(window, qtbot)
            press(confirmation(), "Post anyway")
            await wait_until(lambda: window.store.list_drafts()[0].state == CREDIT, what="the refusal")
            qtbot.mouseClick(parts(window).tasks.refresh_button, Qt.MouseButton.LeftButton)
            await wait_until(
                lambda: "still waits for credit: $7.00 is missing" in parts(window).banner.text.text(), what="the words"
            )
            assert len(server.app.state.tasks) == 0 and window.store.list_drafts()[0].state == CREDIT


async def test_add_credit_from_the_confirmation_opens_the_top_up_page_and_sends_nothing(
    qtbot, tmp_path: Path, browser: Browser
) -> None:
    with credit_sandbox(0) as server:
        async with open_window(qtbot, server.url, DEMO_API_KEY, tmp_path) as window:
            await wait_until(lambda: credit_text(window) == "Credit: $10.00", what="the balance")
            write_task(window, qtbot, "Later", "17")
            await press_send(window, qtbot)
            press(confirmation(), "Add credit on the website")
            await wait_until(lambda: bool(browser.opened), what="the browser")
            assert browser.opened[-1].startswith(server.url + "/api/v1/a2a/credits/topup")
            assert parts(window).form.title.text() == "Later" and len(server.app.state.tasks) == 0


async def test_a_server_without_the_balance_endpoint_changes_nothing_else(qtbot, tmp_path: Path) -> None:
    with credit_sandbox(1000, balance_endpoint=False) as server:
        async with open_window(qtbot, server.url, DEMO_API_KEY, tmp_path) as window:
            await wait_until(lambda: parts(window).connection_label.text().startswith("Demo mode"), what="online")
            await wait_until(lambda: server.app.state.credit_asked > 0, what="the balance to be asked for")
            assert not credit_label(window).isVisible()
            write_task(window, qtbot, "Plain post", "250")
            question = await press_send(window, qtbot)
            assert question == "Post “Plain post” for $250.00?"
            press(confirmation(), "Post task")
            await wait_until(lambda: parts(window).banner.text.text().startswith("Posted"), what="the post")
            assert not credit_label(window).isVisible()
            assert parts(window).connection_label.text().startswith("Demo mode")


async def test_money_speaks_german(qtbot, tmp_path: Path, browser: Browser) -> None:
    """LANGUAGE=de: the credit, the warning before posting, the refusal, Waiting for credit, the
    Spending window and its menu entry, in German, money as German writes dollars."""
    from PySide6.QtWidgets import QApplication

    from tests.ui.helpers import trigger
    from ui.i18n import install_translations, remove_translations
    from ui.windows.spending import SpendingWindow

    application = QApplication.instance()
    assert isinstance(application, QApplication)
    assert install_translations(application, {"LANGUAGE": "de", "LANG": "de_DE.UTF-8"}) == "de"
    try:
        with credit_sandbox(0) as server:  # the free $10
            async with open_window(qtbot, server.url, DEMO_API_KEY, tmp_path) as window:
                await wait_until(lambda: credit_text(window) == "Guthaben: 10,00\xa0$", what="the German balance")
                write_task(window, qtbot, "Zu teuer", "17")
                question = await press_send(window, qtbot)
                assert "Es ist nur noch 10,00\xa0$ Guthaben übrig, 7,00\xa0$ weniger" in question
                press(confirmation(), "Trotzdem einstellen")
                await wait_until(lambda: "Wartet auf Guthaben" in parts(window).banner.text.text(), what="the refusal")
                assert "es fehlen also 7,00\xa0$" in parts(window).banner.text.text()
                row = next(r for r in range(parts(window).proxy.rowCount()) if cell(window, r, "Title") == "Zu teuer")
                assert cell(window, row, "Status").endswith("Wartet auf Guthaben")
                assert "Wartet auf Guthaben" in parts(window).drafts_list.item(0).text()
                trigger(window, "spendingAction")
                await wait_until(
                    lambda: any(
                        isinstance(w, SpendingWindow) and w.isVisible() for w in QApplication.topLevelWidgets()
                    ),
                    what="the Spending window",
                )
                [view] = [w for w in QApplication.topLevelWidgets() if isinstance(w, SpendingWindow)]
                assert view.windowTitle() == "Ausgaben"
                headers = [view.table.horizontalHeaderItem(i).text() for i in range(view.table.columnCount())]
                assert headers == ["Monat", "Gebunden", "Bezahlt", "Erstattet", "Offen"]
                assert view.credit.text().startswith("Guthaben: 10,00\xa0$.")
                view.close()
    finally:
        remove_translations(application)


async def test_the_balance_is_kept_and_shown_as_of_its_time_while_offline(qtbot, tmp_path: Path) -> None:
    from datetime import datetime

    from tests.conftest import free_port

    port = free_port()
    before = datetime.now()  # the balance is read between this moment and read_at (a minute may turn)
    with credit_sandbox(20) as server:
        async with open_window(qtbot, server.url, DEMO_API_KEY, tmp_path) as window:
            await wait_until(lambda: credit_text(window) == "Credit: $30.00", what="the balance")
            assert "Added so far: $30.00" in credit_label(window).toolTip()
    read_at = datetime.now()
    # The next start cannot reach AITasker: the last balance shows, with the time it was read.
    async with open_window(qtbot, server.url, DEMO_API_KEY, tmp_path) as window:
        await wait_until(lambda: credit_text(window).startswith("Credit: $30.00 (as of "), what="the kept balance")
        assert credit_text(window) in {f"Credit: $30.00 (as of {moment:%H:%M})" for moment in (before, read_at)}
    # Another server's balance is not this one's.
    async with open_window(qtbot, f"http://127.0.0.1:{port}", DEMO_API_KEY, tmp_path) as window:
        assert not credit_label(window).isVisible()
