"""A dollar amount as a server wrote it, read one way everywhere (the balance, a refusal for lack
of credit, a task's budget, what was paid or refunded).

A finite JSON number, or a number written as text ("31.50", "$31.50", "1,005.00" with commas
between thousands). Anything else is *not said* (None) rather than guessed: a comma used as the
decimal mark ("31,50") is not read as 3,150; NaN, Infinity, a number too large to be money
(:data:`LARGEST`), a boolean, an object or a list are not amounts. A negative amount is read
only where one can be true (a balance in debt), never for a price, a budget or a payment.
"""

from __future__ import annotations

import math
import re
from typing import Any

LARGEST = 1e12  # dollars: anything this large is not an amount of money a person holds
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?")  # 1,005.00 — commas between thousands only


def amount(value: Any, *, negative: bool = False) -> float | None:
    """Dollars rounded to cents, or None when ``value`` is not a readable amount."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("$"):
            text = text[1:].strip()
        if "," in text:
            if not _GROUPED.fullmatch(text):
                return None  # "31,50" may be 31.50 or 3,150: not guessed
            text = text.replace(",", "")
        try:
            value = float(text)
        except ValueError:
            return None
    if isinstance(value, int):
        if abs(value) >= LARGEST:  # also an integer too large for a float
            return None
        value = float(value)
    if not isinstance(value, float) or not math.isfinite(value) or abs(value) >= LARGEST:
        return None
    if value < 0 and not negative:
        return None
    return round(value, 2)
