"""Names for files and folders that came from a server or a task's title, made safe to use.

A name from the server is only ever a base name in the folder the person chose: no path, no
``..``, no control or direction-changing characters (``\\u202Egnp.exe`` would show as
``exe.png``), none of the characters or names Windows refuses (``con.txt``), not hidden (no
leading dot), and short enough for every common file system even with ``" (12)"`` and the
temporary suffix added.
"""

from __future__ import annotations

import re
import unicodedata

# Bytes of UTF-8 for a name, leaving room under the usual 255 for " (999)" and the ".part" suffix.
MAX_NAME_BYTES = 200
MAX_EXTENSION_CHARS = 16
FALLBACK_FILE = "file"

# Forbidden in names on Windows (and "/" everywhere): replaced, so that a file copied there keeps its name.
_FORBIDDEN = re.compile(r'[<>:"/\\|?*]')
# Characters that change the direction of the text around them (Unicode bidi controls).
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Format characters that join letters and emoji: harmless, and needed to spell some words.
_JOINERS = frozenset("\u200c\u200d")
_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$"]
    + [f"{port}{n}" for port in ("COM", "LPT") for n in [*"0123456789", "¹", "²", "³"]]
)
_COMPOUND = (".tar.gz", ".tar.bz2", ".tar.xz", ".tar.zst")


def _visible(char: str) -> bool:
    if char in _BIDI:
        return False
    category = unicodedata.category(char)
    if category in ("Cc", "Cs", "Zl", "Zp"):  # control, lone surrogate, line/paragraph separator
        return False
    return category != "Cf" or char in _JOINERS


def _clean(text: str) -> str:
    text = "".join(c for c in unicodedata.normalize("NFC", text) if _visible(c))
    text = _FORBIDDEN.sub("_", text)
    # Windows drops trailing dots and spaces; a leading dot hides the file; spaces at the ends are invisible.
    return text.strip(" .")


def split_extension(name: str) -> tuple[str, str]:
    """("logo", ".png"), ("archive", ".tar.gz"), ("README", ""): the extension kept when cutting or numbering."""
    lowered = name.lower()
    for compound in _COMPOUND:
        if lowered.endswith(compound) and len(name) > len(compound):
            return name[: -len(compound)], name[-len(compound) :]
    dot = name.rfind(".")
    if dot <= 0 or len(name) - dot > MAX_EXTENSION_CHARS + 1 or " " in name[dot:]:
        return name, ""
    return name[:dot], name[dot:]


def _cut(stem: str, extension: str, limit: int) -> str:
    room = limit - len(extension.encode("utf-8"))
    while len(stem.encode("utf-8")) > room:
        stem = stem[:-1]
    return stem.rstrip(" .") + extension


def _not_reserved(name: str) -> str:
    # Windows reserves the device names whatever follows the first dot ("con.txt", "nul.tar.gz").
    first = name.split(".", 1)[0].rstrip(" ").upper()
    return "_" + name if first in _RESERVED else name


def safe_file_name(name: object, fallback: str = FALLBACK_FILE) -> str:
    """A base name safe to create in a chosen folder; ``fallback`` (made safe too) when nothing is left."""
    text = str(name) if isinstance(name, (str, int, float)) and not isinstance(name, bool) else ""
    text = text.replace("\\", "/").rsplit("/", 1)[-1]  # a path's last part, whichever separator it used
    text = _clean(text)
    if not text:
        text = _clean(fallback) or FALLBACK_FILE
    if len(text.encode("utf-8")) > MAX_NAME_BYTES:
        text = _cut(*split_extension(text), MAX_NAME_BYTES)
    return _not_reserved(text)


def safe_folder_name(title: object, fallback: str) -> str:
    """A folder name from a task's title (``"Logo: my bakery"`` → ``"Logo_ my bakery"``)."""
    # Tabs, line breaks and runs of spaces in a title: one space.
    text = _clean(" ".join(title.split())) if isinstance(title, str) else ""
    if not text:
        text = _clean(fallback) or "AITasker"
    if len(text.encode("utf-8")) > MAX_NAME_BYTES // 2:
        text = _cut(text, "", MAX_NAME_BYTES // 2)
    return _not_reserved(text)


def numbered(name: str, n: int, *, keep_extension: bool = True) -> str:
    """The n-th candidate for a name: ``logo.png``, ``logo (2).png``, ``logo (3).png`` …"""
    if n <= 1:
        return name
    stem, extension = split_extension(name) if keep_extension else (name, "")
    return f"{stem} ({n}){extension}"
