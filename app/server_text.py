"""Text from the server, shown so that it cannot rearrange the words around it.

A name such as "Invoice\u202efdp.exe" (a right-to-left override) would turn a whole button around
("Open Invoice.pdf elpmaxe.live no …"). :func:`isolate` removes the explicit direction controls
(U+202A–U+202E, U+2066–U+2069) and wraps text that holds right-to-left characters in FIRST STRONG
ISOLATE … POP DIRECTIONAL ISOLATE (Unicode UAX #9), so it keeps its own direction inside the
sentence without moving anything outside it. Left-to-right text needs no isolate in these
left-to-right sentences and is returned as it is (so copying it copies no invisible characters).
"""

from __future__ import annotations

import unicodedata

FSI = "\u2068"
PDI = "\u2069"
_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
_RIGHT_TO_LEFT = frozenset(("R", "AL", "AN"))


def without_direction_controls(text: str) -> str:
    return text.translate(_CONTROLS)


def isolate(text: str) -> str:
    """``text`` without direction controls; isolated (FSI … PDI) when it holds right-to-left letters."""
    clean = without_direction_controls(text)
    if any(unicodedata.bidirectional(c) in _RIGHT_TO_LEFT for c in clean):
        return FSI + clean + PDI
    return clean


def isolate_lines(text: str) -> str:
    """:func:`isolate` for each line (an isolate ends with its paragraph)."""
    return "\n".join(isolate(line) for line in text.split("\n"))
