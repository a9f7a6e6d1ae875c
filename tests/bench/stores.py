"""Stores with many tasks for the benches (10,000 to 1,000,000), made fast and kept between runs.

The rows are written straight into SQLite (one transaction, the JSON body from a template: no
pydantic), into a file made by the app's own ``Store`` (so its schema and version are the app's),
and kept in the temporary folder under a name that includes a digest of that schema: a change of
the store's layout makes new files. A million tasks take about ten seconds the first time. The
tasks are those of :func:`tests.bench.conftest.make_tasks` (same ids, titles, statuses, times)."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.store.early_check import CLEAN_SUFFIX
from app.store.repository import STORE_FILENAME, Store

CACHE = Path(tempfile.gettempdir()) / "aitasker-bench-stores"
GENERATOR = 3  # bump when the rows made here change
STATUSES = ["open", "matching", "prototyping", "review", "delivering", "completed", "expired", "cancelled"]
BASE = datetime(2024, 1, 1, tzinfo=UTC)  # a million minutes later is still past: reviews have run out
_BODY = (
    '{{"id":"{id}","status":"{status}","user_id":null,"title":"Task number {i}","description":"brief {i}",'
    '"category":"data","task_type":"data-analysis","requirements":null,"budget_usd":{budget}.0,'
    '"compute_budget":null,"experimentation":null,"created_at":"{created}","expires_at":"{expires}",'
    '"attachments":null,"brand_kit_id":null,"prototype_tier":null}}'
)


def _schema_digest() -> str:
    folder = Path(tempfile.mkdtemp(prefix="aitasker-schema-"))
    try:
        store = Store.in_dir(folder)
        path = store.path
        store.close()
        db = sqlite3.connect(path)
        schema = db.execute("SELECT group_concat(sql, ';') FROM sqlite_master").fetchone()[0]
        version = db.execute("PRAGMA user_version").fetchone()[0]
        db.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return hashlib.sha256(f"{version}:{schema}:{GENERATOR}".encode()).hexdigest()[:12]


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _rows(start: int, stop: int, stored_at: float) -> Iterator[tuple[object, ...]]:
    base_ts = BASE.timestamp()
    for i in range(start, stop):
        task_id = f"00000000-0000-0000-0000-{i + 1:012x}"
        status = STATUSES[i % 8]
        budget = 3 + (i * 37) % 297
        created = BASE + timedelta(minutes=i)
        expires = created + timedelta(minutes=600)
        body = _BODY.format(id=task_id, status=status, i=i, budget=budget, created=_iso(created), expires=_iso(expires))
        yield (
            task_id, body, created.isoformat(), stored_at, status, f"Task number {i}", f"brief {i}", "data",
            "data-analysis", float(budget), base_ts + i * 60.0, base_ts + i * 60.0 + 36_000.0,
        )  # fmt: skip


def stored_tasks(n: int) -> Path:
    """A store file holding ``n`` tasks (made once, then reused); copy it before use (:func:`copy_store`)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    target = CACHE / f"tasks-{n}-{_schema_digest()}.sqlite3"
    if target.exists():
        return target
    folder = Path(tempfile.mkdtemp(prefix="making-", dir=CACHE))
    store = Store.in_dir(folder)
    path = store.path
    store.close()
    db = sqlite3.connect(path)
    db.execute("PRAGMA synchronous = OFF")
    now = time.time()
    with db:
        for start in range(0, n, 100_000):
            db.executemany(
                "INSERT INTO tasks (id, body, created_at, stored_at, status, title, description, category, "
                "task_type, budget_usd, created_ts, expires_ts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                _rows(start, min(n, start + 100_000), now),
            )
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    Store(path).close()  # opened and closed by the app: checked, and noted as cleanly closed
    os.replace(_mark(path), _mark(target))
    os.replace(path, target)  # whole or not at all (another run may be making the same)
    shutil.rmtree(folder, ignore_errors=True)
    return target


def _mark(path: Path) -> Path:
    return path.with_name(path.name + CLEAN_SUFFIX)


def copy_store(source: Path, folder: Path) -> Path:
    """The store file ``source`` as ``folder``'s store (owner-only, as the app keeps it), as the
    app's last clean close left it (times kept, with its note: the launch need not read it all,
    as after any clean close). A run that ends by exiting at a measuring point leaves it unclean:
    copy it again before the next."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / STORE_FILENAME
    for suffix in ("-wal", "-shm", CLEAN_SUFFIX):
        target.with_name(target.name + suffix).unlink(missing_ok=True)
    shutil.copy2(source, target)
    os.chmod(target, 0o600)
    if _mark(source).exists():
        shutil.copy2(_mark(source), _mark(target))
    return target
