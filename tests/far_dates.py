"""Dates far out, as a server may send them, and the computer's time zone set for one test."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager

# Year 9999 at +14 h (the farthest offset in use), year 1, and the same instants in other offsets.
FAR = [
    "9999-12-31T23:59:59+14:00",
    "9999-12-31T23:59:59Z",
    "9999-12-31T23:59:59.999999-14:00",
    "0001-01-01T00:00:00+14:00",
    "0001-01-01T00:00:00Z",
    "0001-01-01T00:00:00-14:00",
]
# POSIX zone strings (no tz database needed): UTC, UTC+14 (Kiribati), UTC-12, UTC+5:45.
ZONES = ["UTC0", "KIR-14", "WEST+12", "NPT-5:45"]


@contextmanager
def local_zone(name: str) -> Iterator[str]:
    """The computer's time zone is ``name`` inside the block, and what it was afterwards."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield name
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()
