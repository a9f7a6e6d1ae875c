"""Requirements as values: how a value typed in a row is read and shown again, the words for its
kind, the JSON text of the rows and what is wrong with them (see ui.panels.requirements_editor for the
rules). No widgets here."""

from __future__ import annotations

import json
import math
from typing import Any

from app.api.contract import MAX_REQUIREMENTS_DEPTH, REQUIREMENTS_TOO_DEEP, json_nesting_depth
from app.translatable import QT_TRANSLATE_NOOP
from ui.i18n import fill, translate

Pairs = list[tuple[str, Any]]

VALUE_RULES = QT_TRANSLATE_NOOP(
    "RequirementsEditor",
    "Numbers, true, false and null are kept as such; [ ] and { } in JSON are kept as lists and groups. "
    'To keep a value as text, put it in double quotes, like "42".',
)
# Shown as an example of requirements (translated: the names are the person's own choice).
JSON_EXAMPLE = QT_TRANSLATE_NOOP("RequirementsEditor", '{"tone": "friendly", "word_count": 800}')
# What Python's JSON reader says is wrong (its own English words), in the user's language.
JSON_READER_WORDS = (
    QT_TRANSLATE_NOOP("RequirementsEditor", "Expecting value"),
    QT_TRANSLATE_NOOP("RequirementsEditor", "Expecting property name enclosed in double quotes"),
    QT_TRANSLATE_NOOP("RequirementsEditor", "Expecting ':' delimiter"),
    QT_TRANSLATE_NOOP("RequirementsEditor", "Expecting ',' delimiter"),
    QT_TRANSLATE_NOOP("RequirementsEditor", "Unterminated string starting at"),
    QT_TRANSLATE_NOOP("RequirementsEditor", "Invalid control character at"),
    QT_TRANSLATE_NOOP("RequirementsEditor", "Invalid \\escape"),
    QT_TRANSLATE_NOOP("RequirementsEditor", "Invalid \\uXXXX escape"),
    QT_TRANSLATE_NOOP("RequirementsEditor", "Extra data"),
    QT_TRANSLATE_NOOP("RequirementsEditor", "Illegal trailing comma before end of object"),
    QT_TRANSLATE_NOOP("RequirementsEditor", "Illegal trailing comma before end of array"),
)


def reader_words(message: str) -> str:
    """A JSON reader's message in the user's language (as Python says it when unknown)."""
    return translate("RequirementsEditor", message) if message in JSON_READER_WORDS else message


class _NotJson(ValueError):
    pass


class _TooDeep(ValueError):
    pass


def _refuse_constant(name: str) -> Any:
    raise _NotJson(fill(translate("RequirementsEditor", "%1 is not allowed in JSON"), name))


def _finite_float(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise _NotJson(fill(translate("RequirementsEditor", "%1 is too large a number"), text))
    return number


def _loads(text: str, pairs: bool = False) -> Any:
    """Strict JSON: no NaN/Infinity, no numbers that overflow to infinity, nothing nested deeper
    than requirements may be (checked before parsing: deep text would exhaust the parser)."""
    if json_nesting_depth(text, MAX_REQUIREMENTS_DEPTH) > MAX_REQUIREMENTS_DEPTH:
        raise _TooDeep(REQUIREMENTS_TOO_DEEP)
    hook = (lambda items: _PairList(items)) if pairs else None
    return json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float, object_pairs_hook=hook)


class _PairList(list):
    """A JSON object read as its (name, value) pairs, so repeated names are not silently lost."""


def _plain(value: Any) -> Any:
    """Pairs read by ``_loads(pairs=True)`` back to ordinary dicts (last name wins, as in JSON)."""
    if isinstance(value, _PairList):
        return {name: _plain(item) for name, item in value}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def parse_cell(text: str) -> Any:
    """The JSON value a person means by what they typed in a Value cell (rules in the module doc)."""
    stripped = text.strip()
    if stripped:
        try:
            return _plain(_loads(stripped, pairs=True))
        except ValueError:
            pass
    return text


def cell_text(value: Any) -> str:
    """What a Value cell shows for a value, such that ``parse_cell(cell_text(v)) == v``."""
    if isinstance(value, str):
        reread = parse_cell(value)
        if isinstance(reread, str) and reread == value and not any(ord(c) < 32 for c in value):
            return value
    return json.dumps(value, ensure_ascii=False)


def kind_words(value: Any) -> str:
    if isinstance(value, bool):
        return translate("RequirementsEditor", "yes/no (true or false)")
    if isinstance(value, (int, float)):
        return translate("RequirementsEditor", "a number")
    if value is None:
        return translate("RequirementsEditor", "nothing (null)")
    if isinstance(value, list):
        return translate("RequirementsEditor", "a list")
    if isinstance(value, dict):
        return translate("RequirementsEditor", "a group of names and values")
    return translate("RequirementsEditor", "text")


def _pair_problems(pairs: Pairs, where: str) -> list[str]:
    problems: list[str] = []
    seen: set[str] = set()
    for number, (name, _value) in enumerate(pairs, start=1):
        if not name.strip():
            if where == "rows":
                problems.append(
                    fill(
                        translate("RequirementsEditor", "A value has no name (row %1). Give it a name or remove it."),
                        number,
                    )
                )
            else:
                problems.append(translate("RequirementsEditor", "A value has no name. Give it a name or remove it."))
        elif name in seen:
            problems.append(
                fill(translate("RequirementsEditor", "The name “%1” is used twice. Each name can be used once."), name)
            )
        seen.add(name)
    return problems


def pairs_json(pairs: Pairs) -> str:
    """JSON text for the pairs, keeping every one of them (even a repeated name), indented."""
    if not pairs:
        return ""
    lines = [
        f"  {json.dumps(name, ensure_ascii=False)}: "
        + json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        for name, value in pairs
    ]
    return "{\n" + ",\n".join(lines) + "\n}"


def _canonical(pairs: Pairs) -> str:
    # json.dumps tells 1, 1.0 and true apart, where == does not.
    return json.dumps(pairs, ensure_ascii=False)


_KIND_OF_JSON = {
    list: QT_TRANSLATE_NOOP("RequirementsEditor", "a list"),
    str: QT_TRANSLATE_NOOP("RequirementsEditor", "text"),
    bool: QT_TRANSLATE_NOOP("RequirementsEditor", "true or false"),
    int: QT_TRANSLATE_NOOP("RequirementsEditor", "a number"),
    float: QT_TRANSLATE_NOOP("RequirementsEditor", "a number"),
}
