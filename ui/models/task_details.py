"""A task or an outbox entry as plain text for the details pane (server text is never rendered as rich
text); money and dates through the one formatter in :mod:`ui.i18n`."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from app.api.contract import status_info
from app.drafts import OutboxRow
from app.tasks import life
from app.tasks.status_words import by_whom, explanation
from app.taxonomy import friendly_name, names
from app.timefmt import local_or_none, next_step_words
from app.translatable import QT_TRANSLATE_NOOP
from ui.i18n import DATE_TIME, LONG_DATE, clock_when, details_when, dial, fill, money, translate, when, words

if TYPE_CHECKING:
    from app.api.schema import Task

# Fields a server may send besides those of the form (the practice server's life of a task), named
# in the user's language; any other shows under its own name in words. Amounts (``…_usd``) as money.
EXTRA_NAMES = {
    "history": QT_TRANSLATE_NOOP("presenters", "History"),
    "selected_bid_id": QT_TRANSLATE_NOOP("presenters", "Chosen version"),
    "agent_name": QT_TRANSLATE_NOOP("presenters", "Agent"),
    "input_request": QT_TRANSLATE_NOOP("presenters", "Question from the agent"),
    "delivery": QT_TRANSLATE_NOOP("presenters", "Final work"),
    "revisions_remaining": QT_TRANSLATE_NOOP("presenters", "Changes left"),
    "revision_requests": QT_TRANSLATE_NOOP("presenters", "Changes asked for"),
    "dispute": QT_TRANSLATE_NOOP("presenters", "Dispute"),
    "approved_by": QT_TRANSLATE_NOOP("presenters", "Approved by"),
    "approved_at": QT_TRANSLATE_NOOP("presenters", "Approved at"),
    "price_usd": QT_TRANSLATE_NOOP("presenters", "Price"),
    "paid_usd": QT_TRANSLATE_NOOP("presenters", "Paid"),
    "refunded_usd": QT_TRANSLATE_NOOP("presenters", "Refunded"),
}


def status_words(task: Task | OutboxRow) -> str:
    """ "Completed: You approved the work." — the status, and who did what as far as the task says."""
    info = status_info(task.status)
    said = words(info.explanation) if isinstance(task, OutboxRow) else explanation(task)
    return fill(translate("presenters", "%1: %2"), words(info.label), said)


def money_lines(task: Task) -> list[str]:
    """The money that moved, as the task says it: the chosen version's price, what was paid, what came back."""
    price, agent, paid, refunded = life.price(task), life.agent_name(task), life.paid(task), life.refunded(task)
    lines = []
    if price is not None:
        lines.append(
            fill(translate("presenters", "Chosen version: %1 (%2)"), money(price), agent)
            if agent
            else fill(translate("presenters", "Chosen version: %1"), money(price))
        )
    if paid is not None:
        lines.append(fill(translate("presenters", "Paid: %1"), money(paid)))
    if refunded:
        lines.append(fill(translate("presenters", "Returned to your credit: %1"), money(refunded)))
    return lines


def task_summary(task: Task | OutboxRow, now: datetime | None = None) -> str:
    """What a person needs first: what it is, its status in words, the money, its next step."""
    budget = "—" if task.budget_usd is None else money(task.budget_usd)
    lines = [
        task.title or translate("presenters", "Untitled task"),
        status_words(task),
        fill(translate("presenters", "Category: %1"), names().both(task.category, task.task_type)),
        fill(translate("presenters", "Budget: %1"), budget),
    ]
    if not isinstance(task, OutboxRow):
        lines += money_lines(task)
        moment = datetime.now(UTC) if now is None else now
        step = next_step_words(task.status, task.expires_at, moment, clock_when, final=task.is_final)
        if step:
            if task.expires_at is not None and local_or_none(task.expires_at) is not None:
                step += f" ({details_when(task.expires_at)})"
            lines.append(fill(translate("presenters", "Next step: %1"), step))
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
        fill(translate("presenters", "Current step ends: %1"), details_when(task.expires_at)),
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
    history = life.history(task)
    if history:
        lines += ["", translate("presenters", "What happened:")]
        for step in history:
            label, who = words(status_info(step.status).label), by_whom(step)
            did = fill(translate("presenters", "%1 (%2)"), label, who) if who else label
            lines.append(f"  {when(step.at, DATE_TIME, empty='—')}  {did}")
    lines += ["", fill(translate("presenters", "Task ID: %1"), task.id)]
    lines += [
        _extra_line(name, value)
        for name, value in (task.model_extra or {}).items()
        if not (name == "history" and history)  # in words above
    ]
    return "\n".join(lines)


def _extra_line(name: str, value: object) -> str:
    """Another field as sent: its name (in the user's language when known), its value as JSON."""
    label = translate("presenters", EXTRA_NAMES[name]) if name in EXTRA_NAMES else friendly_name(name)
    amount = name.endswith("_usd") and isinstance(value, (int, float)) and not isinstance(value, bool)
    shown = money(float(value)) if amount else json.dumps(value, ensure_ascii=False)  # type: ignore[arg-type]
    return fill(translate("presenters", "%1: %2"), label, shown)


def task_details(task: Task | OutboxRow) -> str:
    """Everything, as plain text: the summary, then the rest."""
    return task_summary(task) + "\n\n" + task_more_details(task)
