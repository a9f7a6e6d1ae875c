"""SQLite on disk: drafts, the outbox, known tasks, the taxonomy cache.

One file, WAL mode, ``PRAGMA user_version`` migrations (one function per step), owner-only
permissions. Every write is one transaction, so a crash or a kill at any moment leaves the old
state or the new one. A file that is not a sound database is moved aside (the user is told where)
and a fresh one is made.

Calls are small and fast (single-row reads and writes on an indexed table): they run on the
GUI thread, as DESIGN.md allows.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.errors import UserFacingError
from app.timefmt import utc_iso

if TYPE_CHECKING:
    from app.schema import Task

log = logging.getLogger(__name__)

STORE_FILENAME = "aitasker.sqlite3"



class DraftState(StrEnum):
    """A draft's state; the values are what the ``drafts.state`` column holds. A draft leaves the
    store when its task is created (same transaction)."""

    DRAFT = "draft"  # being written; not queued
    WAITING = "waiting"  # in the outbox: will be sent when the network is back
    SENDING = "sending"  # a request is (or was, at a crash) on its way
    UNKNOWN = "unknown"  # may have reached the server: the user decides


# The module-level names other code has always used.
DRAFT = DraftState.DRAFT
WAITING = DraftState.WAITING
SENDING = DraftState.SENDING
UNKNOWN = DraftState.UNKNOWN
DRAFT_STATES = tuple(DraftState)


def _v1(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE drafts (
            id TEXT PRIMARY KEY,
            body TEXT NOT NULL,
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL)"""
    )
    db.execute(
        """CREATE TABLE tasks (
            id TEXT PRIMARY KEY,
            body TEXT NOT NULL,
            created_at TEXT,
            stored_at REAL NOT NULL)"""
    )
    db.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


def _v2(db: sqlite3.Connection) -> None:
    """The outbox: a state per draft, its idempotency key, what went wrong last."""
    db.execute(f"ALTER TABLE drafts ADD COLUMN state TEXT NOT NULL DEFAULT '{DRAFT}'")
    db.execute("ALTER TABLE drafts ADD COLUMN idempotency_key TEXT")
    db.execute("ALTER TABLE drafts ADD COLUMN queued_at REAL")
    db.execute("ALTER TABLE drafts ADD COLUMN not_before REAL")
    db.execute("ALTER TABLE drafts ADD COLUMN last_error TEXT")
    db.execute("CREATE INDEX drafts_state ON drafts (state, queued_at)")


def _v3(db: sqlite3.Connection) -> None:
    """Taxonomy cache, and task status as a column for filtering and watching."""
    db.execute("CREATE TABLE taxonomy (id INTEGER PRIMARY KEY CHECK (id = 1), body TEXT NOT NULL, fetched_at REAL NOT NULL)")
    db.execute("ALTER TABLE tasks ADD COLUMN status TEXT NOT NULL DEFAULT ''")
    db.execute("UPDATE tasks SET status = coalesce(json_extract(body, '$.status'), '')")
    db.execute("CREATE INDEX tasks_status ON tasks (status)")


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v1, _v2, _v3]
SCHEMA_VERSION = len(MIGRATIONS)


@dataclass
class DraftRecord:
    id: str
    values: dict[str, Any]
    created_at: float
    updated_at: float
    state: str = DRAFT
    idempotency_key: str | None = None
    queued_at: float | None = None
    not_before: float | None = None
    last_error: str | None = None

    def __post_init__(self) -> None:
        self.state = DraftState(self.state)

    @property
    def title(self) -> str:
        title = str(self.values.get("title") or "").strip()
        return title or "Untitled draft"


class StoreError(UserFacingError):
    """The store cannot be opened or written; ``user_message`` is plain words."""

    def __init__(self, user_message: str, detail: str = "") -> None:
        super().__init__(user_message, detail=detail)


