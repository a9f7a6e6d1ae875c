"""The download (``make bundle``: PyInstaller, slow, never built here): its start against the venv's,
and its compressed size. Uses a build already in dist/; without one, both keys say "not built"
(bench-results.json: null) and nothing fails."""

from __future__ import annotations

import subprocess
import sys
import tarfile
import time
from pathlib import Path

import pytest

from app import about
from tests.bench.conftest import RESULTS, ROOT, Bench, alternate, median, paired_ratio, subprocess_env

pytestmark = pytest.mark.bench
ENV = subprocess_env()


def built() -> Path | None:
    tarballs = sorted((ROOT / "dist").glob(f"{about.SLUG}-{about.VERSION}-linux-*.tar.gz"))
    return tarballs[-1] if tarballs else None


def test_bundle_start_and_size(bench: Bench, tmp_path: Path) -> None:
    tarball = built()
    if tarball is None:
        import json

        data = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
        data.update({"bundle_start_ratio": None, "bundle_compressed_mb": None, "bundle": "not built (make bundle)"})
        RESULTS.write_text(json.dumps(data, indent=2) + "\n")
        pytest.skip("no bundle in dist/ (make bundle): recorded as not built")
    with tarfile.open(tarball) as tar:
        tar.extractall(tmp_path, filter="tar")
    (folder,) = tmp_path.iterdir()
    program = folder / about.SLUG
    data_dir = tmp_path / "data"

    shot = tmp_path / "shot.png"

    def run(command: list[str]) -> float:
        """Seconds from launch until the window was shown, pictured and closed (``--screenshot``:
        the bundle cannot load the bench's measuring points, so both sides take this same path)."""
        start = time.perf_counter()
        subprocess.run(
            [*command, "--demo", "--data-dir", str(data_dir), "--screenshot", str(shot)],
            env=ENV, check=True, timeout=60, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        return time.perf_counter() - start

    def bundle_start() -> float:
        return run([str(program)])

    def venv_start() -> float:
        return run([sys.executable, "-m", "ui"])

    bundle_start()  # first runs make the data folder and warm the caches
    venv_start()
    ours, base = alternate(9, bundle_start, venv_start)
    bench.record(
        "bundle_start_ratio",
        median(ours) * 1000,
        "ms",
        1.1,
        baseline=median(base) * 1000,
        ratio=paired_ratio(ours, base),
        note="the bundle's demo start to a screenshot and exit, against the venv's",
    )
    bench.record("bundle_compressed_mb", tarball.stat().st_size / 1e6, "MB", 80, note=tarball.name)
    bench.check("bundle_start_ratio", "bundle_compressed_mb")
