"""What the server's state says about an unsure review action (choose, extend, remix, cancel).

Each function reads the task and its gallery as AITasker shows them now and answers with a
:class:`app.actions.Verdict`; it never sends anything. Used by the journal's checking loop.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from app.actions import Action, JournalEntry, Verdict

if TYPE_CHECKING:
    from app.api.schema import Task
    from app.review.gallery import Gallery

PAST_CHOICE = ("delivering", "delivered", "awaiting_approval", "completed", "disputed", "revision_requested")
ENDED_WITHOUT = ("expired", "cancelled")


def _status(task: Task | None, gallery: Gallery | None) -> str:
    if task is not None:
        return task.status
    if gallery is not None and gallery.task is not None:
        return gallery.task.status
    return ""


def choose(entry: JournalEntry, task: Task | None, gallery: Gallery | None) -> Verdict:
    ours = entry.params.get("version")
    chosen = gallery.selected_bid if gallery is not None else None
    if chosen is not None:
        return Verdict.HAPPENED if chosen.id == ours else Verdict.RULED_OUT
    status = _status(task, gallery)
    if status in PAST_CHOICE:
        return Verdict.HAPPENED  # a version was chosen, and only this person chooses
    if status in ENDED_WITHOUT:
        return Verdict.RULED_OUT
    return Verdict.NO_SIGN


def _moment(text: object) -> datetime | None:
    try:
        return datetime.fromisoformat(str(text)) if text else None
    except ValueError:
        return None


def extend(entry: JournalEntry, task: Task | None, gallery: Gallery | None) -> Verdict:
    before_used = entry.params.get("extensions_used")
    if gallery is not None and before_used is not None and gallery.review_extensions_used is not None:
        if gallery.review_extensions_used > int(before_used):
            return Verdict.HAPPENED
    before = _moment(entry.params.get("closes_at"))
    now_closes = task.expires_at if task is not None else None
    if before is not None and now_closes is not None and now_closes > before:
        return Verdict.HAPPENED
    if _status(task, gallery) not in ("review", ""):
        return Verdict.RULED_OUT
    return Verdict.NO_SIGN


def remix(entry: JournalEntry, task: Task | None, gallery: Gallery | None) -> Verdict:
    before = entry.params.get("versions_made")
    made = gallery.total_bids_generated if gallery is not None else None
    if before is not None and made is not None and made > int(before):
        return Verdict.HAPPENED
    status = _status(task, gallery)
    if status in ("matching", "prototyping"):
        return Verdict.HAPPENED  # back to work on a new round
    if status in PAST_CHOICE or status in ENDED_WITHOUT:
        return Verdict.RULED_OUT
    return Verdict.NO_SIGN


def cancel(entry: JournalEntry, task: Task | None, gallery: Gallery | None) -> Verdict:
    status = _status(task, gallery)
    if status == "cancelled":
        return Verdict.HAPPENED
    if status in PAST_CHOICE or status == "expired":
        return Verdict.RULED_OUT
    return Verdict.NO_SIGN


VERDICTS = {Action.CHOOSE: choose, Action.EXTEND: extend, Action.REMIX: remix, Action.CANCEL: cancel}
