"""What a screen reader and a keyboard user meet: accessible names, and the Tab chain."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel, QWidget


def accessible_name(widget: QWidget) -> str:
    """The name assistive technology announces for ``widget`` (what Qt's accessibility layer reports)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def plain_label(text: str) -> str:
    """A label's text as heard: no '&' mnemonic marks, no trailing colon."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip().rstrip(":").strip()


def focusable_widgets(root: QWidget) -> list[QWidget]:
    """Every widget under ``root`` a person can reach with Tab (shown and enabled)."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) or not widget.isEnabled() or widget.window() is not root.window():
            continue
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus != Qt.FocusPolicy.TabFocus:
            continue
        if widget.focusProxy() is not None:
            continue  # its proxy is the one that takes the focus
        found.append(widget)
    return found


def label_for(widget: QWidget) -> QLabel | None:
    """The visible label that names ``widget`` (a buddy label of it or of the combo box it edits)."""
    targets = {widget}
    parent = widget.parentWidget()
    if isinstance(parent, QComboBox):
        targets.add(parent)  # the editable part of a combo box is named by the combo's label
    for label in widget.window().findChildren(QLabel):
        if label.buddy() in targets:
            return label
    return None


def unnamed(root: QWidget) -> list[str]:
    """Focusable widgets that announce no name, or another name than their visible label."""
    problems = []
    for widget in focusable_widgets(root):
        name = accessible_name(widget)
        described = f"{type(widget).__name__} {widget.objectName() or '(no object name)'}"
        if not name:
            problems.append(f"{described}: no accessible name")
            continue
        label = label_for(widget)
        if label is not None and not name.startswith(plain_label(label.text())):
            problems.append(f"{described}: announced as {name!r}, labelled {plain_label(label.text())!r}")
        if isinstance(widget, QAbstractButton) and widget.text() and not name.startswith(plain_label(widget.text())):
            problems.append(f"{described}: announced as {name!r}, reads {plain_label(widget.text())!r}")
    return problems


def tab_round(qtbot, start: QWidget, limit: int = 200) -> list[QWidget]:
    """Press Tab from ``start`` as a person would, until the focus comes back to it; the widgets
    visited in order. Fails when Tab gets stuck in a loop that never comes back."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(start.hasFocus)
    visited: list[QWidget] = []
    for _ in range(limit):
        current = QApplication.focusWidget()
        assert current is not None, "the focus left the window"
        qtbot.keyClick(current, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if now is start:
            return visited
        assert now is not None, "the focus left the window"
        if visited and now is visited[-1]:
            raise AssertionError(f"Tab does not move on from {type(now).__name__} {now.objectName()!r}")
        visited.append(now)
    names = ", ".join(f"{type(w).__name__} {w.objectName()!r}" for w in visited[-8:])
    raise AssertionError(f"Tab never comes back to where it started; last: {names}")


def focused() -> QWidget | None:
    return QApplication.focusWidget()
