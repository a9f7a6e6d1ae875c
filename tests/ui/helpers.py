"""Helpers for GUI tests that run on the qasync loop.

The window's whole life (start, background work, shutdown) stays inside the test coroutine:
pytest-qt processes Qt events between test phases, when no asyncio loop is running, and a
background task stepped then would fail with "no running event loop"."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QAction, QPaintEvent, QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QWidget,
)

from app.credentials import KeyStore
from app.store.repository import Store
from ui.main_window import Connection, MainWindow
from ui.models.task_rows import COLUMNS
from ui.models.tasks_model import TasksTableModel
from ui.models.tasks_proxy import TasksFilterProxy
from ui.panels.drafts import DraftsPanel
from ui.panels.form import TaskForm
from ui.panels.status_bar import StatusBar
from ui.panels.tasks import TasksPanel
from ui.widgets.banner import MessageBanner

if TYPE_CHECKING:
    from app.actions import Checking
    from ui.controllers.review import ReviewController

T = TypeVar("T", bound=QObject)


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
    demo: bool = True,
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


def find(within: QObject, kind: type[T], name: str | None = None) -> T:
    """The widget (or action) of this kind, with this object name when given, inside ``within``."""
    found = within.findChild(kind, name) if name is not None else within.findChild(kind)
    assert found is not None, f"no {kind.__name__} {name or ''} in {within.objectName() or within}"
    return found


class Parts:
    """The main window's parts, found as a person finds them: by what they are and the names they
    carry (object names, texts), in the window's widget tree. ``parts(window).form.title``."""

    def __init__(self, window: QWidget) -> None:
        self.window = window
        self.page = find(window, QWidget, "formPage")

    form = property(lambda self: find(self.page, TaskForm, "taskForm"))
    banner = property(lambda self: find(self.page, MessageBanner, "banner"))
    cancel_button = property(lambda self: find(self.page, QPushButton, "cancelSend"))
    new_button = property(lambda self: button(self.page, "&New task"))
    tabs = property(lambda self: find(self.window, QTabWidget, "rightTabs"))
    tasks = property(lambda self: find(self.window, TasksPanel))
    table = property(lambda self: find(self.tasks, QTableView, "tasksTable"))
    add_by_id = property(lambda self: find(self.tasks, QLineEdit, "addById"))
    add_button = property(lambda self: find(self.tasks, QPushButton, "addButton"))
    details = property(lambda self: find(self.tasks, QPlainTextEdit, "details"))
    drafts = property(lambda self: find(self.window, DraftsPanel))
    drafts_list = property(lambda self: find(self.drafts, QListWidget, "draftsList"))
    status = property(lambda self: find(self.window, StatusBar))
    connection_label = property(lambda self: find(self.status, QLabel, "connectionState"))
    outbox_label = property(lambda self: find(self.status, QLabel, "outboxWaiting"))
    refreshed_label = property(lambda self: find(self.status, QLabel, "lastRefreshed"))

    @property
    def proxy(self) -> TasksFilterProxy:
        proxy = self.table.model()
        assert isinstance(proxy, TasksFilterProxy)
        return proxy

    @property
    def model(self) -> TasksTableModel:
        return self.tasks.model  # the rows behind the proxy


def parts(window: QWidget) -> Parts:
    return Parts(window)


def button(within: QWidget, text: str) -> QPushButton:
    """The push button that shows this text (with its ``&`` mnemonic), as a person reads it."""
    found = [b for b in within.findChildren(QPushButton) if b.text() == text]
    assert len(found) == 1, f"{len(found)} buttons say {text!r}"
    return found[0]


def trigger(window: QWidget, action: str) -> None:
    """A menu entry chosen (its object name: ``settingsAction``, ``newTaskAction``, …)."""
    find(window, QAction, action).trigger()


def choose_draft(window: QWidget, draft_id: str, then: str) -> None:
    """Select a draft in the Drafts list, then press one of its buttons (``open``, ``delete``, …)."""
    drafts = parts(window).drafts_list
    [item] = [
        drafts.item(i) for i in range(drafts.count()) if drafts.item(i).data(Qt.ItemDataRole.UserRole) == draft_id
    ]
    drafts.setCurrentItem(item)
    pressed = find(parts(window).drafts, QPushButton, f"drafts_{then}")
    assert pressed.isEnabled(), f"{then} is not offered for this draft"
    pressed.click()


def row_of(model: TasksTableModel, task_id: str) -> int:
    """The model's row of this task (the test fails here when the table does not have it)."""
    row = model.row_of(task_id)
    assert row is not None, f"no row for task {task_id}"
    return row


def cell(window: QWidget, row: int, header: str) -> str:
    column = [c.header for c in COLUMNS].index(header)
    return str(parts(window).proxy.index(row, column).data())


def version_list(window: QWidget) -> QListWidget:
    """A review's list of versions, found as a person finds it: by its name."""
    found = window.findChild(QListWidget, "versionList")
    assert found is not None, "the window has no list of versions"
    return found


def version_card(window: QWidget) -> QWidget:
    """The card of a review's current version."""
    found = window.findChild(QWidget, "versionCard")
    assert found is not None, "the window has no version card"
    return found


def review_desk(
    parent: QWidget, store: Store | None = None, *, checking: Checking | None = None, **options: Any
) -> ReviewController:
    """A review controller as the window makes it: with the action journal over ``store`` (a store
    of its own in a temporary folder, gone with ``parent``, when none is given)."""
    import shutil
    import tempfile

    from app.actions import ActionJournal
    from ui.controllers.actions import ActionsController
    from ui.controllers.review import ReviewController

    if store is None:
        folder = tempfile.mkdtemp(prefix="aitasker-journal-")
        own = store = Store.in_dir(Path(folder))

        def clean_up(*_: object) -> None:
            own.close()
            shutil.rmtree(folder, ignore_errors=True)

        parent.destroyed.connect(clean_up)
    actions = ActionsController(parent, ActionJournal(store), checking=checking)
    return ReviewController(parent, actions, store=store, **options)


def mnemonic(text: str) -> str | None:
    """The Alt letter a label or button text gives ("&Apply" -> "a"), lower case; None without one."""
    found = re.search(r"&([^&])", text)
    return found.group(1).lower() if found else None


class Paints(QObject):
    """How often a widget was painted, and the height of what was painted (each paint's region,
    top to bottom, added up)."""

    def __init__(self, widget: QObject) -> None:
        super().__init__(widget)
        self.count = 0
        self.height = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QPaintEvent):
            self.count += 1
            self.height += event.region().boundingRect().height()
        return False
