"""Text lengths as AITasker counts them: characters (Unicode code points), never UTF-16 units.

Qt counts UTF-16 units: ``QLineEdit.setMaxLength(200)`` holds only 100 emoji, and cutting there
can leave half of a character (a lone surrogate) that can't even be saved. The form instead counts
with :func:`char_count` and, where a field must stop at its limit, shortens with :func:`fit`, which
never splits a character and, where it can, never splits what a person sees as one character
(an accented letter written with a combining mark, a flag, a family emoji, a skin tone).

Limits themselves live in :mod:`app.api.schema` (``max_length``); nothing here repeats a number.
"""

from __future__ import annotations

import unicodedata

ZWJ = "\u200d"


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
    """A ``QLineEdit.setMaxLength`` that never cuts text of ``limit`` characters: each character
    takes at most 2 UTF-16 units. The exact limit is then kept with :func:`fit`."""
    return 2 * limit


def _is_regional_indicator(char: str) -> bool:
    return "\U0001f1e6" <= char <= "\U0001f1ff"


def _extends(char: str) -> bool:
    """Does ``char`` belong to the character before it (no boundary before it)?"""
    if char == ZWJ:
        return True
    code = ord(char)
    if 0x1F3FB <= code <= 0x1F3FF:  # skin tones
        return True
    if 0xE0020 <= code <= 0xE007F:  # tag characters (subdivision flags)
        return True
    if 0x1160 <= code <= 0x11FF or 0xD7B0 <= code <= 0xD7FF:  # Hangul vowels and finals
        return True
    return unicodedata.category(char) in ("Mn", "Me", "Mc")  # combining marks, variation selectors


def is_boundary(text: str, index: int) -> bool:
    """Is ``index`` between two characters a person sees as separate? (A practical subset of
    Unicode's grapheme rules: marks, joiners, modifiers, flags, CR LF.)"""
    if index <= 0 or index >= len(text):
        return True
    before, after = text[index - 1], text[index]
    if before == "\r" and after == "\n":
        return False
    if _extends(after) or before == ZWJ:
        return False
    if _is_regional_indicator(before) and _is_regional_indicator(after):
        run = 0
        while index - run - 1 >= 0 and _is_regional_indicator(text[index - run - 1]):
            run += 1
        return run % 2 == 0  # flags are pairs: inside a pair when an odd number precede
    return True


def fit(text: str, limit: int) -> str:
    """The longest start of ``text`` of at most ``limit`` characters that ends between two
    characters a person sees as separate. When even the first such character is longer than
    ``limit`` (one letter with many marks), it is cut between code points: never in half of one."""
    text = clean(text)
    if len(text) <= limit:
        return text
    cut = max(limit, 0)
    while cut > 0 and not is_boundary(text, cut):
        cut -= 1
    return text[: cut or max(limit, 0)]
