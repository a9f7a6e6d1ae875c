"""The store: a real SQLite file, migrations from every older version, damage handled."""

from __future__ import annotations

import sqlite3
import stat
import uuid
from pathlib import Path

import pytest

from app.api.schema import Task
from app.store.disk_errors import StoreError
from app.store.drafts_table import DRAFT, SENDING, UNKNOWN, WAITING
from app.store.migrations import MIGRATIONS, SCHEMA_VERSION
from app.store.repository import Store
from app.store.tasks_table import TASK_ROW_FIELDS


def task(**extra: object) -> Task:
    return Task.model_validate(
        {"id": str(uuid.uuid4()), "status": "open", "title": "T", "created_at": "2026-11-28T10:00:00Z", **extra}
    )


def test_file_is_private_and_in_wal_mode(tmp_path: Path) -> None:
    store = Store.in_dir(tmp_path / "data")
    store.save_draft("d", {"title": "x"})
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(store.path.parent.stat().st_mode) == 0o700
    with sqlite3.connect(store.path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_drafts_survive_reopening(tmp_path: Path) -> None:
    store = Store.in_dir(tmp_path)
    store.save_draft("a", {"title": "Logo", "budget_usd": 45.5, "requirements": {"n": 1}})
    store.save_draft("b", {"description": "no title"})
    store.close()
    again = Store.in_dir(tmp_path)
    by_id = {d.id: d for d in again.list_drafts()}
    assert by_id["a"].values == {"title": "Logo", "budget_usd": 45.5, "requirements": {"n": 1}}
    assert by_id["b"].title == "Untitled draft"


def test_delete_then_undo_and_duplicate(tmp_path: Path) -> None:
    store = Store.in_dir(tmp_path)
    store.save_draft("a", {"title": "Logo"})
    key = store.claim("a", (DRAFT,)).idempotency_key
    assert store.set_state("a", UNKNOWN, expect=(SENDING,))
    removed = store.delete_draft("a")
    assert store.list_drafts() == [] and removed is not None
    store.restore_draft(removed)
    assert store.get_draft("a") == removed and store.get_draft("a").idempotency_key == key
    copy = store.duplicate_draft("a")
    assert copy and store.get_draft(copy).values["title"] == "Logo (copy)"
    assert store.get_draft(copy).idempotency_key is None  # a copy is a new task


def test_idempotency_key_belongs_to_one_content(tmp_path: Path) -> None:
    """Changed deliberately (issue 12): the key used to be kept for the draft's whole life, edits
    included; now it is kept for the content it was sent with, across restarts, and new content
    (possible only after an answer that nothing was created) gets a new key."""
    store = Store.in_dir(tmp_path)
    store.save_draft("a", {"title": "first"})
    key = store.claim("a", (DRAFT,)).idempotency_key
    assert store.set_state("a", WAITING, queue=True, expect=(SENDING,))  # offline: nothing arrived
    store.close()
    store = Store.in_dir(tmp_path)
    assert store.claim("a", (WAITING,)).idempotency_key == key
    assert store.set_state("a", DRAFT, expect=(SENDING,))  # refused (say a 422): nothing created
    assert store.save_draft("a", {"title": "edited"}) == "a"
    again = store.claim("a", (DRAFT,))
    assert again is not None and again.idempotency_key not in (None, key)
    assert again.key_body == '{"title": "edited"}'


def test_outbox_is_oldest_first_and_states_move(tmp_path: Path) -> None:
    now = [100.0]
    store = Store.in_dir(tmp_path, clock=lambda: now[0])
    for name in ("first", "second", "third"):
        store.save_draft(name, {"title": name})
    for name in ("second", "first", "third"):
        now[0] += 1
        store.set_state(name, WAITING, queue=True)
    assert [d.id for d in store.outbox()] == ["second", "first", "third"]
    store.set_state("first", DRAFT)
    assert [d.id for d in store.outbox()] == ["second", "third"]
    assert store.get_draft("first").queued_at is None
    with pytest.raises(ValueError):
        store.set_state("first", "posted")


def test_interrupted_send_becomes_unknown(tmp_path: Path) -> None:
    store = Store.in_dir(tmp_path)
    store.save_draft("a", {})
    store.set_state("a", SENDING)
    store.close()
    again = Store.in_dir(tmp_path)
    assert again.recover_interrupted_sends() == ["a"]
    assert again.get_draft("a").state == UNKNOWN


def test_created_task_replaces_its_draft_in_one_transaction(tmp_path: Path) -> None:
    store = Store.in_dir(tmp_path)
    store.save_draft("a", {"title": "T"})
    created = task()
    store.record_created("a", created)
    assert store.get_draft("a") is None and [t.id for t in store.list_tasks()] == [created.id]


def test_failed_transaction_keeps_the_draft(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store.in_dir(tmp_path)
    store.save_draft("a", {"title": "T"})
    broken = task()
    monkeypatch.setattr(type(broken), "model_dump_json", lambda self: (_ for _ in ()).throw(RuntimeError("disk")))
    with pytest.raises(RuntimeError):
        store.record_created("a", broken)
    assert store.get_draft("a") is not None and store.list_tasks() == []


def test_tasks_upsert_and_order(tmp_path: Path) -> None:
    store = Store.in_dir(tmp_path)
    old = task(created_at="2026-01-01T00:00:00Z")
    new = task(created_at="2026-06-01T00:00:00Z")
    store.upsert_tasks([old, new])
    store.upsert_task(old.model_copy(update={"status": "review"}))
    tasks = store.list_tasks()
    assert [t.id for t in tasks] == [new.id, old.id] and tasks[1].status == "review"
    assert store.count_tasks() == 2


def test_taxonomy_cache_and_settings(tmp_path: Path) -> None:
    store = Store.in_dir(tmp_path)
    assert store.cached_taxonomy() is None and store.get_setting("current_draft") is None
    store.cache_taxonomy({"categories": [{"slug": "data"}]})
    store.set_setting("current_draft", "a")
    store.close()
    again = Store.in_dir(tmp_path)
    assert again.cached_taxonomy() == {"categories": [{"slug": "data"}]}
    assert again.get_setting("current_draft") == "a"
    again.set_setting("current_draft", None)
    assert again.get_setting("current_draft") is None


def _database_at_version(path: Path, version: int) -> None:
    db = sqlite3.connect(path, isolation_level=None)
    for step in MIGRATIONS[:version]:
        step(db)
    db.execute(f"PRAGMA user_version = {version}")
    if version >= 1:
        db.execute(
            "INSERT INTO drafts (id, body, created_at, updated_at) VALUES ('old', '{\"title\": \"From before\"}', 1, 2)"
        )
        body = (
            '{"id": "t1", "status": "review", "title": "Old task", "budget_usd": 12.5, "category": "data", '
            '"created_at": "2026-01-01T00:00:00Z", "expires_at": "2026-01-02T00:00:00+00:00"}'
        )
        db.execute(
            "INSERT INTO tasks (id, body, created_at, stored_at) VALUES ('t1', ?, '2026-01-01T00:00:00+00:00', 3)",
            (body,),
        )
    if version >= 3:  # from version 3 the app writes the status column with every task
        db.execute("UPDATE tasks SET status = 'review'")
    if version >= 5:  # from version 5 it writes the table's columns too
        db.execute(
            "UPDATE tasks SET title = 'Old task', category = 'data', budget_usd = 12.5, "
            "created_ts = 1767225600.0, expires_ts = 1767312000.0"
        )
    db.close()


@pytest.mark.parametrize("version", range(0, SCHEMA_VERSION))
def test_migrates_from_every_older_version_keeping_data(tmp_path: Path, version: int) -> None:
    path = tmp_path / "old.sqlite3"
    _database_at_version(path, version)
    store = Store(path)
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    if version >= 1:
        [draft] = store.list_drafts()
        assert (draft.id, draft.title, draft.state) == ("old", "From before", DRAFT)
        [old] = store.list_tasks()
        assert (old.id, old.status) == ("t1", "review")
        with sqlite3.connect(path) as db:
            assert db.execute("SELECT status FROM tasks").fetchone()[0] == "review"
        # The table's columns were filled from what was stored (v4), and the index serves "newest first".
        [[row]] = list(store.task_row_pages())
        assert dict(zip(TASK_ROW_FIELDS, row, strict=True)) == {
            "id": "t1",
            "status": "review",
            "title": "Old task",
            "description": "",
            "category": "data",
            "task_type": "",
            "budget_usd": 12.5,
            "created_ts": pytest.approx(1767225600.0, abs=0.01),
            "expires_ts": pytest.approx(1767312000.0, abs=0.01),
        }
    assert store.integrity_ok() and store.moved_aside is None


def test_a_newer_store_is_refused_in_words(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    _database_at_version(path, SCHEMA_VERSION)
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError) as caught:
        Store(path)
    assert "newer version" in caught.value.user_message
    assert path.exists()  # not moved aside: it is not damaged


@pytest.mark.parametrize("damage", [b"this is not a database at all" * 100, b""])
def test_damaged_file_is_moved_aside_and_a_fresh_one_made(tmp_path: Path, damage: bytes) -> None:
    store = Store.in_dir(tmp_path)
    store.save_draft("a", {"title": "x"})
    store.close()
    if damage:
        store.path.write_bytes(damage)
        for extra in tmp_path.glob("*-wal"):
            extra.unlink()
    else:  # scribble over the middle of a real database
        data = bytearray(store.path.read_bytes())
        data[100:4096] = b"\xff" * (4096 - 100)
        store.path.write_bytes(bytes(data))
    fresh = Store.in_dir(tmp_path)
    assert fresh.moved_aside is not None
    assert fresh.moved_aside.exists() and fresh.moved_aside.name.startswith("aitasker.sqlite3.damaged-")
    assert fresh.list_drafts() == [] and fresh.integrity_ok()


def test_table_rows_come_newest_first_in_pages_even_while_the_store_changes(tmp_path: Path) -> None:
    store = Store.in_dir(tmp_path)
    made = [
        task(
            title=f"T{i}", created_at=f"2026-11-{1 + i // 2:02d}T10:00:00Z", budget_usd=3 + i, description=f"about {i}"
        )
        for i in range(9)
    ]  # pairs share a creation time
    made.append(task(title="No date", created_at=None))
    store.upsert_tasks(made)
    pages = store.task_row_pages(first=3, size=2)
    seen = [next(pages)]
    store.upsert_task(made[0].model_copy(update={"status": "review"}))  # written between two pages
    store.upsert_task(task(title="Late newcomer", created_at="2026-11-30T10:00:00Z"))
    seen += list(pages)
    assert [len(page) for page in seen] == [3, 2, 2, 2, 1]
    titles = [row[TASK_ROW_FIELDS.index("title")] for page in seen for row in page]
    # Newest first; of two created at the same moment, the one stored later first; no date last.
    assert titles == ["T8", "T7", "T6", "T5", "T4", "T3", "T2", "T1", "T0", "No date"]
    row = dict(zip(TASK_ROW_FIELDS, seen[0][0], strict=True))
    assert row["description"] == "about 8" and row["budget_usd"] == 11 and row["status"] == "open"
    assert store.get_task(made[8].id) == made[8] and store.get_task("nope") is None


def test_polling_reads_unfinished_tasks_a_page_at_a_time(tmp_path: Path) -> None:
    store = Store.in_dir(tmp_path)
    statuses = ["open", "completed", "review", "expired", "matching"] * 5
    store.upsert_tasks([task(status=s, title=f"{s} {i}") for i, s in enumerate(statuses)])
    finals = ("completed", "expired", "cancelled")
    pages = list(store.unfinished_pages(finals, size=4))
    assert [len(p) for p in pages] == [4, 4, 4, 3]
    assert sorted(t.status for p in pages for t in p) == sorted(s for s in statuses if s not in finals)
    assert len({t.id for p in pages for t in p}) == 15


def test_open_reviews_are_read_a_bounded_step_at_a_time(tmp_path: Path) -> None:
    """Reviews still open, in store order; each step looks at no more than a page of tasks in
    review, so many that have run out make empty steps, not one long read."""
    store = Store.in_dir(tmp_path)
    reviews = [
        task(status="review", expires_at=f"{'2020' if n % 5 else '2999'}-01-01T00:00:00Z", title=f"R{n}")
        for n in range(23)
    ]
    store.upsert_tasks([*reviews, task(status="open", expires_at="2999-01-01T00:00:00Z")])
    pages = list(store.status_pages(("review",), size=4, open_after=1_700_000_000.0))
    assert [len(page) for page in pages] == [1, 1, 1, 1, 0, 1]  # 4 looked at per step: R0, R5, R10, R15, -, R20
    assert [t.title for page in pages for t in page] == ["R0", "R5", "R10", "R15", "R20"]
    assert [t.title for page in store.status_pages(("review",), size=10) for t in page][:3] == ["R0", "R1", "R2"]
    store.close()


def test_draft_ids_and_idempotency_keys_are_random_version_4_uuids() -> None:
    import uuid

    from app.store.drafts_table import random_uuid

    made = [random_uuid() for _ in range(200)]
    assert len(set(made)) == 200
    for text in made:
        parsed = uuid.UUID(text)
        assert str(parsed) == text and parsed.version == 4 and parsed.variant == uuid.RFC_4122


def test_an_early_check_vouches_only_for_the_file_it_checked(tmp_path: Path) -> None:
    """The integrity check that runs beside the imports at launch (EarlyCheck) spares the store
    its own only while the files are exactly as checked; a damaged file is caught either way."""
    from app.store.early_check import EarlyCheck

    store = Store.in_dir(tmp_path)
    store.save_draft("a", {"title": "x"})
    store.close()
    early = EarlyCheck(store.path)
    assert early.vouches_for(store.path)
    assert not early.vouches_for(tmp_path / "elsewhere.sqlite3")
    again = Store.in_dir(tmp_path, checked=early)
    assert again.get_draft("a") is not None and again.moved_aside is None
    again.save_draft("b", {"title": "changed since"})
    again.close()
    assert not early.vouches_for(store.path)  # written since: the store checks it itself

    early = EarlyCheck(store.path)
    data = bytearray(store.path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    store.path.write_bytes(bytes(data))  # damaged after the check ran
    fresh = Store.in_dir(tmp_path, checked=early)
    assert fresh.moved_aside is not None and fresh.list_drafts() == []


def test_an_early_check_is_started_only_for_a_large_store(tmp_path: Path) -> None:
    from app.store.early_check import EarlyCheck

    assert EarlyCheck.start(tmp_path / "missing.sqlite3") is None
    store = Store.in_dir(tmp_path)
    store.close()
    assert EarlyCheck.start(store.path) is None  # a few milliseconds when opened: no thread
    with open(store.path, "ab") as grow:
        grow.truncate(EarlyCheck.WORTH_IT)
    assert EarlyCheck.start(store.path) is not None
