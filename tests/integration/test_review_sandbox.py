"""Reviewing against the real sandbox: the gallery, choosing once, an unclear choice, no select operation."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from app.api import errors
from app.api.client import TasksClient
from app.api.schema import TaskDraft
from app.images import ImageFetcher
from app.review.artifacts import classify_artifacts
from app.review.operations import OperationsCache, discover_operations
from app.sandbox import SandboxConfig, SandboxServer
from app.sandbox.service import BID_WINDOW_SECONDS, DEMO_API_KEY, PHASES
from tests.conftest import FakeClock

DRAFT = TaskDraft(
    category="graphics-design",
    task_type="logo-design",
    budget_usd=45.0,
    title="Logo for my bakery",
    description="A warm, round logo",
)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def server(clock: FakeClock) -> Iterator[SandboxServer]:
    with SandboxServer(SandboxConfig(seed=3, clock=clock)) as sandbox:
        yield sandbox


def select_posts(server: SandboxServer) -> list[str]:
    return [path for method, path, _ in server.app.state.requests_seen if method == "POST" and "select" in path]


async def test_gallery_is_empty_before_review_then_shows_versions_within_budget(
    server: SandboxServer, clock: FakeClock
) -> None:
    async with TasksClient(server.url, DEMO_API_KEY) as client:
        task = await client.create_task(DRAFT)
        before = await client.get_bids(task.id)
        assert before.bids == [] and before.task is not None and before.task.status == "open"
        clock.now += BID_WINDOW_SECONDS + 1
        gallery = await client.get_bids(task.id)
    assert gallery.task is not None and gallery.task.status == "review"
    shown = gallery.presented
    assert 3 <= len(shown) <= 5 and len(gallery.bids) > len(shown) and gallery.total_bids_generated == len(gallery.bids)
    assert len({b.agent_name for b in shown}) == len(shown) and all(b.agent_tier for b in shown)
    assert all(b.bid_price_usd is not None and 0 < b.bid_price_usd <= 45.0 for b in gallery.bids)
    assert all(b.prototype_summary and b.agent_message and b.eval_score and b.eval_breakdown for b in shown)
    kinds = {a.kind for b in shown for a in classify_artifacts(b.artifacts, server.url)}
    assert kinds == {"image", "text"}
    assert gallery.selected_bid is None and not any(b.selected for b in gallery.bids)
    # The same gallery on every read.
    async with TasksClient(server.url, DEMO_API_KEY) as client:
        assert (await client.get_bids(task.id)).bids == gallery.bids


async def test_the_sandbox_serves_the_pictures_it_lists(server: SandboxServer, clock: FakeClock) -> None:
    async with TasksClient(server.url, DEMO_API_KEY) as client:
        task = await client.create_task(DRAFT)
        clock.now += BID_WINDOW_SECONDS + 1
        gallery = await client.get_bids(task.id)
    images = [a for b in gallery.presented for a in classify_artifacts(b.artifacts, server.url) if a.kind == "image"]
    fetcher = ImageFetcher(server.url, DEMO_API_KEY)
    try:
        first = await fetcher.fetch(images[0].url)
        second = await fetcher.fetch(images[1].url)
    finally:
        await fetcher.aclose()
    assert first.startswith(b"<svg") and b"LB" in first and first != second  # initials of the title, one per version
    assert httpx.get(server.url + "/sandbox/artifacts/00000000-0000-4000-8000-000000000000/x.svg").status_code in (
        404,
        422,
    )


async def test_choosing_sends_one_request_then_delivering_then_completed(
    server: SandboxServer, clock: FakeClock, tmp_path
) -> None:
    async with TasksClient(server.url, DEMO_API_KEY) as client:
        task = await client.create_task(DRAFT)
        clock.now += BID_WINDOW_SECONDS + 1
        gallery = await client.get_bids(task.id)
        ops = await OperationsCache().get(server.url, client.openapi)
        assert ops.state == "found" and ops.select is not None
        chosen = gallery.presented[1]
        await client.select_bid(ops.select, task.id, chosen.id)
        assert select_posts(server) == [f"/api/v1/tasks/{task.id}/select-bid"]
        after = await client.get_bids(task.id)
        assert after.selected_bid is not None and after.selected_bid.id == chosen.id
        assert [b.id for b in after.bids if b.selected] == [chosen.id]
        assert (await client.get_task(task.id)).status == "delivering"
        clock.now += server.config.delivery_seconds + 1
        # The final work waits for the buyer; unanswered, it is approved at the end of the period.
        assert (await client.get_task(task.id)).status == "delivered"
        clock.now += server.config.approval_seconds
        assert (await client.get_task(task.id)).status == "completed"
        # A different choice after the fact is refused, and nothing is retried by itself.
        with pytest.raises(errors.ApiError) as refused:
            await client.select_bid(ops.select, task.id, gallery.presented[0].id)
        assert refused.value.status == 409 and len(select_posts(server)) == 2


async def test_an_unclear_choice_is_reported_and_not_resent(server: SandboxServer, clock: FakeClock) -> None:
    async with TasksClient(server.url, DEMO_API_KEY) as client:
        task = await client.create_task(DRAFT)
        clock.now += BID_WINDOW_SECONDS + 1
        gallery = await client.get_bids(task.id)
        ops = discover_operations(await client.openapi())
        assert ops.select is not None
        server.config.faults.drop_rate = 1.0  # the server stores the choice, then the connection drops
        with pytest.raises(errors.OutcomeUnknown) as caught:
            await client.select_bid(ops.select, task.id, gallery.presented[0].id)
        server.config.faults.drop_rate = 0.0
        assert "can't tell" in caught.value.user_message and "choice" in caught.value.user_message
        assert len(select_posts(server)) == 1  # sent once, never again by itself
        truth = await client.get_bids(task.id)  # re-reading the gallery tells what happened
    assert truth.selected_bid is not None and truth.selected_bid.id == gallery.presented[0].id


async def test_a_server_error_on_choosing_is_unclear_too(server: SandboxServer, clock: FakeClock) -> None:
    async with TasksClient(server.url, DEMO_API_KEY, retry_base_delay=0.01) as client:
        task = await client.create_task(DRAFT)
        clock.now += BID_WINDOW_SECONDS + 1
        gallery = await client.get_bids(task.id)
        ops = discover_operations(await client.openapi())
        assert ops.select is not None
        server.config.faults.error_rate = 1.0
        with pytest.raises(errors.OutcomeUnknown):
            await client.select_bid(ops.select, task.id, gallery.presented[0].id)
        server.config.faults.error_rate = 0.0
        assert len(select_posts(server)) == 1


async def test_unknown_task_and_unknown_version(server: SandboxServer, clock: FakeClock) -> None:
    async with TasksClient(server.url, DEMO_API_KEY) as client:
        with pytest.raises(errors.NotFound):
            await client.get_bids("00000000-0000-4000-8000-00000000abcd")
        task = await client.create_task(DRAFT)
        clock.now += BID_WINDOW_SECONDS + 1
        gallery = await client.get_bids(task.id)
        ops = discover_operations(await client.openapi())
        assert ops.select is not None
        hidden = next(b for b in gallery.bids if not b.presented)
        with pytest.raises(errors.NotFound):
            await client.select_bid(ops.select, task.id, hidden.id)


async def test_a_task_nobody_chose_for_expires_at_the_end_of_review(server: SandboxServer, clock: FakeClock) -> None:
    async with TasksClient(server.url, DEMO_API_KEY) as client:
        task = await client.create_task(DRAFT)
        clock.now += BID_WINDOW_SECONDS + dict(PHASES)["review"] + 1
        assert (await client.get_task(task.id)).status == "expired"


async def test_without_a_select_operation_the_review_points_to_the_website(clock: FakeClock) -> None:
    with SandboxServer(SandboxConfig(seed=3, clock=clock, select_operation=False)) as server:
        async with TasksClient(server.url, DEMO_API_KEY) as client:
            task = await client.create_task(DRAFT)
            clock.now += BID_WINDOW_SECONDS + 1
            assert len((await client.get_bids(task.id)).presented) >= 3
            ops = await OperationsCache().get(server.url, client.openapi)
    assert ops.state == "absent" and ops.choose_on_website
    assert select_posts(server) == []


@pytest.mark.parametrize(("status", "body"), [(200, b"<html>Welcome</html>"), (404, b""), (200, b"[1, 2")])
async def test_an_unreadable_description_points_to_the_website(status: int, body: bytes) -> None:
    from tests.file_server import FileServer, Route

    with FileServer("127.0.0.1") as server:
        server.routes["/openapi.json"] = Route(status=status, body=body, headers={"Content-Type": "text/html"})
        async with TasksClient(server.url, DEMO_API_KEY, retry_base_delay=0.01) as client:
            ops = await OperationsCache().get(server.url, client.openapi)
    assert ops.state == "unreadable" and ops.choose_on_website


async def test_a_refused_choice_speaks_of_the_choice_not_of_posting(server: SandboxServer, clock: FakeClock) -> None:
    from app.api.operations import Operation

    async with TasksClient(server.url, DEMO_API_KEY) as client:
        task = await client.create_task(DRAFT)
        clock.now += BID_WINDOW_SECONDS + 1
        gallery = await client.get_bids(task.id)
        wrong = Operation(
            "/api/v1/tasks/{task_id}/select-bid", "task_id", bid_in="body", bid_field="bid"
        )  # not its field
        with pytest.raises(errors.ApiError) as caught:
            await client.select_bid(wrong, task.id, gallery.presented[0].id)
    assert not isinstance(caught.value, errors.InvalidTask) and caught.value.status == 422
    assert "posted" not in caught.value.user_message and "did not accept" in caught.value.user_message


async def test_an_operation_the_server_no_longer_knows_is_learned_again(
    server: SandboxServer, clock: FakeClock, tmp_path
) -> None:
    from app.api.operations import Operation
    from app.review.operations import ReviewOperations
    from app.review.service import ReviewService
    from app.store.repository import Store

    store = Store.in_dir(tmp_path)
    async with TasksClient(server.url, DEMO_API_KEY) as client:
        service = ReviewService(lambda: client, DEMO_API_KEY, store=store)
        stale = Operation("/api/v1/tasks/{task_id}/choose-winner", "task_id", bid_in="body", bid_field="bid_id")
        service.cache.put(server.url, ReviewOperations("found", select=stale))  # learned from an older server
        task = await client.create_task(DRAFT)
        clock.now += BID_WINDOW_SECONDS + 1
        gallery = await client.get_bids(task.id)
        ops = await service.operations()
        assert ops.select == stale
        with pytest.raises(errors.NotFound):
            await service.choose(ops.select, task.id, gallery.presented[0].id)
        fresh = await service.operations()  # asked the server again
        assert fresh.select is not None and fresh.select.path == "/api/v1/tasks/{task_id}/select-bid"
        await service.choose(fresh.select, task.id, gallery.presented[0].id)
        await service.aclose()
    store.close()


async def test_more_time_is_offered_when_advertised_and_given_once(server: SandboxServer, clock: FakeClock) -> None:
    async with TasksClient(server.url, DEMO_API_KEY) as client:
        task = await client.create_task(DRAFT)
        clock.now += BID_WINDOW_SECONDS + 1
        before = await client.get_bids(task.id)
        ops = discover_operations(await client.openapi())
        assert ops.extend is not None and ops.extend.path == "/api/v1/tasks/{task_id}/extend-review"
        assert ops.remix is None  # the sandbox offers no new rounds: shown as a fact only
        assert (before.review_extensions_used, before.review_extensions_remaining) == (0, 1)
        await client.run_review_operation(ops.extend, task.id)
        after = await client.get_bids(task.id)
        assert after.task is not None and before.task is not None
        assert after.task.expires_at is not None and before.task.expires_at is not None
        assert (after.task.expires_at - before.task.expires_at).total_seconds() == pytest.approx(
            server.config.extension_seconds, abs=1
        )
        assert (after.review_extensions_used, after.review_extensions_remaining) == (1, 0)
        with pytest.raises(errors.ApiError) as refused:
            await client.run_review_operation(ops.extend, task.id)
        assert refused.value.status == 409
