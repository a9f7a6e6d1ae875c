"""Light, dark or the system's look."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

THEMES = {"system": "Same as the system", "light": "Light", "dark": "Dark"}


def apply_theme(theme: str) -> None:
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return
    scheme = {
        "light": Qt.ColorScheme.Light,
        "dark": Qt.ColorScheme.Dark,
    }.get(theme, Qt.ColorScheme.Unknown)  # Unknown = follow the system
    app.styleHints().setColorScheme(scheme)
