"""Suggest a category and task type from what the person typed, on this computer.

No network: words of the title and description are matched against the taxonomy's own names and
a bundled list of everyday words (``resources/task_words.json``). The title counts double, since
people name the thing they need there ("Logo for my bakery"). Plurals and case are folded. A
suggestion is only made when one task type clearly leads; when two are tied the category alone is
suggested (if they share it), else nothing: a wrong suggestion is worse than none.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

import resources
from app.taxonomy import Category

# Weights: a listed word or the full name of a task type is a strong sign; one word of a
# multi-word name ("design" of "Logo design") is a weak one. Category words count less than
# task-type words so that a specific word decides between types of one category.
_TYPE_WORD = 3
_NAME_WORD = 1
_CATEGORY_WORD = 2
_TITLE = 2
_DESCRIPTION = 1
# The least score that makes a suggestion: one strong word in the description, or a
# category word in the title.
_MIN_TYPE_SCORE = 3
_MIN_CATEGORY_SCORE = 3

# Words of names too common to say anything alone.
_STOP = frozenset({"and", "or", "the", "a", "an", "of", "for", "to", "in", "on", "with", "my", "our", "your", "&"})

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


def stem(word: str) -> str:
    """Fold case and a plural's ending: 'Logos' -> 'logo', 'bakeries' -> 'bakery', 'boxes' -> 'box'."""
    w = word.lower()
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith("es") and w[:-2].endswith(("s", "x", "z", "ch", "sh")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "is")):
        return w[:-1]
    return w


def words(text: str) -> list[str]:
    """The stemmed words of a text, in order ("bakery's" counts as "bakery")."""
    text = text.replace("’", "'").replace("'s ", " ").replace("'", "")
    return [stem(t) for t in _TOKEN.findall(text)]


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(words(text))


class Suggestion(NamedTuple):
    category: str  # slug
    category_label: str
    task_type: str | None  # slug; None when only the category is clear
    task_type_label: str = ""

    @property
    def text(self) -> str:
        """'Graphics & Design › Logo design' (or the category alone)."""
        if self.task_type is None:
            return self.category_label
        return f"{self.category_label} › {self.task_type_label}"


class WordList(NamedTuple):
    task_types: dict[str, tuple[tuple[str, ...], ...]]
    categories: dict[str, tuple[tuple[str, ...], ...]]
    homes: dict[str, str] = {}  # task type -> its category: its words count for the category where it is not listed


def parse_word_list(data: dict[str, Any]) -> WordList:
    def phrases(group: dict[str, list[str]]) -> dict[str, tuple[tuple[str, ...], ...]]:
        return {slug: tuple(p for p in (_phrase(w) for w in items) if p) for slug, items in group.items()}

    homes = {str(k): str(v) for k, v in dict(data.get("homes", {})).items()}
    return WordList(phrases(data.get("task_types", {})), phrases(data.get("categories", {})), homes)


@lru_cache(maxsize=1)
def bundled_word_list() -> WordList:
    text = resources.path("task_words.json").read_text(encoding="utf-8")
    return parse_word_list(json.loads(text))


class _Words:
    """The words of a text with where each occurs, so a phrase is found without scanning."""

    def __init__(self, tokens: Sequence[str]) -> None:
        self.tokens = list(tokens)
        self.at: dict[str, list[int]] = {}
        for i, token in enumerate(self.tokens):
            self.at.setdefault(token, []).append(i)

    def __len__(self) -> int:
        return len(self.tokens)

    def find(self, phrase: tuple[str, ...]) -> int | None:
        """Where the phrase first occurs, or None."""
        n = len(phrase)
        for i in self.at.get(phrase[0], ()):
            if n == 1 or tuple(self.tokens[i : i + n]) == phrase:
                return i
        return None


@dataclass
class _Score:
    points: int = 0
    first: int = 1 << 30  # position of the earliest match (title before description)


def _score(signs: Iterable[tuple[tuple[str, ...], int]], title: _Words, description: _Words) -> _Score:
    """Each sign (phrase, weight) counts once, at its highest weight, where it weighs most (title
    before description); the earliest match is kept."""
    strongest: dict[tuple[str, ...], int] = {}
    for phrase, weight in signs:
        strongest[phrase] = max(weight, strongest.get(phrase, 0))
    score = _Score()
    for phrase, weight in strongest.items():
        at_title = title.find(phrase)
        at_description = description.find(phrase)
        if at_title is not None:
            score.points += weight * _TITLE
            score.first = min(score.first, at_title)
        elif at_description is not None:
            score.points += weight * _DESCRIPTION
            score.first = min(score.first, len(title) + at_description)
    return score


