"""What a sandbox is told when it starts: its key, its clock, its limits, its faults, what it offers."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.demo_server import DEMO_API_KEY  # the app knows it without importing the server
from app.taxonomy import bundled_taxonomy

DEMO_USER_ID = "00000000-0000-4000-8000-000000000001"
REQUESTS_KEPT = 5_000
# Every account starts with AITasker's free credit for new accounts (api notes §3.7), plus the
# sandbox's start-up top-up (``SandboxConfig.credit``, ``--credit``). The default top-up makes the
# demo account start at $10,000: enough for any demo and for the test suite's bulk posts.
FREE_CREDIT_USD = 10.0
DEMO_CREDIT_USD = 9_990.0

# Nominal lengths of each phase, in sandbox seconds (prototyping: the documented 420 s window).
PHASES: list[tuple[str, float]] = [("open", 5.0), ("matching", 15.0), ("prototyping", 420.0), ("review", 3600.0)]
# Sandbox seconds from posting until review starts (when the versions are in).
BID_WINDOW_SECONDS = sum(d for name, d in PHASES if name != "review")

# The practice server offers the same categories the app ships with (one list, resources/taxonomy.json).
CATEGORIES: list[dict[str, Any]] = bundled_taxonomy()["categories"]


@dataclass
class Faults:
    """Switchable misbehaviour for tests: all off by default."""

    latency: float = 0.0  # seconds added before every API answer
    answer_delay: float = 0.0  # seconds an answer is held back after the request was carried out
    error_rate: float = 0.0  # share of API requests answered 503
    drop_rate: float = 0.0  # share of API requests whose connection drops after processing
    paths: tuple[str, ...] = ("/api/",)  # which paths the faults apply to (add "/sandbox/" for downloads)
    download_rate: float = 0.0  # bytes per second for the delivery's files; 0 = as fast as possible


@dataclass
class SandboxConfig:
    api_key: str = DEMO_API_KEY
    speed: float = 1.0  # sandbox seconds per real second: 60 makes a minute pass each second
    create_limit: int = 60  # per minute, per client IP (documented)
    read_limit: int = 300
    clock: Callable[[], float] = time.time
    faults: Faults = field(default_factory=Faults)
    seed: int | None = None
    # Enforce the bidder-side minimum brief (20 characters, api notes §3.1) as a server-side 422,
    # as the real server may: the client does not block it, so only the server's answer can.
    min_description: int = 0
    # Tasks the sandbox already knows at start (demo mode reloads the tasks of earlier runs).
    preload: list[dict[str, Any]] = field(default_factory=list)
    # Or, without a copy in memory: looked up by id the first time a request names one.
    known: Callable[[str], dict[str, Any] | None] | None = None
    # Publish an operation to choose a version (``POST /api/v1/tasks/{task_id}/select-bid``).
    # Off: a server whose clients must choose on the website.
    select_operation: bool = True
    # A server that accepts a choice (202) and applies it this many real seconds later; 0: at once.
    apply_choice_after: float = 0.0
    # How long the chosen agent takes to deliver, in sandbox seconds; a revision takes less.
    delivery_seconds: float = 600.0
    revision_seconds: float = 300.0
    # How many times a buyer may ask for changes to a delivery.
    revisions: int = 2
    # How long a delivery waits for the buyer before it is approved automatically (sandbox seconds).
    approval_seconds: float = 3600.0
    # The share of tasks (chosen by their title, so always the same ones) whose agent asks the buyer
    # one question halfway through the work; and how long it waits for the answer before going on.
    question_share: float = 0.25
    answer_seconds: float = 3600.0
    # Credit added at start to every account's $10 (``FREE_CREDIT_USD``).
    credit: float = DEMO_CREDIT_USD
    # More keys this sandbox accepts, each its own account (its own tasks and credit).
    other_keys: tuple[str, ...] = ()
    # A delivery may also carry one large file of this many bytes (streamed; 0 = none), for benches.
    large_file_bytes: int = 0
    # How many times a buyer may ask for more time to review (``POST …/extend-review``), and how much.
    review_extensions: int = 1
    extension_seconds: float = 1800.0
    # What GET /api/v1/categories answers; None = the app's own bundled list (CATEGORIES).
    categories: list[dict[str, Any]] | None = None
