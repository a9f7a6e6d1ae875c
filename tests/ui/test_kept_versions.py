"""The versions stay readable after they were first seen: kept on this computer (app/review/keep.py)
and shown from there, pictures too, when AITasker can't be reached."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from app.api.client import TasksClient
from app.api.schema import TaskDraft
from app.review.keep import KeptTasks
from app.review.service import ReviewService
from app.sandbox import SandboxConfig, SandboxServer
from app.sandbox.service import BID_WINDOW_SECONDS, DEMO_API_KEY
from tests.conftest import FakeClock, wait_until
from tests.ui.helpers import review_desk, version_list


def thumbnails_in(window: QWidget) -> bool:
    listing = version_list(window)
    return listing.count() > 0 and all(not listing.item(r).icon().isNull() for r in range(listing.count()))


async def test_versions_seen_once_are_shown_from_this_computer_when_aitasker_cannot_be_reached(
    qtbot, tmp_path: Path
) -> None:
    clock = FakeClock()
    kept = KeptTasks(tmp_path)
    with SandboxServer(SandboxConfig(seed=41, clock=clock)) as server:
        url = server.url
        async with TasksClient(url, DEMO_API_KEY) as client:
            draft = TaskDraft(category="graphics-design", task_type="logo-design", budget_usd=30, title="Sign")
            task = await client.create_task(draft)
            clock.now += BID_WINDOW_SECONDS + 1
            task = await client.get_task(task.id)
            parent = QWidget()
            qtbot.addWidget(parent)
            desk = review_desk(parent)
            service = ReviewService(lambda: client, DEMO_API_KEY, kept=kept)
            desk.set_service(service)
            window = desk.open_review(task)
            assert window is not None
            live = window
            await wait_until(lambda: thumbnails_in(live), what="the versions and their pictures")
            seen = [version_list(window).item(r).text() for r in range(version_list(window).count())]
            window.close()
            await service.aclose()  # (the keeping writes under way are finished)
    assert kept.has(task.id)

    # The server is gone: the same versions, from this computer, and said to be so.
    async with TasksClient(url, DEMO_API_KEY, retry_base_delay=0.01) as offline:
        parent = QWidget()
        qtbot.addWidget(parent)
        desk = review_desk(parent)
        service = ReviewService(lambda: offline, DEMO_API_KEY, kept=kept)
        desk.set_service(service)
        again = desk.open_review(task)
        assert again is not None
        await wait_until(lambda: version_list(again).count() == len(seen), timeout=20, what="the kept versions")
        assert [version_list(again).item(r).text() for r in range(len(seen))] == seen
        assert "as kept on this computer" in again.facts.text()
        await wait_until(lambda: thumbnails_in(again), timeout=20, what="the kept pictures")
        again.close()
        await service.aclose()
