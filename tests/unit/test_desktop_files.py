"""The menu entry, metainfo, icons, install scripts and bundle recipe, checked without building.

The bundle build itself is slow and lives in ``tests/bundle`` (``make bundle-test``).
"""

from __future__ import annotations

import ast
import importlib.util
import os
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from configparser import ConfigParser
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from app import about

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"
PACKAGING = ROOT / "packaging"
DESKTOP = RESOURCES / f"{about.APP_ID}.desktop"
METAINFO = RESOURCES / f"{about.APP_ID}.metainfo.xml"


def load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def desktop_entry(path: Path) -> dict[str, str]:
    parser = ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keep keys' case: configparser's documented way
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def test_desktop_entry_validates() -> None:
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate is not installed (apt-get install -y desktop-file-utils)")
    result = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_metainfo_validates() -> None:
    tool = shutil.which("appstreamcli")
    if tool is None:
        pytest.skip("appstreamcli is not installed (apt-get install -y appstream)")
    result = subprocess.run([tool, "validate", "--no-net", str(METAINFO)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_menu_entry_metainfo_and_app_agree_on_names() -> None:
    entry = desktop_entry(DESKTOP)
    assert entry["Name"] == about.NAME
    assert entry["Icon"] == about.APP_ID  # the name install.sh gives the icon files
    assert entry["StartupWMClass"] == about.SLUG  # the X11 instance name: the program file aitasker-desktop
    assert entry["Exec"] == about.SLUG  # rewritten to the unpacked path by install.sh
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == about.APP_ID
    assert component.findtext("name") == about.NAME
    assert component.find("launchable").text == DESKTOP.name
    assert component.find("url[@type='homepage']").text == about.HOMEPAGE
    assert component.find("screenshots/screenshot/image").text.startswith("https://")


def test_this_version_has_release_notes() -> None:
    releases = ET.parse(METAINFO).getroot().findall("releases/release")
    assert releases, "metainfo has no <release>"
    newest = releases[0]
    assert newest.get("version") == about.VERSION, "add a <release> with notes for the new version (newest first)"
    assert newest.find("description") is not None


def test_icon_pngs_have_the_sizes_their_names_say() -> None:
    for size in (16, 32, 48, 64, 128, 256):
        data = (RESOURCES / "icons" / f"{size}.png").read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = struct.unpack(">II", data[16:24])
        assert (width, height) == (size, size)
    assert ET.parse(RESOURCES / f"{about.APP_ID}.svg").getroot().tag.endswith("svg")


@pytest.fixture
def unpacked(tmp_path: Path) -> Path:
    """The tarball's folder as build_bundle lays it out, with a stand-in program, in an awkward path."""
    build_bundle = load(PACKAGING / "build_bundle.py", "build_bundle")
    folder = tmp_path / 'my apps $HOME "x"' / "aitasker-desktop-1-linux-x86_64"
    folder.mkdir(parents=True)
    program = folder / about.SLUG
    program.write_text("#!/bin/sh\necho stand-in\n")
    program.chmod(0o755)
    build_bundle.add_desktop_files(folder)
    return folder


def test_install_puts_menu_entry_and_icons_and_uninstall_removes_them(unpacked: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home)}
    result = subprocess.run(["sh", str(unpacked / "install.sh")], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    share = home / ".local" / "share"
    installed = share / "applications" / f"{about.APP_ID}.desktop"
    entry = desktop_entry(installed)
    # The Exec line, unquoted as the Desktop Entry spec says, is the unpacked program's path.
    exec_line = entry["Exec"]
    assert exec_line.startswith('"') and exec_line.endswith('"')
    unescaped = exec_line[1:-1].replace("\\\\", "\\")
    unquoted = unescaped.replace('\\"', '"').replace("\\$", "$").replace("\\`", "`").replace("\\\\", "\\")
    assert unquoted == str(unpacked / about.SLUG)
    assert entry["TryExec"] == str(unpacked / about.SLUG)
    for size in (16, 32, 48, 64, 128, 256):
        icon = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{about.APP_ID}.png"
        assert icon.read_bytes() == (RESOURCES / "icons" / f"{size}.png").read_bytes()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{about.APP_ID}.svg").is_file()
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(installed)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout

    result = subprocess.run(
        ["sh", str(unpacked / "uninstall.sh")], capture_output=True, text=True, env=env, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    left = [p for p in share.rglob("*") if p.is_file()]
    assert left == []


def test_install_refuses_a_folder_without_the_program(unpacked: Path, tmp_path: Path) -> None:
    (unpacked / about.SLUG).unlink()
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path)}
    result = subprocess.run(["sh", str(unpacked / "install.sh")], capture_output=True, text=True, env=env)
    assert result.returncode != 0
    assert "missing" in result.stderr
    assert not (tmp_path / ".local" / "share" / "applications").exists()


def spec_constant(name: str) -> Any:  # a literal of the spec file: list, dict, str…
    tree = ast.parse((PACKAGING / "aitasker-desktop.spec").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return ast.literal_eval(node.value)
    raise AssertionError(f"{name} not found in the spec")


def test_bundle_hidden_imports_exist() -> None:
    """The demo's server is imported by name at run time; a misspelt hidden import breaks demo mode in the bundle."""
    for module in spec_constant("HIDDEN_IMPORTS"):
        assert importlib.util.find_spec(module) is not None, module


def test_app_imports_no_module_the_bundle_leaves_out() -> None:
    excluded = set(spec_constant("EXCLUDES"))
    for path in [*ROOT.joinpath("app").rglob("*.py"), *ROOT.joinpath("ui").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            hit = [n for n in names if n in excluded]
            assert not hit, f"{path.relative_to(ROOT)} imports {hit}, which packaging/aitasker-desktop.spec excludes"
