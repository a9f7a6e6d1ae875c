"""A full disk and an unwritable folder, made for real: the store says so in words, keeps what it
had, and never takes a write failure for damage (nothing is moved aside).

Ways to fail for real: SQLite's own ``max_page_count`` (the database cannot grow: SQLITE_FULL,
exactly what a full disk gives), a file-size limit (``RLIMIT_FSIZE``: writes fail at the OS), a
folder nobody can create files in (``/proc``), and where the kernel allows a private mount
namespace, a 3 MB tmpfs filled to the last byte and a read-only bind mount (see tests/disk.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.store.disk_errors import CannotWrite, DiskFull, StoreError
from app.store.repository import Store
from tests import disk


def files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_disk_filling_while_running_keeps_the_saved_draft_and_recovers(tmp_path: Path) -> None:
    store = Store.in_dir(tmp_path)
    store.save_draft("a", {"title": "Saved before the disk filled"})
    problems: list[StoreError | None] = []
    store.add_problem_listener(problems.append)
    pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    store._db.execute(f"PRAGMA max_page_count = {pages}")  # the database cannot grow: SQLITE_FULL

    with pytest.raises(DiskFull) as caught:
        store.save_draft("a", {"title": "Typed later", "description": "x" * 50_000})
    assert str(tmp_path) in caught.value.user_message and "no space left" in caught.value.user_message
    assert "Error" not in caught.value.user_message and "SQLITE" not in caught.value.user_message
    assert isinstance(store.write_problem, DiskFull) and [type(p) for p in problems] == [DiskFull]
    with pytest.raises(DiskFull):
        store.save_draft("a", {"title": "Typed later", "description": "x" * 50_001})
    assert len(problems) == 1  # told once, not on every autosave
    assert store.get_draft("a").values == {"title": "Saved before the disk filled"}

    store._db.execute("PRAGMA max_page_count = 1000000")  # space freed
    assert store.save_draft("a", {"title": "Typed later", "description": "x" * 50_000}) == "a"
    assert store.write_problem is None and problems[-1] is None
    store.close()
    again = Store.in_dir(tmp_path)
    assert again.moved_aside is None and not [name for name in files(tmp_path) if "damaged" in name]
    assert again.get_draft("a").values["title"] == "Typed later"


OPEN_WITH_FILE_SIZE_LIMIT = r"""
import resource, signal, sys
from pathlib import Path
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG) instead of killing
resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
from app.store.disk_errors import StoreError
from app.store.repository import Store
try:
    Store.in_dir(Path(sys.argv[1]))
    print("opened")
except StoreError as exc:
    print("refused:", exc.user_message)
"""


def test_a_write_failure_at_start_is_not_damage_nothing_is_moved_aside(tmp_path: Path) -> None:
    store = Store.in_dir(tmp_path)
    store.save_draft("a", {"title": "Keep me"})
    store.close()
    before = (tmp_path / "aitasker.sqlite3").read_bytes()
    result = subprocess.run(
        [sys.executable, "-c", OPEN_WITH_FILE_SIZE_LIMIT, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=disk.ROOT,
    )
    assert result.stdout.startswith("refused: "), result.stdout + result.stderr
    assert str(tmp_path) in result.stdout and "Traceback" not in result.stderr
    assert not [name for name in files(tmp_path) if "damaged" in name]
    assert (tmp_path / "aitasker.sqlite3").read_bytes() == before
    again = Store.in_dir(tmp_path)  # the limit is gone: everything is there
    assert again.moved_aside is None and again.get_draft("a").values == {"title": "Keep me"}


def test_a_folder_where_nothing_can_be_created_is_said_in_words() -> None:
    folder = Path("/proc/aitasker-desktop-test")  # not even root can create files in /proc
    with pytest.raises(CannotWrite) as caught:
        Store.in_dir(folder)
    assert str(folder) in caught.value.user_message and "--data-dir" in caught.value.user_message
    assert not folder.exists()


READ_ONLY_CHECK = r"""
import json, sys
from pathlib import Path
from app.store.disk_errors import StoreError
from app.store.repository import Store
folder = Path(sys.argv[1])
try:
    Store.in_dir(folder)
    out = {"opened": True}
except StoreError as exc:
    out = {"kind": type(exc).__name__, "message": exc.user_message}
