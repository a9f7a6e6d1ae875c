"""The error vocabulary the UI speaks.

Every error carries ``user_message`` (a plain sentence for a person who does not write code) and
``detail`` (the technical part, for the Details expander and the log). ``str(error)`` is the user
message followed by the detail. Neither ever contains the API key: :mod:`app.api.client` redacts it
before an error is built.
"""

from __future__ import annotations

import math
import time
from datetime import UTC
from typing import Any

from app.translatable import QT_TRANSLATE_NOOP, fill, translate


class UserFacingError(Exception):
    """The base of every error a person may read: ``user_message`` in plain words (shown first),
    ``detail`` the technical part (Details expander, log). Neither ever holds the API key."""

    default_message = QT_TRANSLATE_NOOP("messages", "Something went wrong.")

    def __init__(self, user_message: str | None = None, *, detail: str = "") -> None:
        self.user_message = user_message or self.default_message
        self.detail = detail
        super().__init__(self.user_message)

    def __str__(self) -> str:
        return f"{self.user_message} ({self.detail})" if self.detail else self.user_message


class ApiError(UserFacingError):
    """Something went wrong talking to AITasker."""

    default_message = QT_TRANSLATE_NOOP("messages", "Something went wrong while talking to AITasker.")

    def __init__(self, user_message: str | None = None, *, detail: str = "", status: int | None = None):
        self.status = status
        super().__init__(user_message, detail=detail)


class InvalidAddress(ApiError):
    default_message = QT_TRANSLATE_NOOP(
        "messages",
        "The AITasker address must start with https:// so that your key travels encrypted.",
    )


class InvalidTask(ApiError):
    """The task was refused as it stands; ``field_errors`` maps a field name to its messages."""

    default_message = QT_TRANSLATE_NOOP("messages", "Some of the details need a change before the task can be posted.")

    def __init__(
        self,
        user_message: str | None = None,
        *,
        field_errors: dict[str, list[str]] | None = None,
        detail: str = "",
        status: int | None = 422,
    ):
        self.field_errors: dict[str, list[str]] = field_errors or {}
        super().__init__(user_message, detail=detail, status=status)

    @classmethod
    def from_validation_errors(cls, errors: list[dict[str, Any]], *, status: int | None) -> InvalidTask:
        """Build from FastAPI's 422 ``detail`` list or pydantic's ``ValidationError.errors()``,
        in the same words the form uses for its own checks (:mod:`app.api.validation`)."""
        from app.api.validation import plain_field_errors  # the one translator, also the form's

        fields = plain_field_errors(errors)
        return cls(field_errors=fields, detail=f"HTTP {status}" if status else "", status=status)


class Unauthorized(ApiError):
    default_message = QT_TRANSLATE_NOOP(
        "messages", "AITasker did not accept your API key. Please check it, or enter a new one."
    )


class Forbidden(ApiError):
    default_message = QT_TRANSLATE_NOOP(
        "messages",
        "Your API key is not allowed to do this. It may be a read-only key: "
        "create a key that can post tasks in your AITasker dashboard.",
    )


class NotFound(ApiError):
    default_message = QT_TRANSLATE_NOOP(
        "messages", "AITasker could not find this task. It may belong to another account."
    )


class RateLimited(ApiError):
    default_message = QT_TRANSLATE_NOOP("messages", "AITasker asked us to slow down for a moment.")

    def __init__(
        self,
        user_message: str | None = None,
        *,
        retry_after: float | None = None,
        detail: str = "",
        status: int | None = 429,
    ):
        self.retry_after = retry_after
        if user_message is None and retry_after is not None:
            seconds = max(1, math.ceil(retry_after))
            user_message = fill(translate("messages", "AITasker asked us to wait %1 s before trying again."), seconds)
        super().__init__(user_message, detail=detail, status=status)


class ServerError(ApiError):
    """An HTTP 5xx answer: the server was reached and said it failed (not a broken connection)."""

    default_message = QT_TRANSLATE_NOOP(
        "messages", "AITasker is having trouble right now. Please try again in a few minutes."
    )

    def __init__(self, user_message: str | None = None, *, detail: str = "", status: int | None = None):
        if user_message is None and status is not None:
            user_message = fill(
                translate("messages", "%1 Please try again in a few minutes."), server_problem_words(status)
            )
        super().__init__(user_message, detail=detail, status=status)


def server_problem_words(status: int) -> str:
    """ "The server had a problem (500)": what a 5xx answer means, in plain words with its number."""
    return fill(translate("messages", "The server had a problem (%1)."), status)


class Offline(ApiError):
    """Nothing reached the server: safe to retry, even a create."""

    default_message = QT_TRANSLATE_NOOP("messages", "Can't reach AITasker. Check your internet connection.")


class OutcomeUnknown(ApiError):
    """A create may have reached the server: never resend it without the user's decision.

    The default words are for a connection that broke; :meth:`no_answer` and :meth:`server_problem`
    say what else happened (the connection did not break then)."""

    default_message = QT_TRANSLATE_NOOP(
        "messages",
        "The connection broke after your task was sent, so we can't tell whether AITasker "
        "received it. Nothing will be sent again without your say-so.",
    )

    @classmethod
    def no_answer(cls, *, detail: str = "") -> OutcomeUnknown:
        """The request left and no answer came in time."""
        return cls(
            translate(
                "messages",
                "AITasker did not answer in time after your task was sent, so we can't tell whether it "
                "received it. Nothing will be sent again without your say-so.",
            ),
            detail=detail,
        )

    @classmethod
    def server_problem(cls, status: int, *, detail: str = "") -> OutcomeUnknown:
        """A 5xx answer to a create: the task may have been stored before the server failed."""
        return cls(
            fill(
                translate(
                    "messages",
                    "%1 It happened while receiving your task, so we can't tell whether it was posted. "
                    "Nothing will be sent again without your say-so.",
                ),
                server_problem_words(status),
            ),
            detail=detail,
            status=status,
        )


class BadResponse(ApiError):
    default_message = QT_TRANSLATE_NOOP("messages", "AITasker sent an answer this app does not understand.")


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP date; else None."""
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    try:
        seconds = float(text)
    except ValueError:
        pass
    else:
        return max(0.0, seconds) if math.isfinite(seconds) else None
    try:
        import email.utils  # only for a Retry-After given as a date

        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    current = time.time() if now is None else now
    return max(0.0, when.timestamp() - current)


__all__ = [
    "ApiError",
    "UserFacingError",
    "BadResponse",
    "Forbidden",
    "InvalidAddress",
    "InvalidTask",
    "NotFound",
    "Offline",
    "OutcomeUnknown",
    "RateLimited",
    "ServerError",
    "Unauthorized",
    "parse_retry_after",
    "server_problem_words",
]
