"""The main window: composes the parts; it decides nothing itself.

Left, the form page (ui/panels/form_page.py: heading, banner, form); right, the tasks panel and
the drafts list; below, the status bar; above, the menus (ui/menus.py). The controllers that do the
work — sending, drafts, the account and settings, reviews, the task windows and their actions, money,
export — are made and wired to these parts by ui/controllers/window_controllers.py; the client, outbox
and refresher live in app.session, draft content in app.drafts. docs/architecture.md walks one
task through them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QSplitter

from app.budget import BudgetMemory
from app.connection import Connection
from app.drafts import Drafts
from app.store.repository import Store
from app.taxonomy import Category, local_categories, names
from ui.controllers.loading import TasksLoader
from ui.controllers.startup import StagedStart
from ui.menus import build_menus
from ui.panels.drafts import DraftsPanel
from ui.panels.form_page import FormPage
from ui.panels.status_bar import StatusBar
from ui.panels.tasks import TasksPanel
from ui.widgets import accessibility, accessible_combo, enter_presses
from ui.widgets.screen_fit import ContentsScroll, place
from ui.widgets.steady_tabs import SteadyTabWidget

if TYPE_CHECKING:
    from app.credentials import KeyStore

__all__ = ["Connection", "MainWindow"]


class MainWindow(QMainWindow):
    """Built in two steps (ui/controllers/startup.py). The parts (the form with the draft that was
    open, the newest tasks, the drafts tab, the status bar, the menus) need neither asyncio nor the
    network; the session and the controllers are attached after them (:meth:`attach`).
    ``staged``: only the parts now, so that the window can show itself first (ui/main.py), and the
    form is checked once attached; otherwise both at once. Attached: ``session``, the controllers
    (``account``, ``drafts_controller``, ``send_controller``, ``reviews``, ``task_actions``, ``news``,
    ``tasks_controller``, ``money``, ``records``) and ``closed`` (an asyncio.Event, set once the window
    has closed)."""

    def __init__(
        self,
        connection: Connection,
        store: Store,
        *,
        settings: QSettings | None = None,
        keystore: KeyStore | None = None,
        secrets: Callable[[str], None] = lambda key: None,
        staged: bool = False,
    ) -> None:
        super().__init__()
        accessible_combo.install()  # combo boxes are announced by their label, not their value
        accessibility.install()  # windows as windows, expanders as expanders
        enter_presses.install()  # Enter on a focused button presses it, in every window
        self.setObjectName("mainWindow")
        self.store = store
        self._settings = settings or QSettings()
        self._connection, self._keystore, self._secrets = connection, keystore, secrets
        self.draft_service = Drafts(store)

        # --- the parts ------------------------------------------------------------------------
        self._page = FormPage(checks_held=staged)
        self._tasks = TasksPanel(details=store.get_task)
        self._drafts = DraftsPanel()
        self._tabs = SteadyTabWidget()  # "Drafts (N)" changes without repainting the tasks under it
        self._tabs.setObjectName("rightTabs")
        self._tabs.addTab(self._tasks, "")
        self._tabs.addTab(self._drafts, "")
        self._splitter = QSplitter()
        self._splitter.setObjectName("mainSplitter")
        self._splitter.addWidget(self._page)
        self._splitter.addWidget(self._tabs)
        self._splitter.setStretchFactor(1, 1)
        # On a screen smaller than the form and the tasks side by side need (1024×640 at twice the
        # size), the window scrolls rather than overflowing the screen.
        self.setCentralWidget(ContentsScroll(self._splitter))
        self._status = StatusBar(demo=connection.demo)
        self.setStatusBar(self._status)
        self._restore_layout()
        self._menus = build_menus(self, can_manage_key=keystore is not None and not connection.demo)
        self._menus.quit.triggered.connect(self.close)  # while a task is being sent, closeEvent asks first
        self._menus.add_by_id.triggered.connect(self._tasks.offer_add_by_id)
        self._menus.switch_pane.triggered.connect(self._switch_pane)
        self._say_words()

        # --- what the store holds: shown before any network -----------------------------------
        self._interrupted = store.recover_interrupted_sends()
        self._loader = TasksLoader(self, store, self._tasks)  # the newest tasks
        self._categories(local_categories(store))
        self._budget_memory = BudgetMemory(store)
        form = self._page.form
        form.set_budget_memory(self._budget_memory)
        values = self.draft_service.reopen()  # the draft that was open comes back into the form
        if values is not None:
            form.load_values(values)
        form.title.setFocus()
        self._start = StagedStart(self, self._attach)  # a close asked for meanwhile waits for attach()
        if not staged:
            self.attach()

    def attach(self) -> None:
        """The session and the controllers, wired to the parts (once); the form is checked from now on."""
        self._start.attach()

    def _attach(self) -> None:
        """Imports what the first picture did without (asyncio, the session, the controllers) and
        makes them: ui/controllers/window_controllers.py wires them to the parts."""
        import asyncio

        from ui.controllers.window_controllers import WindowControllers, WindowParts

        self.closed = asyncio.Event()  # set once the window has closed
        c = self.controllers = WindowControllers(
            WindowParts(
                self, self.store, self._settings, self._connection, self._keystore, self._secrets,
                self.draft_service, self._budget_memory, self._page, self._tasks, self._drafts, self._tabs,
                self._status, self._menus, self._loader, self._categories, self._interrupted,
            )
        )  # fmt: skip
        # Each controller by name, for the start (ui/main.py) and for tests that drive one.
        self.session, self.account, self.drafts_controller, self.send_controller = (
            c.session, c.account, c.drafts_controller, c.send_controller
        )  # fmt: skip
        self.money, self.records, self.actions_controller, self.reviews = (
            c.money, c.records, c.actions_controller, c.reviews
        )  # fmt: skip
        self.task_actions, self.news, self.tasks_controller, self.task_windows = (
            c.task_actions, c.news, c.tasks_controller, c.task_windows
        )  # fmt: skip
        # PySide6 reads the source of every module imported after it (through linecache, which
        # keeps it): about 15 MB by now, needed by nothing. Freed, the space serves the table.
        import linecache

        linecache.clearcache()

    # --- the language ----------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        """A new language (Settings): Qt sends LanguageChange to every open window and each of its
        parts, which say their own words again; the window its title, tabs and menus."""
        if event.type() == QEvent.Type.LanguageChange:
            self._say_words()
        super().changeEvent(event)

    def _say_words(self) -> None:
        self.setWindowTitle(self.tr("AITasker Desktop — demo") if self._connection.demo else "AITasker Desktop")
        self._tabs.setAccessibleName(self.tr("Your tasks and drafts"))  # (it is a stop on the way to its tabs)
        self._tabs.setTabText(0, self.tr("Your tasks"))
        self._tabs.setTabText(1, self.tr("Drafts"))
        self._menus.retranslate()

    # --- start and stop ---------------------------------------------------------------------
    async def start(self, connection: Connection | None = None) -> None:
        """Connect (to ``connection`` when given, as demo mode does once its server is up), then keep
        tasks and the outbox moving."""
        await self.controllers.start(connection)

    def start_loading(self) -> None:
        """The older stored tasks into the table, in the background (once; start() does it too)."""
        self.controllers.start_loading()

    async def shutdown(self) -> None:
        """Each part stops, those that make work first (again is harmless); the store is closed by its owner."""
        await self.controllers.shutdown()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.controllers.holds_close():  # a send, a confirmed request or unsaved typing: asked first
            event.ignore()
            return
        try:
            self.drafts_controller.save_now()
            self._settings.setValue("window/geometry", self.saveGeometry())
            self._settings.setValue("window/splitter", self._splitter.saveState())
        finally:
            event.accept()
            self.closed.set()

    def _switch_pane(self) -> None:
        """F6: from the form to the tasks table, from anywhere else back to the form's title."""
        focused = self.focusWidget()
        if focused is not None and self._page.isAncestorOf(focused):
            self._tabs.setCurrentWidget(self._tasks)
            self._tasks.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            self._page.form.title.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _restore_layout(self) -> None:
        # Within the screen's available area; yesterday's size only while it still fits.
        place(self, self._settings.value("window/geometry"))
        splitter = self._settings.value("window/splitter")
        if splitter is not None:
            self._splitter.restoreState(splitter)
        else:
            self._splitter.setSizes([400, 780])

    # --- tasks and the connection -----------------------------------------------------------
    def _categories(self, categories: list[Category]) -> None:
        """A category list (bundled, cached or the server's): its names everywhere, its choices in the form."""
        names().set(categories)
        self._page.form.set_categories(categories)
        self._tasks.names_changed()
