"""The account: the key dialog (first run is ui/main.py's), change or forget the key, and the
settings dialog with the preferences it keeps (refresh cadence, theme, the monthly spending limit)."""

from __future__ import annotations

import qasync
from PySide6.QtCore import QCoreApplication, QObject, QSettings
from PySide6.QtWidgets import QDialog, QWidget

from app.credentials import KeySource, KeyStore, describe_source
from app.keys.errors import KeyStorageError
from app.session import Session
from ui.i18n import LANGUAGE_KEY, LANGUAGE_NAMES, SYSTEM_LANGUAGE, fill, install_translations, words
from ui.theme import THEMES, apply_theme
from ui.widgets.banner import MessageBanner
from ui.windows.async_dialog import ask, run_dialog

DEFAULT_REFRESH_SECONDS = 10.0


class AccountController(QObject):
    def __init__(
        self, parent: QWidget, session: Session, settings: QSettings, banner: MessageBanner, keystore: KeyStore | None
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._session = session
        self._settings = settings
        self._banner = banner
        self.keystore = keystore
        self._asking = False

    @property
    def can_manage_key(self) -> bool:
        return self.keystore is not None and not self._session.connection.demo

    # --- the key ----------------------------------------------------------------------------------
    async def ask_for_key(self, message: str = "") -> bool:
        """The key dialog, without losing the form or drafts; True when a new key is in use."""
        if self.keystore is None or self._asking:
            return False
        self._asking = True
        try:
            from ui.windows.connect import connect_account  # the key dialog (and httpx) only when asked for

            choice, not_saved = await connect_account(
                self.keystore,
                api_url=self._session.connection.api_url,
                remember_secret=self._session.remember_secret,
                message=message,
                parent=self._parent,
            )
            if choice is None:
                return False
            if not_saved is not None:
                self._banner.show_message(
                    fill(self.tr("%1 The key is used for this session only."), words(not_saved.user_message)),
                    detail=not_saved.detail,
                )
            await self._session.connect(choice.api_url, choice.api_key)
            return True
        finally:
            self._asking = False

    @qasync.asyncSlot()
    async def change_key(self) -> None:
        await self.ask_for_key()

    @qasync.asyncSlot()
    async def forget_key(self) -> None:
        await self._forget_key()

    async def _forget_key(self) -> None:
        if self.keystore is None:
            return
        if not await ask(
            self._parent,
            self.tr("Forget this key?"),
            self.tr(
                "Remove your API key from this computer? Your drafts stay. "
                "You will need to paste the key again to post or follow tasks."
            ),
            self.tr("Forget key"),
        ):
            return
        try:
            await self.keystore.forget()
        except KeyStorageError as exc:
            self._banner.show_message(words(exc.user_message), detail=exc.detail)
            return
        await self._session.disconnect()
        self._banner.show_message(
            self.tr("Your API key was removed from this computer. Your drafts are still here."), kind="info"
        )

    # --- settings ---------------------------------------------------------------------------------
    @qasync.asyncSlot()
    async def open_settings(self) -> None:
        connection = self._session.connection
        connected = self.keystore is not None and bool(connection.api_key)
        kept: KeySource | None = None  # where the key is kept (None: for this session only)
        if self.keystore is not None and connected:
            stored = await self.keystore.load()
            kept = stored.source if stored else None

        def key_words() -> str:  # in the language now installed (said again after Apply changes it)
            if not connected:
                return self.tr("Used for this demo only.") if connection.demo else self.tr("Not connected.")
            return words(describe_source(kept)) if kept is not None else self.tr("Kept for this session only.")

        from ui.windows.settings import SettingsDialog  # loaded when first opened

        dialog = SettingsDialog(
            api_url=connection.api_url,
            key_source=key_words(),
            refresh_seconds=self.refresh_interval(),
            theme=self.theme(),
            can_manage_key=self.can_manage_key,
            monthly_limit=self.monthly_limit(),
            language=self.language(),
            parent=self._parent,
        )

        def apply() -> None:
            self.set_refresh_interval(dialog.refresh_seconds())
            self.set_theme(dialog.chosen_theme())
            self.set_monthly_limit(dialog.monthly_limit())
            if dialog.chosen_language() != self.language():
                self.set_language(dialog.chosen_language())
                dialog.show_key_source(key_words())

        dialog.applied.connect(apply)
        result = await run_dialog(dialog)
        if result == QDialog.DialogCode.Accepted:
            apply()
        dialog.deleteLater()
        if result == SettingsDialog.CHANGE_KEY:
            await self.ask_for_key()
        elif result == SettingsDialog.FORGET_KEY:
            await self._forget_key()

    def refresh_interval(self) -> float:
        seconds = self._settings.value("refresh/seconds", DEFAULT_REFRESH_SECONDS, type=float)
        return float(seconds) if isinstance(seconds, (int, float)) and seconds > 0 else DEFAULT_REFRESH_SECONDS

    def set_refresh_interval(self, seconds: float) -> None:
        self._settings.setValue("refresh/seconds", seconds)
        self._session.set_refresh_interval(seconds)

    def monthly_limit(self) -> float | None:
        """The monthly spending limit in dollars; None (the default) when there is none."""
        value = self._settings.value("money/monthly_limit", 0.0, type=float)
        return float(value) if isinstance(value, (int, float)) and value > 0 else None

    def set_monthly_limit(self, dollars: float | None) -> None:
        self._settings.setValue("money/monthly_limit", dollars or 0.0)

    def theme(self) -> str:
        value = self._settings.value("ui/theme", "system", type=str)
        return value if value in THEMES else "system"

    def language(self) -> str:
        """The language chosen in Settings ("system", "en", "de"): applied at once, and at start (ui/main.py)."""
        value = self._settings.value(LANGUAGE_KEY, SYSTEM_LANGUAGE, type=str)
        return value if value in LANGUAGE_NAMES else SYSTEM_LANGUAGE

    def set_language(self, language: str) -> None:
        """Kept, and applied now: Qt tells every open window (QEvent.LanguageChange), which says its
        words again in the new language; numbers, money and dates follow its locale."""
        self._settings.setValue(LANGUAGE_KEY, language)
        app = QCoreApplication.instance()
        if app is not None:
            install_translations(app, choice=language)

    def set_theme(self, theme: str) -> None:
        self._settings.setValue("ui/theme", theme)
        apply_theme(theme)
