"""Settings: the API address and key, how often to refresh, the theme, a monthly spending limit,
the language, the folder "Save all" puts the final work in."""

from __future__ import annotations

from PySide6.QtCore import QDir, QEvent, Qt, Signal
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
    applied = Signal()  # Apply: the choices take effect now, Settings stays open

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
        self.setObjectName("settingsDialog")
        self.address = QLabel(api_url)
        self.address.setTextFormat(Qt.TextFormat.PlainText)
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_source = QLabel(key_source)
        self.key_source.setTextFormat(Qt.TextFormat.PlainText)
        self.key_source.setWordWrap(True)
        self.change_key = QPushButton()
        self.change_key.setObjectName("changeKey")
        self.forget_key = QPushButton()
        self.forget_key.setObjectName("forgetKey")
        for button in (self.change_key, self.forget_key):
            button.setEnabled(can_manage_key)
        self.change_key.clicked.connect(lambda: self.done(self.CHANGE_KEY))
        self.forget_key.clicked.connect(lambda: self.done(self.FORGET_KEY))
        self.refresh = QComboBox()
        self.refresh.setObjectName("refreshEvery")
        for seconds, _label in REFRESH_CHOICES:
            self.refresh.addItem("", seconds)
        index = self.refresh.findData(refresh_seconds)
        self.refresh.setCurrentIndex(index if index >= 0 else 0)
        self.theme = QComboBox()
        self.theme.setObjectName("theme")
        for key in THEMES:
            self.theme.addItem("", key)
        self.theme.setCurrentIndex(max(0, self.theme.findData(theme)))
        self.limit_on = QCheckBox()
        self.limit_on.setObjectName("monthlyLimitOn")
        self.limit_on.setChecked(monthly_limit is not None)
        self.limit = QDoubleSpinBox()
        self.limit.setObjectName("monthlyLimit")
        self.limit.setRange(*LIMIT_RANGE)
        self.limit.setDecimals(2)
        self._show_money()
        self.limit.setValue(monthly_limit if monthly_limit is not None else DEFAULT_LIMIT)
        self.limit.setEnabled(monthly_limit is not None)
        self.limit_on.toggled.connect(self.limit.setEnabled)
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem("", SYSTEM_LANGUAGE)
        for key, name in LANGUAGE_NAMES.items():  # each language in its own words
            self.language.addItem(name, key)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        guard_wheel(self.refresh, self.theme, self.limit, self.language)
        # Empty: the system's Downloads folder (``system_downloads``, shown greyed in the field).
        self._system_downloads = system_downloads
        self.downloads = QLineEdit(downloads_folder)
        self.downloads.setObjectName("downloadsFolder")
        self.downloads.setClearButtonEnabled(True)
        self.choose_downloads = QPushButton()
        self.choose_downloads.setObjectName("chooseDownloads")
        self.choose_downloads.clicked.connect(self._choose_downloads)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # narrow screens: fields under their label
        self._address_label = QLabel()
        form.addRow(self._address_label, self.address)
        self._key_label = QLabel()
        form.addRow(self._key_label, self.key_source)
        keys = QHBoxLayout()
        keys.addWidget(self.change_key)
        keys.addWidget(self.forget_key)
        keys.addStretch(1)
        form.addRow("", keys)
        self._refresh_label = QLabel()
        self._refresh_label.setBuddy(self.refresh)
        form.addRow(self._refresh_label, self.refresh)
        self._theme_label = QLabel()
        self._theme_label.setBuddy(self.theme)
        form.addRow(self._theme_label, self.theme)
        form.addRow(self.limit_on, self.limit)
        self._language_label = QLabel()
        self._language_label.setBuddy(self.language)
        form.addRow(self._language_label, self.language)
        self._downloads_label = QLabel()
        self._downloads_label.setBuddy(self.downloads)
        downloads_row = QHBoxLayout()
        downloads_row.addWidget(self.downloads, 1)
        downloads_row.addWidget(self.choose_downloads)
        form.addRow(self._downloads_label, downloads_row)
        self._downloads_hint = QLabel()
        self._downloads_hint.setObjectName("downloadsHint")
        self._downloads_hint.setWordWrap(True)
        set_tone(self._downloads_hint, "quiet")
        form.addRow(self._downloads_hint)  # the whole width: the label column may be wide
        self._hint = QLabel()
        self._hint.setWordWrap(True)
        self._limit_hint = QLabel()
        self._limit_hint.setWordWrap(True)
        set_tone(self._limit_hint, "quiet")
        set_tone(self._hint, "quiet")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Apply
            | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        apply = self._apply = buttons.button(QDialogButtonBox.StandardButton.Apply)
        apply.clicked.connect(self.applied)  # the choices take effect, Settings stays open
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self._hint)
        layout.addWidget(self._limit_hint)
        layout.addWidget(buttons)
        self.retranslate()
        scroll_contents(self, keep_below=buttons)  # a small screen scrolls the choices, OK stays in view
        keep_on_screen_when_shown(self)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Every word, in the language now installed (and the limit's dollars written its way)."""
        self.setWindowTitle(self.tr("Settings"))
        self._apply.setText(self.tr("&Apply"))  # Qt's own has no Alt key here (and a list box ate Alt+A)
        self.change_key.setText(self.tr("&Change address or key…"))
        self.forget_key.setText(self.tr("&Forget this key"))
        for row, (_seconds, label) in enumerate(REFRESH_CHOICES):
            self.refresh.setItemText(row, self.tr(label))
        for row, label in enumerate(THEMES.values()):
            self.theme.setItemText(row, self.tr(label))
        self.limit_on.setText(self.tr("Ask before a post takes a &month's spending over"))
        self.limit.setAccessibleName(self.tr("Monthly limit in US dollars"))
        self._show_money()
        self.language.setItemText(0, self.tr("As the system"))
        self._address_label.setText(self.tr("API address:"))
        self._key_label.setText(self.tr("Your key:"))
        self._refresh_label.setText(self.tr("Check for &news:"))
        self._theme_label.setText(self.tr("&Look:"))
        self._language_label.setText(self.tr("Lan&guage:"))
        self._downloads_label.setText(self.tr("&Downloads folder:"))
        self.downloads.setAccessibleName(self.tr("Downloads folder"))
        self.downloads.setAccessibleDescription(self.tr("Empty: the system's Downloads folder."))
        self.downloads.setPlaceholderText(self._system_downloads or self.tr("The system's Downloads folder"))
        self.choose_downloads.setText(self.tr("C&hoose…"))
        self.choose_downloads.setAccessibleName(self.tr("Choose the downloads folder"))
        self._downloads_hint.setText(
            self.tr(
                "Save all puts each task's final work in a folder of its own here. Empty: the system's Downloads folder."
            )
        )
        self._hint.setText(
            self.tr(
                "Tasks waiting for your review are checked at most every 30 seconds; AITasker's limits are always respected."
            )
        )
        self._limit_hint.setText(
            self.tr(
                "The monthly limit counts what tasks posted this month paid or still hold; it never "
                "stops a task already posted."
            )
        )

    def _show_money(self) -> None:
        value = self.limit.value()
        locale, before, after = money_parts(2)  # dollars written as the one money formatter writes them
        self.limit.setLocale(locale)
        self.limit.setPrefix(before)
        self.limit.setSuffix(after)
        self.limit.setValue(value)  # (written again in the new locale)

    def show_key_source(self, words: str) -> None:
        """Where the key is kept, in words (said again by the account controller after a language change)."""
        self.key_source.setText(words)

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
