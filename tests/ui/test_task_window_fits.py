"""The task window fits a 1024×640 screen at 2× scaling (512×320 in Qt's logical pixels): it opens
inside the available area, no part insists on more room than that, and every button can be
brought into view by scrolling. Run in a process of its own, on an offscreen screen of that size."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("width", "height", "scale"), [(1024, 640, 2), (1366, 768, 1), (1024, 640, 1)])
def test_the_task_window_fits_small_screens_at_any_scale(tmp_path: Path, width: int, height: int, scale: int) -> None:
    screen = {"screens": [{"name": "probe", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96}]}
    config = tmp_path / "screen.json"
    config.write_text(json.dumps(screen))
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": str(scale),
        "PYTHONPATH": str(ROOT),
    }
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.fit_probe"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["available"] == [width // scale, height // scale]
    assert result["inside"], result["frame"]
    for tab, fit in result["tabs"].items():
        assert fit["fits"] and fit["window_kept_its_size"], (tab, fit)
    for name in ["Save all", "Approve and pay…", "Ask for changes…", "Report a problem…", "Cancel task…", "Post again"]:
        assert result["buttons"].get(name) is True, (name, result["buttons"])
