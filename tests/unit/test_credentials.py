"""app.credentials: where the API key lives (in-memory keyring, no keyring, file, environment)."""

from __future__ import annotations

import logging
import os
import stat
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import keyring.errors
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null

from app import credentials
from app.credentials import (
    KEYRING_SERVICE,
    KEYRING_USERNAME,
    NO_KEYRING_NOTICE,
    KeyStore,
    StoredKey,
    describe_source,
    key_format_warning,
)
from app.keys.errors import KeyStorageError
from app.keys.key_file import FILE_SAVE_FAILED, UNSAFE_FILE_NOTICE
from app.keys.keyring_place import KEYRING_UNAVAILABLE

KEY = "aitk_live_S3cretKeyValue_0123456789"
OTHER = "aitk_test_AnotherKey_9876543210"
posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


class MemoryKeyring(KeyringBackend):
    """A keyring that lives in a dict; records the threads it was called from."""

    priority = -100  # never picked by keyring's own detection

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}
        self.threads: set[int] = set()

    def get_password(self, service: str, username: str) -> str | None:
        self.threads.add(threading.get_ident())
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.threads.add(threading.get_ident())
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.threads.add(threading.get_ident())
        try:
            del self.items[(service, username)]
        except KeyError:
            raise keyring.errors.PasswordDeleteError("not found") from None


class LockedKeyring(MemoryKeyring):
    """A keyring that exists but refuses everything (a dismissed unlock prompt)."""

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("prompt dismissed")

    # One refusing method for all three, whatever they are given (their signatures differ).
    set_password = delete_password = get_password  # type: ignore[assignment]


class BrokenKeyring(MemoryKeyring):
    """A backend failing the way Secret Service does without a D-Bus session."""

    def get_password(self, service: str, username: str) -> str | None:
        raise RuntimeError("The Secret Service daemon is neither running nor activatable through D-Bus")

    # One refusing method for all three, whatever they are given (their signatures differ).
    set_password = delete_password = get_password  # type: ignore[assignment]


class ForgetfulKeyring(MemoryKeyring):
    """Says it stored the key but did not."""

    def set_password(self, service: str, username: str, password: str) -> None:
        pass


@pytest.fixture
def use_keyring() -> Iterator[Callable[[KeyringBackend], KeyringBackend]]:
    previous = keyring.get_keyring()

    def install(backend: KeyringBackend) -> KeyringBackend:
        keyring.set_keyring(backend)
        return backend

    try:
        yield install
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def memory(use_keyring) -> MemoryKeyring:
    return use_keyring(MemoryKeyring())


@pytest.fixture
def no_keyring(use_keyring) -> KeyringBackend:
    return use_keyring(fail.Keyring())


@pytest.fixture
def config_dir(tmp_path: Path) -> Path:
    return tmp_path / "config" / "aitasker-desktop"


def store_for(config_dir: Path, **environ: str) -> KeyStore:
    return KeyStore(config_dir, environ=dict(environ))


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --- StoredKey and words ---------------------------------------------------------------------------


def test_stored_key_repr_and_str_hide_the_key() -> None:
    stored = StoredKey(KEY, "keyring")
    assert KEY not in repr(stored)
    assert KEY not in str(stored)
    assert KEY not in f"{stored}"
    assert "keyring" in repr(stored)
    assert stored.key == KEY


def test_keystore_repr_shows_no_key(config_dir: Path, memory: MemoryKeyring) -> None:
    assert KEY not in repr(store_for(config_dir, AITASKER_API_KEY=KEY))


@pytest.mark.parametrize(
    "key, warns",
    [
        ("aitk_live_abc", False),
        ("aitk_test_abc", False),
        ("ait_abc", False),
        ("  aitk_live_abc\n", False),  # pasted with a line break: trimmed, fine
        ("sk-1234", True),
        ("AITK_live_abc", True),
        ("", True),
        ("   ", True),
        ("aitk_live abc", True),
        ("aitk_live_ab\u00e7", True),
    ],
)
def test_key_format_warning(key: str, warns: bool) -> None:
    warning = key_format_warning(key)
    assert (warning is not None) is warns
    if warning:
        assert warning.endswith(".")


