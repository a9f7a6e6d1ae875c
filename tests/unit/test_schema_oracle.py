"""TaskDraft accepts exactly what the documented request schema accepts (an independent oracle).

``tests/schemas/task-create.schema.json`` is the create body of the API notes (section 3.1)
written as JSON Schema; ``jsonschema`` judges each body, ``TaskDraft`` judges it too, and the two
must agree on thousands of bodies built around every boundary: budget 3 and 300, experimentation
0 and 1, title 199–201 and description 4,999–5,001 characters (emoji and combining marks
included), requirements 10 and 11 levels deep, and IDs in every spelling.
"""

from __future__ import annotations

import json
import math
import uuid
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from pydantic import ValidationError

from app.api.schema import MAX_REQUIREMENTS_DEPTH, TaskDraft, max_length, number_limits

SCHEMA = json.loads((Path(__file__).parents[1] / "schemas" / "task-create.schema.json").read_text())
ORACLE = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)
TITLE_MAX = max_length("title") or 0
DESCRIPTION_MAX = max_length("description") or 0
BUDGET = number_limits("budget_usd")
DIAL = number_limits("experimentation")
EXAMPLES = 1500


def test_the_schema_file_states_the_same_limits_as_the_model() -> None:
    props = SCHEMA["properties"]
    assert (props["budget_usd"]["minimum"], props["budget_usd"]["maximum"]) == (BUDGET.minimum, BUDGET.maximum)
    assert (props["experimentation"]["minimum"], props["experimentation"]["maximum"]) == (DIAL.minimum, DIAL.maximum)
    assert (props["title"]["maxLength"], props["description"]["maxLength"]) == (TITLE_MAX, DESCRIPTION_MAX)
    assert (
        f"value{MAX_REQUIREMENTS_DEPTH}" in SCHEMA["$defs"]
        and f"value{MAX_REQUIREMENTS_DEPTH + 1}" not in SCHEMA["$defs"]
    )
    assert set(props) == set(TaskDraft.model_fields)


# --- bodies around every boundary -----------------------------------------------------------

# Pieces text is made of: one code point each, or several that a person sees as one character.
ATOMS = [
    "a",
    "Z",
    " ",
    "é",
    "e\u0301",
    "\u0301",
    "😀",
    "👍🏽",
    "👨\u200d👩\u200d👧",
    "🇫🇷",
    "字",
    "\t",
    "\n",
    "\u00a0",
    "\u2003",
    "ß",
]


def text_of_length(lengths: list[int]) -> st.SearchStrategy[str]:
    """Text of exactly one of ``lengths`` code points, repeating a short mix of ATOMS."""

    def build(pattern: list[str], length: int) -> str:
        unit = "".join(pattern)
        return (unit * (length // max(len(unit), 1) + 1))[:length]

    return st.builds(build, st.lists(st.sampled_from(ATOMS), min_size=1, max_size=4), st.sampled_from(lengths))


def near(*edges: float) -> list[float]:
    values: list[float] = []
    for edge in edges:
        values += [
            edge,
            math.nextafter(edge, -math.inf),
            math.nextafter(edge, math.inf),
            edge - 0.01,
            edge + 0.01,
            -edge,
        ]
    return values


def number_around(*edges: float) -> st.SearchStrategy[Any]:
    ints = [int(e) + d for e in edges for d in (-1, 0, 1)]
    return st.one_of(
        st.sampled_from(near(*edges) + [0.0, -0.0, 1e308, -1e308, 0.3, 150.5]),
        st.sampled_from(ints + [10**20, -(10**20)]),
        st.floats(min_value=min(edges) - 2, max_value=max(edges) + 2, allow_nan=False),
        st.sampled_from([True, False, None, "45", "0.5", "", [], {}]),
    )


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-1000, 1000),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=8),
)


def nested(levels: int, leaf: Any, lists: list[bool]) -> dict[str, Any]:
    value = leaf
    for level in range(levels - 1):
        value = [value] if lists[level % len(lists)] else {"k": value}
    return {"r": value}


