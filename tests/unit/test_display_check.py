"""Which Qt platform the app asks for, and what it says when none can work (decided before Qt loads)."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from app.display_check import (
    EXIT_CANNOT_SHOW,
    WAYLAND_LIBRARIES,
    XCB_LIBRARIES,
    choose_display,
    prepare_display,
)


def loader_without(*absent: str):
    return lambda soname: soname not in absent


everything = loader_without()


@pytest.fixture
def wayland_socket(tmp_path: Path):
    path = tmp_path / "wayland-0"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    yield {"WAYLAND_DISPLAY": "wayland-0", "XDG_RUNTIME_DIR": str(tmp_path)}
    server.close()


def test_x11_with_every_library_uses_xcb() -> None:
    decision = choose_display({"DISPLAY": ":0"}, loader=everything, platform="linux")
    assert decision.ok and decision.platform == "xcb"


def test_x11_missing_cursor_library_names_it_with_the_install_commands() -> None:
    decision = choose_display({"DISPLAY": ":0"}, loader=loader_without("libxcb-cursor.so.0"), platform="linux")
    assert decision.exit_code == EXIT_CANNOT_SHOW == 1
    assert "sudo apt install libxcb-cursor0\n" in decision.message
    assert "sudo dnf install xcb-util-cursor\n" in decision.message
    assert "Reinstalling" not in decision.message and "plugin" not in decision.message


def test_several_missing_libraries_are_named_once_each_in_one_command() -> None:
    absent = ("libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-shape.so.0", "libxcb-randr.so.0")
    decision = choose_display({"DISPLAY": ":0"}, loader=loader_without(*absent), platform="linux")
    assert "sudo apt install libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0\n" in decision.message
    # Fedora ships shape and randr in one package: named once.
    assert "sudo dnf install xcb-util-wm xcb-util-keysyms libxcb\n" in decision.message


@pytest.mark.parametrize("lib", XCB_LIBRARIES, ids=lambda lib: lib.debian)
def test_every_xcb_library_is_checked(lib) -> None:
    decision = choose_display({"DISPLAY": ":0"}, loader=loader_without(lib.soname), platform="linux")
    assert not decision.ok and lib.debian in decision.message


def test_no_display_at_all_is_said_plainly() -> None:
    decision = choose_display({}, loader=everything, platform="linux")
    assert decision.exit_code == 1
    assert "no graphical desktop" in decision.message
    assert "xcb" not in decision.message  # not Qt's misleading library hint


def test_no_display_is_fine_for_a_screenshot_which_draws_offscreen() -> None:
    decision = choose_display({}, loader=everything, offscreen_ok=True, platform="linux")
    assert decision.ok and decision.platform == "offscreen"


def test_wayland_preferred_with_x11_as_fallback(wayland_socket) -> None:
    decision = choose_display({**wayland_socket, "DISPLAY": ":0"}, loader=everything, platform="linux")
    assert decision.platform == "wayland;xcb"


def test_wayland_alone_does_not_need_the_x11_libraries(wayland_socket) -> None:
    decision = choose_display(wayland_socket, loader=loader_without("libxcb-cursor.so.0"), platform="linux")
    assert decision.ok and decision.platform == "wayland"


def test_wayland_without_its_libraries_falls_back_to_x11(wayland_socket) -> None:
    decision = choose_display(
        {**wayland_socket, "DISPLAY": ":0"}, loader=loader_without("libwayland-cursor.so.0"), platform="linux"
    )
    assert decision.platform == "xcb"


def test_wayland_without_its_libraries_and_no_x11_names_them(wayland_socket) -> None:
    decision = choose_display(wayland_socket, loader=loader_without(WAYLAND_LIBRARIES[1].soname), platform="linux")
    assert decision.exit_code == 1
    assert "sudo apt install libwayland-cursor0\n" in decision.message and "Wayland desktop" in decision.message


def test_wayland_name_without_a_compositor_socket_uses_x11(tmp_path: Path) -> None:
    env = {"WAYLAND_DISPLAY": "wayland-9", "XDG_RUNTIME_DIR": str(tmp_path), "DISPLAY": ":0"}
    assert choose_display(env, loader=everything, platform="linux").platform == "xcb"


def test_a_platform_chosen_by_the_user_is_respected() -> None:
    assert (
        choose_display(
            {"QT_QPA_PLATFORM": "offscreen"}, loader=loader_without("libxcb-cursor.so.0"), platform="linux"
        ).platform
        is None
    )
    chosen_xcb = choose_display(
        {"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0"}, loader=loader_without("libxcb-xkb.so.1"), platform="linux"
    )
    assert chosen_xcb.exit_code == 1 and "libxcb-xkb1" in chosen_xcb.message


def test_other_systems_are_left_to_qt() -> None:
    for system in ("win32", "darwin"):
        assert choose_display({}, loader=loader_without("libxcb-cursor.so.0"), platform=system).platform is None


def test_prepare_display_sets_the_platform_qt_reads() -> None:
    env: dict[str, str] = {}
    decision = prepare_display(offscreen_ok=True, environ=env)
    assert decision.ok and env["QT_QPA_PLATFORM"] == "offscreen"
