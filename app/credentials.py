"""Where the API key lives.

Places, in the order :meth:`KeyStore.load` looks at them:

1. ``AITASKER_API_KEY`` in the environment: used as it is, reported as ``"environment"`` and
   never written anywhere by this module.
2. The memory of this run (``"session"``): the default where the computer has no keyring. Gone
   when the app quits.
3. The OS keyring (macOS Keychain, Windows Credential Manager, Secret Service on Linux).
4. A file only this user can read, ``<config_dir>/api-key`` (mode 0600 in a 0700 folder), used only
   when the person chose it explicitly after being told the risk (:data:`FILE_RISK`).

Decisions:

- Every keyring call runs in a worker thread (``asyncio.to_thread``): a keyring can block on a
  D-Bus unlock prompt. Small file reads and writes go to a thread too.
- ``save(where="keyring")`` on a computer without a usable keyring raises :class:`KeyStorageError`;
  it never falls back silently. Ask :meth:`KeyStore.default_where` for the right default.
- Only one copy is kept: saving to one place removes the key from the other two (best effort).
- A key file that other users could read or write, that belongs to someone else, or that is not
  a plain file is **refused** (not used and not repaired): the key may already have been seen, so
  the person is asked for it again (:data:`UNSAFE_FILE_NOTICE` in :attr:`KeyStore.problem`).
  Saving again replaces the file with a private one.
- Nothing here logs or puts the key into an exception or a ``repr``.
"""

from __future__ import annotations

import asyncio
import logging
import os
import secrets as _random
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, get_args

from app import about
from app.api.errors import UserFacingError
from app.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

log = logging.getLogger(__name__)


def _keyring() -> Any:
    """The keyring package, imported the first time a key is looked up (not at start-up: it takes
    longer to import than the first picture of the window does to draw)."""
    import keyring
    import keyring.errors

    return keyring


APP_NAME = about.SLUG
APP_AUTHOR = about.ORG
KEYRING_SERVICE = about.SLUG  # never rename: a stored key would be lost
KEYRING_USERNAME = "api-key"
ENV_VAR = "AITASKER_API_KEY"
KEY_FILE_NAME = "api-key"
MAX_KEY_FILE_BYTES = 4096
KEY_PREFIXES = ("aitk_", "ait_")

KeySource = Literal["environment", "keyring", "file", "session"]
Where = Literal["keyring", "file", "session"]
_WHERE: tuple[str, ...] = get_args(Where)

_POSIX = os.name == "posix"
_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_O_BINARY = getattr(os, "O_BINARY", 0)

# --- words for the UI ---------------------------------------------------------------------------

NO_KEYRING_NOTICE = QT_TRANSLATE_NOOP(
    "messages",
    "This computer has no system keychain that AITasker Desktop can use, so your API key can't "
    "be stored there. You can keep the key for this session only (the safest choice: you paste "
    "it again the next time you open the app), or save it in a file that only your user account "
    "can read. Anyone who can log in as you, or who can read your backups, could read the key "
    "from that file.",
)
KEYRING_OPTION = QT_TRANSLATE_NOOP("messages", "Save it in the system keychain")
SESSION_OPTION = QT_TRANSLATE_NOOP("messages", "Keep it for this session only")
SESSION_OPTION_DETAIL = QT_TRANSLATE_NOOP(
    "messages", "Nothing is written to disk. You will paste the key again next time."
)
FILE_OPTION = QT_TRANSLATE_NOOP("messages", "Save it in a file only you can read")
FILE_RISK = QT_TRANSLATE_NOOP(
    "messages",
    "The key is stored unencrypted in a file that only your user account can open. Anyone who "
    "can log in as you, or who can read your backups, can read it.",
)
ENVIRONMENT_NOTICE = QT_TRANSLATE_NOOP(
    "messages",
    "Your API key comes from the AITASKER_API_KEY setting in your environment. The app uses it as it "
    "is and saves it nowhere. To change or remove it, change that setting and restart the app.",
)
UNSAFE_FILE_NOTICE = QT_TRANSLATE_NOOP(
    "messages",
    "Your saved API key was not used, because other people on this computer could read or change "
    "the file it was kept in. Please enter your key again. To be safe, you can also create a new "
    "key in your AITasker dashboard and delete the old one.",
)
KEYRING_UNAVAILABLE = QT_TRANSLATE_NOOP(
    "messages",
    "This computer has no system keychain the app can use. Keep the key for this session only, "
    "or save it in a file only you can read.",
)
KEYRING_SAVE_FAILED = QT_TRANSLATE_NOOP(
    "messages",
    "The system keychain did not accept your API key. It may be locked: unlock it and try "
    "again, or keep the key for this session only.",
)
FILE_SAVE_FAILED = QT_TRANSLATE_NOOP(
    "messages", "Your API key could not be saved in a file. Check that your disk is not full."
)
FORGET_FAILED = QT_TRANSLATE_NOOP("messages", "The API key could not be removed from everywhere it was kept.")
EMPTY_KEY = QT_TRANSLATE_NOOP("messages", "There is no key to save. Paste the key from your AITasker dashboard.")

