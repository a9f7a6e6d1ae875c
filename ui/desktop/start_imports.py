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


def lighter_pyside_import_check() -> None:
    """Once PySide6 is loaded (call right after its first import), its look at each new module's
    source becomes a plain read of the file. PySide6 asks of every module imported after it
    whether its source mentions PySide6 (for ``from __feature__ import …``, which this app never
    uses), through ``inspect.getsource``: that searches every loaded module for the one asked
    about and keeps the text in ``linecache``, about half a millisecond and its source's size in
    memory per module, for the hundreds imported before the window is ready. The answer stays
    the same: whether the file's text holds "PySide6" (modules without a source file are still
    asked the old way)."""
    import sys

    feature = sys.modules.get("shibokensupport.feature") or sys.modules.get("PySide6.support.feature")
    check = getattr(feature, "_mod_uses_pyside", None)
    if check is None or getattr(check, "lighter", False):
        return

    def uses_pyside(module: object) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return bool(check(module))
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return bool(check(module))

    uses_pyside.lighter = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]
