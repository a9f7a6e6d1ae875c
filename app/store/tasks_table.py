"""The ``tasks`` table: known tasks, stored whole (JSON) and as the columns the table shows.

The table reads plain rows (:data:`TASK_ROW_FIELDS`, no JSON, no pydantic); the details and the
polling read whole tasks. Functions that write take the connection inside a transaction the
caller opened (:meth:`app.store.repository.Store._transaction`); the others read.
"""

from __future__ import annotations

import functools
import json
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.timefmt import seconds_since_epoch, utc_iso

if TYPE_CHECKING:
    from pydantic import TypeAdapter

    from app.api.schema import Task

log = logging.getLogger(__name__)


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


def upsert(db: sqlite3.Connection, task: Task, now: float) -> None:
    """Store ``task`` (new, or newer than the stored one); ``now`` is when it was stored."""
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
            now,
            *row_fields(task),
        ),
    )


# Newest first, through the tasks_created index (rowid breaks ties: later stored, first shown).
_NEWEST_FIRST = "ORDER BY created_ts DESC, rowid DESC"


def listed(db: sqlite3.Connection, *, limit: int, offset: int) -> list[Task]:
    """Newest first, parsed in full (small reads; the table reads :func:`row_pages`)."""
    rows = db.execute(f"SELECT body FROM tasks {_NEWEST_FIRST} LIMIT ? OFFSET ?", (limit, offset)).fetchall()
    return parse_tasks([body for (body,) in rows])


def get(db: sqlite3.Connection, task_id: str) -> Task | None:
    """One task in full (the details of the selected row)."""
    row = db.execute("SELECT body FROM tasks WHERE id = ?", (task_id,)).fetchone()
    tasks = parse_tasks([row[0]]) if row else []
    return tasks[0] if tasks else None


def row_pages(db: sqlite3.Connection, *, first: int, size: int) -> Iterator[list[tuple[Any, ...]]]:
    """Every task as a plain tuple (:data:`TASK_ROW_FIELDS`), newest first: ``first`` rows, then
    ``size`` at a time. Each page is its own short query continuing after the last row seen
    (index range scan, no OFFSET, no JSON), so a caller may await between pages while the store
    is written to; a task stored meanwhile may come twice (callers skip known ids)."""
    query = f"SELECT {_TASK_ROW_SQL}, rowid FROM tasks"
    rows = db.execute(f"{query} {_NEWEST_FIRST} LIMIT ?", (first,)).fetchall()
    while rows:
        last = rows[-1]
        yield [row[:-1] for row in rows]
        rows = db.execute(
            f"{query} WHERE (created_ts, rowid) < (?, ?) {_NEWEST_FIRST} LIMIT ?",
            (last[_CREATED_TS], last[-1], size),
        ).fetchall()


def unfinished_pages(db: sqlite3.Connection, final_statuses: tuple[str, ...], *, size: int) -> Iterator[list[Task]]:
    """Tasks not in a final state, ``size`` at a time (a polling round holds one page, not all)."""
    marks = ",".join("?" * len(final_statuses))
    after = 0
    while True:
        rows = db.execute(
            f"SELECT rowid, body FROM tasks WHERE rowid > ? AND status NOT IN ({marks}) ORDER BY rowid LIMIT ?",
            (after, *final_statuses, size),
        ).fetchall()
        if not rows:
            return
        after = rows[-1][0]
        yield parse_tasks([body for _, body in rows])


def status_pages(
    db: sqlite3.Connection, statuses: tuple[str, ...], *, size: int, open_after: float | None = None
) -> Iterator[list[Task]]:
    """Tasks in these states, ``size`` at a time (through the status index); with ``open_after``
    (epoch seconds) only those that expire later or never (a review still open then). That test
    needs each task's row: each page then looks at the next ``size`` tasks in these states and
    keeps those still open, so a page may be short, or empty, before the last (a large store
    holds many reviews that have run out: one read of them all took most of a second at a
    million tasks)."""
    marks = ",".join("?" * len(statuses))
    after = 0
    while True:
        if open_after is not None:
            (last,) = db.execute(
                f"SELECT max(rowid) FROM (SELECT rowid FROM tasks WHERE status IN ({marks}) AND rowid > ? "
                "ORDER BY rowid LIMIT ?)",
                (*statuses, after, size),
            ).fetchone()  # the index alone: where the next ``size`` tasks in these states end
            if last is None:
                return
            bodies = db.execute(
                f"SELECT body FROM tasks WHERE status IN ({marks}) AND (expires_ts IS NULL OR expires_ts > ?) "
                "AND rowid > ? AND rowid <= ? ORDER BY rowid",
                (*statuses, open_after, after, last),
            ).fetchall()
            after = last
            yield parse_tasks([body for (body,) in bodies])
            continue
        rows = db.execute(
            f"SELECT rowid, body FROM tasks WHERE status IN ({marks}) AND rowid > ? ORDER BY rowid LIMIT ?",
            (*statuses, after, size),
        ).fetchall()
        if not rows:
            return
        after = rows[-1][0]
        yield parse_tasks([body for _, body in rows])


def money_rows(db: sqlite3.Connection, *, since: float | None) -> list[tuple[Any, ...]]:
    """Each task's (id, status, budget_usd, created_ts, paid_usd, refunded_usd), the last two as
    the server sent them (None when it did not), posted at ``since`` or later: what spending by
    month needs, no JSON parsed in Python."""
    return db.execute(
        "SELECT id, status, budget_usd, created_ts, json_extract(json, '$.paid_usd'), "
        "json_extract(json, '$.refunded_usd') "
        "FROM (SELECT *, CASE WHEN json_valid(body) THEN body END AS json FROM tasks WHERE created_ts >= ?)",
        (-1e18 if since is None else since,),
    ).fetchall()


def count(db: sqlite3.Connection) -> int:
    return int(db.execute("SELECT count(*) FROM tasks").fetchone()[0])


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


@functools.cache
def _task_list() -> TypeAdapter[list[Task]]:
    """The validator of a list of tasks, made once (making it builds pydantic's schema: a few
    milliseconds, more than parsing a page of tasks)."""
    from pydantic import TypeAdapter

    from app.api.schema import Task

    return TypeAdapter(list[Task])


def parse_tasks(bodies: list[str]) -> list[Task]:
    """Parse stored task rows in one pass through pydantic-core (100,000 rows in well under a
    second); if any row cannot be read (written by a future version), skip just those rows."""
    from pydantic import ValidationError

    from app.api.schema import Task

    if not bodies:
        return []
    try:
        return _task_list().validate_json("[" + ",".join(bodies) + "]")
    except ValidationError:
        tasks = []
        for body in bodies:
            try:
                tasks.append(Task.model_validate_json(body))
            except ValidationError:
                log.warning("skipped a stored task that could not be read")
        return tasks
