"""Where the API key lives.

Places, in the order :meth:`KeyStore.load` looks at them:

1. ``AITASKER_API_KEY`` in the environment: used as it is, reported as ``"environment"`` and
   never written anywhere by this module.
2. The memory of this run (``"session"``): the default where the computer has no keyring. Gone
   when the app quits.
3. The OS keyring (macOS Keychain, Windows Credential Manager, Secret Service on Linux).
4. A file only this user can read, ``<config_dir>/api-key`` (mode 0600 in a 0700 folder), used only
   when the person chose it explicitly after being told the risk (:data:`FILE_RISK`).

The keyring and the file are :mod:`app.keys.keyring_place` and :mod:`app.keys.key_file`; this
module decides among the places and holds the words the UI shows about them.

Decisions:

- Every keyring call runs in a worker thread (``asyncio.to_thread``): a keyring can block on a
  D-Bus unlock prompt. Small file reads and writes go to a thread too.
- ``save(where="keyring")`` on a computer without a usable keyring raises :class:`KeyStorageError`;
  it never falls back silently. Ask :meth:`KeyStore.default_where` for the right default.
- Only one copy is kept: saving to one place removes the key from the other two (best effort).
- A key file that other users could read or write, that belongs to someone else, or that is not
  a plain file is **refused** (:mod:`app.keys.key_file`; its notice is in :attr:`KeyStore.problem`).
- Nothing here logs or puts the key into an exception or a ``repr``.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal, get_args

from app import about
from app.keys.errors import KeyStorageError
from app.keys.key_file import KeyFile
from app.keys.keyring_place import KeyringPlace
from app.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

log = logging.getLogger(__name__)


APP_NAME = about.SLUG
APP_AUTHOR = about.ORG
KEYRING_SERVICE = about.SLUG  # never rename: a stored key would be lost
KEYRING_USERNAME = "api-key"
ENV_VAR = "AITASKER_API_KEY"
KEY_PREFIXES = ("aitk_", "ait_")

KeySource = Literal["environment", "keyring", "file", "session"]
Where = Literal["keyring", "file", "session"]
_WHERE: tuple[str, ...] = get_args(Where)

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


@dataclass(frozen=True, repr=False)
class StoredKey:
    """An API key and where it came from. Its ``repr``/``str`` never show the key."""

    key: str = field(repr=False)
    source: KeySource

    def __repr__(self) -> str:
        return f"StoredKey(source={self.source!r}, key=<hidden>)"

    __str__ = __repr__


# --- the key store ----------------------------------------------------------------------------------


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
        self._environ = environ if environ is not None else os.environ
        self._keyring = KeyringPlace(service, username, backend)
        self._file = KeyFile(Path(config_dir) if config_dir is not None else default_config_dir())
        self._session_key: str | None = None
        self._lock = asyncio.Lock()
        #: A plain sentence about something the last :meth:`load` found wrong (e.g.
        #: :data:`app.keys.key_file.UNSAFE_FILE_NOTICE`), else None. Show it next to the key dialog.
        self.problem: str | None = None

    def __repr__(self) -> str:
        return f"KeyStore(config_dir={str(self.config_dir)!r})"

    @property
    def config_dir(self) -> Path:
        """The folder of the fallback key file."""
        return self._file.config_dir

    @property
    def key_file(self) -> Path:
        return self._file.path

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
            key = await asyncio.to_thread(self._keyring.get)
            if key:
                return StoredKey(key, "keyring")
            key, problem = await asyncio.to_thread(self._file.read)
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
                await asyncio.to_thread(self._keyring.set, key)
            elif where == "file":
                await asyncio.to_thread(self._file.write, key)
            self._session_key = key if where == "session" else None
            leftovers = []
            if where != "keyring":
                leftovers.append(await asyncio.to_thread(self._keyring.delete))
            if where != "file":
                leftovers.append(await asyncio.to_thread(self._file.delete))
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
                await asyncio.to_thread(self._keyring.delete),
                await asyncio.to_thread(self._file.delete),
            ]
            failed = [p for p in problems if p]
            if failed:
                raise KeyStorageError(FORGET_FAILED, detail="; ".join(failed))
            log.info("API key forgotten")

    async def keyring_available(self) -> bool:
        """True when an OS keyring answers (probing may show an unlock prompt)."""
        return await asyncio.to_thread(self._keyring.probe)

    async def default_where(self) -> Where:
        """``"keyring"`` where one is available, else ``"session"`` (never the file)."""
        return "keyring" if await self.keyring_available() else "session"
