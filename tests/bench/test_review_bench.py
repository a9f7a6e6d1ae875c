"""Benchmarks (``make bench``) for reviewing: learning from a large server description, the alert
check over many waiting tasks, and how soon a review shows its versions and pictures.

Targets are ratios (shared, noisy machines): the work grows at most linearly. Absolute times are
printed and saved to bench-results.json for the record."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from app.api.client import TasksClient
from app.api.schema import Task, TaskDraft
from app.review.alerts import ReviewAlerts
from app.review.operations import discover_operations
from app.review.service import ReviewService
from app.sandbox import SandboxConfig, SandboxServer
from app.sandbox.service import BID_WINDOW_SECONDS, DEMO_API_KEY
from tests.conftest import wait_until
from tests.ui.helpers import review_desk, version_list

pytestmark = pytest.mark.bench
RESULTS = Path(__file__).resolve().parents[2] / "bench-results.json"


def save(name: str, values: dict[str, float]) -> None:
    data = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    data[name] = {k: round(v, 4) for k, v in values.items()}
    RESULTS.write_text(json.dumps(data, indent=2))
    print(
        f"\n{name}: "
        + ", ".join(f"{k} {v * 1000:.1f} ms" if k.endswith("_s") else f"{k} {v:.1f}" for k, v in values.items())
    )


def description(paths: int) -> dict[str, object]:
    doc: dict[str, dict[str, object]] = {
        f"/api/v1/things/{n}/{{id}}": {"post": {"operationId": f"thing_{n}"}} for n in range(paths)
    }
    doc["/api/v1/tasks/{task_id}/select-bid"] = {
        "post": {
            "requestBody": {
                "content": {
                    "application/json": {
                        "schema": {"properties": {"bid_id": {"type": "string"}}, "required": ["bid_id"]}
                    }
                }
            }
        }
    }
    return {"openapi": "3.1.0", "paths": doc}


def best(action, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def test_discovery_and_alert_checks_grow_at_most_linearly() -> None:
    small_doc, large_doc = description(200), description(2_000)
    small = best(lambda: discover_operations(small_doc))
    large = best(lambda: discover_operations(large_doc))
    assert discover_operations(large_doc).select is not None
    now = datetime(2026, 11, 28, 15, 0, tzinfo=UTC)
    few = [Task(id=f"t{n}", status="review", title="x", expires_at=now + timedelta(minutes=40)) for n in range(1_000)]
    many = [Task(id=f"t{n}", status="review", title="x", expires_at=now + timedelta(minutes=40)) for n in range(10_000)]
    alerts_few, alerts_many = ReviewAlerts(max_remembered=20_000), ReviewAlerts(max_remembered=20_000)
    alerts_few.check_all(few, now)
    alerts_many.check_all(many, now)  # the first pass alerts; the timed ones are the routine checks
    check_few = best(lambda: alerts_few.check_all(few, now))
    check_many = best(lambda: alerts_many.check_all(many, now))
    save(
        "review_discovery_and_checks",
        {
            "discover_200_paths_s": small,
            "discover_2000_paths_s": large,
            "check_1000_s": check_few,
            "check_10000_s": check_many,
        },
    )
    assert large / small < 10 * 3  # 10x the paths: at most a few times linear
    assert check_many / check_few < 10 * 3


async def test_a_review_shows_its_versions_and_pictures_soon(qtbot) -> None:
    clock_now = [time.time()]
    with SandboxServer(SandboxConfig(seed=4, clock=lambda: clock_now[0])) as server:
        async with TasksClient(server.url, DEMO_API_KEY) as client:
            task = await client.create_task(
                TaskDraft(
                    category="graphics-design", task_type="logo-design", budget_usd=45, title="Logo for my bakery"
                )
            )
            clock_now[0] += BID_WINDOW_SECONDS + 1
            task = await client.get_task(task.id)
            service = ReviewService(lambda: client, DEMO_API_KEY)
            parent = QWidget()
            qtbot.addWidget(parent)
            start = time.perf_counter()
            desk = review_desk(parent)
            desk.set_service(service)
            window = desk.open_review(task)
            assert window is not None
            await wait_until(lambda: version_list(window).count() > 0, what="versions")
            versions = time.perf_counter() - start
            await wait_until(
                lambda: all(
                    not version_list(window).item(r).icon().isNull() for r in range(version_list(window).count())
                ),
                what="thumbnails",
            )
            pictures = time.perf_counter() - start
            desk.close()
            await service.aclose()
    save("review_open", {"versions_shown_s": versions, "all_thumbnails_s": pictures})
    assert pictures >= versions  # pictures come after the list, never before it
