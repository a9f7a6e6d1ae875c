"""The stored tasks into the window: the newest rows before the window appears, the rest in the
background once the event loop runs, and the tasks waiting for review counted ("2 need your
review"). The review service (with httpx) is made here, after the first paint."""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from app.store.repository import Store
from ui.models.task_rows import TaskRow
from ui.panels.tasks import TasksPanel

if TYPE_CHECKING:
    import asyncio

    from app.api.schema import Task
    from app.session import Session
    from ui.controllers.review import ReviewController

REVIEW_PAGE = 200  # tasks in review looked at per step at start (the open ones kept): a millisecond or two
FIRST_CHUNK = 500  # tasks shown before the window appears (a screenful and more); the rest load in the background
LOAD_PAGE = 500  # rows per store read of the background load (about a millisecond each)


class TasksLoader(QObject):
    session: Session
    _reviews: ReviewController

    def __init__(self, parent: QWidget, store: Store, tasks: TasksPanel) -> None:
        """Shows the newest rows at once; :meth:`attach` gives the session and the reviews, which
        the rest of the load needs (the event loop runs by then)."""
        super().__init__(parent)
        self.store, self._tasks = store, tasks
        self._loading = False
        self._work: list[asyncio.Future[None]] = []  # the background reads, while they run
        # The newest rows now, straight from the store's columns; the rest once the loop runs.
        self._pages = store.task_row_pages(first=FIRST_CHUNK, size=LOAD_PAGE)
        first = next(self._pages, [])
        tasks.set_tasks(TaskRow(*fields) for fields in first)
        self._all_loaded = len(first) < FIRST_CHUNK

    def attach(self, session: Session, reviews: ReviewController) -> None:
        self.session, self._reviews = session, reviews

    def start_loading(self) -> None:
        """The older stored tasks into the table, in the background (once), and the tasks waiting
        for review counted. With nothing more to load, what start-up built is moved out of the
        garbage collector's way at once (the load does it when it ends): the full collections that
        come now and then while typing then scan only what is new."""
        if self._loading:
            return
        self._loading = True
        if self._reviews.notifier is not None:  # the desktop bus, after the first picture
            self._reviews.notifier.start()
        from app.review.keep import KeptTasks
        from app.review.service import ReviewService  # with httpx: after the first picture, not before

        kept = KeptTasks(self.store.path.parent)  # the versions seen, readable later and offline
        self._reviews.set_service(
            ReviewService(
                lambda: self.session.client, lambda: self.session.connection.api_key, store=self.store, kept=kept
            )
        )
        # Only reviews still open: one that has run out shows nothing (no alert, not counted, not
        # next to review) until the server says what became of it, and a large store holds many.
        pages = self.store.status_pages(("review",), size=REVIEW_PAGE, open_after=time.time())
        self._work.append(self.session.spawn(self._seed_reviews(pages)))  # "2 need your review" in a moment
        if self._all_loaded:
            gc.freeze()
        else:
            self._work.append(self.session.spawn(self._tasks.load_rest(self._pages)))

    async def _seed_reviews(self, pages: Iterator[list[Task]]) -> None:
        """The tasks in review, a page at a time beside the GUI (a large store holds thousands,
        open or run out); their alerts are raised, and counted, once all are read."""
        import asyncio

        for page in pages:
            self._reviews.seed_part(page)
            await asyncio.sleep(0)
        self._reviews.seeded()

    def shutdown(self) -> None:
        """The app is closing: the background reads of the store stop (before it is closed)."""
        for work in self._work:
            work.cancel()
