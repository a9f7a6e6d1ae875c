"""One writer per data folder: an OS lock on a file in the folder, held for the process's life.

The lock is what decides; the message channel to a running instance (``ui/desktop/single_instance.py``)
only carries a second launch's request to the first. The kernel drops the lock when its process
ends, however it ends (a crash, ``kill -9``), so a lock can never be stale and two writers can
never share one folder's drafts, outbox and tasks.

- POSIX: ``fcntl.flock`` (exclusive, non-blocking) on ``<folder>/aitasker.lock``;
- Windows: ``msvcrt.locking`` on the first byte of the same file.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

log = logging.getLogger(__name__)

LOCK_FILENAME = "aitasker.lock"


def instance_name(folder: Path) -> str:
    """A name for this user and this data folder (the same folder reached by another path gives
    the same name), short enough for a local socket path."""
    try:
        uid = str(os.getuid())
    except AttributeError:  # Windows
        uid = os.environ.get("USERNAME", "")
    resolved = str(Path(folder).expanduser().resolve())
    import hashlib  # when a launch first needs the name (it loads OpenSSL)

    digest = hashlib.sha256(f"{uid}\0{resolved}".encode()).hexdigest()[:24]
    return f"aitasker-desktop-{digest}"


class FolderLock:
    """``acquire()`` -> True when this process now holds the folder, False when another does.
    Raises OSError when the lock file cannot be made or opened (a read-only or missing folder)."""

    def __init__(self, folder: Path) -> None:
        self.path = Path(folder) / LOCK_FILENAME
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> bool:
        if self._fd is not None:
            return True
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            if not self.path.exists():
                raise
            fd = os.open(self.path, os.O_RDONLY)  # a read-only folder: a lock still tells who runs
        try:
            if not _try_lock(fd):
                os.close(fd)
                return False
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        try:  # for a person looking at the folder; nothing reads it
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
        except OSError:
            pass
        log.info("holding %s", self.path)
        return True

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            _unlock(fd)
        finally:
            os.close(fd)


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass

else:
    import errno
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                return False
            raise
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
