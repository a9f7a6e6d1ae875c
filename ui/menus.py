"""The window's menu bar: File, View, Tasks, Account (when the key can be managed) and Help.

Built once by :func:`build_menus`: what it offers depends on demo mode and the key store, which
never change. Help → About opens the About box; the other actions (each with an object name) are
returned for the window to connect to what its controllers offer once they are attached (until
then such an action does nothing). The texts keep the ``MainWindow`` translation context."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from ui.i18n import translate


@dataclass
class MenuActions:
    new_task: QAction
    export: QAction
    settings: QAction
    quit: QAction
    refresh: QAction
    spending: QAction
    review_next: QAction
    add_by_id: QAction
    about: QAction
    change_key: QAction | None  # the Account menu's, when the key can be managed
    forget_key: QAction | None


def _action(window: QMainWindow, name: str, text: str, shortcut: QKeySequence | None = None) -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    if shortcut is not None:
        action.setShortcut(shortcut)
    return action


def _show_about(window: QMainWindow) -> None:
    from ui.windows.about import show_about  # loaded when first asked for

    show_about(window)


def build_menus(window: QMainWindow, *, can_manage_key: bool) -> MenuActions:
    bar = window.menuBar()
    bar.clear()
    file_menu = bar.addMenu(translate("MainWindow", "&File"))
    new_task = _action(
        window, "newTaskAction", translate("MainWindow", "&New task"), QKeySequence(QKeySequence.StandardKey.New)
    )
    file_menu.addAction(new_task)
    export = _action(window, "exportAction", translate("MainWindow", "&Export tasks…"))
    file_menu.addAction(export)
    file_menu.addSeparator()
    settings = _action(
        window,
        "settingsAction",
        translate("MainWindow", "&Settings…"),
        QKeySequence(QKeySequence.StandardKey.Preferences),
    )
    file_menu.addAction(settings)
    file_menu.addSeparator()
    # Ctrl+Q everywhere: some platforms (Windows, offscreen) have no standard Quit key.
    quit_action = _action(window, "quitAction", translate("MainWindow", "&Quit"))
    quit_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Quit) or [QKeySequence("Ctrl+Q")])
    quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)  # also while the form is busy
    file_menu.addAction(quit_action)
    window.addAction(quit_action)
    view = bar.addMenu(translate("MainWindow", "&View"))
    refresh = _action(window, "refreshAction", translate("MainWindow", "&Refresh now"), QKeySequence("F5"))
    view.addAction(refresh)
    spending = _action(window, "spendingAction", translate("MainWindow", "&Spending"), QKeySequence("Ctrl+Shift+S"))
    view.addAction(spending)
    tasks_menu = bar.addMenu(translate("MainWindow", "T&asks"))
    review = _action(window, "reviewNextAction", translate("MainWindow", "&Review next task"), QKeySequence("Ctrl+R"))
    review.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    tasks_menu.addAction(review)
    add_by_id = _action(window, "addByIdAction", translate("MainWindow", "&Add a task by its ID…"))
    tasks_menu.addAction(add_by_id)
    change_key = forget_key = None
    if can_manage_key:
        account = bar.addMenu(translate("MainWindow", "Acco&unt"))
        change_key = _action(window, "changeKeyAction", translate("MainWindow", "&Change API key or address…"))
        forget_key = _action(window, "forgetKeyAction", translate("MainWindow", "&Forget this key"))
        account.addAction(change_key)
        account.addAction(forget_key)
    help_menu = bar.addMenu(translate("MainWindow", "&Help"))
    about = _action(window, "aboutAction", translate("MainWindow", "&About AITasker Desktop"))
    about.setMenuRole(QAction.MenuRole.AboutRole)
    about.triggered.connect(lambda: _show_about(window))
    help_menu.addAction(about)
    return MenuActions(
        new_task, export, settings, quit_action, refresh, spending, review, add_by_id, about, change_key, forget_key
    )
