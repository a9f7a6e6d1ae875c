"""A window for a start that cannot go on (a full disk, a read-only or missing folder): what
happened, where, what to do, in plain words; the technical part under "Show Details…"."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.store.disk_errors import DiskFull, StoreError
from ui.i18n import translate, words
from ui.widgets.screen_fit import keep_on_screen_when_shown
from ui.windows.async_dialog import run_dialog

log = logging.getLogger(__name__)


def problem_box(problem: StoreError) -> QMessageBox:
    box = QMessageBox()
    box.setObjectName("startupProblem")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("startup_problem", "AITasker Desktop cannot start"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(
        translate("startup_problem", "The disk is full.")
        if isinstance(problem, DiskFull)
        else translate("startup_problem", "AITasker Desktop cannot start.")
    )
    box.setInformativeText(words(problem.user_message))
    box.setStyleSheet("QLabel#qt_msgbox_informativelabel { min-width: 26em; }")
    if problem.detail:
        box.setDetailedText(problem.detail)
    box.addButton(translate("startup_problem", "Quit"), QMessageBox.ButtonRole.AcceptRole)
    keep_on_screen_when_shown(box)
    return box


async def show_startup_problem(problem: StoreError, *, screenshot: Path | None = None) -> None:
    """Show the problem and wait until the person closes it (with ``screenshot``: save a picture
    of it, then close it by itself, as ``--screenshot`` does for the main window)."""
    log.error("cannot start: %s (%s)", problem.user_message, problem.detail)
    box = problem_box(problem)
    try:
        waiting = asyncio.ensure_future(run_dialog(box))
        if screenshot is not None:
            await asyncio.sleep(0.2)  # shown and painted once
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            if not box.grab().save(str(screenshot), "PNG"):
                log.error("could not write the screenshot to %s", screenshot)
            box.done(0)
        await waiting
    finally:
        box.deleteLater()
