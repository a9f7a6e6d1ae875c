"""The window's menu bar: File, View, Tasks, Account (when the key can be managed) and Help.

Built once by :func:`build_menus`: what it offers depends on demo mode and the key store, which
never change. Help → About opens the About box; the other actions (each with an object name) are
returned for the window to connect to what its controllers offer once they are attached (until
then such an action does nothing). The texts keep the ``MainWindow`` translation context;
:meth:`MenuActions.retranslate` says them again in a new language."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from app.translatable import QT_TRANSLATE_NOOP
from ui.i18n import translate


@dataclass
class MenuActions:
    new_task: QAction
    export: QAction
    settings: QAction
    quit: QAction
    refresh: QAction
    spending: QAction
    switch_pane: QAction  # F6: from the form to the tasks table and back
    review_next: QAction
    add_by_id: QAction
    about: QAction
    change_key: QAction | None  # the Account menu's, when the key can be managed
    forget_key: QAction | None
    menus: dict[str, QMenu] = field(default_factory=dict)  # by their English titles (MENU_TITLES)

    def retranslate(self) -> None:
        """Every menu and entry in the language now installed (the window calls it on LanguageChange)."""
        for key, menu in self.menus.items():
            menu.setTitle(translate("MainWindow", key))
        for name, action in vars(self).items():
            if isinstance(action, QAction):
                action.setText(translate("MainWindow", ACTION_TEXTS[name]))


# The entries' texts (``MainWindow`` context), by MenuActions field.
ACTION_TEXTS = {
    "new_task": QT_TRANSLATE_NOOP("MainWindow", "&New task"),
    "export": QT_TRANSLATE_NOOP("MainWindow", "&Export tasks…"),
    "settings": QT_TRANSLATE_NOOP("MainWindow", "&Settings…"),
    "quit": QT_TRANSLATE_NOOP("MainWindow", "&Quit"),
    "refresh": QT_TRANSLATE_NOOP("MainWindow", "&Refresh now"),
    "spending": QT_TRANSLATE_NOOP("MainWindow", "&Spending"),
    "switch_pane": QT_TRANSLATE_NOOP("MainWindow", "Move between the form and your &tasks"),
    "review_next": QT_TRANSLATE_NOOP("MainWindow", "&Review next task"),
    "add_by_id": QT_TRANSLATE_NOOP("MainWindow", "&Add a task by its ID…"),
    "about": QT_TRANSLATE_NOOP("MainWindow", "&About AITasker Desktop"),
    "change_key": QT_TRANSLATE_NOOP("MainWindow", "&Change API key or address…"),
    "forget_key": QT_TRANSLATE_NOOP("MainWindow", "&Forget this key"),
}
MENU_TITLES = (
    QT_TRANSLATE_NOOP("MainWindow", "&File"),
    QT_TRANSLATE_NOOP("MainWindow", "&View"),
    QT_TRANSLATE_NOOP("MainWindow", "T&asks"),
    QT_TRANSLATE_NOOP("MainWindow", "Acco&unt"),
    QT_TRANSLATE_NOOP("MainWindow", "&Help"),
)


def _action(window: QMainWindow, name: str, field_name: str, shortcut: QKeySequence | None = None) -> QAction:
    action = QAction(translate("MainWindow", ACTION_TEXTS[field_name]), window)
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
    menus: dict[str, QMenu] = {}

    def menu(title: str) -> QMenu:
        menus[title] = bar.addMenu(translate("MainWindow", title))
        return menus[title]

    file_menu = menu(MENU_TITLES[0])
    new_task = _action(window, "newTaskAction", "new_task", QKeySequence(QKeySequence.StandardKey.New))
    file_menu.addAction(new_task)
    export = _action(window, "exportAction", "export")
    file_menu.addAction(export)
    file_menu.addSeparator()
    settings = _action(window, "settingsAction", "settings")
    # Ctrl+, where the platform names no Preferences key (Linux, Windows), as other desktop programs do.
    settings.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences) or [QKeySequence("Ctrl+,")])
    file_menu.addAction(settings)
    file_menu.addSeparator()
    # Ctrl+Q everywhere: some platforms (Windows, offscreen) have no standard Quit key.
    quit_action = _action(window, "quitAction", "quit")
    quit_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Quit) or [QKeySequence("Ctrl+Q")])
    quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)  # also while the form is busy
    file_menu.addAction(quit_action)
    window.addAction(quit_action)
    view = menu(MENU_TITLES[1])
    refresh = _action(window, "refreshAction", "refresh", QKeySequence("F5"))
    view.addAction(refresh)
    spending = _action(window, "spendingAction", "spending", QKeySequence("Ctrl+Shift+S"))
    view.addAction(spending)
    switch_pane = _action(
        window, "switchPaneAction", "switch_pane", QKeySequence("F6")
    )  # as panes are crossed elsewhere
    view.addAction(switch_pane)
    tasks_menu = menu(MENU_TITLES[2])
    review = _action(window, "reviewNextAction", "review_next", QKeySequence("Ctrl+R"))
    review.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    tasks_menu.addAction(review)
    add_by_id = _action(window, "addByIdAction", "add_by_id")
    tasks_menu.addAction(add_by_id)
    change_key = forget_key = None
    if can_manage_key:
        account = menu(MENU_TITLES[3])
        change_key = _action(window, "changeKeyAction", "change_key")
        forget_key = _action(window, "forgetKeyAction", "forget_key")
        account.addAction(change_key)
        account.addAction(forget_key)
    help_menu = menu(MENU_TITLES[4])
    about = _action(window, "aboutAction", "about")
    about.setMenuRole(QAction.MenuRole.AboutRole)
    about.triggered.connect(lambda: _show_about(window))
    help_menu.addAction(about)
    return MenuActions(
        new_task, export, settings, quit_action, refresh, spending, switch_pane, review, add_by_id, about, change_key,
        forget_key,
        menus,
    )  # fmt: skip
