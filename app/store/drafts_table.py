"""The ``drafts`` table: a draft's states, its record, and the SQL that reads and changes drafts.

A draft's state lives here and only here. Sending claims a draft in one transaction
(:func:`claim`, a compare-and-set on its state and content revision), so a draft taken out of
the outbox, edited or deleted a moment before is never sent by an earlier plan. An idempotency key
belongs to one content: a draft whose send may have reached AITasker (``sending``/``unknown``) is
frozen, and new text typed into it is saved as a new draft (:func:`save` returns its id). A
removed draft is remembered for a while so that a late autosave cannot bring it back.

Functions that write take the connection inside a transaction the caller opened
(:meth:`app.store.repository.Store._transaction`); the others read.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from app.store.disk_errors import StoreError
from app.translatable import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)


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
    CREDIT = "credit"  # refused for lack of credit: sent again when the person says credit was added


# The module-level names other code has always used.
DRAFT = DraftState.DRAFT
WAITING = DraftState.WAITING
SENDING = DraftState.SENDING
UNKNOWN = DraftState.UNKNOWN
CREDIT = DraftState.CREDIT
DRAFT_STATES = tuple(DraftState)
# States whose content is frozen: a request with the draft's key may have reached the server.
FROZEN_STATES = (SENDING, UNKNOWN)
REMOVED_KEPT_FOR = 30 * 24 * 3600.0  # how long a removed draft's id is remembered (seconds)
REMOVED_KEPT_MAX = 10_000  # and at most this many ids


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


COLUMNS = (
    "id, body, created_at, updated_at, state, idempotency_key, queued_at, not_before, last_error, "
    "revision, key_body, continues"
)


def body_of(values: dict[str, Any]) -> str:
    """A draft's values as the text the ``body`` column holds (same values, same text)."""
    return json.dumps(values, ensure_ascii=False, sort_keys=True)


def _record(row: tuple[Any, ...]) -> DraftRecord:
    return DraftRecord(row[0], json.loads(row[1]), *row[2:])


# --- reading ---------------------------------------------------------------------------------------
def get(db: sqlite3.Connection, draft_id: str) -> DraftRecord | None:
    row = db.execute(f"SELECT {COLUMNS} FROM drafts WHERE id = ?", (draft_id,)).fetchone()
    return _record(row) if row else None


def listed(db: sqlite3.Connection, states: tuple[str, ...]) -> list[DraftRecord]:
    """Drafts in these states, last changed first."""
    marks = ",".join("?" * len(states))
    rows = db.execute(
        f"SELECT {COLUMNS} FROM drafts WHERE state IN ({marks}) ORDER BY updated_at DESC", states
    ).fetchall()
    return [_record(r) for r in rows]


def outbox_marks(db: sqlite3.Connection) -> dict[str, tuple[Any, ...]]:
    """Each outbox draft's (state, updated_at, queued_at, last_error), by id, without reading
    the drafts themselves: enough to tell which outbox rows changed."""
    rows = db.execute(
        "SELECT id, state, updated_at, queued_at, last_error FROM drafts WHERE state != ?", (DRAFT,)
    ).fetchall()
    return {row[0]: tuple(row[1:]) for row in rows}


def outbox(db: sqlite3.Connection) -> list[DraftRecord]:
    """Drafts waiting to be sent, oldest first."""
    rows = db.execute(
        f"SELECT {COLUMNS} FROM drafts WHERE state = ? ORDER BY queued_at, created_at", (WAITING,)
    ).fetchall()
    return [_record(r) for r in rows]


def waiting_ids(db: sqlite3.Connection) -> list[str]:
    """The ids of :func:`outbox`'s drafts, in its order, without reading the drafts themselves."""
    rows = db.execute("SELECT id FROM drafts WHERE state = ? ORDER BY queued_at, created_at", (WAITING,))
    return [row[0] for row in rows]


def next_waiting(db: sqlite3.Connection, now: float, skip: set[str] | frozenset[str]) -> DraftRecord | None:
    """The oldest draft waiting to be sent that is due at ``now`` (not in ``skip``), read afresh."""
    for row in db.execute(
        f"SELECT {COLUMNS} FROM drafts WHERE state = ? AND (not_before IS NULL OR not_before <= ?) "
        "ORDER BY queued_at, created_at",
        (WAITING, now),
    ):
        if row[0] not in skip:
            return _record(row)
    return None


# --- writing (inside the caller's transaction) -----------------------------------------------------
def save(db: sqlite3.Connection, draft_id: str, body: str, now: float) -> str | None:
    """Save ``body`` (see :func:`body_of`) for ``draft_id``; returns the id of the draft that now holds it.

    - the same content as stored: nothing is written;
    - a frozen draft (``sending``/``unknown``: a request with its key may have reached
      AITasker) keeps the content that key was sent with; the new text goes to the draft that
      continues it (made at the first change, reused after), whose id is returned;
    - a removed draft (deleted, or posted) is not brought back: None, unless a draft continues
      it (then that one gets the text).
    A draft's state is left as it is.
    """
    target = draft_id
    for _ in range(100):  # follow continuations (each made by a frozen draft's edit)
        row = db.execute("SELECT body, state FROM drafts WHERE id = ?", (target,)).fetchone()
        follow = _continuation(db, target)
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
            follow = random_uuid()
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


