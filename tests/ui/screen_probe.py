"""Opens every window of the app on the screen this process was given (run it with
``QT_QPA_PLATFORM=offscreen:configfile=…`` and ``QT_SCALE_FACTOR``) and prints, as JSON, where each
one lands against the screen's available area. Run by tests/ui/test_screen_fit.py in a process of
its own, since the screen size and the scale factor are fixed when Qt starts.

usage: python -m tests.ui.screen_probe DATA_DIR [SAVED_GEOMETRY_HEX]
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QRect, QSettings
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import QApplication, QWidget


def rect(r: QRect) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def report(name: str, window: QWidget, app: QApplication) -> dict[str, Any]:
    for _ in range(5):
        app.processEvents()
    screen = window.screen() or app.primaryScreen()
    return {
        "name": name,
        "geometry": rect(window.geometry()),
        "frame": rect(window.frameGeometry()),
        "available": rect(screen.availableGeometry()),
        "minimum": [window.minimumSizeHint().width(), window.minimumSizeHint().height()],
    }


def main() -> None:
    data_dir = Path(sys.argv[1])
    saved = bytes.fromhex(sys.argv[2]) if len(sys.argv) > 2 else None
    app = QApplication(sys.argv[:1])
    from app.api.schema import Task
    from app.credentials import KeyStore
    from app.store.disk_errors import DiskFull
    from app.store.repository import Store
    from ui.main_window import Connection, MainWindow
    from ui.widgets.image_viewer import ImageViewer
    from ui.windows.about import AboutDialog
    from ui.windows.async_dialog import question_box
    from ui.windows.connect import ConnectDialog, WelcomeDialog
    from ui.windows.review.window import ReviewWindow
    from ui.windows.settings import SettingsDialog
    from ui.windows.spending import SpendingWindow
    from ui.windows.startup_problem import problem_box
    from ui.windows.text_question import TextQuestion

    settings = QSettings(str(data_dir / "ui.ini"), QSettings.Format.IniFormat)
    if saved is not None:
        settings.setValue("window/geometry", QByteArray(saved))
    store = Store.in_dir(data_dir / "data")
    results = []
    main_window = MainWindow(Connection("http://127.0.0.1:9", None, demo=True), store, settings=settings, staged=True)
    main_window.show()
    results.append(report("main window", main_window, app))
    now = datetime.now(UTC)
    task = Task(
        id="t", title="Logo for my bakery", status="review", created_at=now, expires_at=now + timedelta(hours=1)
    )
    picture = QPixmap(1600, 1200)
    picture.fill(QColor("teal"))
    review = ReviewWindow(task, main_window)
    for button in (review.remix_button, review.extend_button, review.website):
        button.show()  # every button it may show, at once
    windows: list[tuple[str, QWidget]] = [
        ("review window", review),
        (
            "settings",
            SettingsDialog(
                api_url="https://api.aitasker.co",
                key_source="Kept in the system keychain.",
                refresh_seconds=30.0,
                theme="system",
                can_manage_key=True,
                monthly_limit=100.0,
                parent=main_window,
            ),
        ),
        ("welcome", WelcomeDialog(main_window)),
        (
            "connect",
            ConnectDialog(
                KeyStore(data_dir / "keys"),
                keyring_available=False,
                message="AITasker did not accept this key (401). Paste the key again, or a new one.",
                parent=main_window,
            ),
        ),
        ("about", AboutDialog(main_window)),
        ("spending", SpendingWindow(main_window)),
        ("picture", ImageViewer(picture, "Picture by Nova Studio", main_window)),
        (
            "question",
            question_box(main_window, "Post this task?", "Post “Logo for my bakery” for $45.00?", "Post task"),
        ),
        ("startup problem", problem_box(DiskFull("The disk is full.", "No space left on device: /data"))),
        (
            "text question",
            TextQuestion(
                main_window,
                "Ask for changes",
                "What should change in the final work of “Logo for my bakery”? The agent reads it as you write it.",
                "&What should change?",
                "Ask for changes",
            ),
        ),
    ]
    for name, window in windows:
        window.show()
        results.append(report(name, window, app))
        window.close()
    print(json.dumps({"windows": results, "saved": main_window.saveGeometry().toHex().data().decode()}))
    main_window.close()
    store.close()


if __name__ == "__main__":
    main()
