"""Enter presses the focused push button, as Space does.

Qt does this only in dialogs, where a button is "auto default"; in a main window, a task window or
the review, Tab to "Save all" and Enter did nothing. Every push button that takes the focus is made
auto default as it takes it (one slot on the application's focus changes: buttons made later, such as
a banner's or a version card's, are covered too). The app's Fusion style draws no default frame, so
nothing moves when this happens."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QPushButton, QWidget

_installed = False


def _focus_changed(_old: QWidget | None, new: QWidget | None) -> None:
    if isinstance(new, QPushButton) and not new.autoDefault():
        new.setAutoDefault(True)


def install() -> None:
    """Once per process, once the QApplication exists."""
    global _installed
    app = QApplication.instance()
    if not _installed and isinstance(app, QApplication):
        app.focusChanged.connect(_focus_changed)
        _installed = True
