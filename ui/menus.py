"""The window's menu bar: File, View, Tasks, Account (when the key can be managed) and Help.

Built once by :func:`build_menus`: what it offers depends on demo mode and the key store, which
never change. The actions call what the window and its controllers already offer; the texts keep
the ``MainWindow`` translation context."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from ui.i18n import translate

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def build_menus(window: MainWindow) -> None:
    bar = window.menuBar()
    bar.clear()
    file_menu = bar.addMenu(translate("MainWindow", "&File"))
    file_menu.addAction(translate("MainWindow", "&New task"), QKeySequence.StandardKey.New, window.new_task)
    export = QAction(translate("MainWindow", "&Export tasks…"), window)
    export.setObjectName("exportAction")
    export.triggered.connect(window.export_tasks)
    file_menu.addAction(export)
    file_menu.addSeparator()
    settings = QAction(translate("MainWindow", "&Settings…"), window)
    settings.setShortcut(QKeySequence.StandardKey.Preferences)
    settings.triggered.connect(window.open_settings)
    file_menu.addAction(settings)
    file_menu.addSeparator()
    quit_action = QAction(translate("MainWindow", "&Quit"), window)
    quit_action.setObjectName("quitAction")
    # Ctrl+Q everywhere: some platforms (Windows, offscreen) have no standard Quit key.
    quit_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Quit) or [QKeySequence("Ctrl+Q")])
    quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)  # also while the form is busy
    quit_action.triggered.connect(window.request_quit)
    file_menu.addAction(quit_action)
    window.addAction(quit_action)
    view = bar.addMenu(translate("MainWindow", "&View"))
    view.addAction(translate("MainWindow", "&Refresh now"), QKeySequence("F5"), window._refresh_now)
    spending = QAction(translate("MainWindow", "&Spending"), window)
    spending.setObjectName("spendingAction")
    spending.setShortcut(QKeySequence("Ctrl+Shift+S"))
    spending.triggered.connect(window.open_spending)
    view.addAction(spending)
    tasks_menu = bar.addMenu(translate("MainWindow", "T&asks"))
    review = QAction(translate("MainWindow", "&Review next task"), window)
    review.setObjectName("reviewNextAction")
    review.setShortcut(QKeySequence("Ctrl+R"))
    review.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    review.triggered.connect(window.review_next)
    tasks_menu.addAction(review)
    if window.can_manage_key:
        account = bar.addMenu(translate("MainWindow", "Acco&unt"))
        account.addAction(translate("MainWindow", "&Change API key or address…"), window.change_key)
        account.addAction(translate("MainWindow", "&Forget this key"), window.forget_key)
    help_menu = bar.addMenu(translate("MainWindow", "&Help"))
    about = QAction(translate("MainWindow", "&About AITasker Desktop"), window)
    about.setObjectName("aboutAction")
    about.setMenuRole(QAction.MenuRole.AboutRole)
    about.triggered.connect(window.show_about)
    help_menu.addAction(about)
