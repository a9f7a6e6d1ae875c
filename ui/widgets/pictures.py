"""Pictures from the server made ready to show, within bounds.

- :func:`decode_weight` and :func:`decode_picture` run in a worker thread (never on the window's):
  the picture's size is read from its header first, one over :data:`PIXEL_BUDGET` pixels is refused
  with a plain reason, and the result is at most the size shown (:data:`SHOWN`). A JPEG is decoded
  at that size (``QImageReader.setScaledSize``); Qt decodes a PNG (and most other kinds) at full size
  whatever one asks, so the budget bounds what one decode holds, and :func:`decode_weight` tells the
  caller how much that is before it starts. SVG is drawn by us at our size, after
  everything that would load something from elsewhere was removed (:mod:`app.review.svg`); Qt's own
  SVG image plugin is never used for a picture from the server.
- :class:`PictureCache` keeps decoded pictures for every window at once, under a byte cap, the least
  recently used leaving first.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QImageIOHandler, QImageReader, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from app.review.svg import looks_like_svg, self_contained_svg
from ui.i18n import fill, translate

SHOWN = QSize(900, 700)  # the largest a picture is shown (the picture viewer)
FULL = QSize(1 << 16, 1 << 16)  # a picture at its own size, for a closer look (the pixel budget still bounds it)
PIXEL_BUDGET = 40_000_000
CACHE_BYTES = 96 * 1024 * 1024


class PictureRefused(Exception):
    """The picture is not shown; ``str()`` says why in plain words."""


def _unreadable() -> PictureRefused:
    return PictureRefused(translate("Pictures", "This picture could not be shown."))


def _fitted(size: QSize, bound: QSize) -> QSize:
    """``size`` made to fit within ``bound`` (never larger than it was)."""
    if size.width() <= bound.width() and size.height() <= bound.height():
        return size
    return size.scaled(bound, Qt.AspectRatioMode.KeepAspectRatio)


def _reader(data: bytes) -> tuple[QImageReader, QBuffer]:
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    if reader.format().toLower().data() in (b"svg", b"svgz"):
        raise _unreadable()  # an SVG we did not recognise as one: never through Qt's plugin
    return reader, buffer  # (the buffer must live as long as the reader)


def _checked_size(reader: QImageReader) -> QSize:
    size = reader.size()  # from the header only
    if not size.isValid() or size.isEmpty():
        raise _unreadable()
    if size.width() * size.height() > PIXEL_BUDGET:
        raise PictureRefused(
            fill(
                translate("Pictures", "This picture is too large to show (%1 × %2 pixels)."),
                size.width(),
                size.height(),
            )
        )
    return size


def decode_weight(data: bytes, bound: QSize = SHOWN) -> int:
    """How many pixels decoding this picture holds at most (from its header), or
    :class:`PictureRefused`. Safe in a worker thread."""
    if looks_like_svg(data):
        return bound.width() * bound.height()
    reader, _buffer = _reader(data)
    size = _checked_size(reader)
    if reader.supportsOption(QImageIOHandler.ImageOption.ScaledSize):  # JPEG: decoded small
        size = _fitted(size, bound)
    return size.width() * size.height()


def decode_picture(data: bytes, bound: QSize = SHOWN) -> QImage:
    """The picture at most ``bound`` large, or :class:`PictureRefused`. Safe in a worker thread."""
    if looks_like_svg(data):
        return _draw_svg(data, bound)
    reader, _buffer = _reader(data)
    size = _checked_size(reader)
    target = _fitted(size, bound)
    by_reader = target != size and reader.supportsOption(QImageIOHandler.ImageOption.ScaledSize)
    if by_reader:
        reader.setScaledSize(target)  # decoded at the size shown
    image = reader.read()  # (a PNG is decoded at full size: the pixel budget bounds it)
    if image.isNull():
        raise _unreadable()
    return image if by_reader or target == size else _reduced(image, target)


def _reduced(image: QImage, target: QSize) -> QImage:
    """Scaled down to ``target`` without first turning the whole bitmap into 32-bit colour (Qt's smooth
    scaling of a large grey or paletted picture would): a quick step to twice the size, then a smooth one."""
    if image.width() > 2 * target.width() and image.height() > 2 * target.height():
        image = image.scaled(target * 2, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation)
    return image.scaled(target, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)


def _draw_svg(data: bytes, bound: QSize) -> QImage:
    clean = self_contained_svg(data)
    if clean is None:
        raise _unreadable()
    renderer = QSvgRenderer()
    if not renderer.load(QByteArray(clean)) or not renderer.isValid():
        raise _unreadable()
    box = renderer.viewBoxF().size()
    if box.isEmpty():
        box = QSizeF(renderer.defaultSize())
    if box.isEmpty():
        box = QSizeF(bound)
    target = box.scaled(QSizeF(bound), Qt.AspectRatioMode.KeepAspectRatio).toSize()  # drawn at our size
    if target.isEmpty():
        raise _unreadable()
    image = QImage(target, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, target.width(), target.height()))
    painter.end()
    return image


def pixmap_bytes(pixmap: QPixmap) -> int:
    return pixmap.width() * pixmap.height() * max(pixmap.depth(), 8) // 8


class PictureCache:
    """Decoded pictures by address, for every window: at most ``max_bytes``, least recently used out first."""

    def __init__(self, max_bytes: int = CACHE_BYTES) -> None:
        self.max_bytes = max_bytes
        self._pictures: OrderedDict[str, QPixmap] = OrderedDict()
        self._bytes = 0

    @property
    def bytes(self) -> int:
        return self._bytes

    def get(self, url: str) -> QPixmap | None:
        pixmap = self._pictures.get(url)
        if pixmap is not None:
            self._pictures.move_to_end(url)
        return pixmap

    def put(self, url: str, pixmap: QPixmap) -> None:
        self.drop(url)
        size = pixmap_bytes(pixmap)
        if size > self.max_bytes:
            return
        self._pictures[url] = pixmap
        self._bytes += size
        while self._bytes > self.max_bytes:
            _, old = self._pictures.popitem(last=False)
            self._bytes -= pixmap_bytes(old)

    def drop(self, url: str) -> None:
        old = self._pictures.pop(url, None)
        if old is not None:
            self._bytes -= pixmap_bytes(old)