def test_words_for_the_ui_are_plain_and_name_the_risk() -> None:
    assert "session" in NO_KEYRING_NOTICE and "file" in NO_KEYRING_NOTICE
    assert "log in as you" in NO_KEYRING_NOTICE and "backups" in NO_KEYRING_NOTICE
    assert "backups" in credentials.FILE_RISK
    for source in ("environment", "keyring", "file", "session"):
        assert describe_source(source)


def test_default_config_dir_is_per_user() -> None:
    assert "aitasker-desktop" in str(credentials.default_config_dir())


# --- with a keyring --------------------------------------------------------------------------------


async def test_keyring_round_trip_off_the_loop_thread(config_dir: Path, memory: MemoryKeyring) -> None:
    store = store_for(config_dir)
    assert await store.keyring_available()
    assert await store.default_where() == "keyring"
    assert await store.load() is None

    saved = await store.save(f"  {KEY}\n", where="keyring")
    assert saved == StoredKey(KEY, "keyring")
    assert memory.items == {(KEYRING_SERVICE, KEYRING_USERNAME): KEY}
    assert not store.key_file.exists()

    assert await KeyStore(config_dir, environ={}).load() == StoredKey(KEY, "keyring")
    assert threading.get_ident() not in memory.threads, "keyring was called on the event loop thread"


async def test_explicit_backend_argument_is_used(config_dir: Path, no_keyring: KeyringBackend) -> None:
    backend = MemoryKeyring()
    store = KeyStore(config_dir, environ={}, backend=backend)
    await store.save(KEY, where="keyring")
    assert backend.items[(KEYRING_SERVICE, KEYRING_USERNAME)] == KEY


async def test_saving_elsewhere_removes_the_older_copies(config_dir: Path, memory: MemoryKeyring) -> None:
    store = store_for(config_dir)
    await store.save(KEY, where="keyring")
    await store.save(OTHER, where="file")
    assert memory.items == {}
    assert await store.load() == StoredKey(OTHER, "file")

    await store.save(KEY, where="session")
    assert not store.key_file.exists()
    assert await store.load() == StoredKey(KEY, "session")
    # a session key is gone in the next run
    assert await store_for(config_dir).load() is None

    await store.save(OTHER, where="keyring")
    assert await store.load() == StoredKey(OTHER, "keyring")


async def test_forget_removes_keyring_file_and_session(config_dir: Path, memory: MemoryKeyring) -> None:
    store = store_for(config_dir)
    # put a key in every place at once (as an older version or a crash might have left them)
    memory.items[(KEYRING_SERVICE, KEYRING_USERNAME)] = KEY
    await store.save(OTHER, where="file")
    memory.items[(KEYRING_SERVICE, KEYRING_USERNAME)] = KEY
    store._session_key = OTHER
    (config_dir / ".api-key.deadbeef.tmp").write_text(KEY)  # crash leftover

    await store.forget()

    assert memory.items == {}
    assert not store.key_file.exists()
    assert list(config_dir.iterdir()) == []
    assert await store.load() is None
    await store.forget()  # forgetting twice is fine


async def test_forget_reports_a_place_it_could_not_clear(config_dir: Path, use_keyring) -> None:
    use_keyring(LockedKeyring())
    store = store_for(config_dir)
    await store.save(KEY, where="file")
    with pytest.raises(KeyStorageError) as caught:
        await store.forget()
    assert not store.key_file.exists(), "the other places are still cleared"
    assert KEY not in str(caught.value)
    assert "keyring" in caught.value.detail


