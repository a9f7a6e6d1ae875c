"""“Save all”: every item of the final work into Downloads/<task title>/, saying where each went.

The Downloads folder is the platform's (``platformdirs.user_downloads_dir()``: on Linux the
``XDG_DOWNLOAD_DIR`` of ``user-dirs.dirs``, e.g. ``~/Herunterladen``) unless the settings name
another; it and the task's folder are made when missing. One item that fails does not stop the
others: the result lists what was saved where, and what was not and why. Cancelling the task that
awaits :func:`save_all` stops every download and leaves none of them behind.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.delivery.disk import disk_error, remove_stale_parts
from app.delivery.download import Downloader
from app.delivery.items import DeliveryItem, DownloadError
from app.delivery.names import numbered, safe_folder_name
from app.translatable import translate

log = logging.getLogger(__name__)

PARALLEL = 3
# (index of the item in the list given, bytes saved, total bytes or None when unknown)
ItemProgress = Callable[[int, int, "int | None"], None]


@dataclass(frozen=True)
class SavedItem:
    item: DeliveryItem
    path: Path


@dataclass(frozen=True)
class FailedItem:
    item: DeliveryItem
    error: DownloadError

    @property
    def reason(self) -> str:
        return self.error.user_message


@dataclass(frozen=True)
class SaveAllResult:
    folder: Path
    saved: list[SavedItem] = field(default_factory=list)
    failed: list[FailedItem] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.failed


def downloads_base(chosen: str | Path | None = None) -> Path:
    """The folder named in the settings (``~`` expanded), else the platform's Downloads folder."""
    if chosen is not None and str(chosen).strip():
        return Path(str(chosen).strip()).expanduser()
    import platformdirs  # only when saving: start-up does not pay for it

    return Path(platformdirs.user_downloads_dir())


def task_folder_name(title: str | None) -> str:
    return safe_folder_name(title, translate("messages", "AITasker task"))


def _make_folder(base: Path, name: str) -> tuple[Path, bool]:
    """``base/name`` made (with ``base``) if missing, and whether it was made now; ``name (2)`` …
    when a file stands in its way."""
    try:
        base.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise disk_error(exc, base) from None
    for n in range(1, 1000):
        folder = base / numbered(name, n, keep_extension=False)
        try:
            folder.mkdir()
        except FileExistsError:
            if folder.is_dir():
                return folder, False
            continue  # a file of that name
        except OSError as exc:
            raise disk_error(exc, folder) from None
        return folder, True
    raise DownloadError("disk", detail=f"no free folder name like {name} in {base}")


def _remove_if_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass  # not empty (something else was put there), or already gone


async def save_all(
    downloader: Downloader,
    items: Sequence[DeliveryItem],
    title: str | None,
    *,
    base: str | Path | None = None,
    progress: ItemProgress | None = None,
    parallel: int = PARALLEL,
) -> SaveAllResult:
    """Save every item into ``<base or Downloads>/<safe title>/``, a few at a time.

    :class:`DownloadError` only when the folder itself can't be made; a failed item is listed in
    the result's ``failed`` with the reason in plain words."""
    loop = asyncio.get_running_loop()
    folder, made = await loop.run_in_executor(None, _make_folder, downloads_base(base), task_folder_name(title))
    await loop.run_in_executor(None, remove_stale_parts, folder)
    slots = asyncio.Semaphore(max(1, parallel))
    outcomes: list[SavedItem | FailedItem | None] = [None] * len(items)

    async def one(index: int, item: DeliveryItem) -> None:
        def report(done: int, total: int | None) -> None:
            if progress is not None:
                progress(index, done, total)

        async with slots:
            try:
                path = await downloader.save(item, folder, progress=report, clean_folder=False)
            except DownloadError as exc:
                log.info("not saved: %s (%s)", exc.reason, exc.detail)
                outcomes[index] = FailedItem(item, exc)
            except Exception as exc:  # one item's surprise must not cost the others
                log.exception("saving an item failed unexpectedly")
                outcomes[index] = FailedItem(item, DownloadError("disk", detail=f"{type(exc).__name__}: {exc}"))
            else:
                outcomes[index] = SavedItem(item, path)

    try:
        async with asyncio.TaskGroup() as group:
            for index, item in enumerate(items):
                group.create_task(one(index, item))
    finally:
        if made and not any(isinstance(o, SavedItem) for o in outcomes):
            # Cancelled, or nothing could be saved: the folder made for it would stand there empty.
            await asyncio.shield(loop.run_in_executor(None, _remove_if_empty, folder))
    return SaveAllResult(
        folder,
        saved=[o for o in outcomes if isinstance(o, SavedItem)],
        failed=[o for o in outcomes if isinstance(o, FailedItem)],
    )
