"""Words for what the window shows: money and dates through one QLocale-based formatter, and the
details of a task or an outbox entry as plain text (server text is never rendered as rich text)."""

from __future__ import annotations

import json
from datetime import datetime

from PySide6.QtCore import QDateTime, QLocale

from app.drafts import OutboxRow
from app.schema import Task, status_info
from app.taxonomy import friendly_name
from app.timefmt import UNSHOWABLE, as_sent, local_or_none, seconds_since_epoch

# Amounts are US dollars whatever the computer's language: written the US way ($1,234.50).
_MONEY = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
LONG_DATE = "dddd dd MMMM yyyy, HH:mm"
DATE_TIME = "dd MMM yyyy, HH:mm"
SHORT_THIS_YEAR = "dd MMM, HH:mm"
SHORT_OTHER_YEAR = "dd MMM yyyy"


def money(value: float, decimals: int = 2) -> str:
    return _MONEY.toCurrencyString(float(value), "$", decimals)


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


def task_details(task: Task | OutboxRow) -> str:
    """Every field of the response, as plain text."""
    if isinstance(task, OutboxRow):
        return outbox_details(task)
    info = status_info(task.status)
    lines = [
        task.title or "Untitled task",
        "",
        f"Status: {info.label} — {info.explanation}",
        f"Category: {friendly_name(task.category or '')} / {friendly_name(task.task_type or '')}",
        f"Budget: {money(task.budget_usd)}" if task.budget_usd is not None else "Budget: —",
        f"Experimentation: {task.experimentation:g}" if task.experimentation is not None else "Experimentation: —",
        f"Created: {details_when(task.created_at)}",
        f"Expires: {details_when(task.expires_at)}",
        f"Compute budget: {'—' if task.compute_budget is None else money(task.compute_budget)}",
        f"Prototype tier: {'—' if task.prototype_tier is None else task.prototype_tier}",
        f"Brand kit: {task.brand_kit_id or '—'}",
        "Attachments: " + (", ".join(map(str, task.attachments)) if task.attachments else "none"),
        "Requirements:" + ("" if task.requirements else " none"),
    ]
    for name, value in (task.requirements or {}).items():
        lines.append(f"  {name}: {value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)}")
    lines += ["", "Description:", task.description or "(none)", "", f"Task ID: {task.id}"]
    for name, value in (task.model_extra or {}).items():
        lines.append(f"{friendly_name(name)}: {json.dumps(value, ensure_ascii=False)}")
    return "\n".join(lines)


def outbox_details(row: OutboxRow) -> str:
    info = status_info(row.status)
    lines = [
        row.title or "Untitled task",
        "",
        f"Status: {info.label} — {info.explanation}",
        f"Category: {friendly_name(row.category)} / {friendly_name(row.task_type)}",
        f"Budget: {money(row.budget_usd)}" if row.budget_usd is not None else "Budget: —",
        f"In the outbox since: {when(row.created_at, LONG_DATE, empty='—')}",
    ]
    if row.last_error:
        lines.append(f"Last try: {row.last_error}")
    lines += ["", "Description:", row.description or "(none)"]
    return "\n".join(lines)
