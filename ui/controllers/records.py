"""Records to take away: File → Export tasks… writes the table's tasks (all of them, or the ones the
table shows) to a CSV file (app.export), and the table's context menu copies a task's ID or link."""

from __future__ import annotations

import asyncio
import logging
from datetime import date, datetime
from pathlib import Path
from urllib.parse import quote

import qasync
from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from app.api.contract import OUTBOX_PREFIX, status_info
from app.export import write_csv
from app.session import Session
from app.taxonomy import names
from ui.i18n import fill, when, words
from ui.panels.tasks import TasksPanel
from ui.widgets.banner import MessageBanner
from ui.windows.async_dialog import choose, run_dialog

log = logging.getLogger(__name__)


class ExportWords:
    """How the exported file says things: as the window does, in the user's language."""

    def __init__(self, api_url: str) -> None:
        self._api_url = api_url

    def when(self, moment: datetime | None) -> str:
        return when(moment)

    def status(self, status: str) -> str:
        return words(status_info(status).label)

    def category(self, slug: str) -> str:
        return names().category(slug)

    def task_type(self, category: str, slug: str) -> str:
        return names().task_type(slug)

    def link(self, task_id: str) -> str:
        return task_link(self._api_url, task_id)


def task_link(api_url: str, task_id: str) -> str:
    """The task's address on AITasker's API (no web page address for a task is documented)."""
    return f"{api_url.rstrip('/')}/api/v1/tasks/{quote(task_id, safe='')}"


def downloads_folder() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DownloadLocation)
    return Path(folder) if folder else Path.home()


class RecordsController(QObject):
    def __init__(self, parent: QWidget, session: Session, tasks: TasksPanel, banner: MessageBanner) -> None:
        super().__init__(parent)
        self._parent = parent
        self._session = session
        self._tasks = tasks
        self._banner = banner
        self._exporting = False
        tasks.copyIdRequested.connect(self.copy_id)
        tasks.copyLinkRequested.connect(self.copy_link)

    # --- copy -------------------------------------------------------------------------------------
    def copy_id(self, task_id: str) -> None:
        QApplication.clipboard().setText(task_id)
        self._banner.show_message(lambda: fill(self.tr("Copied the task ID: %1"), task_id), kind="info")

    def copy_link(self, task_id: str) -> None:
        link = task_link(self._session.connection.api_url, task_id)
        QApplication.clipboard().setText(link)
        self._banner.show_message(lambda: fill(self.tr("Copied the task's link: %1"), link), kind="info")

    # --- export -------------------------------------------------------------------------------------
    @qasync.asyncSlot()
    async def export(self) -> None:
        if self._exporting:
            return
        self._exporting = True
        try:
            await self._export()
        finally:
            self._exporting = False

    async def _export(self) -> None:
        every = [row for row in self._tasks.model.all_rows() if not row.status.startswith(OUTBOX_PREFIX)]
        shown = [row for row in self._tasks.rows_shown() if not row.status.startswith(OUTBOX_PREFIX)]
        if not every:
            self._banner.show_message(lambda: self.tr("There are no tasks to export yet."), kind="info")
            return
        rows = every
        if len(shown) != len(every):
            choice = await choose(
                self._parent,
                self.tr("Export tasks"),
                self.tr("Export all your tasks, or only the ones the table shows now?"),
                [
                    ("all", fill(self.tr("All tasks (%1)"), len(every))),
                    ("shown", fill(self.tr("Only those shown (%1)"), len(shown))),
                ],
            )
            if choice is None:
                return
            rows = shown if choice == "shown" else every
        else:
            rows = shown  # the table's order
        path = await self._ask_where()
        if path is None:
            return
        words_for_file = ExportWords(self._session.connection.api_url)
        try:
            count = await asyncio.to_thread(write_csv, path, rows, words_for_file)
        except OSError as exc:
            log.warning("export to %s failed: %s", path, exc)
            where = str(path)
            self._banner.show_message(
                lambda: fill(self.tr("The tasks could not be written to %1. Nothing was exported."), where),
                detail=str(exc),
                kind="error",
            )
            return
        self._banner.show_message(lambda: fill(self.tr("Exported %1 tasks to %2."), count, str(path)), kind="success")

    async def _ask_where(self) -> Path | None:
        dialog = QFileDialog(self._parent, self.tr("Export tasks"))
        dialog.setObjectName("exportDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setNameFilter(self.tr("Spreadsheet (CSV) files (*.csv)"))
        dialog.setDefaultSuffix("csv")
        folder = downloads_folder()
        dialog.setDirectory(str(folder))
        dialog.selectFile(f"aitasker-tasks-{date.today().isoformat()}.csv")
        try:
            accepted = await run_dialog(dialog) == QFileDialog.DialogCode.Accepted
            files = dialog.selectedFiles()
        finally:
            dialog.deleteLater()
        return Path(files[0]) if accepted and files else None
