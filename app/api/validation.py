"""The one translator of validation problems into plain words, per field.

Used for the form's own checks (pydantic's ``ValidationError.errors()`` of a :class:`TaskDraft`),
for a number box refusing a keystroke, and for a server 422 (FastAPI's ``detail`` list) alike, so
that "Input should be less than or equal to 300" from the server reads exactly like the form's own
"The highest budget is $300.00.".
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app import translatable
from app.api.contract import NumberLimits, number_limits
from app.translatable import QT_TRANSLATE_NOOP, fill, translate

if TYPE_CHECKING:
    from app.api.schema import TaskDraft

# How a field is called inside a sentence.
NOUNS = {
    "category": QT_TRANSLATE_NOOP("messages", "a category"),
    "task_type": QT_TRANSLATE_NOOP("messages", "a task type"),
    "budget_usd": QT_TRANSLATE_NOOP("messages", "budget"),
    "experimentation": QT_TRANSLATE_NOOP("messages", "experimentation"),
}
MONEY_FIELDS = ("budget_usd",)
NUMBER_FIELDS = ("budget_usd", "experimentation")
_LOCATIONS = ("body", "query", "path", "header")


def money_words(value: float, decimals: int = 2) -> str:
    """Dollars as the app writes them everywhere: $1,234.50 (in German 1.234,50 $)."""
    return translatable.money(value, decimals)


def number_words(value: float, limits: NumberLimits, *, money: bool) -> str:
    return money_words(value, limits.decimals) if money else translatable.decimal(value, limits.decimals)


def _limits(field: str) -> NumberLimits | None:
    try:
        return number_limits(field)
    except (KeyError, AttributeError):
        return None


def highest_message(noun: str, words: str) -> str:
    return fill(translate("messages", "The highest %1 is %2."), noun, words)


def lowest_message(noun: str, words: str) -> str:
    return fill(translate("messages", "The lowest %1 is %2."), noun, words)


def _bound_message(field: str, kind: str, ctx: dict[str, Any]) -> str:
    high = kind.startswith("less_than")
    limits = _limits(field)
    noun = translate("messages", NOUNS[field]) if field in NOUNS else translate("messages", "value")
    if limits is not None:
        bound = limits.maximum if high else limits.minimum
        words = number_words(bound, limits, money=field in MONEY_FIELDS)
    else:
        words = str(next((ctx[k] for k in ("le", "lt", "ge", "gt") if k in ctx), translate("messages", "the limit")))
    return highest_message(noun, words) if high else lowest_message(noun, words)


def _message(field: str, kind: str, ctx: dict[str, Any], error: dict[str, Any]) -> str:
    if field in ("category", "task_type") and kind in ("missing", "string_too_short", "value_error", "string_type"):
        return fill(translate("messages", "Please choose %1."), translate("messages", NOUNS[field]))
    if kind == "string_too_long" and "max_length" in ctx:
        most = int(ctx.get("max_length", 0))
        typed = error.get("input")
        over = len(typed) - most if isinstance(typed, str) else 0
        if over > 0:
            if over == 1:
                return fill(translate("messages", "This is 1 character too long (at most %1)."), most)
            return fill(translate("messages", "This is %1 characters too long (at most %2)."), over, most)
        return fill(translate("messages", "This is too long (at most %1 characters)."), most)
    if kind == "string_too_short" and "min_length" in ctx:
        least = int(ctx["min_length"])
        if least == 1:
            return translate("messages", "This needs at least 1 character.")
        return fill(translate("messages", "This needs at least %1 characters."), least)
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        return _bound_message(field, kind, ctx)
    if kind == "string_unicode":
        return "This contains a broken character (half of an emoji or symbol). Please retype the last characters."
    if kind.startswith("uuid"):
        return translate(
            "messages", "This doesn't look like an ID. An ID looks like 123e4567-e89b-12d3-a456-426614174000."
        )
    if kind in ("dict_type", "model_type"):
        return translate("messages", "This must be a list of names and values.")
    if field in NUMBER_FIELDS and kind in ("float_parsing", "float_type", "finite_number", "value_error"):
        return translate("messages", "Please enter a number.")
    message = str(error.get("msg") or translate("messages", "This value is not accepted."))
    return message.removeprefix("Value error, ")


def plain_field_errors(errors: list[Any]) -> dict[str, list[str]]:
    """Validation problems (pydantic's or a server's 422 ``detail``) as sentences by field name;
    problems with no field, or with a field the task does not have, go under ``"__all__"``."""
    fields: dict[str, list[str]] = {}
    for error in errors:
        if not isinstance(error, dict):
            fields.setdefault("__all__", []).append(str(error))
            continue
        loc = [str(part) for part in error.get("loc") or ()]
        if loc and loc[0] in _LOCATIONS:
            loc = loc[1:]
        field = loc[0] if loc else "__all__"
        kind = str(error.get("type") or "")
        ctx = error.get("ctx") or {}
        if kind == "extra_forbidden":
            fields.setdefault("__all__", []).append(
                fill(translate("messages", "'%1' is not something AITasker accepts."), field)
            )
            continue
        fields.setdefault(field, []).append(_message(field, kind, ctx, error))
    return fields


def refused_number_message(
    typed: str, number: float | None, limits: NumberLimits, *, noun: str, money: bool, decimal_point: str = "."
) -> str:
    """Why a number box did not take a keystroke or a paste (``number`` is None when unreadable)."""
    if number is not None and number > limits.maximum:
        return highest_message(noun, number_words(limits.maximum, limits, money=money))
    if (number is not None and number < limits.minimum) or typed.startswith("-"):
        return lowest_message(noun, number_words(limits.minimum, limits, money=money))
    if decimal_point in typed and len(typed.split(decimal_point, 1)[1]) > limits.decimals:
        if money:
            return fill(translate("messages", "At most %1 decimals (cents)."), limits.decimals)
        return fill(translate("messages", "At most %1 decimals."), limits.decimals)
    return translate("messages", "Only a number can go here.")


def check_draft(values: dict[str, Any]) -> tuple[TaskDraft | None, dict[str, list[str]] | None]:
    """``values`` as the request to send (a :class:`TaskDraft`), or its problems in plain words,
    by field. pydantic is imported on the first check, not at start: the window's first picture
    does not need it."""
    from pydantic import ValidationError

    from app.api.schema import TaskDraft

    try:
        return TaskDraft.model_validate(values), None
    except ValidationError as exc:
        return None, plain_field_errors(exc.errors())


__all__ = [
    "check_draft",
    "NOUNS",
    "highest_message",
    "lowest_message",
    "money_words",
    "number_words",
    "plain_field_errors",
    "refused_number_message",
]
