"""The one error of keeping a key (:class:`KeyStorageError`), and technical details without the key."""

from __future__ import annotations

from app.api.errors import UserFacingError


class KeyStorageError(UserFacingError):
    """The key could not be stored, read or removed.

    Same shape as :class:`app.api.errors.ApiError`: ``user_message`` is a plain sentence for the
    person, ``detail`` the technical part for the Details expander and the log. Neither contains
    the key.
    """

    def __init__(self, user_message: str, *, detail: str = "") -> None:
        super().__init__(user_message, detail=detail)


def describe(exc: BaseException, key: str | None = None) -> str:
    """The exception's type and text for a log or a ``detail``, with ``key`` blanked out."""
    text = f"{type(exc).__name__}: {exc}"
    return text.replace(key, "[redacted]") if key else text
