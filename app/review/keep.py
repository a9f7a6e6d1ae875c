"""What was seen of a task, kept on this computer: its versions (the gallery and their pictures and
texts) and its final work (deliveries and their items), readable later and offline.

Under ``<data folder>/kept/<task>/``: documents as JSON (``gallery.json``, ``delivery.json``, …) and
files under ``files/`` named by a hash of their address. Every write goes to a temporary file that
is fsync'ed and then renamed over the old one: a crash leaves the old version or the new, never half
of one. All kept tasks together stay under a size cap (500 MB unless set otherwise): when a write
goes over it, whole tasks are forgotten, the least recently used first (a task is used when
something of it is written or read; the order survives restarts in the mtime of its ``used``
file). A single thing that would not fit under the cap on its own is not kept.

Blocking file system calls all: call these methods from an executor (they are thread-safe).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import secrets
import shutil
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

log = logging.getLogger(__name__)

DEFAULT_CAP_BYTES = 500 * 1024 * 1024
FOLDER = "kept"
_USED = "used"
_FILES = "files"
_TEMP = ".tmp"
_PLAIN_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
_DOCUMENT = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")


def _task_dir_name(task_id: str) -> str:
    """The task's id when it is plain (a UUID is), else a hash of it: never a path."""
    text = str(task_id)
    return text if _PLAIN_ID.fullmatch(text) else "x-" + hashlib.sha256(text.encode()).hexdigest()[:40]


def file_key(address: str) -> str:
    """The name a kept file goes under: a hash of its address (or of any key the caller uses)."""
    return hashlib.sha256(address.encode("utf-8", "surrogatepass")).hexdigest()[:40]


