"""Build the Linux download: PyInstaller folder + menu entry, icons, install scripts -> a tarball.

Run by ``make bundle`` (which installs PyInstaller into the venv first)::

    .venv/bin/python packaging/build_bundle.py

Result: ``dist/aitasker-desktop-<version>-linux-<arch>.tar.gz`` holding one folder that runs
wherever it is unpacked, with no Python on the machine. ``build/`` and ``dist/`` are not tracked.
"""

from __future__ import annotations

import argparse
import platform
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import about  # noqa: E402

PACKAGING = ROOT / "packaging"
RESOURCES = ROOT / "resources"
ICON_SIZES = (16, 32, 48, 64, 128, 256)


def bundle_name(version: str = about.VERSION) -> str:
    arch = platform.machine().lower().replace("amd64", "x86_64")
    return f"{about.SLUG}-{version}-linux-{arch}"


def add_desktop_files(folder: Path) -> None:
    """Lay the menu entry, icons, metainfo, licences and install scripts into an unpacked bundle.

    The layout mirrors ``$XDG_DATA_HOME`` (``share/applications``, ``share/icons/hicolor``...), which
    is what ``install.sh`` copies from.
    """
    share = folder / "share"
    (share / "applications").mkdir(parents=True, exist_ok=True)
    shutil.copy2(RESOURCES / f"{about.APP_ID}.desktop", share / "applications" / f"{about.APP_ID}.desktop")
    (share / "metainfo").mkdir(parents=True, exist_ok=True)
    shutil.copy2(RESOURCES / f"{about.APP_ID}.metainfo.xml", share / "metainfo" / f"{about.APP_ID}.metainfo.xml")
    for size in ICON_SIZES:
        apps = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        apps.mkdir(parents=True, exist_ok=True)
        shutil.copy2(RESOURCES / "icons" / f"{size}.png", apps / f"{about.APP_ID}.png")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copy2(RESOURCES / f"{about.APP_ID}.svg", scalable / f"{about.APP_ID}.svg")
    for script in ("install.sh", "uninstall.sh"):
        shutil.copy2(PACKAGING / script, folder / script)
        (folder / script).chmod(0o755)
    shutil.copy2(PACKAGING / "README-bundle.txt", folder / "README.txt")
    shutil.copytree(PACKAGING / "licenses", folder / "LICENSES", dirs_exist_ok=True)


_GLIBC = re.compile(rb"GLIBC_(2)\.(\d+)(?:\.(\d+))?\x00")


def glibc_needed(folder: Path) -> tuple[tuple[int, ...], str]:
    """The newest ``GLIBC_x.y`` symbol version any ELF file in ``folder`` asks for, and that file.

    That is the oldest glibc the bundle runs on (the same answer as scanning ``objdump -T`` output,
    without needing binutils).
    """
    newest: tuple[int, ...] = (2, 0)
    which = ""
    for path in folder.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        with path.open("rb") as f:
            if f.read(4) != b"\x7fELF":
                continue
            data = f.read()
        for match in _GLIBC.finditer(data):
            version = tuple(int(part) for part in match.groups() if part is not None)
            if version > newest:
                newest, which = version, str(path.relative_to(folder))
    return newest, which


def missing_xcb_libraries(folder: Path) -> list[str]:
    """Debian packages of the xcb helper libraries Qt's X11 plugin needs that the bundle lacks.

    PyInstaller copies them from the build machine only when they are installed there; many stock
    desktops lack them, so a bundle without them may not open on X11.
    """
    from app.display_check import XCB_LIBRARIES

    internal = folder / "_internal"
    return [lib.debian for lib in XCB_LIBRARIES if not (internal / lib.soname).exists()]


def run_pyinstaller(work: Path, out: Path) -> Path:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--workpath",
            str(work),
            "--distpath",
            str(out),
            str(PACKAGING / "aitasker-desktop.spec"),
        ],
        cwd=ROOT,
        check=True,
    )
    return out / about.SLUG


def make_tarball(folder: Path, tarball: Path) -> None:
    def normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        return info

    with tarfile.open(tarball, "w:gz", compresslevel=9) as tar:
        tar.add(folder, arcname=folder.name, filter=normalise)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the tarball goes")
    parser.add_argument("--build", type=Path, default=ROOT / "build" / "bundle", help="PyInstaller's work folder")
    args = parser.parse_args(argv)
    if not sys.platform.startswith("linux"):
        print(
            "build_bundle: this script makes the Linux tarball; elsewhere run "
            "`pyinstaller --noconfirm packaging/aitasker-desktop.spec` (see README)",
            file=sys.stderr,
        )
        return 2
    built = run_pyinstaller(args.build / "work", args.build / "out")
    absent = missing_xcb_libraries(built)
    if absent:
        print(
            "build_bundle: the bundle would lack libraries Qt needs on X11 desktops; install them on this "
            f"build machine and run again:\n    sudo apt-get install -y {' '.join(absent)}",
            file=sys.stderr,
        )
        return 1
    name = bundle_name()
    folder = args.dist / name
    if folder.exists():
        shutil.rmtree(folder)
    args.dist.mkdir(parents=True, exist_ok=True)
    shutil.move(str(built), folder)
    add_desktop_files(folder)
    tarball = args.dist / f"{name}.tar.gz"
    make_tarball(folder, tarball)
    unpacked = sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_symlink() and p.is_file())
    shown = tarball.relative_to(ROOT) if tarball.is_relative_to(ROOT) else tarball
    print(f"{shown}: {tarball.stat().st_size / 1e6:.1f} MB (unpacked {unpacked / 1e6:.1f} MB)")
    glibc, which = glibc_needed(folder)
    print(f"needs glibc {'.'.join(map(str, glibc))} or newer (newest symbol version asked for by {which})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
