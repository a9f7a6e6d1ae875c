"""Words for what the window shows: money and dates through one QLocale-based formatter, and the
details of a task or an outbox entry as plain text (server text is never rendered as rich text)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QLocale

from app.contract import number_limits, status_info
from app.drafts import OutboxRow
from app.taxonomy import friendly_name, names
from app.timefmt import UNSHOWABLE, as_sent, expires_in_words, local_or_none, seconds_since_epoch
from ui.i18n import fill, translate, words

if TYPE_CHECKING:
    from app.schema import Task

# Amounts are US dollars whatever the computer's language: written the US way ($1,234.50) in English,
# and the way the user's language writes dollars when the app speaks it ("1.234,50 $" in German).
_MONEY = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
LONG_DATE = "dddd dd MMMM yyyy, HH:mm"
DATE_TIME = "dd MMM yyyy, HH:mm"
SHORT_THIS_YEAR = "dd MMM, HH:mm"
SHORT_OTHER_YEAR = "dd MMM yyyy"


def money(value: float, decimals: int = 2) -> str:
    locale = QLocale()
    if locale.language() in (QLocale.Language.C, QLocale.Language.English):
        locale = _MONEY
    return locale.toCurrencyString(float(value), "$", decimals)


def when(value: datetime | None, fmt: str = DATE_TIME, *, empty: str = "") -> str:
    """A moment in the computer's time zone, month names in its language; "—" for a moment this
    computer can't show in its time zone (year 9999 at +14 h, year 1)."""
    if value is None:
        return empty
    local = local_or_none(value)  # (a naive time is taken as local, as before)
    if local is None:
        return UNSHOWABLE
    return QLocale().toString(QDateTime.fromSecsSinceEpoch(int(seconds_since_epoch(local))), fmt)


def short_when(value: datetime | None) -> str:
    """Day and time; the year only when it is not this year (the tooltip has it all)."""
    if value is None:
        return ""
    local = local_or_none(value)
    if local is None:
        return UNSHOWABLE
    this_year = local.year == datetime.now().year
    return when(value, SHORT_THIS_YEAR if this_year else SHORT_OTHER_YEAR)


def details_when(value: datetime | None) -> str:
    """For the details: the long date, or "—" with the value exactly as AITasker sent it."""
    if value is None:
        return UNSHOWABLE
    text = when(value, LONG_DATE)
    return as_sent(value) if text == UNSHOWABLE else text


def dial(value: float) -> str:
    """The experimentation dial as the form shows it: two decimals (0.30, not 0.3)."""
    return f"{value:.{number_limits('experimentation').decimals}f}"


def task_summary(task: Task | OutboxRow, now: datetime | None = None) -> str:
    """What a person needs first: what it is, its status in words, the budget, when it closes."""
    info = status_info(task.status)
    budget = "—" if task.budget_usd is None else money(task.budget_usd)
    lines = [
        task.title or translate("presenters", "Untitled task"),
        fill(translate("presenters", "%1: %2"), words(info.label), words(info.explanation)),
        fill(translate("presenters", "Category: %1"), names().both(task.category, task.task_type)),
        fill(translate("presenters", "Budget: %1"), budget),
    ]
    if not isinstance(task, OutboxRow):
        if task.expires_at is not None and not task.is_final:
            moment = datetime.now(UTC) if now is None else now
            closes = details_when(task.expires_at)
            if local_or_none(task.expires_at) is not None:
                closes += f" ({expires_in_words(task.expires_at, moment)})"
            lines.append(fill(translate("presenters", "Closes: %1"), closes))
    else:
        lines.append(
            fill(translate("presenters", "In the outbox since: %1"), when(task.created_at, LONG_DATE, empty="—"))
        )
    return "\n".join(lines)


def task_more_details(task: Task | OutboxRow) -> str:
    """The rest, for "More details": every field of the response, as plain text."""
    if isinstance(task, OutboxRow):
        lines = []
        if task.last_error:
            lines.append(fill(translate("presenters", "Last try: %1"), words(task.last_error)))
        return "\n".join(
            [*lines, translate("presenters", "Description:"), task.description or translate("presenters", "(none)")]
        )
    none = translate("presenters", "none")
    lines = [
        translate("presenters", "Description:"),
        task.description or translate("presenters", "(none)"),
        "",
        fill(
            translate("presenters", "Experimentation: %1"),
            "—" if task.experimentation is None else dial(task.experimentation),
        ),
        fill(translate("presenters", "Created: %1"), details_when(task.created_at)),
        fill(translate("presenters", "Expires: %1"), details_when(task.expires_at)),
        fill(
            translate("presenters", "Compute budget: %1"),
            "—" if task.compute_budget is None else money(task.compute_budget),
        ),
        fill(
            translate("presenters", "Prototype tier: %1"), "—" if task.prototype_tier is None else task.prototype_tier
        ),
        fill(translate("presenters", "Brand kit: %1"), task.brand_kit_id or "—"),
        fill(
            translate("presenters", "Attachments: %1"),
            ", ".join(map(str, task.attachments)) if task.attachments else none,
        ),
        translate("presenters", "Requirements:") + ("" if task.requirements else " " + none),
    ]
    for name, value in (task.requirements or {}).items():
        lines.append(f"  {name}: {value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)}")
    lines += ["", fill(translate("presenters", "Task ID: %1"), task.id)]
    for name, value in (task.model_extra or {}).items():
        lines.append(f"{friendly_name(name)}: {json.dumps(value, ensure_ascii=False)}")
    return "\n".join(lines)


def task_details(task: Task | OutboxRow) -> str:
    """Everything, as plain text: the summary, then the rest."""
    return task_summary(task) + "\n\n" + task_more_details(task)


def outbox_details(row: OutboxRow) -> str:
    return task_details(row)