@pytest.mark.parametrize("backend", [LockedKeyring, BrokenKeyring])
async def test_a_failing_keyring_counts_as_unavailable(config_dir: Path, use_keyring, backend) -> None:
    use_keyring(backend())
    store = store_for(config_dir)
    assert not await store.keyring_available()
    assert await store.default_where() == "session"
    assert await store.load() is None
    with pytest.raises(KeyStorageError) as caught:
        await store.save(KEY, where="keyring")
    assert KEY not in str(caught.value)


async def test_a_keyring_that_does_not_keep_the_key_is_an_error(config_dir: Path, use_keyring) -> None:
    use_keyring(ForgetfulKeyring())
    with pytest.raises(KeyStorageError, match="keychain"):
        await store_for(config_dir).save(KEY, where="keyring")


# --- without a keyring (this headless machine) ----------------------------------------------------


@pytest.mark.parametrize("backend", [fail.Keyring, null.Keyring])
async def test_no_keyring(config_dir: Path, use_keyring, backend: type[KeyringBackend]) -> None:
    use_keyring(backend())
    store = store_for(config_dir)
    assert not await store.keyring_available()
    assert await store.default_where() == "session"
    assert await store.load() is None

    with pytest.raises(KeyStorageError) as caught:
        await store.save(KEY, where="keyring")
    assert caught.value.user_message == KEYRING_UNAVAILABLE
    assert KEY not in str(caught.value)
    assert await store.load() is None, "a failed save stores nothing anywhere"
    assert not config_dir.exists()

    assert await store.save(KEY, where="session") == StoredKey(KEY, "session")
    assert await store.load() == StoredKey(KEY, "session")
    assert not config_dir.exists(), "session keys never touch the disk"
    await store.forget()
    assert await store.load() is None


async def test_failed_keyring_save_leaves_the_earlier_key(config_dir: Path, no_keyring) -> None:
    store = store_for(config_dir)
    await store.save(OTHER, where="file")
    with pytest.raises(KeyStorageError):
        await store.save(KEY, where="keyring")
    assert await store.load() == StoredKey(OTHER, "file")


# --- the file fallback ------------------------------------------------------------------------------


@posix_only
async def test_file_is_private_and_round_trips(config_dir: Path, no_keyring) -> None:
    store = store_for(config_dir)
    saved = await store.save(KEY, where="file")
    assert saved == StoredKey(KEY, "file")
    assert store.key_file == config_dir / "api-key"
    assert mode(store.key_file) == 0o600
    assert mode(config_dir) == 0o700
    assert store.key_file.read_text() == KEY + "\n"
    assert [p.name for p in config_dir.iterdir()] == ["api-key"], "no temporary file left"

    assert await store_for(config_dir).load() == StoredKey(KEY, "file")

    await store.save(OTHER, where="file")  # replaced atomically, still private
    assert mode(store.key_file) == 0o600
    assert await store_for(config_dir).load() == StoredKey(OTHER, "file")


@posix_only
async def test_file_is_private_even_with_a_permissive_umask(config_dir: Path, no_keyring) -> None:
    config_dir.mkdir(parents=True, mode=0o755)
    os.chmod(config_dir, 0o755)
    old = os.umask(0)
    try:
        await store_for(config_dir).save(KEY, where="file")
    finally:
        os.umask(old)
    assert mode(config_dir / "api-key") == 0o600
    assert mode(config_dir) == 0o700


@posix_only
@pytest.mark.parametrize("bad_mode", [0o644, 0o640, 0o604, 0o620, 0o666])
async def test_a_key_file_others_can_read_is_refused(
    config_dir: Path, no_keyring, bad_mode: int, caplog: pytest.LogCaptureFixture
) -> None:
    store = store_for(config_dir)
    await store.save(KEY, where="file")
    os.chmod(store.key_file, bad_mode)

    with caplog.at_level(logging.WARNING, logger="app.keys.key_file"):
        assert await store.load() is None
    assert store.problem == UNSAFE_FILE_NOTICE
    assert "api-key" in caplog.text and f"{bad_mode:04o}" in caplog.text
    assert KEY not in caplog.text
    assert mode(store.key_file) == bad_mode, "refused, not silently repaired"

    # saving again makes a private file, and it is used again
    await store.save(KEY, where="file")
    assert mode(store.key_file) == 0o600
    assert await store.load() == StoredKey(KEY, "file")
    assert store.problem is None


