"""Why a write to the store failed, in plain words; and the one failure that means damage.

A file that SQLite itself reports as damaged (SQLITE_CORRUPT, SQLITE_NOTADB, a failed
``quick_check``: :func:`is_corruption`) may be moved aside and replaced. A full disk, a read-only
folder or any other failure to write is never taken for damage: :func:`write_error` turns it into a
:class:`StoreError` subclass with plain words (what happened, where, what to do) and touches nothing.
"""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
from pathlib import Path

from app.api.errors import UserFacingError
from app.translatable import QT_TRANSLATE_NOOP, fill, translate

log = logging.getLogger(__name__)

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
    if isinstance(exc, Damaged):
        return True
    return isinstance(exc, sqlite3.DatabaseError) and _code(exc) in (_SQLITE_CORRUPT, _SQLITE_NOTADB)


class Damaged(sqlite3.DatabaseError):
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


def rollback(db: sqlite3.Connection) -> None:
    """Roll back if a transaction is open (SQLite may already have rolled back on a full disk)."""
    if db.in_transaction:
        try:
            db.execute("ROLLBACK")
        except sqlite3.Error as exc:
            log.warning("store: rollback failed: %s", exc)
