"""The store's schema: ``PRAGMA user_version`` counts the steps taken, one function per step.

A new version is one more function at the end of :data:`MIGRATIONS`; a step never changes once
released. Each step runs in its own transaction with the version bump, so a crash leaves the file
at the old version or the new one.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable

from app.store import journal
from app.store.disk_errors import StoreError, rollback
from app.store.drafts_table import DRAFT
from app.translatable import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)


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


def _v6(db: sqlite3.Connection) -> None:
    """The action journal: every action that moves money or commits the person, written before it
    is sent (app.actions)."""
    journal.create_table(db)


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v1, _v2, _v3, _v4, _v5, _v6]
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(db: sqlite3.Connection) -> None:
    """Bring an open store up to :data:`SCHEMA_VERSION`; a file from a newer app is refused."""
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
            rollback(db)
            raise
        log.info("store migrated to version %d", number + 1)
