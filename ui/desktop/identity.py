"""The application's names and icon as Qt sees them, from the Qt-free ``app.about`` constants."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

import resources
from app import about

ICON_SIZES = (16, 32, 48, 64, 128, 256)


def application_icon() -> QIcon:
    """The app icon from the committed PNGs (no SVG plugin needed, so the bundle can leave it out)."""
    icon = QIcon()
    folder = resources.path("icons")
    for size in ICON_SIZES:
        png = folder.joinpath(f"{size}.png")
        if png.is_file():
            icon.addFile(str(png), QSize(size, size))
    return icon


def configure_application(app: QApplication) -> None:
    """The names Qt shows and files things under, from the one set in ``app.about``.

    ``applicationName`` is the human name: screen readers announce it (AT-SPI reads it as the
    application's name) and X11 takes it as the window class. The folders use the slug instead
    (platformdirs ``about.SLUG``/``about.ORG``; the window's QSettings file lives in that data
    folder, never in Qt's default place). ``desktopFileName`` is the Wayland app id that matches the
    installed menu entry and icon.
    """
    app.setApplicationName(about.NAME)  # also the display name: setting that separately makes Qt
    # append " — AITasker Desktop" to every window title on X11, which the titles already say
    app.setApplicationVersion(about.VERSION)
    app.setOrganizationName(about.ORG)
    app.setOrganizationDomain(about.ORG_DOMAIN)
    app.setDesktopFileName(about.APP_ID)
    app.setWindowIcon(application_icon())
