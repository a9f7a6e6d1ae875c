"""How the review writes a version's values (its price, its score)."""

from __future__ import annotations

from ui.i18n import money


def price_text(value: float | None) -> str:
    return "—" if value is None else money(value)
