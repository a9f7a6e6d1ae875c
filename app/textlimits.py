r"""Text lengths: what AITasker counts, and what a person sees.

AITasker's limits (title ≤ 200, description ≤ 5000: :mod:`app.api.contract`, api notes §3.1) are
``maxLength`` in its OpenAPI schema, checked by pydantic: they count **characters as code points**
(``len(str)``), never UTF-16 units and never what a person sees as one character. A person sees
*grapheme clusters* (Unicode UAX #29): 👨‍👩‍👧 is one character on screen and five code points; 👍🏽,
🇫🇷, "é" written as e + accent, "नि" are one on screen and two code points.

So, where a person sees characters:

- a text is cut only between grapheme clusters (:func:`fit`): never a lone 👨 from a family, a
  thumb without its skin tone or half a flag, and never past the API's limit. A cluster that does
  not fit whole is left out, even the first one;
- the counter counts clusters (:func:`counted`): "1/196" for a family, the limit shown being how
  many characters there is room for in all, what is there plus what still fits of the API's limit;
  it says "that is the most" exactly when nothing more fits, and "N too many" in the API's count.

Qt counts UTF-16 units: ``QLineEdit.setMaxLength(200)`` holds only 100 emoji, and cutting there
can leave half of a character (a lone surrogate) that can't even be saved. The form uses
:func:`qt_max_length` and :func:`fit` instead. Clusters come from the ``regex`` module (``\X``),
imported the first time a text needs it (plain Latin text never does).

Limits themselves live in :mod:`app.api.schema` (``max_length``); nothing here repeats a number.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from itertools import accumulate

from app.translatable import QT_TRANSLATE_NOOP, fill, translate


def clean(text: str) -> str:
    """``text`` with surrogate pairs joined into the characters they stand for and lone halves
    dropped: what can be saved and sent."""
    if not any("\ud800" <= c <= "\udfff" for c in text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "ignore")


def char_count(text: str) -> int:
    """Characters as the API counts them (code points), for counters such as "120/200"."""
    return len(clean(text))


def utf16_units(text: str) -> int:
    """What Qt counts: UTF-16 units (2 for an emoji)."""
    return len(clean(text).encode("utf-16-le")) // 2


def qt_max_length(limit: int) -> int:
    """A ``QLineEdit.setMaxLength`` for a field of ``limit`` characters that leaves the cut to
    :func:`fit`. Each character takes at most 2 UTF-16 units, so text of ``limit`` characters is
    never cut by Qt; and when Qt does cut (a long paste), what it keeps is more than ``limit``
    characters (4 units to spare, even if Qt splits an emoji in half), so the part of a character
    Qt left at its cut (👨 of 👨‍👩‍👧) lies past the limit and :func:`fit` leaves it out."""
    return 2 * limit + 4


def _simple(text: str) -> bool:
    """True when every code point is a cluster of its own: below U+0300 (where the combining marks
    start), and no CR (CR LF is one cluster). Most Latin text: no need to load ``regex``."""
    return not text or (max(text) < "\u0300" and "\r" not in text)


@lru_cache(maxsize=1)
def _cluster_finder() -> Callable[[str], list[str]]:
    import regex  # third-party: Unicode's extended grapheme clusters (UAX #29), as ``\X``

    return regex.compile(r"\X").findall


def clusters(text: str) -> list[str]:
    """What a person sees as characters, in order (``"".join(clusters(t)) == t``)."""
    return list(text) if _simple(text) else _cluster_finder()(text)


def shown_count(text: str) -> int:
    """Characters as a person sees them (grapheme clusters)."""
    text = clean(text)
    return len(text) if _simple(text) else len(_cluster_finder()(text))


def counted(text: str, limit: int | None) -> tuple[int, int | None]:
    """What a counter under a field shows: (characters a person sees, room for how many in all).

    Room in all = what is there plus what still fits of ``limit`` (the API's count): ``limit`` for
    text whose characters are one code point each; less when some take several (a family emoji:
    1 shown, room for 196). Both are equal exactly when nothing more fits; when the text is too
    long, their difference is how many of the API's characters are too many."""
    shown = shown_count(text)
    if limit is None:
        return shown, None
    return shown, shown + limit - char_count(text)


ROOM_NOTE = QT_TRANSLATE_NOOP(
    "messages",
    "Some characters, such as 👍🏽 or 👨‍👩‍👧, take more than one of the %1 that AITasker allows here, "
    "so there is room for fewer.",
)


def room_note(text: str, limit: int | None) -> str:
    """Why the counter's "room in all" is below the limit ("" when it is not)."""
    if limit is None or shown_count(text) == char_count(text):
        return ""
    return fill(translate("messages", ROOM_NOTE), limit)


def is_boundary(text: str, index: int) -> bool:
    """Is code point ``index`` between two characters a person sees as separate?"""
    if index <= 0 or index >= len(text):
        return True
    if _simple(text):
        return True
    return index in set(accumulate(len(c) for c in _cluster_finder()(text)))


def fit(text: str, limit: int) -> str:
    """The longest start of ``text`` made of whole characters as a person sees them (grapheme
    clusters) that is at most ``limit`` characters as AITasker counts them (code points). A
    cluster that does not fit whole is left out, even the first: never a lone 👨 from 👨‍👩‍👧."""
    text = clean(text)
    limit = max(limit, 0)
    if len(text) <= limit:
        return text
    if _simple(text):
        return text[:limit]
    end = 0
    for cluster in _cluster_finder()(text):
        if end + len(cluster) > limit:
            break
        end += len(cluster)
    return text[:end]
