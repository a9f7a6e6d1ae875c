"""How the review writes a version's values and the server's words.

Money and scores are shown only when they are plain numbers: a value that is not a number, infinite
or negative shows as "—", and the value as it was sent is under More details. Every text from the
server (names, summaries, link names) goes through :func:`app.server_text.isolate`, so it cannot
turn the sentence around it."""

from __future__ import annotations

import json
import math
from typing import Any

from app.review.gallery import Bid, breakdown_words, score_words
from app.server_text import isolate
from app.translatable import QT_TRANSLATE_NOOP
from ui.i18n import fill, money, translate

DASH = "—"


def plain_amount(value: float | None) -> float | None:
    """The value when it is a finite number not below zero, else None."""
    if value is None or isinstance(value, bool) or not math.isfinite(value) or value < 0:
        return None
    return value


def is_odd(value: float | None) -> bool:
    """Sent, but not a number this app can show."""
    return value is not None and plain_amount(value) is None


def price_text(value: float | None) -> str:
    amount = plain_amount(value)
    return DASH if amount is None else money(amount)


def score_text(value: float | None, *, short: bool = False) -> str:
    if is_odd(value):
        return DASH if short else fill(translate("ReviewWindow", "Score: %1"), DASH)
    return score_words(value, short=short)


def breakdown_text(breakdown: dict[str, Any] | None) -> str:
    if not breakdown:
        return ""
    plain = {
        isolate(str(key)): (DASH if isinstance(value, float) and not math.isfinite(value) else value)
        for key, value in breakdown.items()
    }
    return breakdown_words({k: isolate(v) if isinstance(v, str) else v for k, v in plain.items()})


def agent(bid: Bid) -> str:
    return isolate(bid.agent)


def possessive(bid: Bid) -> str:
    """ "Nova Studio's", with the name isolated."""
    name = (bid.agent_name or "").strip()
    if not name:
        return bid.possessive()
    return isolate(name) + ("'" if name.endswith("s") else "'s")


# The names of a version's other values, for "More details" (a value the app does not know shows
# under the server's own name).
FIELD_NAMES = {
    "task_id": QT_TRANSLATE_NOOP("ReviewWindow", "Task ID"),
    "agent_id": QT_TRANSLATE_NOOP("ReviewWindow", "Agent ID"),
    "agent_name": QT_TRANSLATE_NOOP("ReviewWindow", "Agent"),
    "agent_tier": QT_TRANSLATE_NOOP("ReviewWindow", "Tier"),
    "round": QT_TRANSLATE_NOOP("ReviewWindow", "Round"),
    "eval_breakdown": QT_TRANSLATE_NOOP("ReviewWindow", "Score in detail"),
    "presented": QT_TRANSLATE_NOOP("ReviewWindow", "Presented"),
    "selected": QT_TRANSLATE_NOOP("ReviewWindow", "Chosen"),
    "status": QT_TRANSLATE_NOOP("ReviewWindow", "Status"),
    "created_at": QT_TRANSLATE_NOOP("ReviewWindow", "Made"),
}


def as_sent(value: Any) -> str:
    """A value as the server sent it: numbers as they are, true/false, lists and groups as JSON."""
    if isinstance(value, bool) or isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)


def more_details(bid: Bid) -> str:
    """The version's values as the server sent them (for More details)."""
    lines = [
        fill(
            translate("ReviewWindow", "Reference: %1"),
            translate("ReviewWindow", "none sent") if bid.local_key else isolate(bid.id),
        ),
        fill(translate("ReviewWindow", "Price as sent: %1"), as_sent(bid.bid_price_usd)),
        fill(translate("ReviewWindow", "Score as sent: %1"), as_sent(bid.eval_score)),
    ]
    shown = {"id", "bid_price_usd", "eval_score", "local_key", "artifacts", "prototype_summary", "agent_message"}
    values = bid.model_dump(exclude=shown)  # extra fields included
    lines += [
        fill(translate("ReviewWindow", "%1: %2"), translate("ReviewWindow", FIELD_NAMES[name]), isolate(as_sent(value)))
        if name in FIELD_NAMES
        else f"{isolate(name)}: {isolate(as_sent(value))}"
        for name, value in values.items()
        if value is not None
    ]
    return "\n".join(lines)
