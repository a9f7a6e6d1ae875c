"""The real program, started on a folder it cannot use: a window says what happened, where and
what to do (its picture is taken with ``--screenshot``, which then closes it), the exit code is 3,
no traceback, and nothing is moved aside. Where a real full disk or read-only mount needs a private
mount namespace (tests/disk.py), the test skips and says why when the kernel does not allow one.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from app.store.repository import Store
from tests import disk
from tests.ui.test_startup import TROUBLE, assert_screenshot, run_app

ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "AITASKER_API_KEY": "aitk_test_demo"}
OFFLINE = ["--api-url", "http://127.0.0.1:9"]


def assert_problem_window(shot: Path, returncode: int, stderr: str, *words: str) -> None:
    assert returncode == 3, stderr
    assert not [t for t in TROUBLE if t in stderr], stderr
    assert_screenshot_small(shot)
    for word in words:
        assert word in stderr, stderr


def assert_screenshot_small(path: Path) -> None:
    """The problem window: a readable, not blank picture (smaller than the main window)."""
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    assert not image.isNull(), "no picture of the problem window"
    assert image.width() >= 300 and image.height() >= 100
    assert len({image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}) > 3


def test_a_folder_that_cannot_be_created_gets_a_window_not_a_traceback(tmp_path: Path) -> None:
    folder = Path("/proc/aitasker-desktop-test")  # nobody, root included, can create it
    shot = tmp_path / "problem.png"
    result = run_app(["--data-dir", str(folder), "--screenshot", str(shot), *OFFLINE], ENV)
    assert_problem_window(shot, result.returncode, result.stderr, str(folder), "--data-dir")


def prepared(folder: Path) -> None:
    store = Store.in_dir(folder)
    store.save_draft(
        "d1", {"title": "Typed before", "category": "data", "task_type": "data-analysis", "budget_usd": 45}
    )
    store.set_setting("current_draft", "d1")
    store.close()


FULL_DISK_RUN = r"""
import json, os, subprocess, sys
from pathlib import Path
from app.store.repository import Store
from tests.disk import fill
from tests.ui.test_startup_problems import prepared
mount, shot, after = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
folder = mount / "data"
prepared(folder)
fill(mount / "filler")
env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "AITASKER_API_KEY": "aitk_test_demo"}
app = [sys.executable, "-m", "ui", "--data-dir", str(folder), "--api-url", "http://127.0.0.1:9", "--screenshot"]
full = subprocess.run(app + [shot], capture_output=True, text=True, timeout=120, env=env)
files = sorted(p.name for p in folder.iterdir())
os.remove(mount / "filler")
freed = subprocess.run(app + [after], capture_output=True, text=True, timeout=120, env=env)
store = Store.in_dir(folder)
print(json.dumps({"rc": full.returncode, "stderr": full.stderr, "files": files, "rc_after": freed.returncode,
                  "stderr_after": freed.stderr, "draft": store.get_draft("d1").values["title"],
                  "moved_aside": store.moved_aside is not None}))
"""


def test_a_full_disk_at_start_gets_a_window_and_the_draft_survives(tmp_path: Path) -> None:
    shot, after = tmp_path / "problem.png", tmp_path / "after.png"
    out = disk.on_small_disk(tmp_path, FULL_DISK_RUN, str(shot), str(after), timeout=300)
    mount = tmp_path / "small-disk"
    assert_problem_window(shot, out["rc"], out["stderr"], "no space left", str(mount / "data"))
    assert not [name for name in out["files"] if "damaged" in name], out["files"]
    assert out["rc_after"] == 0, out["stderr_after"]
    assert_screenshot(after)
    assert out["draft"] == "Typed before" and not out["moved_aside"]


def test_a_read_only_folder_gets_a_window_and_nothing_is_moved(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    prepared(folder)
    before = sorted(p.name for p in folder.iterdir())
    shot = tmp_path / "problem.png"
    argv = [sys.executable, "-m", "ui", "--data-dir", str(folder), "--screenshot", str(shot), *OFFLINE]
    if os.geteuid() != 0:
        os.chmod(folder, 0o500)
        try:
            import subprocess

            result = subprocess.run(argv, capture_output=True, text=True, timeout=120, env=ENV)
        finally:
            os.chmod(folder, 0o700)
    else:  # root ignores chmod: a read-only bind mount in a private namespace
        reason = disk.namespaces_unavailable()
        if reason:
            pytest.skip(f"as root a read-only folder needs a read-only mount: {reason}")
        result = disk.run_in_namespace(
            f"mount --bind '{folder}' '{folder}'\nmount -o remount,bind,ro '{folder}'", argv, env=ENV
        )
    assert_problem_window(shot, result.returncode, result.stderr, str(folder), "read-only")
    assert sorted(p.name for p in folder.iterdir()) == before
    assert Store.in_dir(folder).get_draft("d1").values["title"] == "Typed before"
