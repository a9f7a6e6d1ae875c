"""One task from start to finish, in a window of its own (one per task, reused).

Titled with the task's title; under it where the task is now (and the agent's question, when it
asks one), a message line, and the parts: Progress, Versions (the review, embedded), Final work
and Money. Below them the saving of the final work and the buttons: "Save all", "Approve and pay…",
"Ask for changes…", "Report a problem…", "Cancel task…", "Post again", and "Answer…" while the
agent waits for an answer. Everything scrolls rather than pushing the window past the screen.

The window shows what it is told (:meth:`show_task`, :meth:`show_delivery`, :meth:`say`,
:meth:`set_available`, :meth:`show_progress_of_save`, pictures) and says what the person asked for
(the ``…Requested`` signals); ui/controllers/task_windows.py does the work.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAccessible, QCloseEvent, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.api.contract import STATUSES, status_info
from app.api.schema import Task
from app.server_text import isolate, isolate_lines
from app.tasks import life
from app.tasks.delivery import Delivery, DeliveryItem
from app.translatable import QT_TRANSLATE_NOOP
from ui.i18n import Words, fill, translate, words
from ui.i18n import say as said_now
from ui.theme import set_tone
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.plain_label import plain_label
from ui.widgets.screen_fit import place
from ui.windows.task.final_work import FinalWorkPart
from ui.windows.task.money import MoneyPart
from ui.windows.task.progress import ProgressPart
from ui.windows.task.save_bar import SaveBar

__all__ = ["TaskWindow"]

PREFERRED = QSize(1000, 700)
# Statuses the app's contract may not name yet (a server's words for the life after the choice):
# said here in the window's own words; the contract's words win once it has them.
AFTER_CHOICE = {
    "input_required": (
        QT_TRANSLATE_NOOP("TaskWindow", "Question for you"),
        QT_TRANSLATE_NOOP("TaskWindow", "The agent asks you something before finishing the work."),
    ),
    "delivered": (
        QT_TRANSLATE_NOOP("TaskWindow", "Final work ready"),
        QT_TRANSLATE_NOOP("TaskWindow", "The final work is ready for you to look at and approve."),
    ),
    "disputed": (
        QT_TRANSLATE_NOOP("TaskWindow", "Problem reported"),
        QT_TRANSLATE_NOOP("TaskWindow", "You reported a problem with the work. AITasker looks into it."),
    ),
}
BEFORE_CHOICE = ("open", "matching", "prototyping", "review")
PARTS = ("progress", "versions", "final_work", "money")
WITH_WORK = ("delivered", "completed", "disputed")


def _scrolled(widget: QWidget, name: str) -> QScrollArea:
    area = QScrollArea()
    area.setObjectName(name)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setWidget(widget)
    return area


class TaskWindow(QMainWindow):
    approveRequested = Signal()
    changesRequested = Signal()
    problemRequested = Signal()
    cancelRequested = Signal()
    answerRequested = Signal()
    postAgainRequested = Signal()
    saveAllRequested = Signal()
    saveAsRequested = Signal(object)  # a delivery item
    saveCancelRequested = Signal()
    sharperWanted = Signal(object)  # a delivery item whose picture is shown larger than its copy
    refreshRequested = Signal()
    closed = Signal(str)  # the task's id
    languageChanged = Signal(str)  # the task's id: its window speaks another language now

    def __init__(
        self, task: Task, parent: QWidget | None = None, *, now: Callable[[], datetime] = lambda: datetime.now(UTC)
    ) -> None:
        super().__init__(parent)
        self.setObjectName("taskWindow")
        self.task = task
        self.delivery: Delivery | None = None
        self._parts_chosen = False
        self._chosen_price: float | None = None

        self.heading = plain_label("", "taskHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.status_line = plain_label("", "taskStatus")
        self.question = plain_label("", "agentQuestion")
        self.question.hide()
        self.message = plain_label("", "taskMessage")
        self.message.hide()

        self.progress = ProgressPart(now=now)
        self.money = MoneyPart()
        self.final_work = FinalWorkPart()
        self.final_work.saveAsRequested.connect(self.saveAsRequested)
        self.final_work.sharperWanted.connect(self.sharperWanted)
        self.versions_page = QWidget()
        self.versions_page.setObjectName("versionsPage")
        self._versions_layout = QVBoxLayout(self.versions_page)
        self._versions_layout.setContentsMargins(0, 0, 0, 0)
        self.no_versions = plain_label("", "noVersions")
        self._versions_layout.addWidget(self.no_versions)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("taskParts")
        for part in (_scrolled(self.progress, "progressScroll"), self.versions_page, self.final_work):
            self.tabs.addTab(part, "")
        self.tabs.addTab(_scrolled(self.money, "moneyScroll"), "")
        self.tabs.setMinimumHeight(220)

        self.save_bar = SaveBar()
        self.save_bar.cancelRequested.connect(self.saveCancelRequested)
        self.buttons: dict[str, QPushButton] = {}
        row = QWidget()
        row.setObjectName("taskButtons")
        flow = FlowLayout(row)
        for name, signal in (
            ("save", self.saveAllRequested),
            ("approve", self.approveRequested),
            ("changes", self.changesRequested),
            ("problem", self.problemRequested),
            ("answer", self.answerRequested),
            ("cancel", self.cancelRequested),
            ("post_again", self.postAgainRequested),
        ):
            button = QPushButton()
            button.setObjectName(f"{name}Button")
            button.clicked.connect(signal)
            self.buttons[name] = button
            flow.addWidget(button)
        self.buttons["answer"].hide()
        self._close = close = QPushButton()
        close.setObjectName("closeTaskWindow")
        close.clicked.connect(self.close)
        flow.addWidget(close)

        content = QWidget()
        content.setObjectName("taskContent")
        layout = QVBoxLayout(content)
        layout.addWidget(self.heading)
        layout.addWidget(self.status_line)
        layout.addWidget(self.question)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.save_bar)
        layout.addWidget(row)
        self.setCentralWidget(_scrolled(content, "taskScroll"))

        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.refreshRequested.emit)
        place(self, None, PREFERRED)  # within the screen's available area, whatever its scale
        self._said: tuple[Words, str] = ("", "")
        self._said_at = life.step(task)  # a message said then goes once the task has moved past it
        self._say_words()
        self.show_task(task)

    def changeEvent(self, event: QEvent) -> None:
        """A new language: its words, and the task's, said again (its parts say their own; the
        controller says again why a button can't be pressed: ``languageChanged``)."""
        if event.type() == QEvent.Type.LanguageChange:
            self._say_words()
            self.show_task(self.task)
            if self._said[0]:
                self.say(*self._said)
            self.languageChanged.emit(self.task.id)
        super().changeEvent(event)

    def _say_words(self) -> None:
        self.no_versions.setText(self.tr("Loading the versions…"))
        self.tabs.setAccessibleName(self.tr("Parts of this task"))  # (a stop on the way to its tabs: named)
        self.tabs.tabBar().setAccessibleName(self.tr("Parts of this task"))
        for index, text in enumerate(
            (self.tr("Pr&ogress"), self.tr("&Versions"), self.tr("F&inal work"), self.tr("&Money"))
        ):
            self.tabs.setTabText(index, text)
        for name, text in (
            ("save", self.tr("&Save all")),
            ("approve", self.tr("&Approve and pay…")),
            ("changes", self.tr("Ask for c&hanges…")),
            ("problem", self.tr("Report a &problem…")),
            ("answer", self.tr("A&nswer…")),
            ("cancel", self.tr("Cancel tas&k…")),
            ("post_again", self.tr("Post a&gain")),
        ):
            self.buttons[name].setText(text)
        self._close.setText(self.tr("Close"))

    # --- what the person does --------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed.emit(self.task.id)
        super().closeEvent(event)

    def show_part(self, name: str) -> None:
        """Bring a part to the front: "progress", "versions", "final_work" or "money"."""
        self.tabs.setCurrentIndex(PARTS.index(name))

    # --- what it is told -------------------------------------------------------------------------

    def show_task(self, task: Task) -> None:
        """The task as the server says it now: title, where it is, the parts, which buttons apply."""
        if task.id != self.task.id:
            return
        self.task = task
        if self._said[0] and life.past(self._said_at, task):
            self.say("")
        title = isolate((task.title or "").strip()) or self.tr("Your task")
        self.setWindowTitle(title)
        self.heading.setText(title)
        self.status_line.setText(fill(self.tr("%1: %2"), *self._status_words(task)))
        question = self._question(task)
        self.question.setText(fill(self.tr("The agent asks: “%1”"), isolate_lines(question)) if question else "")
        self.question.setVisible(bool(question))
        set_tone(self.question, "warning" if question else None)
        self.buttons["answer"].setVisible(bool(question))
        self.progress.show_task(task)
        self.money.show_task(task, self._chosen_price)
        if not self._parts_chosen:
            self._parts_chosen = True
            self.show_part(
                "versions" if task.status == "review" else "final_work" if task.status in WITH_WORK else "progress"
            )
        self._keep_focus()

    def show_chosen_price(self, price: float | None) -> None:
        """The chosen version's price as the versions say it (when the task itself does not)."""
        self._chosen_price = price
        self.money.show_task(self.task, price)

    def _status_words(self, task: Task) -> tuple[str, str]:
        if task.status not in STATUSES and task.status in AFTER_CHOICE:
            label, explanation = AFTER_CHOICE[task.status]
            return self.tr(label), self.tr(explanation)
        return words(status_info(task.status).label), self._explanation(task)

    def _explanation(self, task: Task) -> str:
        if task.status == "completed":
            by = (task.model_extra or {}).get("approved_by")
            if by == "buyer":
                return self.tr("You approved the work.")
            if by == "automatic":
                return self.tr("The work was approved automatically: the time to approve it ended.")
            return self.tr("The task is finished.")
        return words(status_info(task.status).explanation)

    @staticmethod
    def _question(task: Task) -> str:
        if not life.waits_for_answer(task):  # any status or shape the task actions answer (app.tasks.life)
            return ""
        asked = life.question_of(task)
        return (
            asked.text[:2000] if asked is not None else translate("TaskWindow", "The agent is waiting for your answer.")
        )

    def show_delivery(self, delivery: Delivery | None) -> None:
        self.delivery = delivery
        self.final_work.show_delivery(delivery)

    def embed_versions(self, part: QWidget) -> None:
        """The versions of this task (the review, as a part of this window)."""
        self.no_versions.hide()
        self._versions_layout.addWidget(part)
        part.show()

    @property
    def said(self) -> Words:
        """What the message line says now, as it was given to :meth:`say` ("" when nothing)."""
        return self._said[0]

    def say(self, message: Words, detail: str = "") -> None:
        """A message about what just happened, shown and announced to a screen reader (given as
        what makes it, it is said again in a new language)."""
        self._said, self._said_at = (message, detail), life.step(self.task)
        text = said_now(message)
        self.message.setText(text)
        self.message.setToolTip(detail)
        self.message.setVisible(bool(text))
        if text and hasattr(QAccessible, "updateAccessibility"):
            try:
                from PySide6.QtGui import QAccessibleAnnouncementEvent

                QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self.message, text))
            except (ImportError, RuntimeError):  # Qt before 6.8: the label's change is read instead
                pass
        self._keep_focus()

    def set_available(self, reasons: dict[str, str]) -> None:
        """Per button ("save", "approve", "changes", "problem", "cancel", "answer", "post_again"): ""
        when it can be pressed, else why not (shown as its tooltip and description)."""
        for name, reason in reasons.items():
            button = self.buttons.get(name)
            if button is None:
                continue
            if reason and button is self.focusWidget():  # before Qt moves it on to whatever comes next
                self._focus_instead_of(name)
            button.setEnabled(not reason)
            button.setToolTip(reason)
            button.setAccessibleDescription(reason)
        self._keep_focus()

    def show_progress_of_save(self, done: int, total: int | None, where: Path | None = None) -> None:
        in_flow = self._focus_in_save_flow()
        self.save_bar.show_progress(done, total, where)
        if in_flow and not self.save_bar.cancel_button.hasFocus():
            self.save_bar.cancel_button.setFocus(Qt.FocusReason.OtherFocusReason)  # Save all is held: Cancel is next

    def save_ended(self, text: str, folder: Path | None) -> None:
        in_flow = self._focus_in_save_flow()
        self.save_bar.show_result(text, folder)
        if in_flow and folder is not None:
            self.save_bar.open_button.setFocus(Qt.FocusReason.OtherFocusReason)  # where the files went, one key away
        elif in_flow:
            self.buttons["save"].setFocus(Qt.FocusReason.OtherFocusReason)
        self._keep_focus()

    def _focus_in_save_flow(self) -> bool:
        """The keyboard is on Save all, the save bar, or nowhere useful: it may follow the saving."""
        focus = self.focusWidget()
        bar = self.save_bar
        return (
            focus is None
            or not focus.isEnabled()
            or not focus.isVisible()
            or focus in (self.buttons["save"], bar.cancel_button, bar.open_button, self.final_work.save_as_button)
        )

    def current_item(self) -> DeliveryItem | None:
        """The item of the final work in view."""
        return self.final_work.current_item()

    def pictures_wanted(self) -> list[DeliveryItem]:
        """The final work's pictures that have neither arrived nor failed yet."""
        return self.final_work.pictures_wanted()

    def show_picture(self, url: str, pixmap: QPixmap) -> None:
        self.final_work.show_picture(url, pixmap)

    def picture_failed(self, url: str, reason: str) -> None:
        self.final_work.picture_failed(url, reason)

    def show_sharper(self, url: str, pixmap: QPixmap) -> None:
        self.final_work.show_sharper(url, pixmap)

    # --- focus -----------------------------------------------------------------------------------

    def focus_current_part(self) -> None:
        """On opening: the keyboard starts in the part shown (its list), else on the parts' tabs."""
        index = self.tabs.currentIndex()
        target: QWidget = self.tabs.tabBar()
        if index == 0:
            target = self.progress.steps
        elif index == 2 and self.final_work.list.count():
            target = self.final_work.list
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _focus_instead_of(self, name: str) -> None:
        """The button with the focus can no longer be pressed (the person just pressed it): Save all
        hands the keyboard to the saving's Cancel; any other to the parts' tabs (never to the next
        button, which might be "Approve and pay…")."""
        if name == "save" and self.save_bar.saving:
            self.save_bar.cancel_button.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.tabs.tabBar().setFocus(Qt.FocusReason.OtherFocusReason)

    def _keep_focus(self) -> None:
        """After an action the control with the focus may be gone or disabled: the window's focus goes
        to the parts' tabs (a named, harmless place) instead of nowhere, now or when the window is
        active again (after a question, say)."""
        focus = self.focusWidget()
        if focus is not None and focus.isEnabled() and focus.isVisible():
            return
        self.tabs.tabBar().setFocus(Qt.FocusReason.OtherFocusReason)
