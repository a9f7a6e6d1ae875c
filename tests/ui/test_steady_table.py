"""The tasks table's view (ui/widgets/steady_table.py): rows added below what is in view (a
background load's) do not repaint it; rows added in view move the rows under them down and only
the new rows are painted, the pixels as a full repaint makes them; every other change repaints,
as in any Qt view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import Paints
from ui.widgets.steady_table import SteadyTableView


def row(text: str) -> list[QStandardItem]:
    return [QStandardItem(text), QStandardItem(text.upper())]


def settle() -> None:
    for _ in range(5):  # posted events, the view's delayed layout (a zero timer) and the paint it asks for
        QApplication.processEvents()


def shown_table(qtbot, rows: int = 100) -> tuple[SteadyTableView, QStandardItemModel, Paints]:
    model = QStandardItemModel(0, 2)
    for n in range(rows):
        model.appendRow(row(f"row {n:03}"))
    view = SteadyTableView()
    view.setModel(model)
    view.resize(300, 200)  # a few rows in view
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    settle()
    return view, model, Paints(view.viewport())


def first_in_view(view: SteadyTableView) -> str:
    return str(view.indexAt(QPoint(2, 2)).data())


def test_rows_added_below_the_view_lay_out_without_repainting_it(qtbot) -> None:
    view, model, paints = shown_table(qtbot)
    for n in range(100, 300):
        model.appendRow(row(f"row {n:03}"))
    settle()
    assert paints.count == 0
    assert view.verticalScrollBar().maximum() > 0 and first_in_view(view) == "row 000"
    view.scrollToBottom()  # the added rows are there to scroll to
    qtbot.waitUntil(lambda: first_in_view(view) > "row 250")


def test_rows_added_in_view_or_above_it_repaint(qtbot) -> None:
    view, model, paints = shown_table(qtbot)
    model.insertRow(0, row("new first"))
    qtbot.waitUntil(lambda: paints.count > 0)
    assert first_in_view(view) == "new first"


def test_a_sort_or_a_removal_with_rows_added_below_repaints(qtbot) -> None:
    view, model, paints = shown_table(qtbot)
    model.appendRow(row("row 999"))  # below the view, and in the same turn a change of what is in view
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: paints.count > 0)
    assert first_in_view(view) == "row 999"
    settle()
    seen = paints.count
    model.appendRow(row("row 000a"))  # sorted: lands below the view
    model.removeRow(0)  # what was in view moves up
    qtbot.waitUntil(lambda: paints.count > seen)
    assert first_in_view(view) == "row 099"


def test_an_empty_part_of_the_view_fills_as_rows_come(qtbot) -> None:
    view, model, paints = shown_table(qtbot, rows=2)
    model.appendRow(row("row 002"))  # the rows ended above the bottom: the new one is in view
    qtbot.waitUntil(lambda: paints.count > 0)
    assert view.indexAt(QPoint(2, view.rowViewportPosition(2) + 2)).data() == "row 002"


def on_screen(view: SteadyTableView) -> QImage:
    """The viewport as the window shows it now (its backing store: what was painted and moved),
    not painted afresh as ``grab()`` would."""
    viewport = view.viewport()
    at = viewport.mapTo(view.window(), QPoint(0, 0))
    screen = view.screen()
    return screen.grabWindow(view.window().winId(), at.x(), at.y(), viewport.width(), viewport.height()).toImage()


def looks_the_same(moved: QImage, fresh: QImage) -> bool:
    """The same picture: every pixel's colour within 2 of 255 per channel (Qt's antialiasing of
    a selected row's rounded corners differs by one at a few pixels from one height to another,
    as when a view is scrolled)."""
    if moved.size() != fresh.size():
        return False
    a = bytes(moved.convertToFormat(QImage.Format.Format_RGB32).constBits())
    b = bytes(fresh.convertToFormat(QImage.Format.Format_RGB32).constBits())
    return a == b or max(abs(x - y) for x, y in zip(a, b, strict=True)) <= 2


def painted_afresh(view: SteadyTableView) -> QImage:
    view.viewport().update()
    settle()
    return on_screen(view)


@pytest.mark.parametrize("at", [0, 3, 5])
def test_rows_inserted_in_view_show_exactly_what_a_full_repaint_shows(qtbot, at: int) -> None:
    """The rows after the new ones are moved down instead of painted again (only the new row is
    painted): the pixels are the same as Qt's full repaint, the selected row included."""
    view, model, paints = shown_table(qtbot)
    view.selectRow(4)
    painted_afresh(view)  # (a row repainted alone can differ by a pixel or two from a full paint)
    before, paints.height = paints.count, 0
    model.insertRow(at, row("new"))
    qtbot.waitUntil(lambda: paints.count > before)
    settle()
    assert paints.height == view.rowHeight(at) < view.viewport().height() / 5
    assert view.indexAt(QPoint(2, view.rowViewportPosition(at) + 2)).data() == "new"
    assert looks_the_same(on_screen(view), painted_afresh(view))
    before = paints.count
    model.insertRows(at, 2)  # a block of two, empty
    qtbot.waitUntil(lambda: paints.count > before)
    settle()
    assert looks_the_same(on_screen(view), painted_afresh(view))


