"""The app speaks the user's language when it has a translation: its own words and Qt's buttons."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication

from app import translatable
from ui.i18n import (
    available_languages,
    choose_language,
    chosen_environment,
    fill,
    install_translations,
    money,
    preferred_languages,
    remove_translations,
)
from ui.windows.about import AboutDialog


@pytest.fixture
def app() -> Iterator[QApplication]:
    application = QApplication.instance()
    assert isinstance(application, QApplication)
    yield application
    remove_translations(application)


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "de_DE.UTF-8"}, ["de_DE", "de"]),
        ({"LANGUAGE": "fr:de", "LANG": "en_GB.UTF-8"}, ["fr", "de", "en_GB", "en"]),
        ({"LANGUAGE": "de", "LANG": "C"}, []),  # gettext ignores LANGUAGE under the C locale
        ({"LC_ALL": "de_AT.UTF-8@euro", "LANG": "en_US.UTF-8"}, ["de_AT", "de"]),
        ({}, []),
    ],
)
def test_preferred_languages_follow_the_environment(env: dict[str, str], expected: list[str]) -> None:
    assert preferred_languages(env) == expected


def test_english_before_german_means_english() -> None:
    assert choose_language(["en_GB", "en", "de"], ["de"]) is None
    assert choose_language(["fr", "de_DE", "de"], ["de"]) == "de"
    assert choose_language(["fr"], ["de"]) is None


def test_german_is_shipped() -> None:
    assert "de" in available_languages()


def test_about_box_in_german_with_qt_buttons_and_locale(app: QApplication, qtbot) -> None:
    assert install_translations(app, {"LANGUAGE": "de", "LANG": "de_DE.UTF-8"}) == "de"
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle().startswith("Über ")
    assert "Hilfe" in dialog.links_label.text()
    assert "Erstellt mit Qt" in dialog.built_with_label.text()
    assert dialog.close_button.text() == "Schließen"  # Qt's own qtbase_de translation
    assert QLocale().toString(1234.5, "f", 2) == "1.234,50"


def test_english_when_the_user_wants_english(app: QApplication, qtbot) -> None:
    assert install_translations(app, {"LANG": "en_US.UTF-8"}) is None
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle().startswith("About ")
    assert dialog.close_button.text() == "Close"


def test_the_core_writes_amounts_with_the_windows_one_formatter(app: QApplication) -> None:
    """Money in a sentence the Qt-free core builds (a budget message) reads like money on the
    screen, in any language: the core's money hook is the window's formatter."""
    assert install_translations(app, {"LANGUAGE": "de", "LANG": "de_DE.UTF-8"}) == "de"
    assert translatable.money(1234.5) == money(1234.5) == "1.234,50\xa0$"
    assert install_translations(app, {"LANG": "en_US.UTF-8"}) is None  # English: no catalogue loaded
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))  # on a French computer
    assert translatable.money(1234.5, 0) == money(1234.5, 0) != "$1,235"


def test_fill_puts_each_argument_in_its_place_once() -> None:
    assert fill("Post '%1' for %2?", "50%2 off", "$45.00") == "Post '50%2 off' for $45.00?"
    assert fill("%2 für %1", "Logo", "$45.00") == "$45.00 für Logo"  # a translation may reorder


async def test_the_window_in_german(app: QApplication, qtbot, sandbox, tmp_path) -> None:
    """LANGUAGE=de: menus, labels, buttons, table headers, filters, statuses and money are German."""
    from datetime import UTC, datetime, timedelta

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QComboBox, QLabel

    from app.api.schema import Task
    from tests.conftest import wait_until
    from tests.ui.helpers import open_window, parts

    assert install_translations(app, {"LANGUAGE": "de", "LANG": "de_DE.UTF-8"}) == "de"
    async with open_window(qtbot, sandbox.url, "aitk_test_demo", tmp_path) as window:
        ui = parts(window)
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus[:2] == ["&Datei", "&Ansicht"] and menus[-1] == "&Hilfe"
        assert ui.form.send_button.text() == "Aufgabe ein&stellen"
        labels = {label.text() for label in window.findChildren(QLabel)}
        assert {"&Was brauchen Sie?", "&Kategorie", "Bu&dget (US-Dollar)"} <= labels
        headers = [ui.model.headerData(i, Qt.Orientation.Horizontal) for i in range(ui.model.columnCount())]
        assert headers[:4] == ["Titel", "Kategorie / Art", "Budget", "Status"]
        status_filter = window.findChild(QComboBox, "statusFilter")
        assert [status_filter.itemText(i) for i in range(status_filter.count())][:2] == ["Alle Aufgaben", "In Arbeit"]
        _, problems = ui.form.validate()
        assert problems["category"] == ["Bitte wählen Sie eine Kategorie."]  # composed in the Qt-free core
        soon = datetime.now(UTC) + timedelta(days=2, hours=1)
        ui.tasks.set_tasks([Task(id="t-1", status="review", title="Logo", budget_usd=1234.5, expires_at=soon)])
        await wait_until(lambda: ui.model.rowCount() >= 1, what="the task row")
        row = next(r for r in range(ui.model.rowCount()) if ui.model.index(r, 0).data() == "Logo")
        assert ui.model.index(row, 3).data().endswith("Bereit zur Prüfung")
        assert ui.model.index(row, 2).data() == "1.234,50\xa0$"
        from ui.i18n import clock_when

        assert ui.model.index(row, 5).data() == "Auswahl endet " + clock_when(soon)  # the next step, in German
        await wait_until(lambda: ui.connection_label.text().startswith("Demo-Modus"), what="the German status bar")


@pytest.mark.parametrize(
    ("choice", "env", "expected"),
    [
        ("system", {"LANG": "fr_FR.UTF-8"}, {"LANG": "fr_FR.UTF-8"}),
        ("de", {"LANG": "de_AT.UTF-8", "LANGUAGE": "en"}, {"LANGUAGE": "de", "LANG": "de_AT.UTF-8"}),  # Austria's dates
        ("de", {"LANG": "C"}, {"LANGUAGE": "de", "LANG": "de_DE.UTF-8"}),  # LANGUAGE counts only with a locale
        ("en", {"LANGUAGE": "de", "LANG": "de_DE.UTF-8"}, {"LANGUAGE": "en", "LANG": "de_DE.UTF-8"}),
    ],
)
def test_a_chosen_language_stands_in_for_the_systems(
    choice: str, env: dict[str, str], expected: dict[str, str]
) -> None:
    assert chosen_environment(choice, env) == expected


def test_a_chosen_language_wins_over_the_systems(app: QApplication) -> None:
    assert install_translations(app, {"LANG": "en_US.UTF-8"}, choice="de") == "de"
    assert QCoreApplication.translate("MainWindow", "&File") == "&Datei"
    assert install_translations(app, {"LANGUAGE": "de", "LANG": "de_DE.UTF-8"}, choice="en") is None
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


async def test_the_language_chosen_in_settings_is_applied_kept_and_used_at_the_next_start(
    app: QApplication, qtbot, sandbox, tmp_path: Path
) -> None:
    import argparse

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QComboBox, QDialog

    from app.credentials import KeyStore
    from tests.conftest import wait_until
    from tests.ui.helpers import open_window, parts, trigger
    from ui.main import prepare_looks

    def settings_dialog() -> QDialog | None:
        shown = (w for w in app.topLevelWidgets() if w.objectName() == "settingsDialog" and w.isVisible())
        return next((w for w in shown if isinstance(w, QDialog)), None)

    keystore = KeyStore(tmp_path / "config", environ={})
    async with open_window(qtbot, sandbox.url, "aitk_test_demo", tmp_path, demo=False, keystore=keystore) as window:
        trigger(window, "settingsAction")
        await wait_until(lambda: settings_dialog() is not None, what="the settings")
        dialog = settings_dialog()
        language = dialog.findChild(QComboBox, "language")
        assert [language.itemText(i) for i in range(language.count())] == ["As the system", "English", "Deutsch"]
        assert language.currentData() == "system"
        language.setCurrentIndex(language.findData("de"))
        dialog.accept()
        # Applied at once (tests/ui/test_live_language.py checks every window), nothing to restart for.
        await wait_until(lambda: window.menuBar().actions()[0].text() == "&Datei", what="the German menus")
        assert not parts(window).banner.isVisible()
    assert QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat).value("ui/language") == "de"

    # The next start reads it from the window's saved settings before any window shows.
    saved = QSettings(str(tmp_path / "ui-state.ini"), QSettings.Format.IniFormat)
    saved.setValue("ui/language", "de")
    saved.sync()
    prepare_looks(argparse.Namespace(data_dir=tmp_path))
    assert QCoreApplication.translate("MainWindow", "&File") == "&Datei"