_SOURCE_WORDS: dict[str, str] = {
    "environment": QT_TRANSLATE_NOOP(
        "messages", "Your API key comes from the AITASKER_API_KEY setting and is saved nowhere."
    ),
    "keyring": QT_TRANSLATE_NOOP("messages", "Your API key is kept in the system keychain."),
    "file": QT_TRANSLATE_NOOP("messages", "Your API key is kept in a file only your user account can read."),
    "session": QT_TRANSLATE_NOOP(
        "messages", "Your API key is kept for this session only. You will enter it again next time."
    ),
}


def describe_source(source: KeySource) -> str:
    """One plain sentence saying where the key is kept (for a status line or Settings)."""
    return _SOURCE_WORDS.get(source, "")


def key_format_warning(key: str) -> str | None:
    """A gentle warning when ``key`` does not look like an AITasker key; None when it does.

    A warning is advice, not a refusal: the caller may still save and use the key.
    """
    text = key.strip()
    if not text:
        return QT_TRANSLATE_NOOP("messages", "The key is empty. Paste the key from your AITasker dashboard.")
    if not (text.isascii() and text.isprintable()) or any(c.isspace() for c in text):
        return QT_TRANSLATE_NOOP(
            "messages",
            "The key contains spaces, line breaks or unusual characters, so it is probably not "
            "copied correctly. Copy it again from your AITasker dashboard.",
        )
    if not text.startswith(KEY_PREFIXES):
        return QT_TRANSLATE_NOOP(
            "messages",
            "This doesn't look like an AITasker key: those usually start with \u201caitk_\u201d. "
            "You can still use it if you are sure it is right.",
        )
    return None


def default_config_dir() -> Path:
    import platformdirs

    return platformdirs.user_config_path(APP_NAME, APP_AUTHOR)


# --- values and errors ----------------------------------------------------------------------------


@dataclass(frozen=True, repr=False)
class StoredKey:
    """An API key and where it came from. Its ``repr``/``str`` never show the key."""

    key: str = field(repr=False)
    source: KeySource

    def __repr__(self) -> str:
        return f"StoredKey(source={self.source!r}, key=<hidden>)"

    __str__ = __repr__


class KeyStorageError(UserFacingError):
    """The key could not be stored, read or removed.

    Same shape as :class:`app.api.errors.ApiError`: ``user_message`` is a plain sentence for the
    person, ``detail`` the technical part for the Details expander and the log. Neither contains
    the key.
    """

    def __init__(self, user_message: str, *, detail: str = "") -> None:
        super().__init__(user_message, detail=detail)


def _usable(backend: KeyringBackend) -> bool:
    """False for keyring's stand-ins that cannot keep anything (fail, null, an empty chain)."""
    from keyring.backends import chainer, fail, null

    if isinstance(backend, (fail.Keyring, null.Keyring)):
        return False
    if isinstance(backend, chainer.ChainerBackend):
        return any(_usable(b) for b in backend.backends)
    return True


def _describe(exc: BaseException, key: str | None = None) -> str:
    text = f"{type(exc).__name__}: {exc}"
    return text.replace(key, "[redacted]") if key else text


# --- the store --------------------------------------------------------------------------------------


