"""Budget guidance for someone posting a task: where to start, what a budget pays for, and what to
say when a typed amount is outside the limits.

Where to start (decided here, since AITasker publishes no typical prices): a new AITasker account
comes with $10 of free credit (api notes §3.7), so a first task of at most $10 costs the person
nothing out of pocket and shows what agents make before more is spent. Small pieces (a social media
post, a translation, a summary) start lower, since they are smaller jobs; nothing starts at the $3
minimum, which says "as cheap as possible" rather than "a fair price". After that, the app starts
each task type where the person last left it: the last budget sent for that type is remembered.

Typed amounts over the limit: the amount typed is kept and named in the message ("$500.00 is more
than the highest budget, $300.00"), Send waits until it is changed. Replacing it with another
number would spend an amount the person never typed.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Protocol

from app.api.contract import number_limits
from app.api.validation import money_words
from app.translatable import QT_TRANSLATE_NOOP, fill, translate

LIMITS = number_limits("budget_usd")

# Where a first task of each type starts (dollars). See the module's docstring for why.
FIRST_BUDGETS: dict[str, float] = {
    "blog-post": 10.0,
    "translation": 8.0,
    "logo-design": 10.0,
    "banner-design": 8.0,
    "social-media-post": 5.0,
    "data-analysis": 10.0,
    "data-analysis-summary": 8.0,
    "business-plan": 10.0,
}
FIRST_BUDGET = 10.0  # any other task type, and before a task type is chosen

# What a budget pays for, by range: (lowest amount of the range, sentence). Every sentence here is
# marked for translation and shown in the user's language (``translate`` where it is said).
_RANGES: list[tuple[float, str]] = [
    (0.0, QT_TRANSLATE_NOOP("messages", "Enough for a small piece: a caption, a short text or a first simple idea.")),
    (
        10.0,
        QT_TRANSLATE_NOOP(
            "messages", "Enough for a typical small job: a logo idea, a blog post or a short translation."
        ),
    ),
    (
        25.0,
        QT_TRANSLATE_NOOP(
            "messages", "Pays for a fuller job with more detail: several logo ideas, a long article or a data report."
        ),
    ),
    (
        75.0,
        QT_TRANSLATE_NOOP(
            "messages",
            "Pays for a substantial job: a complete brand look, a series of posts or an in-depth analysis.",
        ),
    ),
    (
        150.0,
        QT_TRANSLATE_NOOP("messages", "Pays for a large or specialist job: agents can give it more time and care."),
    ),
]
# Said with every range: what happens to the money (api notes §4: held until approval).
PAID_WHEN = QT_TRANSLATE_NOOP("messages", "You pay only when you approve a final version.")
SAME_AS_LAST = QT_TRANSLATE_NOOP("messages", "The same as your last task of this type.")
MODEST_FIRST = QT_TRANSLATE_NOOP("messages", "A modest first amount: it fits in the free credit new accounts get.")

# How many task types' last budgets are kept (the oldest is forgotten first).
REMEMBERED_TYPES = 50
_SETTING = "budget.last_by_type"


def money(value: float) -> str:
    """'$1,250.00': the app's one way of writing an amount (app.api.validation.money_words)."""
    return money_words(value, LIMITS.decimals)


def first_budget(task_type: str | None) -> float:
    return FIRST_BUDGETS.get(task_type or "", FIRST_BUDGET)


def pays_for(value: float) -> str:
    """One sentence, in the user's language, on what a budget of this size pays for."""
    sentence = _RANGES[0][1]
    for lowest, text in _RANGES:
        if value >= lowest:
            sentence = text
    return translate("messages", sentence)


def guidance_line(value: float, source: str = "") -> str:
    """The line under the budget, in the user's language: what it pays for, when it is paid, and
    ``source`` (one of ``SAME_AS_LAST``, ``MODEST_FIRST``: where the amount came from), if any."""
    parts = (pays_for(value), translate("messages", PAID_WHEN), translate("messages", source) if source else "")
    return " ".join(part for part in parts if part)


def budget_problem(value: float | None) -> str | None:
    """What is wrong with a typed budget, in the user's language, naming the amount typed; None
    when it can be sent."""
    if value is None or not math.isfinite(value):
        return translate("messages", "Please enter an amount in dollars.")
    if value > LIMITS.maximum:
        return fill(
            translate("messages", "%1 is more than the highest budget, %2. Lower it to send."),
            money(value),
            money(LIMITS.maximum),
        )
    if value < LIMITS.minimum:
        return fill(
            translate("messages", "%1 is less than the lowest budget, %2. Raise it to send."),
            money(value),
            money(LIMITS.minimum),
        )
    if round(value, LIMITS.decimals) != value:
        return fill(translate("messages", "Amounts go to the cent: %1 has smaller parts."), money(value))
    return None


class Settings(Protocol):
    def get_setting(self, key: str) -> str | None: ...

    def set_setting(self, key: str, value: str | None) -> None: ...


@dataclass
class BudgetMemory:
    """The last budget sent per task type, kept in the store's settings (at most
    ``REMEMBERED_TYPES`` task types: typed task types can be anything, the list must not grow)."""

    settings: Settings

    def _load(self) -> dict[str, float]:
        raw = self.settings.get_setting(_SETTING)
        if not raw:
            return {}
        try:
            data = json.loads(raw)
        except ValueError:
            return {}
        if not isinstance(data, dict):
            return {}
        return {
            k: float(v)
            for k, v in data.items()
            if isinstance(k, str)
            and isinstance(v, (int, float))
            and not isinstance(v, bool)
            and LIMITS.minimum <= float(v) <= LIMITS.maximum
        }

    def last(self, task_type: str | None) -> float | None:
        if not task_type:
            return None
        return self._load().get(task_type)

    def remember(self, task_type: str, value: float) -> None:
        """Call when a task was sent: that type starts at this budget next time."""
        if not task_type or budget_problem(value) is not None:
            return
        data = self._load()
        data.pop(task_type, None)
        data[task_type] = value  # newest last
        while len(data) > REMEMBERED_TYPES:
            data.pop(next(iter(data)))
        self.settings.set_setting(_SETTING, json.dumps(data))

    def start_for(self, task_type: str | None) -> float:
        """Where the budget starts for a task type: the last one sent, else the first-time default."""
        last = self.last(task_type)
        return first_budget(task_type) if last is None else last

    def guidance(self, task_type: str | None, value: float) -> str:
        """The line under the budget: what it pays for, and where the starting amount came from."""
        last = self.last(task_type)
        if last is not None and last == value:
            source = SAME_AS_LAST
        elif last is None and value == first_budget(task_type):
            source = MODEST_FIRST
        else:
            source = ""
        return guidance_line(value, source)