def _name_signs(name: str, strong: int) -> list[tuple[tuple[str, ...], int]]:
    """The whole name is a strong sign; each of its words (for a multi-word name) a weak one."""
    phrase = _phrase(name.replace("&", " "))
    signs = [(phrase, strong)] if phrase else []
    if len(phrase) > 1:
        signs += [((w,), _NAME_WORD) for w in phrase if w not in _STOP]
    return signs


def suggest(
    title: str, description: str, categories: Sequence[Category], word_list: WordList | None = None
) -> Suggestion | None:
    """The category (and task type) the text points to, among ``categories``; None when unclear."""
    word_list = word_list or bundled_word_list()
    t, d = _Words(words(title or "")), _Words(words(description or ""))
    if not len(t) and not len(d):
        return None

    category_scores: dict[str, _Score] = {}
    for category in categories:
        signs = _name_signs(category.label, _CATEGORY_WORD)
        signs += [(p, _CATEGORY_WORD) for p in word_list.categories.get(category.slug, ())]
        listed = {task_type.slug for task_type in category.task_types}
        for type_slug, home in word_list.homes.items():  # a banner is design even where no banner type is listed
            if home == category.slug and type_slug not in listed:
                signs += [(p, _CATEGORY_WORD) for p in word_list.task_types.get(type_slug, ())]
        category_scores[category.slug] = _score(signs, t, d)

    # (points of the type, points with its category, -earliest position) for every task type.
    ranked: list[tuple[int, int, int, Category, int]] = []
    for category in categories:
        for index, task_type in enumerate(category.task_types):
            signs = _name_signs(task_type.label, _TYPE_WORD)
            signs += [(p, _TYPE_WORD) for p in word_list.task_types.get(task_type.slug, ())]
            own = _score(signs, t, d)
            if own.points >= _MIN_TYPE_SCORE:
                ranked.append(
                    (own.points + category_scores[category.slug].points, -own.first, own.points, category, index)
                )
    if ranked:
        ranked.sort(key=lambda r: (r[0], r[1]), reverse=True)
        best = ranked[0]
        tied = [r for r in ranked[1:] if (r[0], r[1]) == (best[0], best[1])]
        category = best[3]
        if not tied:
            task_type = category.task_types[best[4]]
            return Suggestion(category.slug, category.shown, task_type.slug, task_type.shown)
        if all(r[3].slug == category.slug for r in tied):
            return Suggestion(category.slug, category.shown, None)
        return None

    # No task type stands out: a category alone, if one clearly leads.
    scored = sorted(
        ((s.points, -s.first, c) for c in categories if (s := category_scores[c.slug]).points),
        key=lambda r: (r[0], r[1]),
        reverse=True,
    )
    if not scored or scored[0][0] < _MIN_CATEGORY_SCORE:
        return None
    if len(scored) > 1 and scored[1][:2] == scored[0][:2]:
        return None
    category = scored[0][2]
    return Suggestion(category.slug, category.shown, None)


@dataclass
class SuggestionPolicy:
    """When the form offers a suggestion: never over a choice the person made.

    A category or task type the person picked (or a suggestion they accepted, or a reopened
    draft's) is theirs: no suggestion replaces it. A category of theirs still gets the task type
    suggested when the words point to one of its types and none is chosen yet.
    """

    category_chosen: bool = False
    task_type_chosen: bool = False

    def offer(self, suggestion: Suggestion | None, category: str, task_type: str) -> Suggestion | None:
        """The suggestion to show given the current choices (slugs, '' when none), or None."""
        if suggestion is None or self.task_type_chosen:
            return None
        if self.category_chosen and suggestion.category != category:
            return None
        if suggestion.category == category and (suggestion.task_type is None or suggestion.task_type == task_type):
            return None  # already what is chosen
        if suggestion.task_type is None and self.category_chosen:
            return None
        return suggestion

    def person_chose(self, *, category: bool = False, task_type: bool = False) -> None:
        self.category_chosen = self.category_chosen or category
        self.task_type_chosen = self.task_type_chosen or task_type

    def accepted(self, suggestion: Suggestion) -> None:
        self.person_chose(category=True, task_type=suggestion.task_type is not None)

    def reset(self, *, category: str = "", task_type: str = "") -> None:
        """A new form (or a reopened draft: its choices count as the person's)."""
        self.category_chosen = bool(category)
        self.task_type_chosen = bool(task_type)
