"""Settings with the keyboard: every Alt letter is its own, in English and in German, and Alt+A
(Apply) applies even with the focus on a list box (before, the language box took the A as a search
and went back to "As the system")."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from tests.conftest import wait_until
from tests.ui.helpers import mnemonic
from ui.i18n import install_translations, remove_translations
from ui.windows.settings import SettingsDialog


async def shown(qtbot) -> SettingsDialog:
    dialog = SettingsDialog(
        api_url="https://aitasker.co", key_source="keychain", refresh_seconds=60, theme="system", can_manage_key=True
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    await wait_until(lambda: QApplication.activeWindow() is dialog, what="Settings active")
    return dialog


def letters(dialog: SettingsDialog) -> list[str | None]:
    texts = [label.text() for label in dialog.findChildren(QLabel) if label.buddy() is not None]
    texts += [button.text() for button in dialog.findChildren(QAbstractButton) if button.isVisibleTo(dialog)]
    texts = [text for text in texts if text not in ("OK", "Cancel", "Abbrechen")]  # Enter and Esc
    return [mnemonic(text) for text in texts]


@pytest.fixture
def german() -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_translations(app, {"LANGUAGE": "de", "LANG": "de_DE.UTF-8"})
    yield
    remove_translations(app)


async def test_alt_a_applies_with_the_focus_on_the_language_box(qtbot) -> None:
    dialog = await shown(qtbot)
    dialog.language.setFocus()
    await wait_until(lambda: QApplication.focusWidget() is dialog.language, what="the language box focused")
    dialog.language.setCurrentIndex(dialog.language.findData("de"))
    applied: list[str] = []
    dialog.applied.connect(lambda: applied.append(dialog.chosen_language()))
    qtbot.keyClick(dialog.language, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    await wait_until(lambda: applied == ["de"], what="Apply pressed (a button's Alt key clicks it a moment later)")
    assert dialog.language.currentData() == "de"


async def test_every_alt_letter_in_settings_is_its_own(qtbot) -> None:
    found = letters(await shown(qtbot))
    assert None not in found and len(found) == len(set(found)), found


async def test_every_alt_letter_in_german_settings_is_its_own(qtbot, german: None) -> None:
    dialog = await shown(qtbot)
    assert dialog.windowTitle() == "Einstellungen"
    found = letters(dialog)
    assert None not in found and len(found) == len(set(found)), found
