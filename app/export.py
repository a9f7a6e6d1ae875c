"""Tasks to a CSV file a spreadsheet program opens as it is (research notes §9).

- The standard :mod:`csv` module does all quoting (no hand-made quoting); the file is opened with
  ``newline=""`` so a line break inside a title stays inside its cell, and written as UTF-8 with a
  byte order mark, by which spreadsheet programs recognise UTF-8.
- Dates twice: ISO 8601 (with the computer's offset from UTC) for programs, and in words for people.
- Money as plain numbers (``45.37``) with a currency column beside them, never "$45.37".
- A text cell that begins with ``=``, ``+``, ``-``, ``@``, a tab, CR or LF would be run as a formula
  by a spreadsheet: it is written with a leading ``'`` (OWASP's advice for CSV injection), which
  spreadsheets show as text. Numbers and dates we write ourselves never begin so.
- The file appears whole or not at all: written beside the target, then renamed over it.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Callable, Iterable
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Protocol

from app.translatable import QT_TRANSLATE_NOOP, translate

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
INERT_PREFIX = "'"
CURRENCY = "USD"

HEADERS = (
    QT_TRANSLATE_NOOP("messages", "Task ID"),
    QT_TRANSLATE_NOOP("messages", "Title"),
    QT_TRANSLATE_NOOP("messages", "Description"),
    QT_TRANSLATE_NOOP("messages", "Category"),
    QT_TRANSLATE_NOOP("messages", "Task type"),
    QT_TRANSLATE_NOOP("messages", "Status"),
    QT_TRANSLATE_NOOP("messages", "Budget"),
    QT_TRANSLATE_NOOP("messages", "Currency"),
    QT_TRANSLATE_NOOP("messages", "Posted on (ISO 8601)"),
    QT_TRANSLATE_NOOP("messages", "Posted on"),
    QT_TRANSLATE_NOOP("messages", "Expires on (ISO 8601)"),
    QT_TRANSLATE_NOOP("messages", "Expires on"),
    QT_TRANSLATE_NOOP("messages", "Link"),
)


class ExportedTask(Protocol):
    """What a row of the table holds (``ui.models.task_rows.TaskRow`` has these)."""

    id: str
    status: str
    title: str
    description: str
    category: str
    task_type: str
    budget_usd: float | None
    created_ts: float  # seconds since the epoch, 0 = unknown
    expires_ts: float | None


class Words(Protocol):
    """How the window says things: a moment, a status, a category and a task type, a task's link."""

    def when(self, moment: datetime | None) -> str: ...
    def status(self, status: str) -> str: ...
    def category(self, slug: str) -> str: ...
    def task_type(self, category: str, slug: str) -> str: ...
    def link(self, task_id: str) -> str: ...


def inert(text: str) -> str:
    """A text cell a spreadsheet will not run as a formula."""
    return INERT_PREFIX + text if text.startswith(FORMULA_STARTS) else text


def number(value: float | None) -> str:
    """Money as a plain number with its cents: 45.37, 3.00 ('' when unknown)."""
    return "" if value is None else f"{value:.2f}"


def moment(seconds: float | None, tz: tzinfo | None = None) -> datetime | None:
    if not seconds:
        return None
    try:
        return datetime.fromtimestamp(seconds, tz).astimezone(tz)
    except (OverflowError, OSError, ValueError):
        return None


def iso(value: datetime | None) -> str:
    return "" if value is None else value.isoformat(timespec="seconds")


def cells(task: ExportedTask, words: Words, tz: tzinfo | None = None) -> list[str]:
    posted, expires = moment(task.created_ts, tz), moment(task.expires_ts, tz)
    texts = [
        task.id,
        task.title,
        task.description,
        words.category(task.category),
        words.task_type(task.category, task.task_type),
        words.status(task.status),
    ]
    return [
        *(inert(text or "") for text in texts),
        number(task.budget_usd),
        CURRENCY,
        iso(posted),
        inert(words.when(posted)),
        iso(expires),
        inert(words.when(expires)),
        inert(words.link(task.id)),
    ]


def write_csv(
    path: Path,
    tasks: Iterable[ExportedTask],
    words: Words,
    *,
    tz: tzinfo | None = None,
    translated: Callable[[str, str], str] = translate,
) -> int:
    """Write ``tasks`` to ``path`` (replacing it whole); returns how many rows were written.
    Raises OSError when the file cannot be written (nothing is left half-written)."""
    path = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    count = 0
    try:
        with open(handle, "w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out)
            writer.writerow([translated("messages", header) for header in HEADERS])
            for task in tasks:
                writer.writerow(cells(task, words, tz))
                count += 1
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
    return count