def _continuation(db: sqlite3.Connection, draft_id: str) -> str | None:
    row = db.execute(
        "SELECT id FROM drafts WHERE continues = ? ORDER BY created_at DESC LIMIT 1", (draft_id,)
    ).fetchone()
    return str(row[0]) if row else None


def delete(db: sqlite3.Connection, draft_id: str, now: float) -> DraftRecord | None:
    """Remove a draft (not one on its way); returns it so that the caller can offer Undo."""
    row = db.execute(f"SELECT {COLUMNS} FROM drafts WHERE id = ?", (draft_id,)).fetchone()
    if row is None or row[4] == SENDING:
        return None
    db.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))
    _remember_removed(db, draft_id, now)
    return _record(row)


def _remember_removed(db: sqlite3.Connection, draft_id: str, now: float) -> None:
    db.execute("INSERT OR REPLACE INTO removed_drafts (id, removed_at) VALUES (?, ?)", (draft_id, now))


def restore(db: sqlite3.Connection, record: DraftRecord) -> None:
    """Undo a delete: the draft comes back as it was (never as "sending")."""
    state = UNKNOWN if record.state == SENDING else record.state
    db.execute("DELETE FROM removed_drafts WHERE id = ?", (record.id,))
    db.execute(
        f"INSERT OR REPLACE INTO drafts ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            record.id,
            body_of(record.values),
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


def set_state(
    db: sqlite3.Connection,
    draft_id: str,
    state: str,
    *,
    now: float,
    error: str | None,
    not_before: float | None,
    queue: bool,
    expect: tuple[str, ...] | None,
) -> bool:
    """Move a draft to ``state``; with ``expect``, only if it is in one of those states now
    (compare-and-set). True when the draft was changed."""
    where = ""
    params: tuple[str, ...] = ()
    if expect is not None:
        where = f" AND state IN ({','.join('?' * len(expect))})"
        params = tuple(expect)
    cursor = db.execute(
        "UPDATE drafts SET state = ?, last_error = ?, not_before = ?, "
        "queued_at = CASE WHEN ? THEN coalesce(queued_at, ?) WHEN ? = 'draft' THEN NULL ELSE queued_at END "
        "WHERE id = ?" + where,
        (state, error, not_before, queue, now, state, draft_id, *params),
    )
    return cursor.rowcount == 1


def claim(
    db: sqlite3.Connection,
    draft_id: str,
    from_states: tuple[str, ...],
    *,
    now: float,
    due_only: bool,
    revision: int | None,
) -> DraftRecord | None:
    """Take a draft for sending: only if right now it is in one of ``from_states`` (never
    ``sending``), due at ``now`` (with ``due_only``) and at ``revision`` (when given). It becomes
    ``sending`` with the idempotency key of its content. The content to send is the returned record's.

    A key belongs to one content: the key stays while the content is the one it was sent
    with; text changed since (possible only for a draft that came back to ``draft`` or
    ``waiting``, where nothing was created) gets a new key. None when the draft is gone,
    taken out, edited since ``revision``, not due, or already on its way."""
    row = db.execute(f"SELECT {COLUMNS} FROM drafts WHERE id = ?", (draft_id,)).fetchone()
    if row is None:
        return None
    record = _record(row)
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


def recover_interrupted_sends(db: sqlite3.Connection) -> list[str]:
    """Drafts left 'sending' by a crash may have reached the server: mark them unknown."""
    ids = [r[0] for r in db.execute("SELECT id FROM drafts WHERE state = ?", (SENDING,))]
    db.execute(
        "UPDATE drafts SET state = ?, last_error = ? WHERE state = ?",
        (UNKNOWN, "The app closed while this task was being sent.", SENDING),
    )
    return ids


def settle_after_create(
    db: sqlite3.Connection, draft_id: str, *, revision: int | None, keep: str | None, now: float
) -> bool:
    """The draft whose task was just created: removed if it still holds what was sent
    (``revision``, when given) and the caller did not ask to ``keep`` it (``keep`` is the note
    shown with it); a kept draft goes back to ``draft`` without its key. True when removed."""
    row = db.execute("SELECT revision FROM drafts WHERE id = ?", (draft_id,)).fetchone()
    if row is None:
        return False
    if keep is None and (revision is None or row[0] == revision):
        db.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))
        _remember_removed(db, draft_id, now)
        return True
    db.execute(
        "UPDATE drafts SET state = ?, idempotency_key = NULL, key_body = NULL, queued_at = NULL, "
        "not_before = NULL, last_error = ? WHERE id = ?",
        (DRAFT, keep or "An earlier version of this task was posted; this text was kept as a draft.", draft_id),
    )
    return False
