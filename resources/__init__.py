"""The app's bundled data (categories, task words, icons, translations, desktop files).

:func:`path` finds a file here: beside this module in a source tree, an installed copy and the
PyInstaller bundle alike (its data files sit where this module's ``__file__`` says). Plain paths,
not ``importlib.resources``: that module (with zipfile and more) costs start-up time."""

from __future__ import annotations

from pathlib import Path

FOLDER = Path(__file__).parent


def path(*parts: str) -> Path:
    """A bundled file or folder, e.g. ``path("icons", "64.png")``."""
    return FOLDER.joinpath(*parts)
