"""The bid gallery's mapping, artifact classes, and learning how to choose from /openapi.json."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from app.api.operations import Operation
from app.review.artifacts import classify_artifact
from app.review.gallery import breakdown_words, parse_gallery, score_words
from app.review.operations import OperationsCache, ReviewOperations, discover_operations
from app.store.repository import Store
from tests.conftest import FakeClock

TASK = {
    "id": "11111111-1111-4111-8111-111111111111",
    "user_id": "u",
    "title": "Logo for my bakery",
    "description": "",
    "category": "graphics-design",
    "task_type": "logo-design",
    "requirements": {},
    "budget_usd": 45.0,
    "compute_budget": None,
    "status": "review",
    "experimentation": 0.3,
    "created_at": "2026-11-28T10:00:00Z",
    "expires_at": "2026-11-28T11:00:00Z",
}

FULL_BID = {
    "id": "22222222-2222-4222-8222-222222222222",
    "task_id": TASK["id"],
    "agent_id": "33333333-3333-4333-8333-333333333333",
    "round": "1",
    "bid_price_usd": 42.0,
    "prototype_summary": "A round badge",
    "artifacts": ["note", {"url": "https://cdn.example.com/a.png"}],
    "eval_score": 8.2,
    "eval_breakdown": {"quality": 9, "fit_to_brief": 7.5},
    "presented": True,
    "selected": False,
    "status": "submitted",
    "created_at": "2026-11-28T10:30:00Z",
    "agent_name": "Nova Studio",
    "agent_tier": "Top rated",
    "agent_message": "Happy to adjust",
}


def test_every_documented_field_is_mapped() -> None:
    gallery = parse_gallery(
        {
            "task": TASK,
            "bids": [FULL_BID],
            "total_bids_generated": 7,
            "remix_available": True,
            "remix_fee_usd": 1,
            "review_extensions_used": 0,
            "review_extensions_remaining": 2,
        }
    )
    assert gallery.task is not None and gallery.task.title == "Logo for my bakery"
    assert (gallery.total_bids_generated, gallery.remix_available, gallery.remix_fee_usd) == (7, True, 1.0)
    assert (gallery.review_extensions_used, gallery.review_extensions_remaining) == (0, 2)
    bid = gallery.bids[0]
    assert bid.model_dump(exclude={"created_at"}) == {k: v for k, v in FULL_BID.items() if k != "created_at"}
    assert bid.created_at == datetime(2026, 11, 28, 10, 30, tzinfo=UTC)
    assert gallery.presented == [bid] and gallery.selected_bid is None


def test_a_body_with_only_the_ids_still_reads() -> None:
    gallery = parse_gallery({"bids": [{"id": "b1"}]})
    bid = gallery.bids[0]
    assert gallery.task is None and gallery.total_bids_generated is None and gallery.remix_available is None
    assert (bid.agent_name, bid.bid_price_usd, bid.eval_score, bid.artifacts, bid.presented) == (
        None,
        None,
        None,
        [],
        None,
    )
    assert bid.agent == "An agent" and gallery.presented == [bid]  # no flag at all: shown


def test_wrong_types_become_unknown_extras_are_kept_bids_without_id_get_a_local_key_others_are_counted() -> None:
    gallery = parse_gallery(
        {
            "task": {"no": "id"},
            "bids": [
                {
                    "id": 7,
                    "bid_price_usd": "lots",
                    "eval_score": True,
                    "eval_breakdown": [1, 2],
                    "round": 2,
                    "created_at": "yesterday",
                    "artifacts": "just a sentence",
                    "colour": "blue",
                    "agent_name": "Quill Works",
                },
                {"agent_name": "no id"},
                "not a bid",
            ],
            "total_bids_generated": "many",
            "new_field": {"x": 1},
        }
    )
    assert gallery.task is None and gallery.total_bids_generated is None and gallery.unreadable_bids == 1
    keyed = gallery.bids[1]  # shown under a key made here, never sent (issue 22: no "0 versions (2 made)")
    assert keyed.agent_name == "no id" and keyed.local_key and keyed.id.startswith("local-")
    bid = gallery.bids[0]
    assert not bid.local_key
    assert (bid.id, bid.bid_price_usd, bid.eval_score, bid.eval_breakdown, bid.round, bid.created_at) == (
        "7",
        None,
        None,
        None,
        "2",
        None,
    )
    assert bid.artifacts == ["just a sentence"] and bid.model_extra == {"colour": "blue"}
    assert gallery.model_extra == {"new_field": {"x": 1}}
    assert bid.possessive() == "Quill Works'"


def test_only_presented_versions_are_shown_and_the_chosen_one_is_known() -> None:
    bids = [
        {"id": "a", "presented": True},
        {"id": "b", "presented": False},
        {"id": "c", "presented": True, "selected": True},
    ]
    gallery = parse_gallery({"bids": bids})
    assert [b.id for b in gallery.presented] == ["a", "c"]
    assert gallery.selected_bid is not None and gallery.selected_bid.id == "c"
    assert parse_gallery([{"id": "x", "status": "selected"}]).selected_bid is not None  # a bare list, chosen by status
    with pytest.raises(ValueError):
        parse_gallery("nonsense")


@pytest.mark.parametrize(
    ("item", "kind", "expected"),
    [
        ("<b>Hello</b> <script>x()</script>", "text", "<b>Hello</b> <script>x()</script>"),
        ("https://cdn.example.com/draft.PNG", "image", "https://cdn.example.com/draft.PNG"),
        ("https://files.example.com/brief.pdf", "link", "https://files.example.com/brief.pdf"),
        ("javascript:alert(1)", "text", "javascript:alert(1)"),
        ("file:///etc/passwd", "text", "file:///etc/passwd"),
        ({"type": "image/png", "url": "https://x.example/p"}, "image", "https://x.example/p"),
        ({"kind": "file", "href": "https://x.example/f.zip", "name": "Sources"}, "link", "https://x.example/f.zip"),
        ({"src": "/sandbox/a.svg"}, "image", "http://127.0.0.1:8/sandbox/a.svg"),
        ({"type": "text", "content": "<i>plain</i>"}, "text", "<i>plain</i>"),
        ({"markdown": "# Title"}, "text", "# Title"),
        ({"unexpected": [1, 2]}, "text", '{\n  "unexpected": [\n    1,\n    2\n  ]\n}'),
        (42, "text", "42"),
        (None, "text", "null"),
    ],
)
def test_each_artifact_is_classified_whatever_its_shape(item: Any, kind: str, expected: str) -> None:
    artifact = classify_artifact(item, "http://127.0.0.1:8")
    assert artifact.kind == kind
    assert (artifact.text if kind == "text" else artifact.url) == expected


def test_links_know_their_host_and_names_are_kept() -> None:
    artifact = classify_artifact({"kind": "file", "url": "https://files.example.com/x.zip", "name": "Sources"})
    assert (artifact.host, artifact.name) == ("files.example.com", "Sources")


def test_score_and_breakdown_in_words() -> None:
    assert score_words(0.82) == score_words(8.2) == score_words(82) == "Judged very good (82 of 100)"
    assert score_words(95) == "Judged excellent (95 of 100)" and score_words(30) == "Judged weak (30 of 100)"
    assert score_words(None) == "Not scored yet"
    assert score_words(0.82, short=True) == "very good (82/100)"
    assert breakdown_words({"quality": 9, "fit_to_brief": 7.5, "nested": {"a": 1}}) == "Quality 9 · Fit to brief 7.5"


# --- discovery ----------------------------------------------------------------------------------


def openapi(paths: dict[str, Any], schemas: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"openapi": "3.1.0", "paths": paths, "components": {"schemas": schemas or {}}}


def json_body(schema: dict[str, Any]) -> dict[str, Any]:
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": schema}}}}


def test_select_with_the_bid_in_the_body_through_a_ref() -> None:
    doc = openapi(
        {
            "/api/v1/tasks/{task_id}": {"get": {"operationId": "get_task"}},
            "/api/v1/tasks/{task_id}/winner": {
                "post": {"operationId": "tasks_select_bid", **json_body({"$ref": "#/components/schemas/Select"})}
            },
        },
        {
            "Select": {
                "type": "object",
                "properties": {"bid_id": {"type": "string"}, "note": {"type": "string"}},
                "required": ["bid_id"],
            }
        },
    )
    ops = discover_operations(doc)
    assert ops.state == "found" and not ops.choose_on_website
    assert ops.select is not None
    assert ops.select.request("t 1", "b1") == ("/api/v1/tasks/t%201/winner", {"bid_id": "b1"})


def test_select_with_the_bid_in_the_path() -> None:
    doc = openapi({"/api/v1/tasks/{id}/bids/{bid_id}/choose": {"post": {"operationId": "choose"}}})
    ops = discover_operations(doc)
    assert ops.select is not None and ops.select.request("T", "B") == ("/api/v1/tasks/T/bids/B/choose", None)


def test_select_taking_a_list_of_bid_ids() -> None:
    doc = openapi(
        {
            "/api/v1/tasks/{task_id}/select": {
                "post": json_body(
                    {"type": "object", "properties": {"bid_ids": {"type": "array", "items": {"type": "string"}}}}
                )
            }
        }
    )
    ops = discover_operations(doc)
    assert ops.select is not None and ops.select.request("T", "B")[1] == {"bid_ids": ["B"]}


def test_remix_and_extension_are_offered_when_advertised() -> None:
    doc = openapi(
        {
            "/api/v1/tasks/{task_id}/select-bid": {"post": json_body({"properties": {"bidId": {}}})},
            "/api/v1/tasks/{task_id}/remix": {"post": {"operationId": "remix_task"}},
            "/api/v1/tasks/{task_id}/review/extend": {"post": {}},
        }
    )
    ops = discover_operations(doc)
    assert ops.select is not None and ops.select.bid_field == "bidId"
    assert ops.remix is not None and ops.remix.request("T") == ("/api/v1/tasks/T/remix", None)
    assert ops.extend is not None and ops.extend.path.endswith("/review/extend")


@pytest.mark.parametrize(
    "paths",
    [
        {},  # nothing about tasks
        {"/api/v1/tasks/{task_id}/select": {"get": {}}},  # not a POST
        {"/api/v1/tasks/{task_id}/select": {"post": {}}},  # takes no bid
        {"/api/v1/tasks/{task_id}/deselect": {"post": json_body({"properties": {"bid_id": {}}})}},
        {"/api/v1/tasks/{task_id}/cancel": {"post": json_body({"properties": {"bid_id": {}}})}},  # not about choosing
        {"/api/v2/tasks/{task_id}/select": {"post": json_body({"properties": {"bid_id": {}}})}},  # not under v1 tasks
        {
            "/api/v1/tasks/{task_id}/select": {
                "post": json_body(  # needs something this app cannot know
                    {"properties": {"bid_id": {}, "payment_token": {}}, "required": ["bid_id", "payment_token"]}
                )
            }
        },
        {"/api/v1/tasks/{task_id}/{round}/select/{bid_id}": {"post": {}}},  # a path parameter it cannot fill
    ],
)
def test_no_usable_select_operation_means_the_website(paths: dict[str, Any]) -> None:
    ops = discover_operations(openapi(paths))
    assert ops.state == "absent" and ops.select is None and ops.choose_on_website


@pytest.mark.parametrize(
    "doc",
    [None, [], "text", {"openapi": "3.1.0"}, {"paths": []}, {"paths": {"/api/v1/tasks/{t}/select": "nope", 5: {}}}],
)
def test_malformed_documents_are_handled(doc: Any) -> None:
    ops = discover_operations(doc)
    assert ops.select is None and ops.state in ("malformed", "absent")
    if not isinstance(doc, dict) or not isinstance(doc.get("paths"), dict):
        assert ops.state == "malformed"


def test_broken_refs_do_not_break_discovery() -> None:
    doc = openapi(
        {
            "/api/v1/tasks/{task_id}/select": {"post": json_body({"$ref": "#/components/schemas/Missing"})},
            "/api/v1/tasks/{task_id}/pick": {"post": json_body({"$ref": "https://elsewhere/schema"})},
        }
    )
    assert discover_operations(doc).state == "absent"


FOUND = discover_operations(
    openapi({"/api/v1/tasks/{task_id}/select-bid": {"post": json_body({"properties": {"bid_id": {}}})}})
)


async def test_cache_learns_once_per_server_and_keeps_it_in_the_store(tmp_path: Path) -> None:
    store = Store.in_dir(tmp_path)
    fetches: list[str] = []

    async def fetch() -> Any:
        fetches.append("x")
        return json.loads(
            json.dumps(
                openapi({"/api/v1/tasks/{task_id}/select-bid": {"post": json_body({"properties": {"bid_id": {}}})}})
            )
        )

    clock = FakeClock(1000.0)
    cache = OperationsCache(store, clock=clock, monotonic=clock)
    first = await cache.get("http://127.0.0.1:1", fetch)
    assert first == FOUND and await cache.get("http://127.0.0.1:1", fetch) == FOUND and len(fetches) == 1
    # A restart: a new cache over the same file knows it without asking the server.
    again = OperationsCache(Store.in_dir(tmp_path), clock=clock, monotonic=clock)
    assert await again.get("http://127.0.0.1:1", fetch) == FOUND and len(fetches) == 1
    # Another server is asked for itself.
    await again.get("http://127.0.0.1:2", fetch)
    assert len(fetches) == 2
    # After a day, asked again; forget() drops it at once.
    clock.now += OperationsCache.KEEP + 1
    await again.get("http://127.0.0.1:1", fetch)
    assert len(fetches) == 3
    again.forget("http://127.0.0.1:1")
    await again.get("http://127.0.0.1:1", fetch)
    assert len(fetches) == 4
    store.close()


async def test_an_unreadable_document_means_the_website_and_is_asked_again_later(tmp_path: Path) -> None:
    from app.api.errors import BadResponse

    store = Store.in_dir(tmp_path)
    calls: list[int] = []

    async def broken() -> Any:
        calls.append(1)
        raise BadResponse(detail="GET /openapi.json: HTTP 200, body is not JSON")

    clock = FakeClock(1000.0)
    cache = OperationsCache(store, clock=clock, monotonic=clock)
    ops = await cache.get("http://h", broken)
    assert ops.state == "unreadable" and ops.choose_on_website
    await cache.get("http://h", broken)
    assert len(calls) == 1  # not hammered
    assert store.get_setting("review-operations:http://h") is None  # never kept across a restart
    clock.now += OperationsCache.RETRY_UNREADABLE + 1
    await cache.get("http://h", broken)
    assert len(calls) == 2
    store.close()


def test_a_damaged_cache_entry_is_a_miss(tmp_path: Path) -> None:
    store = Store.in_dir(tmp_path)
    store.set_setting("review-operations:http://h", "{not json")
    assert OperationsCache(store).cached("http://h") is None
    store.set_setting(
        "review-operations:http://h",
        json.dumps({"at": 1e18, "operations": {"state": "found", "select": {"path": "/etc"}}}),
    )
    assert OperationsCache(store).cached("http://h") is None
    assert ReviewOperations.from_json({"state": "absent"}) == ReviewOperations("absent")
    assert Operation.from_json({"path": "/api/v1/tasks/{t}/s", "task_param": "t", "bid_in": "sideways"}) is None
    store.close()
