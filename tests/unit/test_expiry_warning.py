"""The expiry warns only when it matters: a task that waits for the person (a version to choose, a
question to answer, a delivery to approve) with little time left."""

from datetime import UTC, datetime, timedelta

import pytest

from app.api.schema import OUTBOX_STATUSES, STATUSES
from app.tasks.life import WAITS_FOR_YOU
from app.timefmt import REVIEW_WARNING_SECONDS, expiry_warns

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
SOON = NOW + timedelta(seconds=30)


@pytest.mark.parametrize("status", [s for s in [*STATUSES, *OUTBOX_STATUSES, "on_hold"] if s not in WAITS_FOR_YOU])
def test_no_warning_outside_review_however_close(status: str) -> None:
    assert not expiry_warns(status, SOON, NOW)  # e.g. "in under a minute" right after posting


def test_the_person_is_waited_for_in_review_a_question_and_a_delivery() -> None:
    assert {"review", "input_required", "delivered"} <= set(WAITS_FOR_YOU)


@pytest.mark.parametrize("status", ["input_required", "delivered"])
def test_a_question_or_a_delivery_warns_when_little_time_is_left(status: str) -> None:
    assert expiry_warns(status, SOON, NOW) and not expiry_warns(status, NOW + timedelta(days=2), NOW)


def test_review_warns_when_little_time_is_left() -> None:
    assert expiry_warns("review", SOON, NOW)
    assert expiry_warns("review", NOW + timedelta(seconds=REVIEW_WARNING_SECONDS - 1), NOW)
    assert not expiry_warns("review", NOW + timedelta(seconds=REVIEW_WARNING_SECONDS), NOW)
    assert not expiry_warns("review", NOW + timedelta(days=2), NOW)
    assert not expiry_warns("review", NOW - timedelta(minutes=1), NOW)  # already past: the status will say
    assert not expiry_warns("review", None, NOW)
