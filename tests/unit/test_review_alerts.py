"""One alert per task per threshold, remembered across restarts, bounded."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.api.schema import Task
from app.review.alerts import ReviewAlerts, next_to_review, waiting_for_review, waiting_words
from app.store.repository import Store

NOW = datetime(2026, 11, 28, 15, 0, tzinfo=UTC)


def task(
    task_id: str = "t1", status: str = "review", minutes_left: float = 40, title: str = "Logo for my bakery"
) -> Task:
    return Task(id=task_id, status=status, title=title, expires_at=NOW + timedelta(minutes=minutes_left))


def test_entering_review_alerts_once_with_the_closing_time() -> None:
    alerts = ReviewAlerts(tz=UTC)
    first = alerts.check(task(), NOW)
    assert [(a.kind, a.summary, a.body) for a in first] == [
        ("review", "Ready for your review", "‘Logo for my bakery’ is ready for your review — closes at 15:40")
    ]
    assert alerts.check(task(), NOW + timedelta(minutes=1)) == []
    assert alerts.check(task(), NOW + timedelta(minutes=2)) == []


def test_under_ten_minutes_alerts_once_more() -> None:
    alerts = ReviewAlerts(tz=UTC)
    alerts.check(task(), NOW)
    later = NOW + timedelta(minutes=31)  # 9 minutes left
    closing = alerts.check(task(), later)
    assert [(a.kind, a.body) for a in closing] == [
        ("closing", "Under ten minutes left to choose a version of ‘Logo for my bakery’ — closes at 15:40")
    ]
    assert alerts.check(task(), later + timedelta(minutes=1)) == []


def test_first_seen_with_little_time_left_is_one_alert_saying_both() -> None:
    alerts = ReviewAlerts(tz=UTC)
    only = alerts.check(task(minutes_left=6), NOW)
    assert len(only) == 1 and only[0].body.endswith("closes at 15:06 (under ten minutes left)")
    assert alerts.check(task(minutes_left=6), NOW + timedelta(minutes=1)) == []


def test_no_alert_outside_review_or_after_it_closed() -> None:
    alerts = ReviewAlerts(tz=UTC)
    assert alerts.check(task(status="prototyping"), NOW) == []
    assert alerts.check(task(status="delivering"), NOW) == []
    assert alerts.check(task(minutes_left=-1), NOW) == []
    assert alerts.check_all([task("a", status="open"), task("b"), task("c", minutes_left=5)], NOW)[0].task_id == "b"


def test_a_restart_does_not_repeat_an_alert(tmp_path: Path) -> None:
    store = Store.in_dir(tmp_path)
    assert len(ReviewAlerts(store, tz=UTC).check(task(), NOW)) == 1
    store.close()
    store = Store.in_dir(tmp_path)
    again = ReviewAlerts(store, tz=UTC)
    assert again.check(task(), NOW) == []
    assert [a.kind for a in again.check(task(), NOW + timedelta(minutes=35))] == ["closing"]
    assert ReviewAlerts(store, tz=UTC).check(task(), NOW + timedelta(minutes=36)) == []
    store.close()


def test_memory_is_bounded(tmp_path: Path) -> None:
    store = Store.in_dir(tmp_path)
    alerts = ReviewAlerts(store, max_remembered=50)
    for n in range(500):
        alerts.check(task(f"t{n}"), NOW)
    again = ReviewAlerts(store, max_remembered=50)
    for remembered in (alerts, again):
        assert sum(remembered.shown(f"t{n}", "review") for n in range(500)) == 50
    assert alerts.shown("t499", "review") and not alerts.shown("t0", "review")
    store.close()


def test_more_waiting_than_remembered_alert_once_also_after_a_restart(tmp_path: Path) -> None:
    """Tasks waiting at once beyond the bound are all remembered: none alerts again at the next
    check (every 30 s) nor at the next start."""
    store = Store.in_dir(tmp_path)
    waiting = [task(f"t{n}") for n in range(120)]
    alerts = ReviewAlerts(store, tz=UTC, max_remembered=50)
    due = alerts.due_all(waiting, NOW)
    assert [d.task.id for d in due] == [t.id for t in waiting] and {d.kind for d in due} == {"review"}
    assert alerts.due_all(waiting, NOW + timedelta(minutes=1)) == []
    assert ReviewAlerts(store, max_remembered=50).due_all(waiting, NOW + timedelta(minutes=2)) == []
    assert [a.body for a in alerts.check_all([task("new")], NOW)] == [
        "‘Logo for my bakery’ is ready for your review — closes at 15:40"
    ]
    store.close()


def test_a_damaged_setting_starts_afresh(tmp_path: Path) -> None:
    store = Store.in_dir(tmp_path)
    store.set_setting("review-alerts-shown", "{oops")
    assert len(ReviewAlerts(store).check(task(), NOW)) == 1
    store.close()


def test_next_to_review_prefers_the_selected_task_then_the_one_closing_soonest() -> None:
    soon, later, done = task("soon", minutes_left=5), task("later", minutes_left=50), task("done", status="completed")
    tasks = [later, done, soon, task("gone", minutes_left=-2)]
    assert [t.id for t in waiting_for_review(tasks, NOW)] == ["soon", "later"]
    assert next_to_review(tasks, NOW, selected=later) is later
    assert next_to_review(tasks, NOW, selected=done) is soon
    assert next_to_review([done], NOW) is None
    assert (waiting_words(0), waiting_words(1), waiting_words(2)) == ("", "1 needs your review", "2 need your review")


def test_a_review_closing_in_year_9999_alerts_without_a_time_it_cannot_show() -> None:
    from datetime import timezone

    far = Task.model_validate(
        {"id": "far", "status": "review", "title": "Far", "expires_at": "9999-12-31T23:59:59-14:00"}
    )
    # Seen from +14 h that moment is past the last year Python can hold: before, OverflowError.
    [alert] = ReviewAlerts(tz=timezone(timedelta(hours=14))).check(far, NOW)
    assert alert.body == "‘Far’ is ready for your review"
