"""The real program, started as a user starts it: shown, populated, screenshot, clean exit."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

TROUBLE = ("Traceback", "Task was destroyed but it is pending", "Segmentation fault", "QThread: Destroyed")


def run_app(args: list[str], env: dict[str, str], timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ui", *args], capture_output=True, text=True, timeout=timeout, env=env)


def assert_screenshot(path: Path) -> None:
    image = QImage(str(path))
    assert not image.isNull(), "the screenshot is not a readable PNG"
    assert image.width() >= 600 and image.height() >= 500  # the window fits the screen (offscreen: 800x800)
    assert len({image.pixel(x, y) for x in range(0, image.width(), 23) for y in range(0, image.height(), 23)}) > 5, (
        "blank"
    )


def test_demo_window_screenshot_and_clean_exit(tmp_path: Path) -> None:
    shot = tmp_path / "window.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = run_app(["--demo", "--data-dir", str(tmp_path / "data"), "--screenshot", str(shot)], env)
    assert result.returncode == 0, result.stderr
    assert not [t for t in TROUBLE if t in result.stderr], result.stderr
    assert_screenshot(shot)


def test_the_first_picture_needs_neither_pydantic_nor_the_network(tmp_path: Path) -> None:
    """Demo mode draws its window before pydantic, httpx, keyring, the practice server (FastAPI,
    uvicorn) or even the event loop (asyncio, qasync) are imported: they load after the first
    picture (issue 13, start-up). The real program, stopped at its first paint by its measuring
    point (tests/bench/hooks.py)."""
    from tests.bench.hooks import environment

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **environment("painted-modules")}
    done = subprocess.run(
        [sys.executable, "-m", "ui", "--demo", "--data-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    line = next((x for x in done.stdout.splitlines() if x.startswith("painted")), "")
    assert done.returncode == 0 and line, done.stderr
    loaded = set(line.split()[1:])
    assert {"PySide6", "app", "ui"} <= loaded  # it is the app's window, drawn
    later = {"pydantic", "pydantic_core", "httpx", "httpcore", "keyring", "fastapi", "uvicorn", "asyncio", "qasync"}
    assert not loaded & later


def test_plain_http_to_a_remote_host_is_refused_at_start(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "AITASKER_API_KEY": "aitk_test_x"}
    result = run_app(["--api-url", "http://api.aitasker.co", "--screenshot", str(tmp_path / "x.png")], env)
    assert result.returncode == 2
    assert "https://" in result.stderr
    assert "aitk_test_x" not in result.stderr + result.stdout
    assert not (tmp_path / "x.png").exists()


def test_real_window_under_xvfb(tmp_path: Path) -> None:
    """Under a real X server (xcb), not only offscreen: needs Debian's xvfb package."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.skip(
            "Xvfb is not installed (apt-get install -y xvfb libxcb-cursor0); the offscreen start-up test still ran"
        )
    display = f":{90 + os.getpid() % 100}"
    server = subprocess.Popen(
        [xvfb, display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        shot = tmp_path / "xvfb.png"
        env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": display}
        for _ in range(50):  # wait for the display socket
            if Path(f"/tmp/.X11-unix/X{display[1:]}").exists():
                break
            subprocess.run(["sleep", "0.1"])
        probe = subprocess.run(
            [sys.executable, "-c", "from PySide6.QtWidgets import QApplication; QApplication([])"],
            capture_output=True,
            text=True,
            timeout=30,
            env=env,
        )
        if "Could not load the Qt platform plugin" in probe.stderr:
            pytest.skip(
                "Qt's xcb plugin lacks system libraries (see README: apt-get install -y xvfb "
                "libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 ...); the offscreen test still ran"
            )
        result = run_app(["--demo", "--data-dir", str(tmp_path / "data"), "--screenshot", str(shot)], env)
        assert result.returncode == 0, result.stderr
        assert not [t for t in TROUBLE if t in result.stderr], result.stderr
        assert_screenshot(shot)
    finally:
        server.terminate()
        server.wait(10)


def desktop_free_env(**extra: str) -> dict[str, str]:
    """The environment of a machine with no desktop session: no display, and no platform chosen by hand."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return {**env, **extra}


def test_no_display_says_so_plainly_instead_of_qts_abort(tmp_path: Path) -> None:
    result = run_app(["--demo", "--data-dir", str(tmp_path / "data")], desktop_free_env())
    assert result.returncode == 1, result.stderr
    assert "no graphical desktop was found" in result.stderr
    assert "xcb" not in result.stderr and "Aborted" not in result.stderr
    assert not [t for t in TROUBLE if t in result.stderr], result.stderr


def test_no_display_still_takes_a_screenshot_offscreen(tmp_path: Path) -> None:
    shot = tmp_path / "window.png"
    result = run_app(["--demo", "--data-dir", str(tmp_path / "data"), "--screenshot", str(shot)], desktop_free_env())
    assert result.returncode == 0, result.stderr
    assert_screenshot(shot)


def test_missing_x11_library_names_the_package_to_install(tmp_path: Path) -> None:
    """An X11 session on a machine without libxcb-cursor0: a broken copy first on the library path makes the
    real dynamic linker fail to load it, exactly as Qt's xcb plugin would."""
    masked = tmp_path / "lib"
    masked.mkdir()
    (masked / "libxcb-cursor.so.0").write_bytes(b"not a library")
    env = desktop_free_env(DISPLAY=":99", LD_LIBRARY_PATH=str(masked))
    result = run_app(["--demo", "--data-dir", str(tmp_path / "data")], env)
    assert result.returncode == 1, result.stderr
    assert "missing" in result.stderr and "libxcb-cursor0" in result.stderr
    assert "sudo apt install " in result.stderr and "sudo dnf install " in result.stderr
    assert "Reinstalling the application" not in result.stderr
    assert not [t for t in TROUBLE if t in result.stderr], result.stderr


async def test_closing_the_window_while_it_connects_ends_the_wait_at_once() -> None:
    """A server that accepts and never answers keeps the first connection waiting up to 45 s;
    Quit meanwhile must end the run then (the process would otherwise linger, holding the folder,
    and swallow the next launch)."""
    import asyncio

    from ui.main import until_closed

    loop = asyncio.get_running_loop()
    closed = asyncio.Event()
    cancelled = asyncio.Event()

    async def connecting() -> None:
        try:
            await asyncio.sleep(60)
        except asyncio.CancelledError:
            cancelled.set()
            raise

    began = loop.time()
    loop.call_later(0.2, closed.set)
    assert await until_closed(connecting(), closed) is False
    assert cancelled.is_set() and loop.time() - began < 5

    async def fails() -> None:
        raise RuntimeError("the start failed")

    with pytest.raises(RuntimeError):
        await until_closed(fails(), asyncio.Event())
    assert await until_closed(asyncio.sleep(0), asyncio.Event()) is True


async def test_a_close_asked_for_before_attach_is_carried_out_once_attached(qtbot, tmp_path: Path) -> None:
    """The program shows the window's parts first and attaches the rest after the first picture:
    Ctrl+Q (or the close button) in that moment closes the window as soon as it is attached."""
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QAction

    from app.store.repository import Store
    from ui.main_window import Connection, MainWindow

    store = Store.in_dir(tmp_path / "data")
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Connection("http://127.0.0.1:9", None), store, settings=settings, staged=True)
    qtbot.addWidget(window)
    window.show()
    try:
        window.findChild(QAction, "quitAction").trigger()
        assert window.isVisible()  # held: nothing to close with yet
        window.attach()
        assert not window.isVisible() and window.closed.is_set()
        await window.shutdown()
    finally:
        store.close()
