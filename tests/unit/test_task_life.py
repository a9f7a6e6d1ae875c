"""The task actions' Qt-free core: operations learned from an OpenAPI document (and none), the
delivery read tolerantly, verdicts from the task's state, what needs the person, the alerts, and
the "While you were away" summary from stored vs fresh tasks."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from app.actions import Action, JournalEntry, Phase, Verdict
from app.api.schema import Task
from app.store.repository import Store
from app.tasks import life
from app.tasks.delivery import parse_delivery
from app.tasks.needs_you import TaskAlerts, needs_you, next_waiting, while_away
from app.tasks.operations import TaskOperations, TaskOperationsCache, discover_task_operations, website_url
from app.tasks.verdicts import VERDICTS

NOW = datetime(2026, 12, 1, 15, 0, tzinfo=UTC)


def post(operation_id: str, body: dict[str, Any] | None = None, required: list[str] | None = None) -> dict[str, Any]:
    op: dict[str, Any] = {"operationId": operation_id}
    if body is not None:
        op["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": {"properties": body, "required": required or []}}},
        }
    return {"post": op}


def task(status: str, **extra: Any) -> Task:
    return Task.model_validate({"id": "t1", "status": status, "title": "Logo for my bakery", **extra})


def entry(action: Action, **params: Any) -> JournalEntry:
    return JournalEntry(1, "t1", action, params, "key", Phase.UNSURE, 0.0, 0.0)


# --- operations ------------------------------------------------------------------------------------


def test_each_verb_is_found_by_path_words_or_operation_id_with_its_text_field() -> None:
    doc = {
        "paths": {
            "/api/v1/tasks/{id}/select-bid": post("select_bid", {"bid_id": {"type": "string"}}, ["bid_id"]),
            "/api/v1/tasks/{id}/accept": post("approveDelivery"),  # by the operationId alone
            "/api/v1/tasks/{id}/changes": post("x1", {"feedback": {"type": "string"}}, ["feedback"]),
            "/api/v1/tasks/{id}/problem": post("x2", {"reason": {"type": "string"}}),
            "/api/v1/tasks/{id}/cancel": post("cancel_task"),
            "/api/v1/tasks/{id}/answer": post("x3", {"text": {"type": "string"}, "note": {}}, ["text"]),
        }
    }
    ops = discover_task_operations(doc)
    assert ops.state == "found"
    assert ops.approve is not None and ops.approve.path.endswith("/accept")
    assert ops.revision is not None and ops.revision.text_field == "feedback"
    assert ops.dispute is not None and ops.dispute.text_field == "reason"
    assert ops.cancel is not None and ops.cancel.text_field == ""
    assert ops.answer is not None and ops.answer.text_field == "text"  # the required one
    assert ops.revision.request("a b", text="Warmer colours") == (
        "/api/v1/tasks/a%20b/changes",
        {"feedback": "Warmer colours"},
    )
    assert ops.approve.request("t1") == ("/api/v1/tasks/t1/accept", None)


def test_operations_the_app_cannot_fill_are_not_offered() -> None:
    doc = {
        "paths": {
            # a revision with nowhere for the person's words, and one that needs a field we can't fill
            "/api/v1/tasks/{id}/request-revision": post("request_revision"),
            "/api/v1/tasks/{id}/revise": post("revise", {"message": {}, "deadline": {}}, ["message", "deadline"]),
            "/api/v1/tasks/{id}/unapprove": post("unapprove"),
            "/api/v1/tasks/{id}/deliveries/{delivery_id}/approve": post("approve_one"),
            "/api/v1/tasks/{id}/dispute": {"get": {"operationId": "dispute_status"}},
        }
    }
    ops = discover_task_operations(doc)
    assert ops == TaskOperations("absent", detail=ops.detail)
    assert all(ops.get(name) is None for name in ("approve", "revision", "dispute", "cancel", "answer"))
    assert discover_task_operations({"openapi": "3.1.0"}).state == "malformed"
    assert discover_task_operations({"paths": {}}).state == "absent"


def test_learned_operations_are_kept_per_server_and_the_website_is_the_task_page(tmp_path) -> None:
    doc = {"paths": {"/api/v1/tasks/{task_id}/approve": post("approve_delivery")}}
    store = Store.in_dir(tmp_path)
    try:
        TaskOperationsCache(store).put("http://127.0.0.1:1", discover_task_operations(doc))
        again = TaskOperationsCache(store).cached("http://127.0.0.1:1")  # a new run reads the store
        assert again is not None and again.approve is not None and again.cancel is None
        assert TaskOperationsCache(store).cached("http://127.0.0.1:2") is None
    finally:
        store.close()
    assert website_url("a/b") == "https://aitasker.co/tasks/a%2Fb"
    assert TaskOperations("absent").website_url("t1") == website_url("t1")


# --- the delivery ----------------------------------------------------------------------------------


def test_a_delivery_is_read_whatever_its_shape() -> None:
    answer = {
        "id": "d1",
        "number": 2,
        "status": "awaiting_approval",
        "agent_name": "Nova Studio",
        "approve_by": "2026-12-01T16:00:00Z",
        "artifacts": [
            {
                "type": "image",
                "name": "logo.png",
                "url": "/sandbox/f/logo.png",
                "content_type": "image/png; x=1",
                "size_bytes": 300_000,
                "sha256": "A" * 64,
                "width": 800,
                "height": 600,
            },  # fmt: skip
            {"type": "text", "name": "notes.txt", "content": "Hello", "url": "https://cdn.example/notes.txt"},
            {"kind": "markdown", "text": "Inline only"},
            {"file_url": "https://cdn.example/a%20guide.pdf", "mime_type": "application/pdf", "size": "12"},
            {"name": "nothing to fetch"},
            "https://cdn.example/source.zip",
            {"url": "ftp://elsewhere/x", "name": "refused"},
        ],
    }
    delivery = parse_delivery(answer, "http://127.0.0.1:9/")
    assert delivery is not None and (delivery.number, delivery.agent_name) == (2, "Nova Studio")
    assert delivery.approve_by == datetime(2026, 12, 1, 16, 0, tzinfo=UTC)
    kinds = [(i.kind, i.name) for i in delivery.items]
    assert kinds == [
        ("picture", "logo.png"),
        ("text", "notes.txt"),
        ("text", "item-3"),
        ("file", "a guide.pdf"),
        ("file", "source.zip"),
    ]
    picture, notes, inline, guide, _ = delivery.items
    assert picture.url == "http://127.0.0.1:9/sandbox/f/logo.png" and picture.content_type == "image/png"
    assert (picture.sha256, picture.size, picture.width) == ("a" * 64, 300_000, 800)
    assert notes.text == "Hello" and inline.text == "Inline only" and inline.size == 11
    assert guide.size == 12 and guide.raw["mime_type"] == "application/pdf"
    assert parse_delivery({"deliveries": [{"id": "old"}, {"id": "new"}]}).id == "new"
    assert parse_delivery({"delivery": {"id": "inner", "files": []}}).id == "inner"
    assert parse_delivery("nonsense") is None and parse_delivery(None) is None


# --- verdicts: what the task says about an unsure action -------------------------------------------


@pytest.mark.parametrize(
    ("action", "params", "fresh", "verdict"),
    [
        (Action.APPROVE, {"delivery": 1}, task("completed", approved_by="buyer"), Verdict.HAPPENED),
        (Action.APPROVE, {"delivery": 1}, task("completed", approved_by="automatic"), Verdict.RULED_OUT),
        (Action.APPROVE, {"delivery": 1}, task("delivered", delivery={"number": 1}), Verdict.NO_SIGN),
        (Action.APPROVE, {"delivery": 1}, task("delivered", delivery={"number": 2}), Verdict.RULED_OUT),
        (Action.APPROVE, {}, task("disputed"), Verdict.RULED_OUT),
        (
            Action.REVISION,
            {"revisions": 0, "delivery": 1},
            task("delivering", revision_requests=[{}]),
            Verdict.HAPPENED,
        ),
        (Action.REVISION, {"revisions": 0, "delivery": 1}, task("delivered", delivery={"number": 2}), Verdict.HAPPENED),
        (Action.REVISION, {"revisions": 0, "delivery": 1}, task("delivered", delivery={"number": 1}), Verdict.NO_SIGN),
        (Action.REVISION, {"revisions": 0}, task("completed"), Verdict.RULED_OUT),
        (Action.DISPUTE, {}, task("disputed"), Verdict.HAPPENED),
        (Action.DISPUTE, {}, task("delivered"), Verdict.NO_SIGN),
        (Action.DISPUTE, {}, task("completed"), Verdict.RULED_OUT),
        (Action.CANCEL, {}, task("cancelled"), Verdict.HAPPENED),
        (Action.CANCEL, {}, task("review"), Verdict.NO_SIGN),
        (Action.CANCEL, {}, task("delivering"), Verdict.RULED_OUT),
        (
            Action.ANSWER,
            {},
            task("delivering", input_request={"question": "Q?", "state": "answered", "answer": "A"}),
            Verdict.HAPPENED,
        ),
        (
            Action.ANSWER,
            {},
            task("input_required", input_request={"question": "Q?", "state": "waiting"}),
            Verdict.NO_SIGN,
        ),
        (
            Action.ANSWER,
            {},
            task("delivering", input_request={"question": "Q?", "state": "went_on_without_answer"}),
            Verdict.RULED_OUT,
        ),
    ],  # fmt: skip
)
def test_verdicts_read_the_task_never_guess(action: Action, params: dict, fresh: Task, verdict: Verdict) -> None:
    assert VERDICTS[action](entry(action, **params), fresh) is verdict


def test_an_answer_taken_is_not_held_open_by_the_agents_next_question() -> None:
    """AITasker took the answer (a 2xx); the agent then asks something else: the answer is done, the
    new question may be answered. Unsure, the same sight proves nothing: it stays to be checked."""
    asked_again = task("input_required", input_request={"question": "And the colours?", "state": "waiting"})
    same_question = task("input_required", input_request={"question": "Q?", "state": "waiting"})
    taken = dataclasses.replace(entry(Action.ANSWER, question="Q?"), phase=Phase.DONE)
    assert VERDICTS[Action.ANSWER](taken, asked_again) is Verdict.HAPPENED
    assert VERDICTS[Action.ANSWER](taken, same_question) is Verdict.NO_SIGN
    assert VERDICTS[Action.ANSWER](entry(Action.ANSWER, question="Q?"), asked_again) is Verdict.NO_SIGN


# --- what needs the person ---------------------------------------------------------------------------


def test_what_waits_for_the_person_and_which_comes_first() -> None:
    review = task("review", expires_at=(NOW + timedelta(hours=2)).isoformat())
    delivered = Task.model_validate(
        {"id": "d", "status": "delivered", "expires_at": (NOW + timedelta(hours=1)).isoformat()}
    )
    asked = Task.model_validate(
        {"id": "q", "status": "input_required", "input_request": {"question": "Which colours?", "state": "waiting",
         "answer_by": (NOW + timedelta(minutes=20)).isoformat()}, "expires_at": (NOW + timedelta(hours=5)).isoformat()}
    )  # fmt: skip
    over = Task.model_validate(
        {"id": "o", "status": "delivered", "expires_at": (NOW - timedelta(minutes=1)).isoformat()}
    )
    assert [needs_you(t) for t in (review, delivered, asked, over, task("delivering"))] == [
        "review", "approve", "answer", "approve", "",
    ]  # fmt: skip
    assert next_waiting([review, delivered, asked, over], NOW).id == "q"
    assert next_waiting([review, delivered, asked], NOW, selected=review) is review
    assert next_waiting([over], NOW) is None
    assert life.question_of(asked) == life.Question(
        "Which colours?", None, NOW + timedelta(minutes=20), True, "", False
    )


def test_the_summary_of_what_changed_while_away() -> None:
    stored = {
        "a": task("delivering"),
        "b": task("review"),
        "c": task("prototyping"),
        "d": task("delivered", delivery={"number": 1}),
        "e": task("open"),
        "f": task("matching"),
        "g": task("delivered"),
    }
    fresh = {
        "a": task("delivered", delivery={"number": 1}),
        "b": task("expired"),
        "c": task("review"),
        "d": task("delivered", delivery={"number": 1}),  # unchanged: nothing to tell
        "e": task("cancelled", history=[{"status": "cancelled", "by": "buyer"}]),  # the person's own
        "f": task("input_required", input_request={"question": "Which colours?", "state": "waiting"}),
        "g": task("completed", approved_by="automatic"),
    }
    pairs = [(stored[k].model_copy(update={"id": k}), fresh[k].model_copy(update={"id": k})) for k in stored]
    summary = while_away(pairs)
    assert summary is not None
    assert summary.heading == (
        "While you were away: 1 final work ready, 1 question for you, 1 ready for your review, 1 review closed, "
        "1 approved automatically"
    )
    assert [(line.task_id, line.text) for line in summary.lines] == [
        ("a", "‘Logo for my bakery’: the final work is ready"),
        ("f", "‘Logo for my bakery’: the agent asks you something"),
        ("c", "‘Logo for my bakery’: ready for your review"),
        ("b", "‘Logo for my bakery’: the review closed without a choice"),
        ("g", "‘Logo for my bakery’: approved automatically"),
    ]
    # A second delivery after changes counts; a task cancelled by AITasker (not the person) counts.
    again = while_away(
        [
            (task("delivering", delivery={"number": 1}), task("delivered", delivery={"number": 2})),
            (task("review").model_copy(update={"id": "x"}), task("cancelled").model_copy(update={"id": "x"})),
            (task("review").model_copy(update={"id": "y"}), task("review").model_copy(update={"id": "y"})),
        ]
    )
    assert again is not None and again.heading == "While you were away: 1 final work ready, 1 cancelled by AITasker"
    assert while_away([(task("open"), task("matching"))]) is None  # nothing that needs telling


def test_alerts_are_given_once_per_step_and_an_hour_ahead_only_for_long_periods(tmp_path) -> None:
    store = Store.in_dir(tmp_path)
    try:
        alerts = TaskAlerts(store, tz=UTC)
        ready = task("delivered", delivery={"number": 1}, expires_at=(NOW + timedelta(hours=3)).isoformat())
        [alert] = alerts.on_change(task("delivering"), ready)
        assert (alert.kind, alert.summary) == ("final", "Final work ready")
        assert (
            alert.body
            == "The final work of ‘Logo for my bakery’ is ready to look at. Approve it or ask for changes by 18:00."
        )
        assert TaskAlerts(store).on_change(task("delivering"), ready) == []  # remembered across restarts
        second = task("delivered", delivery={"number": 2}, expires_at=ready.expires_at.isoformat())
        assert [a.kind for a in alerts.on_change(ready, second)] == ["final"]
        asked = task("input_required", input_request={"question": "Which colours?", "asked_at": NOW.isoformat()})
        [question] = alerts.on_change(task("delivering"), asked)
        assert question.body == "The agent working on ‘Logo for my bakery’ asks you something. Which colours?"
        assert alerts.on_change(task("review"), task("cancelled"), done_here=True) == []
        assert [a.kind for a in alerts.on_change(task("review"), task("expired"))] == ["review_closed"]
        # An hour ahead: the period was seen with three hours left, then with 59 minutes.
        assert alerts.hour_ahead([second], NOW) == []
        [hour] = alerts.hour_ahead([second], NOW + timedelta(hours=2, minutes=1))
        assert hour.body == "The time to approve the final work of ‘Logo for my bakery’ ends at 18:00."
        assert alerts.hour_ahead([second], NOW + timedelta(hours=2, minutes=30)) == []  # once
        short = task("review", expires_at=(NOW + timedelta(minutes=50)).isoformat())
        assert TaskAlerts(None).hour_ahead([short], NOW) == []  # announced with its time when it began
    finally:
        store.close()
