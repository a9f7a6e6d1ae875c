"""Setting up from the repository: `make run` says what it does, one line per step, and nothing
else; the package's licence is declared the way current packaging tools expect (no warnings)."""

from __future__ import annotations

import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

FAKE_PYTHON = """#!/bin/sh
# Stands in for python3: "-m venv DIR" makes a venv whose python and program do nothing, quietly.
if [ "$1" = "-m" ] && [ "$2" = "venv" ]; then
    mkdir -p "$3/bin"
    printf '#!/bin/sh\\nexit 0\\n' > "$3/bin/python"
    printf '#!/bin/sh\\nexit 0\\n' > "$3/bin/aitasker-desktop"
    chmod +x "$3/bin/python" "$3/bin/aitasker-desktop"
fi
"""


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_run_says_each_step_in_one_line(tmp_path: Path) -> None:
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy(ROOT / name, tmp_path / name)
    python = tmp_path / "fake-python3"
    python.write_text(FAKE_PYTHON)
    python.chmod(0o755)

    def run() -> list[str]:
        done = subprocess.run(
            ["make", "--no-print-directory", "run", f"PYTHON={python}"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        return (done.stdout + done.stderr).splitlines()

    assert run() == [
        "Creating a Python environment in .venv…",
        "Installing AITasker Desktop… (about a minute the first time)",
        "Starting AITasker Desktop (demo mode)…",
    ]
    assert run() == ["Starting AITasker Desktop (demo mode)…"]  # installed: straight to the app


def test_the_licence_is_an_spdx_expression_and_the_build_backend_knows_it() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    # A TOML table here makes setuptools print a screen of deprecation warnings on every install.
    assert isinstance(project["project"]["license"], str)
    assert project["project"]["license"].startswith("LicenseRef-")
    setuptools = next(r for r in project["build-system"]["requires"] if r.startswith("setuptools"))
    assert setuptools == "setuptools>=77"  # the first setuptools that takes an SPDX string (PEP 639)
