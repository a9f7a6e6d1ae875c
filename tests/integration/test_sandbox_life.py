"""The sandbox's whole task life over real loopback HTTP: the final work and its bytes, approve,
ask for changes, report a problem, answer the agent, approval by the clock, idempotency keys,
faults on the actions, and what /openapi.json advertises."""

from __future__ import annotations

import hashlib
import io
import struct
import time
import zipfile
import zlib
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from app.review.operations import discover_operations
from app.sandbox import Faults, SandboxConfig, SandboxServer
from app.sandbox.config import BID_WINDOW_SECONDS, DEMO_API_KEY
from app.sandbox.life import asks_a_question
from tests.conftest import FakeClock

DRAFT = {"category": "graphics-design", "task_type": "logo-design", "budget_usd": 40.0, "title": "Logo for my bakery"}
ACTIONS = {  # operationId → path ending, as a client finds them by words
    "select_bid": "select-bid",
    "approve_delivery": "approve",
    "request_revision": "request-revision",
    "dispute_delivery": "dispute",
    "cancel_task": "cancel",
    "provide_input": "provide-input",
}


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def server(clock: FakeClock) -> Iterator[SandboxServer]:
    with SandboxServer(SandboxConfig(seed=5, clock=clock, question_share=0.0)) as sandbox:
        yield sandbox


@pytest.fixture
async def api(server: SandboxServer) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=server.url, headers={"Authorization": f"Bearer {DEMO_API_KEY}"}) as client:
        yield client


