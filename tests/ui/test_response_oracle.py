"""Any answer the documented response schema allows is read, stored and shown without an exception.

Answers are generated from ``tests/schemas/task-response.schema.json`` (the API notes, section
3.3) and each is checked against it with ``jsonschema`` (dates with rfc3339-validator) before use:
text of every length with emoji and combining marks, dates from year 1 to 9999 with any offset
from -23:59 to +23:59, numbers of any size, unknown statuses, nested requirements, extra fields.
Each goes the way a real answer goes: JSON text, ``Task``, the store, the table (every cell, every
role) in one of several time zones.
"""

from __future__ import annotations

import json
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from PySide6.QtCore import Qt

from app.api.schema import STATUSES, Task
from app.store.repository import Store
from app.store.tasks_table import parse_tasks
from tests.far_dates import ZONES, local_zone
from ui.models.task_rows import COLUMNS, SORT_ROLE, TASK_ID_ROLE
from ui.models.tasks_model import TasksTableModel

SCHEMA = json.loads((Path(__file__).parents[1] / "schemas" / "task-response.schema.json").read_text())
ORACLE = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)
EXAMPLES = 250
ROLES = [
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    SORT_ROLE,
    TASK_ID_ROLE,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.TextAlignmentRole,
]

ATOMS = ["a", " ", "é", "e\u0301", "😀", "👨\u200d👩\u200d👧", "🇫🇷", "<b>", "&amp;", "\n", "\u202e", "字"]


def text_of_length(lengths: list[int]) -> st.SearchStrategy[str]:
    def build(pattern: list[str], length: int) -> str:
        unit = "".join(pattern)
        return (unit * (length // len(unit) + 1))[:length]

    return st.builds(build, st.lists(st.sampled_from(ATOMS), min_size=1, max_size=3), st.sampled_from(lengths))


texts = st.one_of(st.text(max_size=30), text_of_length([0, 1, 200, 201, 5000, 5001]))


@st.composite
def rfc3339(draw: st.DrawFn) -> str:
    day = draw(st.one_of(st.dates(), st.sampled_from([date(1, 1, 1), date(9999, 12, 31), date(2026, 11, 28)])))
    clock = f"{draw(st.integers(0, 23)):02d}:{draw(st.integers(0, 59)):02d}:{draw(st.integers(0, 59)):02d}"
    fraction = draw(st.sampled_from(["", ".5", ".123456", ".123456789"]))
    offset = draw(
        st.one_of(
            st.just("Z"),
            st.sampled_from(["+14:00", "-14:00", "+23:59", "-23:59", "+00:00", "-00:00", "+05:45"]),
            st.builds(
                lambda sign, h, m: f"{sign}{h:02d}:{m:02d}",
                st.sampled_from("+-"),
                st.integers(0, 23),
                st.integers(0, 59),
            ),
        )
    )
    return f"{day.isoformat()}T{clock}{fraction}{offset}"


numbers = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False),
    st.integers(-(10**30), 10**30),
    st.sampled_from([0, -0.0, 3, 300, 1e308, -1e308, 5e-324]),
)
json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), numbers, st.text(max_size=10)),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=12,
)


def deep(levels: int) -> Any:
    value: Any = "leaf"
    for level in range(levels):
        value = [value] if level % 2 else {"k": value}
    return value


requirements = st.one_of(
    st.dictionaries(st.text(max_size=8), json_values, max_size=5),
    st.builds(lambda n: {"r": deep(n)}, st.sampled_from([30, 31, 32, 33, 200, 400])),
)
uuids = st.one_of(st.uuids().map(str), st.uuids().map(lambda u: str(u).upper()))

REQUIRED = {
    "id": uuids,
    "user_id": uuids,
    "title": texts,
    "description": texts,
    "category": texts,
    "task_type": texts,
    "requirements": requirements,
    "budget_usd": numbers,
    "compute_budget": st.none() | numbers,
    "status": st.one_of(st.sampled_from(sorted(STATUSES)), st.text(max_size=12)),
    "experimentation": numbers,
    "created_at": rfc3339(),
    "expires_at": rfc3339(),
}
OPTIONAL = {
    "attachments": st.none() | st.lists(texts, max_size=3),
    "brand_kit_id": st.none() | uuids,
    "prototype_tier": st.none() | st.integers(-(10**30), 10**30),
}
extras = st.dictionaries(
    st.text(min_size=1, max_size=8).filter(lambda k: k not in SCHEMA["properties"]), json_values, max_size=2
)


@st.composite
def answers(draw: st.DrawFn) -> dict[str, Any]:
    body = draw(st.fixed_dictionaries(REQUIRED, optional=OPTIONAL))
    body.update(draw(extras))
    return body


STORE_DIR = tempfile.TemporaryDirectory(prefix="aitasker-oracle-")
STORE = Store.in_dir(Path(STORE_DIR.name))


@settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(answers(), st.sampled_from(ZONES))
def test_every_documented_answer_is_read_stored_and_shown(body: dict[str, Any], zone: str) -> None:
    assert ORACLE.is_valid(body), [e.message[:100] for e in ORACLE.iter_errors(body)]
    task = Task.model_validate(json.loads(json.dumps(body)))  # as it comes off the wire
    STORE.upsert_task(task)  # as the store writes it; read back as the store reads it
    [again] = parse_tasks([task.model_dump_json()])
    assert again.title == task.title and again.expires_at == task.expires_at
    model = TasksTableModel()
    model.set_tasks([again])
    with local_zone(zone):
        for column in range(len(COLUMNS)):
            for role in ROLES:
                model.index(0, column).data(role)
        model.sort(4, Qt.SortOrder.AscendingOrder)
        model.refresh_expiry_words()
    assert model.index(0, 0).data(TASK_ID_ROLE) == task.id
