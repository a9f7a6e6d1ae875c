"""The store's files on disk: owner-only, and commits whose wait for the disk happens elsewhere than on the GUI thread.

The store's connection runs with ``PRAGMA synchronous=FULL``: each commit waits until the write-ahead
log is on the disk (an fsync, 0.2 ms on a quiet disk, 2–45 ms on a busy one), on the thread that
commits — the GUI thread. Inside :func:`unsynced`, commits skip that wait (``synchronous=NORMAL``:
still atomic, still in the log, only not yet flushed); :func:`sync_log` then flushes the log, which is
what ``FULL`` would have done, and may run on a worker thread: it touches no connection, only the
log's file. A caller that needs a write durable before it goes on (the outbox, before a request
leaves) awaits :func:`sync_log` first; until then a power cut may lose the write (never half of it).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def unsynced(db: sqlite3.Connection) -> Iterator[None]:
    """Commits in this block do not wait for the disk (call :func:`sync_log` after it)."""
    db.execute("PRAGMA synchronous=NORMAL")
    try:
        yield
    finally:
        db.execute("PRAGMA synchronous=FULL")


def sync_log(path: Path) -> None:
    """Flush the store's write-ahead log (every commit so far is then on the disk); the store file
    itself when there is no log. Blocking; safe on any thread (no SQLite connection is used)."""
    for candidate in (Path(f"{path}-wal"), Path(path)):
        try:
            fd = os.open(candidate, os.O_RDWR | getattr(os, "O_BINARY", 0))
        except FileNotFoundError:
            continue
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        return


def private_files(path: Path) -> None:
    """The store file, its log and its shared-memory index: readable by their owner only."""
    for suffix in ("", "-wal", "-shm"):
        candidate = Path(f"{path}{suffix}")
        if candidate.exists():
            os.chmod(candidate, 0o600)
