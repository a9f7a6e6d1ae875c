"""Light and dark really apply, and every colour the app draws text in stays readable in both."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.api.schema import OUTBOX_STATUSES, STATUSES
from ui.theme import (
    BANNERS,
    STATUS_COLOURS,
    TONES,
    apply_theme,
    banner_colour,
    colour,
    dark_palette,
    effective_theme,
    light_palette,
    set_tone,
    status_colour,
)

R = QPalette.ColorRole
WCAG_TEXT = 4.5


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio of colour ``a`` drawn on ``b`` (1 to 21); a translucent ``a`` is
    blended over ``b`` first, as it would be painted."""
    if a.alphaF() < 1.0:
        t = a.alphaF()
        a = QColor.fromRgbF(
            a.redF() * t + b.redF() * (1 - t),
            a.greenF() * t + b.greenF() * (1 - t),
            a.blueF() * t + b.blueF() * (1 - t),
        )

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.fixture
def restore_look(qapp: QApplication) -> Iterator[None]:
    yield
    apply_theme("light")


def test_contrast_is_the_wcag_ratio() -> None:
    assert contrast(QColor("black"), QColor("white")) == pytest.approx(21.0)
    assert contrast(QColor("#777777"), QColor("#777777")) == pytest.approx(1.0)
    assert contrast(QColor("#767676"), QColor("white")) == pytest.approx(4.54, abs=0.01)  # the classic AA grey
    half = QColor(0, 0, 0, 128)
    assert contrast(half, QColor("white")) < 5  # a translucent colour counts as blended


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_every_status_colour_reads_on_the_table_background(qapp: QApplication, dark: bool) -> None:
    palette = dark_palette() if dark else light_palette()
    statuses = [*STATUSES, *OUTBOX_STATUSES, "a-status-added-later"]
    assert set(STATUSES) | set(OUTBOX_STATUSES) <= set(STATUS_COLOURS)  # each documented one has its own
    for status in statuses:
        for background in (R.Base, R.AlternateBase):
            ratio = contrast(status_colour(status, dark), palette.color(background))
            assert ratio >= WCAG_TEXT, f"{status} on {background.name}: {ratio:.2f}"


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_palette_text_tones_and_banners_read(qapp: QApplication, dark: bool) -> None:
    palette = dark_palette() if dark else light_palette()
    pairs = [
        (R.Text, R.Base),
        (R.Text, R.AlternateBase),
        (R.WindowText, R.Window),
        (R.ButtonText, R.Button),
        (R.PlaceholderText, R.Base),
        (R.PlaceholderText, R.Window),
        (R.HighlightedText, R.Highlight),
        (R.ToolTipText, R.ToolTipBase),
        (R.Link, R.Base),
    ]
    for fore, back in pairs:
        ratio = contrast(palette.color(fore), palette.color(back))
        assert ratio >= WCAG_TEXT, f"{fore.name} on {back.name}: {ratio:.2f}"
    for tone in TONES:
        for back in (R.Base, R.Window):
            ratio = contrast(colour(tone, dark), palette.color(back))
            assert ratio >= WCAG_TEXT, f"{tone} on {back.name}: {ratio:.2f}"
    for kind in BANNERS:
        ratio = contrast(palette.color(R.WindowText), banner_colour(kind, dark))
        assert ratio >= WCAG_TEXT, f"text on the {kind or 'plain'} banner: {ratio:.2f}"


def _pixel(widget: QWidget) -> QColor:
    return widget.grab().toImage().pixelColor(widget.width() - 8, widget.height() // 2)  # away from text and frame


def test_dark_makes_a_shown_window_dark_and_light_brings_it_back(qtbot, restore_look: None) -> None:
    window = QWidget()
    layout = QVBoxLayout(window)
    field = QLineEdit("Logo for my bakery")
    problem = QLabel("The highest budget is $300.00.")
    layout.addWidget(field)
    layout.addWidget(problem)
    layout.addWidget(QPushButton("Send task"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    set_tone(problem, "error")

    assert apply_theme("dark") == "dark"
    qtbot.waitUntil(lambda: _pixel(field).lightness() < 80 and _pixel(window).lightness() < 80)  # on the next paint
    assert window.palette().color(R.Window).lightness() < 80
    assert problem.palette().color(R.WindowText) == colour("error", dark=True)  # the tone followed

    assert apply_theme("light") == "light"
    qtbot.waitUntil(lambda: _pixel(field).lightness() > 200 and _pixel(window).lightness() > 200)
    assert problem.palette().color(R.WindowText) == colour("error", dark=False)


def test_an_unknown_choice_falls_back_to_the_system_look(restore_look: None) -> None:
    system = effective_theme("system")
    other = "dark" if system == "light" else "light"
    assert apply_theme(other) == other  # the look before: the opposite of the system's
    assert apply_theme("purple") == system
    palette = dark_palette() if system == "dark" else light_palette()
    assert QApplication.palette().color(R.Window) == palette.color(R.Window)  # it really applied


def test_the_light_palette_is_fusions_own_with_the_apps_readable_colours(qapp: QApplication) -> None:
    """The light palette is spelled out (asking the style for it costs start-up time): every
    colour of every group must be Fusion's standard one, but for the app's own choices."""
    from PySide6.QtWidgets import QStyleFactory

    from ui.theme import _LIGHT, light_palette

    fusion = QStyleFactory.create("Fusion").standardPalette()
    ours = light_palette()
    group, role = QPalette.ColorGroup, QPalette.ColorRole
    differences = {
        (g.name, r.name): (fusion.color(g, r).name(QColor.NameFormat.HexArgb), ours.color(g, r).name())
        for g in (group.Active, group.Inactive, group.Disabled)
        for r in role
        if r != role.NColorRoles and fusion.color(g, r).rgba() != ours.color(g, r).rgba()
    }
    expected = {(g, r.name) for g in ("Active", "Inactive") for r in _LIGHT}
    assert set(differences) <= expected, differences
    assert ours.color(group.Active, role.Highlight).name() == _LIGHT[role.Highlight]
