"""Run in a process of its own (``python -m tests.ui.fit_probe``) on a screen the environment sets up
(tests/ui/test_task_window_fits.py: 1024×640 at 2×): opens a task window with versions and a
final work, and prints what fits as JSON."""

from __future__ import annotations

import json
import os
import sys
from datetime import UTC, datetime, timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QApplication, QScrollArea

    app = QApplication(sys.argv[:1])
    from app.api.schema import Task
    from app.review.gallery import parse_gallery
    from app.tasks.delivery import parse_delivery
    from ui.windows.review.window import ReviewWindow
    from ui.windows.task.window import TaskWindow

    now = datetime.now(UTC)
    task = Task.model_validate(
        {
            "id": "t1",
            "status": "delivered",
            "title": "Logo for my bakery, round, with a loaf of bread and the name in warm brown letters",
            "budget_usd": 40.0,
            "created_at": (now - timedelta(hours=1)).isoformat(),
            "expires_at": (now + timedelta(hours=1)).isoformat(),
            "price_usd": 23.73,
        }
    )
    window = TaskWindow(task)
    versions = ReviewWindow(task, embedded=True)
    bids = [
        {"id": f"b{n}", "presented": True, "agent_name": f"Studio number {n}", "bid_price_usd": 20 + n}
        for n in range(6)
    ]
    versions.show_gallery(parse_gallery({"bids": bids}), {})
    window.embed_versions(versions)
    window.show_delivery(
        parse_delivery(
            {
                "id": "d1",
                "agent_name": "Studio number 0",
                "message": "Here is the final version, with everything you need to use it.",
                "artifacts": [
                    {"type": "image", "name": "logo.png", "url": "http://127.0.0.1/a.png", "size_bytes": 412_345},
                    {"type": "text", "name": "notes.txt", "content": "Notes\n" * 40},
                    {"type": "file", "name": "guide.pdf", "url": "http://127.0.0.1/c.pdf", "size_bytes": 23_456},
                ],
            }
        )
    )
    window.set_available({name: "" for name in window.buttons})
    window.show()
    app.processEvents()
    available = window.screen().availableGeometry()
    scroll = window.centralWidget()
    assert isinstance(scroll, QScrollArea)
    result: dict[str, object] = {
        "available": [available.width(), available.height()],
        "ratio": window.devicePixelRatioF(),
        "frame": [window.frameGeometry().x(), window.frameGeometry().y(), window.width(), window.height()],
        "inside": available.contains(window.frameGeometry()),
        "tabs": {},
        "buttons": {},
    }
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        app.processEvents()
        hint = window.minimumSizeHint()
        result["tabs"][window.tabs.tabText(index)] = {  # type: ignore[index]
            "minimum": [hint.width(), hint.height()],
            "fits": hint.width() <= available.width() and hint.height() <= available.height(),
            "window_kept_its_size": window.size().width() <= available.width()
            and window.size().height() <= available.height(),
        }
    for button in window.buttons.values():
        if button.isHidden():
            continue
        scroll.ensureWidgetVisible(button)
        app.processEvents()
        shown = button.visibleRegion().boundingRect() == button.rect()
        inside = QRect(0, 0, window.width(), window.height()).contains(
            QRect(button.mapTo(window, button.rect().topLeft()), button.size())
        )
        result["buttons"][button.text().replace("&", "")] = shown and inside  # type: ignore[index]
    print(json.dumps(result))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
