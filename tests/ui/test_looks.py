"""Looks: Dark from Settings makes the window dark; status marks are icons; a cut cell shows its
full text; the expiry warns only for a task in review with little time left."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QStyleOptionViewItem

from app.api.schema import STATUSES, Task
from app.sandbox import SandboxServer
from app.sandbox.service import DEMO_API_KEY
from tests.conftest import wait_until
from tests.ui.helpers import open_window, parts, row_of
from ui.models.status_icons import status_icon
from ui.models.task_rows import NEXT_STEP_COLUMN, STATUS_COLUMN, column_index
from ui.theme import apply_theme
from ui.widgets.full_text_tooltips import FullTextDelegate


def task(task_id: str, status: str, expires_in: timedelta, title: str = "A task") -> Task:
    now = datetime.now(UTC)
    return Task(
        id=task_id,
        title=title,
        status=status,
        budget_usd=10,
        category="graphics-design",
        task_type="logo-design",
        created_at=now,
        expires_at=now + expires_in,
    )


def pixel_lightness(widget) -> int:
    return widget.grab().toImage().pixelColor(widget.width() - 6, widget.height() // 2).lightness()


def text_lightness(label) -> int:
    """How light the text of a label is drawn: its most different pixel from the background."""
    image = label.grab().toImage()
    background = image.pixelColor(1, 1).lightness()
    pixels = [image.pixelColor(x, y).lightness() for x in range(image.width()) for y in range(image.height())]
    return max(pixels, key=lambda light: abs(light - background))


async def test_dark_chosen_in_settings_makes_the_window_dark(qtbot, tmp_path: Path, sandbox: SandboxServer) -> None:
    async with open_window(qtbot, sandbox.url, DEMO_API_KEY, tmp_path) as window:
        ui = parts(window)
        try:
            window.account.set_theme("dark")  # what Settings → Look → Dark does
            await wait_until(
                lambda: pixel_lightness(ui.form.title) < 80 and pixel_lightness(ui.table) < 80,
                what="a dark window",
            )
            heading = window.findChild(QLabel, "formHeading")
            assert heading.text() == "New task" and text_lightness(heading) > 180  # light on dark, at once
            ui.banner.show_message("Posted “Logo”.", kind="success")
            banner_bg = ui.banner.grab().toImage().pixelColor(2, 2)
            assert banner_bg.lightness() < 100  # the message's background followed the look
            window.account.set_theme("light")
            await wait_until(lambda: pixel_lightness(ui.form.title) > 200, what="a light window again")
        finally:
            apply_theme("light")


async def test_every_status_shows_an_icon_beside_its_word(qtbot, tmp_path: Path, sandbox: SandboxServer) -> None:
    async with open_window(qtbot, sandbox.url, DEMO_API_KEY, tmp_path) as window:
        ui = parts(window)
        for n, status in enumerate([*STATUSES, "on_hold"]):
            ui.model.upsert(task(f"t-{n}", status, timedelta(hours=2)))
        for row in range(ui.proxy.rowCount()):
            index = ui.proxy.index(row, STATUS_COLUMN)
            icon = index.data(Qt.ItemDataRole.DecorationRole)
            assert icon is not None and not icon.isNull()
            status = ui.model.task(row_of(ui.model, index.data(Qt.ItemDataRole.UserRole + 2))).status
            assert icon.cacheKey() == status_icon(status).cacheKey()
            assert index.data()[:1] not in "★✓⌛✕⏸↑?●"  # no font glyph in the word


async def test_a_cut_cell_in_the_table_shows_its_full_text(qtbot, tmp_path: Path, sandbox: SandboxServer) -> None:
    async with open_window(qtbot, sandbox.url, DEMO_API_KEY, tmp_path) as window:
        ui = parts(window)
        title = "Logo for my bakery on the corner of the market square, in warm colours, with a loaf of bread"
        ui.model.upsert(task("t-1", "review", timedelta(hours=2), title=title))
        table = ui.table
        delegate = table.itemDelegate()
        assert isinstance(delegate, FullTextDelegate)

        def option(index):
            option = QStyleOptionViewItem()
            option.initFrom(table.viewport())
            option.rect = table.visualRect(index)
            return option

        # Every other column is as wide as what it shows: "Graphics & Design › Logo design", the
        # status, the next step are whole; the title takes the rest, cut here with its text in a tooltip.
        def cut(name: str) -> bool:
            index = ui.proxy.index(0, column_index(name))
            return delegate.is_cut(option(index), index, table)

        window.resize(1366, 700)
        others = ("Category / Type", "Budget", "Status", "Created", "Next step")
        await wait_until(lambda: not any(cut(name) for name in others), what="no cell but the title cut")
        index = ui.proxy.index(0, column_index("Title"))
        assert delegate.is_cut(option(index), index, table)
        assert title in delegate.full_text_tooltip(option(index), index, table)
        # A narrow window: the title keeps some room; the category gives some up, its text in a tooltip.
        window.resize(760, 700)
        await wait_until(lambda: cut("Category / Type"), what="the category cut")
        index = ui.proxy.index(0, column_index("Category / Type"))
        assert "Graphics &amp; Design › Logo design" in delegate.full_text_tooltip(option(index), index, table)
        # "Logo for my bakery" whole (about 24 characters), before the status gives way
        assert table.columnWidth(column_index("Title")) >= 24 * table.fontMetrics().averageCharWidth()
        assert not cut("Status") or cut("Created")  # the moment a task was made gives way first


async def test_the_expiry_warns_only_for_a_task_in_review_with_little_time_left(
    qtbot, tmp_path: Path, sandbox: SandboxServer
) -> None:
    async with open_window(qtbot, sandbox.url, DEMO_API_KEY, tmp_path) as window:
        ui = parts(window)
        ui.model.upsert(task("just-posted", "open", timedelta(seconds=40)))  # "in under a minute"
        ui.model.upsert(task("to-choose", "review", timedelta(minutes=20)))
        ui.model.upsert(task("plenty", "review", timedelta(hours=20)))
        model = ui.model

        def warned(task_id: str) -> bool:
            font = model.index(row_of(model, task_id), NEXT_STEP_COLUMN).data(Qt.ItemDataRole.FontRole)
            return isinstance(font, QFont) and font.bold()

        assert (
            model.index(row_of(model, "just-posted"), NEXT_STEP_COLUMN).data() == "first versions due in under a minute"
        )
        assert not warned("just-posted") and not warned("plenty")
        assert warned("to-choose")


def test_a_status_line_with_too_little_room_ends_in_an_ellipsis_and_keeps_its_words(qtbot) -> None:
    from app.connection import ConnectionState
    from ui.panels.status_bar import StatusBar

    bar = StatusBar(demo=True)
    qtbot.addWidget(bar)
    bar.show_state(ConnectionState.ONLINE, "")
    label = bar.connection_label
    whole = "Demo mode: tasks go to a practice server on this computer. No money is spent."
    assert label.text() == whole and label.toolTip() == whole  # a screen reader and the tooltip: all of it
    bar.resize(1200, bar.sizeHint().height())
    bar.show()
    qtbot.waitUntil(lambda: label.width() > 0)
    assert label.shown_text() == whole
    bar.resize(260, bar.sizeHint().height())
    qtbot.waitUntil(lambda: label.width() < 260)
    shown = label.shown_text()
    assert shown.endswith("…") and whole.startswith(shown[:-1]) and len(shown) < len(whole)
