"""The API key in the OS keyring (macOS Keychain, Windows Credential Manager, Secret Service).

Every method may block (a keyring can wait on a D-Bus unlock prompt): the caller runs them in a
worker thread. Nothing here logs the key or puts it into an exception.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from app.keys.errors import KeyStorageError, describe
from app.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

log = logging.getLogger(__name__)

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


def _keyring() -> Any:
    """The keyring package, imported the first time a key is looked up (not at start-up: it takes
    longer to import than the first picture of the window does to draw)."""
    import keyring
    import keyring.errors

    return keyring


def _usable(backend: KeyringBackend) -> bool:
    """False for keyring's stand-ins that cannot keep anything (fail, null, an empty chain)."""
    from keyring.backends import chainer, fail, null

    if isinstance(backend, (fail.Keyring, null.Keyring)):
        return False
    if isinstance(backend, chainer.ChainerBackend):
        return any(_usable(b) for b in backend.backends)
    return True


class KeyringPlace:
    """One entry (``service``, ``username``) in the keyring: ``backend``, or the one
    ``keyring.get_keyring()`` gives at call time."""

    def __init__(self, service: str, username: str, backend: KeyringBackend | None = None) -> None:
        self._service = service
        self._username = username
        self._backend_override = backend

    def _backend(self) -> KeyringBackend:
        return self._backend_override if self._backend_override is not None else _keyring().get_keyring()

    def probe(self) -> bool:
        """True when a keyring answers (probing may show an unlock prompt)."""
        try:
            backend = self._backend()
            if not _usable(backend):
                return False
            backend.get_password(self._service, self._username)
        except Exception as exc:
            log.info("system keyring not usable: %s", describe(exc))
            return False
        return True

    def get(self) -> str | None:
        """The key kept there, or None (none kept, no keyring, or it could not be read)."""
        try:
            backend = self._backend()
            if not _usable(backend):
                return None
            value = backend.get_password(self._service, self._username)
        except _keyring().errors.NoKeyringError:
            return None
        except Exception as exc:
            log.warning("could not read the API key from the system keyring: %s", describe(exc))
            return None
        return (value or "").strip() or None

    def set(self, key: str) -> None:
        """Keep ``key``, read back to be sure; :class:`KeyStorageError` when it was not kept."""
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
            raise KeyStorageError(KEYRING_UNAVAILABLE, detail=describe(exc, key)) from None
        except Exception as exc:
            raise KeyStorageError(KEYRING_SAVE_FAILED, detail=describe(exc, key)) from None
        if kept != key:
            raise KeyStorageError(KEYRING_SAVE_FAILED, detail="the keyring did not keep the key")

    def delete(self) -> str | None:
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
            return f"system keyring: {describe(exc)}"
        return None
