"""The API key in a file only this user can read: ``<config_dir>/api-key``, mode 0600 in a 0700 folder.

Used only when the person chose it after being told the risk. A key file that other users could
read or write, that belongs to someone else, or that is not a plain file is **refused** (not used
and not repaired): the key may already have been seen, so the person is asked for it again
(:data:`UNSAFE_FILE_NOTICE`). Saving again replaces the file with a private one, written whole
(temporary file, fsync, rename) so that a crash leaves the old key or the new one.

The methods do small blocking file work: the caller runs them in a worker thread.
"""

from __future__ import annotations

import logging
import os
import secrets as _random
import stat
from pathlib import Path

from app.fsync import sync_folder
from app.keys.errors import KeyStorageError, describe
from app.translatable import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

KEY_FILE_NAME = "api-key"
MAX_KEY_FILE_BYTES = 4096

_POSIX = os.name == "posix"
_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_O_BINARY = getattr(os, "O_BINARY", 0)

UNSAFE_FILE_NOTICE = QT_TRANSLATE_NOOP(
    "messages",
    "Your saved API key was not used, because other people on this computer could read or change "
    "the file it was kept in. Please enter your key again. To be safe, you can also create a new "
    "key in your AITasker dashboard and delete the old one.",
)
FILE_SAVE_FAILED = QT_TRANSLATE_NOOP(
    "messages", "Your API key could not be saved in a file. Check that your disk is not full."
)


class KeyFile:
    """The key file in ``config_dir``."""

    def __init__(self, config_dir: Path) -> None:
        self.config_dir = config_dir

    @property
    def path(self) -> Path:
        return self.config_dir / KEY_FILE_NAME

    def _private_dir(self) -> None:
        self.config_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        if _POSIX and stat.S_IMODE(os.stat(self.config_dir).st_mode) != 0o700:
            os.chmod(self.config_dir, 0o700)

    def _remove_temporaries(self) -> None:
        for leftover in self.config_dir.glob(f".{KEY_FILE_NAME}.*.tmp"):
            leftover.unlink(missing_ok=True)

    def write(self, key: str) -> None:
        temporary: Path | None = None
        try:
            self._private_dir()
            self._remove_temporaries()  # a crash between write and rename may have left one
            temporary = self.config_dir / f".{KEY_FILE_NAME}.{_random.token_hex(8)}.tmp"
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_NOFOLLOW | _O_BINARY, 0o600)
            with open(fd, "wb") as handle:
                handle.write((key + "\n").encode("utf-8"))
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, self.path)
            temporary = None
            sync_folder(self.config_dir)
        except OSError as exc:
            raise KeyStorageError(FILE_SAVE_FAILED, detail=describe(exc, key)) from None
        finally:
            if temporary is not None:
                temporary.unlink(missing_ok=True)

    def read(self) -> tuple[str | None, str | None]:
        """(key, problem): the key from the file if it is safe to use, else why not."""
        path = self.path
        try:
            fd = os.open(path, os.O_RDONLY | _O_NOFOLLOW | _O_BINARY)
        except FileNotFoundError:
            return None, None
        except OSError as exc:  # ELOOP for a symlink, EACCES, ...
            log.warning("not using the API key file %s: %s", path, exc.strerror or type(exc).__name__)
            return None, UNSAFE_FILE_NOTICE if _O_NOFOLLOW and os.path.islink(path) else None
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                log.warning("not using the API key file %s: it is not a plain file", path)
                return None, UNSAFE_FILE_NOTICE
            if _POSIX:
                mode = stat.S_IMODE(info.st_mode)
                if info.st_uid != os.geteuid():
                    log.warning("not using the API key file %s: it belongs to another user (uid %d)", path, info.st_uid)
                    return None, UNSAFE_FILE_NOTICE
                if mode & 0o077:
                    log.warning(
                        "not using the API key file %s: other users can read or change it (mode %04o, must be 0600)",
                        path,
                        mode,
                    )
                    return None, UNSAFE_FILE_NOTICE
            chunks: list[bytes] = []
            size = 0
            while size <= MAX_KEY_FILE_BYTES:
                chunk = os.read(fd, MAX_KEY_FILE_BYTES + 1 - size)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
        except OSError as exc:
            log.warning("could not read the API key file %s: %s", path, exc.strerror or type(exc).__name__)
            return None, None
        finally:
            os.close(fd)
        if size > MAX_KEY_FILE_BYTES:
            log.warning("not using the API key file %s: larger than %d bytes", path, MAX_KEY_FILE_BYTES)
            return None, None
        try:
            text = b"".join(chunks).decode("utf-8")
        except UnicodeDecodeError:
            log.warning("not using the API key file %s: not UTF-8 text", path)
            return None, None
        return text.strip() or None, None

    def delete(self) -> str | None:
        try:
            self.path.unlink(missing_ok=True)
            if self.config_dir.is_dir():
                self._remove_temporaries()
        except OSError as exc:
            return f"key file: {describe(exc)}"
        return None
