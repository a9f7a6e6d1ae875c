"""A file written under a temporary name and put under its real name only when complete.

Blocking calls all: run them in an executor, never on the event loop's thread.

- The temporary file sits beside the real one, ``logo.png.aitasker-1f2e3d4c.part`` (one per save, so
  two saves of ``logo.png`` never share it), and is locked (``flock``) while it is written: a save that
  finds such a file unlocked knows its writer is gone (a killed run) and removes it. Other programs'
  ``.part`` files (a browser's download) never match the pattern and are left alone.
- Complete: flushed, ``fsync``'ed, closed, then given its real name without ever replacing a file
  (a hard link, which fails if the name exists; ``os.replace`` after a check where links are not
  supported), ``logo (2).png`` if ``logo.png`` exists; then the folder is ``fsync``'ed.
- Discarded: closed and removed, and the real name too if it had already been given (a Cancel
  that arrives while the file is put in place leaves nothing behind either).
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import threading
from pathlib import Path

from app.delivery.items import DownloadError
from app.delivery.names import numbered
from app.fsync import sync_folder
from app.translatable import fill, translate

try:
    import fcntl
except ImportError:  # Windows: an open file can't be removed there, which is the same guard
    fcntl = None  # type: ignore[assignment]

_PART = re.compile(r"\.aitasker-[0-9a-f]{8}\.part$")
MAX_NUMBER = 9999
_IOV_MAX = 512  # pieces per writev call (POSIX guarantees at least 16; Linux takes 1024)
# Making a temporary file and clearing stale ones never overlap in this process (two items of one
# "Save all" go to the same folder at once), so a file just made is never taken for a stale one.
_FOLDER_LOCK = threading.Lock()


def disk_error(exc: OSError, where: Path) -> DownloadError:
    """The plain words for a file system error."""
    detail = f"{type(exc).__name__} [{exc.errno}] in {where}"
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return DownloadError("space", translate("messages", "There is not enough space on the disk."), detail=detail)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return DownloadError(
            "disk", fill(translate("messages", "This app may not write in the folder %1."), str(where)), detail=detail
        )
    return DownloadError("disk", translate("messages", "The file could not be written to the disk."), detail=detail)


def _lock(fd: int) -> bool:
    """True when this descriptor now holds the file's lock (always, where there are no locks)."""
    if fcntl is None:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def remove_stale_parts(folder: Path) -> int:
    """Remove the temporary files of saves that are no longer running; how many were removed."""
    removed = 0
    with _FOLDER_LOCK:
        try:
            entries = [e for e in os.scandir(folder) if _PART.search(e.name) and e.is_file(follow_symlinks=False)]
        except OSError:
            return 0
        for entry in entries:
            try:
                fd = os.open(entry.path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
            except OSError:
                continue
            try:
                if _lock(fd):
                    os.unlink(entry.path)
                    removed += 1
            except OSError:
                pass  # in use (Windows), or gone meanwhile
            finally:
                os.close(fd)
    return removed


def _write_all(fd: int, views: list[memoryview]) -> None:
    """Every byte of ``views`` to ``fd``, whatever a single call wrote (a signal may cut one short)."""
    if not hasattr(os, "writev"):  # Windows
        for view in views:
            while view:
                view = view[os.write(fd, view) :]
        return
    while views:
        written = os.writev(fd, views)
        while views and written >= len(views[0]):
            written -= len(views[0])
            views.pop(0)
        if views and written:
            views[0] = views[0][written:]


class PartFile:
    """``name`` (already safe) written in ``folder``: :meth:`write`, then :meth:`finish` or :meth:`discard`.

    The methods may be called from different executor threads, one at a time or not: a lock keeps
    them in order, and a write that comes after a discard does nothing."""

    def __init__(self, folder: Path, name: str) -> None:
        self.folder = folder
        self.name = name
        self.placed: Path | None = None
        self._lock = threading.Lock()
        self._closed = False
        with _FOLDER_LOCK:
            while True:
                self.part = folder / f"{name}.aitasker-{secrets.token_hex(4)}.part"
                try:
                    fd = os.open(self.part, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
                except FileExistsError:
                    continue
                except OSError as exc:
                    raise disk_error(exc, folder) from None
                break
            _lock(fd)
        self._fd = fd

    def write(self, chunks: list[bytes]) -> None:
        """The pieces, in order, straight from the buffers they arrived in (no copy joins them)."""
        with self._lock:
            if self._closed:
                return
            try:
                for start in range(0, len(chunks), _IOV_MAX):
                    _write_all(self._fd, [memoryview(c) for c in chunks[start : start + _IOV_MAX]])
            except OSError as exc:
                raise disk_error(exc, self.folder) from None

    def finish(self) -> Path:
        """Fsync, close, and give the file its real name (numbered if taken). Returns that path."""
        with self._lock:
            if self._closed:
                raise DownloadError("disk", detail="finish after discard")
            try:
                os.fsync(self._fd)
                self._closed = True
                os.close(self._fd)  # the lock goes with it; the name is given right after
                self.placed = self._place()
            except OSError as exc:
                raise disk_error(exc, self.folder) from None
            sync_folder(self.folder)
            return self.placed

    def _place(self) -> Path:
        for n in range(1, MAX_NUMBER + 1):
            target = self.folder / numbered(self.name, n)
            try:
                os.link(self.part, target)
            except FileExistsError:
                continue
            except OSError as exc:
                if exc.errno in (errno.ENAMETOOLONG, errno.ENOENT, errno.ENOSPC):
                    raise
                # No hard links on this file system (FAT, some shares): check, then rename. The
                # folder lock keeps this process's own saves from racing between the two.
                with _FOLDER_LOCK:
                    if os.path.lexists(target):
                        continue
                    os.replace(self.part, target)
                return target
            os.unlink(self.part)
            return target
        raise FileExistsError(errno.EEXIST, f"{MAX_NUMBER} files named like {self.name}")

    def discard(self) -> None:
        """Close and remove everything this save wrote, whatever state it reached."""
        with self._lock:
            if not self._closed:
                self._closed = True
                try:
                    os.close(self._fd)
                except OSError:
                    pass
            for path in (self.part, self.placed):
                if path is not None:
                    try:
                        os.unlink(path)
                    except FileNotFoundError:
                        pass
                    except OSError:
                        pass  # nothing more can be done; a stale temporary file is removed next time
            self.placed = None
