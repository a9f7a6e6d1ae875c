"""The task window against a server that misbehaves in ways issue 21 does not list
(tests/ui/hostile_server.py): odd shapes of a task, odd answers to an action. The window says
something true in plain words, sends a money action at most once, and never states what the server
did not confirm."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QObject, Qt

from app.actions import Action, Phase
from app.api.schema import Task
from tests.conftest import wait_until
from tests.ui.helpers import confirmation, press
from tests.ui.hostile_desk import hostile_desk
from tests.ui.hostile_server import TASK_ID, Answer, delivered_task, hostile_server
from tests.ui.task_helpers import text_question

QUESTION = "Which colour should the loaf be?"


async def test_a_question_in_another_shape_is_shown_and_can_be_answered(qtbot, tmp_path: Path) -> None:
    """A server that says "needs_input" and puts its question under ``pending_question``: the window
    shows the question and its Answer button (Ctrl+R brings the person here for it)."""
    task = delivered_task(status="needs_input", pending_question={"question": QUESTION, "state": "waiting"})
    with hostile_server(task) as server:
        server.json("POST", f"/api/v1/tasks/{TASK_ID}/provide-input", {})
        async with hostile_desk(qtbot, server.url, tmp_path) as desk:
            window = desk.windows.open(await desk.client.get_task(TASK_ID))
            assert QUESTION in window.question.text() and window.question.isVisible()
            answer = window.buttons["answer"]
            await wait_until(lambda: answer.isVisible() and answer.isEnabled(), what="the Answer button")
            assert "Answer the agent's question" in window.progress.next.text()
            answer.click()
            await wait_until(lambda: text_question() is not None, what="the question with a text box")
            dialog = text_question()
            assert dialog is not None and QUESTION in dialog.findChild(QObject, "textQuestionText").text()
            qtbot.keyClicks(dialog.box, "Golden brown.")
            dialog.yes.click()
            await wait_until(lambda: desk.said[-1:] == ["Your answer was sent: the agent goes on with the work."])
            sent = server.posts("/provide-input")
            assert len(sent) == 1 and json.loads(sent[0].body) == {"answer": "Golden brown."}


async def test_a_question_given_as_plain_text_is_shown_as_it_is(qtbot, tmp_path: Path) -> None:
    with hostile_server(delivered_task(status="input_required", input_request=QUESTION)) as server:
        async with hostile_desk(qtbot, server.url, tmp_path) as desk:
            window = desk.windows.open(await desk.client.get_task(TASK_ID))
            assert QUESTION in window.question.text()


async def test_money_written_as_text_is_read_as_the_sum_it_says(qtbot, tmp_path: Path) -> None:
    """``"price_usd": "30.00"``: the window and the question say $30.00, not "AITasker has not said"
    and "Approve and pay —"; a price under another name is the one the question and the Money part
    both show; a date of approval the app cannot read is not shown as raw text."""
    task = delivered_task(price_usd="30.00", budget_usd="40.00")
    with hostile_server(task) as server:
        async with hostile_desk(qtbot, server.url, tmp_path) as desk:
            window = desk.windows.open(await desk.client.get_task(TASK_ID))
            assert (window.money.budget.text(), window.money.price.text()) == ("$40.00", "$30.00")
            await wait_until(lambda: window.buttons["approve"].isEnabled(), what="Approve")
            window.buttons["approve"].click()
            await wait_until(lambda: confirmation() is not None, what="the question")
            box = confirmation()
            assert box is not None and box.text() == "Approve and pay $30.00 to Nova Studio?"
            press(box, "Cancel")
            await wait_until(lambda: window.buttons["approve"].isEnabled(), what="Approve again")
            assert server.posts() == []
            other = delivered_task(status="completed", selected_bid_price_usd=25, paid_usd="25", approved_at="soon")
            del other["price_usd"]
            window.show_task(Task.model_validate(other))
            assert window.money.price.text() == "$25.00" and window.money.paid.text() == "$25.00"


async def test_a_conflict_on_a_task_that_did_not_move_is_not_called_a_move(qtbot, tmp_path: Path) -> None:
    """409 with a body the app does not expect, while the task still says what it said: refused, in
    plain words, and not "the task has moved on" (it did not). Sent once; nothing said to have happened."""
    with hostile_server() as server:
        server.answers[("POST", f"/api/v1/tasks/{TASK_ID}/approve")] = Answer(409, "conflict!!", "text/plain")
        async with hostile_desk(qtbot, server.url, tmp_path) as desk:
            window = desk.windows.open(await desk.client.get_task(TASK_ID))
            await wait_until(lambda: window.buttons["approve"].isEnabled(), what="Approve")
            window.buttons["approve"].click()
            await wait_until(lambda: confirmation() is not None, what="the question")
            qtbot.keyClick(confirmation(), Qt.Key.Key_Return)
            await wait_until(lambda: "did not accept" in window.message.text(), what="the refusal")
            assert "moved on" not in window.message.text() and "409" not in window.message.text()
            assert not any("Approved" in text for text in desk.said)
            entry = desk.journal.latest(TASK_ID, Action.APPROVE)
            assert entry is not None and entry.phase == Phase.REFUSED and len(server.posts("/approve")) == 1


async def test_an_approval_accepted_for_later_leaves_no_room_for_changes_on_that_delivery(
    qtbot, tmp_path: Path
) -> None:
    """202: AITasker took the approval and applies it later; the task still says "delivered". Until it
    says otherwise, neither "Ask for changes" nor "Report a problem" can answer the same delivery."""
    with hostile_server() as server:
        server.answers[("POST", f"/api/v1/tasks/{TASK_ID}/approve")] = Answer(202, {"status": "accepted"})
        async with hostile_desk(qtbot, server.url, tmp_path) as desk:
            window = desk.windows.open(await desk.client.get_task(TASK_ID))
            await wait_until(lambda: window.buttons["approve"].isEnabled(), what="Approve")
            window.buttons["approve"].click()
            await wait_until(lambda: confirmation() is not None, what="the question")
            qtbot.keyClick(confirmation(), Qt.Key.Key_Return)
            await wait_until(lambda: "has your approval" in window.message.text(), what="the approval sent")
            applying = "Sent: AITasker is applying it."
            names = ("approve", "changes", "problem")
            await wait_until(lambda: not any(window.buttons[n].isEnabled() for n in names), what="all three waiting")
            assert [window.buttons[n].toolTip() for n in names] == [applying] * 3
            await desk.actions.ask_for_changes(window.task, window)
            assert text_question() is None and desk.said[-1] == applying
            assert len(server.posts()) == 1


async def test_a_task_that_moves_on_while_the_question_is_open_sends_nothing(qtbot, tmp_path: Path) -> None:
    """The approval period ends while "Approve and pay…?" is open: AITasker approves automatically and
    the refresher brings that news. Confirming then sends nothing, and says what AITasker now says."""
    with hostile_server() as server:
        server.json("POST", f"/api/v1/tasks/{TASK_ID}/approve", {"status": "completed"})
        async with hostile_desk(qtbot, server.url, tmp_path) as desk:
            window = desk.windows.open(await desk.client.get_task(TASK_ID))
            await wait_until(lambda: window.buttons["approve"].isEnabled(), what="Approve")
            window.buttons["approve"].click()
            await wait_until(lambda: confirmation() is not None, what="the question")
            done = delivered_task(status="completed", approved_by="automatic", paid_usd=30.0, refunded_usd=10.0)
            server.json("GET", f"/api/v1/tasks/{TASK_ID}", done)
            desk.windows.task_updated(Task.model_validate(done))  # what the refresher does with its news
            qtbot.keyClick(confirmation(), Qt.Key.Key_Return)
            await wait_until(lambda: "nothing was sent" in window.message.text(), what="why nothing was sent")
            assert "Completed" in window.message.text() and server.posts() == []
            assert not any("Approved" in text for text in desk.said)
            assert desk.journal.latest(TASK_ID, Action.APPROVE) is None


async def test_a_task_gone_while_its_window_is_open_is_said_plainly(qtbot, tmp_path: Path) -> None:
    """The task and its final work answer 404 on F5: the window says AITasker did not find the final
    work (not "There is no final work to save yet" in silence); approving is refused in plain words."""
    with hostile_server() as server:
        async with hostile_desk(qtbot, server.url, tmp_path) as desk:
            window = desk.windows.open(await desk.client.get_task(TASK_ID))
            await wait_until(lambda: window.final_work.list.count() == 2, what="the final work")
            gone = Answer(404, {"detail": "Task not found"})
            for method, path in list(server.answers):
                if path.startswith(f"/api/v1/tasks/{TASK_ID}"):
                    server.answers[(method, path)] = gone
            server.answers[("POST", f"/api/v1/tasks/{TASK_ID}/approve")] = gone
            desk.windows.refresh(TASK_ID)
            await wait_until(lambda: "did not find the final work" in window.message.text(), what="the words")
            window.buttons["approve"].click()
            await wait_until(lambda: confirmation() is not None, what="the question")
            qtbot.keyClick(confirmation(), Qt.Key.Key_Return)
            await wait_until(lambda: "could not find this task" in window.message.text(), what="the refusal")
            assert not any("Approved" in text for text in desk.said) and len(server.posts()) == 1
