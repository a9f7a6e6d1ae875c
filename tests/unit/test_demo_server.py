"""Demo mode's practice server (app/demo_server.py) in a process of its own."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from app.demo_server import SERVER_NICENESS, DemoServer


def children_serving() -> list[tuple[int, int]]:
    """(pid, niceness) of this process's children running the practice server (Linux /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            command = (stat.parent / "cmdline").read_bytes()
        except OSError:
            continue
        if int(fields[1]) == os.getpid() and b"app.sandbox" in command:
            found.append((int(stat.parent.name), int(fields[16])))
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_practice_server_answers_and_yields_the_cpu_to_the_window(tmp_path: Path) -> None:
    server = DemoServer(10.0, tmp_path / "aitasker.sqlite3")
    try:
        assert server.url().startswith("http://127.0.0.1:")
        assert [nice for _pid, nice in children_serving()] == [SERVER_NICENESS]
    finally:
        server.stop()
    assert children_serving() == []
