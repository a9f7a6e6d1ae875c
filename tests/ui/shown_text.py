"""What running windows show a person, read from the widgets: every text with the place it is shown.

:func:`shown_texts` walks the visible top-level windows (and, for the menu bar, the menus behind it)
and returns ``{place: text}``. A place names the window and the widget by object names (or class
and position among its siblings) and what the text is (``text``, ``toolTip``, ``accessibleName``,
``cell[2,3].toolTip``…), so that two runs of the same scenario in two languages can be compared
place by place.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QObject, Qt
from PySide6.QtGui import QAccessible, QAction, QTextDocumentFragment
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QStatusBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

MAX_ROWS = 300  # rows of a list or table read per view (the scenario's tables are small)
_TAGS = re.compile(r"<[^>]+>")


def _plain(text: str) -> str:
    """Rich text as the person reads it (tags and entities gone)."""
    if text and GuiQt.mightBeRichText(text):
        return QTextDocumentFragment.fromHtml(text).toPlainText()
    return text


def _step(obj: QObject) -> str:
    """One step of a place: the object name, else the class and its position among same-class siblings."""
    name = obj.objectName()
    if name and not name.startswith("qt_"):
        return name
    cls = type(obj).__name__
    parent = obj.parent()
    if parent is None:
        return cls
    same = [c for c in parent.children() if type(c).__name__ == cls and not c.objectName()]
    return f"{cls}[{same.index(obj)}]" if obj in same else f"{cls}:{name}"


def place_of(widget: QObject) -> str:
    steps = []
    obj: QObject | None = widget
    while obj is not None:
        steps.append(_step(obj))
        obj = obj.parent() if not (isinstance(obj, QWidget) and obj.isWindow()) else None
    return "/".join(reversed(steps))


class _Collector:
    def __init__(self) -> None:
        self.found: dict[str, str] = {}

    def add(self, place: str, text: object) -> None:
        if isinstance(text, str):
            text = _plain(text).strip()
            if text:
                self.found[place] = text

    def widget(self, w: QWidget) -> None:
        at = place_of(w)
        if w.isWindow():
            self.add(f"{at}.windowTitle", w.windowTitle())
        for what in ("toolTip", "statusTip", "whatsThis", "accessibleName", "accessibleDescription"):
            self.add(f"{at}.{what}", getattr(w, what)())
        face = QAccessible.queryAccessibleInterface(w)
        if face is not None and face.isValid():
            self.add(f"{at}.a11y.name", face.text(QAccessible.Text.Name))
            self.add(f"{at}.a11y.description", face.text(QAccessible.Text.Description))
        if isinstance(w, QLabel):
            self.add(f"{at}.text", w.text())
        elif isinstance(w, QAbstractButton):
            self.add(f"{at}.text", w.text())
        elif isinstance(w, QGroupBox):
            self.add(f"{at}.title", w.title())
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                self.add(f"{at}.tab[{i}]", w.tabText(i))
                self.add(f"{at}.tab[{i}].toolTip", w.tabToolTip(i))
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                self.add(f"{at}.item[{i}]", w.itemText(i))
                self.add(f"{at}.item[{i}].toolTip", w.itemData(i, Qt.ItemDataRole.ToolTipRole))
            self.add(f"{at}.placeholder", w.placeholderText())
        elif isinstance(w, QAbstractSpinBox):
            self.add(f"{at}.text", w.text())
            self.add(f"{at}.specialValueText", w.specialValueText())
        elif isinstance(w, QLineEdit):
            self.add(f"{at}.placeholder", w.placeholderText())
            if w.isReadOnly():
                self.add(f"{at}.text", w.text())
        elif isinstance(w, (QPlainTextEdit, QTextEdit)):
            self.add(f"{at}.placeholder", w.placeholderText())
            if w.isReadOnly():
                self.add(f"{at}.text", w.toPlainText())
        elif isinstance(w, QStatusBar):
            self.add(f"{at}.message", w.currentMessage())
        if isinstance(w, QAbstractItemView) and not isinstance(w, QHeaderView) and w.model() is not None:
            self.model(at, w.model(), w)
        if isinstance(w, QMenuBar):
            for action in w.actions():
                self.action(f"{at}", action)
        if isinstance(w, QMenu):
            for action in w.actions():
                self.action(at, action)
        for action in QWidget.actions(
            w
        ):  # its own actions (shortcuts); QWidget.actions: a window may name another thing "actions"
            if not isinstance(w, (QMenu, QMenuBar)):
                self.add(f"{at}.action:{action.objectName() or action.text()}.statusTip", action.statusTip())

    def action(self, at: str, action: QAction) -> None:
        if action.isSeparator():
            return
        here = f"{at}>{action.objectName() or _step_action(action)}"
        self.add(f"{here}.text", action.text())
        if action.toolTip() and action.toolTip().replace("&", "") != action.text().replace("&", ""):
            self.add(f"{here}.toolTip", action.toolTip())
        self.add(f"{here}.statusTip", action.statusTip())
        menu = action.menu()
        if isinstance(menu, QMenu):
            self.add(f"{here}.title", menu.title())
            for sub in menu.actions():
                self.action(here, sub)

    def model(self, at: str, model: QAbstractItemModel, view: QAbstractItemView) -> None:
        horizontal = getattr(view, "horizontalHeader", None)
        if horizontal is None or not horizontal().isHidden():
            for column in range(_columns(model)):
                self.add(f"{at}.header[{column}]", model.headerData(column, Qt.Orientation.Horizontal))
                self.add(
                    f"{at}.header[{column}].toolTip",
                    model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole),
                )
        roles = {
            "text": Qt.ItemDataRole.DisplayRole,
            "toolTip": Qt.ItemDataRole.ToolTipRole,
            "statusTip": Qt.ItemDataRole.StatusTipRole,
            "a11y.name": Qt.ItemDataRole.AccessibleTextRole,
            "a11y.description": Qt.ItemDataRole.AccessibleDescriptionRole,
        }
        for row in range(min(model.rowCount(), MAX_ROWS)):
            for column in range(_columns(model)):
                index = model.index(row, column)
                for what, role in roles.items():
                    self.add(f"{at}.cell[{row},{column}].{what}", index.data(role))


def _columns(model: QAbstractItemModel) -> int:
    return 1 if isinstance(model, QAbstractListModel) else model.columnCount()  # (private in a list model)


def _step_action(action: QAction) -> str:
    parent = action.parent()
    same = [a for a in getattr(parent, "actions", list)() if not a.objectName()] if parent is not None else []
    return f"QAction[{same.index(action)}]" if action in same else "QAction"


def shown_texts(extra: list[QWidget] | None = None) -> dict[str, str]:
    """Every text the visible windows show (``extra``: windows to read even if Qt does not list
    them as top-level, e.g. a main window's menus are read through its menu bar)."""
    collector = _Collector()
    windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    for window in [*windows, *(extra or [])]:
        if isinstance(window, QMenu) and not window.isVisible():
            continue
        for w in [window, *window.findChildren(QWidget)]:
            if w.isVisible() or (isinstance(w, QMenuBar) and isinstance(window, QMainWindow)):
                collector.widget(w)
    return collector.found
