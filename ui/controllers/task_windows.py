"""The task windows: one per task, reused; opened with Enter or a double-click on a table row, by
Ctrl+R for the next task that waits for the person, and from a notification.

Each window gets the task as the refresher reads it, its versions (the review, embedded, with its
work behind it: ui/controllers/review.py), its final work (read from the server, pictures decoded
beside the window through the one shared picture pipeline), and what its buttons may do now. What
the person asks for goes to the task actions (approve, ask for changes, report a problem, cancel,
answer: ``TaskActionsController``, which asks first, with the money, and sends once through the
journal), to the saving of the final work (ui/controllers/saving.py) and to "Post again". At most :data:`MAX_OPEN` windows are
open at once (the oldest makes room); a closed window leaves nothing behind."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from app.api.errors import ApiError
from app.api.schema import Task
from app.images import ImageError
from app.sync import RefreshProblem
from app.tasks.delivery import DeliveryItem
from ui.controllers.review import ReviewController
from ui.controllers.saving import SavingController
from ui.i18n import DATE_TIME, Words, fill, translate, when, words
from ui.widgets.pictures import FULL, PictureRefused
from ui.windows.review.window import ReviewWindow
from ui.windows.task.window import TaskWindow

if TYPE_CHECKING:
    from app.images import ImageFetcher
    from app.session import Session

log = logging.getLogger(__name__)

MAX_OPEN = 8
FINAL_WORK_MAX_BYTES = 64 * 1024 * 1024  # a picture of the final work may be far larger than a version's
WITH_DELIVERY = ("delivered", "completed", "disputed")
ACTIONS = {
    "approve": "approve",
    "changes": "ask_for_changes",
    "problem": "report_problem",
    "cancel": "cancel",
    "answer": "answer",
}


def delivery_mark(task: Task) -> object:
    """What changes when a new delivery arrives: the task's ``delivery`` (id, number), else its status."""
    marker = (task.model_extra or {}).get("delivery")
    return (task.status, str(marker)[:200]) if marker is not None else task.status


