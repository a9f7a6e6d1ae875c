"""Every window fits the screen it opens on, at 1366×768 and 1024×640, at 1× and 2× too."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMargins, QPoint, QRect, QSize
from PySide6.QtWidgets import QWidget

from ui.widgets.screen_fit import FRAME, PREFERRED, fits, fitted_geometry, place

ROOT = Path(__file__).resolve().parents[2]

# Available areas (the screen less a 32-pixel panel), as a desktop reports them.
LAPTOP = QRect(0, 32, 1366, 736)  # 1366×768
SMALL = QRect(0, 0, 1024, 640 - 40)  # 1024×640 with a 40-pixel taskbar at the bottom
BIG = QRect(0, 0, 2560, 1400)
SECOND = QRect(1920, 0, 1366, 728)  # a second screen right of a first one


@pytest.mark.parametrize("available", [LAPTOP, SMALL, BIG, SECOND], ids=["1366x768", "1024x640", "big", "second"])
def test_a_new_window_and_its_frame_fit_the_available_area(available: QRect) -> None:
    contents = fitted_geometry(available)
    assert available.contains(contents.marginsAdded(FRAME))
    assert fits(contents, available)
    assert contents.width() <= PREFERRED.width() and contents.height() <= PREFERRED.height()


def test_the_designed_size_is_kept_where_there_is_room_and_centred() -> None:
    contents = fitted_geometry(BIG)
    assert contents.size() == PREFERRED
    frame = contents.marginsAdded(FRAME)
    assert abs((frame.left() - BIG.left()) - (BIG.right() - frame.right())) <= 1
    assert abs((frame.top() - BIG.top()) - (BIG.bottom() - frame.bottom())) <= 1


def test_small_screens_get_a_smaller_window_not_a_cut_one() -> None:
    contents = fitted_geometry(SMALL)
    assert contents.width() == min(PREFERRED.width(), 1024 - FRAME.left() - FRAME.right())
    assert contents.height() == 600 - FRAME.top() - FRAME.bottom()
    assert contents.marginsAdded(FRAME).bottom() <= SMALL.bottom()


@pytest.mark.parametrize(
    ("saved", "available", "expected"),
    [
        (QRect(100, 100, 1180, 720), BIG, True),
        (QRect(100, 100, 1180, 720), LAPTOP, False),  # taller than the laptop's screen
        (QRect(10, 70, 1200, 650), LAPTOP, True),
        (QRect(2000, 100, 800, 600), LAPTOP, False),  # on a monitor no longer there
        (QRect(1950, 40, 800, 600), SECOND, True),
        (QRect(0, 0, 1180, 720), SMALL, False),
        (QRect(0, 0, 0, 0), BIG, False),
    ],
)
def test_a_saved_geometry_is_kept_only_while_it_fits(saved: QRect, available: QRect, expected: bool) -> None:
    assert fits(saved, available) is expected


def test_a_frame_of_any_size_is_counted() -> None:
    contents = QRect(0, 0, 1000, 600)
    assert fits(contents.translated(10, 40), QRect(0, 0, 1024, 650), QMargins(4, 32, 4, 4))
    assert not fits(contents.translated(10, 40), QRect(0, 0, 1024, 650), QMargins(4, 60, 4, 4))


def test_place_restores_a_saved_size_that_fits_and_refits_one_that_does_not(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    available = window.screen().availableGeometry()
    small = QRect(available.topLeft() + QPoint(FRAME.left(), FRAME.top()), QSize(500, 400))
    window.setGeometry(small)
    saved = window.saveGeometry()

    other = QWidget()
    qtbot.addWidget(other)
    assert place(other, saved) is True
    assert other.geometry().size() == QSize(500, 400)

    window.setGeometry(
        QRect(available.topLeft() + QPoint(FRAME.left(), FRAME.top()), available.size() + QSize(400, 300))
    )
    too_big = window.saveGeometry()
    third = QWidget()
    qtbot.addWidget(third)
    assert place(third, too_big) is False
    assert fits(third.geometry(), available)

    fresh = QWidget()
    qtbot.addWidget(fresh)
    assert place(fresh, None) is False and fits(fresh.geometry(), available)


# --- every window of the app, on a small screen at twice the size ---------------------------------
# The screen's size and scale factor are fixed when Qt starts: each case runs tests/ui/screen_probe.py
# in a process of its own, on an offscreen screen of that size (Qt's offscreen platform reads it from
# a configuration file), with QT_SCALE_FACTOR. 1024×640 at 2× leaves 512×320 for the windows.


def probe(tmp_path: Path, width: int, height: int, scale: int, saved: str | None = None) -> dict[str, Any]:
    config = tmp_path / f"screen-{width}x{height}.json"
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {"name": "screen", "x": 0, "y": 0, "width": width, "height": height}
                    | {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
                ]
            }
        )
    )
    data = tmp_path / f"data-{width}x{height}x{scale}"
    data.mkdir()
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "QT_SCALE_FACTOR": str(scale)}
    env["PYTHONPATH"] = str(ROOT)
    result = subprocess.run(
        [sys.executable, "-m", "tests.ui.screen_probe", str(data), *([saved] if saved else [])],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def outside(windows: list[dict[str, Any]]) -> list[str]:
    """The windows (with their frame) not wholly inside the screen's available area."""
    return [
        f"{w['name']}: {w['frame']} on {w['available']} (at least {w['minimum']})"
        for w in windows
        if not QRect(*w["available"]).contains(QRect(*w["frame"]))
    ]


@pytest.mark.parametrize("scale", [1, 2], ids=["1x", "2x"])
@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1024, 640)], ids=["1366x768", "1024x640"])
def test_every_window_opens_within_the_screen(tmp_path: Path, width: int, height: int, scale: int) -> None:
    found = probe(tmp_path, width, height, scale)
    names = [w["name"] for w in found["windows"]]
    expected = {"main window", "review window", "settings", "connect", "about", "spending", "picture", "text question"}
    assert expected <= set(names)
    assert not outside(found["windows"]), "\n".join(outside(found["windows"]))


def test_a_saved_size_from_a_big_screen_is_not_restored_on_a_small_one(tmp_path: Path) -> None:
    big = probe(tmp_path, 2560, 1440, 1)
    [main] = [w for w in big["windows"] if w["name"] == "main window"]
    assert main["geometry"][2:] == [PREFERRED.width(), PREFERRED.height()]  # the designed size, with room for it
    small = probe(tmp_path, 1366, 768, 2, saved=big["saved"])  # the same window, after a move to the laptop
    assert not outside(small["windows"]), "\n".join(outside(small["windows"]))
