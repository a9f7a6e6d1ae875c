"""The store's integrity check, started at launch in a thread of its own (:class:`EarlyCheck`)."""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from pathlib import Path

log = logging.getLogger(__name__)


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
