"""app.logs: the key never reaches a log file or stderr; files rotate and stay private."""

from __future__ import annotations

import io
import logging
import os
import stat
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import logs
from app.logs import (
    LOG_FILE_NAME,
    REDACTED,
    RedactingFilter,
    Secrets,
    format_exception,
    install_excepthook,
    redact,
    setup_logging,
    shutdown_logging,
)

KEY = "sk-custom-S3cretValue-0123456789"  # not key-shaped: only registration can catch it
LATE_KEY = "zz-late-registered-secret-42"
posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


@pytest.fixture(autouse=True)
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        yield
    finally:
        shutdown_logging()
        assert root.handlers == handlers, "setup_logging's handlers were not removed"
        assert root.level == level


def all_log_text(folder: Path) -> str:
    return "".join(path.read_text(encoding="utf-8") for path in sorted(folder.iterdir()))


class LeakyError(Exception):
    pass


def fail_with_key(key: str) -> None:
    secret_local = key  # noqa: F841 (a local holding the key, as in a real frame)
    raise LeakyError(f"server refused key {key}")


def test_the_key_never_reaches_the_log_file_or_stderr(tmp_path: Path) -> None:
    folder = tmp_path / "logs"
    secrets = Secrets([KEY])
    stderr = io.StringIO()
    path = setup_logging(folder, secrets=secrets, stream=stderr)
    assert path == folder / LOG_FILE_NAME
    log = logging.getLogger("aitasker.test")

    log.info("key in the message: " + KEY)
    log.warning("key in %%-args: %s and %r", KEY, {"api_key": KEY})
    log.info("key in named args: %(k)s", {"k": KEY})
    log.error(LeakyError(KEY))  # a non-string message
    try:
        fail_with_key(KEY)
    except LeakyError:
        log.exception("sending failed")
    try:
        try:
            fail_with_key(KEY)
        except LeakyError as inner:
            raise RuntimeError(f"wrapped: {inner}") from inner
    except RuntimeError:
        log.exception("chained")
    log.warning("with a stack", stack_info=True)
    log.warning("headers: %s", {"Authorization": "Bearer unregistered-token-value"})
    log.warning("an unregistered AITasker key: aitk_live_Unregistered_123-abc")

    text = all_log_text(folder)
    for output in (text, stderr.getvalue()):
        assert KEY not in output
        assert "unregistered-token-value" not in output
        assert "aitk_live_Unregistered_123-abc" not in output
        assert REDACTED in output
    assert "sending failed" in text and "Traceback" in text and "LeakyError" in text
    assert "fail_with_key" in text, "the traceback itself is kept, only the key is gone"
    assert "wrapped:" in text and "chained" in text
    assert "key in the message" in text and "key in named args" in text
    assert "with a stack" in text
    # the file gets INFO and above, stderr only WARNING and above
    assert "key in the message" not in stderr.getvalue()
    assert "sending failed" in stderr.getvalue()


def test_a_key_registered_after_setup_is_redacted(tmp_path: Path) -> None:
    current: list[str] = []
    setup_logging(tmp_path, secrets=lambda: current, stream=io.StringIO())
    log = logging.getLogger("aitasker.test")
    current.append(LATE_KEY)
    log.info("connected with %s", LATE_KEY)
    try:
        fail_with_key(LATE_KEY)
    except LeakyError:
        log.exception("oops")
    text = all_log_text(tmp_path)
    assert LATE_KEY not in text
    assert text.count(REDACTED) >= 2


def test_secrets_registry_keeps_old_keys(tmp_path: Path) -> None:
    secrets = Secrets()
    setup_logging(tmp_path, secrets=secrets, stream=io.StringIO())
    secrets.add(KEY)
    secrets.add(LATE_KEY)  # the user replaced the key: the old one stays secret
    secrets.add("")  # ignored, never "redact everything"
    logging.getLogger("aitasker.test").info("%s then %s", KEY, LATE_KEY)
    text = all_log_text(tmp_path)
    assert KEY not in text and LATE_KEY not in text
    assert f"{REDACTED} then {REDACTED}" in text
    assert KEY not in repr(secrets)


def test_rotation_rolls_over_and_every_file_is_clean_and_private(tmp_path: Path) -> None:
    folder = tmp_path / "logs"
    setup_logging(folder, secrets=lambda: [KEY], stream=io.StringIO(), max_bytes=2_000, backup_count=3)
    log = logging.getLogger("aitasker.test")
    for i in range(200):
        log.info("line %d with the key %s and some padding to fill the file", i, KEY)
    names = sorted(p.name for p in folder.iterdir())
    assert names == [LOG_FILE_NAME, *(f"{LOG_FILE_NAME}.{n}" for n in (1, 2, 3))]
    for path in folder.iterdir():
        assert path.stat().st_size <= 2_000
        if os.name == "posix":
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
    text = all_log_text(folder)
    assert KEY not in text
    assert "line 199" in text
    if os.name == "posix":
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_levels_debug_and_calling_twice(tmp_path: Path) -> None:
    log = logging.getLogger("aitasker.test")
    setup_logging(tmp_path, stream=io.StringIO())
    log.debug("hidden detail")
    logging.getLogger("httpx").info("HTTP Request: GET /x")  # chatty library quieted
    setup_logging(tmp_path, debug=True, stream=io.StringIO())  # replaces, does not duplicate
    log.debug("visible detail")
    mine = [h for h in logging.getLogger().handlers if isinstance(h, logs.PrivateRotatingFileHandler)]
    assert len(mine) == 1
    text = all_log_text(tmp_path)
    assert "hidden detail" not in text
    assert "HTTP Request" not in text
    assert text.count("visible detail") == 1


