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
