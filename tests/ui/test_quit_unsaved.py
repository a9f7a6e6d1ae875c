"""Issue 22, break 7: the status bar says "Not saved — disk full" and the person quits with typing
that could not be saved. The window asks: keep the app open, copy it, or quit anyway; "Copy it"
puts the whole form on the clipboard as readable text and keeps the app open.

On a real full disk: the scenarios (tests/ui/full_disk_quit.py) run in a private mount namespace
with a 3 MB tmpfs (tests/disk.py); where the kernel allows none, this skips and says why."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

from tests import disk

SCENARIOS = Path(__file__).with_name("full_disk_quit.py")


def test_quit_with_typing_a_full_disk_could_not_save_asks_first(tmp_path: Path) -> None:
    reason = disk.namespaces_unavailable()
    if reason:
        pytest.skip(f"a real full disk needs a private tmpfs: {reason}")
    mount = tmp_path / "small-disk"
    mount.mkdir()
    argv = [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "-p", "no:cacheprovider"]
    argv += [f"--basetemp={tmp_path / 'inner'}", str(SCENARIOS)]
    result = disk.run_in_namespace(
        f"mount -t tmpfs -o size=3m tmpfs '{mount}'",
        argv,
        env={**os.environ, "AITASKER_TEST_SMALL_DISK": str(mount)},
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert re.search(r"\b3 passed\b", result.stdout), result.stdout[-2000:]
