"""A cut cell shows its full text in a tooltip; a cell that fits keeps the model's own tooltip."""

from __future__ import annotations

from PySide6.QtGui import QHelpEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem, QTableView, QToolTip

from ui.widgets.full_text_tooltips import FullTextDelegate


def _table(qtbot) -> tuple[QTableView, QStandardItemModel]:
    model = QStandardItemModel(1, 3)
    model.setItem(0, 0, QStandardItem("Graphics & Design › Logo design"))
    expires = QStandardItem("in 3 h 20 min")
    expires.setToolTip("Closes on 28 November 2026 at 15:20")
    model.setItem(0, 1, expires)
    model.setItem(0, 2, QStandardItem("OK"))
    view = QTableView()
    view.setModel(model)
    view.setWordWrap(False)
    view.setItemDelegate(FullTextDelegate(view))
    view.setColumnWidth(0, 80)
    view.setColumnWidth(1, 70)
    view.setColumnWidth(2, 80)
    qtbot.addWidget(view)
    view.resize(400, 200)
    view.show()
    qtbot.waitExposed(view)
    return view, model


def _hover(view: QTableView, row: int, column: int) -> str:
    QToolTip.hideText()
    rect = view.visualRect(view.model().index(row, column))
    local = rect.center()
    event = QHelpEvent(QHelpEvent.Type.ToolTip, local, view.viewport().mapToGlobal(local))
    QApplication.sendEvent(view.viewport(), event)
    return QToolTip.text() if QToolTip.isVisible() else ""


def test_a_cut_cell_shows_its_full_text(qtbot) -> None:
    view, _ = _table(qtbot)
    tip = _hover(view, 0, 0)
    assert "Graphics &amp; Design › Logo design" in tip  # escaped: shown exactly as typed


def test_a_cut_cell_with_its_own_tooltip_shows_both(qtbot) -> None:
    view, _ = _table(qtbot)
    tip = _hover(view, 0, 1)
    assert "in 3 h 20 min" in tip and "Closes on 28 November 2026 at 15:20" in tip


def _tooltip(view: QTableView, row: int, column: int) -> str:
    """What the delegate would show for a cell now (without waiting for a tooltip to fade)."""
    delegate = view.itemDelegate()
    assert isinstance(delegate, FullTextDelegate)
    index = view.model().index(row, column)
    option = QStyleOptionViewItem()
    option.initFrom(view.viewport())
    option.rect = view.visualRect(index)
    option.widget = view
    return delegate.full_text_tooltip(option, index, view)


def test_a_cell_that_fits_shows_only_the_models_tooltip(qtbot) -> None:
    view, _ = _table(qtbot)
    assert _tooltip(view, 0, 2) == ""  # fits, nothing to add
    view.setColumnWidth(1, 300)
    assert _tooltip(view, 0, 1) == "Closes on 28 November 2026 at 15:20"
    view.setColumnWidth(0, 400)
    assert _tooltip(view, 0, 0) == ""  # now fits


def test_the_cut_is_judged_at_the_time_of_asking(qtbot) -> None:
    view, model = _table(qtbot)
    assert _tooltip(view, 0, 2) == ""
    model.item(0, 2).setText("A much longer title than fits")
    assert "A much longer title than fits" in _tooltip(view, 0, 2)
    assert model.item(0, 2).toolTip() == ""  # the model keeps no copy of the text for the tooltip