def _private_file(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        candidate = Path(f"{path}{suffix}")
        if candidate.exists():
            os.chmod(candidate, 0o600)


class Store:
    def __init__(self, path: Path, *, clock: Callable[[], float] = time.time) -> None:
        self.path = Path(path)
        self._clock = clock
        self.moved_aside: Path | None = None  # set when a damaged file was replaced
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            self._db = self._open()
        except sqlite3.DatabaseError as exc:
            self.moved_aside = self._move_aside(exc)
            self._db = self._open()

    @classmethod
    def in_dir(cls, data_dir: Path, **kwargs: Any) -> Store:
        return cls(Path(data_dir) / STORE_FILENAME, **kwargs)

    # --- opening -------------------------------------------------------------------------------
    def _open(self) -> sqlite3.Connection:
        old_umask = os.umask(0o077)
        try:
            db = sqlite3.connect(self.path, isolation_level=None, timeout=5.0)
        finally:
            os.umask(old_umask)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")
            db.execute("PRAGMA foreign_keys=ON")
            result = db.execute("PRAGMA quick_check").fetchone()
            if not result or result[0] != "ok":
                raise sqlite3.DatabaseError(f"quick_check: {result[0] if result else 'no answer'}")
            self._migrate(db)
        except sqlite3.DatabaseError:
            db.close()
            raise
        _private_file(self.path)
        return db

    def _migrate(self, db: sqlite3.Connection) -> None:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                "Your saved drafts were written by a newer version of AITasker Desktop. "
                "Please update the app to open them.",
                detail=f"store version {version} > {SCHEMA_VERSION}",
            )
        for number in range(version, SCHEMA_VERSION):
            db.execute("BEGIN IMMEDIATE")
            try:
                MIGRATIONS[number](db)
                db.execute(f"PRAGMA user_version = {number + 1}")
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
            log.info("store migrated to version %d", number + 1)

    def _move_aside(self, error: Exception) -> Path:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
        n = 1
        while target.exists():
            n += 1
            target = self.path.with_name(f"{self.path.name}.damaged-{stamp}-{n}")
        for suffix in ("", "-wal", "-shm"):
            source = Path(f"{self.path}{suffix}")
            if source.exists():
                os.replace(source, Path(f"{target}{suffix}"))
        log.warning("store was unreadable (%s); moved to %s", error, target)
        return target

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # --- settings --------------------------------------------------------------------------------
    def get_setting(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_setting(self, key: str, value: str | None) -> None:
        with self._transaction() as db:
            if value is None:
                db.execute("DELETE FROM settings WHERE key = ?", (key,))
            else:
                db.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))

    # --- drafts ----------------------------------------------------------------------------------
    _DRAFT_COLUMNS = "id, body, created_at, updated_at, state, idempotency_key, queued_at, not_before, last_error"

    def _draft(self, row: tuple[Any, ...]) -> DraftRecord:
        return DraftRecord(row[0], json.loads(row[1]), *row[2:])

    @staticmethod
    def new_draft_id() -> str:
        return str(uuid.uuid4())

    def save_draft(self, draft_id: str, values: dict[str, Any]) -> None:
        """Create or update a draft's content (its state is left as it is)."""
        now = self._clock()
        body = json.dumps(values, ensure_ascii=False, sort_keys=True)
        with self._transaction() as db:
            db.execute(
                "INSERT INTO drafts (id, body, created_at, updated_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
                (draft_id, body, now, now),
            )

    def get_draft(self, draft_id: str) -> DraftRecord | None:
        row = self._db.execute(f"SELECT {self._DRAFT_COLUMNS} FROM drafts WHERE id = ?", (draft_id,)).fetchone()
        return self._draft(row) if row else None

    def list_drafts(self, states: tuple[str, ...] = DRAFT_STATES) -> list[DraftRecord]:
        marks = ",".join("?" * len(states))
        rows = self._db.execute(
            f"SELECT {self._DRAFT_COLUMNS} FROM drafts WHERE state IN ({marks}) ORDER BY updated_at DESC", states
        ).fetchall()
        return [self._draft(r) for r in rows]

    def outbox(self) -> list[DraftRecord]:
        """Drafts waiting to be sent, oldest first."""
        rows = self._db.execute(
            f"SELECT {self._DRAFT_COLUMNS} FROM drafts WHERE state = ? ORDER BY queued_at, created_at", (WAITING,)
        ).fetchall()
        return [self._draft(r) for r in rows]

    def delete_draft(self, draft_id: str) -> DraftRecord | None:
        """Remove a draft; returns it so that the caller can offer Undo."""
        record = self.get_draft(draft_id)
        with self._transaction() as db:
            db.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))
        return record

    def restore_draft(self, record: DraftRecord) -> None:
        with self._transaction() as db:
            db.execute(
                f"INSERT OR REPLACE INTO drafts ({self._DRAFT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (record.id, json.dumps(record.values, ensure_ascii=False, sort_keys=True), record.created_at,
                 record.updated_at, record.state, record.idempotency_key, record.queued_at, record.not_before,
                 record.last_error),
            )

    def duplicate_draft(self, draft_id: str) -> str | None:
        record = self.get_draft(draft_id)
        if record is None:
            return None
        new_id = self.new_draft_id()
        values = dict(record.values)
        if values.get("title"):
            values["title"] = f"{values['title']} (copy)"
        self.save_draft(new_id, values)
        return new_id

    def set_state(
        self,
        draft_id: str,
        state: str,
        *,
        error: str | None = None,
        not_before: float | None = None,
        queue: bool = False,
    ) -> None:
        if state not in DRAFT_STATES:
            raise ValueError(state)
        with self._transaction() as db:
            db.execute(
                "UPDATE drafts SET state = ?, last_error = ?, not_before = ?, "
                "queued_at = CASE WHEN ? THEN coalesce(queued_at, ?) WHEN ? = 'draft' THEN NULL ELSE queued_at END "
                "WHERE id = ?",
                (state, error, not_before, queue, self._clock(), state, draft_id),
            )

    def idempotency_key(self, draft_id: str) -> str:
        """The draft's key, created and committed before the first request, then reused."""
        with self._transaction() as db:
            row = db.execute("SELECT idempotency_key FROM drafts WHERE id = ?", (draft_id,)).fetchone()
            if row is None:
                raise KeyError(draft_id)
            if row[0]:
                return str(row[0])
            key = str(uuid.uuid4())
            db.execute("UPDATE drafts SET idempotency_key = ? WHERE id = ?", (key, draft_id))
            return key

    def recover_interrupted_sends(self) -> list[str]:
        """Drafts left 'sending' by a crash may have reached the server: mark them unknown."""
        with self._transaction() as db:
            ids = [r[0] for r in db.execute("SELECT id FROM drafts WHERE state = ?", (SENDING,))]
            db.execute(
                "UPDATE drafts SET state = ?, last_error = ? WHERE state = ?",
                (UNKNOWN, "The app closed while this task was being sent.", SENDING),
            )
        return ids

    # --- tasks -----------------------------------------------------------------------------------
    def record_created(self, draft_id: str, task: Task) -> None:
        """The create succeeded: store the task and remove its draft in one transaction."""
        with self._transaction() as db:
            self._upsert_task(db, task)
            db.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))

    def upsert_task(self, task: Task) -> None:
        with self._transaction() as db:
            self._upsert_task(db, task)

    def upsert_tasks(self, tasks: list[Task]) -> None:
        with self._transaction() as db:
            for task in tasks:
                self._upsert_task(db, task)

    def _upsert_task(self, db: sqlite3.Connection, task: Task) -> None:
        created = utc_iso(task.created_at) if task.created_at else None
        db.execute(
            "INSERT INTO tasks (id, body, created_at, stored_at, status) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET body = excluded.body, status = excluded.status, created_at = excluded.created_at",
            (task.id, task.model_dump_json(), created, self._clock(), task.status),
        )

    def list_tasks(self, *, limit: int = -1, offset: int = 0) -> list[Task]:
        """Newest first; ``limit``/``offset`` read it in chunks (start-up with 100,000 tasks)."""
        rows = self._db.execute(
            "SELECT body FROM tasks ORDER BY created_at DESC, stored_at DESC LIMIT ? OFFSET ?", (limit, offset)
        ).fetchall()
        return _parse_tasks([body for (body,) in rows])

    def task_chunks(self, *, skip: int = 0, size: int = 5_000) -> Iterator[list[Task]]:
        """All tasks newest first after the first ``skip``, parsed ``size`` at a time: the rows are
        read at once (fast), the costly parsing happens chunk by chunk as the caller asks."""
        rows = self._db.execute(
            "SELECT body FROM tasks ORDER BY created_at DESC, stored_at DESC LIMIT -1 OFFSET ?", (skip,)
        ).fetchall()
        for start in range(0, len(rows), size):
            yield _parse_tasks([body for (body,) in rows[start : start + size]])

    def unfinished_tasks(self, final_statuses: tuple[str, ...]) -> list[Task]:
        """Tasks not in a final state (the ones worth refreshing), via the status index."""
        marks = ",".join("?" * len(final_statuses))
        rows = self._db.execute(f"SELECT body FROM tasks WHERE status NOT IN ({marks})", final_statuses).fetchall()
        return _parse_tasks([body for (body,) in rows])

    def count_tasks(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM tasks").fetchone()[0])

    # --- taxonomy cache --------------------------------------------------------------------------
    def cache_taxonomy(self, data: Any) -> None:
        with self._transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO taxonomy (id, body, fetched_at) VALUES (1, ?, ?)",
                (json.dumps(data, ensure_ascii=False), self._clock()),
            )

    def cached_taxonomy(self) -> Any | None:
        row = self._db.execute("SELECT body FROM taxonomy WHERE id = 1").fetchone()
        return json.loads(row[0]) if row else None

    def integrity_ok(self) -> bool:
        return self._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _parse_tasks(bodies: list[str]) -> list[Task]:
    """Parse stored task rows in one pass through pydantic-core (100,000 rows in well under a
    second); if any row cannot be read (written by a future version), skip just those rows."""
    from pydantic import TypeAdapter, ValidationError

    from app.schema import Task

    if not bodies:
        return []
    try:
        return TypeAdapter(list[Task]).validate_json("[" + ",".join(bodies) + "]")
    except ValidationError:
        tasks = []
        for body in bodies:
            try:
                tasks.append(Task.model_validate_json(body))
            except ValidationError:
                log.warning("skipped a stored task that could not be read")
        return tasks
