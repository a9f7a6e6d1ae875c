"""The money parts in the window against servers that misbehave in ways issue 24 does not list: a
refusal for lack of credit as a 403, 400 or 422 with a code or message saying so; a balance in a
decimal comma, in euros or absurdly large; a server clock far ahead; odd budgets in the task list.
In each: plain words, nothing stops, no made-up balance, the create sent once, the draft kept."""

from __future__ import annotations

import logging
import threading
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from app.money import BALANCE_PATH
from app.sandbox import SandboxServer
from app.sandbox.service import DEMO_API_KEY
from app.store.drafts_table import CREDIT
from tests.conftest import wait_until
from tests.credit_sandbox import credit_sandbox
from tests.ui.helpers import confirmation, open_window, parts, press
from tests.ui.test_money_journey import credit_label, credit_text, press_send, write_task
from tests.ui.test_money_views import seed

CREATE = "/api/v1/tasks"


class Said:
    """What chosen paths of the sandbox answer instead of the sandbox: ``said[("GET", path)] =
    (status, body)``, a body of text sent as it is (not JSON), anything else as JSON."""

    def __init__(self, server: SandboxServer) -> None:
        self._lock = threading.Lock()  # the server answers on its own thread
        self._answers: dict[tuple[str, str], tuple[int, Any]] = {}
        self.asked: list[tuple[str, str]] = []
        server.app.middleware("http")(self._answer)

    def __setitem__(self, key: tuple[str, str], answer: tuple[int, Any]) -> None:
        with self._lock:
            self._answers[key] = answer

    def count(self, method: str, path: str) -> int:
        with self._lock:
            return self.asked.count((method, path))

    async def _answer(self, request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        key = (request.method, request.url.path)
        with self._lock:
            self.asked.append(key)
            answer = self._answers.get(key)
        if answer is None:
            return await call_next(request)
        status, body = answer
        if isinstance(body, str):
            return Response(body, status_code=status, media_type="application/json")
        return JSONResponse(body, status_code=status)


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (403, {"detail": "Insufficient credit"}),  # was: "Your API key is not allowed to do this."
        (422, {"detail": {"code": "insufficient_credits", "message": "Not enough credit"}}),
        (400, {"error": {"code": "INSUFFICIENT_FUNDS", "message": "insufficient funds"}}),
        (400, {"detail": "insufficient_credits", "required_usd": "17.00", "balance_usd": "10.00"}),
    ],
    ids=["403-words", "422-code", "400-error-code", "400-other-names"],
)
async def test_a_refusal_for_credit_in_other_shapes_waits_for_credit(
    qtbot, tmp_path: Path, status: int, body: Any
) -> None:
    with credit_sandbox(1000) as server:
        said = Said(server)
        said[("POST", CREATE)] = (status, body)
        async with open_window(qtbot, server.url, DEMO_API_KEY, tmp_path) as window:
            await wait_until(lambda: credit_text(window) == "Credit: $1,010.00", what="the balance")
            write_task(window, qtbot, "Quarterly numbers", "17")
            await press_send(window, qtbot)
            press(confirmation(), "Post task")
            await wait_until(lambda: "Waiting for credit" in parts(window).banner.text.text(), what="the refusal")
            words = parts(window).banner.text.text()
            assert "API key" not in words and "{" not in words and "insufficient" not in words.lower()
            if "required_usd" in body:
                assert "so $7.00 is missing" in words
            assert parts(window).banner.action("Add credit on the website") is not None
            [draft] = window.store.list_drafts()
            assert draft.state == CREDIT and draft.values["title"] == "Quarterly numbers"
            assert draft.values["description"] == "Numbers in a table, please."
            assert said.count("POST", CREATE) == 1  # sent once; the outbox does not retry it
            assert await window.session.outbox.drain() == 0
            assert said.count("POST", CREATE) == 1
            assert not parts(window).connection_label.text().lower().startswith("key")


