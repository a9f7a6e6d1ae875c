"""The error vocabulary the UI speaks.

Every error carries ``user_message`` (a plain sentence for a person who does not write code) and
``detail`` (the technical part, for the Details expander and the log). ``str(error)`` is the user
message followed by the detail. Neither ever contains the API key: :mod:`app.api.client` redacts it
before an error is built.
"""

from __future__ import annotations

import math
import re
import time
from datetime import UTC
from typing import Any

from app.amounts import amount
from app.translatable import QT_TRANSLATE_NOOP, fill, money, translate


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


class NotEnoughCredit(ApiError):
    """The account's credit does not cover this task: nothing was created. Carries what the server
    said (any of them may be missing): the task's price, the credit there is, where to add more."""

    default_message = QT_TRANSLATE_NOOP(
        "messages", "There is not enough credit on your AITasker account for this task. Nothing was posted."
    )

    # The same refusal of something other than a post (choosing a version, approving): nothing changed.
    not_posting_message = QT_TRANSLATE_NOOP(
        "messages", "There is not enough credit on your AITasker account for this. Nothing was changed."
    )

    def __init__(
        self,
        user_message: str | None = None,
        *,
        amount_usd: float | None = None,
        current_balance_usd: float | None = None,
        topup_url: str | None = None,
        detail: str = "",
        status: int | None = 402,
        posting: bool = True,
    ) -> None:
        self.amount_usd = amount_usd
        self.current_balance_usd = current_balance_usd
        self.topup_url = topup_url
        self.posting = posting
        if user_message is None:
            user_message = self._words() if posting else self._other_words()
        super().__init__(user_message, detail=detail, status=status)

    @property
    def missing_usd(self) -> float | None:
        """How much more credit this task needs; None when the server did not say both numbers, or
        said numbers by which nothing is missing (no "so $0.00 is missing")."""
        if self.amount_usd is None or self.current_balance_usd is None:
            return None
        missing = round(self.amount_usd - self.current_balance_usd, 2)
        return missing if missing > 0 else None

    def _words(self) -> str | None:
        missing = self.missing_usd
        if missing is not None and self.amount_usd is not None and self.current_balance_usd is not None:
            return fill(
                translate(
                    "messages",
                    "Not enough credit: this task needs %1 and your credit is %2, so %3 is missing. Nothing was posted.",
                ),
                money(self.amount_usd),
                money(self.current_balance_usd),
                money(missing),
            )
        if self.amount_usd is not None:
            return fill(
                translate("messages", "Not enough credit: this task needs %1. Nothing was posted."),
                money(self.amount_usd),
            )
        return None

    def _other_words(self) -> str:
        missing = self.missing_usd
        if missing is not None and self.amount_usd is not None and self.current_balance_usd is not None:
            return fill(
                translate(
                    "messages",
                    "Not enough credit: this needs %1 and your credit is %2, so %3 is missing. Nothing was changed.",
                ),
                money(self.amount_usd),
                money(self.current_balance_usd),
                money(missing),
            )
        return translate("messages", self.not_posting_message)


# The names a refusal for lack of credit gives its numbers (the documented ones first).
AMOUNT_FIELDS = ("amount_usd", "required_usd", "needed_usd", "cost_usd")
BALANCE_FIELDS = ("current_balance_usd", "balance_usd", "available_usd")
TOPUP_FIELDS = ("topup_url", "top_up_url")
CREDIT_FIELDS = AMOUNT_FIELDS + BALANCE_FIELDS + TOPUP_FIELDS
CREDIT_STATUSES = (400, 402, 403, 409, 422)  # how servers have been seen to say "not enough credit"
# A code or message saying so ("insufficient_credits", "Not enough credit", "INSUFFICIENT_FUNDS",
# "balance too low"); never "insufficient scope" or "not enough permissions".
_NOT_ENOUGH = re.compile(
    r"(insufficient|not[\s_-]*enough|too[\s_-]*little)[\s_-]*(prepaid[\s_-]*)?(credit|fund|balance)"
    r"|(credit|balance|fund)s?[\s_-]*(is[\s_-]*)?(too[\s_-]*low|insufficient|exhausted)"
    r"|payment[\s_-]*required",
    re.IGNORECASE,
)
_SAYING_FIELDS = ("detail", "message", "error", "code", "type", "title", "reason")