async def chosen(api: httpx.AsyncClient, clock: FakeClock, **draft: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """A task posted, its review reached and its best presented version chosen: (task, bid)."""
    created = await api.post("/api/v1/tasks", json={**DRAFT, **draft})
    assert created.status_code == 201, created.text
    task = created.json()
    clock.now += BID_WINDOW_SECONDS + 1
    bid = next(b for b in (await api.get(f"/api/v1/tasks/{task['id']}/bids")).json()["bids"] if b["presented"])
    answer = await api.post(f"/api/v1/tasks/{task['id']}/select-bid", json={"bid_id": bid["id"]})
    assert answer.status_code == 200 and answer.json()["task"]["status"] == "delivering"
    return task, bid


async def delivered(api: httpx.AsyncClient, clock: FakeClock, server: SandboxServer, **draft: Any) -> tuple[str, dict]:
    task, bid = await chosen(api, clock, **draft)
    clock.now += server.config.delivery_seconds + 1
    assert (await task_now(api, task["id"]))["status"] == "delivered"
    return task["id"], bid


async def task_now(api: httpx.AsyncClient, task_id: str) -> dict[str, Any]:
    answer = await api.get(f"/api/v1/tasks/{task_id}")
    assert answer.status_code == 200
    return answer.json()


async def act(api: httpx.AsyncClient, task_id: str, action: str, body: dict | None = None, key: str | None = None):
    headers = {"Idempotency-Key": key} if key else {}
    return await api.post(f"/api/v1/tasks/{task_id}/{action}", json=body, headers=headers)


def png_pixels(data: bytes) -> tuple[int, int, bytes]:
    """(width, height, raw scanlines) of an 8-bit RGB PNG, every chunk's CRC checked."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length : pos + 12 + length])
        assert zlib.crc32(kind + body) & 0xFFFFFFFF == crc, kind
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    assert kind == b"IEND" and pos == len(data)
    width, height, depth, colour = struct.unpack(">IIBB", header[:10])
    assert (depth, colour) == (8, 2)
    return width, height, zlib.decompress(idat)


async def test_openapi_advertises_every_action_by_path_words_and_operation_id(api: httpx.AsyncClient) -> None:
    spec = (await api.get("/openapi.json")).json()
    posts = {op["operationId"]: path for path, item in spec["paths"].items() for op in [item.get("post", {})] if op}
    for operation_id, ending in ACTIONS.items():
        assert posts[operation_id] == f"/api/v1/tasks/{{task_id}}/{ending}"
    gets = {item["get"]["operationId"]: path for path, item in spec["paths"].items() if "get" in item}
    assert gets["get_delivery"] == "/api/v1/tasks/{task_id}/delivery"
    assert gets["list_deliveries"] == "/api/v1/tasks/{task_id}/deliveries"
    assert gets["get_credit_balance"] == "/api/v1/a2a/credits/balance"
    assert posts["top_up_credit"] == "/api/v1/a2a/credits/topup"
    for name, field in (("RevisionRequest", "message"), ("DisputeRequest", "message"), ("InputAnswer", "answer")):
        assert spec["components"]["schemas"][name]["required"] == [field]
    # The app's current discovery still finds the choice, the extension and no remix, and nothing else.
    ops = discover_operations(spec)
    assert ops.select is not None and ops.select.path.endswith("/select-bid") and ops.select.bid_field == "bid_id"
    assert ops.extend is not None and ops.remix is None


async def test_the_final_work_is_real_files_served_from_the_sandbox(
    api: httpx.AsyncClient, clock: FakeClock, server: SandboxServer
) -> None:
    task_id, bid = await delivered(api, clock, server)
    delivery = (await api.get(f"/api/v1/tasks/{task_id}/delivery")).json()
    assert (delivery["number"], delivery["status"], delivery["bid_id"]) == (1, "awaiting_approval", bid["id"])
    assert delivery["approve_by"] is not None and delivery["agent_name"] == bid["agent_name"]
    items = {a["content_type"].split(";")[0]: a for a in delivery["artifacts"]}
    assert set(items) == {"image/png", "text/plain", "application/pdf", "application/zip"}
    assert [a["type"] for a in delivery["artifacts"]] == ["image", "text", "file", "file"]
    bodies: dict[str, bytes] = {}
    async with httpx.AsyncClient() as anonymous:  # no key needed: like a signed link
        for kind, item in items.items():
            assert urlsplit(item["url"]).netloc == urlsplit(server.url).netloc  # the sandbox's own host
            answer = await anonymous.get(item["url"])
            assert answer.status_code == 200
            assert answer.headers["content-type"] == item["content_type"]
            assert int(answer.headers["content-length"]) == len(answer.content) == item["size_bytes"]
            assert hashlib.sha256(answer.content).hexdigest() == item["sha256"]
            head = await anonymous.head(item["url"])
            assert (head.status_code, head.headers["content-length"]) == (200, str(item["size_bytes"]))
            bodies[kind] = answer.content
            assert (await anonymous.get(item["url"])).content == answer.content  # the same bytes each time
        assert (await anonymous.get(items["image/png"]["url"].replace(".png", ".gif"))).status_code == 404
    picture = bodies["image/png"]
    assert 200_000 <= len(picture) <= 2_000_000  # a few hundred KB: not a picture that compresses to nothing
    width, height, rows = png_pixels(picture)
    assert (width, height) == (items["image/png"]["width"], items["image/png"]["height"])
    assert len(rows) == height * (1 + 3 * width) and all(rows[y * (1 + 3 * width)] == 0 for y in range(height))
    assert (
        bodies["text/plain"].decode() == items["text/plain"]["content"]
        and DRAFT["title"] in items["text/plain"]["content"]
    )
    assert bodies["application/pdf"].startswith(b"%PDF-1.4") and bodies["application/pdf"].rstrip().endswith(b"%%EOF")
    with zipfile.ZipFile(io.BytesIO(bodies["application/zip"])) as archive:
        assert archive.testzip() is None and "README.txt" in archive.namelist()
        assert any(name.endswith(".svg") for name in archive.namelist())


async def test_approve_completes_and_records_the_price_paid(
    api: httpx.AsyncClient, clock: FakeClock, server: SandboxServer
) -> None:
    task_id, bid = await delivered(api, clock, server)
    answer = await act(api, task_id, "approve")
    assert answer.status_code == 200
    task = answer.json()["task"]
    assert (task["status"], task["approved_by"], task["paid_usd"]) == ("completed", "buyer", bid["bid_price_usd"])
    assert task["refunded_usd"] == pytest.approx(DRAFT["budget_usd"] - bid["bid_price_usd"])
    assert task["history"][-1]["status"] == "completed" and task["history"][-1]["by"] == "buyer"
    assert [s["status"] for s in task["history"]] == [
        "open", "matching", "prototyping", "review", "delivering", "delivered", "completed"
    ]  # fmt: skip
    assert answer.json()["delivery"]["status"] == "approved"
    assert (await act(api, task_id, "approve")).status_code == 409  # once only
    assert (await act(api, task_id, "dispute", {"message": "too late"})).status_code == 409
    clock.now += server.config.approval_seconds * 2
    assert (await task_now(api, task_id))["approved_by"] == "buyer"  # the clock does not rewrite it


async def test_nothing_to_approve_before_the_final_work(api: httpx.AsyncClient, clock: FakeClock) -> None:
    posted = (await api.post("/api/v1/tasks", json=DRAFT)).json()
    assert (await act(api, posted["id"], "approve")).status_code == 409  # not even chosen
    assert (await api.get(f"/api/v1/tasks/{posted['id']}/delivery")).status_code == 404
    task, _ = await chosen(api, clock, title="Poster")
    for action, body in (("approve", None), ("request-revision", {"message": "x"}), ("dispute", {"message": "x"})):
        refused = await act(api, task["id"], action, body)
        assert refused.status_code == 409 and "delivering" in refused.json()["detail"]
    assert (await act(api, task["id"], "provide-input", {"answer": "x"})).status_code == 409  # nothing was asked
    assert (await act(api, "00000000-0000-4000-8000-00000000abcd", "approve")).status_code == 404


async def test_asking_for_changes_brings_a_new_delivery(
    api: httpx.AsyncClient, clock: FakeClock, server: SandboxServer
) -> None:
    task_id, _ = await delivered(api, clock, server)
    first = (await api.get(f"/api/v1/tasks/{task_id}/delivery")).json()
    assert (await act(api, task_id, "request-revision", {"message": ""})).status_code == 422  # say what to change
    answer = await act(api, task_id, "request-revision", {"message": "Make the letters bigger, please."})
    task = answer.json()["task"]
    assert (
        task["status"] == "delivering" and task["revision_requests"][0]["message"] == "Make the letters bigger, please."
    )
    assert (await api.get(f"/api/v1/tasks/{task_id}/delivery")).json()["status"] == "revision_requested"
    clock.now += server.config.revision_seconds + 1
    second = (await api.get(f"/api/v1/tasks/{task_id}/delivery")).json()
    assert (await task_now(api, task_id))["status"] == "delivered"
    assert second["number"] == 2 and second["id"] != first["id"] and "bigger" in second["message"]
    pictures = []
    for delivery in (first, second):
        url = next(a["url"] for a in delivery["artifacts"] if a["type"] == "image")
        pictures.append((await api.get(url)).content)
    assert pictures[0] != pictures[1] and (await api.get(first["artifacts"][0]["url"])).status_code == 200
    listed = (await api.get(f"/api/v1/tasks/{task_id}/deliveries")).json()["deliveries"]
    assert [(d["number"], d["status"]) for d in listed] == [(1, "revision_requested"), (2, "awaiting_approval")]
    # A limited number of rounds.
    for _ in range(server.config.revisions - 1):
        assert (await act(api, task_id, "request-revision", {"message": "again"})).status_code == 200
        clock.now += server.config.revision_seconds + 1
    refused = await act(api, task_id, "request-revision", {"message": "once more"})
    assert refused.status_code == 409 and (await task_now(api, task_id))["revisions_remaining"] == 0


async def test_reporting_a_problem_disputes_the_task(
    api: httpx.AsyncClient, clock: FakeClock, server: SandboxServer
) -> None:
    task_id, _ = await delivered(api, clock, server)
    assert (await act(api, task_id, "dispute", {"message": " "[:0]})).status_code == 422
    task = (await act(api, task_id, "dispute", {"message": "The file is not what I asked for."})).json()["task"]
    assert task["status"] == "disputed" and task["dispute"]["message"] == "The file is not what I asked for."
    clock.now += server.config.approval_seconds * 2
    later = await task_now(api, task_id)
    assert later["status"] == "disputed" and "paid_usd" not in later  # never approved by the clock
    assert (await act(api, task_id, "approve")).status_code == 409


async def test_an_agent_asks_once_and_the_answer_moves_the_task_on(clock: FakeClock) -> None:
    titles = [f"Logo {n}" for n in range(40)]
    asking = [t for t in titles if asks_a_question(t, 0.25)]
    assert 0 < len(asking) < len(titles) and asking == [t for t in titles if asks_a_question(t, 0.25)]
    with SandboxServer(SandboxConfig(seed=5, clock=clock)) as server:  # the default share: some tasks ask
        async with httpx.AsyncClient(base_url=server.url, headers={"Authorization": f"Bearer {DEMO_API_KEY}"}) as api:
            task, _ = await chosen(api, clock, title=asking[0])
            clock.now += server.config.delivery_seconds / 2 + 1
            waiting = await task_now(api, task["id"])
            assert waiting["status"] == "input_required" and waiting["input_request"]["state"] == "waiting"
            assert waiting["input_request"]["question"].endswith("?")
            assert (await act(api, task["id"], "approve")).status_code == 409
            clock.now += server.config.delivery_seconds  # the agent waits: no delivery meanwhile
            assert (await task_now(api, task["id"]))["status"] == "input_required"
            answered = (await act(api, task["id"], "provide-input", {"answer": "Blue and gold, please."})).json()[
                "task"
            ]
            assert (
                answered["status"] == "delivering" and answered["input_request"]["answer"] == "Blue and gold, please."
            )
            assert (await act(api, task["id"], "provide-input", {"answer": "again"})).status_code == 409  # once
            clock.now += server.config.delivery_seconds / 2 + 1
            assert (await task_now(api, task["id"]))["status"] == "delivered"
            delivery = (await api.get(f"/api/v1/tasks/{task['id']}/delivery")).json()
            notes = next(a["content"] for a in delivery["artifacts"] if a["type"] == "text")
            assert "Blue and gold, please." in notes
            # A title that does not ask goes straight to its delivery.
            other, _ = await chosen(api, clock, title=next(t for t in titles if t not in asking))
            clock.now += server.config.delivery_seconds + 1
            assert (await task_now(api, other["id"]))["status"] == "delivered"


async def test_an_unanswered_question_does_not_hold_the_task_forever(clock: FakeClock) -> None:
    config = SandboxConfig(seed=5, clock=clock, question_share=1.0, answer_seconds=600)
    with SandboxServer(config) as server:
        async with httpx.AsyncClient(base_url=server.url, headers={"Authorization": f"Bearer {DEMO_API_KEY}"}) as api:
            task, _ = await chosen(api, clock)
            clock.now += config.delivery_seconds / 2 + config.answer_seconds + 1
            went_on = await task_now(api, task["id"])
            assert went_on["status"] == "delivering" and went_on["input_request"]["state"] == "went_on_without_answer"


async def test_an_unanswered_delivery_is_approved_automatically_and_says_so(clock: FakeClock) -> None:
    config = SandboxConfig(seed=5, clock=clock, question_share=0.0, approval_seconds=120)
    with SandboxServer(config) as server:
        async with httpx.AsyncClient(base_url=server.url, headers={"Authorization": f"Bearer {DEMO_API_KEY}"}) as api:
            task_id, bid = await delivered(api, clock, server)
            waiting = await task_now(api, task_id)
            assert waiting["status"] == "delivered" and "approved_by" not in waiting
            clock.now += 118  # delivered 1 s after the delivery time
            assert (await task_now(api, task_id))["status"] == "delivered"
            clock.now += 2
            done = await task_now(api, task_id)
            assert (done["status"], done["approved_by"], done["paid_usd"]) == (
                "completed",
                "automatic",
                bid["bid_price_usd"],
            )
            assert done["history"][-1]["by"] == "automatic" and done["approved_at"] == done["expires_at"]
            assert (await api.get(f"/api/v1/tasks/{task_id}/delivery")).json()["status"] == "approved"
            assert (await act(api, task_id, "approve")).status_code == 409


async def test_the_same_idempotency_key_replays_the_first_answer(
    api: httpx.AsyncClient, clock: FakeClock, server: SandboxServer
) -> None:
    task_id, _ = await delivered(api, clock, server)
    first = await act(api, task_id, "request-revision", {"message": "Warmer colours"}, key="rev-1")
    clock.now += 5
    again = await act(api, task_id, "request-revision", {"message": "Warmer colours"}, key="rev-1")
    assert (
        again.status_code == 200 and again.content == first.content and again.headers["idempotent-replayed"] == "true"
    )
    assert len((await task_now(api, task_id))["revision_requests"]) == 1  # acted once
    clock.now += server.config.revision_seconds + 1
    approved = await act(api, task_id, "approve", key="ok-1")
    assert (await act(api, task_id, "approve", key="ok-1")).content == approved.content
    assert (await act(api, task_id, "approve", key="ok-2")).status_code == 409  # a new key is a new request
    # Cancel, before a choice: the same key answers the same, a refusal is not kept.
    posted = (await api.post("/api/v1/tasks", json=DRAFT)).json()
    cancelled = await act(api, posted["id"], "cancel", key="c")
    assert (
        cancelled.json()["status"] == "cancelled"
        and (await act(api, posted["id"], "cancel", key="c")).content == cancelled.content
    )
    assert (await act(api, posted["id"], "cancel")).status_code == 409


async def test_faults_apply_to_the_actions(api: httpx.AsyncClient, clock: FakeClock, server: SandboxServer) -> None:
    task_id, _ = await delivered(api, clock, server)
    server.config.faults.error_rate = 1.0
    assert (await act(api, task_id, "approve", key="k")).status_code == 503
    server.config.faults.error_rate = 0.0
    assert (await task_now(api, task_id))["status"] == "delivered"  # a 503 did nothing
    server.config.faults.drop_rate = 1.0
    with pytest.raises(httpx.RemoteProtocolError):
        await act(api, task_id, "approve", key="k")
    server.config.faults.drop_rate = 0.0
    assert (await task_now(api, task_id))["status"] == "completed"  # the server acted before the drop
    assert (await act(api, task_id, "approve", key="k")).json()["task"]["status"] == "completed"  # resent: replayed
    server.config.faults.latency = 0.3
    start = time.monotonic()
    await api.get(f"/api/v1/tasks/{task_id}/delivery")
    assert time.monotonic() - start >= 0.3


async def test_downloads_can_be_cut_or_slowed_when_asked(clock: FakeClock) -> None:
    faults = Faults(paths=("/sandbox/deliveries/",))
    config = SandboxConfig(seed=5, clock=clock, question_share=0.0, faults=faults, large_file_bytes=3_000_000)
    with SandboxServer(config) as server:
        async with httpx.AsyncClient(base_url=server.url, headers={"Authorization": f"Bearer {DEMO_API_KEY}"}) as api:
            task_id, _ = await delivered(api, clock, server)
            delivery = (await api.get(f"/api/v1/tasks/{task_id}/delivery")).json()  # /api/ is not faulty here
            big = delivery["artifacts"][-1]
            assert (big["content_type"], big["size_bytes"]) == ("application/octet-stream", 3_000_000)
            whole = await api.get(big["url"])
            assert len(whole.content) == 3_000_000 and hashlib.sha256(whole.content).hexdigest() == big["sha256"]
            faults.drop_rate = 1.0
            received = 0
            with pytest.raises(httpx.RemoteProtocolError):
                async with api.stream("GET", big["url"]) as cut:
                    assert cut.headers["content-length"] == "3000000"
                    async for chunk in cut.aiter_bytes():
                        received += len(chunk)
            assert 0 < received < 3_000_000  # a transfer cut in the middle
            faults.drop_rate, faults.download_rate = 0.0, 2_000_000
            picture = delivery["artifacts"][0]
            start = time.monotonic()
            assert len((await api.get(picture["url"])).content) == picture["size_bytes"]
            assert time.monotonic() - start >= picture["size_bytes"] / 2_000_000 * 0.9


async def test_another_accounts_task_is_not_found(clock: FakeClock) -> None:
    config = SandboxConfig(seed=5, clock=clock, question_share=0.0, other_keys=("aitk_test_other",))
    with SandboxServer(config) as server:
        async with (
            httpx.AsyncClient(base_url=server.url, headers={"Authorization": f"Bearer {DEMO_API_KEY}"}) as mine,
            httpx.AsyncClient(base_url=server.url, headers={"Authorization": "Bearer aitk_test_other"}) as theirs,
        ):
            task_id, _ = await delivered(mine, clock, server)
            assert (await theirs.get(f"/api/v1/tasks/{task_id}")).status_code == 404
            assert (await theirs.get(f"/api/v1/tasks/{task_id}/delivery")).status_code == 404
            assert (await act(theirs, task_id, "approve")).status_code == 404
            assert (await theirs.get("/api/v1/tasks")).json() == [] and len(
                (await mine.get("/api/v1/tasks")).json()
            ) == 1
            assert (await task_now(mine, task_id))["status"] == "delivered"
