"""Decoding pictures within bounds, and the one cache every window shares (ui/widgets/pictures.py)."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QColor, QImage, QPixmap

from tests.ui.test_review_pictures import grey_png
from ui.controllers.pictures import PixelGate
from ui.widgets.pictures import SHOWN, PictureCache, PictureRefused, decode_picture, decode_weight


def encoded(image: QImage, kind: str) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6 takes the format as str (it refuses bytes), though its stub says bytes.
    assert image.save(buffer, kind)  # type: ignore[call-overload]
    buffer.close()
    return bytes(data.data())


def test_a_large_jpeg_is_decoded_at_the_size_shown(qapp) -> None:
    photo = QImage(QSize(4000, 3000), QImage.Format.Format_RGB32)
    photo.fill(QColor(30, 120, 200))
    data = encoded(photo, "JPG")
    assert decode_weight(data) <= SHOWN.width() * SHOWN.height()  # decoded small, not at 12 MP first
    shown = decode_picture(data)
    assert (shown.width(), shown.height()) == (900, 675)


def test_a_png_over_the_pixel_budget_is_refused_from_its_header(qapp) -> None:
    data = grey_png(7000, 7000)
    for step in (decode_weight, decode_picture):
        try:
            step(data)
        except PictureRefused as exc:
            assert str(exc) == "This picture is too large to show (7000 × 7000 pixels)."
        else:
            raise AssertionError(f"{step.__name__} took a picture of 49 million pixels")
    small = decode_picture(grey_png(3000, 1000))
    assert (small.width(), small.height()) == (900, 300)
    assert decode_weight(grey_png(3000, 1000)) == 3_000_000  # a PNG is decoded whole: that is its cost


def test_what_is_not_a_picture_says_so(qapp) -> None:
    for data in (b"", b"hello", b"\x89PNG\r\n\x1a\nbroken", b"<svg><broken></svg>"):
        try:
            decode_picture(data)
        except PictureRefused as exc:
            assert str(exc) == "This picture could not be shown."
        else:
            raise AssertionError(f"{data!r} was taken for a picture")


def test_the_cache_keeps_the_most_recently_used_within_its_byte_cap(qapp) -> None:
    one = QPixmap(100, 100)  # 40 000 bytes at 32 bits a pixel
    cache = PictureCache(max_bytes=100_000)
    for name in ("a", "b"):
        cache.put(name, one)
    assert cache.get("a") is not None  # a is now the most recent
    cache.put("c", one)
    assert cache.get("b") is None and cache.get("a") is not None and cache.get("c") is not None
    assert cache.bytes <= 100_000
    cache.put("huge", QPixmap(400, 400))  # larger than the whole cache: not kept, nothing pushed out
    assert cache.get("huge") is None and cache.get("a") is not None


async def test_decodes_wait_while_the_pixels_in_hand_would_exceed_the_budget() -> None:
    gate = PixelGate(budget=100)
    order: list[str] = []

    async def decode(name: str, pixels: int, pause: float) -> None:
        async with gate.holding(pixels):
            order.append(f"{name} starts")
            await asyncio.sleep(pause)
            order.append(f"{name} ends")

    await asyncio.gather(decode("big", 80, 0.05), decode("small", 10, 0.01), decode("second big", 80, 0.01))
    assert order.index("second big starts") > order.index("big ends")  # never 160 pixels at once
    assert order.index("small starts") < order.index("big ends")  # small ones share the budget


async def test_the_picture_in_view_comes_first_and_a_full_size_one_is_not_cached(qapp) -> None:
    from ui.controllers.pictures import PictureLoader
    from ui.widgets.pictures import FULL

    photo = QImage(QSize(2000, 1500), QImage.Format.Format_RGB32)
    photo.fill(QColor(200, 120, 30))
    data = encoded(photo, "JPG")
    loader = PictureLoader()
    release = asyncio.Event()
    fetched: list[str] = []

    async def fetch(url: str) -> bytes:
        fetched.append(url)
        if url == "in-view":
            await release.wait()
        return data

    in_view = asyncio.ensure_future(loader.picture("in-view", fetch, urgent=True))
    await asyncio.sleep(0)
    other = asyncio.ensure_future(loader.picture("thumbnail", fetch))
    for _ in range(5):
        await asyncio.sleep(0.01)
    assert fetched == ["in-view"] and not other.done()  # the others wait for the picture in view
    release.set()
    shown = await in_view
    await other
    assert fetched == ["in-view", "thumbnail"] and (shown.width(), shown.height()) == (900, 675)
    full = await loader.picture("in-view", fetch, FULL, urgent=True)
    assert (full.width(), full.height()) == (2000, 1500)  # its own size, within the pixel budget
    assert (
        loader.cached("in-view") is not None and loader.cached("in-view").width() == 900
    )  # the cache keeps the copy shown