@posix_only
async def test_a_symlinked_key_file_is_refused(config_dir: Path, tmp_path: Path, no_keyring) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.write_text(KEY)
    os.chmod(elsewhere, 0o600)
    config_dir.mkdir(parents=True)
    (config_dir / "api-key").symlink_to(elsewhere)
    store = store_for(config_dir)
    assert await store.load() is None
    assert store.problem == UNSAFE_FILE_NOTICE


async def test_empty_or_huge_key_files_are_ignored(config_dir: Path, no_keyring) -> None:
    store = store_for(config_dir)
    await store.save(KEY, where="file")
    store.key_file.write_text("  \n")
    assert await store.load() is None
    store.key_file.write_text("aitk_" + "x" * 10_000)
    assert await store.load() is None


async def test_empty_key_is_not_saved(config_dir: Path, memory: MemoryKeyring) -> None:
    store = store_for(config_dir)
    with pytest.raises(KeyStorageError):
        await store.save("  \n", where="keyring")
    with pytest.raises(ValueError):
        await store.save(KEY, where="clipboard")  # type: ignore[arg-type]  # no such place, on purpose
    assert memory.items == {}


async def test_file_save_failure_is_an_app_error_without_the_key(tmp_path: Path, no_keyring) -> None:
    not_a_folder = tmp_path / "plain-file"
    not_a_folder.write_text("")
    with pytest.raises(KeyStorageError) as caught:
        await store_for(not_a_folder / "config").save(KEY, where="file")
    assert caught.value.user_message == FILE_SAVE_FAILED
    assert KEY not in str(caught.value)


# --- the environment ----------------------------------------------------------------------------------


async def test_environment_wins_and_is_never_written(config_dir: Path, memory: MemoryKeyring) -> None:
    store = store_for(config_dir)
    await store.save(OTHER, where="keyring")
    env_store = store_for(config_dir, AITASKER_API_KEY=f" {KEY} ")

    assert await env_store.load() == StoredKey(KEY, "environment")
    assert env_store.environment_key() == KEY
    assert memory.items == {(KEYRING_SERVICE, KEYRING_USERNAME): OTHER}, "keyring untouched"
    assert not config_dir.exists(), "nothing written to disk"

    await env_store.forget()  # forgets what is stored; the environment still provides a key
    assert memory.items == {}
    assert await env_store.load() == StoredKey(KEY, "environment")
    assert not config_dir.exists()


async def test_empty_environment_variable_is_ignored(config_dir: Path, memory: MemoryKeyring) -> None:
    await store_for(config_dir).save(KEY, where="keyring")
    assert await store_for(config_dir, AITASKER_API_KEY="  ").load() == StoredKey(KEY, "keyring")


def test_process_environment_is_the_default(monkeypatch: pytest.MonkeyPatch, config_dir: Path) -> None:
    monkeypatch.setenv("AITASKER_API_KEY", KEY)
    assert KeyStore(config_dir).environment_key() == KEY
    monkeypatch.delenv("AITASKER_API_KEY")
    assert KeyStore(config_dir).environment_key() is None


# --- the order on load --------------------------------------------------------------------------------


async def test_keyring_is_read_before_the_file(config_dir: Path, memory: MemoryKeyring) -> None:
    store = store_for(config_dir)
    await store.save(OTHER, where="file")
    memory.items[(KEYRING_SERVICE, KEYRING_USERNAME)] = KEY  # e.g. written by an older version
    assert await store.load() == StoredKey(KEY, "keyring")
