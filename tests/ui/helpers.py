"""Helpers for GUI tests that run on the qasync loop.

The window's whole life (start, background work, shutdown) stays inside the test coroutine:
pytest-qt processes Qt events between test phases, when no asyncio loop is running, and a
background task stepped then would fail with "no running event loop"."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from app.credentials import KeyStore
from app.store.repository import Store
from ui.main_window import Connection, MainWindow
from ui.models.task_rows import COLUMNS


def wheel(widget: QWidget, notches: int, at: QPointF | None = None) -> QWheelEvent:
    """A mouse wheel turned ``notches`` over ``widget`` (at its middle, or at ``at``), as Qt
    delivers it; returns the event (whether the widget took it)."""
    where = at if at is not None else QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        where,
        QPointF(widget.mapToGlobal(where.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)
    return event


@asynccontextmanager
async def open_window(
    qtbot,
    url: str | None,
    key: str | None,
    data_dir: Path,
    *,
    demo: bool = True,  # type: ignore[no-untyped-def]
    keystore: KeyStore | None = None,
) -> AsyncIterator[MainWindow]:
    settings = QSettings(str(data_dir / "ui.ini"), QSettings.Format.IniFormat)
    store = Store.in_dir(data_dir / "data")
    window = MainWindow(
        Connection(url or "http://127.0.0.1:9", key, demo=demo), store, settings=settings, keystore=keystore
    )
    qtbot.addWidget(window)
    window.show()
    try:
        await window.start()
        yield window
    finally:
        window.close()
        await window.shutdown()
        store.close()


def confirmation() -> QMessageBox | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            return widget
    return None


def press(box: QMessageBox | None, text: str) -> None:
    assert box is not None, "no dialog is open"
    button = next(b for b in box.findChildren(QPushButton) if b.text().replace("&", "") == text)
    button.click()


def cell(window: MainWindow, row: int, header: str) -> str:
    column = [c.header for c in COLUMNS].index(header)
    return str(window.proxy.index(row, column).data())
