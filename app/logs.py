"""Logging: a private rotating file, warnings on stderr, and no secrets in either.

:func:`setup_logging` installs two handlers on the root logger, each with a
:class:`RedactingFilter`. The filter asks for the current secrets *at log time* (so a key entered
after start-up is covered), formats the message with its arguments, formats any exception and
stack, and replaces every secret with ``[redacted]`` before a handler writes anything. Shapes that
look like credentials are redacted even when nobody registered them: ``Authorization: Bearer ...``
and AITasker keys (``aitk_live_...`` / ``aitk_test_...``).

Usage::

    secrets = Secrets()
    log_file = setup_logging(debug=args.debug, secrets=secrets)
    install_excepthook()
    ...
    secrets.add(stored_key.key)   # every key the app learns, as soon as it learns it
"""

from __future__ import annotations

import io
import logging
import os
import re
import sys
import threading
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path
from types import TracebackType
from typing import IO, Any
from urllib.parse import quote

LOG_FILE_NAME = "aitasker-desktop.log"
REDACTED = "[redacted]"
FILE_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s]: %(message)s"
STDERR_FORMAT = "%(levelname)s %(name)s: %(message)s"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5

SecretsSource = Callable[[], Iterable[str]]

# An AITasker key, registered or not.
_TOKEN = re.compile(r"aitk_(?:live|test)_[A-Za-z0-9_\-]+")
# "Authorization: Bearer X", "'authorization': 'Bearer X'", "(b'Authorization', b'Bearer X')" ...
_AUTH_HEADER = re.compile(
    r"(?i)(authorization['\"]?\s*[:=,]\s*b?['\"]?\s*(?:bearer|token|basic)\s+)(?!\[redacted\])[^\s'\",;)}\]]+"
)
# "Bearer X" on its own, X at least 8 characters long (prose like "the bearer of" is left alone).
_BEARER = re.compile(r"(?i)(\bbearer\s+)[A-Za-z0-9._~+/\-]{8,}=*")

_plain_formatter = logging.Formatter()


class Secrets:
    """A thread-safe set of strings to redact; call it to get the current ones.

    Keys are only ever added during a run: an old key stays redacted after a new one replaced it.
    """

    def __init__(self, initial: Iterable[str] = ()) -> None:
        self._lock = threading.Lock()
        self._items: set[str] = set()
        for item in initial:
            self.add(item)

    def add(self, secret: str | None) -> None:
        if secret and secret.strip():
            with self._lock:
                self._items.add(secret)
                self._items.add(secret.strip())

    def __call__(self) -> list[str]:
        with self._lock:
            return list(self._items)

    def __repr__(self) -> str:
        return f"Secrets(<{len(self._items)} hidden>)"


def _variants(secret: str) -> set[str]:
    """The secret as it may appear in text: as is, trimmed, URL-quoted, or escaped by repr()."""
    found = {secret, secret.strip(), quote(secret, safe=""), repr(secret)[1:-1]}
    return {v for v in found if v}


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """``text`` with every secret (and anything shaped like a key or bearer token) replaced.

    Usable on its own, e.g. for a crash report or an error's details.
    """
    if not text:
        return text
    candidates: set[str] = set()
    for secret in secrets:
        if isinstance(secret, str) and secret.strip():
            candidates |= _variants(secret)
    for candidate in sorted(candidates, key=len, reverse=True):  # a longer secret first
        if candidate in text:
            text = text.replace(candidate, REDACTED)
    text = _AUTH_HEADER.sub(lambda m: m.group(1) + REDACTED, text)
    text = _BEARER.sub(lambda m: m.group(1) + REDACTED, text)
    return _TOKEN.sub(REDACTED, text)


