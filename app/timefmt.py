"""Times in words for people: "in 3 h 20 min", "expired 2 days ago", and dates in the computer's
time zone.

A server may send any ISO date, from year 1 to year 9999 with a +14 h or -14 h offset. Converting
such a date to the local time zone (or to UTC) can leave the years the platform can hold and raise
OverflowError (or OSError / ValueError on some platforms). Every conversion of a server date for
display goes through :func:`local_or_none` (the window's formatter, ``ui.models.task_details``, shows "—"
when it says None, and the details add the raw value with :func:`as_sent`); sorting and storing use
:func:`seconds_since_epoch` and :func:`utc_iso`. Nothing here raises for any ``datetime``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, tzinfo

from app.api.contract import AT_DEADLINE, NEXT_STEPS, OTHER_NEXT_STEP, OUTBOX_PREFIX
from app.tasks.life import DISPUTED, WAITS_FOR_YOU
from app.translatable import fill, messages, translate

UNSHOWABLE = "—"
# Exceptions a conversion of an extreme date may raise, depending on the platform's C library.
_CANT_CONVERT = (OverflowError, ValueError, OSError)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def local_or_none(when: datetime, tz: tzinfo | None = None) -> datetime | None:
    """``when`` in the computer's time zone (or ``tz``), or None when the platform can't hold
    that moment there (year 9999 at -14 h seen from +14 h, year 1 ...): then show :data:`UNSHOWABLE`."""
    try:
        return when.astimezone(tz)
    except _CANT_CONVERT:
        return None


def as_sent(when: datetime) -> str:
    """For "More details" when a date can't be shown: "—" and the value exactly as received."""
    return fill(
        translate("messages", "%1 (AITasker sent %2, which this computer can't show in its time zone)"),
        UNSHOWABLE,
        when.isoformat(),
    )


def seconds_since_epoch(when: datetime | None, missing: float = 0.0) -> float:
    """A sort key: seconds since 1970 for any date (naive is taken as UTC), never raising."""
    if when is None:
        return missing
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return (when - _EPOCH).total_seconds()


def utc_iso(when: datetime) -> str:
    """ISO text in UTC; a date past the last (or before the first) UTC instant the platform holds
    is clamped to it, so that sorting by the text still puts it last (or first)."""
    try:
        return when.astimezone(UTC).isoformat()
    except _CANT_CONVERT:
        edge = datetime.max if seconds_since_epoch(when) > 0 else datetime.min
        return edge.replace(tzinfo=UTC).isoformat()


def _span(seconds: float) -> str:
    seconds = int(abs(seconds))
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    if days == 1 and hours:
        return fill(translate("messages", "1 day %1 h"), hours)
    if days:
        return messages.tr("%n days", "", days, one="1 day")
    if hours:
        return (
            fill(translate("messages", "%1 h %2 min"), hours, minutes)
            if minutes
            else fill(translate("messages", "%1 h"), hours)
        )
    if minutes:
        return fill(translate("messages", "%1 min"), minutes)
    return translate("messages", "under a minute")


def expires_in_words(expires_at: datetime | None, now: datetime, *, final: bool = False) -> str:
    """Relative expiry; no countdown for a task in a final state."""
    if expires_at is None:
        return "—"
    delta = (expires_at - now).total_seconds()
    if final:
        return ""
    if delta >= 0:
        return fill(translate("messages", "in %1"), _span(delta))
    return fill(translate("messages", "expired %1 ago"), _span(delta))


def ago_in_words(when: datetime | None, now: datetime) -> str:
    if when is None:
        return "—"
    delta = (now - when).total_seconds()
    if delta < 60:
        return translate("messages", "just now")
    return fill(translate("messages", "%1 ago"), _span(delta))


# A task waiting for the person (a version to choose, a question, a delivery to approve) warns when
# less than this is left.
REVIEW_WARNING_SECONDS = 3600.0
# A next step closer than this is said as a time from now ("in 6 min"), a later one as a clock time.
SOON_SECONDS = 3600.0


def expiry_warns(status: str, expires_at: datetime | None, now: datetime) -> bool:
    """Whether the expiry deserves a warning: only a task that waits for the person (they must act)
    with little time left. Earlier deadlines (finding agents, first versions, the final work) are
    AITasker's to meet: "in under a minute" right after posting is no reason for alarm."""
    if status not in WAITS_FOR_YOU or expires_at is None:
        return False
    return 0 <= (expires_at - now).total_seconds() < REVIEW_WARNING_SECONDS


def has_next_step(status: str, *, final: bool) -> bool:
    """Whether a task's ``expires_at`` is the deadline of a step still to come (not for a final
    status, nor for one in which nobody works by the clock, such as a reported problem)."""
    return not final and status not in DISPUTED and not status.startswith(OUTBOX_PREFIX)


def next_step_words(
    status: str,
    expires_at: datetime | None,
    now: datetime,
    clock: Callable[[datetime], str],
    *,
    final: bool,
    relative: bool = True,
) -> str:
    """The step ``expires_at`` is the deadline of, in words: "first versions due in 6 min",
    "review closes 17:56" (``clock`` writes a moment as the window writes times; ``relative``
    False: always as a moment); "" when there is no step to come, "—" when the server gave no time."""
    if not has_next_step(status, final=final):
        return ""
    if expires_at is None:
        return UNSHOWABLE
    soon, at, passed = NEXT_STEPS.get(status, OTHER_NEXT_STEP)
    delta = (expires_at - now).total_seconds()
    if delta < 0:
        return fill(translate("messages", passed), clock(expires_at))
    if relative and delta < SOON_SECONDS:
        return fill(translate("messages", soon), _span(delta))
    return fill(translate("messages", at), clock(expires_at))


def at_deadline(status: str) -> str:
    """What happens at a status's deadline, in words ("" where that is not known)."""
    text = AT_DEADLINE.get(status)
    return translate("messages", text) if text else ""
