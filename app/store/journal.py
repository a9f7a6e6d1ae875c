"""The action journal's table (see :mod:`app.actions`): one row per action, written before its request.

Functions over an open connection inside the store's transaction; the store's migrations create the
table (:func:`create_table`). Settled rows are kept for a while for the task window's history, then
pruned, so the table never grows without bound.
"""

from __future__ import annotations

import sqlite3
from typing import Any

OPEN = ("sending", "unsure")
KEPT_FOR = 180 * 24 * 3600.0  # settled actions are remembered this long (seconds)
KEPT_MAX = 20_000  # and at most this many rows in all
_COLUMNS = "id, task_id, action, params, idempotency_key, phase, started_at, updated_at, detail"


def create_table(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE actions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            task_id TEXT NOT NULL,
            action TEXT NOT NULL,
            params TEXT NOT NULL,
            idempotency_key TEXT NOT NULL,
            phase TEXT NOT NULL,
            started_at REAL NOT NULL,
            updated_at REAL NOT NULL,
            detail TEXT NOT NULL DEFAULT '')"""
    )
    db.execute("CREATE INDEX actions_task ON actions (task_id, id)")
    db.execute("CREATE INDEX actions_open ON actions (phase) WHERE phase IN ('sending', 'unsure')")


def add(
    db: sqlite3.Connection, task_id: str, action: str, params: str, key: str, phase: str, now: float
) -> tuple[int, tuple[Any, ...] | None]:
    """Insert the row unless the task has an open action: then (0, that row)."""
    busy = db.execute(
        f"SELECT {_COLUMNS} FROM actions WHERE task_id = ? AND phase IN (?, ?) ORDER BY id DESC LIMIT 1",
        (task_id, *OPEN),
    ).fetchone()
    if busy is not None:
        return 0, tuple(busy)
    cursor = db.execute(
        "INSERT INTO actions (task_id, action, params, idempotency_key, phase, started_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (task_id, action, params, key, phase, now, now),
    )
    _prune(db, now)
    return int(cursor.lastrowid or 0), None


def _prune(db: sqlite3.Connection, now: float) -> None:
    db.execute(
        "DELETE FROM actions WHERE phase NOT IN (?, ?) AND updated_at < ?",
        (*OPEN, now - KEPT_FOR),
    )
    db.execute(
        "DELETE FROM actions WHERE phase NOT IN (?, ?) AND id <= "
        "(SELECT id FROM actions ORDER BY id DESC LIMIT 1 OFFSET ?)",
        (*OPEN, KEPT_MAX),
    )


def set_phase(db: sqlite3.Connection, action_id: int, phase: str, detail: str, now: float) -> None:
    db.execute("UPDATE actions SET phase = ?, detail = ?, updated_at = ? WHERE id = ?", (phase, detail, now, action_id))


def rows(db: sqlite3.Connection, *, task_id: str | None = None, open_only: bool = False) -> list[tuple[Any, ...]]:
    """Oldest first."""
    where, args = [], []
    if task_id is not None:
        where.append("task_id = ?")
        args.append(task_id)
    if open_only:
        where.append("phase IN (?, ?)")
        args.extend(OPEN)
    sql = f"SELECT {_COLUMNS} FROM actions" + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY id"
    return [tuple(row) for row in db.execute(sql, args).fetchall()]
