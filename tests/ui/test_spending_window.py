"""The Spending window on its own: the numbers it is given, per month and in all, the bar chart of
the last 12 months, each number asking for the tasks behind it, names for screen readers, a size
that fits the screen."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from app.money import KINDS, Balance, MoneyRow, spending
from tests.ui.accessibility import unnamed
from ui.i18n import say
from ui.widgets.screen_fit import fits
from ui.windows.spending import SpendingWindow


def ts(year: int, month: int, day: int = 10) -> float:
    return datetime(year, month, day, 12).astimezone().timestamp()


ROWS = [
    MoneyRow("a", "completed", 40.0, ts(2026, 3), 31.5, 8.5),
    MoneyRow("b", "cancelled", 20.0, ts(2026, 3)),
    MoneyRow("c", "review", 12.25, ts(2026, 4)),
    MoneyRow("d", "open", 5.0, ts(2025, 1)),  # older than the chart's 12 months
]


def test_each_month_its_numbers_and_the_tasks_behind_each(qtbot) -> None:
    window = SpendingWindow()
    qtbot.addWidget(window)
    window.show_spending(spending(ROWS), Balance(30.0, 50.0, 20.0), date(2026, 4, 20))
    window.show()
    table = window.table
    months = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert months == ["April 2026", "March 2026", "January 2025", "All months"]
    march = [table.item(1, 1 + i).text() for i in range(len(KINDS))]
    assert march == ["$60.00", "$31.50", "$28.50", "$0.00"]  # committed, paid, refunded, open
    everything = [table.item(3, 1 + i).text() for i in range(len(KINDS))]
    assert everything == ["$77.25", "$31.50", "$28.50", "$17.25"]
    assert "Credit: $30.00" in window.credit.text() and "added $50.00, spent $20.00" in window.credit.text()
    asked: list[tuple[list[str], str]] = []
    window.tasksRequested.connect(lambda ids, words: asked.append((ids, say(words))))  # (words: made when said)
    refunded_in_march = table.item(1, 3)
    assert refunded_in_march is not None
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualItemRect(refunded_in_march).center())
    assert asked[-1] == (["a", "b"], "The tasks posted in March 2026 with money back (2).")
    table.setCurrentCell(3, 4)
    qtbot.keyClick(table, Qt.Key.Key_Return)  # the keyboard's way to the same
    assert asked[-1] == (["c", "d"], "All tasks still open (2).")
    bars = window.chart.bars()
    assert len(bars) == 12 and bars[-1].name == "April 2026" and bars[-2].paid == 31.5
    assert "March 2026: paid $31.50, open $0.00, refunded $28.50." in window.chart.accessibleDescription()
    column = window.chart.bar_rect(10)
    qtbot.mouseClick(window.chart, Qt.MouseButton.LeftButton, pos=QPoint(int(column.center().x()), 40))
    assert asked[-1] == (["a", "b"], "The tasks posted in March 2026 (2).")
    assert unnamed(window) == []
    assert window.chart.accessibleName() == "Spending in the last 12 months"
    screen = QGuiApplication.primaryScreen().availableGeometry()
    assert fits(window.geometry(), screen)


def test_no_tasks_and_no_balance(qtbot) -> None:
    window = SpendingWindow()
    qtbot.addWidget(window)
    window.show_spending(spending([MoneyRow("x", "open", 3.0, 0.0)]), None, date(2026, 4, 20))
    window.show()
    assert window.empty.isVisible() and not window.table.isVisible()
    assert window.credit.text() == "AITasker has not said what credit there is."
    assert window.undated.isVisible() and window.undated.text().endswith(": 1.")
    assert all(bar.total == 0 for bar in window.chart.bars())
    window.chart.grab()  # draws without a bar to draw
    QApplication.processEvents()
