"""A table's columns as wide as what they show, the one that stretches taking the rest.

:class:`FittedColumns` measures the rows in view and the headings, a moment after the rows in
view or the table's width changed (many changes, one measure). Qt's own measure of a column goes
on past the rows in view up to a thousand rows (``resizeContentsPrecision``): a thousand calls
into the model per column, over 100 ms at 100,000 tasks; it is told to stop at a screenful. Where
that leaves the stretching column (a title) too little room, the columns named to give way do, in
order; a cell cut then shows its whole text in a tooltip (ui/widgets/full_text_tooltips.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView

from ui.widgets.viewport import viewport_of

MEASURE_AFTER_MS = 50
_FIRST = (QEvent.Type.Show, QEvent.Type.Paint)


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
        for signal in (model.rowsInserted, model.rowsRemoved):
            signal.connect(self._rows_changed)
        for signal in (
            model.modelReset,
            model.layoutChanged,
            model.dataChanged,
            table.verticalScrollBar().valueChanged,
        ):
            signal.connect(self._timer.start)
        # The viewport's resizes are watched from the first fit on (a fit is due now, as a resize
        # would make it). Its wrapper is made here at little cost (ui/widgets/viewport.py): a
        # first viewport() later would hold the loop for 5–10 ms.
        self._viewport = viewport_of(table)
        self._watching = False
        self._timer.start()
        self._viewport.installEventFilter(self)  # shown or first painted: the fit that is due comes first

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Resize and self._watching:
            self._timer.start()
        elif kind in _FIRST and not self._watching and self._timer.isActive():
            # The table is shown (its window laid out) or about to be drawn the first time: fitted
            # now, before its first picture, not just after it (a second picture of the whole table).
            self._timer.stop()
            self.fit()
        return False

    def _rows_changed(self, _parent: object, first: int, _last: int) -> None:
        """Rows came or went: measured again only when the rows in view changed (rows added below
        them, as while the older stored tasks load, change nothing on screen but the scroll bar)."""
        table = self._table
        bottom = table.rowAt(self._viewport.height() - 1)
        if bottom < 0 or first <= bottom:
            self._timer.start()

    def fit(self) -> None:
        table, header = self._table, self._table.horizontalHeader()
        self._watching = True
        header.setResizeContentsPrecision(self._rows_in_view())
        widths = {
            column: max(table.sizeHintForColumn(column), header.sectionSizeHint(column))
            for column in range(table.model().columnCount())
            if column != self._stretch
        }
        room = self._viewport.width() - table.fontMetrics().averageCharWidth() * self._chars
        for column in self._give_way:
            over = sum(widths.values()) - room
            if over <= 0:
                break
            least = max(header.minimumSectionSize(), header.sectionSizeHint(column))
            widths[column] = max(least, widths[column] - over)
        for column, width in widths.items():
            header.resizeSection(column, width)

    def _rows_in_view(self) -> int:
        """How many rows the viewport shows (at least one): what a column's measure looks at."""
        table = self._table
        top, bottom = table.rowAt(0), table.rowAt(self._viewport.height() - 1)
        if top < 0:
            return 1
        if bottom < 0:  # the rows end above the viewport's bottom
            bottom = table.model().rowCount() - 1
        return max(1, bottom - top + 1)
