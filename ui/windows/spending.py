"""The Spending window (View → Spending, Ctrl+Shift+S): per month, what was committed, paid,
refunded and is still open, from the tasks this app knows (app.money), with a bar chart of the last
12 months and AITasker's own totals when it gives them. Each number opens the tasks behind it in
the table (``tasksRequested``); the window computes nothing and calls nothing: it shows what it is
given."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.money import KINDS, Balance, MonthSpending, Spending
from app.translatable import QT_TRANSLATE_NOOP
from ui.i18n import TIME, fill, money, month_name, short_when, translate, when
from ui.theme import set_tone
from ui.widgets.month_bars import Bar, MonthBars
from ui.widgets.screen_fit import keep_on_screen_when_shown, place, scroll_contents

CONTEXT = "SpendingWindow"
HEADERS = {
    "committed": QT_TRANSLATE_NOOP("SpendingWindow", "Committed"),
    "paid": QT_TRANSLATE_NOOP("SpendingWindow", "Paid"),
    "refunded": QT_TRANSLATE_NOOP("SpendingWindow", "Refunded"),
    "open": QT_TRANSLATE_NOOP("SpendingWindow", "Open"),
}
# What the table says when it shows the tasks behind a number: (one month, all months).
SHOWING = {
    "committed": (
        QT_TRANSLATE_NOOP("SpendingWindow", "The tasks posted in %1 (%2)."),
        QT_TRANSLATE_NOOP("SpendingWindow", "All tasks posted (%1)."),
    ),
    "paid": (
        QT_TRANSLATE_NOOP("SpendingWindow", "The tasks posted in %1 that were paid (%2)."),
        QT_TRANSLATE_NOOP("SpendingWindow", "All paid tasks (%1)."),
    ),
    "refunded": (
        QT_TRANSLATE_NOOP("SpendingWindow", "The tasks posted in %1 with money back (%2)."),
        QT_TRANSLATE_NOOP("SpendingWindow", "All tasks with money back (%1)."),
    ),
    "open": (
        QT_TRANSLATE_NOOP("SpendingWindow", "The tasks posted in %1 that are still open (%2)."),
        QT_TRANSLATE_NOOP("SpendingWindow", "All tasks still open (%1)."),
    ),
}
PREFERRED = QSize(700, 600)
IDS_ROLE = Qt.ItemDataRole.UserRole
WORDS_ROLE = Qt.ItemDataRole.UserRole + 1


def _tr(text: str) -> str:
    return translate(CONTEXT, text)


class SpendingWindow(QDialog):
    """Modeless; shown with ``show()``. ``show_spending`` fills it (again when tasks change)."""

    tasksRequested = Signal(list, object)  # the task IDs behind a number, and what says which (Words)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("spendingWindow")
        self.setModal(False)
        self.credit = QLabel()
        self.credit.setObjectName("spendingCredit")
        self.credit.setTextFormat(Qt.TextFormat.PlainText)
        self.credit.setWordWrap(True)
        self.credit.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.chart = MonthBars()
        self.chart.monthClicked.connect(self._month_clicked)
        self.table = QTableWidget(0, 1 + len(KINDS))
        self.table.setObjectName("spendingTable")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 1 + len(KINDS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.cellClicked.connect(self._cell_chosen)
        self.table.cellActivated.connect(self._cell_chosen)
        self.empty = QLabel()
        set_tone(self.empty, "quiet")
        self.explained = QLabel()
        self.explained.setWordWrap(True)
        set_tone(self.explained, "quiet")
        self.undated = QLabel()
        self.undated.setWordWrap(True)
        set_tone(self.undated, "quiet")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.credit)
        layout.addWidget(self.chart)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.explained)
        layout.addWidget(self.undated)
        layout.addWidget(buttons)
        self._months: list[MonthSpending] = []
        self._shown: tuple[Spending, Balance | None, date] | None = None
        self._as_of: datetime | None = None
        self.retranslate()
        scroll_contents(self, keep_below=buttons)  # a small screen scrolls it, Close stays in view
        place(self, None, PREFERRED)
        keep_on_screen_when_shown(self)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Every word in the language now installed; the months, money and counts shown again."""
        self.setWindowTitle(self.tr("Spending"))
        self.chart.setAccessibleName(self.tr("Spending in the last 12 months"))
        self.chart.setToolTip(self.tr("Click a month to see its tasks."))
        self.table.setAccessibleName(self.tr("Spending by month"))
        self.table.setHorizontalHeaderLabels([self.tr("Month"), *(_tr(HEADERS[kind]) for kind in KINDS)])
        self.empty.setText(self.tr("No tasks yet: what you post appears here, month by month."))
        self.explained.setText(
            self.tr(
                "Committed: the budgets of the tasks posted that month. Paid: what approved work cost. "
                "Refunded: what came back (expired or cancelled tasks, and budget a chosen version did not "
                "use). Open: the budgets of tasks not finished yet. Click a number, or press Enter on it, "
                "to see its tasks in Your tasks."
            )
        )
        if self._shown is not None:
            self.show_spending(*self._shown, as_of=self._as_of)

    # --- what it is told ------------------------------------------------------------------------
    def show_spending(
        self, spending: Spending, balance: Balance | None, today: date, *, as_of: datetime | None = None
    ) -> None:
        """``as_of``: when the balance was read, when it is not from a read just now (AITasker
        cannot be reached, or its last answer was not understood): said beside it."""
        self._shown = (spending, balance, today)
        self._as_of = as_of
        self._show_credit(balance)
        self._months = spending.last_months(12, today)
        self.chart.set_bars(
            [
                Bar(
                    month_name(m.year, m.month, "MMM"),
                    month_name(m.year, m.month),
                    m.usd("paid"),
                    m.usd("open"),
                    m.usd("refunded"),
                )
                for m in self._months
            ],
            {"paid": _tr(HEADERS["paid"]), "open": _tr(HEADERS["open"]), "refunded": _tr(HEADERS["refunded"])},
        )
        months = sorted(spending.months.values(), key=lambda m: (m.year, m.month), reverse=True)
        self.table.setRowCount(0)
        for month in months:
            self._add_row(month)
        if months:
            total = MonthSpending(0, 0)
            for month in months:
                for kind in KINDS:
                    total.cents[kind] += month.cents[kind]
                    total.ids[kind].extend(month.ids[kind])
            self._add_row(total, every_month=True)
        self.empty.setVisible(not months)
        self.table.setVisible(bool(months))
        self.undated.setText(
            fill(self.tr("Tasks with no known posting date, not counted in any month: %1."), len(spending.undated))
            if spending.undated
            else ""
        )
        self.undated.setVisible(bool(spending.undated))

    def _show_credit(self, balance: Balance | None) -> None:
        if balance is None:
            self.credit.setText(self.tr("AITasker has not said what credit there is."))
            return
        as_of = self._as_of
        if as_of is None:
            text = fill(self.tr("Credit: %1."), money(balance.balance_usd))
        else:
            same_day = as_of.astimezone().date() == datetime.now().astimezone().date()
            text = fill(
                self.tr("Credit: %1 (as of %2)."),
                money(balance.balance_usd),
                when(as_of, TIME) if same_day else short_when(as_of),
            )
        if balance.total_deposited_usd is not None and balance.total_spent_usd is not None:
            text += " " + fill(
                self.tr("AITasker's totals: added %1, spent %2."),
                money(balance.total_deposited_usd),
                money(balance.total_spent_usd),
            )
        self.credit.setText(text)

    def _add_row(self, month: MonthSpending, *, every_month: bool = False) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        first = QTableWidgetItem(self._name(month, every_month))
        first.setData(IDS_ROLE, list(month.ids["committed"]))
        first.setData(WORDS_ROLE, lambda: self._showing("committed", month, every_month))
        if every_month:
            font = first.font()
            font.setBold(True)
            first.setFont(font)
        self.table.setItem(row, 0, first)
        for column, kind in enumerate(KINDS, start=1):
            item = QTableWidgetItem(money(month.usd(kind)))
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setData(IDS_ROLE, list(month.ids[kind]))
            item.setData(WORDS_ROLE, lambda kind=kind: self._showing(kind, month, every_month))
            item.setToolTip(
                fill(self.tr("Tasks behind this number: %1. Click to see them in Your tasks."), len(month.ids[kind]))
            )
            if every_month:
                item.setFont(first.font())
            self.table.setItem(row, column, item)

    def _name(self, month: MonthSpending, every_month: bool) -> str:
        return self.tr("All months") if every_month else month_name(month.year, month.month)

    def _showing(self, kind: str, month: MonthSpending, every_month: bool) -> str:
        """Which tasks a number stands for, in the language installed when it is said."""
        one, every = SHOWING[kind]
        count = len(month.ids[kind])
        return fill(_tr(every), count) if every_month else fill(_tr(one), self._name(month, False), count)

    # --- what the person asks for ---------------------------------------------------------------
    def _cell_chosen(self, row: int, column: int) -> None:
        item = self.table.item(row, column)
        if item is not None:
            self.tasksRequested.emit(list(item.data(IDS_ROLE) or []), item.data(WORDS_ROLE) or "")

    def _month_clicked(self, index: int) -> None:
        month = self._months[index]
        self.tasksRequested.emit(list(month.ids["committed"]), lambda: self._showing("committed", month, False))
