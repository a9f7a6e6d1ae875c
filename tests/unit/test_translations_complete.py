"""The German catalogue is current and complete: every translatable text has its German words.

Fails when someone adds or changes a tr()/translate()/QT_TRANSLATE_NOOP text without running
``make translations`` and translating the new entries in resources/translations/aitasker_de.ts.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent)) or shutil.which(f"pyside6-{name}")
    if found is None:
        pytest.skip(f"pyside6-{name} is not installed (it comes with PySide6-Essentials)")
    return found


def translated(message: ET.Element) -> bool:
    """Translated and not unfinished; a text with a count (numerus="yes") in every plural form."""
    translation = message.find("translation")
    if translation is None or translation.get("type") == "unfinished":
        return False
    if message.get("numerus") == "yes":
        forms = [(f.text or "").strip() for f in translation.iter("numerusform")]
        return len(forms) >= 2 and all(forms)  # German has two forms: one, and the rest
    return bool((translation.text or "").strip())


def test_catalogue_matches_the_code_and_every_text_is_translated(tmp_path: Path) -> None:
    committed = TRANSLATIONS / "aitasker_de.ts"
    fresh = tmp_path / committed.name
    shutil.copy2(committed, fresh)
    subprocess.run(
        [
            tool("lupdate"),
            "-silent",
            "-extensions",
            "py",
            "-no-obsolete",
            "-locations",
            "none",
            str(ROOT / "app"),
            str(ROOT / "ui"),
            "-ts",
            str(fresh),
        ],
        check=True,
        capture_output=True,
    )
    messages = list(ET.parse(fresh).getroot().iter("message"))
    assert messages
    known = {m.findtext("source", "") for m in ET.parse(committed).getroot().iter("message")}
    new = sorted({m.findtext("source", "") for m in messages} - known)
    assert not new, f"run `make translations`; new texts not in the German catalogue: {new[:10]}"
    unfinished = [m.findtext("source") for m in messages if not translated(m)]
    assert not unfinished, f"German missing for: {unfinished[:10]}"


def test_compiled_catalogue_is_current(tmp_path: Path) -> None:
    compiled = tmp_path / "aitasker_de.qm"
    subprocess.run(
        [tool("lrelease"), "-silent", str(TRANSLATIONS / "aitasker_de.ts"), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )
    assert compiled.read_bytes() == (TRANSLATIONS / "aitasker_de.qm").read_bytes(), "run `make translations`"
