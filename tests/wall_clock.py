"""The computer's clock, set by hand: ``clock = settable_wall_clock(monkeypatch); clock.offset -= 3600``.

A person (or NTP) may set the clock back or forward at any moment. Installed, this clock answers
``time.time()`` everywhere, and also where app code took ``time.time`` as a default argument
(``clock=time.time``) before the test began: whatever reads the wall clock sees the jump, whatever
reads ``time.monotonic`` (asyncio's loop, intervals) does not.
"""

from __future__ import annotations

import inspect
import sys
import time
from types import FunctionType

import pytest

_real_time = time.time


class WallClock:
    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return _real_time() + self.offset


def _functions(module: object) -> list[FunctionType]:
    found: list[FunctionType] = []
    for value in vars(module).values():
        if inspect.isfunction(value):
            found.append(value)
        elif inspect.isclass(value) and value.__module__ == getattr(module, "__name__", None):
            found.extend(f for f in vars(value).values() if inspect.isfunction(f))
    return found


def settable_wall_clock(monkeypatch: pytest.MonkeyPatch) -> WallClock:
    clock = WallClock()
    monkeypatch.setattr(time, "time", clock)
    for name, module in list(sys.modules.items()):
        if not (name == "app" or name.startswith("app.")) or module is None:
            continue
        for function in _functions(module):
            kwdefaults = function.__kwdefaults__ or {}  # None when it has none: nothing to patch
            for key, value in kwdefaults.items():
                if value is _real_time:
                    monkeypatch.setitem(kwdefaults, key, clock)
            defaults = function.__defaults__
            if defaults and any(d is _real_time for d in defaults):
                monkeypatch.setattr(function, "__defaults__", tuple(clock if d is _real_time else d for d in defaults))
    return clock
