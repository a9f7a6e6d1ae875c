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


# --- dates far out: year 9999 at +14 h, year 1 ------------------------------------------------

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

from app.api.schema import Task  # noqa: E402
from app.store.repository import Store  # noqa: E402
from app.timefmt import UNSHOWABLE, as_sent, local_or_none, seconds_since_epoch, utc_iso  # noqa: E402
from tests.far_dates import FAR, ZONES  # noqa: E402
from tests.far_dates import local_zone as zone  # noqa: E402


@pytest.fixture(params=ZONES)
def local_zone(request: pytest.FixtureRequest) -> Iterator[str]:
    with zone(request.param) as name:
        yield name


def far(text: str) -> datetime:
    when = Task.model_validate({"id": "x", "expires_at": text}).expires_at
    assert when is not None
    return when


@pytest.mark.parametrize("text", FAR)
def test_far_dates_never_raise_and_say_when_they_cannot_be_shown(local_zone: str, text: str) -> None:
    when = far(text)
    local = local_or_none(when)  # None where the platform can't hold it in this zone
    if local is not None:
        assert local == when and local.utcoffset() is not None
    assert as_sent(when).startswith(UNSHOWABLE) and when.isoformat() in as_sent(when)  # the raw value, for details
    assert expires_in_words(when, NOW).startswith(("in ", "expired "))
    assert utc_iso(when)[:4] in ("9999", "0001")


def test_at_least_one_far_date_really_cannot_be_shown_here(local_zone: str) -> None:
    # Guards the tests that use FAR from passing only because nothing overflowed on this machine.
    assert any(local_or_none(far(text)) is None for text in FAR)


def test_far_dates_sort_in_time_order() -> None:
    dates = [far(text) for text in FAR] + [NOW]
    assert sorted(dates, key=seconds_since_epoch) == sorted(dates)
    assert sorted(map(utc_iso, dates)) == [utc_iso(d) for d in sorted(dates)]


def test_a_task_with_far_dates_is_stored_and_read_back(tmp_path: Path) -> None:
    store = Store.in_dir(tmp_path)
    # Before: the store converted created_at to UTC and raised OverflowError.
    for number, text in enumerate(FAR):
        store.upsert_task(Task.model_validate({"id": str(number), "created_at": text, "expires_at": text}))
    assert sorted(t.created_at.isoformat() for t in store.list_tasks() if t.created_at) == sorted(
        far(t).isoformat() for t in FAR
    )
