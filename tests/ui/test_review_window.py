"""The review window against the real sandbox: versions with pictures, Alt+C, Enter, and the website fallback."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager

import pytest
from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QIcon
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QToolButton, QWidget

from app.api.client import TasksClient
from app.api.schema import Task, TaskDraft
from app.review.artifacts import classify_artifacts
from app.review.service import ReviewService
from app.sandbox import SandboxConfig, SandboxServer
from app.sandbox.service import BID_WINDOW_SECONDS, DEMO_API_KEY
from tests.conftest import FakeClock, wait_until
from tests.ui.helpers import confirmation, review_desk, version_card, version_list
from ui.widgets.image_viewer import ImageViewer
from ui.windows.review.window import ReviewWindow

DRAFT = TaskDraft(category="graphics-design", task_type="logo-design", budget_usd=45.0, title="Logo for my bakery")
HTML = "<b>Bold?</b> <a href='https://evil.example'>click</a> <img src=x>"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def opened_urls(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    urls: list[str] = []

    def open_url(url: QUrl | str) -> bool:
        urls.append(QUrl(url).toString())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    yield urls


@asynccontextmanager
async def review_of_task_in_review(
    qtbot,
    clock: FakeClock,
    *,
    select_operation: bool = True,
    extra_artifacts: list[object] | None = None,
) -> AsyncIterator[tuple[ReviewWindow, SandboxServer, Task]]:
    with SandboxServer(SandboxConfig(seed=5, clock=clock, select_operation=select_operation)) as server:
        async with TasksClient(server.url, DEMO_API_KEY) as client:
            task = await client.create_task(DRAFT)
            clock.now += BID_WINDOW_SECONDS + 1
            gallery = await client.get_bids(task.id)  # the sandbox makes the versions
            if extra_artifacts:
                first = server.app.state.tasks[task.id].body["_bids"]
                top = next(b for b in first if b["id"] == gallery.presented[0].id)
                top["artifacts"].extend(extra_artifacts)
            task = await client.get_task(task.id)
            parent = QWidget()
            qtbot.addWidget(parent)
            desk = review_desk(parent)
            desk.set_service(service := ReviewService(lambda: client, DEMO_API_KEY))
            window = desk.open_review(task)
            assert window is not None
            try:
                await wait_until(
                    lambda: version_list(window).count() >= 3 and window.operations is not None, what="the versions"
                )
                yield window, server, task
            finally:
                desk.close()
                await service.aclose()


def select_posts(server: SandboxServer) -> list[str]:
    return [p for m, p, _ in server.app.state.requests_seen if m == "POST" and "select" in p]


async def test_versions_with_pictures_alt_c_and_enter_choose_one(qtbot, clock: FakeClock) -> None:
    async with review_of_task_in_review(qtbot, clock) as (window, server, task):
        assert 3 <= version_list(window).count() <= 5
        assert version_list(window).currentRow() == 0  # the first version is selected when it opens
        first = window.current_bid()
        assert first is not None and first.agent_name
        assert first.agent_name in version_list(window).item(0).text() and "$" in version_list(window).item(0).text()
        assert window.findChild(QLabel, "cardAgent").text().startswith(first.agent_name)
        assert window.findChild(QLabel, "cardScore").text().startswith("Judged ")
        assert window.closes.text().startswith("Review closes in ")
        # Pictures arrive in the background: a thumbnail on every version, a large one on the card.
        await wait_until(
            lambda: all(not version_list(window).item(r).icon().isNull() for r in range(version_list(window).count())),
            what="thumbnails",
        )
        # The selected version's thumbnail is drawn as it is, not tinted with the selection's colour.
        selected = version_list(window).currentItem().icon()
        size = version_list(window).iconSize()
        assert (
            selected.pixmap(size, QIcon.Mode.Selected).toImage() == selected.pixmap(size, QIcon.Mode.Normal).toImage()
        )
        picture = window.findChild(QToolButton, "artifactImage")
        await wait_until(lambda: picture.isEnabled(), what="the card's picture")
        picture.click()
        viewer = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ImageViewer) and w.isVisible())
        assert viewer.windowTitle() == f"Picture by {first.agent_name}"
        viewer.close()

        # Keyboard only: the second version, Alt+C, Enter.
        version_list(window).setFocus()
        qtbot.keyClick(version_list(window), Qt.Key.Key_Down)
        second = window.current_bid()
        assert second is not None and second.id != first.id
        assert window.choose_button.isEnabled(), window.choose_button.toolTip()
        qtbot.keyClick(window, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
        await wait_until(lambda: confirmation() is not None, what="the question")
        box = confirmation()
        assert box is not None
        assert box.text() == f"Choose {second.possessive()} version for ${second.bid_price_usd:,.2f}?"
        qtbot.keyClick(box, Qt.Key.Key_Return)
        await wait_until(lambda: window.message.text().startswith("You chose"), what="the choice")

        stored = server.app.state.tasks[task.id].body["_bids"]
        assert [b["id"] for b in stored if b["selected"]] == [second.id]
        assert len(select_posts(server)) == 1
        async with TasksClient(server.url, DEMO_API_KEY) as client:
            assert (await client.get_task(task.id)).status == "delivering"
        await wait_until(lambda: window.task.status == "delivering", what="the window to follow")
        assert not window.choose_button.isEnabled()
        assert window.closes.text().startswith("Final version in progress")
        assert version_list(window).currentItem().text().startswith("✓ Chosen")
        assert all(
            not version_list(window).item(r).icon().isNull() for r in range(version_list(window).count())
        )  # pictures kept


async def test_cancelling_the_question_sends_nothing(qtbot, clock: FakeClock) -> None:
    async with review_of_task_in_review(qtbot, clock) as (window, server, _task):
        window.choose_button.click()
        await wait_until(lambda: confirmation() is not None, what="the question")
        qtbot.keyClick(confirmation(), Qt.Key.Key_Escape)
        await wait_until(lambda: window.choose_button.isEnabled(), what="the button back")
        assert select_posts(server) == []


async def test_an_unclear_choice_is_said_and_checked_not_resent(qtbot, clock: FakeClock) -> None:
    async with review_of_task_in_review(qtbot, clock) as (window, server, _task):
        server.config.faults.drop_rate = 1.0
        server.config.faults.paths = ("/api/v1/tasks/",)
        window.choose_button.click()
        await wait_until(lambda: confirmation() is not None, what="the question")
        qtbot.keyClick(confirmation(), Qt.Key.Key_Return)
        await wait_until(
            lambda: "Not sure your choice reached AITasker" in window.message.text(), what="the unclear outcome"
        )
        assert not window.choose_button.isEnabled()  # nothing more is sent while it is unsettled
        server.config.faults.drop_rate = 0.0
        assert len(select_posts(server)) == 1
        await wait_until(lambda: window.message.text() == "AITasker has your choice.", what="the journal's check")
        await wait_until(
            lambda: window.gallery is not None and window.gallery.selected_bid is not None, what="the truth"
        )
        assert len(select_posts(server)) == 1  # never resent
        assert not window.choose_button.isEnabled()


async def test_text_is_shown_as_typed_and_links_open_only_when_clicked(
    qtbot, clock: FakeClock, opened_urls: list[str]
) -> None:
    extra: list[object] = [
        HTML,
        {"kind": "file", "url": "https://files.example.com/logo-sources.zip", "name": "Sources"},
    ]
    async with review_of_task_in_review(qtbot, clock, extra_artifacts=extra) as (window, _server, _task):
        texts = [label for label in version_card(window).findChildren(QLabel, "artifactText") if label.text() == HTML]
        assert texts and texts[0].textFormat() == Qt.TextFormat.PlainText
        for name in ("cardAgent", "cardSummary", "cardMessage"):
            assert version_card(window).findChild(QLabel, name).textFormat() == Qt.TextFormat.PlainText
        link = version_card(window).findChild(QPushButton, "artifactLink")
        assert link.text() == "Open Sources on files.example.com"
        assert opened_urls == []
        link.click()
        assert opened_urls == ["https://files.example.com/logo-sources.zip"]


async def test_without_a_select_operation_the_website_is_offered_and_nothing_is_sent(
    qtbot, clock: FakeClock, opened_urls: list[str]
) -> None:
    async with review_of_task_in_review(qtbot, clock, select_operation=False) as (window, server, _task):
        assert version_list(window).count() >= 3  # the versions are still shown
        assert window.website.isVisible() and not window.choose_button.isVisible()
        qtbot.keyClick(window, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # nothing to choose with
        assert confirmation() is None
        window.website_button.click()
        assert opened_urls == ["https://aitasker.co"]
        assert select_posts(server) == []


async def test_the_window_follows_the_task_and_says_when_the_review_closed(qtbot, clock: FakeClock) -> None:
    async with review_of_task_in_review(qtbot, clock) as (window, _server, task):
        assert window.choose_button.isEnabled()
        expired = task.model_copy(update={"status": "expired"})
        window.update_task(expired)
        assert window.closes.text().startswith("Expired")
        assert not window.choose_button.isEnabled()


async def test_asking_for_more_time_when_the_server_offers_it(qtbot, clock: FakeClock) -> None:
    async with review_of_task_in_review(qtbot, clock) as (window, server, task):
        assert window.extend_button.isVisible() and not window.remix_button.isVisible()
        before = window.task.expires_at
        window.extend_button.click()
        await wait_until(lambda: confirmation() is not None, what="the question")
        assert confirmation().text() == "Ask for more time to choose?"
        qtbot.keyClick(confirmation(), Qt.Key.Key_Return)
        await wait_until(lambda: window.message.text().startswith("You have more time"), what="more time")
        assert window.task.expires_at is not None and before is not None and window.task.expires_at > before
        assert not window.extend_button.isVisible()  # none left
        assert [p for m, p, _ in server.app.state.requests_seen if m == "POST" and "extend" in p] == [
            f"/api/v1/tasks/{task.id}/extend-review"
        ]


async def test_loading_the_versions_is_no_longer_said_once_they_are_shown(qtbot, clock: FakeClock) -> None:
    """Seen on a real desktop: "Loading the versions…" stayed above the versions it announced."""
    async with review_of_task_in_review(qtbot, clock) as (window, server, task):
        assert not window.message.isVisible(), window.message.text()
        gallery = window.gallery
        assert gallery is not None
        artifacts = {bid.id: classify_artifacts(bid.artifacts, server.url) for bid in gallery.presented}
        # Loading again in a window of its own, the language changing meanwhile: still cleared.
        again = ReviewWindow(task)
        qtbot.addWidget(again)
        again.show()
        again.show_loading()
        assert again.message.isVisible() and again.message.text() == "Loading the versions…"
        QApplication.sendEvent(again, QEvent(QEvent.Type.LanguageChange))
        again.show_gallery(gallery, artifacts)
        assert not again.message.isVisible(), again.message.text()