def test_a_created_task_on_the_tasks_panel_looks_as_if_painted_afresh(qtbot) -> None:
    """The real tasks table (icons, colours, the selected row): a task just created lands at the
    top; the rows under it, moved down, look as a full repaint paints them."""
    from datetime import UTC, datetime, timedelta

    from app.api.schema import Task
    from ui.panels.tasks import TasksPanel

    base = datetime(2026, 1, 5, 9, tzinfo=UTC)
    statuses = ["open", "review", "completed", "cancelled", "matching", "expired"]

    def task(n: int) -> Task:
        return Task(
            id=f"t{n}", status=statuses[n % len(statuses)], title=f"Task {n}", category="data",
            task_type="data-analysis", budget_usd=5 + n, created_at=base + timedelta(hours=n),
            expires_at=base + timedelta(hours=n + 5),
        )  # fmt: skip

    panel = TasksPanel()
    qtbot.addWidget(panel)
    panel.set_tasks([task(n) for n in range(40)])
    panel.resize(780, 600)
    panel.show()
    qtbot.waitExposed(panel)
    view = panel.table
    assert isinstance(view, SteadyTableView)
    panel.columns.fit()  # (now, not a moment later: a new width would repaint it all)
    view.selectRow(2)
    painted_afresh(view)
    paints = Paints(view.viewport())
    panel.model.upsert(task(99))
    qtbot.waitUntil(lambda: paints.count > 0)
    settle()
    assert panel.proxy.index(0, 0).data() == "Task 99"
    assert looks_the_same(on_screen(view), painted_afresh(view))


def test_rows_removed_below_the_view_lay_out_without_repainting_it(qtbot) -> None:
    """(A sent draft's row leaves the outbox's rows, under the newest tasks in view.)"""
    view, model, paints = shown_table(qtbot, rows=200)  # (as many digits in the row numbers after)
    maximum = view.verticalScrollBar().maximum()
    model.removeRows(50, 40)
    settle()
    assert paints.count == 0
    assert view.verticalScrollBar().maximum() < maximum and first_in_view(view) == "row 000"
    view.scrollToBottom()  # what is left is there to scroll to, and nothing else
    qtbot.waitUntil(lambda: str(view.indexAt(QPoint(2, view.viewport().height() - 2)).data()) == "row 199")
    assert model.rowCount() == 160 and model.item(50).text() == "row 090"


def test_a_row_removed_in_view_repaints(qtbot) -> None:
    view, model, paints = shown_table(qtbot)
    model.removeRow(2)
    qtbot.waitUntil(lambda: paints.count > 0)
    assert view.indexAt(QPoint(2, view.rowViewportPosition(2) + 2)).data() == "row 003"
