"""The stored tasks into the table in the background, beside the GUI (start-up's long part)."""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from typing import Any

from ui.models.tasks_model import TasksTableModel

SHOW_ROWS = 3_000  # staged rows shown at once at most: 2–3 ms to add (ids indexed, placed), then a repaint


async def load_in_background(
    model: TasksTableModel,
    pages: Iterator[list[tuple[Any, ...]]],
    *,
    slice_seconds: float = 0.003,
    show_every: float | None = None,
    show_rows: int = SHOW_ROWS,
) -> int:
    """Append the store's pages (tuples, :data:`app.store.repository.TASK_ROW_FIELDS`) to the model, giving the
    GUI a turn every ``slice_seconds``; returns how many rows came. A turn ends before a page that
    would take it past its slice (as long as the last page took), not after it: a page (read and
    packed) takes about as long as a slice. The rows are packed as they
    come and shown every ``show_every`` seconds (25 slices by default: 75 ms) or once
    ``show_rows`` are staged, many at once: each addition makes the table lay itself out and
    repaint, which costs more than packing a page. Showing takes a turn of the loop of its own,
    so that no turn holds the GUI for more than about a slice.

    The rows are packed (no object per row), so the cyclic garbage collector has little to look
    at; it is paused meanwhile all the same, and what start-up made is then moved out of its way
    (``gc.freeze``): it lives as long as the window."""
    import asyncio  # the model itself is built before the event loop's modules are loaded

    loaded = staged = 0
    show_every = 25 * slice_seconds if show_every is None else show_every
    gc.disable()
    try:
        start = shown = before = time.perf_counter()
        for page in pages:
            model.stage_fields(page)
            loaded += len(page)
            staged += len(page)
            now = time.perf_counter()
            page_cost, before = now - before, now
            if staged >= show_rows or now - shown >= show_every:
                if now - start >= slice_seconds / 2:
                    await asyncio.sleep(0)  # what was packed in this turn is enough for it
                model.show_staged()
                staged = 0
                await asyncio.sleep(0)
                start = shown = before = time.perf_counter()
            elif now - start + page_cost >= slice_seconds:
                await asyncio.sleep(0)
                start = before = time.perf_counter()
        model.show_staged()
    finally:
        gc.enable()
    gc.freeze()
    return loaded
