"""Status marks are icons from SVG files, tinted per look, one per status; no font glyph."""

from __future__ import annotations

from importlib import resources

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from app.api.schema import OUTBOX_STATUSES, STATUSES
from ui.models.status_icons import icon_name, render, status_icon
from ui.theme import status_colour


def _opaque(image: QImage) -> list[QColor]:
    return [
        c for y in range(image.height()) for x in range(image.width()) if (c := image.pixelColor(x, y)).alpha() == 255
    ]


def test_every_documented_status_and_outbox_state_has_its_own_svg(qapp: QApplication) -> None:
    files = {p.name for p in resources.files("resources").iterdir()}
    names = [icon_name(status) for status in (*STATUSES, *OUTBOX_STATUSES, "a-status-added-later")]
    for name in names:
        assert f"status-{name}.svg" in files
    assert len(set(names)) == len(STATUSES) + len(OUTBOX_STATUSES) + 1


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_icons_draw_in_the_status_colour_and_differ_from_each_other(qapp: QApplication, dark: bool) -> None:
    seen: dict[bytes, str] = {}
    for status in [*STATUSES, *OUTBOX_STATUSES]:
        icon = status_icon(status, dark)
        assert not icon.isNull()
        image = icon.pixmap(24, 24).toImage().convertToFormat(QImage.Format.Format_ARGB32)
        shape = _opaque(image)
        assert len(shape) > 20, f"{status}: almost nothing drawn"
        assert all(c.rgb() == status_colour(status, dark).rgb() for c in shape), status
        mask = bytes(image.createAlphaMask().constBits())
        assert mask not in seen, f"{status} looks like {seen.get(mask)}"
        seen[mask] = status


def test_a_status_added_later_gets_the_other_status_mark(qapp: QApplication) -> None:
    assert icon_name("on_hold") == "unknown"
    assert not status_icon("on_hold").isNull()
    assert status_icon("on_hold", False).cacheKey() == status_icon("something-else", False).cacheKey()


def test_icons_are_made_once_per_look(qapp: QApplication) -> None:
    assert status_icon("review", False).cacheKey() == status_icon("review", False).cacheKey()
    assert status_icon("review", False).cacheKey() != status_icon("review", True).cacheKey()


def test_render_is_sharp_at_every_size(qapp: QApplication) -> None:
    for size in (16, 32, 48):
        image = render("completed", size, QColor("#2e7d32"))
        assert image.width() == size and len(_opaque(image)) >= size  # a visible shape at each size


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_on_a_selected_row_the_mark_takes_the_selections_text_colour(qapp: QApplication, dark: bool) -> None:
    from PySide6.QtGui import QIcon, QPalette

    selected_text = QApplication.palette().color(QPalette.ColorRole.HighlightedText)
    selection = QApplication.palette().color(QPalette.ColorRole.Highlight)
    for status in ("open", "matching"):  # blue marks: on the blue selection they vanished
        image = status_icon(status, dark).pixmap(24, 24, QIcon.Mode.Selected).toImage()
        shape = _opaque(image.convertToFormat(QImage.Format.Format_ARGB32))
        assert shape and all(c.rgb() == selected_text.rgb() for c in shape), status
        assert abs(selected_text.lightness() - selection.lightness()) > 100  # it stands out on the selection