out["files"] = sorted(p.name for p in folder.iterdir())
print(json.dumps(out))
"""


def test_a_read_only_folder_is_said_in_words_and_nothing_is_moved(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    store = Store.in_dir(folder)
    store.save_draft("a", {"title": "Keep me"})
    store.close()
    before = files(folder)
    if os.geteuid() != 0:
        os.chmod(folder / "aitasker.sqlite3", 0o400)
        os.chmod(folder, 0o500)
        try:
            result = subprocess.run(
                disk.python(READ_ONLY_CHECK, str(folder)), capture_output=True, text=True, timeout=60, cwd=disk.ROOT
            )
        finally:
            os.chmod(folder, 0o700)
            os.chmod(folder / "aitasker.sqlite3", 0o600)
    else:  # root ignores chmod: a read-only bind mount in a private namespace
        reason = disk.namespaces_unavailable()
        if reason:
            pytest.skip(f"as root a read-only folder needs a read-only mount: {reason}")
        quoted = f"'{folder}'"
        result = disk.run_in_namespace(
            f"mount --bind {quoted} {quoted}\nmount -o remount,bind,ro {quoted}",
            disk.python(READ_ONLY_CHECK, str(folder)),
        )
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out.get("kind") == "CannotWrite", out
    assert str(folder) in out["message"] and "read-only" in out["message"]
    assert out["files"] == before
    assert Store.in_dir(folder).get_draft("a").values == {"title": "Keep me"}


FULL_TMPFS = r"""
import json, os, sys
from pathlib import Path
from app.store.disk_errors import DiskFull, StoreError
from app.store.repository import Store
from tests.disk import fill
mount = Path(sys.argv[1])
folder = mount / "data"
out = {}
store = Store.in_dir(folder)
store.save_draft("a", {"title": "Typed before the disk filled"})
fill(mount / "filler")
# While running: a long description cannot be saved; the draft keeps what it had.
try:
    store.save_draft("a", {"title": "Typed after", "description": "x" * 400_000})
    out["running"] = "saved"
except StoreError as exc:
    out["running"] = type(exc).__name__
out["kept"] = store.get_draft("a").values["title"]
store.close()
# At start with the disk still full.
try:
    Store.in_dir(folder)
    out["start"] = "opened"
except StoreError as exc:
    out["start"] = type(exc).__name__
    out["message"] = exc.user_message
out["files"] = sorted(p.name for p in folder.iterdir())
os.remove(mount / "filler")  # space freed: everything is there
again = Store.in_dir(folder)
out["after"] = again.get_draft("a").values["title"]
out["moved_aside"] = str(again.moved_aside) if again.moved_aside else None
print(json.dumps(out))
"""


def test_a_real_full_disk_at_start_and_while_running(tmp_path: Path) -> None:
    """The issue's own check: a 3 MB disk that fills up; the draft survives, nothing is moved aside."""
    out = disk.on_small_disk(tmp_path, FULL_TMPFS)
    mount = tmp_path / "small-disk"
    assert out["running"] == "DiskFull" and out["kept"] == "Typed before the disk filled"
    assert out["start"] == "DiskFull" and str(mount / "data") in out["message"]
    assert not [name for name in out["files"] if "damaged" in name], out["files"]
    assert out["after"] == "Typed before the disk filled" and out["moved_aside"] is None


async def test_a_full_disk_does_not_stop_task_updates_or_categories(tmp_path: Path) -> None:
    """The refresher's updates still reach the table (and the categories the form) when they
    cannot be saved; the store reports the full disk."""
    from app.api.schema import Task
    from app.session import Connection, Session
    from app.taxonomy import Category, fetch_categories

    store = Store.in_dir(tmp_path)
    session = Session(store, Connection("http://127.0.0.1:9", None))
    shown: list[Task] = []
    session.task_updated.connect(shown.append)
    store._db.execute(f"PRAGMA max_page_count = {store._db.execute('PRAGMA page_count').fetchone()[0]}")
    task = Task(id="t1", title="Refreshed", description="x" * 20_000)
    session.task_refreshed(task)
    assert shown == [task] and isinstance(store.write_problem, DiskFull)

    class Server:
        async def list_categories(self) -> list[Category]:
            return [Category("data", "Data " + "y" * 20_000)]

    fetched = await fetch_categories(Server(), store)
    assert fetched and fetched[0].slug == "data"
