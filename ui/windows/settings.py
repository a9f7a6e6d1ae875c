"""Settings: the API address and key, how often to refresh, the theme, a monthly spending limit,
the language, the folder "Save all" puts the final work in."""

from __future__ import annotations

from PySide6.QtCore import QDir, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.translatable import QT_TRANSLATE_NOOP
from ui.i18n import LANGUAGE_NAMES, SYSTEM_LANGUAGE, money_parts
from ui.theme import THEMES, set_tone
from ui.widgets.screen_fit import keep_on_screen_when_shown, scroll_contents
from ui.widgets.wheel_guard import guard_wheel

LIMIT_RANGE = (1.0, 1_000_000.0)  # dollars a month
DEFAULT_LIMIT = 100.0  # offered when the limit is first turned on
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
        monthly_limit: float | None = None,
        language: str = SYSTEM_LANGUAGE,
        downloads_folder: str = "",
        system_downloads: str = "",
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
        self.limit_on = QCheckBox(self.tr("Ask before a post takes a &month's spending over"))
        self.limit_on.setObjectName("monthlyLimitOn")
        self.limit_on.setChecked(monthly_limit is not None)
        self.limit = QDoubleSpinBox()
        self.limit.setObjectName("monthlyLimit")
        self.limit.setAccessibleName(self.tr("Monthly limit in US dollars"))
        self.limit.setRange(*LIMIT_RANGE)
        self.limit.setDecimals(2)
        locale, before, after = money_parts(2)  # dollars written as the one money formatter writes them
        self.limit.setLocale(locale)
        self.limit.setPrefix(before)
        self.limit.setSuffix(after)
        self.limit.setValue(monthly_limit if monthly_limit is not None else DEFAULT_LIMIT)
        self.limit.setEnabled(monthly_limit is not None)
        self.limit_on.toggled.connect(self.limit.setEnabled)
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem(self.tr("As the system"), SYSTEM_LANGUAGE)
        for key, name in LANGUAGE_NAMES.items():  # each language in its own words
            self.language.addItem(name, key)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        guard_wheel(self.refresh, self.theme, self.limit, self.language)
        # Empty: the system's Downloads folder (``system_downloads``, shown greyed in the field).
        self._system_downloads = system_downloads
        self.downloads = QLineEdit(downloads_folder)
        self.downloads.setObjectName("downloadsFolder")
        self.downloads.setAccessibleName(self.tr("Downloads folder"))
        self.downloads.setAccessibleDescription(self.tr("Empty: the system's Downloads folder."))
        self.downloads.setPlaceholderText(system_downloads or self.tr("The system's Downloads folder"))
        self.downloads.setClearButtonEnabled(True)
        self.choose_downloads = QPushButton(self.tr("C&hoose…"))
        self.choose_downloads.setObjectName("chooseDownloads")
        self.choose_downloads.setAccessibleName(self.tr("Choose the downloads folder"))
        self.choose_downloads.clicked.connect(self._choose_downloads)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # narrow screens: fields under their label
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
        form.addRow(self.limit_on, self.limit)
        language_label = QLabel(self.tr("Lan&guage:"))
        language_label.setBuddy(self.language)
        form.addRow(language_label, self.language)
        language_hint = QLabel(self.tr("A new language shows when AITasker Desktop starts again."))
        language_hint.setObjectName("languageHint")
        language_hint.setWordWrap(True)
        set_tone(language_hint, "quiet")
        form.addRow("", language_hint)
        downloads_label = QLabel(self.tr("&Downloads folder:"))
        downloads_label.setBuddy(self.downloads)
        downloads_row = QHBoxLayout()
        downloads_row.addWidget(self.downloads, 1)
        downloads_row.addWidget(self.choose_downloads)
        form.addRow(downloads_label, downloads_row)
        downloads_hint = QLabel(
            self.tr(
                "Save all puts each task's final work in a folder of its own here. Empty: the system's Downloads folder."
            )
        )
        downloads_hint.setObjectName("downloadsHint")
        downloads_hint.setWordWrap(True)
        set_tone(downloads_hint, "quiet")
        form.addRow(downloads_hint)  # the whole width: the label column may be wide
        hint = QLabel(
            self.tr(
                "Tasks waiting for your review are checked at most every 30 seconds; AITasker's limits are always respected."
            )
        )
        hint.setWordWrap(True)
        limit_hint = QLabel(
            self.tr(
                "The monthly limit counts what tasks posted this month paid or still hold; it never "
                "stops a task already posted."
            )
        )
        limit_hint.setWordWrap(True)
        set_tone(limit_hint, "quiet")
        set_tone(hint, "quiet")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(limit_hint)
        layout.addWidget(buttons)
        scroll_contents(self, keep_below=buttons)  # a small screen scrolls the choices, OK stays in view
        keep_on_screen_when_shown(self)

    def _choose_downloads(self) -> None:
        """The folder question, window-modal and not awaited (``open()``): the choice lands in the field."""
        dialog = QFileDialog(self, self.tr("Downloads folder"))
        dialog.setObjectName("downloadsFolderDialog")
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly)
        dialog.setDirectory(self.downloads.text().strip() or self._system_downloads)
        dialog.fileSelected.connect(lambda folder: self.downloads.setText(QDir.toNativeSeparators(folder)))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def downloads_folder(self) -> str:
        """The folder typed or chosen; empty for the system's Downloads folder."""
        return self.downloads.text().strip()

    def refresh_seconds(self) -> float:
        return float(self.refresh.currentData())

    def chosen_theme(self) -> str:
        return str(self.theme.currentData())

    def monthly_limit(self) -> float | None:
        """The limit chosen, or None when it is off."""
        return round(self.limit.value(), 2) if self.limit_on.isChecked() else None

    def chosen_language(self) -> str:
        return str(self.language.currentData())
