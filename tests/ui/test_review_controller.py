"""Review alerts reach the desktop once per task per threshold; a click or Ctrl+R-like call opens the review."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from app.api.client import TasksClient
from app.api.schema import Task, TaskDraft
from app.review.alerts import ReviewAlerts
from app.review.service import ReviewService
from app.sandbox import SandboxConfig, SandboxServer
from app.sandbox.service import BID_WINDOW_SECONDS, DEMO_API_KEY, PHASES
from app.store.repository import Store
from tests.conftest import FakeClock, wait_until
from tests.fake_notifications import FakeNotifications
from tests.ui.helpers import review_desk, version_list
from tests.ui.test_notifier import session_bus  # noqa: F401 (fixture)
from ui.desktop.notifier import Notifier

REVIEW = dict(PHASES)["review"]


async def test_one_notification_per_task_per_threshold_and_a_click_opens_the_review(
    qtbot,
    session_bus: str,  # noqa: F811 (the fixture imported above)
    tmp_path: Path,
) -> None:
    clock = FakeClock()
    service_bus = FakeNotifications(session_bus)
    store = Store.in_dir(tmp_path)
    tasks: dict[str, Task] = {}
    parent = QWidget()
    qtbot.addWidget(parent)
    with SandboxServer(SandboxConfig(seed=2, clock=clock)) as server:
        async with TasksClient(server.url, DEMO_API_KEY) as client:
            desk = review_desk(
                parent,
                store,
                notifier=Notifier(bus_address=session_bus, use_tray=False),
                now=lambda: datetime.fromtimestamp(clock.now, UTC),
            )
            desk.set_service(ReviewService(lambda: client, DEMO_API_KEY))
            counts: list[int] = []
            desk.waiting_changed.connect(counts.append)
            try:
                first = await client.create_task(
                    TaskDraft(category="data", task_type="data-analysis", budget_usd=20, title="Sales summary")
                )
                clock.now += 30
                second = await client.create_task(
                    TaskDraft(
                        category="graphics-design", task_type="logo-design", budget_usd=45, title="Logo for my bakery"
                    )
                )

                async def refresh() -> None:  # what the refresher does: fresh copies, handed over
                    for task_id in (first.id, second.id):
                        tasks[task_id] = await client.get_task(task_id)
                        desk.task_updated(tasks[task_id])

                await refresh()
                assert service_bus.calls == [] and desk.waiting == 0
                clock.now += BID_WINDOW_SECONDS  # both in review now
                await refresh()
                await refresh()
                desk.check()
                await wait_until(lambda: len(service_bus.calls) == 2, what="two notifications")
                bodies = [call[1][4] for call in service_bus.calls]
                assert bodies[0].startswith("‘Sales summary’ is ready for your review — closes at ")
                assert bodies[1].startswith("‘Logo for my bakery’ is ready for your review — closes at ")
                assert counts == [1, 2] and desk.waiting == 2

                clock.now += REVIEW - 8 * 60 - 30  # 8.5 min left for the first, 9 for the second
                desk.check()
                desk.check()
                await wait_until(lambda: len(service_bus.calls) == 4, what="the closing-soon notifications")
                assert [call[1][3] for call in service_bus.calls[2:]] == ["Review closes soon"] * 2
                desk.check()
                assert len(service_bus.calls) == 4

                # Clicking the notification about the logo opens its review.
                service_bus.click(2)
                await wait_until(lambda: second.id in desk.windows, what="the review to open")
                window = desk.windows[second.id]
                await wait_until(lambda: version_list(window).count() >= 3, what="its versions")
                assert window.isVisible() and "Logo for my bakery" in window.windowTitle()

                # Review next, with nothing selected: the one closing soonest (the first).
                nxt = desk.review_next(None)
                assert nxt is not None and nxt.task.id == first.id
                assert desk.review_next(tasks[second.id]) is window  # the selected one, reused

                clock.now += 10 * 60  # both reviews ran out
                desk.check()
                assert desk.waiting == 0 and counts[-1] == 0
            finally:
                desk.close()
                if desk.service is not None:
                    await desk.service.aclose()
                service_bus.close()
                store.close()
    # A restart does not repeat what was shown.
    store = Store.in_dir(tmp_path)
    from app.review.alerts import ReviewAlerts

    again = ReviewAlerts(store)
    assert again.shown(first.id, "review") and again.shown(second.id, "closing")
    store.close()


def shown(caplog: pytest.LogCaptureFixture) -> list[str]:
    """What the notifier logged it showed, since the log was last cleared."""
    return [r.getMessage() for r in caplog.records if r.getMessage().startswith("notification for")]


async def test_tasks_known_at_start_alert_once_even_across_restarts(
    qtbot,
    session_bus: str,  # noqa: F811
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    now = datetime(2026, 11, 28, 15, 0, tzinfo=UTC)
    from datetime import timedelta

    known = [
        Task(id="a", status="review", title="Flyer", expires_at=now + timedelta(minutes=40)),
        Task(id="b", status="prototyping", title="Blog post", expires_at=now + timedelta(minutes=5)),
        Task(id="c", status="completed", title="Old logo"),
    ]
    service_bus = FakeNotifications(session_bus)
    parent = QWidget()
    qtbot.addWidget(parent)
    try:
        caplog.set_level(logging.INFO, logger="ui.desktop.notifier")
        for run in range(2):  # the app started twice
            caplog.clear()
            store = Store.in_dir(tmp_path)
            notifier = Notifier(bus_address=session_bus, use_tray=False)
            desk = review_desk(parent, store, notifier=notifier, now=lambda: now)
            counts: list[int] = []
            desk.waiting_changed.connect(counts.append)
            desk.seed(known)
            assert counts == [1] and [t.id for t in desk.tasks_in_review()] == ["a"]
            expected = ["notification for a shown by the desktop"] if run == 0 else []
            assert shown(caplog) == expected  # nothing again after a restart
            await wait_until(lambda: len(service_bus.calls) == 1, what="the notification")
            desk.close()
            store.close()
        assert service_bus.calls[0][1][4].startswith("‘Flyer’ is ready for your review")
    finally:
        service_bus.close()


async def test_many_tasks_waiting_at_start_make_one_notification(
    qtbot,
    session_bus: str,  # noqa: F811
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    from datetime import timedelta

    now = datetime(2026, 11, 28, 15, 0, tzinfo=UTC)
    waiting = [
        Task(id=f"t{n}", status="review", title=f"Task {n}", expires_at=now + timedelta(minutes=30 + n))
        for n in range(6)
    ]
    service_bus = FakeNotifications(session_bus)
    parent = QWidget()
    qtbot.addWidget(parent)
    store = Store.in_dir(tmp_path)
    notifier = Notifier(bus_address=session_bus, use_tray=False)
    controller = review_desk(parent, store, notifier=notifier, now=lambda: now)
    caplog.set_level(logging.INFO, logger="ui.desktop.notifier")
    try:
        controller.seed(waiting)
        await wait_until(lambda: service_bus.calls, what="the notification")
        assert shown(caplog) == ["notification for t0 shown by the desktop"]  # one, about the task closing soonest
        assert service_bus.calls[0][1][4] == "6 tasks need your review — the first closes soonest"
        assert all(controller.alerts.shown(t.id, "review") for t in waiting)
    finally:
        controller.close()
        service_bus.close()
        store.close()


async def test_many_tasks_seeded_page_by_page_make_one_notification_once_seeded(
    qtbot,
    session_bus: str,  # noqa: F811
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A start with many in review reads them a page at a time: nothing is said until all are
    seeded, then one notification about the task closing soonest (here on the last page)."""
    from datetime import timedelta

    now = datetime(2026, 11, 28, 15, 0, tzinfo=UTC)
    waiting = [
        Task(id=f"t{n}", status="review", title=f"Task {n}", expires_at=now + timedelta(minutes=60 - n))
        for n in range(6)
    ]
    service_bus = FakeNotifications(session_bus)
    parent = QWidget()
    qtbot.addWidget(parent)
    store = Store.in_dir(tmp_path)
    notifier = Notifier(bus_address=session_bus, use_tray=False)
    controller = review_desk(parent, store, notifier=notifier, now=lambda: now)
    counts: list[int] = []
    controller.waiting_changed.connect(counts.append)
    caplog.set_level(logging.INFO, logger="ui.desktop.notifier")
    try:
        controller.seed_part(waiting[:3])
        controller.seed_part(waiting[3:])
        assert counts == [] and controller.tasks_in_review() == waiting
        controller.seeded()
        await wait_until(lambda: service_bus.calls, what="the notification")
        assert shown(caplog) == ["notification for t5 shown by the desktop"]
        assert service_bus.calls[0][1][4] == "6 tasks need your review — the first closes soonest"
        assert counts == [6]
        assert ReviewAlerts(store).due_all(waiting, now) == []  # remembered, saved once seeded
    finally:
        controller.close()
        service_bus.close()
        store.close()
