"""The Qt-free modules the window needs, imported before PySide6 is (ui/main.py): see BEFORE_QT.

Nothing here may import Qt: ui/main.py imports this module first."""

from __future__ import annotations

import importlib

# Qt-free modules the window needs, imported before PySide6 is loaded: once loaded, PySide6 looks
# at every new module's source text as it is imported (to see whether it uses PySide6), which
# costs start-up time for modules that never do. (What is missing here is only imported after the
# first picture; asyncio, and what needs it, is not imported before it at all.)
BEFORE_QT: tuple[str, ...] = (
    "resources",
    "app.budget",
    "app.connection",
    "app.drafts",
    "app.form_rules",
    "app.instance_lock",
)
BEFORE_QT += ("app.review.alerts", "app.suggest", "app.textlimits", "app.api.validation")


def import_before_qt() -> None:
    for name in BEFORE_QT:
        importlib.import_module(name)
