"""Saving the final work from a task window: "Save all" into Downloads/<task title>/ and "Save as…"
for one item, through app.delivery (streamed to a temporary name, checked, renamed when complete,
never overwriting). The window shows the progress with Cancel, then where the files went and
"Open folder"; one save at a time per task.

The Downloads folder is the one named in the settings (``downloads/folder``) when set, else the
platform's own (``XDG_DOWNLOAD_DIR`` / user-dirs on Linux). Texts keep the ``TaskWindow``
translation context (they are shown there)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

from app.api.schema import Task
from app.tasks.delivery import Delivery, DeliveryItem
from ui.i18n import fill, translate, words
from ui.windows.async_dialog import run_dialog
from ui.windows.task.window import TaskWindow

if TYPE_CHECKING:
    from app.delivery import Downloader
    from app.session import Session

log = logging.getLogger(__name__)

FOLDER_SETTING = "downloads/folder"


def _progress(window: TaskWindow, done: int, total: int | None, where: Path | None = None) -> None:
    if shiboken6.isValid(window):  # (a window closed meanwhile cancels its save; this may still come)
        window.show_progress_of_save(done, total, where)


def _ended(window: TaskWindow, text: str, folder: Path | None) -> None:
    if shiboken6.isValid(window):
        window.save_ended(text, folder)


class SavingController(QObject):
    def __init__(self, parent: QWidget, settings: QSettings, session: Session) -> None:
        super().__init__(parent)
        self._settings = settings
        self._session = session
        self._jobs: dict[str, asyncio.Task[Any]] = {}  # task id -> its save

    def saving(self, task_id: str) -> bool:
        return task_id in self._jobs

    def base(self) -> str | None:
        chosen = str(self._settings.value(FOLDER_SETTING, "", type=str) or "")
        return chosen or None

    def _downloader(self) -> Downloader:
        from app.api.tls import tls_context
        from app.delivery import Downloader

        client = self._session.client  # the API key goes only to the API's own host
        url = client.base_url if client is not None else ""
        return Downloader(url, self._session.connection.api_key, verify=tls_context())

    def _start(self, task_id: str, work: Coroutine[Any, Any, None]) -> bool:
        if task_id in self._jobs:
            work.close()
            return False
        job = asyncio.ensure_future(work)
        self._jobs[task_id] = job
        job.add_done_callback(lambda done: self._ended(task_id, done))
        return True

    def _ended(self, task_id: str, job: asyncio.Task[Any]) -> None:
        if self._jobs.get(task_id) is job:
            del self._jobs[task_id]
        if not job.cancelled() and job.exception() is not None:
            log.error("saving: unexpected error", exc_info=job.exception())

    async def wait(self, task_id: str) -> None:
        """Until the task's save (if any) has ended, however it ends."""
        job = self._jobs.get(task_id)
        if job is not None:
            await asyncio.wait({job})

    def cancel(self, task_id: str) -> None:
        job = self._jobs.get(task_id)
        if job is not None:
            job.cancel()

    # --- Save all --------------------------------------------------------------------------------

    def save_all(self, window: TaskWindow, task: Task, delivery: Delivery | None) -> bool:
        if delivery is None or not delivery.items:
            window.say(translate("TaskWindow", "There is no final work to save yet."))
            return False
        if task.id not in self._jobs:
            sizes = [item.size for item in delivery.items]
            _progress(window, 0, None if None in sizes else sum(s or 0 for s in sizes))  # the bar, and its Cancel
        return self._start(task.id, self._save_all(window, task, delivery))

    async def _save_all(self, window: TaskWindow, task: Task, delivery: Delivery) -> None:
        from app.delivery import DownloadError, save_all

        items = list(delivery.items)
        done = [0] * len(items)
        sizes: list[int | None] = [item.size for item in items]

        def progress(index: int, saved: int, total: int | None) -> None:
            done[index] = saved
            if total is not None:
                sizes[index] = total
            known = None if any(size is None for size in sizes) else sum(s or 0 for s in sizes)
            _progress(window, sum(done), known)

        try:
            async with self._downloader() as downloader:
                result = await save_all(downloader, items, task.title, base=self.base(), progress=progress)
        except asyncio.CancelledError:
            _ended(window, translate("TaskWindow", "Saving was cancelled. Nothing was left half-saved."), None)
            raise
        except DownloadError as exc:
            _ended(window, fill(translate("TaskWindow", "Nothing was saved. %1"), words(exc.user_message)), None)
            return
        saved = len(result.saved)
        where = str(result.folder)
        text = self.tr("Saved 1 item in %1.") if saved == 1 else self.tr("Saved %n items in %1.", "", saved)
        text = fill(text, where)
        if not result.complete:
            failed = "; ".join(fill(translate("TaskWindow", "%1 (%2)"), f.item.name, f.reason) for f in result.failed)
            text = fill(self.tr("%1 Not saved: %2"), text, failed)
        _ended(window, text, result.folder if saved else None)

    # --- Save as… --------------------------------------------------------------------------------

    def save_as(self, window: TaskWindow, task: Task, item: DeliveryItem) -> bool:
        return self._start(task.id, self._save_as(window, item))

    async def _save_as(self, window: TaskWindow, item: DeliveryItem) -> None:
        from app.delivery import DownloadError, downloads_base
        from app.delivery.names import safe_file_name

        dialog = QFileDialog(window, translate("TaskWindow", "Save as"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite)  # nothing is overwritten: a taken name gets (2)
        dialog.setDirectory(str(downloads_base(self.base())))
        dialog.selectFile(safe_file_name(item.name))
        try:
            accepted = await run_dialog(dialog) and dialog.selectedFiles()
            chosen = Path(dialog.selectedFiles()[0]) if accepted else None
        finally:
            dialog.deleteLater()
        if chosen is None:
            return
        _progress(window, 0, item.size, chosen.parent)
        try:
            async with self._downloader() as downloader:
                path = await downloader.save(
                    item,
                    chosen.parent,
                    name=chosen.name,
                    progress=lambda done, total: _progress(window, done, total),
                )
        except asyncio.CancelledError:
            _ended(window, translate("TaskWindow", "Saving was cancelled. Nothing was left half-saved."), None)
            raise
        except DownloadError as exc:
            _ended(
                window, fill(translate("TaskWindow", "%1 was not saved. %2"), item.name, words(exc.user_message)), None
            )
            return
        _ended(window, fill(translate("TaskWindow", "Saved as %1."), str(path)), path.parent)

    async def shutdown(self) -> None:
        jobs = list(self._jobs.values())
        for job in jobs:
            job.cancel()
        if jobs:
            await asyncio.gather(*jobs, return_exceptions=True)