requirements = st.one_of(
    st.dictionaries(st.text(max_size=6), scalars, max_size=4),
    st.builds(
        nested, st.integers(1, MAX_REQUIREMENTS_DEPTH + 2), scalars, st.lists(st.booleans(), min_size=1, max_size=3)
    ),
    st.sampled_from([[], "tone=warm", 3, None, True, [{"a": 1}]]),
)

UUID = str(uuid.UUID(int=0x123E4567E89B12D3A456426614174000))
ids: st.SearchStrategy[Any] = st.one_of(
    st.uuids().map(str),
    st.uuids().map(lambda u: str(u).upper()),
    st.sampled_from(
        [
            None,
            "",
            "my-brand",
            UUID.replace("-", ""),
            "{" + UUID + "}",
            "urn:uuid:" + UUID,
            UUID + "\n",
            " " + UUID,
            UUID[:-1] + "g",
            UUID[:-1],
            UUID[:31] + "-" + UUID[31:-1],
            7,
            [],
        ]
    ),
)
slugs: st.SearchStrategy[Any] = st.one_of(
    st.sampled_from(["data", "data-analysis", "", " ", "\t\n", "\u00a0", "\u2003", "\x1c", "\ufeff", " x "]),
    st.text(max_size=8),
    st.sampled_from([None, 5, True, []]),
)
titles: st.SearchStrategy[Any] = st.one_of(
    text_of_length([0, 1, 2, TITLE_MAX - 1, TITLE_MAX, TITLE_MAX + 1]), st.sampled_from([None, 5, []])
)
descriptions = st.one_of(
    text_of_length([0, 1, DESCRIPTION_MAX - 1, DESCRIPTION_MAX, DESCRIPTION_MAX + 1]), st.sampled_from([None, 5])
)

FIELDS: dict[str, st.SearchStrategy[Any]] = {
    "category": slugs,
    "task_type": slugs,
    "budget_usd": number_around(BUDGET.minimum, BUDGET.maximum),
    "title": titles,
    "description": descriptions,
    "requirements": requirements,
    "experimentation": number_around(DIAL.minimum, DIAL.maximum),
    "brand_kit_id": ids,
}
VALID = {"category": "data", "task_type": "data-analysis", "budget_usd": 45}


@st.composite
def bodies(draw: st.DrawFn) -> dict[str, Any]:
    # Mostly one field off a valid body (so that each boundary is decisive), sometimes anything.
    if draw(st.booleans()):
        body = dict(VALID)
        field = draw(st.sampled_from(sorted(FIELDS)))
        body[field] = draw(FIELDS[field])
        if draw(st.integers(0, 9)) == 0:
            del body[field]
    else:
        body = draw(st.fixed_dictionaries({}, optional=FIELDS))
    if draw(st.integers(0, 19)) == 0:
        body[draw(st.sampled_from(["metadata", "brief", "Title", ""]))] = draw(scalars)
    return body


def draft_accepts(body: dict[str, Any]) -> bool:
    try:
        TaskDraft.model_validate(body)
    except ValidationError:
        return False
    return True


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bodies())
@example({**VALID, "title": "😀" * TITLE_MAX})
@example({**VALID, "title": "😀" * (TITLE_MAX + 1)})
@example({**VALID, "title": "e\u0301" * (TITLE_MAX // 2)})
@example({**VALID, "budget_usd": "45"})
@example({**VALID, "brand_kit_id": UUID + "\n"})
@example({**VALID, "requirements": nested(MAX_REQUIREMENTS_DEPTH, 1, [True])})
@example({**VALID, "requirements": nested(MAX_REQUIREMENTS_DEPTH + 1, 1, [False])})
def test_task_draft_accepts_exactly_what_the_documented_schema_accepts(body: dict[str, Any]) -> None:
    schema_says = ORACLE.is_valid(body)
    assert draft_accepts(body) == schema_says, (
        f"schema {'accepts' if schema_says else 'refuses'} but TaskDraft does not agree: "
        + "; ".join(e.message[:120] for e in ORACLE.iter_errors(body))
    )
    if schema_says:
        # What is accepted is sent as it was given (numbers as numbers, text unchanged).
        sent = TaskDraft.model_validate(body).to_request_json()
        for name, value in body.items():
            if name != "brand_kit_id":
                assert sent[name] == value
        assert ORACLE.is_valid(sent)
