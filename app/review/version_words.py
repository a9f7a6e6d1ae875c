"""The words of a version's facts that come from the server as keys: an agent's tier ("Top rated")
and the judge's breakdown ("quality", "fit_to_brief"). The ones the app knows are shown in the
user's language; any other is shown as the server wrote it (a key in words)."""

from __future__ import annotations

from app.translatable import QT_TRANSLATE_NOOP, decimal, integer, translate

# Tiers as the practice server names them (the API documents a string and no values), by their
# key in lower case with spaces.
TIER_NAMES = {
    "top rated": QT_TRANSLATE_NOOP("messages", "Top rated"),
    "rising talent": QT_TRANSLATE_NOOP("messages", "Rising talent"),
    "established": QT_TRANSLATE_NOOP("messages", "Established"),
    "newcomer": QT_TRANSLATE_NOOP("messages", "Newcomer"),
}
# What the judge scored, by the breakdown's keys.
BREAKDOWN_NAMES = {
    "quality": QT_TRANSLATE_NOOP("messages", "Quality"),
    "fit to brief": QT_TRANSLATE_NOOP("messages", "Fit to brief"),
    "originality": QT_TRANSLATE_NOOP("messages", "Originality"),
}


def _key(text: str) -> str:
    return " ".join(text.replace("_", " ").replace("-", " ").split()).casefold()


def tier_words(tier: str) -> str:
    """An agent's tier in the user's language when the app knows it, else as sent."""
    known = TIER_NAMES.get(_key(tier))
    return translate("messages", known) if known is not None else tier


def breakdown_label(key: str) -> str:
    """A breakdown key in words: the user's language's for a key the app knows ("Quality"), else the
    key with spaces for underscores ("Speed of delivery"), else "Score"."""
    known = BREAKDOWN_NAMES.get(_key(key))
    if known is not None:
        return translate("messages", known)
    words = key.replace("_", " ").replace("-", " ").strip().capitalize()
    return words or translate("messages", "Score")


def score_number(value: float) -> str:
    """A score as short as it is exact (9, 8.5, 7.25), with the user's decimal mark."""
    text = f"{value:g}"
    if "e" in text or "inf" in text or "nan" in text:
        return text
    if "." not in text:
        return integer(int(value))
    return decimal(value, len(text.split(".")[1]))
