"""The store's integrity check, started at launch in a thread of its own (:class:`EarlyCheck`),
or spared when the store is exactly as the app's last clean close left it (:func:`remember_clean_close`)."""

from __future__ import annotations

import json
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


CLEAN_SUFFIX = ".clean"  # beside the store: its files' state when it was last closed cleanly


def _clean_mark(path: Path) -> Path:
    return path.with_name(path.name + CLEAN_SUFFIX)


def remember_clean_close(path: Path) -> None:
    """The store was checked when opened and has just been closed cleanly: note its files' state,
    so that the next launch can trust it without reading it all, if nothing has touched it since."""
    state = _file_state(Path(path))
    if state is None:
        return
    mark = _clean_mark(Path(path))
    old_umask = os.umask(0o077)
    try:
        mark.write_text(json.dumps(list(state)), encoding="ascii")
    except OSError as exc:
        log.info("could not note the store's clean close: %s", exc)
    finally:
        os.umask(old_umask)


def _closed_cleanly(path: Path, state: tuple[int, int, int]) -> bool:
    """True when the files are exactly as the last clean close left them (and the mark is ours)."""
    mark = _clean_mark(path)
    try:
        noted = tuple(json.loads(mark.read_text(encoding="ascii")))
        mark.unlink()  # good once: this start writes to the store
    except (OSError, ValueError, TypeError):
        return False
    return noted == state


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
        thread (and sharing Python's lock with it) costs more than such a check. A large file
        exactly as the last clean close left it (checked when it was opened, written only by the
        app since) is vouched for at once: a million tasks are hundreds of megabytes to read."""
        state = _file_state(Path(path))
        if state is None or state[0] + state[2] < cls.WORTH_IT:
            return None
        if _closed_cleanly(Path(path), state):
            return cls(path, vouched=state)
        return cls(path)

    def __init__(self, path: Path, *, vouched: tuple[int, int, int] | None = None) -> None:
        self.path = Path(path)
        self._ok_for: tuple[int, int, int] | None = vouched
        self._done = threading.Event()
        if vouched is not None:
            self._done.set()
        else:
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
