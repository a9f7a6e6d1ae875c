"""The drafts service (Qt-free) on a real SQLite file: autosave, open, duplicate, delete with
undo, new; and it is the only writer of a draft's content (the outbox changes only its state)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.api.errors import ApiError, InvalidTask, Offline, OutcomeUnknown, RateLimited
from app.api.schema import Task
from app.drafts import Drafts, OutboxRow
from app.outbox import Outbox
from app.store.drafts_table import DRAFT, UNKNOWN, WAITING
from app.store.repository import Store
from tests.conftest import note_content_writers

FILLED = {
    "title": "Logo",
    "description": "",
    "category": "design",
    "task_type": "logo",
    "budget_usd": 45.0,
    "requirements": {},
    "experimentation": 0.3,
    "brand_kit_id": None,
}
EMPTY = {**FILLED, "title": None}


@pytest.fixture
def service(tmp_path: Path) -> tuple[Drafts, Store, list[str | None]]:
    store = Store.in_dir(tmp_path)
    drafts = Drafts(store, Outbox(store, lambda: None))
    changes: list[str | None] = []
    drafts.changed.connect(changes.append)
    return drafts, store, changes


def test_autosave_skips_an_untouched_form_then_saves_and_reopens_next_start(service, tmp_path: Path) -> None:
    drafts, store, changes = service
    assert drafts.autosave(EMPTY) is False and store.list_drafts() == [] and changes == []
    assert drafts.autosave(FILLED) is True
    assert [(d.id, d.values["title"]) for d in store.list_drafts()] == [(drafts.current_id, "Logo")]
    assert len(changes) == 1  # one change, one refresh
    assert drafts.autosave(EMPTY) is True  # emptied after it existed: saved as emptied
    later = Drafts(store, Outbox(store, lambda: None))
    assert later.reopen() == EMPTY and later.current_id == drafts.current_id


def test_new_keeps_the_old_draft_and_starts_fresh(service) -> None:
    drafts, store, _ = service
    first = drafts.current_id
    drafts.new(FILLED)
    assert drafts.current_id != first and [d.id for d in store.list_drafts()] == [first]
    assert store.get_setting("current_draft") is None
    assert Drafts(store, Outbox(store, lambda: None)).reopen() is None  # a fresh form next start


def test_open_saves_the_form_first_and_takes_a_waiting_draft_out_of_the_outbox(service) -> None:
    drafts, store, _ = service
    store_id = store.new_draft_id()
    drafts_writer_id = drafts.current_id
    drafts.autosave(FILLED)
    drafts.new(None)
    other = drafts.current_id
    drafts.save_for_send({**FILLED, "title": "Queued"})
    store.set_state(other, WAITING, queue=True)
    opened = drafts.open(other, {**FILLED, "title": "typed meanwhile"})
    assert opened is not None and opened.taken_out_of_outbox and opened.record.values["title"] == "Queued"
    assert store.get_draft(other).state == DRAFT and store.outbox() == []
    assert drafts.current_id == other
    assert drafts.open(store_id, FILLED) is None  # no such draft
    assert store.get_draft(drafts_writer_id).values["title"] == "Logo"


def test_duplicate_and_delete_with_undo(service) -> None:
    drafts, store, changes = service
    drafts.autosave(FILLED)
    original = drafts.current_id
    copy = drafts.duplicate(original, FILLED)
    assert copy is not None and store.get_draft(copy).values["title"] == "Logo (copy)"
    before = len(changes)
    deleted = drafts.delete(original)
    assert deleted is not None and store.get_draft(original) is None
    assert drafts.current_id != original  # the form starts a fresh draft
    assert len(changes) == before + 1
    deleted.undo()
    restored = store.get_draft(original)
    assert restored is not None and restored.values == FILLED and restored.created_at == deleted.record.created_at


def test_an_outbox_row_is_not_a_task() -> None:
    from app.store.drafts_table import DraftRecord

    record = DraftRecord("d1", {**FILLED, "budget_usd": True}, 1.0, 2.0, state="waiting", queued_at=1.5)
    row = OutboxRow.of(record)
    assert row.draft_id == row.id == "d1" and row.state == WAITING and row.budget_usd is None
    assert not row.is_final and row.expires_at is None


class ScriptedClient:
    """A client whose creates answer, in turn, with ``answers`` (an exception is raised)."""

    def __init__(self, *answers: Exception | Task) -> None:
        self.answers = list(answers)

    async def create_task(self, draft: object, idempotency_key: str | None = None) -> Task:
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer


async def test_only_the_drafts_service_writes_draft_content(tmp_path: Path) -> None:
    """Through every way a send can end, the outbox moves the draft between states and never
    changes what it says (its values and revision); what it says changes only through Drafts."""
    store = Store.in_dir(tmp_path)
    writers = note_content_writers(store)
    client: list[ScriptedClient | None] = [None]
    # ScriptedClient stands in for TasksClient: it has only the create_task the outbox calls.
    outbox = Outbox(store, lambda: client[0], min_spacing=0.0)  # type: ignore[arg-type, return-value]
    drafts = Drafts(store, outbox)
    typed = {**FILLED, "category": "data", "task_type": "data-analysis", "title": "Numbers"}
    draft_id = drafts.save_for_send(typed)
    saved = store.get_draft(draft_id)
    assert saved is not None and saved.values == typed

    def says() -> tuple[str, dict[str, Any], int]:
        record = store.get_draft(draft_id)
        assert record is not None
        return record.state, record.values, record.revision

    assert outbox.queue(draft_id) and says() == (WAITING, typed, saved.revision)
    assert outbox.take_back(draft_id) and says() == (DRAFT, typed, saved.revision)
    assert (await outbox.send(draft_id)).state == WAITING  # no account yet
    assert says() == (WAITING, typed, saved.revision)
    other = Task(id="t-1", status="open", title="An older version", category="data", budget_usd=45.0)
    answers: list[tuple[Exception | Task, str]] = [
        (Offline(), WAITING),
        (RateLimited(retry_after=5), WAITING),
        (OutcomeUnknown(), UNKNOWN),
        (InvalidTask(field_errors={"title": ["Too short."]}), DRAFT),
        (ApiError(status=403), DRAFT),
        (other, DRAFT),  # the server answered for other content: the text is kept
    ]
    for answer, state in answers:
        client[0] = ScriptedClient(answer)
        assert (await outbox.send(draft_id)).state == state, answer
        assert says() == (state, typed, saved.revision), answer
    assert writers == ["app.drafts"]  # the one content write so far: Drafts saving before the send

    edited = {**typed, "title": "Numbers, edited"}
    assert drafts.autosave(edited)
    state, values, revision = says()
    assert values == edited and revision > saved.revision
    assert set(writers) == {"app.drafts"}
