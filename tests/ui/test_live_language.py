"""Settings → Language is applied at once (issue 23): a running window in English, with tasks of
every status in the table, a draft, the details, a task window, a review window, the Spending
window and Settings open, speaks German as soon as Deutsch is applied in Settings, and English again
once English is chosen; no restart.

What is shown is read with the walker of tests/ui/test_german_everywhere.py (tests/ui/shown_text.py)
and checked the same way: no word of the English run at the same place in the German one (unless it
is German too, or data), money, decimals and dates written the German way; and back in English, no
German word left behind.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QToolButton,
)

from app.credentials import KeyStore
from app.sandbox import SandboxConfig, SandboxServer
from app.sandbox.service import DEMO_API_KEY
from tests.conftest import FakeClock, free_port, wait_until
from tests.ui.helpers import choose_draft, confirmation, find, open_window, parts, trigger
from tests.ui.shown_text import shown_texts
from tests.ui.test_german_everywhere import (
    CATALOGUE,
    ENGLISH,
    NAMES,
    TYPED,
    _visible,
    added,
    assert_all_german,
    german_words,
    preloaded,
    server_data,
    untranslated,
    words_of,
)
from ui.i18n import LANGUAGE_KEY, install_translations, remove_translations
from ui.main_window import MainWindow
from ui.models.task_rows import column_index
from ui.windows.settings import SettingsDialog


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch) -> Iterator[QApplication]:
    application = QApplication.instance()
    assert isinstance(application, QApplication)
    monkeypatch.setenv("LANG", "en_US.UTF-8")  # the system's language: English (Settings chooses another)
    monkeypatch.delenv("LANGUAGE", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    install_translations(application, ENGLISH)
    yield application
    remove_translations(application)


def english_words() -> set[str]:
    """Every word of the catalogue's English source texts, and English month and day names."""
    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    found = {w for m in range(1, 13) for f in QLocale.FormatType for w in words_of(english.monthName(m, f))}
    found |= {w for d in range(1, 8) for f in QLocale.FormatType for w in words_of(english.dayName(d, f))}
    for message in ET.parse(CATALOGUE).getroot().iter("message"):
        source = message.find("source")
        if source is not None:
            found |= words_of(source.text or "")
    return found


async def open_settings(window: MainWindow) -> SettingsDialog:
    trigger(window, "settingsAction")
    await wait_until(lambda: _visible(SettingsDialog, "settingsDialog") is not None, what="Settings")
    dialog = _visible(SettingsDialog, "settingsDialog")
    assert dialog is not None
    return dialog


def choose_language(dialog: SettingsDialog, language: str) -> None:
    combo = find(dialog, QComboBox, "language")
    combo.setCurrentIndex(combo.findData(language))


def press(dialog: QDialog, which: QDialogButtonBox.StandardButton) -> None:
    buttons = find(dialog, QDialogButtonBox)
    button = buttons.button(which)
    assert button is not None and button.isVisible() and button.isEnabled()
    button.click()


