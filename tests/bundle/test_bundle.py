"""Build the download and run it as someone without Python would (slow: ``make bundle-test`` only).

Builds with packaging/build_bundle.py into a temporary folder, unpacks the tarball elsewhere and
starts the program with an empty environment: ``--version``, then demo mode (the in-process
practice server must work from the bundle) with a screenshot.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from app import about

pytestmark = pytest.mark.bundle
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip("PyInstaller is not installed (make bundle-test installs it)")
    work = tmp_path_factory.mktemp("bundle")
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "packaging" / "build_bundle.py"),
            "--dist",
            str(work / "dist"),
            "--build",
            str(work / "build"),
        ],
        check=True,
        timeout=1800,
    )
    tarballs = list((work / "dist").glob(f"{about.SLUG}-{about.VERSION}-linux-*.tar.gz"))
    assert len(tarballs) == 1
    elsewhere = work / "unpacked here"
    with tarfile.open(tarballs[0]) as tar:
        tar.extractall(elsewhere, filter="tar")
    (folder,) = elsewhere.iterdir()
    return folder


def bare_env(home: Path, **extra: str) -> dict[str, str]:
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), **extra}


def test_version_with_no_python_environment(bundle: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [str(bundle / about.SLUG), "--version"], capture_output=True, text=True, env=bare_env(tmp_path), timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{about.NAME} {about.VERSION}"


def test_demo_window_opens_from_the_bundle(bundle: Path, tmp_path: Path) -> None:
    shot = tmp_path / "demo.png"
    result = subprocess.run(
        [str(bundle / about.SLUG), "--demo", "--screenshot", str(shot)],
        capture_output=True,
        text=True,
        env=bare_env(tmp_path, QT_QPA_PLATFORM="offscreen"),
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert shot.stat().st_size > 10_000
    # Demo work was stored in the user's folder under the shared app name.
    assert (tmp_path / ".local" / "share" / about.SLUG / "demo").is_dir()


def test_german_from_the_bundle(bundle: Path, tmp_path: Path) -> None:
    """The app's German and Qt's own (standard buttons) are inside the bundle and found there."""
    data = tmp_path / "data"
    result = subprocess.run(
        [str(bundle / about.SLUG), "--demo", "--data-dir", str(data), "--screenshot", str(tmp_path / "de.png")],
        capture_output=True,
        text=True,
        timeout=120,
        env=bare_env(tmp_path, QT_QPA_PLATFORM="offscreen", LANG="de_DE.UTF-8"),
    )
    assert result.returncode == 0, result.stderr
    log = "\n".join(p.read_text(encoding="utf-8") for p in (data / "logs").glob("*.log"))
    assert "language: de" in log
    assert "standard buttons stay in English" not in log


def test_bundle_is_lean_and_runs_on_glibc_2_35(bundle: Path) -> None:
    spec = importlib.util.spec_from_file_location("build_bundle", ROOT / "packaging" / "build_bundle.py")
    assert spec is not None and spec.loader is not None
    build_bundle = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build_bundle)
    glibc, which = build_bundle.glibc_needed(bundle)
    assert glibc <= (2, 35), f"{which} needs glibc {glibc}"
    plugins = bundle / "_internal" / "PySide6" / "Qt" / "plugins"
    assert not (plugins / "sqldrivers").exists() and not (plugins / "qmltooling").exists()
    assert (plugins / "platforms" / "libqxcb.so").is_file() and (plugins / "platforms" / "libqwayland.so").is_file()
    bundled = bundle / "_internal" / "resources"
    for data in (ROOT / "resources").iterdir():  # what the app reads from resources/ came along
        if data.suffix in (".json", ".svg") and not data.name.startswith("co.aitasker."):
            assert (bundled / data.name).is_file(), data.name
    for script in ("install.sh", "uninstall.sh"):
        assert (bundle / script).stat().st_mode & 0o111
