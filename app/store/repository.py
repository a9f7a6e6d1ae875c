"""SQLite on disk: drafts, the outbox, known tasks, the taxonomy cache.

One file, WAL mode, ``PRAGMA user_version`` migrations (one function per step), owner-only
permissions. Every write is one transaction, so a crash or a kill at any moment leaves the old
state or the new one. A file that SQLite itself reports as damaged (SQLITE_CORRUPT, SQLITE_NOTADB, a
failed ``quick_check``) is moved aside (the user is told where) and a fresh one is made; a full disk,
a read-only folder or any other failure to write is never taken for damage: it raises a
:class:`StoreError` subclass with plain words (what happened, where, what to do) and touches nothing.

A draft's state lives here and only here. Sending claims a draft in one transaction
(:meth:`Store.claim`, a compare-and-set on its state and content revision), so a draft taken out of
the outbox, edited or deleted a moment before is never sent by an earlier plan. An idempotency key
belongs to one content: a draft whose send may have reached AITasker (``sending``/``unknown``) is
frozen, and new text typed into it is saved as a new draft (:meth:`Store.save_draft` returns its
id). A removed draft is remembered for a while so that a late autosave cannot bring it back.

Calls are small and fast (single-row reads and writes on an indexed table): they run on the
GUI thread, as DESIGN.md allows.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.api.errors import UserFacingError
from app.timefmt import seconds_since_epoch, utc_iso
from app.translatable import QT_TRANSLATE_NOOP, fill, translate

if TYPE_CHECKING:
    from app.api.schema import Task

log = logging.getLogger(__name__)

STORE_FILENAME = "aitasker.sqlite3"


def random_uuid() -> str:
    """A random (version 4) UUID as text, as ``str(uuid.uuid4())`` gives it, without importing
    ``uuid`` at start (it loads the ``platform`` module)."""
    raw = bytearray(os.urandom(16))
    raw[6] = (raw[6] & 0x0F) | 0x40  # version 4
    raw[8] = (raw[8] & 0x3F) | 0x80  # the RFC 4122 variant
    text = raw.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


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
# States whose content is frozen: a request with the draft's key may have reached the server.
FROZEN_STATES = (SENDING, UNKNOWN)
REMOVED_KEPT_FOR = 30 * 24 * 3600.0  # how long a removed draft's id is remembered (seconds)
REMOVED_KEPT_MAX = 10_000  # and at most this many ids

# SQLite's primary result codes that mean "this file is not a sound database".
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26
_SQLITE_FULL = 13
_SQLITE_READONLY = 8
_SQLITE_CANTOPEN = 14
_SQLITE_PERM = 3
_SQLITE_AUTH = 23
_SQLITE_IOERR = 10
_LOW_SPACE = 1 << 20  # below 1 MiB free, a write error is reported as a full disk


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
    db.execute(
        "CREATE TABLE taxonomy (id INTEGER PRIMARY KEY CHECK (id = 1), body TEXT NOT NULL, fetched_at REAL NOT NULL)"
    )
    db.execute("ALTER TABLE tasks ADD COLUMN status TEXT NOT NULL DEFAULT ''")
    db.execute("UPDATE tasks SET status = coalesce(json_extract(body, '$.status'), '')")
    db.execute("CREATE INDEX tasks_status ON tasks (status)")


def _v4(db: sqlite3.Connection) -> None:
    """Drafts: a content revision (for compare-and-set), the content the key was sent with, the
    draft a frozen one was continued in; and ids of removed drafts (no resurrection)."""
    db.execute("ALTER TABLE drafts ADD COLUMN revision INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE drafts ADD COLUMN key_body TEXT")
    db.execute("ALTER TABLE drafts ADD COLUMN continues TEXT")
    # Best guess for keys used before this version: they belong to the content kept with them.
    db.execute("UPDATE drafts SET key_body = body WHERE idempotency_key IS NOT NULL")
    db.execute("CREATE INDEX drafts_continues ON drafts (continues)")
    db.execute("CREATE TABLE removed_drafts (id TEXT PRIMARY KEY, removed_at REAL NOT NULL)")


def _epoch(text_sql: str) -> str:
    """SQL for seconds since the epoch from an ISO 8601 text (julianday reads "Z" and "+00:00")."""
    return f"(julianday({text_sql}) - 2440587.5) * 86400.0"


def _v5(db: sqlite3.Connection) -> None:
    """The table's columns as columns (its rows come straight from SQLite, no JSON parsing), and an
    index for "newest first" (without one, every first page sorted the whole table)."""
    for name, kind in (
        ("title", "TEXT NOT NULL DEFAULT ''"),
        ("description", "TEXT NOT NULL DEFAULT ''"),
        ("category", "TEXT NOT NULL DEFAULT ''"),
        ("task_type", "TEXT NOT NULL DEFAULT ''"),
        ("budget_usd", "REAL"),
        ("created_ts", "REAL NOT NULL DEFAULT 0"),
        ("expires_ts", "REAL"),
    ):
        db.execute(f"ALTER TABLE tasks ADD COLUMN {name} {kind}")
    texts = ", ".join(
        f"{name} = coalesce(CAST(json_extract(body, '$.{name}') AS TEXT), '')"
        for name in ("title", "description", "category", "task_type")
    )
    expires = _epoch("json_extract(body, '$.expires_at')")
    db.execute(
        f"UPDATE tasks SET {texts}, "
        "budget_usd = CASE WHEN json_type(body, '$.budget_usd') IN ('integer', 'real') "
        "THEN json_extract(body, '$.budget_usd') END, "
        f"created_ts = coalesce({_epoch('created_at')}, 0), "
        f"expires_ts = {expires}"
    )
    db.execute("CREATE INDEX tasks_created ON tasks (created_ts)")


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v1, _v2, _v3, _v4, _v5]
SCHEMA_VERSION = len(MIGRATIONS)


# A task as the table needs it, straight from the columns (no JSON, no pydantic): memory and time
# per row are a fraction of a full Task's. Timestamps are seconds since the epoch (0 = unknown).
TASK_ROW_FIELDS = (
    "id",
    "status",
    "title",
    "description",
    "category",
    "task_type",
    "budget_usd",
    "created_ts",
    "expires_ts",
)
_TASK_ROW_SQL = ", ".join(TASK_ROW_FIELDS)
_CREATED_TS = TASK_ROW_FIELDS.index("created_ts")


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
    revision: int = 0
    key_body: str | None = None
    continues: str | None = None  # the frozen draft whose later text this is

    def __post_init__(self) -> None:
        self.state = DraftState(self.state)

    @property
    def title(self) -> str:
        title = str(self.values.get("title") or "").strip()
        return title or "Untitled draft"


def row_fields(task: Any) -> tuple[Any, ...]:
    """What the table shows of a task (or an outbox row), in the store's column order after the id:
    status, title, description, category, task type, budget, created and expiry as epoch seconds."""
    budget = task.budget_usd if isinstance(task.budget_usd, (int, float)) else None
    return (
        task.status,
        task.title or "",
        task.description or "",
        task.category or "",
        task.task_type or "",
        budget,
        seconds_since_epoch(task.created_at),
        seconds_since_epoch(task.expires_at) if task.expires_at else None,
    )


class StoreError(UserFacingError):
    """The store cannot be opened or written; ``user_message`` is plain words."""

    short = QT_TRANSLATE_NOOP("messages", "not saved")  # a few words for a status line

    def __init__(self, user_message: str, detail: str = "", *, folder: Path | None = None) -> None:
        super().__init__(user_message, detail=detail)
        self.folder = folder


class DiskFull(StoreError):
    """The disk holding the data folder is full: nothing is saved until space is freed."""

    short = QT_TRANSLATE_NOOP("messages", "not saved — disk full")


class CannotWrite(StoreError):
    """The data folder or file cannot be written (read-only, no permission, cannot be created)."""

    short = QT_TRANSLATE_NOOP("messages", "not saved — folder is read-only")


def _code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def is_corruption(exc: BaseException) -> bool:
    """True only when SQLite itself says the file is not a sound database."""
    if isinstance(exc, _Damaged):
        return True
    return isinstance(exc, sqlite3.DatabaseError) and _code(exc) in (_SQLITE_CORRUPT, _SQLITE_NOTADB)


class _Damaged(sqlite3.DatabaseError):
    """``quick_check`` did not answer "ok"."""


def _low_on_space(folder: Path) -> bool:
    """True when the file system holding ``folder`` (or its nearest existing parent) is nearly full."""
    for candidate in (folder, *folder.parents):
        try:
            stat = os.statvfs(candidate)
        except (OSError, AttributeError):
            continue
        return stat.f_blocks > 0 and stat.f_bavail * stat.f_frsize < _LOW_SPACE
    return False


def _writable(folder: Path) -> bool:
    probe = folder
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    if not os.access(probe, os.W_OK):
        return False
    try:
        return not (os.statvfs(probe).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        return True


def write_error(exc: BaseException, path: Path, *, opening: bool = False) -> StoreError:
    """A plain-words :class:`StoreError` for a failure to write ``path`` (never for corruption)."""
    folder = Path(path).parent
    code = _code(exc) if isinstance(exc, sqlite3.Error) else None
    errno_ = getattr(exc, "errno", None)
    detail = f"{type(exc).__name__}: {exc}" + (f" ({getattr(exc, 'sqlite_errorname', '')})" if code else "")
    denied = code in (_SQLITE_READONLY, _SQLITE_PERM, _SQLITE_AUTH) or errno_ in (
        errno.EPERM,
        errno.EACCES,
        errno.EROFS,
    )
    full = code == _SQLITE_FULL or errno_ == errno.ENOSPC or (not denied and _low_on_space(folder))
    if full:
        return DiskFull(
            fill(
                translate(
                    "messages",
                    "There is no space left on the disk that holds %1, so AITasker Desktop cannot save your work there. "
                    "Nothing was changed or deleted. Free some space on that disk, then open the app again.",
                )
                if opening
                else translate(
                    "messages",
                    "There is no space left on the disk that holds %1, so AITasker Desktop cannot save your work there. "
                    "What you type stays in the window but is not saved yet. Free some space on that disk; "
                    "saving starts again by itself.",
                ),
                folder,
            ),
            detail,
            folder=folder,
        )
    if denied or code == _SQLITE_CANTOPEN or errno_ == errno.ENOENT or not _writable(folder):
        return CannotWrite(
            fill(
                translate(
                    "messages",
                    "AITasker Desktop is not allowed to save in %1 (the folder is read-only, cannot be "
                    "created, or belongs to someone else). Nothing was changed or deleted. Make the folder "
                    "writable for your user, or start the app with another folder (--data-dir).",
                )
                if opening
                else translate(
                    "messages",
                    "AITasker Desktop is not allowed to save in %1 (the folder is read-only, cannot be "
                    "created, or belongs to someone else). What you type stays in the window but is not saved. "
                    "Make the folder writable again.",
                ),
                folder,
            ),
            detail,
            folder=folder,
        )
    return StoreError(
        fill(
            translate(
                "messages",
                "AITasker Desktop could not save your work in %1. Nothing was changed or deleted. "
                "Check that the disk is connected and working, then open the app again.",
            )
            if opening
            else translate(
                "messages",
                "AITasker Desktop could not save your work in %1. What you type stays in the window; "
                "saving is tried again.",
            ),
            folder,
        ),
        detail,
        folder=folder,
    )


def _rollback(db: sqlite3.Connection) -> None:
    """Roll back if a transaction is open (SQLite may already have rolled back on a full disk)."""
    if db.in_transaction:
        try:
            db.execute("ROLLBACK")
        except sqlite3.Error as exc:
            log.warning("store: rollback failed: %s", exc)


def _private_file(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        candidate = Path(f"{path}{suffix}")
        if candidate.exists():
            os.chmod(candidate, 0o600)


def _file_state(path: Path) -> tuple[int, int, int] | None:
    """(size, mtime in ns) of the store and the size of its WAL file (0 when absent): what changes
    when anything is written. None when there is no store file."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    try:
        wal = os.stat(f"{path}-wal").st_size
    except OSError:
        wal = 0
    return info.st_size, info.st_mtime_ns, wal