def test_a_broken_secrets_callback_does_not_stop_logging(tmp_path: Path) -> None:
    def broken() -> list[str]:
        raise RuntimeError("no")

    setup_logging(tmp_path, secrets=broken, stream=io.StringIO())
    logging.getLogger("aitasker.test").warning("still logged, key aitk_test_shape_is_still_caught")
    text = all_log_text(tmp_path)
    assert "still logged" in text
    assert "aitk_test_shape_is_still_caught" not in text


def test_uncaught_exceptions_are_logged_redacted(tmp_path: Path) -> None:
    setup_logging(tmp_path, secrets=lambda: [KEY], stream=io.StringIO())
    restore = install_excepthook()
    try:
        try:
            fail_with_key(KEY)
        except LeakyError:
            sys.excepthook(*sys.exc_info())
        thread = threading.Thread(target=fail_with_key, args=(KEY,), name="worker-7")
        thread.start()
        thread.join()
    finally:
        restore()
    text = all_log_text(tmp_path)
    assert "uncaught exception" in text and "worker-7" in text
    assert text.count("LeakyError") >= 2
    assert KEY not in text


def test_asyncio_exception_handler_logs_redacted(tmp_path: Path) -> None:
    setup_logging(tmp_path, secrets=lambda: [KEY], stream=io.StringIO())
    try:
        fail_with_key(KEY)
    except LeakyError as exc:
        logs.asyncio_exception_handler(None, {"message": "Task exception was never retrieved", "exception": exc})
    logs.asyncio_exception_handler(None, {"message": f"odd {KEY}", "handle": KEY})
    text = all_log_text(tmp_path)
    assert "never retrieved" in text and "LeakyError" in text
    assert KEY not in text


# --- the helpers on their own -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, hidden",
    [
        (f"key={KEY}", KEY),
        ("Authorization: Bearer abc.def-123", "abc.def-123"),
        ("{'authorization': 'Bearer xyz987654'}", "xyz987654"),
        ("(b'Authorization', b'Bearer q1w2e3r4t5')", "q1w2e3r4t5"),
        ("curl -H 'Authorization: bearer tok_1234'", "tok_1234"),
        ("Bearer eyJhbGciOiJIUzI1NiJ9.e30.x", "eyJhbGciOiJIUzI1NiJ9"),
        ("token aitk_live_AbC-12_x here", "aitk_live_AbC-12_x"),
        ("token aitk_test_demo here", "aitk_test_demo"),
    ],
)
def test_redact(text: str, hidden: str) -> None:
    result = redact(text, [KEY])
    assert hidden not in result
    assert REDACTED in result
    assert redact(result, [KEY]) == result, "redacting twice changes nothing"


def test_redact_leaves_ordinary_text_alone() -> None:
    text = "the bearer of good news posted task 42 for $10"
    assert redact(text, [KEY, "", "   "]) == text
    assert redact("", [KEY]) == ""


def test_redact_prefers_the_longer_secret_and_escaped_forms() -> None:
    assert redact("abcdef", ["abc", "abcdef"]) == REDACTED
    weird = "key'with\\quote"
    assert weird not in redact(f"repr: {weird!r}", [weird])
    assert "with%27" not in redact("q=key%27with%5Cquote", [weird])


def test_format_exception_for_crash_reports() -> None:
    try:
        fail_with_key(KEY)
    except LeakyError as exc:
        report = format_exception(exc, [KEY])
    assert "Traceback" in report and "LeakyError" in report
    assert KEY not in report


def test_filter_never_drops_records() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "value %s", (KEY,), None)
    assert RedactingFilter(lambda: [KEY]).filter(record) is True
    assert record.getMessage() == f"value {REDACTED}"
    assert RedactingFilter(None).filter(record) is True
    # a formatting bug in a log call must not print the key either (logging's handleError
    # would otherwise show msg and args on stderr)
    bad = logging.LogRecord("x", logging.INFO, __file__, 1, "bad args %s %s", (KEY,), None)
    assert RedactingFilter(lambda: [KEY]).filter(bad) is True
    assert KEY not in bad.getMessage() and "bad args" in bad.getMessage()


@posix_only
def test_an_existing_wide_log_file_is_made_private(tmp_path: Path) -> None:
    path = tmp_path / LOG_FILE_NAME
    path.write_text("old\n")
    os.chmod(path, 0o644)
    setup_logging(tmp_path, stream=io.StringIO())
    logging.getLogger("aitasker.test").info("new")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
