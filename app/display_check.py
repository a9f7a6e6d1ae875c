"""Before Qt starts on Linux: is there a display, and can Qt's platform plugin load there?

Without this, a missing system library makes Qt abort (exit 134) with a hint that names one library
and suggests "reinstalling the application", which does not help; with no display at all it aborts the
same way. Here the app looks first, picks the platform itself, and otherwise says in plain words
what is missing and the command that installs it. Qt-free: it only loads shared libraries by name.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import NamedTuple


class SystemLibrary(NamedTuple):
    soname: str
    debian: str  # the Debian / Ubuntu package that ships it
    fedora: str  # the Fedora package that ships it


# What Qt's xcb platform plugin (X11) loads besides Qt itself; most stock desktops lack one or two.
XCB_LIBRARIES = (
    SystemLibrary("libxcb-cursor.so.0", "libxcb-cursor0", "xcb-util-cursor"),
    SystemLibrary("libxkbcommon-x11.so.0", "libxkbcommon-x11-0", "libxkbcommon-x11"),
    SystemLibrary("libxcb-icccm.so.4", "libxcb-icccm4", "xcb-util-wm"),
    SystemLibrary("libxcb-keysyms.so.1", "libxcb-keysyms1", "xcb-util-keysyms"),
    SystemLibrary("libxcb-image.so.0", "libxcb-image0", "xcb-util-image"),
    SystemLibrary("libxcb-render-util.so.0", "libxcb-render-util0", "xcb-util-renderutil"),
    SystemLibrary("libxcb-shape.so.0", "libxcb-shape0", "libxcb"),
    SystemLibrary("libxcb-randr.so.0", "libxcb-randr0", "libxcb"),
    SystemLibrary("libxcb-xkb.so.1", "libxcb-xkb1", "libxcb"),
)

# What Qt's wayland platform plugin loads from the system.
WAYLAND_LIBRARIES = (
    SystemLibrary("libwayland-client.so.0", "libwayland-client0", "libwayland-client"),
    SystemLibrary("libwayland-cursor.so.0", "libwayland-cursor0", "libwayland-cursor"),
    SystemLibrary("libxkbcommon.so.0", "libxkbcommon0", "libxkbcommon"),
)

EXIT_CANNOT_SHOW = 1


class DisplayDecision(NamedTuple):
    """Either the Qt platform to use (None: leave Qt's own choice alone) or a message and exit code."""

    platform: str | None = None
    message: str = ""
    exit_code: int = 0

    @property
    def ok(self) -> bool:
        return self.exit_code == 0


def _bundled_library_dirs() -> list[Path]:
    """Folders that ship libraries of their own (a PyInstaller bundle, the Qt wheel)."""
    dirs = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        dirs.append(Path(frozen))
    try:
        import importlib.util

        spec = importlib.util.find_spec("PySide6")
    except (ImportError, ValueError):
        spec = None
    if spec is not None and spec.origin:
        dirs.append(Path(spec.origin).parent / "Qt" / "lib")
    return dirs


def can_load(soname: str) -> bool:
    """True when the dynamic linker finds and loads `soname` (as Qt's plugin will), or a bundle ships it."""
    import ctypes  # only when a display is to be checked

    try:
        ctypes.CDLL(soname)
        return True
    except OSError:
        pass
    return any((folder / soname).is_file() for folder in _bundled_library_dirs())


def missing(libraries: tuple[SystemLibrary, ...], loader: Callable[[str], bool]) -> list[SystemLibrary]:
    return [lib for lib in libraries if not loader(lib.soname)]


def _unique(names: list[str]) -> list[str]:
    return list(dict.fromkeys(names))


def missing_libraries_message(absent: list[SystemLibrary], *, desktop: str = "X11") -> str:
    debian = " ".join(_unique([lib.debian for lib in absent]))
    fedora = " ".join(_unique([lib.fedora for lib in absent]))
    return (
        "AITasker Desktop can't open its window: this computer is missing "
        + ("a system library" if len(absent) == 1 else "some system libraries")
        + f" that Qt, the toolkit the app is built with, needs to draw windows on an {desktop} desktop:\n"
        f"    {debian}\n"
        "Install them, then start the app again:\n"
        f"    Debian / Ubuntu:  sudo apt install {debian}\n"
        f"    Fedora:           sudo dnf install {fedora}\n"
    )


NO_DISPLAY_MESSAGE = (
    "AITasker Desktop can't open its window: no graphical desktop was found (neither DISPLAY nor "
    "WAYLAND_DISPLAY is set).\n"
    "Start it from your desktop's menu, or from a terminal inside your desktop session. Over SSH, connect "
    "with 'ssh -X'. To save a picture of the window without a desktop, add --screenshot FILE.\n"
)


def _wayland_socket_exists(environ: Mapping[str, str]) -> bool:
    name = environ.get("WAYLAND_DISPLAY", "")
    if not name:
        return False
    path = Path(name) if name.startswith("/") else Path(environ.get("XDG_RUNTIME_DIR", "/nonexistent")) / name
    return path.exists()


def choose_display(
    environ: Mapping[str, str],
    *,
    offscreen_ok: bool = False,
    loader: Callable[[str], bool] = can_load,
    platform: str = sys.platform,
) -> DisplayDecision:
    """Decide how Qt should draw, before the QApplication exists.

    `offscreen_ok`: the run only takes a picture (--screenshot), so no display is needed at all.
    """
    if not platform.startswith("linux"):
        return DisplayDecision()
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        # The user (or a test) chose. Only xcb can be checked for what Qt would abort on.
        first = chosen.split(";")[0].split(":")[0].strip()
        if first == "xcb":
            absent = missing(XCB_LIBRARIES, loader)
            if absent:
                return DisplayDecision(message=missing_libraries_message(absent), exit_code=EXIT_CANNOT_SHOW)
        return DisplayDecision()

    has_x11 = bool(environ.get("DISPLAY"))
    if environ.get("WAYLAND_DISPLAY"):
        wayland_absent = missing(WAYLAND_LIBRARIES, loader)
        if not wayland_absent and _wayland_socket_exists(environ):
            # Wayland first; Qt falls back to X11 (XWayland) by itself when that fails and X11 can load.
            if has_x11 and not missing(XCB_LIBRARIES, loader):
                return DisplayDecision(platform="wayland;xcb")
            return DisplayDecision(platform="wayland")
        if not has_x11:
            if wayland_absent:
                return DisplayDecision(
                    message=missing_libraries_message(wayland_absent, desktop="Wayland"), exit_code=EXIT_CANNOT_SHOW
                )
            return _no_display(offscreen_ok)
    if has_x11:
        absent = missing(XCB_LIBRARIES, loader)
        if absent:
            return DisplayDecision(message=missing_libraries_message(absent), exit_code=EXIT_CANNOT_SHOW)
        return DisplayDecision(platform="xcb")
    return _no_display(offscreen_ok)


def _no_display(offscreen_ok: bool) -> DisplayDecision:
    if offscreen_ok:
        return DisplayDecision(platform="offscreen")
    return DisplayDecision(message=NO_DISPLAY_MESSAGE, exit_code=EXIT_CANNOT_SHOW)


def prepare_display(*, offscreen_ok: bool, environ: dict[str, str] | None = None) -> DisplayDecision:
    """`choose_display` for this process, applying the chosen platform to the environment Qt reads."""
    env = os.environ if environ is None else environ
    decision = choose_display(env, offscreen_ok=offscreen_ok)
    if decision.ok and decision.platform:
        env["QT_QPA_PLATFORM"] = decision.platform
    return decision
