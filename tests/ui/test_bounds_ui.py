"""What a server or a person can throw at the window's parts: far dates, deep nesting, huge text.

The table shows any task without an exception; the requirements editor refuses text nested too
deeply in words, at once.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from app.api.schema import MAX_RESPONSE_DEPTH, REQUIREMENTS_TOO_DEEP, Task
from app.timefmt import UNSHOWABLE
from tests.far_dates import FAR, ZONES, local_zone
from ui.models.task_rows import COLUMNS, SORT_ROLE
from ui.models.tasks_model import TasksTableModel
from ui.models.tasks_proxy import TasksFilterProxy
from ui.panels.requirements_editor import RequirementsEditor, parse_cell

ROLES = [
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    SORT_ROLE,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.TextAlignmentRole,
]


@pytest.fixture(params=ZONES)
def zone(request: pytest.FixtureRequest) -> Iterator[str]:
    with local_zone(request.param) as name:
        yield name


def far_tasks() -> list[Task]:
    return [
        Task.model_validate(
            {"id": f"far-{n}", "title": f"Far {n}", "status": "open", "created_at": text, "expires_at": text}
        )
        for n, text in enumerate(FAR)
    ]


def every_cell(model: TasksTableModel) -> dict[tuple[int, int, int], object]:
    return {
        (row, col, int(role)): model.index(row, col).data(role)
        for row in range(model.rowCount())
        for col in range(len(COLUMNS))
        for role in ROLES
    }


def test_far_dates_show_in_every_cell_and_sort_without_an_exception(zone: str, qtmodeltester) -> None:
    model = TasksTableModel()
    # Before: the Created cell and the Expires (now Next step) tooltip raised OverflowError (year 9999 at +14 h).
    model.set_tasks(far_tasks())
    cells = every_cell(model)
    created = [c.header for c in COLUMNS].index("Created")
    expires = [c.header for c in COLUMNS].index("Next step")
    shown = [cells[(row, created, int(Qt.ItemDataRole.DisplayRole))] for row in range(model.rowCount())]
    tips = [cells[(row, expires, int(Qt.ItemDataRole.ToolTipRole))] for row in range(model.rowCount())]
    assert all(isinstance(text, str) and text for text in shown + tips)
    assert UNSHOWABLE in shown and UNSHOWABLE in tips  # what this computer can't show, in any zone
    proxy = TasksFilterProxy()
    proxy.setSourceModel(model)
    for col in (created, expires):
        proxy.sort(col, Qt.SortOrder.AscendingOrder)
        titles = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
        assert titles == ["Far 3", "Far 4", "Far 5", "Far 0", "Far 1", "Far 2"]  # in time order
    qtmodeltester.check(model, force_py=True)


def test_a_deeply_nested_task_shows_in_the_table(qtmodeltester) -> None:
    deep: object = "leaf"
    for _ in range(900):
        deep = {"k": [deep]}
    task = Task.model_validate({"id": "deep", "title": "Deep", "requirements": {"r": deep}, "meta": deep})
    model = TasksTableModel()
    model.set_tasks([task])
    assert model.index(0, 0).data() == "Deep"
    assert every_cell(model)
    assert json.dumps(task.requirements).count("[") < MAX_RESPONSE_DEPTH
    qtmodeltester.check(model, force_py=True)


@pytest.mark.parametrize("levels", [11, 300, 100_000])
def test_the_json_view_refuses_requirements_nested_too_deeply_in_words(qtbot, levels: int) -> None:
    editor = RequirementsEditor()
    qtbot.addWidget(editor)
    editor.json_toggle.click()
    text = '{"style": ' + "[" * (levels - 1) + "1" + "]" * (levels - 1) + "}"
    # Before: json.loads raised RecursionError (100,000 levels) or the draft could not be saved.
    editor.json_text.setPlainText(text)
    assert editor.problems() == [REQUIREMENTS_TOO_DEEP]
    assert editor.raw_value() == text  # kept whole as typed, so nothing is lost
    editor.json_toggle.click()  # refused: it could not show as rows
    assert editor.is_json_mode()


def test_a_value_cell_nested_too_deeply_stays_text() -> None:
    text = "[" * 100_000 + "]" * 100_000
    assert parse_cell(text) == text


def test_details_of_far_dates_show_a_dash_and_the_value_as_sent(zone: str) -> None:
    from ui.models.task_details import task_details

    unshowable = 0
    for task in far_tasks():
        # Before: OverflowError, and the details stayed blank.
        text = task_details(task)
        label = "Current step ends: "  # (was "Expires: ", which read as if the task would be lost then)
        [expires] = [line for line in text.splitlines() if line.startswith(label)]
        assert task.expires_at is not None
        if expires.startswith(f"{label}{UNSHOWABLE}"):
            unshowable += 1
            assert task.expires_at.isoformat() in expires  # the raw value, kept for the details
        else:
            assert task.expires_at.isoformat() not in expires and len(expires) > len(label)
    assert unshowable  # in every zone, some of these can't be shown


def test_details_of_a_deeply_nested_task_show_without_an_exception() -> None:
    from ui.models.task_details import task_details

    deep: object = "leaf"
    for _ in range(900):
        deep = {"k": [deep]}
    text = task_details(Task.model_validate({"id": "deep", "requirements": {"r": deep}, "meta": deep}))
    assert "Task ID: deep" in text and "…" in text


async def test_requirements_hundreds_of_levels_deep_are_refused_kept_saved_and_quit_works(qtbot, tmp_path) -> None:
    from tests.conftest import wait_until
    from tests.ui.helpers import open_window, parts

    text = '{"style": ' + "[" * 300 + "1" + "]" * 300 + "}"
    async with open_window(qtbot, None, None, tmp_path, demo=False) as window:
        ui = parts(window)
        qtbot.keyClicks(ui.form.title, "Deep")
        editor = ui.form.requirements
        editor.json_toggle.click()
        editor.json_text.setPlainText(text)
        # Before: a few hundred levels hung saving and quitting, or posted a task that could not be read back.
        assert not ui.form.send_button.isEnabled()
        assert ui.form.problems().get("requirements") == [REQUIREMENTS_TOO_DEEP]
        await wait_until(
            lambda: any(d.values.get("requirements") == text for d in window.store.list_drafts()),
            timeout=5,
            what="the autosave of the text as typed",
        )
    async with open_window(qtbot, None, None, tmp_path, demo=False) as again:  # the first one quit
        ui = parts(again)
        assert ui.form.requirements.is_json_mode() and ui.form.requirements.json_text.toPlainText() == text
