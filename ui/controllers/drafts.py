"""The drafts seen from the window: autosave while typing, new, open, duplicate, delete with undo,
and one refresh of the drafts list, the outbox rows and the waiting count per change. The
content of drafts is written by app.drafts only."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QTabWidget, QWidget

from app.drafts import Continued, Drafts, OutboxRow
from app.session import Session
from app.store.disk_errors import StoreError
from app.store.drafts_table import DRAFT, SENDING, UNKNOWN, WAITING, DraftRecord
from ui.i18n import fill, translate, words
from ui.panels.drafts import DraftsPanel
from ui.panels.form import TaskForm
from ui.panels.status_bar import StatusBar
from ui.panels.tasks import TasksPanel
from ui.widgets.banner import MessageBanner

AUTOSAVE_DELAY_MS = 500
RETRY_SAVE_MS = 3_000  # while saving fails (disk full), try again this often


class DraftsController(QObject):
    def __init__(
        self,
        parent: QWidget,
        service: Drafts,
        session: Session,
        form: TaskForm,
        banner: MessageBanner,
        panel: DraftsPanel,
        tasks: TasksPanel,
        status: StatusBar,
        tabs: QTabWidget,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self._form, self._banner, self._panel = form, banner, panel
        self._tasks, self._status, self._tabs = tasks, status, tabs
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setSingleShot(True)
        self._autosave_timer.setInterval(AUTOSAVE_DELAY_MS)
        self._autosave_timer.timeout.connect(self.save_current)
        form.changed.connect(self._autosave_timer.start)
        form.submitRequested.connect(self._autosave_timer.stop)  # the send saves it itself
        panel.openRequested.connect(self.open)
        panel.duplicateRequested.connect(self.duplicate)
        panel.deleteRequested.connect(self.delete)
        panel.newRequested.connect(self.new)
        self._marks: dict[str, tuple[object, ...]] = {}  # the outbox's drafts as last shown
        self._rows: dict[str, OutboxRow] = {}  # and their rows in the table
        service.changed.connect(self._draft_changed)
        service.continued.connect(self._continued)
        session.outbox_changed.connect(lambda _: self.refresh_outbox())
        # Saving that fails (a full disk, a folder made read-only) shows in the status bar until a
        # save works again; the text stays in the form and is saved as soon as it can be.
        self._retry_timer = QTimer(self)
        self._retry_timer.setInterval(RETRY_SAVE_MS)
        self._retry_timer.timeout.connect(self.save_current)
        session.store.add_problem_listener(self._save_problem)

    def say_what_start_found(self, moved_aside: Path | None, interrupted: list[str]) -> None:
        """At start: a drafts file that could not be read (kept aside), or a send the app was closed
        during. Texts keep the ``MainWindow`` translation context."""
        if moved_aside is not None:
            self._banner.show_message(
                fill(
                    translate(
                        "MainWindow",
                        "Your saved drafts file could not be read, so a new one was started. The old file was kept here: %1",
                    ),
                    moved_aside,
                ),
                kind="warning",
            )
        elif interrupted:
            self._banner.show_message(
                translate(
                    "MainWindow",
                    "The app closed while a task was being sent. Open Drafts to check it: it is marked "
                    "“Not sure it was sent”.",
                ),
                kind="warning",
            )

    def save_current(self) -> None:
        """Autosave: the form's content goes to the current draft (an untouched form is not saved)."""
        self.service.autosave(self._form.raw_values())

    def save_now(self) -> None:
        """Without waiting for a pause in typing (the window closes). A failure (disk full) is
        shown and logged, and never blocks closing."""
        self._autosave_timer.stop()
        self.save_current()

    def shutdown(self) -> None:
        """The app is closing: what the form holds is saved a last time; no timer saves after it."""
        self.save_now()
        self._retry_timer.stop()

    def new(self) -> None:
        self._autosave_timer.stop()
        try:
            self.service.new(self._form.raw_values())
        except StoreError:
            return  # not saved (shown in the status bar): the form keeps its text
        self.fresh_form()

    def duplicate(self, draft_id: str) -> None:
        try:
            self.service.duplicate(draft_id, self._form.raw_values())
        except StoreError:
            pass  # shown in the status bar

    def fresh_form(self) -> None:
        self._form.clear()
        self._autosave_timer.stop()

    def _save_problem(self, problem: StoreError | None) -> None:
        self._status.show_save_problem(
            words(problem.short) if problem else None, words(problem.user_message) if problem else ""
        )
        if problem is None:
            self._retry_timer.stop()
        else:
            self._retry_timer.start()

    def _continued(self, change: Continued) -> None:
        if change.earlier is not None and change.earlier.state in (SENDING, UNKNOWN):
            self._banner.show_message(
                fill(
                    self.tr(
                        "Your changes are kept as a new draft. The earlier version (“%1”) may already be posted; it stays in Drafts as “Not sure it was sent” until you check it."
                    ),
                    change.earlier.title,
                ),
                kind="info",
            )
        elif change.earlier is None:
            self._banner.show_message(
                self.tr("This draft was already sent or removed; what you typed is kept as a new draft."), kind="info"
            )

    def open(self, draft_id: str) -> None:
        self._autosave_timer.stop()
        try:
            opened = self.service.open(draft_id, self._form.raw_values())
        except StoreError:
            return  # shown in the status bar; the form keeps what it has
        if opened is None:
            record = self.service.get(draft_id)
            if record is not None and record.state in (WAITING, SENDING):
                self._banner.show_message(
                    self.tr("This task is on its way right now and can't be opened for editing."), kind="info"
                )
            return
        if opened.taken_out_of_outbox:
            self._banner.show_message(
                self.tr("Taken out of the outbox so you can edit it. Send it again when ready."), kind="info"
            )
        self._form.load_values(opened.record.values)
        self._autosave_timer.stop()
        self._form.title.setFocus()

    def delete(self, draft_id: str) -> None:
        was_current = draft_id == self.service.current_id
        if was_current:
            self._autosave_timer.stop()
        try:
            deleted = self.service.delete(draft_id)
        except StoreError:
            return  # shown in the status bar; nothing was deleted
        if deleted is None:
            return
        if was_current:
            self.fresh_form()
        self._banner.show_message(
            fill(self.tr("Deleted “%1”."), deleted.record.title), kind="info", actions=[(self.tr("Undo"), deleted.undo)]
        )

    def refresh_view(self) -> None:
        """Everything again, from one store read: the drafts list, the outbox rows, the count
        (at start, and when more than one draft changed: which one is open, a delete, a copy)."""
        records = self.service.records()
        self._panel.set_drafts(records, current_id=self.service.current_id)
        self._show_outbox([r for r in records if r.state != DRAFT])
        self._show_count()

    def _draft_changed(self, draft_id: str | None) -> None:
        """One draft changed (an autosave, 10,000 drafts or not): its row alone is updated."""
        if draft_id is None:
            self.refresh_view()
            return
        record = self.service.get(draft_id)
        if record is None:
            self._panel.remove_draft(draft_id)
        else:
            self._panel.update_draft(record, current_id=self.service.current_id)
        if draft_id in self._marks or (record is not None and record.state != DRAFT):
            self.refresh_outbox()
        self._show_count()

    def refresh_outbox(self) -> None:
        """The outbox moved (a draft queued, sending, sent, back): a light read tells which of its
        drafts changed; only those are read in full and only their rows touched."""
        marks = self.service.outbox_marks()
        changed = [draft_id for draft_id, mark in marks.items() if self._marks.get(draft_id) != mark]
        for draft_id in changed:
            record = self.service.get(draft_id)
            if record is not None:
                self._panel.update_draft(record, current_id=self.service.current_id)
                self._rows[draft_id] = OutboxRow.of(record)
        for draft_id in set(self._marks) - set(marks):  # sent (gone), or back to being a draft
            self._rows.pop(draft_id, None)
            record = self.service.get(draft_id)
            if record is None:
                self._panel.remove_draft(draft_id)
            else:
                self._panel.update_draft(record, current_id=self.service.current_id)
        self._marks = marks
        self._publish_outbox()
        self._show_count()

    def _show_outbox(self, records: list[DraftRecord]) -> None:
        self._marks = {r.id: _mark(r) for r in records}
        self._rows = {r.id: OutboxRow.of(r) for r in records}
        self._publish_outbox()

    def _publish_outbox(self) -> None:
        self._tasks.set_outbox(list(self._rows.values()))
        self._status.show_waiting(sum(1 for mark in self._marks.values() if mark[0] == WAITING))

    def _show_count(self) -> None:
        count = self._panel.count()
        self._tabs.setTabText(
            self._tabs.indexOf(self._panel), fill(self.tr("Drafts (%1)"), count) if count else self.tr("Drafts")
        )


def _mark(record: DraftRecord) -> tuple[object, ...]:
    """What Store.outbox_marks says of a draft."""
    return record.state, record.updated_at, record.queued_at, record.last_error