class EarlyCheck:
    """``PRAGMA quick_check`` of an existing store in a thread of its own, started at launch, so
    that reading every page of a large file (about 80 ms for 100,000 tasks) overlaps the imports
    instead of following them (SQLite runs without Python's lock). :class:`Store` takes an "ok"
    from it only if the files are exactly as they were when it ran; anything else (a problem,
    no file yet, still running after ``wait`` seconds, a change since) and the store checks
    again itself, as it always did."""

    WORTH_IT = 4 * 1024 * 1024  # bytes: a smaller file is checked in a few milliseconds when opened

    @classmethod
    def start(cls, path: Path) -> EarlyCheck | None:
        """A check of ``path`` under way, or None when the file is missing or small: starting a
        thread (and sharing Python's lock with it) costs more than such a check."""
        state = _file_state(Path(path))
        return cls(path) if state is not None and state[0] + state[2] >= cls.WORTH_IT else None

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._ok_for: tuple[int, int, int] | None = None
        self._done = threading.Event()
        threading.Thread(target=self._run, name="store-check", daemon=True).start()

    def _run(self) -> None:
        try:
            before = _file_state(self.path)
            if before is None:
                return
            db = sqlite3.connect(f"{self.path.as_uri()}?mode=ro", uri=True, timeout=1.0)
            try:
                result = db.execute("PRAGMA quick_check").fetchone()
            finally:
                db.close()
            if result and result[0] == "ok" and _file_state(self.path) == before:
                self._ok_for = before
        except (sqlite3.Error, OSError, ValueError) as exc:
            log.info("early store check did not answer (the store checks itself): %s", exc)
        finally:
            self._done.set()

    def vouches_for(self, path: Path, wait: float = 5.0) -> bool:
        """True when the check passed on ``path`` as it is now."""
        if Path(path) != self.path or not self._done.wait(wait):
            return False
        return self._ok_for is not None and _file_state(self.path) == self._ok_for


