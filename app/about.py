"""Who the app is: one set of names for Qt, platformdirs, the keychain, the menu entry and the bundle.

Qt-free, so ``aitasker-desktop --version``, the data folders and the packaging files read the same
constants without starting Qt.
"""

from __future__ import annotations

from app import __version__

NAME = (
    "AITasker Desktop"  # what a person sees and hears: titles, the menu entry, About, QCoreApplication.applicationName
)
SLUG = "aitasker-desktop"  # folders (platformdirs appname), the program file, keychain service, X11 instance name
ORG = "AITasker"  # platformdirs appauthor and QCoreApplication.organizationName
ORG_DOMAIN = "aitasker.co"
APP_ID = "co.aitasker.Desktop"  # reverse-DNS id: .desktop file, metainfo, icon name, Wayland app id
HOMEPAGE = "https://aitasker.co"
HELP_URL = "https://aitasker.co/help"
QT_SOURCE_URL = "https://download.qt.io/official_releases/qt/"
PYSIDE_SOURCE_URL = "https://code.qt.io/cgit/pyside/pyside-setup.git/"


# The one version: pyproject.toml reads it from app/__init__.py, so the installed distribution's
# metadata says the same (no need to scan the installed distributions at start to learn it).
VERSION = __version__
