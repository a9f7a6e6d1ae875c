"""Settings: the API address and key, how often to refresh, the theme."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.translatable import QT_TRANSLATE_NOOP
from ui.theme import THEMES, set_tone
from ui.widgets.wheel_guard import guard_wheel

REFRESH_CHOICES = [
    (10.0, QT_TRANSLATE_NOOP("SettingsDialog", "Every 10 seconds")),
    (30.0, QT_TRANSLATE_NOOP("SettingsDialog", "Every 30 seconds")),
    (60.0, QT_TRANSLATE_NOOP("SettingsDialog", "Every minute")),
    (300.0, QT_TRANSLATE_NOOP("SettingsDialog", "Every 5 minutes")),
]


class SettingsDialog(QDialog):
    """Plain choices; the key itself never appears here, only where it is kept."""

    CHANGE_KEY = 2
    FORGET_KEY = 3

    def __init__(
        self,
        *,
        api_url: str,
        key_source: str,
        refresh_seconds: float,
        theme: str,
        can_manage_key: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setObjectName("settingsDialog")
        self.address = QLabel(api_url)
        self.address.setTextFormat(Qt.TextFormat.PlainText)
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_source = QLabel(key_source)
        self.key_source.setTextFormat(Qt.TextFormat.PlainText)
        self.key_source.setWordWrap(True)
        self.change_key = QPushButton(self.tr("&Change address or key…"))
        self.change_key.setObjectName("changeKey")
        self.forget_key = QPushButton(self.tr("&Forget this key"))
        self.forget_key.setObjectName("forgetKey")
        for button in (self.change_key, self.forget_key):
            button.setEnabled(can_manage_key)
        self.change_key.clicked.connect(lambda: self.done(self.CHANGE_KEY))
        self.forget_key.clicked.connect(lambda: self.done(self.FORGET_KEY))
        self.refresh = QComboBox()
        self.refresh.setObjectName("refreshEvery")
        for seconds, label in REFRESH_CHOICES:
            self.refresh.addItem(self.tr(label), seconds)
        index = self.refresh.findData(refresh_seconds)
        self.refresh.setCurrentIndex(index if index >= 0 else 0)
        self.theme = QComboBox()
        self.theme.setObjectName("theme")
        for key, label in THEMES.items():
            self.theme.addItem(self.tr(label), key)
        self.theme.setCurrentIndex(max(0, self.theme.findData(theme)))
        guard_wheel(self.refresh, self.theme)

        form = QFormLayout()
        form.addRow(self.tr("API address:"), self.address)
        form.addRow(self.tr("Your key:"), self.key_source)
        keys = QHBoxLayout()
        keys.addWidget(self.change_key)
        keys.addWidget(self.forget_key)
        keys.addStretch(1)
        form.addRow("", keys)
        refresh_label = QLabel(self.tr("Check for &news:"))
        refresh_label.setBuddy(self.refresh)
        form.addRow(refresh_label, self.refresh)
        theme_label = QLabel(self.tr("&Look:"))
        theme_label.setBuddy(self.theme)
        form.addRow(theme_label, self.theme)
        hint = QLabel(
            self.tr(
                "Tasks waiting for your review are checked at most every 30 seconds; AITasker's limits are always respected."
            )
        )
        hint.setWordWrap(True)
        set_tone(hint, "quiet")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def refresh_seconds(self) -> float:
        return float(self.refresh.currentData())

    def chosen_theme(self) -> str:
        return str(self.theme.currentData())
