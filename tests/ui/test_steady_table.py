"""The tasks table's view (ui/widgets/steady_table.py): rows added below what is in view (a
background load's) do not repaint it; every other change does, as in any Qt view."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication

from ui.widgets.steady_table import SteadyTableView


class Paints(QObject):
    def __init__(self, widget: QObject) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


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
