"""A table's columns as wide as what they show, the one that stretches taking the rest.

:class:`FittedColumns` measures the rows in view (Qt measures only those) and the headings, a
moment after the rows in view or the table's width changed (many changes, one measure). Where
that leaves the stretching column (a title) too little room, the columns named to give way do, in
order; a cell cut then shows its whole text in a tooltip (ui/widgets/full_text_tooltips.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView

MEASURE_AFTER_MS = 50


class FittedColumns(QObject):
    def __init__(self, table: QTableView, stretch: int, give_way: Sequence[int], stretch_chars: int) -> None:
        """``stretch``: the column that takes the rest, keeping room for ``stretch_chars``
        characters; ``give_way``: the columns that are narrowed, in this order, where it would not."""
        super().__init__(table)
        self._table, self._stretch, self._give_way, self._chars = table, stretch, tuple(give_way), stretch_chars
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(MEASURE_AFTER_MS)
        self._timer.timeout.connect(self.fit)
        model = table.model()
        for signal in (
            model.rowsInserted,
            model.rowsRemoved,
            model.modelReset,
            model.layoutChanged,
            model.dataChanged,
            table.verticalScrollBar().valueChanged,
        ):
            signal.connect(self._timer.start)
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._timer.start()
        return False

    def fit(self) -> None:
        table, header = self._table, self._table.horizontalHeader()
        widths = {
            column: max(table.sizeHintForColumn(column), header.sectionSizeHint(column))
            for column in range(table.model().columnCount())
            if column != self._stretch
        }
        room = table.viewport().width() - table.fontMetrics().averageCharWidth() * self._chars
        for column in self._give_way:
            over = sum(widths.values()) - room
            if over <= 0:
                break
            least = max(header.minimumSectionSize(), header.sectionSizeHint(column))
            widths[column] = max(least, widths[column] - over)
        for column, width in widths.items():
            header.resizeSection(column, width)
