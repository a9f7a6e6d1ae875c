"""The status bar: connection state in words, tasks waiting for the user's review (a button that
opens the next one), the credit balance, tasks waiting to send, when the table was last refreshed."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QStatusBar, QWidget

from app.connection import ConnectionState
from app.review.alerts import waiting_words
from app.translatable import QT_TRANSLATE_NOOP
from ui.i18n import TIME, Words, fill, money, say, short_when, translate, when, words
from ui.theme import set_tone
from ui.widgets.eliding_label import ElidingLabel

DEMO_WORDS = QT_TRANSLATE_NOOP(
    "StatusBar", "Demo mode: tasks go to a practice server on this computer. No money is spent."
)


def state_words(state: ConnectionState, detail: str, *, demo: bool) -> str:
    detail = words(detail) if detail else detail

    texts = {
        ConnectionState.STARTING: translate("StatusBar", "Connecting…"),
        ConnectionState.ONLINE: translate("StatusBar", DEMO_WORDS) if demo else translate("StatusBar", "Online"),
        ConnectionState.OFFLINE: fill(
            translate("StatusBar", "Offline — %1 Your work is kept and sent when the connection is back."), detail
        ),
        ConnectionState.SLOWED: fill(translate("StatusBar", "Slowing down — %1"), detail),
        ConnectionState.ERROR: fill(translate("StatusBar", "Problem — %1"), detail),
        ConnectionState.UNAUTHORIZED: fill(translate("StatusBar", "Your API key was not accepted — %1"), detail),
        ConnectionState.NO_KEY: translate("StatusBar", "Not connected: no API key. Start with --demo to try the app."),
    }
    return texts.get(state, str(state))


class StatusBar(QStatusBar):
    def __init__(self, *, demo: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._demo = demo
        # No size grip: the window's edges resize it, and a screen reader heard the grip as "unknown".
        self.setSizeGripEnabled(False)
        self.connection_label = ElidingLabel()  # "…" where a narrow window cuts it, never mid-word
        self.connection_label.setObjectName("connectionState")
        # It gives up width on a narrow window (its whole text then in its tooltip), so that the
        # status bar never makes the window wider than the screen.
        self.connection_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.outbox_label = QLabel()
        self.outbox_label.setObjectName("outboxWaiting")
        self.outbox_label.hide()
        self.refreshed_label = QLabel()
        self.refreshed_label.setObjectName("lastRefreshed")
        self.refreshed_label.hide()  # until there is something to say
        self.review_button = QPushButton()
        self.review_button.setObjectName("reviewWaiting")
        self.review_button.setFlat(True)
        self.review_button.setStyleSheet("font-weight: bold; text-decoration: underline;")
        self.review_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.review_button.hide()
        self.addWidget(self.connection_label, 1)
        self.addPermanentWidget(self.review_button)
        self.save_label = QLabel()  # "Not saved — disk full" while saving fails
        self.save_label.setObjectName("saveProblem")
        self.save_label.hide()
        self.addPermanentWidget(self.save_label)
        self.credit_label = QLabel()  # "Credit: $31.50", hidden while the balance is unknown
        self.credit_label.setObjectName("creditBalance")
        self.credit_label.hide()
        self.addPermanentWidget(self.credit_label)
        self.addPermanentWidget(self.outbox_label)
        self.addPermanentWidget(self.refreshed_label)
        self.last_refreshed: datetime | None = None
        # What it was told, to say again in a new language (retranslate).
        self._state: tuple[ConnectionState, str] = (ConnectionState.STARTING, "")
        self._credit: tuple[float | None, dict[str, Any]] = (None, {})
        self._save_problem: tuple[Words | None, Words] = (None, "")
        self._waiting = 0
        self._for_you = (0, 0)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Everything it shows, said again in the language now installed, from what it was told."""
        self.refreshed_label.setToolTip(
            self.tr("When every task was last asked about. A task that could not be refreshed says so in its row.")
        )
        self.show_state(*self._state)
        self.show_save_problem(*self._save_problem)
        self.show_credit(self._credit[0], **self._credit[1])
        self.show_waiting(self._waiting)
        self.show_waiting_for_you(*self._for_you)

    def show_state(self, state: ConnectionState, detail: str, last_refreshed: datetime | None = None) -> None:
        """The connection's state; ``last_refreshed``: when a refresh last asked about every task."""
        self._state = (state, detail)
        words = state_words(state, detail, demo=self._demo)
        self.connection_label.setText(words)
        self.connection_label.setToolTip(words)
        if last_refreshed is not None:
            self.last_refreshed = last_refreshed
        self.show_refreshed()

    def show_save_problem(self, problem: Words | None, explanation: Words = "") -> None:
        """``problem`` ("not saved — disk full") while saving fails; None once it works again."""
        self._save_problem = (problem, explanation)
        if problem is None:
            self.save_label.hide()
            self.save_label.clear()
            return
        words = say(problem)
        self.save_label.setText(words[:1].upper() + words[1:])
        self.save_label.setToolTip(say(explanation))
        self.save_label.setAccessibleName(words)
        set_tone(self.save_label, "error")  # readable in the light and the dark look
        font = self.save_label.font()
        font.setBold(True)
        self.save_label.setFont(font)
        self.save_label.show()

    def show_credit(
        self,
        balance_usd: float | None,
        *,
        as_of: datetime | None = None,
        deposited_usd: float | None = None,
        spent_usd: float | None = None,
    ) -> None:
        """The credit there is ("Credit: $31.50"); with ``as_of`` when it is not fresh ("as of
        10:42"); hidden when None (unknown, or a server without a balance)."""
        self._credit = (balance_usd, {"as_of": as_of, "deposited_usd": deposited_usd, "spent_usd": spent_usd})
        if balance_usd is None:
            self.credit_label.hide()
            self.credit_label.clear()
            return
        text = fill(self.tr("Credit: %1"), money(balance_usd))
        if as_of is not None:
            today = as_of.astimezone().date() == datetime.now().astimezone().date()
            text = fill(self.tr("%1 (as of %2)"), text, when(as_of, TIME) if today else short_when(as_of))
        self.credit_label.setText(text)
        self.credit_label.setAccessibleName(text)
        tip = self.tr("Your AITasker credit: what new tasks can still spend.")
        if deposited_usd is not None and spent_usd is not None:
            tip += " " + fill(self.tr("Added so far: %1. Paid so far: %2."), money(deposited_usd), money(spent_usd))
        self.credit_label.setToolTip(tip)
        self.credit_label.show()

    def show_waiting(self, count: int) -> None:
        self._waiting = count
        self.outbox_label.setText(self.tr("%n waiting to send", "", count) if count else "")
        self.outbox_label.setVisible(bool(count))  # an empty label is an empty stop for a screen reader

    def show_review_waiting(self, count: int) -> None:
        """ "2 need your review", a button that opens the next review; hidden when none wait."""
        self.show_waiting_for_you(count, 0)

    def show_waiting_for_you(self, reviews: int, others: int) -> None:
        """Tasks waiting for the person: "2 need your review" while only reviews wait; with final work
        to approve or a question to answer too, "3 tasks need you". The button opens the next one."""
        self._for_you = (reviews, others)
        total = reviews + others
        if not others:
            text = waiting_words(reviews)
        elif total == 1:
            text = self.tr("1 task needs you")
        else:
            text = fill(self.tr("%1 tasks need you"), total)
        self.review_button.setText(text)
        self.review_button.setAccessibleName(text)
        self.review_button.setToolTip(
            self.tr("Open the review that closes soonest (Ctrl+R)")
            if not others
            else self.tr("Open the task that waits for you and whose time ends soonest (Ctrl+R)")
        )
        self.review_button.setVisible(total > 0)

    def show_refreshed(self) -> None:
        if self.last_refreshed is not None:
            self.refreshed_label.setText(fill(self.tr("Last refreshed %1"), when(self.last_refreshed, TIME)))
            self.refreshed_label.show()