class KeyStore:
    """Loads, saves and forgets the API key. All methods are coroutines; none block the loop.

    ``config_dir`` holds the fallback key file (default: the platform's user config folder).
    ``environ`` and ``backend`` exist for tests; by default the process environment and
    ``keyring.get_keyring()`` (looked up at call time) are used.
    """

    def __init__(
        self,
        config_dir: Path | None = None,
        *,
        environ: Mapping[str, str] | None = None,
        backend: KeyringBackend | None = None,
        service: str = KEYRING_SERVICE,
        username: str = KEYRING_USERNAME,
    ) -> None:
        self.config_dir = Path(config_dir) if config_dir is not None else default_config_dir()
        self._environ = environ if environ is not None else os.environ
        self._backend_override = backend
        self._service = service
        self._username = username
        self._session_key: str | None = None
        self._lock = asyncio.Lock()
        #: A plain sentence about something the last :meth:`load` found wrong (e.g.
        #: :data:`UNSAFE_FILE_NOTICE`), else None. Show it next to the key dialog.
        self.problem: str | None = None

    def __repr__(self) -> str:
        return f"KeyStore(config_dir={str(self.config_dir)!r})"

    @property
    def key_file(self) -> Path:
        return self.config_dir / KEY_FILE_NAME

    def environment_key(self) -> str | None:
        """The key from ``AITASKER_API_KEY``, or None. It always wins over a saved key."""
        value = (self._environ.get(ENV_VAR) or "").strip()
        return value or None

    # --- public coroutines --------------------------------------------------------------------

    async def load(self) -> StoredKey | None:
        """The key to use: environment, then this session, then the keyring, then the file."""
        async with self._lock:
            self.problem = None
            env = self.environment_key()
            if env:
                return StoredKey(env, "environment")
            if self._session_key:
                return StoredKey(self._session_key, "session")
            key = await asyncio.to_thread(self._keyring_get)
            if key:
                return StoredKey(key, "keyring")
            key, problem = await asyncio.to_thread(self._read_file)
            self.problem = problem
            if key:
                return StoredKey(key, "file")
            return None

    async def save(self, key: str, *, where: Where) -> StoredKey:
        """Keep ``key`` in ``where`` and remove it from the other places.

        Raises :class:`KeyStorageError` when it cannot be kept there (e.g. ``"keyring"`` on a
        computer without one); the earlier state is then left as it was.
        """
        if where not in _WHERE:
            raise ValueError(f"where must be one of {_WHERE}, not {where!r}")
        key = key.strip()
        if not key:
            raise KeyStorageError(EMPTY_KEY)
        async with self._lock:
            if where == "keyring":
                await asyncio.to_thread(self._keyring_set, key)
            elif where == "file":
                await asyncio.to_thread(self._write_file, key)
            self._session_key = key if where == "session" else None
            leftovers = []
            if where != "keyring":
                leftovers.append(await asyncio.to_thread(self._keyring_delete))
            if where != "file":
                leftovers.append(await asyncio.to_thread(self._delete_file))
            for problem in filter(None, leftovers):
                log.warning("an older API key may still be stored: %s", problem)
            log.info("API key saved (%s)", where)
            return StoredKey(key, where)

    async def forget(self) -> None:
        """Remove the key from the keyring, the file and this session's memory.

        The environment variable cannot be removed from here (see :meth:`environment_key`).
        Raises :class:`KeyStorageError` if a place could not be cleared (after trying all).
        """
        async with self._lock:
            self._session_key = None
            problems = [
                await asyncio.to_thread(self._keyring_delete),
                await asyncio.to_thread(self._delete_file),
            ]
            failed = [p for p in problems if p]
            if failed:
                raise KeyStorageError(FORGET_FAILED, detail="; ".join(failed))
            log.info("API key forgotten")

    async def keyring_available(self) -> bool:
        """True when an OS keyring answers (probing may show an unlock prompt)."""
        return await asyncio.to_thread(self._probe_keyring)

    async def default_where(self) -> Where:
        """``"keyring"`` where one is available, else ``"session"`` (never the file)."""
        return "keyring" if await self.keyring_available() else "session"

    # --- keyring (always called in a worker thread) -------------------------------------------

    def _backend(self) -> KeyringBackend:
        return self._backend_override if self._backend_override is not None else _keyring().get_keyring()

    def _probe_keyring(self) -> bool:
        try:
            backend = self._backend()
            if not _usable(backend):
                return False
            backend.get_password(self._service, self._username)
        except Exception as exc:
            log.info("system keyring not usable: %s", _describe(exc))
            return False
        return True

    def _keyring_get(self) -> str | None:
        try:
            backend = self._backend()
            if not _usable(backend):
                return None
            value = backend.get_password(self._service, self._username)
        except _keyring().errors.NoKeyringError:
            return None
        except Exception as exc:
            log.warning("could not read the API key from the system keyring: %s", _describe(exc))
            return None
        return (value or "").strip() or None

    def _keyring_set(self, key: str) -> None:
        backend = self._backend()
        if not _usable(backend):
            raise KeyStorageError(
                KEYRING_UNAVAILABLE,
                detail=f"keyring backend {type(backend).__module__}.{type(backend).__name__} cannot store passwords",
            )
        try:
            backend.set_password(self._service, self._username, key)
            kept = backend.get_password(self._service, self._username)
        except _keyring().errors.NoKeyringError as exc:
            raise KeyStorageError(KEYRING_UNAVAILABLE, detail=_describe(exc, key)) from None
        except Exception as exc:
            raise KeyStorageError(KEYRING_SAVE_FAILED, detail=_describe(exc, key)) from None
        if kept != key:
            raise KeyStorageError(KEYRING_SAVE_FAILED, detail="the keyring did not keep the key")

    def _keyring_delete(self) -> str | None:
        """Remove the keyring entry; None when it is gone (or there is no keyring), else why not."""
        try:
            backend = self._backend()
            if not _usable(backend):
                return None
            try:
                backend.delete_password(self._service, self._username)
            except _keyring().errors.PasswordDeleteError:
                pass  # nothing stored, or the backend could not delete: check below
            if backend.get_password(self._service, self._username) is not None:
                return "the system keyring still holds the key"
        except _keyring().errors.NoKeyringError:
            return None
        except Exception as exc:
            return f"system keyring: {_describe(exc)}"
        return None

    # --- the file (called in a worker thread) -------------------------------------------------

    def _private_dir(self) -> None:
        self.config_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        if _POSIX and stat.S_IMODE(os.stat(self.config_dir).st_mode) != 0o700:
            os.chmod(self.config_dir, 0o700)

    def _remove_temporaries(self) -> None:
        for leftover in self.config_dir.glob(f".{KEY_FILE_NAME}.*.tmp"):
            leftover.unlink(missing_ok=True)

    def _write_file(self, key: str) -> None:
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
            os.replace(temporary, self.key_file)
            temporary = None
            _fsync_dir(self.config_dir)
        except OSError as exc:
            raise KeyStorageError(FILE_SAVE_FAILED, detail=_describe(exc, key)) from None
        finally:
            if temporary is not None:
                temporary.unlink(missing_ok=True)

    def _read_file(self) -> tuple[str | None, str | None]:
        """(key, problem): the key from the file if it is safe to use, else why not."""
        path = self.key_file
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

    def _delete_file(self) -> str | None:
        try:
            self.key_file.unlink(missing_ok=True)
            if self.config_dir.is_dir():
                self._remove_temporaries()
        except OSError as exc:
            return f"key file: {_describe(exc)}"
        return None


def _fsync_dir(path: Path) -> None:
    if not _POSIX:
        return
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


__all__ = [
    "EMPTY_KEY",
    "ENVIRONMENT_NOTICE",
    "ENV_VAR",
    "FILE_OPTION",
    "FILE_RISK",
    "FILE_SAVE_FAILED",
    "FORGET_FAILED",
    "KEYRING_OPTION",
    "KEYRING_SAVE_FAILED",
    "KEYRING_SERVICE",
    "KEYRING_UNAVAILABLE",
    "KEYRING_USERNAME",
    "NO_KEYRING_NOTICE",
    "SESSION_OPTION",
    "SESSION_OPTION_DETAIL",
    "UNSAFE_FILE_NOTICE",
    "KeySource",
    "KeyStorageError",
    "KeyStore",
    "StoredKey",
    "Where",
    "default_config_dir",
    "describe_source",
    "key_format_warning",
]
