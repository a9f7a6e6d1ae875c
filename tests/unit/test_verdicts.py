"""How an unsure request other than a choice is settled by reading (issue 22, the action journal):
more time, a new round, a cancel. Each verdict comes from the task and gallery as AITasker shows
them now; nothing is ever sent again (app/review/verdicts.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from app.actions import Action, JournalEntry, Phase, Verdict
from app.api.schema import Task
from app.review import verdicts
from app.review.gallery import Gallery

CLOSES = datetime(2030, 5, 1, 12, 0, tzinfo=UTC)


def entry(action: Action, **params: Any) -> JournalEntry:
    return JournalEntry(1, "t1", action, params, "k", Phase.UNSURE, 0.0, 0.0)


def task(status: str, expires_at: datetime | None = CLOSES) -> Task:
    return Task(id="t1", status=status, expires_at=expires_at)


def gallery(status: str, **fields: Any) -> Gallery:
    return Gallery.model_validate({"task": {"id": "t1", "status": status}, "bids": [], **fields})


def test_more_time_is_known_by_a_later_closing_time_or_a_used_extension() -> None:
    asked = entry(Action.EXTEND, closes_at=CLOSES.isoformat(), extensions_used=0)
    assert verdicts.extend(asked, task("review"), None) is Verdict.NO_SIGN
    assert verdicts.extend(asked, task("review", CLOSES + timedelta(minutes=30)), None) is Verdict.HAPPENED
    assert verdicts.extend(asked, None, gallery("review", review_extensions_used=1)) is Verdict.HAPPENED
    assert verdicts.extend(asked, None, gallery("review", review_extensions_used=0)) is Verdict.NO_SIGN
    assert verdicts.extend(asked, task("expired"), None) is Verdict.RULED_OUT  # the review ended without it
    assert verdicts.extend(asked, task("delivering"), None) is Verdict.RULED_OUT


def test_a_new_round_is_known_by_more_versions_made_or_the_task_back_at_work() -> None:
    asked = entry(Action.REMIX, versions_made=3)
    assert verdicts.remix(asked, None, gallery("review", total_bids_generated=3)) is Verdict.NO_SIGN
    assert verdicts.remix(asked, None, gallery("review", total_bids_generated=6)) is Verdict.HAPPENED
    assert verdicts.remix(asked, task("prototyping"), None) is Verdict.HAPPENED
    assert verdicts.remix(asked, task("delivering"), None) is Verdict.RULED_OUT  # a version was chosen instead
    assert verdicts.remix(asked, task("expired"), None) is Verdict.RULED_OUT


def test_a_cancel_is_known_by_the_status() -> None:
    asked = entry(Action.CANCEL)
    assert verdicts.cancel(asked, task("review"), None) is Verdict.NO_SIGN
    assert verdicts.cancel(asked, task("cancelled"), None) is Verdict.HAPPENED
    assert verdicts.cancel(asked, task("delivering"), None) is Verdict.RULED_OUT
    assert set(verdicts.VERDICTS) >= {Action.CHOOSE, Action.EXTEND, Action.REMIX, Action.CANCEL}