def _first(fields: dict[str, Any], names: tuple[str, ...]) -> Any:
    return next((fields[name] for name in names if fields.get(name) is not None), None)


def _web_address(value: Any) -> str | None:
    """A top-up address only when it is a plain web address (never javascript:, file: ...)."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    lowered = text.lower()
    if not (lowered.startswith("https://") or lowered.startswith("http://")) or any(c.isspace() for c in text):
        return None
    return text[:2000]


def _credit_fields(data: Any) -> dict[str, Any] | None:
    """The object carrying the credit fields: the body itself, its ``detail``, its ``error`` or an
    ``error.data`` (JSON-RPC's shape); None when none carries any of them."""
    for candidate in _parts(data):
        if any(key in candidate for key in CREDIT_FIELDS):
            return candidate
    return None


def _parts(data: Any) -> list[dict[str, Any]]:
    """The body and the objects a server nests its error in (``detail``, ``error``, ``data``, ``error.data``)."""
    candidates = [data]
    if isinstance(data, dict):
        for key in ("detail", "error", "data"):
            inner = data.get(key)
            candidates.append(inner)
            if isinstance(inner, dict):
                candidates.append(inner.get("data"))
    return [candidate for candidate in candidates if isinstance(candidate, dict)]


def _says_not_enough_credit(data: Any) -> bool:
    """Whether the body's code or message says the credit is short, in any of the usual places."""
    texts: list[Any] = [data] if isinstance(data, str) else []
    for part in _parts(data):
        texts.extend(part.get(key) for key in _SAYING_FIELDS)
    return any(isinstance(text, str) and _NOT_ENOUGH.search(text[:2000]) for text in texts)


def credit_refusal(status: int, data: Any, *, detail: str = "", posting: bool = True) -> NotEnoughCredit | None:
    """A refusal for lack of credit, however the server shapes it: a 402 (Payment Required) always;
    a 400, 403, 409 or 422 when its body carries the credit's numbers (``amount_usd``,
    ``current_balance_usd``, ``topup_url`` or their usual other names) or a code or message saying
    the credit is short ("insufficient_credits"). Such a 403 is about money, not about the key.
    ``posting``: the refused request was a post (else its words say nothing changed, not "nothing
    was posted"). None otherwise. Numbers that are not amounts (negative prices, NaN, text) are taken as not said."""
    if status not in CREDIT_STATUSES:
        return None
    fields = _credit_fields(data)
    if fields is None and status != 402 and not _says_not_enough_credit(data):
        return None
    fields = fields or {}
    return NotEnoughCredit(
        amount_usd=amount(_first(fields, AMOUNT_FIELDS)),
        current_balance_usd=amount(_first(fields, BALANCE_FIELDS), negative=True),
        topup_url=_web_address(_first(fields, TOPUP_FIELDS)),
        detail=detail,
        status=status,
        posting=posting,
    )


# The longest wait a Retry-After is taken for: a server asking for days (or years) is asked again
# within the hour. Longer waits also overflow the Qt timer under the asyncio loop (about 24.8 days),
# which then ends the wait at once.
MAX_RETRY_AFTER = 3600.0


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP date, at most
    :data:`MAX_RETRY_AFTER`; else None."""
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
        return min(MAX_RETRY_AFTER, max(0.0, seconds)) if math.isfinite(seconds) else None
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
    return min(MAX_RETRY_AFTER, max(0.0, when.timestamp() - current))


__all__ = [
    "ApiError",
    "UserFacingError",
    "BadResponse",
    "Forbidden",
    "InvalidAddress",
    "InvalidTask",
    "NotEnoughCredit",
    "NotFound",
    "Offline",
    "OutcomeUnknown",
    "RateLimited",
    "ServerError",
    "Unauthorized",
    "credit_refusal",
    "parse_retry_after",
    "server_problem_words",
]
