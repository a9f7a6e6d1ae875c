"""Combo boxes announced by their label ("Category, combo box, Graphics & Design"), not by their value.

On Linux, Qt names a combo box after its current text and leaves the label to a relation that not
every screen reader reads, so Category was heard as "Choose a category…" and the filter as "All
tasks". This accessibility interface, installed once for every QComboBox, gives the accessible
name (``setAccessibleName``, else the buddy label's text) as the name and the current text as the
value, and otherwise does what Qt's own does: the list and the typing part as children, the
typing part as the focus child, "show menu" and "press" actions.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QComboBox

_installed = False
# The Python side of each interface, kept while its combo box lives (pruned when a new one is made).
_alive: list[tuple[QComboBox, QAccessibleWidget]] = []


class LabelledComboBox(QAccessibleWidget):
    def __init__(self, combo: QComboBox) -> None:
        super().__init__(combo, QAccessible.Role.ComboBox)
        self._combo = combo

    def text(self, kind: QAccessible.Text) -> str:
        combo = self._combo
        if kind == QAccessible.Text.Name:
            return combo.accessibleName() or QAccessibleWidget.text(self, kind) or combo.currentText()
        if kind == QAccessible.Text.Value:
            typing = combo.lineEdit() if combo.isEditable() else None
            return typing.text() if typing is not None else combo.currentText()
        return QAccessibleWidget.text(self, kind)

    def childCount(self) -> int:
        return 2 if self._combo.isEditable() else 1

    # Qt's child() and focusChild() return nullptr when there is none; PySide6's stubs omit the None.
    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        combo = self._combo
        typing = combo.lineEdit()
        if index == 0:
            return QAccessible.queryAccessibleInterface(combo.view())
        if index == 1 and combo.isEditable() and typing is not None:
            return QAccessible.queryAccessibleInterface(typing)
        return None

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        target = child.object() if child is not None else None
        if target is self._combo.view():
            return 0
        if self._combo.isEditable() and target is self._combo.lineEdit():
            return 1
        return -1

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]  # nullptr: see child()
        return self.child(1) if self._combo.isEditable() else None

    def actionNames(self) -> list[str]:
        return [self.showMenuAction(), self.pressAction()]

    def doAction(self, name: str) -> None:
        if name in (self.showMenuAction(), self.pressAction()):
            self._combo.showPopup()

    def keyBindingsForAction(self, name: str) -> list[str]:
        return []


def _factory(key: str, obj: QObject) -> QAccessibleInterface | None:
    if key == "QComboBox" and isinstance(obj, QComboBox):
        interface = LabelledComboBox(obj)
        _alive[:] = [(combo, kept) for combo, kept in _alive if shiboken6.isValid(combo)]
        _alive.append((obj, interface))
        return interface
    return None


def install() -> None:
    """Once per process, before the first combo box is asked about."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True
