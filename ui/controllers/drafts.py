"""The drafts seen from the window: autosave while typing, new, open, duplicate, delete with undo,
and one refresh of the drafts list, the outbox rows and the waiting count per change. The
content of drafts is written by app.drafts only."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QTabWidget, QWidget

from app.drafts import Continued, Drafts, OutboxRow, is_empty
from app.server_text import isolate
from app.session import Session
from app.store.disk_errors import StoreError
from app.store.drafts_table import DRAFT, SENDING, UNKNOWN, WAITING, DraftRecord
from app.tasks.life import values_to_post_again
from ui.i18n import fill, translate, words
from ui.models.draft_text import draft_as_text
from ui.panels.drafts import DraftsPanel
from ui.panels.form import TaskForm
from ui.panels.status_bar import StatusBar
from ui.panels.tasks import TasksPanel
from ui.widgets.banner import MessageBanner
from ui.windows.async_dialog import clicked_button

if TYPE_CHECKING:
    from app.api.schema import Task

AUTOSAVE_DELAY_MS = 500
RETRY_SAVE_MS = 3_000  # while saving fails (disk full), try again this often


class DraftsController(QObject):
    quitChosen = Signal()  # asked at Quit while the latest typing could not be saved: "Quit anyway"

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
        self._parent = parent
        self._spawn = session.spawn
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
        self._problem: StoreError | None = None
        self._unsaved = False  # the last save of the form's text failed (the text is only in the form)
        self._copied: dict[str, Any] | None = None  # what "Copy it" put on the clipboard
        self._quit_question: QMessageBox | None = None
        self._asking = self._quit_chosen = False
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
        values = self._form.raw_values()
        # Not saved and not empty: the store could not write it (an untouched form is not saved either).
        self._unsaved = not self.service.autosave(values) and not is_empty(values)

    def save_now(self) -> None:
        """Without waiting for a pause in typing (the window closes). A failure (disk full) is
        shown and logged, and never blocks closing."""
        self._autosave_timer.stop()
        self.save_current()

    def shutdown(self) -> None:
        """The app is closing: what the form holds is saved a last time; no timer saves after it.
        A quit question still open goes away."""
        self._quit_chosen = True
        if self._quit_question is not None:
            self._quit_question.done(0)
        self.save_now()
        self._retry_timer.stop()

    # --- Quit while the latest typing could not be saved (a full disk, a read-only folder) -------
    def holds_close(self) -> bool:
        """Quit asked for: the form is saved a last time. True when that failed with text in the
        form that is neither saved nor copied as it is now, and the person has not chosen to quit anyway."""
        if self._quit_chosen:
            return False
        self.save_now()
        return self._unsaved and self._form.raw_values() != self._copied

    def ask_to_quit(self) -> None:
        """Ask (one question at a time): keep the app open, copy the text, or quit anyway."""
        if not self._asking:
            self._asking = True
            self._spawn(self._ask_to_quit())

    async def _ask_to_quit(self) -> None:
        try:
            if not self._quit_chosen:  # (the app may have closed meanwhile)
                await self._ask()
        finally:
            self._asking = False

    async def _ask(self) -> None:
        box = QMessageBox(self._parent)
        box.setObjectName("quitUnsaved")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Not saved"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(self.tr("Your latest typing could not be saved."))
        why = words(self._problem.user_message) if self._problem is not None else ""
        box.setInformativeText(
            (why + "\n\n" if why else "")
            + self.tr(
                "Keep the app open and it saves your text as soon as it can, or copy it to paste it "
                "somewhere safe. If you quit anyway, what you typed since the last save is lost."
            )
        )
        keep = box.addButton(self.tr("Keep the app open"), QMessageBox.ButtonRole.RejectRole)
        copy = box.addButton(self.tr("Copy it"), QMessageBox.ButtonRole.ActionRole)
        quit_anyway = box.addButton(self.tr("Quit anyway"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(copy)
        box.setEscapeButton(keep)
        self._quit_question = box
        try:
            clicked = await clicked_button(box)
        finally:
            self._quit_question = None
        if clicked is copy:
            self.copy_text()
        elif clicked is quit_anyway and not self._quit_chosen:
            self._quit_chosen = True
            self.quitChosen.emit()

    def copy_text(self) -> None:
        """The form's text, readable, on the clipboard; the app stays open: a clipboard owned by an
        app that quits may be emptied with it, so the person pastes it first, then quits (without
        being asked again while the text is as copied)."""
        values = self._form.raw_values()
        QApplication.clipboard().setText(draft_as_text(values))
        self._copied = values
        self._banner.show_message(
            self.tr(
                "What you typed is on the clipboard. Paste it somewhere safe before you quit: the app "
                "still cannot save it."
            ),
            kind="warning",
        )

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

    def post_again(self, task: Task) -> None:
        """ "Post again": what is in the form is kept as its draft, and the form becomes a new draft
        with the task's category, type, budget, title, description, requirements and
        experimentation. Nothing is posted: Send asks, as always."""
        self._autosave_timer.stop()
        try:
            self.service.new(self._form.raw_values())
        except StoreError:
            return  # not saved (shown in the status bar): the form keeps its text
        self._form.load_values(values_to_post_again(task))
        self.save_current()  # the new draft is in Drafts at once
        self._form.title.setFocus()
        self._banner.show_message(
            fill(self.tr("A new draft like “%1”: check it, then send it."), isolate(task.title or "")), kind="info"
        )

    def fresh_form(self) -> None:
        self._form.clear()
        self._autosave_timer.stop()

    def _save_problem(self, problem: StoreError | None) -> None:
        self._problem = problem
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
