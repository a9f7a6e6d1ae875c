"""Drafts and the outbox, visible as such: open, duplicate, delete (with undo), take back, resend."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from app.store import DRAFT, SENDING, UNKNOWN, WAITING, DraftRecord
from app.timefmt import ago_in_words
from ui.i18n import fill, words
from ui.theme import set_tone

STATE_WORDS = {
    DRAFT: QT_TRANSLATE_NOOP("DraftsPanel", "Draft"),
    WAITING: QT_TRANSLATE_NOOP("DraftsPanel", "Waiting to send"),
    SENDING: QT_TRANSLATE_NOOP("DraftsPanel", "Sending…"),
    UNKNOWN: QT_TRANSLATE_NOOP("DraftsPanel", "Not sure it was sent"),
}
ID_ROLE = Qt.ItemDataRole.UserRole


class DraftsPanel(QWidget):
    openRequested = Signal(str)
    duplicateRequested = Signal(str)
    deleteRequested = Signal(str)
    takeBackRequested = Signal(str)
    sendAgainRequested = Signal(str)
    keepAsDraftRequested = Signal(str)
    newRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setObjectName("draftsList")
        self.list.setAccessibleName(self.tr("Drafts and tasks waiting to send"))
        self.empty = QLabel(self.tr("No drafts. What you type in the form is saved here by itself."))
        self.empty.setWordWrap(True)
        set_tone(self.empty, "quiet")
        self.state_text = QLabel()
        self.state_text.setWordWrap(True)
        self.state_text.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for name, text, signal in (
            ("new", self.tr("New task"), self.newRequested),
            ("open", self.tr("Open"), self.openRequested),
            ("duplicate", self.tr("Duplicate"), self.duplicateRequested),
            ("delete", self.tr("Delete"), self.deleteRequested),
            ("takeBack", self.tr("Take out of outbox"), self.takeBackRequested),
            ("sendAgain", self.tr("Send again"), self.sendAgainRequested),
            ("keep", self.tr("Keep as draft"), self.keepAsDraftRequested),
        ):
            button = QPushButton(text)
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
        self._selection_changed()

    def _emit_for_selected(self, signal: Signal) -> None:  # type: ignore[type-arg]
        draft_id = self.selected_id()
        if draft_id is not None:
            signal.emit(draft_id)  # type: ignore[attr-defined]

    def selected_id(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(ID_ROLE))

    def set_drafts(self, records: list[DraftRecord], *, current_id: str | None = None) -> None:
        selected = self.selected_id()
        now = datetime.now(UTC)
        self._records = {r.id: r for r in records}
        self.list.blockSignals(True)
        self.list.clear()
        for record in records:
            changed = datetime.fromtimestamp(record.updated_at, tz=UTC)
            state_words = self.tr(STATE_WORDS[record.state]) if record.state in STATE_WORDS else record.state
            editing = self.tr(" (open in the form)") if record.id == current_id else ""
            item = QListWidgetItem(fill(self.tr("%1%2\n%3 · changed %4"), record.title, editing, state_words,
                                        ago_in_words(changed, now)))
            item.setData(ID_ROLE, record.id)
            item.setToolTip(words(record.last_error) if record.last_error else state_words)
            self.list.addItem(item)
            if record.id == selected:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.empty.setVisible(not records)
        self._selection_changed()

    def _selection_changed(self, *_: object) -> None:
        draft_id = self.selected_id()
        record = self._records.get(draft_id) if draft_id else None
        state = record.state if record else None
        self.buttons["open"].setEnabled(record is not None and state != SENDING)
        self.buttons["duplicate"].setEnabled(record is not None)
        self.buttons["delete"].setEnabled(record is not None and state != SENDING)
        self.buttons["takeBack"].setVisible(state == WAITING)
        self.buttons["sendAgain"].setVisible(state == UNKNOWN)
        self.buttons["keep"].setVisible(state == UNKNOWN)
        if state == UNKNOWN:
            self.state_text.setText(
                self.tr("The connection broke while this task was being sent, so it may or may not be on "
                "AITasker. Check your tasks on aitasker.co if you can. “Send again” asks AITasker to "
                "post it with the same reference as before; “Keep as draft” sends nothing.")
            )
        elif state == WAITING:
            self.state_text.setText(words(record.last_error) if record.last_error else self.tr("This task will be sent by itself when AITasker can be reached."))  # type: ignore[union-attr]
        else:
            self.state_text.setText("")
