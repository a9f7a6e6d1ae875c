"""Approve and pay, ask for changes, report a problem, cancel and answer (issue 21), each asked first
with the money that moves and carried out once through the action journal (issue 22). Against the
real sandbox on loopback, its clock moved by hand; the questions are the real dialogs."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from app.actions import Action, Phase
from app.sandbox import SandboxConfig, SandboxServer
from app.store.repository import Store
from app.tasks.operations import website_url
from tests.conftest import FakeClock, wait_until
from tests.ui.helpers import confirmation, press
from tests.ui.task_helpers import chosen, delivered, extra, in_review, posts, task_desk, task_posts, text_question


@pytest.fixture
def store(tmp_path: Path):
    store = Store.in_dir(tmp_path)
    yield store
    store.close()


def dollars(value: float) -> str:
    return f"${value:,.2f}"


async def test_approve_and_pay_completes_the_task_once(qtbot, store: Store) -> None:
    clock = FakeClock()
    with SandboxServer(SandboxConfig(seed=5, clock=clock, question_share=0.0)) as server:
        async with task_desk(qtbot, server, clock, store) as desk:
            task = await delivered(desk.client, clock, server)
            price, agent = extra(task)["price_usd"], extra(task)["agent_name"]
            assert desk.controller.available(task) == dict.fromkeys(("approve", "changes", "problem"), "") | {
                "cancel": "Only a task whose version is not chosen yet can be cancelled.",
                "answer": "The agent has not asked you anything.",
            }
            job = asyncio.ensure_future(desk.controller.approve(task, desk.parent))
            await wait_until(lambda: confirmation() is not None, what="the question")
            box = confirmation()
            assert (
                box is not None and box.text() == f"Approve and pay {dollars(price)} to {agent}?"
            )  # the price, not the budget
            qtbot.keyClick(box, Qt.Key.Key_Return)
            await job
            fresh = await desk.client.get_task(task.id)
            assert fresh.status == "completed" and extra(fresh)["approved_by"] == "buyer"
            assert extra(fresh)["paid_usd"] == price
            entry = desk.actions.journal.latest(task.id, Action.APPROVE)
            assert entry is not None and entry.phase == Phase.DONE and len(posts(server, "/approve")) == 1
            refund = dollars(45.0 - price)
            assert desk.said[-2:] == [
                "Approved: AITasker has your approval.",
                f"The task is completed: {dollars(price)} was paid to {agent}. {refund} came back to your credit.",
            ]
            assert desk.controller.available(fresh)["approve"] == "This task is finished."


async def test_ask_for_changes_with_a_sentence_then_a_second_delivery_follows(qtbot, store: Store) -> None:
    clock = FakeClock()
    with SandboxServer(SandboxConfig(seed=5, clock=clock, question_share=0.0)) as server:
        async with task_desk(qtbot, server, clock, store) as desk:
            task = await delivered(desk.client, clock, server)
            job = asyncio.ensure_future(desk.controller.ask_for_changes(task, desk.parent))
            await wait_until(lambda: text_question() is not None, what="the question with a text box")
            dialog = text_question()
            assert dialog is not None and not dialog.yes.isEnabled()  # nothing written, nothing to send
            price = dollars(extra(task)["price_usd"])
            assert (
                f"Nothing is paid now; approving later pays {price}."
                in dialog.findChild(QObject, "textQuestionText").text()
            )
            qtbot.keyClicks(dialog.box, "Warmer colours, please, and a bigger name.")
            assert dialog.yes.isEnabled()
            dialog.yes.click()
            await job
            fresh = await desk.client.get_task(task.id)
            assert fresh.status == "delivering"
            assert extra(fresh)["revision_requests"][0]["message"] == "Warmer colours, please, and a bigger name."
            assert desk.said[-1] == "Your request for changes was sent. A new version of the final work follows."
            assert desk.controller.available(fresh)["changes"] == "There is no final work waiting for you yet."
            clock.now += server.config.revision_seconds + 1
            again = await desk.client.get_delivery(task.id)
            assert again is not None and again.number == 2 and "bigger name" in again.message
            assert (await desk.client.get_task(task.id)).status == "delivered"
            assert len(posts(server, "/request-revision")) == 1


async def test_report_a_problem_and_cancel_a_task_in_review(qtbot, store: Store) -> None:
    clock = FakeClock()
    with SandboxServer(SandboxConfig(seed=5, clock=clock, question_share=0.0)) as server:
        async with task_desk(qtbot, server, clock, store) as desk:
            task = await delivered(desk.client, clock, server)
            job = asyncio.ensure_future(desk.controller.report_problem(task, desk.parent))
            await wait_until(lambda: text_question() is not None, what="the question with a text box")
            dialog = text_question()
            assert dialog is not None
            qtbot.keyClicks(dialog.box, "The file does not open.")
            dialog.yes.click()
            await job
            assert (await desk.client.get_task(task.id)).status == "disputed"

            review = await in_review(desk.client, clock, "Flyer for the fair")
            job = asyncio.ensure_future(desk.controller.cancel(review, desk.parent))
            await wait_until(lambda: confirmation() is not None, what="the question")
            box = confirmation()
            assert (
                box is not None
                and box.text() == "Cancel ‘Flyer for the fair’? Its budget of $45.00 comes back to your credit."
            )
            qtbot.keyClick(box, Qt.Key.Key_Return)
            await job
            assert (await desk.client.get_task(review.id)).status == "cancelled"
            assert desk.said[-1] == "The task is cancelled. $45.00 came back to your credit."
            entry = desk.actions.journal.latest(review.id, Action.CANCEL)
            assert entry is not None and entry.phase == Phase.DONE


async def test_the_agents_question_is_answered(qtbot, store: Store) -> None:
    clock = FakeClock()
    with SandboxServer(SandboxConfig(seed=5, clock=clock, question_share=1.0)) as server:
        async with task_desk(qtbot, server, clock, store) as desk:
            task = await chosen(desk.client, clock)
            clock.now += server.config.delivery_seconds / 2 + 1
            task = await desk.client.get_task(task.id)
            assert task.status == "input_required"
            assert desk.controller.available(task)["answer"] == ""
            question = extra(task)["input_request"]["question"]
            job = asyncio.ensure_future(desk.controller.answer(task, desk.parent))
            await wait_until(lambda: text_question() is not None, what="the question with a text box")
            dialog = text_question()
            assert dialog is not None
            assert (
                dialog.findChild(QObject, "textQuestionText").text() == f"{extra(task)['agent_name']} asks: {question}"
            )
            qtbot.keyClicks(dialog.box, "The colours of the version I chose.")
            dialog.yes.click()
            await job
            fresh = await desk.client.get_task(task.id)
            assert fresh.status == "delivering"
            assert extra(fresh)["input_request"]["answer"] == "The colours of the version I chose."
            assert desk.said[-1] == "Your answer was sent: the agent goes on with the work."


async def test_an_unclear_approve_is_settled_by_reading_never_resent(qtbot, store: Store) -> None:
    """The server approves at once but answers late (answer_delay): "not sure — checking", nothing can
    be pressed meanwhile, and reading the task settles it as done. One request in all."""
    clock = FakeClock()
    with SandboxServer(SandboxConfig(seed=5, clock=clock, question_share=0.0)) as server:
        async with task_desk(qtbot, server, clock, store, timeout=0.5) as desk:
            task = await delivered(desk.client, clock, server)
            server.config.faults.answer_delay = 1.5
            server.config.faults.paths = (f"/api/v1/tasks/{task.id}/approve",)
            job = asyncio.ensure_future(desk.controller.approve(task, desk.parent))
            await wait_until(lambda: confirmation() is not None, what="the question")
            qtbot.keyClick(confirmation(), Qt.Key.Key_Return)
            await job
            assert desk.said[-1] == "Not sure it reached AITasker — checking…"
            waiting = "Waiting to learn whether AITasker received your last request…"
            assert set(desk.controller.available(task).values()) == {waiting}
            await desk.controller.approve(task, desk.parent)  # pressed again: asks nothing, says why
            assert confirmation() is None and desk.said[-1] == waiting
            await wait_until(lambda: "AITasker has your approval." in desk.said, what="the check")
            entry = desk.actions.journal.latest(task.id, Action.APPROVE)
            assert entry is not None and entry.phase == Phase.DONE
            assert len(posts(server, "/approve")) == 1  # read, never resent
            await wait_until(lambda: desk.said[-1].startswith("The task is completed:"), what="what was paid")


class _WithoutActions(httpx.AsyncBaseTransport):
    """The sandbox, but its /openapi.json advertises no action on a task."""

    def __init__(self) -> None:
        self._real = httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self._real.handle_async_request(request)
        if request.url.path != "/openapi.json":
            return response
        doc = json.loads(await response.aread())
        doc["paths"] = {  # the choice stays: the tasks get there
            p: {m: op for m, op in item.items() if m != "post" or p.endswith("/select-bid")}
            for p, item in doc["paths"].items()
        }
        return httpx.Response(200, json=doc)

    async def aclose(self) -> None:
        await self._real.aclose()


class _Browser(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


async def test_a_server_that_advertises_none_says_so_and_offers_the_website(qtbot, store: Store) -> None:
    """Every action says plainly that it is done on the website and offers it; nothing is sent,
    nothing recorded, nothing pretends to have happened."""
    clock = FakeClock()
    browser = _Browser()
    # PySide6 declares the method's name as bytes, but only a str is accepted at run time.
    QDesktopServices.setUrlHandler("https", browser, "open")  # type: ignore[arg-type]
    try:
        with SandboxServer(SandboxConfig(seed=5, clock=clock, question_share=1.0)) as server:
            async with task_desk(qtbot, server, clock, store, transport=_WithoutActions()) as desk:
                ready = await chosen(desk.client, clock, "Menu card")  # its question goes unanswered
                clock.now += server.config.answer_seconds + server.config.delivery_seconds + 1
                asking = await chosen(desk.client, clock)  # the agent will ask a question
                clock.now += server.config.delivery_seconds / 2 + 1
                review = await in_review(desk.client, clock, "Flyer for the fair")
                asking, ready = await desk.client.get_task(asking.id), await desk.client.get_task(ready.id)
                assert (asking.status, ready.status) == ("input_required", "delivered")
                before = len(task_posts(server))
                cases = [
                    (desk.controller.cancel, review, "cancelling a task"),
                    (desk.controller.answer, asking, "answering the agent"),
                    (desk.controller.approve, ready, "approving"),
                    (desk.controller.ask_for_changes, ready, "asking for changes"),
                    (desk.controller.report_problem, ready, "reporting a problem"),
                ]
                for n, (act, task, what) in enumerate(cases):
                    job = asyncio.ensure_future(act(task, desk.parent))
                    await wait_until(lambda: confirmation() is not None, what=f"the website offered for {what}")
                    box = confirmation()
                    said = f"AITasker does not offer {what} from this app. You can finish it on the AITasker website."
                    assert box is not None and box.text() == said and desk.said[-1] == said
                    press(box, "Finish on the AITasker website" if n == 0 else "Cancel")
                    await job
                assert browser.opened == [website_url(review.id)]
                assert len(task_posts(server)) == before and desk.actions.journal.open_entries() == []
                assert all(desk.actions.journal.entries(t.id) == [] for t in (review, asking, ready))
                for task in (review, asking, ready):
                    assert (await desk.client.get_task(task.id)).status == task.status  # nothing happened
    finally:
        QDesktopServices.unsetUrlHandler("https")
