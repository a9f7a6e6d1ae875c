"""The table model: Qt's model tester, sorting by real values, filters, expiry words."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from app.schema import Task
from ui.main_window import task_details
from ui.status_icons import status_icon
from ui.tasks_model import COLUMNS, EXPIRES_COLUMN, STATUS_COLUMN, TasksFilterProxy, TasksTableModel

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


def make(title: str, status: str = "open", budget: float = 10, created_h: float = 0, expires_h: float = 2, description: str = "") -> Task:
    return Task(id=str(uuid.uuid4()), title=title, status=status, budget_usd=budget, description=description,
                category="graphics-design", task_type="logo-design",
                created_at=NOW - timedelta(hours=created_h), expires_at=NOW + timedelta(hours=expires_h))


@pytest.fixture
def clock() -> list[datetime]:
    return [NOW]


@pytest.fixture
def model(clock: list[datetime]) -> TasksTableModel:
    model = TasksTableModel(clock=lambda: clock[0])
    model.set_tasks([
        make("Banner", "review", budget=100, created_h=1, expires_h=0.5),
        make("apple logo", "open", budget=9.5, created_h=3, expires_h=5, description="green and red"),
        make("Copy", "completed", budget=10, created_h=2, expires_h=-30),
        make("Odd", "disputed", budget=300, created_h=0.5, expires_h=1.5),
    ])
    return model


def column(header: str) -> int:
    return [c.header for c in COLUMNS].index(header)


def shown(proxy: TasksFilterProxy, header: str = "Title") -> list[str]:
    return [proxy.index(r, column(header)).data() for r in range(proxy.rowCount())]


def test_qt_model_tester_finds_no_fault(qtmodeltester, model: TasksTableModel) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(model, force_py=True)
    model.upsert(make("New"))
    model.replace_pending([Task(id="outbox:x", status="outbox:waiting", title="Queued")])
    qtmodeltester.check(model, force_py=True)


@pytest.mark.parametrize(
    ("header", "ascending"),
    [
        ("Title", ["apple logo", "Banner", "Copy", "Odd"]),
        ("Budget", ["apple logo", "Copy", "Banner", "Odd"]),  # 9.50 < 10 < 100 < 300: numbers, not text
        ("Created", ["apple logo", "Copy", "Banner", "Odd"]),
        ("Expires", ["Copy", "Banner", "Odd", "apple logo"]),
        ("Status", ["Copy", "Odd", "apple logo", "Banner"]),  # by label: Completed, Disputed, Posted, Ready…
    ],
)
def test_sorting_uses_real_values(model: TasksTableModel, header: str, ascending: list[str]) -> None:
    proxy = TasksFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(column(header), Qt.SortOrder.AscendingOrder)
    assert shown(proxy) == ascending
    proxy.sort(column(header), Qt.SortOrder.DescendingOrder)
    assert shown(proxy) == list(reversed(ascending))


def test_filters_by_group_and_text(model: TasksTableModel) -> None:
    proxy = TasksFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(column("Title"), Qt.SortOrder.AscendingOrder)
    proxy.set_group("review")
    assert shown(proxy) == ["Banner"]
    proxy.set_group("finished")
    assert shown(proxy) == ["Copy"]
    proxy.set_group("active")
    assert shown(proxy) == ["apple logo", "Odd"]  # an unknown status counts as still going
    proxy.set_group("all")
    proxy.set_text("RED")  # in the description
    assert shown(proxy) == ["apple logo"]
    proxy.set_text("")
    assert len(shown(proxy)) == 4


def test_cells_show_words_money_and_expiry(model: TasksTableModel, qapp) -> None:  # type: ignore[no-untyped-def]
    row = model.row_of(model.tasks()[0].id)
    assert row is not None
    data = {c.header: model.index(row, i).data() for i, c in enumerate(COLUMNS)}
    assert data["Budget"] == "$100.00"
    assert data["Status"] == "Ready for your review"  # the mark is an icon now, not a glyph (deliberately changed)
    status_index = model.index(row, STATUS_COLUMN)
    assert status_index.data(Qt.ItemDataRole.DecorationRole).cacheKey() == status_icon("review").cacheKey()
    assert data["Category / Type"] == "Graphics & Design › Logo design"  # the taxonomy's names, as in the form
    assert data["Expires"] == "in 30 min"
    assert model.index(row, EXPIRES_COLUMN).data(Qt.ItemDataRole.FontRole).bold()  # under an hour
    expiry_tip = model.index(row, EXPIRES_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
    assert expiry_tip == (NOW + timedelta(hours=0.5)).astimezone().strftime("%d %b %Y, %H:%M")
    finished = model.row_of(model.tasks()[2].id)
    assert model.index(finished, EXPIRES_COLUMN).data() == ""  # no countdown when final
    odd = model.row_of(model.tasks()[3].id)
    assert model.index(odd, column("Status")).data().endswith("Disputed")
    assert model.index(odd, EXPIRES_COLUMN).data(Qt.ItemDataRole.FontRole) is None  # 1.5 h: no warning


def test_clock_tick_updates_only_the_expires_column_without_reset(model: TasksTableModel, clock: list[datetime], qtbot) -> None:  # type: ignore[no-untyped-def]
    changes: list[tuple[int, int]] = []
    resets: list[bool] = []
    model.dataChanged.connect(lambda a, b, roles=(): changes.append((a.column(), b.column())))
    model.modelReset.connect(lambda: resets.append(True))
    clock[0] = NOW + timedelta(hours=1)
    model.refresh_expiry_words()
    assert changes == [(EXPIRES_COLUMN, EXPIRES_COLUMN)] and not resets
    assert model.index(model.row_of(model.tasks()[0].id), EXPIRES_COLUMN).data() == "expired 30 min ago"


def test_server_text_is_shown_literally() -> None:
    evil = make('<img src=x onerror="alert(1)"><a href="http://x">click</a>', description="<b>bold?</b>")
    model = TasksTableModel(clock=lambda: NOW)
    model.set_tasks([evil])
    assert model.index(0, 0).data() == evil.title
    tooltip = QTextDocument()
    tooltip.setHtml(model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole))
    assert tooltip.toPlainText() == evil.title  # shown as typed, not as a picture or a link
    details = task_details(evil.model_copy(update={"requirements": {"tone": "<i>x</i>"}, "attachments": ["a.png"], "compute_budget": 2.0, "prototype_tier": 2}))
    assert evil.title in details and "<b>bold?</b>" in details and "tone: <i>x</i>" in details
    assert "Compute budget: $2.00" in details and "Prototype tier: 2" in details and "a.png" in details