class RedactingFilter(logging.Filter):
    """Redacts a record in place before any handler formats it; never drops a record.

    After it ran, ``record.msg`` is the final redacted message, ``record.args`` is empty,
    ``record.exc_info`` is cleared and ``record.exc_text`` holds the redacted traceback (standard
    formatters print ``exc_text``). Running it twice is harmless.
    """

    def __init__(self, secrets: SecretsSource | None = None) -> None:
        super().__init__()
        self._secrets = secrets

    def current_secrets(self) -> list[str]:
        if self._secrets is None:
            return []
        try:
            return [s for s in self._secrets() if isinstance(s, str)]
        except Exception:
            return []

    def filter(self, record: logging.LogRecord) -> bool:
        secrets = self.current_secrets()
        try:
            message = record.getMessage()
        except Exception:
            message = f"{record.msg!s} (log arguments could not be formatted: {record.args!r})"
        record.msg = redact(message, secrets)
        record.args = None
        if record.exc_info:
            if not record.exc_text:
                record.exc_text = _plain_formatter.formatException(record.exc_info)
            record.exc_info = None
        if record.exc_text:
            record.exc_text = redact(record.exc_text, secrets)
        if record.stack_info:
            record.stack_info = redact(record.stack_info, secrets)
        return True


class PrivateRotatingFileHandler(logging.FileHandler):
    """The standard rotating log file (``name`` -> ``name.1`` ... ``name.<backup_count>``, the
    oldest dropped, before a record would take it to ``max_bytes``), created readable by this user
    only (0600), and an older file that was created wider made private when it is opened.
    (The rotation of ``logging.handlers.RotatingFileHandler``, here because that module loads
    socket, pickle and queue: a few milliseconds before the window's first picture.)"""

    def __init__(self, filename: str | os.PathLike[str], *, max_bytes: int, backup_count: int, encoding: str) -> None:
        super().__init__(filename, mode="a", encoding=encoding)
        self.max_bytes, self.backup_count = max_bytes, backup_count

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_BINARY", 0), 0o600)
        if os.name == "posix":
            try:
                os.fchmod(fd, 0o600)  # an older file may have been created wider
            except OSError:
                pass
        return open(fd, "a", encoding=self.encoding, errors=self.errors)

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self.should_roll_over(record):
                self.roll_over()
            super().emit(record)
        except Exception:
            self.handleError(record)

    def should_roll_over(self, record: logging.LogRecord) -> bool:
        if os.path.exists(self.baseFilename) and not os.path.isfile(self.baseFilename):
            return False  # never a device or a pipe
        if self.stream is None:
            self.stream = self._open()
        if self.max_bytes <= 0:
            return False
        self.stream.seek(0, 2)
        return self.stream.tell() + len(f"{self.format(record)}\n") >= self.max_bytes

    def roll_over(self) -> None:
        if self.stream:
            self.stream.close()
            self.stream = None
        if self.backup_count > 0:
            for i in range(self.backup_count - 1, 0, -1):
                older, newer = f"{self.baseFilename}.{i}", f"{self.baseFilename}.{i + 1}"
                if os.path.exists(older):
                    if os.path.exists(newer):
                        os.remove(newer)
                    os.rename(older, newer)
            first = self.baseFilename + ".1"
            if os.path.exists(first):
                os.remove(first)
            if os.path.exists(self.baseFilename):
                os.rename(self.baseFilename, first)
        self.stream = self._open()


# Handlers and levels installed by setup_logging, so that it can be called again or undone.
_installed: list[logging.Handler] = []
_saved_levels: dict[str, int] = {}
_QUIET_LOGGERS = ("httpx", "httpcore", "qasync", "asyncio", "keyring")


def default_log_dir() -> Path:
    import platformdirs

    from app import about

    return platformdirs.user_log_path(about.SLUG, about.ORG)