class Windows:
    """The running windows of the scenario, read in one go."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def shown(self) -> dict[str, str]:
        ui = parts(self.window)
        shown: dict[str, str] = {}
        for tab in (1, 0):  # the drafts, then the tasks (left shown, as before)
            ui.tabs.setCurrentIndex(tab)
            if tab == 1:
                ui.drafts_list.setCurrentRow(0)
            for place, text in shown_texts([self.window]).items():
                shown[f"tab {tab}: {place}"] = text
        return shown


async def test_the_language_chosen_in_settings_is_applied_at_once(app: QApplication, qtbot, tmp_path: Path) -> None:
    clock = FakeClock()
    server = SandboxServer(SandboxConfig(seed=3, clock=clock, preload=preloaded(clock.now)), port=free_port())
    data: set[str] = {w for text in TYPED.values() for w in words_of(text)}
    for body in server.config.preload:
        data |= server_data(body)
    keystore = KeyStore(tmp_path / "config", environ={})
    with server:
        async with open_window(
            qtbot, server.url, DEMO_API_KEY, tmp_path / "data", demo=False, keystore=keystore
        ) as window:
            ui = parts(window)
            await wait_until(lambda: ui.form.category.count() > 1, what="the categories")
            for body in server.config.preload:
                ui.add_by_id.setText(str(body["id"]))
                ui.add_button.click()
                await wait_until(added(ui, str(body["id"])), what=f"the added task {body['title']}")
            await wait_until(lambda: ui.status.review_button.isVisible(), what="1 needs your review")
            # A draft, and a task half-written in the form (with a problem that stops it being posted).
            qtbot.keyClicks(ui.form.title, TYPED["draft"])
            trigger(window, "newTaskAction")
            qtbot.keyClicks(ui.form.title, TYPED["title"])
            ui.form.more_toggle.setChecked(True)
            ui.form.requirements.set_value({"colours": "blue and gold", "pages": 2})
            ui.table.sortByColumn(column_index("Title"), Qt.SortOrder.AscendingOrder)
            find(ui.tasks, QToolButton, "moreDetails").setChecked(True)
            ui.table.selectRow(0)
            # A task window, a review window and the Spending window.
            completed = next(b for b in server.config.preload if b.get("_final") == "completed")
            task = window.store.get_task(str(completed["id"]))
            assert task is not None
            window.task_windows.open(task)
            review_id = str(preloaded(0)[3]["id"])
            ui.tasks.select(review_id)
            trigger(window, "reviewNextAction")
            await wait_until(lambda: review_id in window.reviews.windows, what="the review window")
            review = window.reviews.windows[review_id]
            versions = review.findChild(QListWidget)
            await wait_until(lambda: versions.count() >= 3 and review.operations is not None, what="the versions")
            for bid in server.app.state.tasks[review_id].body["_bids"]:
                for field in ("agent_name", "agent_message", "prototype_summary"):
                    data |= words_of(str(bid.get(field) or ""))
                for artifact in bid["artifacts"]:
                    data |= words_of(str(artifact if isinstance(artifact, str) else artifact.get("content")))
                    data |= words_of(str(artifact.get("name") if isinstance(artifact, dict) else ""))
            trigger(window, "spendingAction")
            await wait_until(lambda: _visible(QDialog, "spendingWindow") is not None, what="the Spending window")
            settings = await open_settings(window)
            running = Windows(window)
            in_english = running.shown()

            # Deutsch, applied: Settings stays open, and every window speaks German.
            choose_language(settings, "de")
            press(settings, QDialogButtonBox.StandardButton.Apply)
            await wait_until(lambda: window.menuBar().actions()[0].text() == "&Datei", what="the German menus")
            await wait_until(lambda: settings.windowTitle() == "Einstellungen", what="Settings in German")
            in_german = running.shown()
            compared = set(in_english) & set(in_german)
            windows = {re.split(r"[/.]", place.split(": ", 1)[1], maxsplit=1)[0] for place in compared}
            assert len(compared) > 400
            assert {"mainWindow", "settingsDialog", "spendingWindow", "taskWindow"} <= windows, windows
            assert_all_german(in_english, in_german, german_words() | NAMES | data)
            press(settings, QDialogButtonBox.StandardButton.Ok)
            await wait_until(lambda: _visible(SettingsDialog, "settingsDialog") is None, what="Settings to close")
            assert window._settings.value(LANGUAGE_KEY) == "de"  # and kept for the next start

            # English again (OK this time): no German word is left anywhere.
            settings = await open_settings(window)
            assert find(settings, QComboBox, "language").currentData() == "de"
            choose_language(settings, "en")
            press(settings, QDialogButtonBox.StandardButton.Ok)
            await wait_until(lambda: window.menuBar().actions()[0].text() == "&File", what="the English menus")
            settings = await open_settings(window)
            back = running.shown()
            left = untranslated(in_german, back, english_words() | NAMES | data)
            assert not left, f"{len(left)} places still show German:\n" + "\n".join(left)
            assert set(back) >= set(in_english) - {p for p in in_english if "cell[" in p and "toolTip" in p}
            settings.reject()
            assert window._settings.value(LANGUAGE_KEY) == "en"


def test_a_language_kept_in_settings_is_applied_at_start(app: QApplication, tmp_path: Path) -> None:
    """The choice is also applied before any window at the next start (ui/main.py)."""
    import argparse

    from PySide6.QtCore import QSettings

    from ui.main import prepare_looks

    settings = QSettings(str(tmp_path / "ui-state.ini"), QSettings.Format.IniFormat)
    settings.setValue(LANGUAGE_KEY, "de")
    settings.sync()
    prepare_looks(argparse.Namespace(data_dir=tmp_path))
    assert QApplication.translate("MainWindow", "&File") == "&Datei"
    assert QLocale().language() == QLocale.Language.German


async def test_what_was_said_before_the_change_is_said_again(app: QApplication, qtbot, tmp_path: Path) -> None:
    """A banner showing (with its button), a task window's last message and the About box turn
    German when Deutsch is applied, and English again after: said again, not left as they were."""
    clock = FakeClock()
    server = SandboxServer(SandboxConfig(seed=3, clock=clock, preload=preloaded(clock.now)), port=free_port())
    opened = next(b for b in server.config.preload if b["title"] == "Blog post about sourdough")  # open: cancellable
    keystore = KeyStore(tmp_path / "config", environ={})
    with server:
        async with open_window(
            qtbot, server.url, DEMO_API_KEY, tmp_path / "data", demo=False, keystore=keystore
        ) as window:
            ui = parts(window)
            ui.add_by_id.setText(str(opened["id"]))
            ui.add_button.click()
            await wait_until(added(ui, str(opened["id"])), what="the added task")
            # A task window's message: the task cancelled from it, and the money that came back.
            task = window.store.get_task(str(opened["id"]))
            assert task is not None
            task_window = window.task_windows.open(task)
            cancel = find(task_window, QPushButton, "cancelButton")
            await wait_until(cancel.isEnabled, what="Cancel task")
            cancel.click()
            await wait_until(lambda: confirmation() is not None, what="the question")
            qtbot.keyClick(confirmation(), Qt.Key.Key_Return)
            cancelled = "The task is cancelled. $11.00 came back to your credit."
            await wait_until(lambda: task_window.message.text() == cancelled, what="what was cancelled")
            # A banner with a button: a draft deleted, with Undo.
            qtbot.keyClicks(ui.form.title, TYPED["draft"])
            trigger(window, "newTaskAction")
            [draft] = [d.id for d in window.store.list_drafts() if d.title == TYPED["draft"]]
            ui.tabs.setCurrentIndex(1)
            choose_draft(window, draft, then="delete")
            assert ui.banner.text.text() == f"Deleted “{TYPED['draft']}”." and ui.banner.action("Undo") is not None
            trigger(window, "aboutAction")
            await wait_until(lambda: _visible(QDialog, "aboutDialog") is not None, what="About")
            about = _visible(QDialog, "aboutDialog")
            assert about is not None and about.windowTitle() == "About AITasker Desktop"

            settings = await open_settings(window)
            choose_language(settings, "de")
            press(settings, QDialogButtonBox.StandardButton.Ok)
            await wait_until(lambda: window.menuBar().actions()[0].text() == "&Datei", what="the German menus")
            assert (
                task_window.message.text() == "Die Aufgabe ist abgebrochen. 11,00\u00a0$ ging zurück auf Ihr Guthaben."
            )
            assert ui.banner.text.text() == f"„{TYPED['draft']}“ gelöscht."
            assert ui.banner.action("Rückgängig") is not None and ui.banner.toggle.text() == "Technische Details"
            assert about.windowTitle() == "Über AITasker Desktop"
            assert "Qt" in find(about, QLabel, "aboutLicence").text() and "Programm" in about_words(about)

            settings = await open_settings(window)
            choose_language(settings, "en")
            press(settings, QDialogButtonBox.StandardButton.Ok)
            await wait_until(lambda: window.menuBar().actions()[0].text() == "&File", what="the English menus")
            assert task_window.message.text() == cancelled
            assert ui.banner.text.text() == f"Deleted “{TYPED['draft']}”."
            undo = ui.banner.action("Undo")
            assert undo is not None and about.windowTitle() == "About AITasker Desktop"
            undo.click()  # the button still does what it did
            assert TYPED["draft"] in {d.title for d in window.store.list_drafts()}
            about.close()


def about_words(about: QDialog) -> str:
    return " ".join(label.text() for label in about.findChildren(QLabel))


def test_open_dialogs_and_counts_follow_the_language(app: QApplication, qtbot, tmp_path: Path) -> None:
    """The key dialog (its words and what it said), a larger picture (its title made when said) and
    the core's counts (plural forms) in German once German is installed, in English after."""
    from PySide6.QtGui import QPixmap

    from app.review.alerts import waiting_words
    from app.timefmt import _span
    from ui.widgets.image_viewer import ImageViewer
    from ui.windows.connect import ConnectDialog

    keystore = KeyStore(tmp_path / "config", environ={})
    dialog = ConnectDialog(keystore, keyring_available=False, message=lambda: app.translate("MainWindow", "&File"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(find(dialog, QLineEdit, "apiKey"), TYPED["key"])
    hint = find(dialog, QLabel, "keyHint").text()
    picture = QPixmap(40, 30)
    picture.fill(Qt.GlobalColor.white)
    viewer = ImageViewer(picture, lambda: app.translate("ReviewWindow", "Picture by %1").replace("%1", "Nova"))
    qtbot.addWidget(viewer)
    viewer.show()
    assert (waiting_words(1), waiting_words(3), _span(86400), _span(3 * 86400)) == (
        "1 needs your review",
        "3 need your review",
        "1 day",
        "3 days",
    )

    install_translations(app, ENGLISH, choice="de")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Ihr AITasker-Konto verbinden")
    qtbot.waitUntil(lambda: viewer.windowTitle() == "Bild von Nova")
    assert find(dialog, QLabel, "connectMessage").text() == "&Datei"
    assert find(dialog, QLabel, "keyHint").text() not in ("", hint)
    assert find(dialog, QPushButton, "connectButton").text() == "&Verbinden"
    assert (waiting_words(1), waiting_words(3), _span(86400), _span(3 * 86400)) == (
        "1 wartet auf Ihre Prüfung",
        "3 warten auf Ihre Prüfung",
        "1 Tag",
        "3 Tagen",
    )

    install_translations(app, ENGLISH, choice="en")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Connect your AITasker account")
    qtbot.waitUntil(lambda: viewer.windowTitle() == "Picture by Nova")
    assert find(dialog, QLabel, "keyHint").text() == hint
    assert waiting_words(1) == "1 needs your review"
