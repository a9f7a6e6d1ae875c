"""Connecting an account: the welcome screen and the key dialog (with Test connection)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

import qasync
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app import credentials
from app.api.client import DEFAULT_API_URL, TasksClient, check_api_url
from app.api.errors import ApiError, InvalidAddress, Offline, Unauthorized
from ui.i18n import Words, fill, say, words
from ui.theme import set_tone
from ui.widgets.screen_fit import grow_to_contents, keep_on_screen_when_shown, scroll_contents
from ui.windows.async_dialog import run_dialog

if TYPE_CHECKING:
    import argparse

log = logging.getLogger(__name__)


@dataclass
class ConnectChoice:
    api_url: str
    api_key: str
    where: credentials.Where


def _plain_label(text: str = "", *, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    return label


class WelcomeDialog(QDialog):
    """First run, no key: try the demo, or connect an account."""

    DEMO = 2
    CONNECT = 3

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to AITasker Desktop"))
        self.setObjectName("welcomeDialog")
        title = QLabel(self.tr("Post tasks to AITasker and follow them, without writing code."))
        title.setStyleSheet("font-size: 14pt; font-weight: 600;")
        title.setWordWrap(True)
        demo = QPushButton(self.tr("Try the &demo"))
        demo.setObjectName("tryDemo")
        demo.setToolTip(self.tr("A practice server on this computer: no account, no money"))
        connect = QPushButton(self.tr("&Connect your account"))
        connect.setObjectName("connectAccount")
        connect.setDefault(True)
        demo.clicked.connect(lambda: self.done(self.DEMO))
        connect.clicked.connect(lambda: self.done(self.CONNECT))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(
            _plain_label(
                self.tr(
                    "The demo shows the whole flow with a practice server: nothing is paid. "
                    "To post real tasks, connect with an API key from your AITasker dashboard."
                )
            )
        )
        layout.addWidget(demo)
        layout.addWidget(connect)
        keep_on_screen_when_shown(self)


class ConnectDialog(QDialog):
    """Paste the API key, choose the address and where to keep the key; test before saving. Its
    words, and what it says (the message, the hint, the test's answer, a problem), follow a change
    of language while it is open."""

    def __init__(
        self,
        keystore: credentials.KeyStore,
        *,
        api_url: str = DEFAULT_API_URL,
        keyring_available: bool,
        message: Words = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("connectDialog")
        self.keystore = keystore
        self._message = message
        self._tested: list[Words] = []  # what Test connection found
        self._problem: Words = ""  # why the address can't be used
        self.message = _plain_label()
        self.message.setObjectName("connectMessage")
        self.message.setVisible(bool(message))
        self.key = QLineEdit()
        self.key.setObjectName("apiKey")
        self.key.setEchoMode(QLineEdit.EchoMode.Password)  # never visible on screen or in a screenshot
        self.show_key = QCheckBox()
        self.show_key.toggled.connect(
            lambda on: self.key.setEchoMode(QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password)
        )
        self.address = QLineEdit(api_url)
        self.address.setObjectName("apiAddress")
        self.key_hint = _plain_label()
        self.key_hint.setObjectName("keyHint")
        set_tone(self.key_hint, "warning")
        self.key_hint.hide()
        self.test_button = QPushButton()
        self.test_button.setObjectName("testConnection")
        self.test_result = _plain_label()
        self.test_result.setObjectName("testResult")

        self.where = QButtonGroup(self)
        self.where_buttons: dict[credentials.Where, QRadioButton] = {}
        where_box = QVBoxLayout()
        self._core_words: list[tuple[QLabel | QRadioButton, str]] = []  # each with its text of app.credentials
        if not keyring_available:
            notice = _plain_label()
            where_box.addWidget(notice)
            self._core_words.append((notice, credentials.NO_KEYRING_NOTICE))
        options: list[tuple[credentials.Where, str]] = []
        if keyring_available:
            options.append(("keyring", credentials.KEYRING_OPTION))
        options += [("session", credentials.SESSION_OPTION), ("file", credentials.FILE_OPTION)]
        for where, text in options:
            button = QRadioButton()
            button.setObjectName(f"where_{where}")
            self.where.addButton(button)
            self.where_buttons[where] = button
            where_box.addWidget(button)
            self._core_words.append((button, text))
            if where == "file":
                risk = _plain_label()
                set_tone(risk, "quiet")
                where_box.addWidget(risk)
                self._core_words.append((risk, credentials.FILE_RISK))
        self.where_buttons["keyring" if keyring_available else "session"].setChecked(True)

        form = QFormLayout()
        self._key_label = key_label = QLabel()
        key_label.setBuddy(self.key)
        form.addRow(key_label, self.key)
        form.addRow("", self.show_key)
        form.addRow("", self.key_hint)
        self._address_label = address_label = QLabel()
        address_label.setBuddy(self.address)
        form.addRow(address_label, self.address)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.connect_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.connect_button.setObjectName("connectButton")
        self.connect_button.setEnabled(False)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.error = _plain_label()
        self.error.setObjectName("connectError")
        set_tone(self.error, "error")
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.test_result)
        layout.addLayout(where_box)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.key.textChanged.connect(self._key_edited)
        self.test_button.clicked.connect(self.test_connection)
        self.choice: ConnectChoice | None = None
        self._say_words()
        self._scroll = scroll_contents(self, keep_below=self.buttons)  # a small screen scrolls, Connect stays in view
        keep_on_screen_when_shown(self)
        self.resize(520, self.sizeHint().height())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._say_words()
            self._key_hint(self.key.text())
            if hasattr(self, "_scroll"):
                grow_to_contents(self, self._scroll)
        super().changeEvent(event)

    def _say_words(self) -> None:
        """Its words, and what it says, in the language now installed."""
        self.setWindowTitle(self.tr("Connect your AITasker account"))
        self.message.setText(say(self._message))
        self.key.setPlaceholderText(self.tr("aitk_live_…"))
        self.key.setAccessibleName(self.tr("API key"))
        self.show_key.setText(self.tr("Show"))
        self.address.setAccessibleName(self.tr("API address"))
        self.test_button.setText(self.tr("&Test connection"))
        self.test_result.setText("\n".join(say(line) for line in self._tested))
        for widget, text in self._core_words:
            widget.setText(words(text))
        self._key_label.setText(self.tr("API &key"))
        self._address_label.setText(self.tr("API &address"))
        self.connect_button.setText(self.tr("Co&nnect"))
        self.error.setText(say(self._problem))

    def _key_hint(self, key: str) -> None:
        warning = credentials.key_format_warning(key.strip()) if key.strip() else None
        self.key_hint.setText(words(warning) if warning else "")
        self.key_hint.setVisible(bool(warning))

    def _key_edited(self, text: str) -> None:
        self._key_hint(text)
        self.connect_button.setEnabled(bool(text.strip()))
        self.error.hide()

    def _checked_where(self) -> credentials.Where:
        for where, button in self.where_buttons.items():
            if button.isChecked():
                return where
        return "session"

    def _address(self) -> str | None:
        try:
            return check_api_url(self.address.text() or DEFAULT_API_URL)
        except InvalidAddress as exc:
            self._problem = partial(words, exc.user_message)
            self.error.setText(say(self._problem))
            self.error.show()
            grow_to_contents(self, self._scroll)  # the whole message, never cut
            return None

    @qasync.asyncSlot()
    async def test_connection(self) -> None:
        """Check /health, then one authenticated call, and say what worked in plain words."""
        url = self._address()
        if url is None:
            return
        self.test_button.setEnabled(False)
        self._tested = [lambda: self.tr("Testing…")]
        self.test_result.setText(say(self._tested[0]))
        lines: list[Words] = []
        try:
            async with TasksClient(url, self.key.text(), retry_base_delay=0.2) as client:
                try:
                    await client.health()
                    lines.append(lambda: self.tr("✓ AITasker answered at this address."))
                except Offline:
                    lines.append(
                        lambda: self.tr(
                            "✗ AITasker could not be reached at this address. Check your connection and the address."
                        )
                    )
                    return
                except ApiError as exc:
                    said = exc.user_message
                    lines.append(
                        lambda: fill(self.tr("✗ The address answered, but not like AITasker: %1"), words(said))
                    )
                    return
                try:
                    await client.list_categories()
                    lines.append(lambda: self.tr("✓ Your API key works."))
                except Unauthorized as exc:
                    refused = exc.user_message
                    lines.append(lambda: "✗ " + words(refused))
                except ApiError as exc:
                    unchecked = exc.user_message
                    lines.append(lambda: fill(self.tr("✗ The key could not be checked: %1"), words(unchecked)))
        finally:
            self._tested = lines
            self.test_result.setText("\n".join(say(line) for line in lines))
            self.test_button.setEnabled(True)
            grow_to_contents(self, self._scroll)  # the whole answer, never cut

    def _accept(self) -> None:
        url = self._address()
        key = self.key.text().strip()
        if url is None or not key:
            return
        self.choice = ConnectChoice(api_url=url, api_key=key, where=self._checked_where())
        self.accept()


async def connect_account(
    keystore: credentials.KeyStore,
    *,
    api_url: str,
    remember_secret: Callable[[str], None],
    message: Words = "",
    parent: QWidget | None = None,
) -> tuple[ConnectChoice | None, credentials.KeyStorageError | None]:
    """Show the key dialog; when the user connects, register the key for redaction at once, then
    keep it where they chose. Returns the choice (None if cancelled) and any error saving it
    (the key is then used for this session only)."""
    dialog = ConnectDialog(
        keystore, api_url=api_url, keyring_available=await keystore.keyring_available(), message=message, parent=parent
    )
    try:
        result = await run_dialog(dialog)
        choice = dialog.choice
    finally:
        dialog.deleteLater()
    if result != QDialog.DialogCode.Accepted or choice is None:
        return None, None
    remember_secret(choice.api_key)
    try:
        await keystore.save(choice.api_key, where=choice.where)
    except credentials.KeyStorageError as exc:
        return choice, exc
    return choice, None


async def choose_account(
    args: argparse.Namespace, keystore: credentials.KeyStore, secrets: Any, instance: Any = None
) -> tuple[bool, str | None] | None:
    """At start: (demo, key) from the stored key or the welcome screen; None when the user closed
    it. ``args`` are the command line's (``--screenshot``; ``--api-url``, set to the one chosen)."""
    stored = await keystore.load()
    if stored is not None:
        secrets.add(stored.key)
        return False, stored.key
    if args.screenshot is not None:  # a picture of the app as it starts, with nothing to ask
        return False, None
    if instance is not None:  # a launch while the welcome screen is open brings it to the front
        instance.listen()
    while True:
        welcome = WelcomeDialog()
        choice = await run_dialog(welcome)
        welcome.deleteLater()
        if choice == WelcomeDialog.DEMO:
            return True, None
        if choice != WelcomeDialog.CONNECT:
            return None
        picked, not_saved = await connect_account(
            keystore, api_url=args.api_url, remember_secret=secrets.add, message=keystore.problem or ""
        )
        if picked is not None:
            if not_saved is not None:
                log.warning("key not saved, used for this session only: %s", not_saved.detail)
            args.api_url = picked.api_url
            return False, picked.api_key
