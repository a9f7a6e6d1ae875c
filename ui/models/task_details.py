"""A task or an outbox entry as plain text for the details pane (server text is never rendered as rich
text); money and dates through the one formatter in :mod:`ui.i18n`."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from app.api.contract import status_info
from app.drafts import OutboxRow
from app.taxonomy import friendly_name, names
from app.timefmt import expires_in_words, local_or_none
from ui.i18n import LONG_DATE, details_when, dial, fill, money, translate, when, words

if TYPE_CHECKING:
    from app.api.schema import Task


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