class TaskWindowsController(QObject):
    def __init__(
        self,
        parent: QWidget,
        session: Session,
        reviews: ReviewController,
        task_actions: Any,
        saving: SavingController,
        *,
        post_again: Callable[[Task], None],
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._session = session
        self._reviews = reviews
        self._actions = task_actions
        self._saving = saving
        self._post_again = post_again
        self._now = now
        self._windows: dict[str, TaskWindow] = {}
        self._versions: dict[str, ReviewWindow] = {}  # the embedded review of each window
        self._stale: dict[str, Words] = {}  # tasks whose window says they could not be read again
        self._marks: dict[str, object] = {}  # the delivery each window shows (see delivery_mark)
        self._jobs: dict[str, set[asyncio.Task[Any]]] = {}
        self._fetcher: ImageFetcher | None = None
        self._fetcher_for: tuple[str, str | None] | None = None
        task_actions.said.connect(self._said)
        task_actions.changed.connect(self._update_available)
        reviews.actions.changed.connect(lambda entry: self._update_available(entry.task_id))
        reviews.opener = self.open

    @property
    def windows(self) -> dict[str, TaskWindow]:
        return dict(self._windows)

    # --- opening and closing ---------------------------------------------------------------------

    def open(self, task: Task) -> TaskWindow:
        """The task's window (made, or the one already open, brought to the front)."""
        window = self._windows.get(task.id)
        if window is None or not shiboken6.isValid(window):
            while len(self._windows) >= MAX_OPEN:
                self._windows[next(iter(self._windows))].close()
            window = self._make(task)
            first = True
        else:
            self.task_updated(task)
            first = False
        window.show()
        window.raise_()
        window.activateWindow()
        if first:
            window.focus_current_part()
        return window

    def _make(self, task: Task) -> TaskWindow:
        window = TaskWindow(task, self._parent, now=self._now)
        task_id = task.id
        self._windows[task_id] = window
        self._jobs[task_id] = set()
        for name, method in ACTIONS.items():
            getattr(window, f"{name}Requested").connect(lambda method=method: self._act(task_id, method))
        window.saveAllRequested.connect(lambda: self._save_all(task_id))
        window.saveAsRequested.connect(lambda item: self._save_as(task_id, item))
        window.saveCancelRequested.connect(lambda: self._saving.cancel(task_id))
        window.postAgainRequested.connect(lambda: self._post_again(self._windows[task_id].task))
        window.refreshRequested.connect(lambda: self.refresh(task_id))
        window.sharperWanted.connect(lambda item: self._spawn(task_id, self._load_picture(task_id, item, full=True)))
        window.closed.connect(self._forget)
        window.languageChanged.connect(self._update_available)  # why a button waits, in the new language
        part = self._reviews.embed(task, window.versions_page)
        if part is not None:
            self._versions[task_id] = part
            window.embed_versions(part)
        self._update_available(task_id)
        self._load_delivery_if_any(task)
        return window

    def _forget(self, task_id: str) -> None:
        window = self._windows.pop(task_id, None)
        for job in self._jobs.pop(task_id, set()):
            job.cancel()
        self._marks.pop(task_id, None)
        self._saving.cancel(task_id)
        part = self._versions.pop(task_id, None)
        if part is not None and shiboken6.isValid(part):
            part.close()  # its review stops reading and is forgotten (a request already sent goes on)
        if window is not None and shiboken6.isValid(window):
            window.deleteLater()

    def _alive(self, task_id: str) -> TaskWindow | None:
        window = self._windows.get(task_id)
        return window if window is not None and shiboken6.isValid(window) else None

    def _spawn(self, task_id: str, work: Coroutine[Any, Any, Any]) -> None:
        jobs = self._jobs.get(task_id)
        if jobs is None:
            work.close()
            return
        job = asyncio.ensure_future(work)
        jobs.add(job)
        job.add_done_callback(jobs.discard)
        job.add_done_callback(_report_crash)

    # --- news ------------------------------------------------------------------------------------

    def task_updated(self, task: Task) -> None:
        """A fresher copy of a task (the refresher, an action's answer): its window follows."""
        self._actions.task_updated(task)  # a question open on it sends nothing if it moved on
        window = self._alive(task.id)
        if window is None:
            return
        window.show_task(task)
        self._update_available(task.id)
        self._load_delivery_if_any(task)

    def refresh_problem(self, problem: RefreshProblem) -> None:
        """A task could not be read again (its open window says why, and that what it shows is older),
        or can again (that sentence goes)."""
        window = self._alive(problem.task_id)
        said = self._stale.pop(problem.task_id, None)
        if window is None:
            return
        if problem.reason is None:
            if said is not None and window.said is said:
                window.say("")
            return
        reason, last_good = problem.reason, problem.last_good

        def stale() -> str:
            why = fill(translate("TaskWindow", "Could not refresh this task just now: %1"), words(reason))
            if last_good is None:
                return why
            since = fill(translate("TaskWindow", "What it shows came from AITasker at %1."), when(last_good, DATE_TIME))
            return f"{why} {since}"

        self._stale[problem.task_id] = stale
        window.say(stale)

    def refresh(self, task_id: str) -> None:
        """F5 in a task window: the task, its versions and its final work read again."""
        self._session.refresh_now()
        self._marks.pop(task_id, None)
        window = self._alive(task_id)
        part = self._versions.get(task_id)
        if part is not None and shiboken6.isValid(part):
            part.reload()
        if window is not None:
            self._load_delivery_if_any(window.task)

    def _update_available(self, task_id: str) -> None:
        window = self._alive(task_id)
        if window is None:
            return
        reasons = dict(self._actions.available(window.task))
        delivery = window.delivery
        if self._saving.saving(task_id):
            reasons["save"] = translate("TaskWindow", "Saving…")
        elif delivery is None or not delivery.items:
            reasons["save"] = translate("TaskWindow", "There is no final work to save yet.")
        else:
            reasons["save"] = ""
        reasons["post_again"] = ""
        window.set_available(reasons)

    def _said(self, task_id: str, text: Words, detail: str) -> None:
        window = self._alive(task_id)
        if window is not None:
            window.say(text, detail)

    # --- the final work --------------------------------------------------------------------------

    def _load_delivery_if_any(self, task: Task) -> None:
        mark = delivery_mark(task)
        has_work = task.status in WITH_DELIVERY or (task.model_extra or {}).get("delivery") is not None
        if not has_work or self._marks.get(task.id) == mark:
            return
        self._marks[task.id] = mark
        self._spawn(task.id, self._load_delivery(task.id))

    async def _load_delivery(self, task_id: str) -> None:
        client = self._session.client
        if client is None:
            return
        try:
            delivery = await client.get_delivery(task_id)
        except ApiError as exc:
            log.info("final work: %s", exc.detail)
            self._marks.pop(task_id, None)  # tried again with the next news or F5
            window = self._alive(task_id)
            if window is not None:
                said = exc.user_message
                window.say(
                    lambda: fill(translate("TaskWindow", "The final work could not be loaded. %1"), words(said)),
                    exc.detail,
                )
            return
        window = self._alive(task_id)
        if window is None:
            return
        window.show_delivery(delivery)
        if delivery is None:  # the task says it has final work; AITasker answered that it has none (404)
            window.say(lambda: translate("TaskWindow", "AITasker did not find the final work of this task just now."))
        self._update_available(task_id)
        current = window.current_item()
        for item in window.pictures_wanted():  # the one in view before any other picture
            self._spawn(task_id, self._load_picture(task_id, item, urgent=item == current))

    def _images(self) -> ImageFetcher:
        from app.images import ImageFetcher

        client = self._session.client
        wanted = (client.base_url if client is not None else "", self._session.connection.api_key)
        if self._fetcher is None or self._fetcher_for != wanted:
            if self._fetcher is not None:
                old = self._fetcher
                asyncio.ensure_future(old.aclose())
            self._fetcher = ImageFetcher(
                wanted[0] or "https://invalid.invalid", wanted[1], max_bytes=FINAL_WORK_MAX_BYTES
            )
            self._fetcher_for = wanted
        return self._fetcher

    async def _load_picture(
        self, task_id: str, item: DeliveryItem, *, full: bool = False, urgent: bool = False
    ) -> None:
        """A picture of the final work at the size shown (the shared cache), or at full size for a
        closer look (held by the window only while it shows it that large)."""
        loader = self._reviews.pictures
        if loader is None:
            return
        fetcher = self._images()
        try:
            if full:
                pixmap = await loader.picture(item.url, fetcher.fetch, FULL, urgent=True)
            else:
                pixmap = await loader.picture(item.url, fetcher.fetch, urgent=urgent)
        except (ImageError, PictureRefused) as exc:
            window = self._alive(task_id)
            if window is not None:
                if full:
                    why = str(exc)
                    window.say(lambda: fill(translate("TaskWindow", "The picture can't be shown larger. %1"), why))
                else:
                    window.picture_failed(item.url, str(exc))
            return
        window = self._alive(task_id)
        if window is None:
            return
        if full:
            window.show_sharper(item.url, pixmap)
        else:
            window.show_picture(item.url, pixmap)

    # --- what the person asks for ----------------------------------------------------------------

    def _act(self, task_id: str, method: str) -> None:
        window = self._alive(task_id)
        if window is not None:
            self._spawn(task_id, self._run_action(task_id, getattr(self._actions, method)(window.task, window)))

    async def _run_action(self, task_id: str, action: Coroutine[Any, Any, Any]) -> None:
        await action
        self._update_available(task_id)

    def _save_all(self, task_id: str) -> None:
        window = self._alive(task_id)
        if (
            window is not None
            and self._not_saving(window)
            and self._saving.save_all(window, window.task, window.delivery)
        ):
            self._update_available(task_id)
            self._saving_ends(task_id)

    def _save_as(self, task_id: str, item: DeliveryItem) -> None:
        window = self._alive(task_id)
        if window is not None and self._not_saving(window) and self._saving.save_as(window, window.task, item):
            self._update_available(task_id)
            self._saving_ends(task_id)

    def _not_saving(self, window: TaskWindow) -> bool:
        """One save at a time per task: a second is refused in words."""
        if self._saving.saving(window.task.id):
            window.say(lambda: translate("TaskWindow", "Files of this task are being saved: wait until that is done."))
            return False
        return True

    def _saving_ends(self, task_id: str) -> None:
        async def wait() -> None:
            await self._saving.wait(task_id)
            self._update_available(task_id)

        self._spawn(task_id, wait())

    # --- the end ---------------------------------------------------------------------------------

    async def shutdown(self) -> None:
        """The app is closing: every task window closes, saving stops, the picture fetcher closes."""
        for window in list(self._windows.values()):
            if shiboken6.isValid(window):
                window.close()
        await self._saving.shutdown()
        if self._fetcher is not None:
            await self._fetcher.aclose()
            self._fetcher = None


def _report_crash(job: asyncio.Task[Any]) -> None:
    if not job.cancelled() and job.exception() is not None:
        log.error("task window: unexpected error", exc_info=job.exception())