@pytest.mark.parametrize(
    "body",
    [
        {"balance_usd": "31,50"},  # was shown as $3,150.00
        {"balance_usd": 31.5, "currency": "EUR"},  # was shown as $31.50
        {"balance": {"amount": 31.5, "currency": "EUR"}},
        '{"balance_usd": 1' + "0" * 400 + "}",  # stopped the read with an OverflowError
        '{"balance_usd": NaN}',
        "<html><body>Credits</body></html>",
    ],
    ids=["decimal-comma", "euro", "euro-object", "huge", "nan", "html"],
)
async def test_a_balance_not_in_plain_dollars_is_not_shown_and_changes_nothing_else(
    qtbot, tmp_path: Path, body: Any, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.ERROR)
    with credit_sandbox(1000) as server:
        said = Said(server)
        said[("GET", BALANCE_PATH)] = (200, body)
        async with open_window(qtbot, server.url, DEMO_API_KEY, tmp_path) as window:
            await wait_until(lambda: parts(window).connection_label.text().startswith("Demo mode"), what="online")
            await wait_until(lambda: said.count("GET", BALANCE_PATH) > 0, what="the balance to be asked for")
            await window.money.read_balance()  # the read under way (or one more), to its end
            assert not credit_label(window).isVisible()
            write_task(window, qtbot, "Plain post", "250")
            question = await press_send(window, qtbot)
            assert question == "Post “Plain post” for $250.00?"  # no warning from a made-up balance
            press(confirmation(), "Cancel")
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], "something stopped"


async def test_a_euro_balance_after_a_dollar_one_leaves_the_dollars_as_of_their_time(qtbot, tmp_path: Path) -> None:
    with credit_sandbox(20) as server:
        said = Said(server)
        async with open_window(qtbot, server.url, DEMO_API_KEY, tmp_path) as window:
            await wait_until(lambda: credit_text(window) == "Credit: $30.00", what="the balance")
            said[("GET", BALANCE_PATH)] = (200, {"balance": {"amount": 99, "currency": "EUR"}})
            await window.money.read_balance()
            assert credit_text(window).startswith("Credit: $30.00 (as of ")


async def test_the_monthly_limit_counts_tasks_a_server_clock_far_ahead_dates_next_month(qtbot, tmp_path: Path) -> None:
    # The server's clock is 40 days ahead: what was posted this month is dated next month.
    ahead = (datetime.now(UTC) + timedelta(days=40)).isoformat()
    seed(
        tmp_path,
        [
            {"id": "p", "status": "completed", "budget_usd": 40, "created_at": ahead},
            {"id": "h", "status": "review", "budget_usd": "30.00", "created_at": ahead},
        ],
    )
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    settings.setValue("money/monthly_limit", 100.0)
    settings.sync()
    async with open_window(qtbot, None, None, tmp_path, demo=False) as window:
        form = parts(window).form
        qtbot.keyClicks(form.title, "Over the line")
        form.category.setCurrentIndex(form.category.findData("data"))
        form.task_type.setCurrentIndex(0)
        form.budget.spin.selectAll()
        qtbot.keyClicks(form.budget.spin, "45")
        qtbot.mouseClick(form.send_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: confirmation() is not None, what="the confirmation")
        assert (
            "This month's tasks have taken $70.00 so far. This one takes the month to $115.00, over your monthly "
            "limit of $100.00." in confirmation().text()
        )
        press(confirmation(), "Cancel")


async def test_the_spending_window_says_when_a_balance_it_cannot_read_again_was_read(qtbot, tmp_path: Path) -> None:
    # The balance endpoint answers 500 after a first good read: the status bar said "as of", the
    # Spending window said "Credit: $30.00." as if just read.
    from PySide6.QtWidgets import QApplication

    from tests.ui.helpers import trigger
    from ui.windows.spending import SpendingWindow

    with credit_sandbox(20) as server:
        said = Said(server)
        async with open_window(qtbot, server.url, DEMO_API_KEY, tmp_path) as window:
            await wait_until(lambda: credit_text(window) == "Credit: $30.00", what="the balance")
            said[("GET", BALANCE_PATH)] = (500, {"detail": "Internal Server Error"})
            await window.money.read_balance()
            assert credit_text(window).startswith("Credit: $30.00 (as of ")
            trigger(window, "spendingAction")
            await wait_until(
                lambda: any(isinstance(w, SpendingWindow) and w.isVisible() for w in QApplication.topLevelWidgets()),
                what="the Spending window",
            )
            [view] = [w for w in QApplication.topLevelWidgets() if isinstance(w, SpendingWindow)]
            await window.money.read_balance()  # the fresh read it asks for fails too
            await wait_until(lambda: "(as of " in view.credit.text(), what="the time of the balance")
            assert view.credit.text().startswith("Credit: $30.00 (as of ")
            view.close()
