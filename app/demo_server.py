"""Demo mode's practice server in a process of its own, started at launch beside the window.

Importing and starting the server (FastAPI, uvicorn) costs more than the whole window: in its own
process it runs on another core while the window draws itself, and the window's process never
imports it. The server prints its address on its first line; it ends when asked
(:meth:`DemoServer.stop`) or when its standard input closes (the app ended in any way, even
killed). Nothing here imports the server: ``python -m app.sandbox`` (or, in the bundle, the
program itself with :data:`SERVE_ARGUMENT`) does, in the other process.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import subprocess

DEMO_API_KEY = "aitk_test_demo"  # the practice server's key (not a secret: demo mode shows it)
SERVE_ARGUMENT = "--serve-practice-server"  # the bundle's own program, run as the practice server
LISTENING = "AITasker sandbox listening on "
# The server's process runs at a lower priority (Unix "nice"): where every core is busy, the
# window's first picture comes first (the server's start cost it about 0.1 s on 2 busy cores);
# on an idle core the server runs as fast as before. (Its own process: no lock is shared.)
SERVER_NICENESS = 10


class DemoServer:
    """The practice server's process (started at once; :meth:`url` waits for its address)."""

    def __init__(self, speed: float, store_path: Path) -> None:
        import subprocess  # here: an account's start never needs it

        options = ["--port", "0", "--speed", repr(speed), "--known-store", str(store_path), "--until-stdin-closes"]
        if getattr(sys, "frozen", False):  # the bundle: no "-m"; its program serves when told to
            command = [sys.executable, SERVE_ARGUMENT, *options]
        else:
            command = [sys.executable, "-m", "app.sandbox", *options]
        self._process: subprocess.Popen[str] = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
        )
        self._url: str | None = None
        set_priority = getattr(os, "setpriority", None)  # (not on Windows)
        if set_priority is not None:
            try:
                set_priority(os.PRIO_PROCESS, self._process.pid, SERVER_NICENESS)
            except OSError:
                pass

    def url(self) -> str:
        """The server's address, once it listens (blocking: call it in a thread); raises
        RuntimeError when the process ended without listening."""
        if self._url is None:
            assert self._process.stdout is not None
            line = self._process.stdout.readline()
            if not line.startswith(LISTENING):
                raise RuntimeError(f"the practice server did not start ({line.strip() or 'no answer'})")
            self._url = line[len(LISTENING) :].split()[0]
        return self._url

    def stop(self, timeout: float = 5.0) -> None:
        """End the process (its standard input closes; killed if it lingers)."""
        import subprocess

        process = self._process
        if process.poll() is None:
            try:
                if process.stdin is not None:
                    process.stdin.close()
                process.wait(timeout=timeout)
            except (OSError, subprocess.TimeoutExpired):
                process.kill()
                process.wait(timeout=timeout)
        if process.stdout is not None:
            process.stdout.close()