def _body(values: dict[str, Any]) -> str:
    return json.dumps(values, ensure_ascii=False, sort_keys=True)


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
                    raise _Damaged(f"quick_check: {result[0] if result else 'no answer'}")
            self._migrate(db)
            self._probe_and_tidy(db)
            _private_file(self.path)
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
            _rollback(db)
            raise

    def _migrate(self, db: sqlite3.Connection) -> None:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "Your saved drafts were written by a newer version of AITasker Desktop. "
                    "Please update the app to open them.",
                ),
                detail=f"store version {version} > {SCHEMA_VERSION}",
            )
        for number in range(version, SCHEMA_VERSION):
            db.execute("BEGIN IMMEDIATE")
            try:
                MIGRATIONS[number](db)
                db.execute(f"PRAGMA user_version = {number + 1}")
                db.execute("COMMIT")
            except BaseException:
                _rollback(db)
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
        log.warning("store was damaged (%s); moved to %s", error, target)
        return target

    def close(self) -> None:
        self._db.close()

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
            _rollback(self._db)
            if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.IntegrityError):
                problem = write_error(exc, self.path)
                self._set_problem(problem)
                raise problem from exc
            raise
        if self.write_problem is not None:
            log.info("store: saving works again")
            self._set_problem(None)

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
    _DRAFT_COLUMNS = (
        "id, body, created_at, updated_at, state, idempotency_key, queued_at, not_before, last_error, "
        "revision, key_body, continues"
    )

    def _draft(self, row: tuple[Any, ...]) -> DraftRecord:
        return DraftRecord(row[0], json.loads(row[1]), *row[2:])

    @staticmethod
    def new_draft_id() -> str:
        return random_uuid()

    def save_draft(self, draft_id: str, values: dict[str, Any]) -> str | None:
        """Save what was typed for ``draft_id``; returns the id of the draft that now holds it.

        - the same content as stored: nothing is written;
        - a frozen draft (``sending``/``unknown``: a request with its key may have reached
          AITasker) keeps the content that key was sent with; the new text goes to the draft that
          continues it (made at the first change, reused after), whose id is returned;
        - a removed draft (deleted, or posted) is not brought back: None, unless a draft continues
          it (then that one gets the text).
        A draft's state is left as it is.
        """
        now = self._clock()
        body = _body(values)
        with self._transaction() as db:
            target = draft_id
            for _ in range(100):  # follow continuations (each made by a frozen draft's edit)
                row = db.execute("SELECT body, state FROM drafts WHERE id = ?", (target,)).fetchone()
                follow = self._continuation(db, target)
                if row is None:
                    if db.execute("SELECT 1 FROM removed_drafts WHERE id = ?", (target,)).fetchone() is None:
                        db.execute(
                            "INSERT INTO drafts (id, body, created_at, updated_at) VALUES (?, ?, ?, ?)",
                            (target, body, now, now),
                        )
                        return target
                    if follow is None:
                        log.info("store: not re-creating removed draft %s", target)
                        return None
                    target = follow
                    continue
                stored, state = row
                if state not in FROZEN_STATES:
                    if stored != body:
                        db.execute(
                            "UPDATE drafts SET body = ?, updated_at = ?, revision = revision + 1 WHERE id = ?",
                            (body, now, target),
                        )
                    return target
                if stored == body and follow is None:
                    return target
                if follow is None:
                    follow = self.new_draft_id()
                    db.execute(
                        "INSERT INTO drafts (id, body, created_at, updated_at, continues) VALUES (?, ?, ?, ?, ?)",
                        (follow, body, now, now, target),
                    )
                    log.info("store: draft %s is frozen (may have been sent); new text kept as %s", target, follow)
                    return follow
                target = follow
            raise StoreError(
                QT_TRANSLATE_NOOP("messages", "This draft could not be saved."),
                detail=f"continuation chain too long from {draft_id}",
            )

    @staticmethod
    def _continuation(db: sqlite3.Connection, draft_id: str) -> str | None:
        row = db.execute(
            "SELECT id FROM drafts WHERE continues = ? ORDER BY created_at DESC LIMIT 1", (draft_id,)
        ).fetchone()
        return str(row[0]) if row else None

    def get_draft(self, draft_id: str) -> DraftRecord | None:
        row = self._db.execute(f"SELECT {self._DRAFT_COLUMNS} FROM drafts WHERE id = ?", (draft_id,)).fetchone()
        return self._draft(row) if row else None

    def list_drafts(self, states: tuple[str, ...] = DRAFT_STATES) -> list[DraftRecord]:
        marks = ",".join("?" * len(states))
        rows = self._db.execute(
            f"SELECT {self._DRAFT_COLUMNS} FROM drafts WHERE state IN ({marks}) ORDER BY updated_at DESC", states
        ).fetchall()
        return [self._draft(r) for r in rows]

    def outbox_marks(self) -> dict[str, tuple[Any, ...]]:
        """Each outbox draft's (state, updated_at, queued_at, last_error), by id, without reading
        the drafts themselves: enough to tell which outbox rows changed."""
        rows = self._db.execute(
            "SELECT id, state, updated_at, queued_at, last_error FROM drafts WHERE state != ?", (DRAFT,)
        ).fetchall()
        return {row[0]: tuple(row[1:]) for row in rows}

    def outbox(self) -> list[DraftRecord]:
        """Drafts waiting to be sent, oldest first."""
        rows = self._db.execute(
            f"SELECT {self._DRAFT_COLUMNS} FROM drafts WHERE state = ? ORDER BY queued_at, created_at", (WAITING,)
        ).fetchall()
        return [self._draft(r) for r in rows]

    def next_waiting(self, *, skip: set[str] | frozenset[str] = frozenset()) -> DraftRecord | None:
        """The oldest draft waiting to be sent that is due now (not in ``skip``), read afresh."""
        now = self._clock()
        for row in self._db.execute(
            f"SELECT {self._DRAFT_COLUMNS} FROM drafts WHERE state = ? AND (not_before IS NULL OR not_before <= ?) "
            "ORDER BY queued_at, created_at",
            (WAITING, now),
        ):
            if row[0] not in skip:
                return self._draft(row)
        return None

    def delete_draft(self, draft_id: str) -> DraftRecord | None:
        """Remove a draft (not one on its way); returns it so that the caller can offer Undo."""
        with self._transaction() as db:
            row = db.execute(f"SELECT {self._DRAFT_COLUMNS} FROM drafts WHERE id = ?", (draft_id,)).fetchone()
            if row is None or row[4] == SENDING:
                return None
            db.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))
            self._remember_removed(db, draft_id)
        return self._draft(row)

    def _remember_removed(self, db: sqlite3.Connection, draft_id: str) -> None:
        db.execute("INSERT OR REPLACE INTO removed_drafts (id, removed_at) VALUES (?, ?)", (draft_id, self._clock()))

    def restore_draft(self, record: DraftRecord) -> None:
        """Undo a delete: the draft comes back as it was (never as "sending")."""
        state = UNKNOWN if record.state == SENDING else record.state
        with self._transaction() as db:
            db.execute("DELETE FROM removed_drafts WHERE id = ?", (record.id,))
            db.execute(
                f"INSERT OR REPLACE INTO drafts ({self._DRAFT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    record.id,
                    _body(record.values),
                    record.created_at,
                    record.updated_at,
                    state,
                    record.idempotency_key,
                    record.queued_at,
                    record.not_before,
                    record.last_error,
                    record.revision,
                    record.key_body,
                    record.continues,
                ),
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
        expect: tuple[str, ...] | None = None,
    ) -> bool:
        """Move a draft to ``state``; with ``expect``, only if it is in one of those states now
        (compare-and-set). True when the draft was changed."""
        if state not in DRAFT_STATES:
            raise ValueError(state)
        where = ""
        params: tuple[str, ...] = ()
        if expect is not None:
            where = f" AND state IN ({','.join('?' * len(expect))})"
            params = tuple(expect)
        with self._transaction() as db:
            cursor = db.execute(
                "UPDATE drafts SET state = ?, last_error = ?, not_before = ?, "
                "queued_at = CASE WHEN ? THEN coalesce(queued_at, ?) WHEN ? = 'draft' THEN NULL ELSE queued_at END "
                "WHERE id = ?" + where,
                (state, error, not_before, queue, self._clock(), state, draft_id, *params),
            )
            return cursor.rowcount == 1

    def claim(
        self, draft_id: str, from_states: tuple[str, ...], *, due_only: bool = False, revision: int | None = None
    ) -> DraftRecord | None:
        """Take a draft for sending, in one transaction: only if right now it is in one of
        ``from_states`` (never ``sending``), due (with ``due_only``) and at ``revision`` (when
        given). It becomes ``sending`` with the idempotency key of its content, both committed
        before the caller sends anything. The content to send is the returned record's.

        A key belongs to one content: the key stays while the content is the one it was sent
        with; text changed since (possible only for a draft that came back to ``draft`` or
        ``waiting``, where nothing was created) gets a new key. None when the draft is gone,
        taken out, edited since ``revision``, not due, or already on its way."""
        now = self._clock()
        with self._transaction() as db:
            row = db.execute(f"SELECT {self._DRAFT_COLUMNS} FROM drafts WHERE id = ?", (draft_id,)).fetchone()
            if row is None:
                return None
            record = self._draft(row)
            if record.state == SENDING or record.state not in from_states:
                return None
            if due_only and record.not_before is not None and record.not_before > now:
                return None
            if revision is not None and record.revision != revision:
                return None
            body = row[1]
            key = record.idempotency_key
            if key is None or (record.key_body is not None and record.key_body != body):
                key = random_uuid()
            db.execute(
                "UPDATE drafts SET state = ?, idempotency_key = ?, key_body = ?, last_error = NULL WHERE id = ?",
                (SENDING, key, body, draft_id),
            )
        record.state, record.idempotency_key, record.key_body, record.last_error = SENDING, key, body, None
        return record

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
    def record_created(
        self, draft_id: str, task: Task, *, revision: int | None = None, keep: str | None = None
    ) -> bool:
        """The create succeeded: store the task and remove its draft, in one transaction.

        The draft is removed only if it still holds what was sent (``revision``, when given) and
        the caller did not ask to ``keep`` it (the server answered for other content; ``keep`` is
        the note shown with it). A kept draft goes back to ``draft`` without its key, so nothing
        typed is deleted because an older version was posted. True when the draft was removed."""
        with self._transaction() as db:
            self._upsert_task(db, task)
            row = db.execute("SELECT revision FROM drafts WHERE id = ?", (draft_id,)).fetchone()
            if row is None:
                return False
            if keep is None and (revision is None or row[0] == revision):
                db.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))
                self._remember_removed(db, draft_id)
                return True
            db.execute(
                "UPDATE drafts SET state = ?, idempotency_key = NULL, key_body = NULL, queued_at = NULL, "
                "not_before = NULL, last_error = ? WHERE id = ?",
                (DRAFT, keep or "An earlier version of this task was posted; this text was kept as a draft.", draft_id),
            )
            return False

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
            "INSERT INTO tasks (id, body, created_at, stored_at, status, title, description, category, task_type, "
            "budget_usd, created_ts, expires_ts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET body = excluded.body, status = excluded.status, "
            "created_at = excluded.created_at, title = excluded.title, description = excluded.description, "
            "category = excluded.category, task_type = excluded.task_type, budget_usd = excluded.budget_usd, "
            "created_ts = excluded.created_ts, expires_ts = excluded.expires_ts",
            (
                task.id,
                task.model_dump_json(),
                created,
                self._clock(),
                *row_fields(task),
            ),
        )

    # Newest first, through the tasks_created index (rowid breaks ties: later stored, first shown).
    _NEWEST_FIRST = "ORDER BY created_ts DESC, rowid DESC"

    def list_tasks(self, *, limit: int = -1, offset: int = 0) -> list[Task]:
        """Newest first, parsed in full (small reads; the table reads :meth:`task_row_pages`)."""
        rows = self._db.execute(
            f"SELECT body FROM tasks {self._NEWEST_FIRST} LIMIT ? OFFSET ?", (limit, offset)
        ).fetchall()
        return _parse_tasks([body for (body,) in rows])

    def get_task(self, task_id: str) -> Task | None:
        """One task in full (the details of the selected row)."""
        row = self._db.execute("SELECT body FROM tasks WHERE id = ?", (task_id,)).fetchone()
        tasks = _parse_tasks([row[0]]) if row else []
        return tasks[0] if tasks else None

    def task_row_pages(self, *, first: int = 2_000, size: int = 1_000) -> Iterator[list[tuple[Any, ...]]]:
        """Every task as a plain tuple (:data:`TASK_ROW_FIELDS`), newest first: ``first`` rows, then
        ``size`` at a time. Each page is its own short query continuing after the last row seen
        (index range scan, no OFFSET, no JSON), so a caller may await between pages while the store
        is written to; a task stored meanwhile may come twice (callers skip known ids)."""
        query = f"SELECT {_TASK_ROW_SQL}, rowid FROM tasks"
        rows = self._db.execute(f"{query} {self._NEWEST_FIRST} LIMIT ?", (first,)).fetchall()
        while rows:
            last = rows[-1]
            yield [row[:-1] for row in rows]
            rows = self._db.execute(
                f"{query} WHERE (created_ts, rowid) < (?, ?) {self._NEWEST_FIRST} LIMIT ?",
                (last[_CREATED_TS], last[-1], size),
            ).fetchall()

    def unfinished_pages(self, final_statuses: tuple[str, ...], *, size: int = 200) -> Iterator[list[Task]]:
        """Tasks not in a final state, ``size`` at a time (a polling round holds one page, not all)."""
        marks = ",".join("?" * len(final_statuses))
        after = 0
        while True:
            rows = self._db.execute(
                f"SELECT rowid, body FROM tasks WHERE rowid > ? AND status NOT IN ({marks}) ORDER BY rowid LIMIT ?",
                (after, *final_statuses, size),
            ).fetchall()
            if not rows:
                return
            after = rows[-1][0]
            yield _parse_tasks([body for _, body in rows])

    def status_pages(self, statuses: tuple[str, ...], *, size: int = 500) -> Iterator[list[Task]]:
        """Tasks in these states, ``size`` at a time (through the status index)."""
        marks = ",".join("?" * len(statuses))
        after = 0
        while True:
            rows = self._db.execute(
                f"SELECT rowid, body FROM tasks WHERE status IN ({marks}) AND rowid > ? ORDER BY rowid LIMIT ?",
                (*statuses, after, size),
            ).fetchall()
            if not rows:
                return
            after = rows[-1][0]
            yield _parse_tasks([body for _, body in rows])

    def iter_unfinished(self, final_statuses: tuple[str, ...], *, size: int = 200) -> Iterator[Task]:
        """The polling round's tasks one by one, read a page at a time as it goes."""
        for page in self.unfinished_pages(final_statuses, size=size):
            yield from page

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


def task_reader(path: Path) -> Callable[[str], dict[str, Any] | None]:
    """Look a stored task up by id from any thread (its own read-only connection per thread).

    Demo mode hands this to the practice server instead of a copy of every stored task."""
    local = threading.local()

    def read(task_id: str) -> dict[str, Any] | None:
        db = getattr(local, "db", None)
        if db is None:
            db = local.db = sqlite3.connect(f"{Path(path).as_uri()}?mode=ro", uri=True, timeout=5.0)
        row = db.execute("SELECT body FROM tasks WHERE id = ?", (task_id,)).fetchone()
        return json.loads(row[0]) if row else None

    return read


def _parse_tasks(bodies: list[str]) -> list[Task]:
    """Parse stored task rows in one pass through pydantic-core (100,000 rows in well under a
    second); if any row cannot be read (written by a future version), skip just those rows."""
    from pydantic import TypeAdapter, ValidationError

    from app.api.schema import Task

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
