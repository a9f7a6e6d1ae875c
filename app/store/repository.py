"""SQLite on disk: drafts, the outbox, known tasks, the taxonomy cache (:class:`Store`).

One file, WAL mode, ``PRAGMA user_version`` migrations (:mod:`app.store.migrations`), owner-only
permissions. Every write is one transaction, so a crash or a kill at any moment leaves the old
state or the new one. A file that SQLite itself reports as damaged is moved aside (the user is told
where) and a fresh one is made; a full disk, a read-only folder or any other failure to write is
never taken for damage: it raises a :class:`~app.store.disk_errors.StoreError` subclass with plain
words and touches nothing (:mod:`app.store.disk_errors`).

The SQL of each table lives beside it (:mod:`app.store.drafts_table`, :mod:`app.store.tasks_table`);
the store owns the connection and the transactions, and answers to the rest of the app.

Calls are small and fast (single-row reads and writes on an indexed table): they run on the
GUI thread, as DESIGN.md allows.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from app.store import drafts_table, durability, journal, tasks_table
from app.store.disk_errors import Damaged, StoreError, is_corruption, rollback, write_error
from app.store.drafts_table import DRAFT_STATES, REMOVED_KEPT_FOR, REMOVED_KEPT_MAX, DraftRecord, random_uuid
from app.store.early_check import EarlyCheck, remember_clean_close
from app.store.migrations import migrate

if TYPE_CHECKING:
    from app.api.schema import Task

log = logging.getLogger(__name__)

STORE_FILENAME = "aitasker.sqlite3"


class SettingsStore(Protocol):
    """The store's small key/value settings, as code that keeps a few values needs them (a
    :class:`Store`, or a stand-in in memory)."""

    def get_setting(self, key: str) -> str | None: ...
    def set_setting(self, key: str, value: str | None) -> None: ...


class Store:
    def __init__(
        self, path: Path, *, clock: Callable[[], float] = time.time, checked: EarlyCheck | None = None
    ) -> None:
        self.path = Path(path)
        self._clock = clock
        self._checked = checked
        self.moved_aside: Path | None = None  # set when a damaged file was replaced
        # The last write failure, until a write works again (the UI shows "not saved").
        self.write_problem: StoreError | None = None
        self._problem_listeners: list[Callable[[StoreError | None], None]] = []
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise write_error(exc, self.path, opening=True) from exc
        try:
            try:
                self._db = self._open()
            except sqlite3.DatabaseError as exc:
                if not is_corruption(exc):
                    raise
                self.moved_aside = self._move_aside(exc)
                self._db = self._open()
        except StoreError:
            raise
        except (sqlite3.Error, OSError) as exc:
            log.warning("store could not be opened: %s", exc)
            raise write_error(exc, self.path, opening=True) from exc

    @classmethod
    def in_dir(cls, data_dir: Path, **kwargs: Any) -> Store:
        return cls(Path(data_dir) / STORE_FILENAME, **kwargs)

    # --- opening -------------------------------------------------------------------------------
    def _open(self) -> sqlite3.Connection:
        checked, self._checked = self._checked, None  # once: a file made after moving aside is checked
        vouched = checked is not None and checked.vouches_for(self.path)  # before this connection opens
        old_umask = os.umask(0o077)
        try:
            db = sqlite3.connect(self.path, isolation_level=None, timeout=5.0)
        finally:
            os.umask(old_umask)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")
            db.execute("PRAGMA foreign_keys=ON")
            if not vouched:
                result = db.execute("PRAGMA quick_check").fetchone()
                if not result or result[0] != "ok":
                    raise Damaged(f"quick_check: {result[0] if result else 'no answer'}")
            migrate(db)
            self._probe_and_tidy(db)
            durability.private_files(self.path)
        except BaseException:
            db.close()
            raise
        return db

    def _probe_and_tidy(self, db: sqlite3.Connection) -> None:
        """One real write at start (a full disk or read-only folder shows now, not at the first
        autosave), and forget removed-draft ids past their time (bounded)."""
        now = self._clock()
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute(
                "INSERT INTO settings (key, value) VALUES ('store/opened_at', ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (repr(now),),
            )
            db.execute("DELETE FROM removed_drafts WHERE removed_at < ?", (now - REMOVED_KEPT_FOR,))
            db.execute(
                "DELETE FROM removed_drafts WHERE id NOT IN "
                "(SELECT id FROM removed_drafts ORDER BY removed_at DESC LIMIT ?)",
                (REMOVED_KEPT_MAX,),
            )
            db.execute("COMMIT")
        except BaseException:
            rollback(db)
            raise

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
        log.warning("store was damaged (%s); moved to %s", error, target)
        return target

    def close(self) -> None:
        self._db.close()
        remember_clean_close(self.path)  # checked when opened, closed cleanly: the next start may trust it

    # --- write failures --------------------------------------------------------------------------
    def add_problem_listener(self, listener: Callable[[StoreError | None], None]) -> None:
        """``listener(problem)`` when writing starts failing (a :class:`StoreError`) and
        ``listener(None)`` when a write works again."""
        self._problem_listeners.append(listener)

    def _set_problem(self, problem: StoreError | None) -> None:
        changed = (problem is None) != (self.write_problem is None) or (
            problem is not None and type(problem) is not type(self.write_problem)
        )
        self.write_problem = problem
        if problem is not None:  # once per change of problem, not on every retry
            log.log(logging.WARNING if changed else logging.DEBUG, "store: could not save: %s", problem.detail)
        if changed:
            for listener in list(self._problem_listeners):
                listener(problem)

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            problem = write_error(exc, self.path)
            self._set_problem(problem)
            raise problem from exc
        try:
            yield self._db
            self._db.execute("COMMIT")
        except BaseException as exc:
            rollback(self._db)
            if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.IntegrityError):
                problem = write_error(exc, self.path)
                self._set_problem(problem)
                raise problem from exc
            raise
        if self.write_problem is not None:
            log.info("store: saving works again")
            self._set_problem(None)

    def unsynced(self) -> AbstractContextManager[None]:
        """Writes in it commit without waiting for the disk; :meth:`sync` makes them durable."""
        return durability.unsynced(self._db)

    def sync(self) -> None:
        """Every commit so far on the disk (blocking, for a worker thread: no connection is used)."""
        try:
            durability.sync_log(self.path)
        except OSError as exc:
            raise write_error(exc, self.path) from exc

    # --- settings --------------------------------------------------------------------------------
    def get_setting(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_setting(self, key: str, value: str | None) -> None:
        with self._transaction() as db:
            if value is None:
                db.execute("DELETE FROM settings WHERE key = ?", (key,))
            else:
                db.execute(
                    "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (key, value),
                )

    # --- drafts ----------------------------------------------------------------------------------
    @staticmethod
    def new_draft_id() -> str:
        return random_uuid()

    def save_draft(self, draft_id: str, values: dict[str, Any]) -> str | None:
        """Save what was typed for ``draft_id``; returns the id of the draft that now holds it (a
        frozen draft's new text goes to the draft that continues it; a removed draft is not
        brought back: None). See :func:`app.store.drafts_table.save`."""
        now = self._clock()
        body = drafts_table.body_of(values)
        with self._transaction() as db:
            return drafts_table.save(db, draft_id, body, now)

    def get_draft(self, draft_id: str) -> DraftRecord | None:
        return drafts_table.get(self._db, draft_id)

    def list_drafts(self, states: tuple[str, ...] = DRAFT_STATES) -> list[DraftRecord]:
        return drafts_table.listed(self._db, states)

    def outbox_marks(self) -> dict[str, tuple[Any, ...]]:
        """Each outbox draft's (state, updated_at, queued_at, last_error), by id."""
        return drafts_table.outbox_marks(self._db)

    def outbox(self) -> list[DraftRecord]:
        """Drafts waiting to be sent, oldest first."""
        return drafts_table.outbox(self._db)

    def outbox_ids(self) -> list[str]:
        """The ids of the drafts waiting to be sent, oldest first (:meth:`outbox` without reading them)."""
        return drafts_table.waiting_ids(self._db)

    def next_waiting(self, *, skip: set[str] | frozenset[str] = frozenset()) -> DraftRecord | None:
        """The oldest draft waiting to be sent that is due now (not in ``skip``), read afresh."""
        return drafts_table.next_waiting(self._db, self._clock(), skip)

    def delete_draft(self, draft_id: str) -> DraftRecord | None:
        """Remove a draft (not one on its way); returns it so that the caller can offer Undo."""
        with self._transaction() as db:
            return drafts_table.delete(db, draft_id, self._clock())

    def restore_draft(self, record: DraftRecord) -> None:
        """Undo a delete: the draft comes back as it was (never as "sending")."""
        with self._transaction() as db:
            drafts_table.restore(db, record)

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
        expect: tuple[str, ...] | None = None,
    ) -> bool:
        """Move a draft to ``state``; with ``expect``, only if it is in one of those states now
        (compare-and-set). True when the draft was changed."""
        if state not in DRAFT_STATES:
            raise ValueError(state)
        with self._transaction() as db:
            return drafts_table.set_state(
                db, draft_id, state, now=self._clock(), error=error, not_before=not_before, queue=queue, expect=expect
            )

    def claim(
        self, draft_id: str, from_states: tuple[str, ...], *, due_only: bool = False, revision: int | None = None
    ) -> DraftRecord | None:
        """Take a draft for sending, in one transaction: it becomes ``sending`` with the
        idempotency key of its content, both committed before the caller sends anything. None when
        the draft is gone, taken out, edited since ``revision``, not due, or already on its way.
        See :func:`app.store.drafts_table.claim`."""
        now = self._clock()
        with self._transaction() as db:
            return drafts_table.claim(db, draft_id, from_states, now=now, due_only=due_only, revision=revision)

    def recover_interrupted_sends(self) -> list[str]:
        """Drafts left 'sending' by a crash may have reached the server: mark them unknown."""
        with self._transaction() as db:
            return drafts_table.recover_interrupted_sends(db)

    # --- tasks -----------------------------------------------------------------------------------
    def record_created(
        self, draft_id: str, task: Task, *, revision: int | None = None, keep: str | None = None
    ) -> bool:
        """The create succeeded: store the task and remove its draft, in one transaction.

        The draft is removed only if it still holds what was sent (``revision``, when given) and
        the caller did not ask to ``keep`` it (the server answered for other content; ``keep`` is
        the note shown with it). A kept draft goes back to ``draft`` without its key, so nothing
        typed is deleted because an older version was posted. True when the draft was removed."""
        with self._transaction() as db:
            tasks_table.upsert(db, task, self._clock())
            return drafts_table.settle_after_create(db, draft_id, revision=revision, keep=keep, now=self._clock())

    def upsert_task(self, task: Task) -> None:
        with self._transaction() as db:
            tasks_table.upsert(db, task, self._clock())

    def upsert_tasks(self, tasks: list[Task]) -> None:
        with self._transaction() as db:
            for task in tasks:
                tasks_table.upsert(db, task, self._clock())

    def list_tasks(self, *, limit: int = -1, offset: int = 0) -> list[Task]:
        """Newest first, parsed in full (small reads; the table reads :meth:`task_row_pages`)."""
        return tasks_table.listed(self._db, limit=limit, offset=offset)

    def get_task(self, task_id: str) -> Task | None:
        """One task in full (the details of the selected row)."""
        return tasks_table.get(self._db, task_id)

    def task_row_pages(self, *, first: int = 2_000, size: int = 1_000) -> Iterator[list[tuple[Any, ...]]]:
        """Every task as a plain tuple (:data:`app.store.tasks_table.TASK_ROW_FIELDS`), newest
        first: ``first`` rows, then ``size`` at a time; a caller may await between pages."""
        return tasks_table.row_pages(self._db, first=first, size=size)

    def unfinished_pages(self, final_statuses: tuple[str, ...], *, size: int = 200) -> Iterator[list[Task]]:
        """Tasks not in a final state, ``size`` at a time (a polling round holds one page, not all)."""
        return tasks_table.unfinished_pages(self._db, final_statuses, size=size)

    def status_pages(
        self, statuses: tuple[str, ...], *, size: int = 500, open_after: float | None = None
    ) -> Iterator[list[Task]]:
        """Tasks in these states, ``size`` at a time (through the status index); with
        ``open_after`` (epoch seconds), only those expiring later or never."""
        return tasks_table.status_pages(self._db, statuses, size=size, open_after=open_after)

    def money_rows(self, *, since: float | None = None) -> list[tuple[Any, ...]]:
        """What spending by month needs of each task (:func:`app.store.tasks_table.money_rows`);
        ``since``: only tasks posted then or later (seconds since the epoch)."""
        return tasks_table.money_rows(self._db, since=since)

    def iter_unfinished(self, final_statuses: tuple[str, ...], *, size: int = 200) -> Iterator[Task]:
        """The polling round's tasks one by one, read a page at a time as it goes."""
        for page in self.unfinished_pages(final_statuses, size=size):
            yield from page

    def count_tasks(self) -> int:
        return tasks_table.count(self._db)

    # --- the action journal (app.actions) ------------------------------------------------------
    def add_action(
        self, task_id: str, action: str, params: str, key: str, phase: str, now: float
    ) -> tuple[int, tuple[Any, ...] | None]:
        """Record an action before it is sent, in one transaction with the check that the task has
        no open action; (0, the open action's row) when it has."""
        with self._transaction() as db:
            return journal.add(db, task_id, action, params, key, phase, now)

    def set_action_phase(self, action_id: int, phase: str, detail: str, now: float) -> None:
        with self._transaction() as db:
            journal.set_phase(db, action_id, phase, detail, now)

    def action_rows(self, *, task_id: str | None = None, open_only: bool = False) -> list[tuple[Any, ...]]:
        return journal.rows(self._db, task_id=task_id, open_only=open_only)

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
