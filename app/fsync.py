"""A folder made durable after a file in it was renamed into place (POSIX; elsewhere nothing to do)."""

from __future__ import annotations

import os
from pathlib import Path


def sync_folder(folder: Path) -> None:
    """``fsync`` the folder, so that a rename just done in it survives a crash; quietly nothing
    where the system cannot (not POSIX, or a file system that refuses)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems can't: the rename is done, only its durability is the system's
    finally:
        os.close(fd)
