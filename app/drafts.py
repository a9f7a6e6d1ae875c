"""The drafts service: the draft open in the form, autosave, open, duplicate, delete with undo,
new. It is the only writer of a draft's content (``Store.save_draft``); the outbox changes only a
draft's state. Qt-free: the window gives it the form's values and listens to ``changed``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from app.events import Event
from app.store.disk_errors import StoreError
from app.store.drafts_table import CREDIT, DRAFT, SENDING, UNKNOWN, WAITING, DraftRecord, DraftState
from app.store.repository import Store

if TYPE_CHECKING:
    from app.outbox import Outbox  # only named: the outbox comes from the session

CURRENT_DRAFT = "current_draft"  # the settings key naming the draft open in the form
_CONTENT_FIELDS = ("title", "description", "requirements", "brand_kit_id")


def is_empty(values: dict[str, Any]) -> bool:
    """A form nobody has written in (defaults only): not worth a draft."""
    return not any(values.get(k) for k in _CONTENT_FIELDS)


class OutboxRow(NamedTuple):
    """A draft in the outbox, as a row of the tasks table (not a task: it has no server ID)."""

    draft_id: str
    state: DraftState
    title: str
    description: str
    category: str
    task_type: str
    budget_usd: float | None
    created_at: datetime
    last_error: str | None = None
    expires_at: None = None
    is_final: bool = False

    @property
    def id(self) -> str:
        return self.draft_id

    @property
    def status(self) -> str:
        from app.api.contract import OUTBOX_PREFIX  # how status words name the outbox states

        return OUTBOX_PREFIX + self.state

    @classmethod
    def of(cls, record: DraftRecord) -> OutboxRow:
        values = record.values
        budget = values.get("budget_usd")
        return cls(
            draft_id=record.id,
            state=DraftState(record.state),
            title=str(values.get("title") or "") or record.title,
            description=str(values.get("description") or ""),
            category=str(values.get("category") or ""),
            task_type=str(values.get("task_type") or ""),
            budget_usd=float(budget) if isinstance(budget, (int, float)) and not isinstance(budget, bool) else None,
            created_at=datetime.fromtimestamp(record.queued_at or record.updated_at, tz=UTC),
            last_error=record.last_error,
        )


class Opened(NamedTuple):
    record: DraftRecord
    taken_out_of_outbox: bool


class Continued(NamedTuple):
    """New text typed into a draft whose send may have reached AITasker went to a new draft
    (``new_id``, with its own key); the earlier attempt (``earlier``) stays as it was."""

    earlier: DraftRecord | None
    new_id: str


class Deleted(NamedTuple):
    record: DraftRecord
    undo: Callable[[], None]


class Drafts:
    """``changed`` fires once per change of any draft: with the draft's ID when only that one
    changed (an autosave: the list updates that row alone), with None when more did (which one
    is open, a delete, a duplicate)."""

    def __init__(self, store: Store, outbox: Outbox | None = None) -> None:
        """``outbox`` may come later (:attr:`outbox`): reading and reopening drafts need none, taking
        one out of the outbox does."""
        self._store = store
        self._outbox = outbox
        self.changed: Event[str | None] = Event()
        # The form's text moved to another draft: a frozen one was edited (Continued), or the
        # draft was removed under the form (posted or deleted elsewhere; Continued with no earlier).
        self.continued: Event[Continued] = Event()
        self.current_id = store.new_draft_id()

    @property
    def outbox(self) -> Outbox:
        if self._outbox is None:
            raise RuntimeError("the drafts service has no outbox yet")
        return self._outbox

    @outbox.setter
    def outbox(self, outbox: Outbox) -> None:
        self._outbox = outbox

    # --- reading ----------------------------------------------------------------------------------
    def records(self) -> list[DraftRecord]:
        return self._store.list_drafts()

    def outbox_marks(self) -> dict[str, tuple[Any, ...]]:
        """What changes when an outbox draft moves, by draft id (see Store.outbox_marks)."""
        return self._store.outbox_marks()

    def get(self, draft_id: str) -> DraftRecord | None:
        return self._store.get_draft(draft_id)

    def reopen(self) -> dict[str, Any] | None:
        """At start: the draft that was open (if it is still editable) becomes current; returns its
        values for the form, or None for a fresh one."""
        draft_id = self._store.get_setting(CURRENT_DRAFT)
        record = self._store.get_draft(draft_id) if draft_id else None
        if record is not None and record.state in (DRAFT, UNKNOWN):
            self.current_id = record.id
            return record.values
        self.current_id = self._store.new_draft_id()
        return None

    # --- writing ----------------------------------------------------------------------------------
    def autosave(self, values: dict[str, Any]) -> bool:
        """The form's content goes to the current draft (an untouched form is not saved). False
        when nothing was saved: an untouched form, or the store cannot write (it reports that to
        its problem listeners; the text stays in the form and the next autosave tries again)."""
        try:
            if is_empty(values) and self._store.get_draft(self.current_id) is None:
                return False
            self._write(values)
        except StoreError:
            return False
        self.changed.emit(self.current_id)
        return True

    def save_for_send(self, values: dict[str, Any]) -> str:
        """Save the current draft as it is (even untitled) before it is sent; returns its ID.
        Raises StoreError when it cannot be saved (then it is not sent either)."""
        self._write(values)
        self.changed.emit(self.current_id)
        return self.current_id

    def _write(self, values: dict[str, Any]) -> None:
        """Save to the current draft. The store keeps a draft whose send may have reached AITasker
        as it was sent and puts new text in a draft that continues it; a draft removed under the
        form (posted, deleted) is not brought back: the text becomes a new draft. Either way the
        form follows its text to the new draft."""
        earlier_id = self.current_id
        saved = self._store.save_draft(earlier_id, values)
        if saved is None:
            saved = self._store.new_draft_id()
            self._store.save_draft(saved, values)
        if saved != earlier_id:
            self.current_id = saved
            earlier = self._store.get_draft(earlier_id)
            self.continued.emit(Continued(earlier, saved))
        self._remember_current(self.current_id)

    def _remember_current(self, draft_id: str | None) -> None:
        """Which draft is open, for the next start; a failure to save it (a full disk, reported
        to the store's problem listeners) only means the next start opens a fresh form."""
        try:
            self._store.set_setting(CURRENT_DRAFT, draft_id)
        except StoreError:
            pass

    def earlier_attempt(self, draft_id: str) -> DraftRecord | None:
        """The unclear send this draft continues (new text typed after it), while it is unresolved."""
        record = self._store.get_draft(draft_id)
        if record is None or record.continues is None:
            return None
        earlier = self._store.get_draft(record.continues)
        return earlier if earlier is not None and earlier.state in (SENDING, UNKNOWN) else None

    def new(self, values: dict[str, Any] | None = None) -> None:
        """Keep what is in the form (given ``values``) and start a fresh draft."""
        if values is not None and (not is_empty(values) or self._store.get_draft(self.current_id) is not None):
            self._write(values)
        self.current_id = self._store.new_draft_id()
        self._remember_current(None)
        self.changed.emit(None)

    def open(self, draft_id: str, values: dict[str, Any]) -> Opened | None:
        """Make ``draft_id`` the current draft, after saving the form's ``values`` to the one open
        now. A waiting draft is taken out of the outbox first. None when it cannot be opened."""
        record = self._store.get_draft(draft_id)
        if record is None or record.state == SENDING or self.outbox.is_sending(draft_id):
            return None  # on its way: it cannot be taken out or edited now
        if not is_empty(values) or self._store.get_draft(self.current_id) is not None:
            self._write(values)
        queued = record.state in (WAITING, CREDIT)  # in the outbox: taken out to be edited
        taken = queued and self.outbox.take_back(draft_id)
        if queued and not taken:  # claimed for sending a moment ago: on its way
            return None
        self.current_id = draft_id
        self._remember_current(draft_id)
        self.changed.emit(None)
        return Opened(record, taken)

    def duplicate(self, draft_id: str, values: dict[str, Any]) -> str | None:
        if not is_empty(values) or self._store.get_draft(self.current_id) is not None:
            self._write(values)
        new_id = self._store.duplicate_draft(draft_id)
        self.changed.emit(None)
        return new_id

    def delete(self, draft_id: str) -> Deleted | None:
        """Remove a draft (not one on its way); ``undo()`` puts it back as it was. Deleting the
        current draft starts a fresh one."""
        if self.outbox.is_sending(draft_id):
            return None
        record = self._store.delete_draft(draft_id)
        if record is None:
            return None
        if draft_id == self.current_id:
            self.current_id = self._store.new_draft_id()
            self._remember_current(None)

        def undo() -> None:
            self._store.restore_draft(record)
            self.changed.emit(None)

        self.changed.emit(None)
        return Deleted(record, undo)

    def sent(self) -> None:
        """The current draft was posted or queued: the form starts a fresh one."""
        self.current_id = self._store.new_draft_id()
        self._remember_current(None)
        self.changed.emit(None)
