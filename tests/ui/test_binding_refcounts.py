"""The Qt binding must not leak or lose references: a session runs for days.

PySide6 6.12.0 on CPython 3.11 loses one reference to ``None`` on every Qt method that returns
nothing and one to ``True`` on every signal emit; after a few tens of thousands of calls (the
expiry tick reaches that in about a day and a half) the process aborts with "Fatal Python error:
none_dealloc". ``pyproject.toml`` excludes that combination; these tests catch any binding that
drifts, whatever its version.

The calls run in a child process: a broken binding then fails a test with numbers instead of
aborting the whole test run. The child stops a kind of call as soon as the count has clearly
drifted, long before ``None`` could be freed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
CALLS = 4000  # of each kind
BATCH = 20
# A sound binding leaves the counts where they were, give or take a reference or two held by the
# measuring code itself; a leaking one moves them by one (or more) per call.
TOLERANCE = 10

_CHILD = r"""
import json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel

from ui.models.tasks_model import TasksTableModel
from app.api.schema import Task

CALLS, BATCH, TOLERANCE = {calls}, {batch}, {tolerance}
app = QApplication.instance() or QApplication([])


class Emitter(QObject):
    bare = Signal()
    flag = Signal(bool)
    thing = Signal(object)


emitter = Emitter()
received = []
emitter.bare.connect(lambda: None)
emitter.flag.connect(lambda value: None)
emitter.thing.connect(lambda value: received.append(value))
label = QLabel()
timer = QTimer()
model = TasksTableModel()
model.set_tasks([Task(id=str(n), status="open") for n in range(3)])
marker = type("Marker", (), {{}})()


WATCHED = {{"None": None, "True": True, "an object": marker}}
CALLS_OF = {{
    "QLabel.setText": lambda: label.setText("x"),
    "QTimer.setInterval": lambda: timer.setInterval(30_000),
    "the expiry tick (dataChanged.emit)": model.refresh_expiry_words,
    "Signal().emit()": emitter.bare.emit,
    "Signal(bool).emit(True)": lambda: emitter.flag.emit(True),
    "Signal(object).emit(an object)": lambda: emitter.thing.emit(marker),
    "setProperty/property(an object)": lambda: (label.setProperty("m", marker), label.property("m")),
}}


def run(call, calls):
    # Drift of each watched count over `calls` calls, stopping at the first batch that drifts.
    start = {{name: sys.getrefcount(value) for name, value in WATCHED.items()}}
    done = 0
    while done < calls:
        for _ in range(BATCH):
            call()
        received.clear()
        done += BATCH
        drift = {{name: sys.getrefcount(value) - start[name] for name, value in WATCHED.items()}}
        if any(abs(d) > TOLERANCE for d in drift.values()):
            break
    return {{"calls": done, **drift}}


# A first round of one batch of each kind finds a leaking binding while None and True still have
# references to spare (thousands of calls would free them and abort the process); only then the
# thousands.
results = {{what: run(call, BATCH) for what, call in CALLS_OF.items()}}
if not any(abs(n[name]) > TOLERANCE for n in results.values() for name in WATCHED):
    results = {{what: run(call, CALLS) for what, call in CALLS_OF.items()}}
print(json.dumps(results))
"""


def _measure() -> dict[str, dict[str, int]]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    code = _CHILD.format(calls=CALLS, batch=BATCH, tolerance=TOLERANCE)
    child = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=240)
    assert child.returncode == 0, f"the Qt binding crashed the process:\n{child.stderr[-2000:]}"
    return json.loads(child.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def measured() -> dict[str, dict[str, int]]:
    return _measure()


def _drifted(measured: dict[str, dict[str, int]], name: str) -> dict[str, int]:
    """Which kinds of call moved the count of ``name`` (None, True, an object), and by how much."""
    return {call: numbers[name] for call, numbers in measured.items() if abs(numbers[name]) > TOLERANCE}


def test_every_kind_of_call_ran_thousands_of_times(measured: dict[str, dict[str, int]]) -> None:
    assert {call: numbers["calls"] for call, numbers in measured.items()} == dict.fromkeys(measured, CALLS), (
        f"stopped early because a count drifted: {measured}"
    )


@pytest.mark.skipif(
    sys.version_info >= (3, 12),
    reason="None and True are immortal from Python 3.12 (PEP 683): their counts cannot drift; "
    "the object test below still checks the binding's reference counting",
)
def test_none_and_true_keep_their_reference_counts(measured: dict[str, dict[str, int]]) -> None:
    assert _drifted(measured, "None") == {}, "this PySide6 loses references to None (see pyproject.toml)"
    assert _drifted(measured, "True") == {}, "this PySide6 loses references to True (see pyproject.toml)"


def test_objects_passed_through_qt_keep_their_reference_counts(measured: dict[str, dict[str, int]]) -> None:
    assert _drifted(measured, "an object") == {}


@pytest.mark.parametrize(
    ("python", "pyside", "allowed"),
    [
        ("3.11", "6.12.0", False),  # the broken pair
        ("3.11", "6.11.3", True),
        ("3.11", "6.10.0", True),
        ("3.12", "6.12.0", True),  # immortal None: sound
        ("3.13", "6.12.0", True),
        ("3.12", "6.13.0", False),  # untested future major: not allowed yet
    ],
)
def test_pyproject_excludes_the_broken_binding(python: str, pyside: str, allowed: bool) -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    requirements = [Requirement(line) for line in project["dependencies"]]
    binding = [r for r in requirements if r.name.lower() == "pyside6-essentials"]
    assert binding, "PySide6-Essentials must be a dependency"
    applicable = [r for r in binding if r.marker is None or r.marker.evaluate({"python_version": python})]
    assert len(applicable) == 1, f"exactly one PySide6-Essentials line must apply on Python {python}"
    assert applicable[0].specifier.contains(pyside) is allowed