def _atomic(path: Path, fill: Callable[[BinaryIO], object]) -> None:
    """``path`` written whole by ``fill`` under a temporary name, fsync'ed, then renamed over it."""
    temporary = path.with_name(f"{path.name}.{secrets.token_hex(4)}{_TEMP}")
    try:
        with open(temporary, "wb") as out:
            fill(out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _atomic_write(path: Path, data: bytes) -> None:
    _atomic(path, lambda out: out.write(data))


def _atomic_copy(source: Path, path: Path) -> None:
    def copy(out: BinaryIO) -> None:
        with open(source, "rb") as src:
            shutil.copyfileobj(src, out, 1024 * 1024)

    _atomic(path, copy)


class KeptTasks:
    """The kept galleries and deliveries under ``data_dir/kept``, within ``cap_bytes`` in all."""

    def __init__(self, data_dir: Path, *, cap_bytes: int = DEFAULT_CAP_BYTES, clock: Callable[[], float] = time.time):
        self.root = Path(data_dir) / FOLDER
        self._cap = cap_bytes
        self._clock = clock
        self._lock = threading.RLock()
        self._sizes: dict[str, int] | None = None  # task folder → bytes; read from disk on first use
        self._used: dict[str, float] = {}

    # --- documents (JSON) -------------------------------------------------------------------

    def put_gallery(self, task_id: str, gallery: Any) -> bool:
        return self.put_document(task_id, "gallery", gallery)

    def gallery(self, task_id: str) -> Any | None:
        return self.document(task_id, "gallery")

    def put_delivery(self, task_id: str, delivery: Any, number: int | None = None) -> bool:
        """The latest delivery under ``delivery``; with a number, also that one (a revision's)."""
        kept = self.put_document(task_id, "delivery", delivery)
        if number is not None:
            kept = self.put_document(task_id, f"delivery-{int(number)}", delivery) and kept
        return kept

    def delivery(self, task_id: str, number: int | None = None) -> Any | None:
        return self.document(task_id, "delivery" if number is None else f"delivery-{int(number)}")

    def put_document(self, task_id: str, name: str, data: Any) -> bool:
        """Keep ``data`` (anything JSON can write) as ``name``; False when it is not kept (too big, or
        the disk refused)."""
        if not _DOCUMENT.fullmatch(name):
            raise ValueError(f"not a document name: {name!r}")
        body = json.dumps(data, ensure_ascii=False, default=str).encode("utf-8")  # NaN as Python reads it back
        return self._put(task_id, Path(f"{name}.json"), len(body), lambda path: _atomic_write(path, body))

    def document(self, task_id: str, name: str) -> Any | None:
        if not _DOCUMENT.fullmatch(name):
            return None
        raw = self._read(task_id, Path(f"{name}.json"))
        if raw is None:
            return None
        try:
            return json.loads(raw)
        except (ValueError, RecursionError) as exc:
            log.warning("a kept %s could not be read: %s", name, exc)
            return None

    # --- files (pictures, texts, delivered items) ----------------------------------------------

    def put_file(self, task_id: str, address: str, data: bytes) -> bool:
        """Keep ``data`` fetched from ``address``; False when it is not kept (too big)."""
        return self._put(
            task_id, Path(_FILES) / file_key(address), len(data), lambda path: _atomic_write(path, bytes(data))
        )

    def add_file(self, task_id: str, address: str, source: Path) -> bool:
        """Keep a copy of a file already on disk (a saved item of the final work)."""
        size = source.stat().st_size
        return self._put(task_id, Path(_FILES) / file_key(address), size, lambda path: _atomic_copy(source, path))

    def file(self, task_id: str, address: str) -> bytes | None:
        return self._read(task_id, Path(_FILES) / file_key(address))

    def file_path(self, task_id: str, address: str) -> Path | None:
        """Where the kept file is (to open it without reading it here), or None."""
        with self._lock:
            self._scan()
            path = self.root / _task_dir_name(task_id) / _FILES / file_key(address)
            if not path.is_file():
                return None
            self._touch(_task_dir_name(task_id))
            return path

    # --- the whole ---------------------------------------------------------------------------

    @property
    def cap_bytes(self) -> int:
        return self._cap

    def set_cap(self, cap_bytes: int) -> None:
        """A new cap (from the settings); tasks are forgotten at once if the kept ones exceed it."""
        with self._lock:
            self._cap = max(0, int(cap_bytes))
            self._evict(keep=None)

    @property
    def size(self) -> int:
        with self._lock:
            return sum(self._scan().values())

    def tasks(self) -> list[str]:
        """The kept tasks' folder names, the most recently used first."""
        with self._lock:
            self._scan()
            return sorted(self._used, key=lambda t: self._used[t], reverse=True)

    def has(self, task_id: str) -> bool:
        with self._lock:
            return _task_dir_name(task_id) in self._scan()

    def forget(self, task_id: str) -> None:
        with self._lock:
            self._remove(_task_dir_name(task_id))

    # --- inside ------------------------------------------------------------------------------

    def _put(self, task_id: str, relative: Path, size: int, write: Callable[[Path], None]) -> bool:
        task = _task_dir_name(task_id)
        with self._lock:
            sizes = self._scan()
            folder = self.root / task
            path = folder / relative
            old = path.stat().st_size if path.is_file() else 0
            if sizes.get(task, 0) - old + size > self._cap:
                log.info("not kept: %s bytes would not fit under the cap of %s", size, self._cap)
                return False
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                write(path)
            except OSError as exc:  # a full or read-only disk: not kept, and nothing half-written
                log.warning("could not keep part of a task on this computer: %s", exc)
                return False
            sizes[task] = sizes.get(task, 0) - old + size
            self._touch(task)
            self._evict(keep=task)
            return True

    def _read(self, task_id: str, relative: Path) -> bytes | None:
        task = _task_dir_name(task_id)
        with self._lock:
            self._scan()
            try:
                data = (self.root / task / relative).read_bytes()
            except OSError:
                return None
            self._touch(task)
            return data

    def _touch(self, task: str) -> None:
        # The use just made is the newest, whatever the wall clock says (it may have been set back):
        # a task used now is never the first to go. (The order is kept across runs in the markers' times.)
        now = max(self._clock(), max(self._used.values(), default=0.0) + 0.001)
        self._used[task] = now
        marker = self.root / task / _USED
        try:
            marker.touch()
            os.utime(marker, (now, now))
        except OSError as exc:
            log.info("could not note the use of a kept task: %s", exc)

    def _scan(self) -> dict[str, int]:
        """Sizes of the kept tasks, read from disk once; unfinished temporary files are removed."""
        if self._sizes is not None:
            return self._sizes
        sizes: dict[str, int] = {}
        try:
            folders = [entry for entry in os.scandir(self.root) if entry.is_dir(follow_symlinks=False)]
        except OSError:
            folders = []
        for entry in folders:
            total = 0
            for base, _dirs, names in os.walk(entry.path):
                for name in names:
                    path = os.path.join(base, name)
                    try:
                        if name.endswith(_TEMP):
                            os.unlink(path)  # a write a killed run did not finish
                            continue
                        total += os.lstat(path).st_size
                    except OSError:
                        pass
            sizes[entry.name] = total
            try:
                self._used[entry.name] = os.stat(os.path.join(entry.path, _USED)).st_mtime
            except OSError:
                self._used[entry.name] = entry.stat().st_mtime
        self._sizes = sizes
        return sizes

    def _evict(self, keep: str | None) -> None:
        sizes = self._scan()
        while sum(sizes.values()) > self._cap:
            candidates = [t for t in sizes if t != keep]
            if not candidates:
                break
            oldest = min(candidates, key=lambda t: self._used.get(t, 0.0))
            log.info("forgetting the kept task %s (%d bytes) to stay under the cap", oldest, sizes[oldest])
            self._remove(oldest)

    def _remove(self, task: str) -> None:
        sizes = self._scan()
        shutil.rmtree(self.root / task, ignore_errors=True)
        sizes.pop(task, None)
        self._used.pop(task, None)
