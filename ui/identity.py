"""The application's names and icon as Qt sees them, from the Qt-free ``app.about`` constants."""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from app import about

ICON_SIZES = (16, 32, 48, 64, 128, 256)


def application_icon() -> QIcon:
    """The app icon from the committed PNGs (no SVG plugin needed, so the bundle can leave it out)."""
    icon = QIcon()
    folder = resources.files("resources").joinpath("icons")
    for size in ICON_SIZES:
        png = folder.joinpath(f"{size}.png")
        if png.is_file():
            icon.addFile(str(png), QSize(size, size))
    return icon


def configure_application(app: QApplication) -> None:
    """Names that QSettings, QStandardPaths, the window manager and the menu entry agree on.

    ``applicationName`` is the same slug platformdirs uses for the folders and the X11 window
    class named by ``StartupWMClass`` in the .desktop file; ``desktopFileName`` is the Wayland app id
    that matches the installed menu entry and icon.
    """
    app.setApplicationName(about.SLUG)
    app.setApplicationDisplayName(about.NAME)
    app.setApplicationVersion(about.VERSION)
    app.setOrganizationName(about.ORG)
    app.setOrganizationDomain(about.ORG_DOMAIN)
    app.setDesktopFileName(about.APP_ID)
    app.setWindowIcon(application_icon())
