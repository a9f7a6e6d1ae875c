"""What a screen reader hears for the few widgets Qt announces wrongly on Linux (AT-SPI).

- A window made of a plain ``QWidget`` (the review window) is announced by Qt as a "filler", not a
  window: it is given the Window role, named by its title.
- A button that opens and closes a section ("More options", "More details", "Technical details")
  is, as a checkable button, announced as a check box: :func:`mark_expander` makes it a button that
  is expandable and says expanded or collapsed, and tells the screen reader when that changes.
- A splitter's handle has a role AT-SPI does not know ("unknown"): it is announced as a divider.

:func:`install` adds one accessibility factory, once per process (before the first window).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface, QAccessibleStateChangeEvent
from PySide6.QtWidgets import QAbstractButton, QAccessibleWidget, QSplitterHandle, QWidget

EXPANDER = "aitaskerExpander"  # the property that marks a button as an expander
_installed = False
# The Python side of each interface, kept while its widget lives (pruned as new ones are made).
_alive: list[tuple[QWidget, QAccessibleWidget]] = []


class WindowInterface(QAccessibleWidget):
    """A top-level plain widget as a window, named by its title."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget, QAccessible.Role.Window)
        self._widget = widget

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return self._widget.accessibleName() or self._widget.windowTitle()
        return QAccessibleWidget.text(self, kind)


class ExpanderInterface(QAccessibleWidget):
    """A button that shows or hides a section: expandable, expanded or collapsed, pressable."""

    def __init__(self, button: QAbstractButton) -> None:
        super().__init__(button, QAccessible.Role.Button)
        self._button = button

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return self._button.accessibleName() or self._button.text().replace("&", "")
        return QAccessibleWidget.text(self, kind)

    def state(self) -> QAccessible.State:
        state = QAccessibleWidget.state(self)
        open_ = self._button.isChecked()
        state.checkable = False
        state.checked = False
        state.expandable = True
        state.expanded = open_
        state.collapsed = not open_
        return state

    def actionNames(self) -> list[str]:
        return [self.pressAction()]

    def doAction(self, name: str) -> None:
        if name == self.pressAction():
            self._button.click()

    def keyBindingsForAction(self, name: str) -> list[str]:
        return []


class DividerInterface(QAccessibleWidget):
    def __init__(self, handle: QSplitterHandle) -> None:
        super().__init__(handle, QAccessible.Role.Separator)

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return QCoreApplication.translate("Accessibility", "Divider: drag to resize")
        return QAccessibleWidget.text(self, kind)


def _is_plain_window(widget: QWidget) -> bool:
    """One of the app's own windows made of a plain widget (not Qt's passing helpers: popups,
    tooltips, bare widgets Qt makes for itself)."""
    return type(widget) is not QWidget and widget.isWindow() and widget.windowType() == Qt.WindowType.Window


def _factory(key: str, obj: QObject) -> QAccessibleInterface | None:
    interface: QAccessibleWidget | None = None
    if key == "QWidget" and isinstance(obj, QWidget) and _is_plain_window(obj):
        interface = WindowInterface(obj)  # (dialogs and main windows have their own class: never here)
    elif isinstance(obj, QAbstractButton) and obj.property(EXPANDER) and key in ("QToolButton", "QPushButton"):
        interface = ExpanderInterface(obj)
    elif key == "QSplitterHandle" and isinstance(obj, QSplitterHandle):
        interface = DividerInterface(obj)
    if interface is not None:
        _alive[:] = [(widget, kept) for widget, kept in _alive if shiboken6.isValid(widget)]
        _alive.append((obj, interface))  # type: ignore[arg-type]
    return interface


def _say_expanded(button: QAbstractButton) -> None:
    changed = QAccessible.State()
    changed.expanded = True
    changed.collapsed = True
    QAccessible.updateAccessibility(QAccessibleStateChangeEvent(button, changed))


def mark_expander(button: QAbstractButton) -> None:
    """``button`` (checkable: checked = open) is announced as an expander and says when it opens or closes.

    Call it before the button's text is set: while a screen reader listens, setting the text makes
    Qt create the button's accessible interface and keep it, a check box if not marked by then."""
    button.setProperty(EXPANDER, True)
    button.toggled.connect(lambda _open: _say_expanded(button))


def install() -> None:
    """Once per process, before the first window is asked about."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True
