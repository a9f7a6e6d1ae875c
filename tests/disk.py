"""Real full disks and read-only folders for tests, without touching the machine's own mounts.

``unshare -rm`` gives the test a private mount namespace (as an unprivileged user too, where the
kernel allows user namespaces): a 3 MB tmpfs there fills up for real, and a bind mount remounted
read-only is read-only even for root (who ignores chmod). Where ``unshare`` is missing or not
allowed, tests that need it skip and say why.
"""

from __future__ import annotations

import functools
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


@functools.cache
def namespaces_unavailable() -> str | None:
    """None when ``unshare -rm`` can mount a tmpfs here; else the reason, for a skip message."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return "util-linux's unshare is not installed (needed for a private tmpfs / read-only mount)"
    probe = subprocess.run(
        [unshare, "-rm", "sh", "-c", "mount -t tmpfs -o size=1m tmpfs /mnt"], capture_output=True, text=True, timeout=30
    )
    if probe.returncode != 0:
        return f"this kernel or container does not allow private mounts ({probe.stderr.strip()[:120]})"
    return None


def run_in_namespace(
    setup: str, argv: list[str], *, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run ``setup`` (shell, e.g. mounts) then ``argv`` in a private mount namespace."""
    script = f"set -e\n{setup}\nexec {shlex.join(argv)}"
    return subprocess.run(
        ["unshare", "-rm", "sh", "-c", script],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env if env is not None else os.environ.copy(),
        cwd=ROOT,
    )


def on_small_disk(tmp_path: Path, code: str, *args: str, timeout: float = 120) -> dict[str, Any]:
    """Run Python ``code`` with a real 3 MB disk (a private tmpfs) mounted at ``tmp_path/small-disk``
    (its first argument, before ``args``); returns the JSON it prints. Skips, saying why, where
    private mounts are not allowed."""
    import json

    import pytest

    reason = namespaces_unavailable()
    if reason:
        pytest.skip(f"a real full disk needs a private tmpfs: {reason}; the store-level full-disk tests still ran")
    mount = tmp_path / "small-disk"
    mount.mkdir()
    result = run_in_namespace(
        f"mount -t tmpfs -o size=3m tmpfs '{mount}'", python(code, str(mount), *args), timeout=timeout
    )
    assert result.returncode == 0, result.stderr
    out: dict[str, Any] = json.loads(result.stdout)
    return out


def python(code: str, *args: str) -> list[str]:
    return [sys.executable, "-c", code, *args]


def fill(target: Path) -> None:
    """Fill the disk holding ``target`` (a new file) to the last byte."""
    with open(target, "wb", buffering=0) as f:
        try:
            while True:
                f.write(bytes(4096))
        except OSError:
            pass