def setup_logging(
    log_dir: Path | None = None,
    *,
    debug: bool = False,
    secrets: SecretsSource | None = None,
    stream: IO[str] | None = None,
    max_bytes: int = MAX_BYTES,
    backup_count: int = BACKUP_COUNT,
) -> Path:
    """Log to ``<log_dir>/aitasker-desktop.log`` (rotated) and warnings to stderr; return the file.

    File level INFO (DEBUG with ``debug``); stderr (or ``stream``) WARNING. Both handlers redact
    ``secrets()`` (called for every record) and key/bearer shapes. Calling it again replaces the
    handlers it installed before; :func:`shutdown_logging` removes them. The folder is made
    private (0700) and the files 0600. Unless ``debug``, chatty libraries (httpx logs every
    request at INFO) are limited to WARNING.
    """
    shutdown_logging()
    folder = Path(log_dir) if log_dir is not None else default_log_dir()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix":
        try:
            os.chmod(folder, 0o700)
        except OSError:
            pass
    path = folder / LOG_FILE_NAME
    redactor = RedactingFilter(secrets)

    file_handler = PrivateRotatingFileHandler(path, max_bytes=max_bytes, backup_count=backup_count, encoding="utf-8")
    file_handler.setLevel(logging.DEBUG if debug else logging.INFO)
    file_handler.setFormatter(logging.Formatter(FILE_FORMAT))
    file_handler.addFilter(redactor)
    handlers: list[logging.Handler] = [file_handler]

    out = stream if stream is not None else sys.stderr
    if out is not None:  # None for a GUI program on Windows
        console = logging.StreamHandler(out)
        console.setLevel(logging.WARNING)
        console.setFormatter(logging.Formatter(STDERR_FORMAT))
        console.addFilter(redactor)
        handlers.append(console)

    root = logging.getLogger()
    _saved_levels[""] = root.level
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    if not debug:
        for name in _QUIET_LOGGERS:
            logger = logging.getLogger(name)
            _saved_levels[name] = logger.level
            logger.setLevel(logging.WARNING)
    for handler in handlers:
        root.addHandler(handler)
        _installed.append(handler)
    return path


def shutdown_logging() -> None:
    """Remove and close the handlers :func:`setup_logging` installed; restore the levels it set."""
    root = logging.getLogger()
    while _installed:
        handler = _installed.pop()
        root.removeHandler(handler)
        handler.close()
    for name, level in _saved_levels.items():
        (root if name == "" else logging.getLogger(name)).setLevel(level)
    _saved_levels.clear()


def install_excepthook(logger: logging.Logger | None = None) -> Callable[[], None]:
    """Log uncaught exceptions (main thread, other threads) through the redacting handlers.

    Ctrl+C still behaves as before. Returns a function that puts the previous hooks back.
    """
    target = logger or logging.getLogger("aitasker.crash")
    previous_sys = sys.excepthook
    previous_thread = threading.excepthook

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous_sys(kind, value, tb)
            return
        target.critical("uncaught exception", exc_info=(kind, value, tb))

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            previous_thread(args)
            return
        name = args.thread.name if args.thread is not None else "?"
        target.critical(
            "uncaught exception in thread %s", name, exc_info=(args.exc_type, args.exc_value, args.exc_traceback)
        )

    sys.excepthook = hook
    threading.excepthook = thread_hook

    def restore() -> None:
        sys.excepthook = previous_sys
        threading.excepthook = previous_thread

    return restore


def asyncio_exception_handler(loop: Any, context: dict[str, Any]) -> None:
    """For ``loop.set_exception_handler``: log what asyncio could not deliver, redacted."""
    exception = context.get("exception")
    message = context.get("message") or "unhandled error in the event loop"
    logger = logging.getLogger("aitasker.crash")
    if isinstance(exception, BaseException):
        logger.error("%s", message, exc_info=(type(exception), exception, exception.__traceback__))
    else:
        logger.error("%s (%s)", message, {k: v for k, v in context.items() if k != "message"})


def format_exception(exc: BaseException, secrets: Iterable[str] = ()) -> str:
    """A redacted traceback text, e.g. for a crash dialog's Details."""
    return redact("".join(traceback.format_exception(exc)), secrets)


__all__ = [
    "LOG_FILE_NAME",
    "REDACTED",
    "PrivateRotatingFileHandler",
    "RedactingFilter",
    "Secrets",
    "asyncio_exception_handler",
    "default_log_dir",
    "format_exception",
    "install_excepthook",
    "redact",
    "setup_logging",
    "shutdown_logging",
]
