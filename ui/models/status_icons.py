"""Status marks as icons drawn from SVG files in ``resources/`` (no font glyph needed, so no empty
boxes where a font lacks one), tinted with the status colour of the current look.

``status_icon(status)`` is what the table's DecorationRole returns. Icons are made once per
(status, look) and kept: one file per status times two looks at most, however long the session.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette, QPixmap

import resources
from app.api.contract import OUTBOX_PREFIX, OUTBOX_STATUSES, STATUSES
from ui.theme import is_dark, status_colour

if TYPE_CHECKING:  # drawing loads when the first icon is drawn (an empty table draws none)
    from PySide6.QtGui import QImage
    from PySide6.QtSvg import QSvgRenderer

SIZES = (16, 20, 24, 32, 48)  # 16 and 24 px, and their double for high-density screens
UNKNOWN = "unknown"

_cache: dict[tuple[str, bool], QIcon] = {}


def icon_name(status: str) -> str:
    """The SVG a status is drawn with: ``status-<name>.svg``."""
    if status in STATUSES:
        return status
    if status in OUTBOX_STATUSES:
        return "outbox-" + status.removeprefix(OUTBOX_PREFIX)
    return UNKNOWN


def svg_data(name: str) -> bytes:
    return resources.path(f"status-{name}.svg").read_bytes()


def _renderer(name: str) -> QSvgRenderer:
    from PySide6.QtCore import QByteArray
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg_data(name)))
    if not renderer.isValid():
        raise ValueError(f"status-{name}.svg is not a drawable SVG")
    return renderer


def render(name: str, size: int, colour: QColor, renderer: QSvgRenderer | None = None) -> QImage:
    """The SVG at ``size`` pixels, its shapes painted in ``colour`` on a transparent background."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QImage, QPainter

    renderer = renderer or _renderer(name)
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    painter.fillRect(image.rect(), colour)
    painter.end()
    return image


def status_icon(status: str, dark: bool | None = None) -> QIcon:
    """The icon of a status (an unknown one gets the 'another status' mark) for the current look."""
    if QGuiApplication.instance() is None:
        return QIcon()  # no pixmaps before the application exists (a model used on its own)
    dark = is_dark() if dark is None else dark
    name = icon_name(status)
    key = (name, dark)
    icon = _cache.get(key)
    if icon is None:
        colour_of = {**{s: s for s in STATUSES}, **{icon_name(s): s for s in OUTBOX_STATUSES}}.get(name, "")
        colour = status_colour(colour_of, dark)
        # On a selected row the mark takes the selection's text colour, as the word does: a blue
        # mark on the blue selection would vanish.
        selected = QGuiApplication.palette().color(QPalette.ColorRole.HighlightedText)
        icon = QIcon()
        renderer = _renderer(name)  # the SVG read and parsed once, drawn at each size
        for size in SIZES:
            icon.addPixmap(QPixmap.fromImage(render(name, size, colour, renderer)))
            icon.addPixmap(QPixmap.fromImage(render(name, size, selected, renderer)), QIcon.Mode.Selected)
        _cache[key] = icon
    return icon
