"""The drafts service's part of issue 12 (Qt-free, a real SQLite file): the form follows its text
to a continuing draft after an unclear send, a draft removed under the form is not brought back but
its text is kept, a draft claimed for sending is not opened, and a full disk keeps the text in the
form (autosave says False) until saving works again."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.drafts import Continued, Drafts
from app.outbox import Outbox
from app.store.disk_errors import DiskFull, StoreError
from app.store.drafts_table import DRAFT, SENDING, UNKNOWN, WAITING
from app.store.repository import Store

LOGO = {"title": "Logo for my bakery", "description": "", "category": "design", "task_type": "logo", "budget_usd": 45.0}
CATS = {**LOGO, "title": "Blog post about cats", "budget_usd": 50.0}


@pytest.fixture
def drafts(tmp_path: Path) -> Drafts:
    store = Store.in_dir(tmp_path)
    return Drafts(store, Outbox(store, lambda: None))


def test_text_typed_after_an_unclear_send_moves_to_a_new_draft(drafts: Drafts) -> None:
    store = drafts._store
    moves: list[Continued] = []
    drafts.continued.connect(moves.append)
    earlier = drafts.save_for_send(LOGO)
    assert store.claim(earlier, (DRAFT,)) is not None
    assert store.set_state(earlier, UNKNOWN, expect=(SENDING,))  # the answer never came

    assert drafts.autosave(CATS)
    assert drafts.current_id != earlier
    assert [(m.earlier.title if m.earlier else None, m.new_id) for m in moves] == [
        ("Logo for my bakery", drafts.current_id)
    ]
    assert drafts.earlier_attempt(drafts.current_id).id == earlier
    assert drafts.autosave({**CATS, "description": "More"}) and len(moves) == 1  # the same new draft after
    assert store.get_draft(earlier).values == LOGO and store.get_draft(earlier).state == UNKNOWN
    assert store.get_draft(drafts.current_id).values["description"] == "More"

    store.set_state(earlier, DRAFT, expect=(UNKNOWN,))  # resolved: "Keep as draft"
    assert drafts.earlier_attempt(drafts.current_id) is None


def test_a_draft_removed_under_the_form_is_not_brought_back_but_its_text_is_kept(drafts: Drafts) -> None:
    store = drafts._store
    moves: list[Continued] = []
    drafts.continued.connect(moves.append)
    drafts.autosave(LOGO)
    removed = drafts.current_id
    assert store.delete_draft(removed) is not None  # elsewhere (say the drafts list)
    assert drafts.autosave({**LOGO, "description": "typed on"})
    assert drafts.current_id != removed and store.get_draft(removed) is None
    assert [m.earlier for m in moves] == [None]
    [kept] = store.list_drafts()
    assert kept.values["description"] == "typed on" and kept.idempotency_key is None


def test_a_draft_claimed_for_sending_is_not_opened(drafts: Drafts) -> None:
    store = drafts._store
    store.save_draft("queued", LOGO)
    store.set_state("queued", WAITING, queue=True)
    assert store.claim("queued", (WAITING,)) is not None  # the outbox took it a moment ago
    assert drafts.open("queued", CATS) is None
    assert store.get_draft("queued").state == SENDING


def test_autosave_on_a_full_disk_keeps_the_text_and_reports_once(drafts: Drafts) -> None:
    store = drafts._store
    problems: list[StoreError | None] = []
    store.add_problem_listener(problems.append)
    drafts.autosave(LOGO)
    store._db.execute(f"PRAGMA max_page_count = {store._db.execute('PRAGMA page_count').fetchone()[0]}")
    big = {**LOGO, "description": "x" * 4900, "requirements": {"notes": "y" * 20000}}
    assert drafts.autosave(big) is False
    assert drafts.autosave(big) is False
    assert [type(p) for p in problems] == [DiskFull]
    with pytest.raises(DiskFull):
        drafts.save_for_send(big)  # a task that cannot be saved is not sent
    store._db.execute("PRAGMA max_page_count = 1000000")
    assert drafts.autosave(big) is True and problems[-1] is None
    assert store.get_draft(drafts.current_id).values == big
