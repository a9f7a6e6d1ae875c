"""Help → About and ``--version``: the version a person can quote, the links, the Qt licence notice."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QApplication, QMenu

from app import __version__, about
from ui.desktop.identity import application_icon, configure_application
from ui.windows.about import AboutDialog, show_about


def test_about_shows_version_links_and_lgpl_notice(qtbot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert about.VERSION in dialog.version_label.text()
    assert 'href="https://aitasker.co"' in dialog.links_label.text()
    assert dialog.links_label.openExternalLinks()
    licence = dialog.licence_label.text()
    assert "LGPL v3" in licence and "https://www.gnu.org/licenses/lgpl-3.0.html" in licence
    assert about.QT_SOURCE_URL in licence and about.PYSIDE_SOURCE_URL in licence
    assert qVersion() in licence and qVersion() in dialog.built_with_label.text()
    assert about.NAME in dialog.windowTitle()


def test_about_closes_with_close_and_with_escape(qtbot) -> None:
    dialog = show_about()
    qtbot.waitExposed(dialog)
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    again = show_about()
    qtbot.waitExposed(again)
    with qtbot.waitSignal(again.finished):
        qtbot.keyClick(again, Qt.Key.Key_Escape)
    assert not again.isVisible()


def test_one_set_of_names_for_qt_the_menu_entry_and_the_folders() -> None:
    import platformdirs

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    saved = (app.applicationName(), app.organizationName(), app.applicationDisplayName(), app.desktopFileName())
    try:
        configure_application(app)
        assert app.applicationName() == about.NAME  # what a screen reader announces
        assert app.organizationName() == about.ORG
        assert app.applicationDisplayName() == about.NAME
        assert app.applicationVersion() == about.VERSION
        assert app.desktopFileName() == about.APP_ID  # matches the installed .desktop entry and icon name
        assert not app.windowIcon().isNull()
        assert platformdirs.user_data_path(about.SLUG, about.ORG).name == about.SLUG
    finally:
        app.setApplicationName(saved[0])
        app.setOrganizationName(saved[1])
        app.setApplicationDisplayName(saved[2])
        app.setDesktopFileName(saved[3])


def test_icon_has_every_desktop_size() -> None:
    icon = application_icon()
    sizes = {(s.width(), s.height()) for s in icon.availableSizes()}
    assert {(n, n) for n in (16, 32, 48, 64, 128, 256)} <= sizes


def test_version_is_one_number_everywhere() -> None:
    """app/__init__.py holds the one version: pyproject.toml takes it from there (it writes none of its
    own), so the installed distribution's metadata (what the bundle's keyring and pip see) says it too."""
    import tomllib
    from importlib.metadata import version

    project = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "app.__version__"}
    assert version(project["project"]["name"]) == __version__


def test_version_flag_prints_and_exits_before_qt_loads() -> None:
    code = (
        "import sys\n"
        "from ui.main import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit as exit:\n    code = exit.code\n"
        "print('qt loaded' if 'PySide6' in sys.modules else 'no qt')\n"
        "sys.exit(code)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [f"{about.NAME} {about.VERSION}", "no qt"]


async def test_help_about_from_the_window(qtbot, sandbox, tmp_path) -> None:
    from PySide6.QtGui import QAction

    from tests.ui.helpers import open_window

    async with open_window(qtbot, sandbox.url, "aitk_test_demo", tmp_path) as window:
        help_menu = next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Help")
        assert isinstance(help_menu, QMenu)  # QAction.menu() is typed QObject
        about_action = window.findChild(QAction, "aboutAction")
        assert about_action in help_menu.actions()
        about_action.trigger()
        dialog = window.findChild(AboutDialog)
        assert dialog is not None and dialog.isVisible()
        assert dialog.isModal() and dialog.parent() is window
        assert about.VERSION in dialog.version_label.text()
        about_action.trigger()  # a second click raises the same box, it does not stack another
        assert window.findChildren(AboutDialog) == [dialog]
        with qtbot.waitSignal(dialog.finished):
            dialog.close_button.click()
