"""Drafts and the outbox, visible as such: open, duplicate, delete (with undo), take back, resend."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QEvent, Qt, Signal, SignalInstance
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from app.store.drafts_table import CREDIT, DRAFT, SENDING, UNKNOWN, WAITING, DraftRecord
from app.timefmt import ago_in_words
from app.translatable import QT_TRANSLATE_NOOP
from ui.i18n import fill, words
from ui.theme import set_tone
from ui.widgets.divided_list import divide_items

STATE_WORDS: dict[str, str] = {
    DRAFT: QT_TRANSLATE_NOOP("DraftsPanel", "Draft"),
    WAITING: QT_TRANSLATE_NOOP("DraftsPanel", "Waiting to send"),
    SENDING: QT_TRANSLATE_NOOP("DraftsPanel", "Sending…"),
    UNKNOWN: QT_TRANSLATE_NOOP("DraftsPanel", "Not sure it was sent"),
    CREDIT: QT_TRANSLATE_NOOP("DraftsPanel", "Waiting for credit"),
}
ID_ROLE = Qt.ItemDataRole.UserRole


class DraftsPanel(QWidget):
    openRequested = Signal(str)
    duplicateRequested = Signal(str)
    deleteRequested = Signal(str)
    takeBackRequested = Signal(str)
    sendAgainRequested = Signal(str)
    keepAsDraftRequested = Signal(str)
    topUpRequested = Signal(str)  # "Add credit on the website" for a draft waiting for credit
    newRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setObjectName("draftsList")
        divide_items(self.list)  # each draft (two lines) told apart from the next
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        set_tone(self.empty, "quiet")
        self.state_text = QLabel()
        self.state_text.setWordWrap(True)
        self.state_text.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for name, signal in (
            ("new", self.newRequested),
            ("open", self.openRequested),
            ("duplicate", self.duplicateRequested),
            ("delete", self.deleteRequested),
            ("takeBack", self.takeBackRequested),
            ("sendAgain", self.sendAgainRequested),
            ("keep", self.keepAsDraftRequested),
            ("topUp", self.topUpRequested),
        ):
            button = QPushButton()
            button.setObjectName(f"drafts_{name}")
            if name == "new":
                button.clicked.connect(signal.emit)
            else:
                button.clicked.connect(lambda _=False, s=signal: self._emit_for_selected(s))
            self.buttons[name] = button
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.state_text)
        layout.addLayout(row)
        self.list.currentItemChanged.connect(self._selection_changed)
        self.list.itemDoubleClicked.connect(lambda item: self.openRequested.emit(item.data(ID_ROLE)))
        self._records: dict[str, DraftRecord] = {}
        self._items: dict[str, QListWidgetItem] = {}
        self._current_id: str | None = None
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Every word in the language now installed: the buttons, and each draft's lines."""
        self.list.setAccessibleName(self.tr("Drafts and tasks waiting to send"))
        self.empty.setText(self.tr("No drafts. What you type in the form is saved here by itself."))
        for name, text in (
            ("new", self.tr("New task")),
            ("open", self.tr("Open")),
            ("duplicate", self.tr("Duplicate")),
            ("delete", self.tr("Delete")),
            ("takeBack", self.tr("Take out of outbox")),
            ("sendAgain", self.tr("Send again")),
            ("keep", self.tr("Keep as draft")),
            ("topUp", self.tr("Add credit on the website")),
        ):
            self.buttons[name].setText(text)
        now = datetime.now(UTC)
        for draft_id, record in self._records.items():
            self._show(self._items[draft_id], record, now)
        self._selection_changed()

    def _emit_for_selected(self, signal: SignalInstance) -> None:
        draft_id = self.selected_id()
        if draft_id is not None:
            signal.emit(draft_id)

    def selected_id(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(ID_ROLE))

    # --- the list, updated by row (10,000 drafts: an autosave touches one item, not all) ----------
    def _state_words(self, record: DraftRecord) -> str:
        return self.tr(STATE_WORDS[record.state]) if record.state in STATE_WORDS else str(record.state)

    def _text(self, record: DraftRecord, now: datetime) -> str:
        changed = datetime.fromtimestamp(record.updated_at, tz=UTC)
        editing = self.tr(" (open in the form)") if record.id == self._current_id else ""
        return fill(
            self.tr("%1%2\n%3 · changed %4"),
            record.title,
            editing,
            self._state_words(record),
            ago_in_words(changed, now),
        )

    def _show(self, item: QListWidgetItem, record: DraftRecord, now: datetime) -> None:
        text = self._text(record, now)
        if item.text() != text:
            item.setText(text)
        tooltip = words(record.last_error) if record.last_error else self._state_words(record)
        if item.toolTip() != tooltip:
            item.setToolTip(tooltip)

    def _new_item(self, record: DraftRecord, now: datetime) -> QListWidgetItem:
        item = QListWidgetItem()
        item.setData(ID_ROLE, record.id)
        self._show(item, record, now)
        self._items[record.id] = item
        return item

    def count(self) -> int:
        return len(self._records)

    def set_drafts(self, records: list[DraftRecord], *, current_id: str | None = None) -> None:
        """Show exactly these drafts (newest first): items are reused and only changed text is set;
        the list is rebuilt only when the order changed."""
        selected = self.selected_id()
        now = datetime.now(UTC)
        self._current_id = current_id
        order = [r.id for r in records]
        self.list.blockSignals(True)
        if order == [self.list.item(i).data(ID_ROLE) for i in range(self.list.count())]:
            for record in records:
                self._show(self._items[record.id], record, now)
        else:
            self.list.clear()
            self._items = {}
            for record in records:
                self.list.addItem(self._new_item(record, now))
        self._records = {r.id: r for r in records}
        if selected in self._items and self.selected_id() != selected:
            self.list.setCurrentItem(self._items[selected])
        self.list.blockSignals(False)
        self.empty.setVisible(not records)
        self._selection_changed()

    def update_draft(self, record: DraftRecord, *, current_id: str | None = None) -> None:
        """One draft was saved or changed state: its item alone is updated (or added at the top
        when it is the newest, as an autosave makes it)."""
        now = datetime.now(UTC)
        if current_id != self._current_id:
            self.set_current(current_id)
        item = self._items.get(record.id)
        self.list.blockSignals(True)
        if item is None:
            item = self._new_item(record, now)
            self.list.insertItem(0 if self._is_newest(record) else self.list.count(), item)
        else:
            self._show(item, record, now)
            row = self.list.row(item)
            if row > 0 and self._is_newest(record):
                current = self.list.currentItem()
                self.list.takeItem(row)
                self.list.insertItem(0, item)
                if current is not None:
                    self.list.setCurrentItem(current)
        self._records[record.id] = record
        self.list.blockSignals(False)
        self.empty.setVisible(False)
        if self.selected_id() == record.id:
            self._selection_changed()

    def _is_newest(self, record: DraftRecord) -> bool:
        top = self.list.item(0)
        if top is None:
            return True
        newest = self._records.get(str(top.data(ID_ROLE)))
        return newest is None or newest.id == record.id or record.updated_at >= newest.updated_at

    def remove_draft(self, draft_id: str) -> None:
        item = self._items.pop(draft_id, None)
        self._records.pop(draft_id, None)
        if item is not None:
            self.list.takeItem(self.list.row(item))
        self.empty.setVisible(not self._records)
        self._selection_changed()

    def set_current(self, current_id: str | None) -> None:
        """Which draft is open in the form (its item says so)."""
        previous, self._current_id = self._current_id, current_id
        now = datetime.now(UTC)
        for draft_id in {draft_id for draft_id in (previous, current_id) if draft_id is not None}:
            record = self._records.get(draft_id)
            if record is not None:
                self._show(self._items[record.id], record, now)

    def _selection_changed(self, *_: object) -> None:
        draft_id = self.selected_id()
        record = self._records.get(draft_id) if draft_id else None
        state = record.state if record else None
        self.buttons["open"].setEnabled(record is not None and state != SENDING)
        self.buttons["duplicate"].setEnabled(record is not None)
        self.buttons["delete"].setEnabled(record is not None and state != SENDING)
        self.buttons["takeBack"].setVisible(state in (WAITING, CREDIT))
        self.buttons["topUp"].setVisible(state == CREDIT)
        self.buttons["sendAgain"].setVisible(state == UNKNOWN)
        self.buttons["keep"].setVisible(state == UNKNOWN)
        if record is not None and state == UNKNOWN:
            # What happened (a broken connection, no answer in time, a server error…), then what to do.
            happened = (
                words(record.last_error)
                if record.last_error
                else self.tr("This task may or may not be on AITasker: we can't tell whether it arrived.")
            )
            self.state_text.setText(
                fill(
                    self.tr(
                        "%1 Check your tasks on aitasker.co if you can. “Send again” asks AITasker to "
                        "post it with the same reference as before; “Keep as draft” sends nothing."
                    ),
                    happened,
                )
            )
        elif record is not None and state == CREDIT:
            self.state_text.setText(
                fill(
                    self.tr("%1 It waits here; after adding credit, press Refresh on Your tasks to send it."),
                    words(record.last_error) if record.last_error else self.tr("Not enough credit."),
                )
            )
        elif record is not None and state == WAITING:
            self.state_text.setText(
                words(record.last_error)
                if record.last_error
                else self.tr("This task will be sent by itself when AITasker can be reached.")
            )
        else:
            self.state_text.setText("")
