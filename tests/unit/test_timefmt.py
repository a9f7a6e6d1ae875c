from datetime import UTC, datetime, timedelta

import pytest

from app.timefmt import ago_in_words, expires_in_words

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("delta", "words"),
    [
        (timedelta(hours=3, minutes=20), "in 3 h 20 min"),
        (timedelta(hours=2), "in 2 h"),
        (timedelta(minutes=59, seconds=59), "in 59 min"),
        (timedelta(seconds=30), "in under a minute"),
        (timedelta(days=1, hours=4), "in 1 day 4 h"),
        (timedelta(days=3, hours=4), "in 3 days"),
        (-timedelta(days=2, hours=1), "expired 2 days ago"),
        (-timedelta(minutes=5), "expired 5 min ago"),
    ],
)
def test_expiry_in_words(delta: timedelta, words: str) -> None:
    assert expires_in_words(NOW + delta, NOW) == words


def test_no_countdown_for_final_tasks_or_unknown_expiry() -> None:
    assert expires_in_words(NOW + timedelta(hours=1), NOW, final=True) == ""
    assert expires_in_words(None, NOW) == "—"


def test_ago_in_words() -> None:
    assert ago_in_words(NOW - timedelta(seconds=10), NOW) == "just now"
    assert ago_in_words(NOW - timedelta(hours=5), NOW) == "5 h ago"
