"""Times in words for people: "in 3 h 20 min", "expired 2 days ago"."""

from __future__ import annotations

from datetime import datetime


def _span(seconds: float) -> str:
    seconds = int(abs(seconds))
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    if days >= 2:
        return f"{days} days"
    if days == 1:
        return f"1 day {hours} h" if hours else "1 day"
    if hours:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    if minutes:
        return f"{minutes} min"
    return "under a minute"


def expires_in_words(expires_at: datetime | None, now: datetime, *, final: bool = False) -> str:
    """Relative expiry; no countdown for a task in a final state."""
    if expires_at is None:
        return "—"
    delta = (expires_at - now).total_seconds()
    if final:
        return ""
    if delta >= 0:
        return f"in {_span(delta)}"
    return f"expired {_span(delta)} ago"


def ago_in_words(when: datetime | None, now: datetime) -> str:
    if when is None:
        return "—"
    delta = (now - when).total_seconds()
    if delta < 60:
        return "just now"
    return f"{_span(delta)} ago"
