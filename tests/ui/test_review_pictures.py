"""Pictures within bounds (issue 22, point 5 and the pictures of point 9), through a real review
window against the sandbox, the pictures on a loopback picture server:

- ten versions, each with a small PNG of 8000×8000 pixels: memory stays bounded, the window never
  freezes, and each says plainly that its picture is too large to show;
- large pictures within the budget are decoded beside the window, at the size shown;
- a remote SVG cannot make the app read a file of this computer;
- a picture that failed is tried again on Refresh.
"""

from __future__ import annotations

import asyncio
import os
import struct
import threading
import uuid
import zlib
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QLabel, QToolButton, QWidget

from app.api.client import TasksClient
from app.api.schema import TaskDraft
from app.review.service import ReviewService
from app.sandbox import SandboxConfig, SandboxServer
from app.sandbox.service import BID_WINDOW_SECONDS, DEMO_API_KEY
from tests.conftest import FakeClock, wait_until
from tests.file_server import FileServer, Route
from tests.file_server import picture as picture_route
from tests.ui.helpers import review_desk, version_card, version_list
from ui.controllers.review import ReviewController
from ui.widgets.image_viewer import ImageViewer
from ui.windows.review.window import ReviewWindow

DRAFT = TaskDraft(category="graphics-design", task_type="logo-design", budget_usd=45.0, title="Logo for my bakery")
MB = 1024 * 1024


def grey_png(width: int, height: int, shade: int = 200) -> bytes:
    """A PNG of one grey, tiny on disk however many pixels it has (as an attacker's would be)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    packer = zlib.compressobj(9)
    row = b"\x00" + bytes([shade]) * width
    body = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")


def rss() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


@contextmanager
def peak_memory() -> Iterator[dict[str, int]]:
    """The process's largest resident size while the block runs (sampled beside the GUI thread)."""
    seen = {"start": rss(), "peak": rss()}
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.01):
            seen["peak"] = max(seen["peak"], rss())

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        yield seen
    finally:
        done.set()
        sampler.join()
        seen["peak"] = max(seen["peak"], rss())


@asynccontextmanager
async def longest_stall() -> AsyncIterator[dict[str, float]]:
    """How long the window's thread was busy at a stretch (a 10 ms tick that came late)."""
    loop = asyncio.get_running_loop()
    worst = {"seconds": 0.0}
    running = True

    async def tick() -> None:
        while running:
            start = loop.time()
            await asyncio.sleep(0.01)
            worst["seconds"] = max(worst["seconds"], loop.time() - start - 0.01)

    ticker = asyncio.ensure_future(tick())
    try:
        yield worst
    finally:
        running = False
        await ticker


@asynccontextmanager
async def review_with_pictures(
    qtbot: Any, pictures: FileServer, paths: list[str]
) -> AsyncIterator[tuple[ReviewController, ReviewWindow]]:
    """A task in review whose versions (one per path) each show one picture from ``pictures``."""
    clock = FakeClock()
    with SandboxServer(SandboxConfig(seed=5, clock=clock)) as server:
        async with TasksClient(server.url, DEMO_API_KEY) as client:
            task = await client.create_task(DRAFT)
            clock.now += BID_WINDOW_SECONDS + 1
            await client.get_bids(task.id)  # the sandbox makes the versions
            stored = server.app.state.tasks[task.id].body
            template = stored["_bids"][0]
            stored["_bids"] = [
                {
                    **template,
                    "id": str(uuid.uuid4()),
                    "agent_name": f"Agent {n + 1}",
                    "presented": True,
                    "artifacts": [{"type": "image", "url": pictures.url + path, "name": f"Draft {n + 1}"}],
                }
                for n, path in enumerate(paths)
            ]
            task = await client.get_task(task.id)
            parent = QWidget()
            qtbot.addWidget(parent)
            desk = review_desk(parent)
            desk.set_service(service := ReviewService(lambda: client, DEMO_API_KEY))
            try:
                window = desk.open_review(task)
                assert window is not None
                yield desk, window
            finally:
                desk.close()
                await service.aclose()


def card_picture(window: QWidget) -> QToolButton | None:
    return version_card(window).findChild(QToolButton, "artifactImage")


def settled(window: QWidget) -> bool:
    button = card_picture(window)
    return button is not None and not button.text().endswith("loading…")


async def each_version_settled(window: QWidget, count: int) -> list[str]:
    """Walk the versions as a person would; the card's picture text of each once it is settled."""
    await wait_until(lambda: version_list(window).count() == count, what="the versions")
    texts = []
    for row in range(count):
        version_list(window).setCurrentRow(row)
        await wait_until(lambda: settled(window), timeout=60, what=f"the picture of version {row + 1}")
        button = card_picture(window)
        assert button is not None
        texts.append(button.text())
    return texts


async def test_ten_pictures_of_8000_by_8000_pixels_keep_memory_bounded_and_the_window_responsive(qtbot) -> None:
    huge = grey_png(8000, 8000)
    assert len(huge) < 100_000  # small to download, 64 million pixels to decode
    with FileServer("127.0.0.1") as pictures:
        paths = [f"/huge-{n}.png" for n in range(10)]
        for path in paths:
            pictures.routes[path] = picture_route(huge)
        with peak_memory() as memory:
            async with review_with_pictures(qtbot, pictures, paths) as (_desk, window), longest_stall() as stall:
                texts = await each_version_settled(window, 10)
                await wait_until(lambda: len(pictures.seen) >= 10, what="every picture asked for")
                thumbnails = [not version_list(window).item(r).icon().isNull() for r in range(10)]
    growth = (memory["peak"] - memory["start"]) / MB
    assert growth < 150, f"the process grew by {growth:.0f} MB"
    assert stall["seconds"] < 0.5, f"the window froze for {stall['seconds']:.2f} s"
    assert all("too large to show" in text for text in texts), texts
    assert not any(thumbnails)


async def test_large_pictures_within_the_budget_are_decoded_beside_the_window_at_the_size_shown(qtbot) -> None:
    large = grey_png(6000, 6000)  # 36 million pixels: under the budget, 144 MB as a full bitmap
    with FileServer("127.0.0.1") as pictures:
        paths = [f"/large-{n}.png" for n in range(4)]
        for path in paths:
            pictures.routes[path] = picture_route(large)
        with peak_memory() as memory:
            async with review_with_pictures(qtbot, pictures, paths) as (_desk, window), longest_stall() as stall:
                await wait_until(lambda: version_list(window).count() == 4, what="the versions")
                await wait_until(
                    lambda: all(not version_list(window).item(r).icon().isNull() for r in range(4)),
                    timeout=60,
                    what="every thumbnail",
                )
                picture = card_picture(window)
                assert picture is not None and picture.isEnabled()
                picture.click()
                await wait_until(lambda: viewer() is not None, what="the larger picture")
                shown = viewer().findChild(QLabel, "imageViewerPicture").pixmap()
                assert shown.width() <= 900 and shown.height() <= 700 and shown.width() >= 600
                viewer().close()
    growth = (memory["peak"] - memory["start"]) / MB
    assert growth < 150, f"the process grew by {growth:.0f} MB"
    assert stall["seconds"] < 0.5, f"the window froze for {stall['seconds']:.2f} s"


def viewer() -> ImageViewer | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, ImageViewer) and w.isVisible()), None)


def has_colour(image: QImage, colour: QColor) -> bool:
    return any(
        image.pixelColor(x, y).rgb() == colour.rgb()
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    )


async def test_a_remote_svg_cannot_make_the_app_read_a_local_file(qtbot, tmp_path: Path) -> None:
    secret = tmp_path / "secret.png"
    red = QImage(QSize(64, 64), QImage.Format.Format_RGB32)
    red.fill(QColor(255, 0, 0))
    assert red.save(str(secret))
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        'width="200" height="100" viewBox="0 0 200 100">'
        '<rect width="200" height="100" fill="#0000ff"/>'
        f'<image x="0" y="0" width="100" height="100" xlink:href="file://{secret}"/>'
        f'<image x="100" y="0" width="100" height="100" href="{secret}"/>'
        "</svg>"
    ).encode()
    with FileServer("127.0.0.1") as pictures:
        pictures.routes["/draft.svg"] = Route(body=svg, headers={"Content-Type": "image/svg+xml"})
        async with review_with_pictures(qtbot, pictures, ["/draft.svg"]) as (_desk, window):
            await wait_until(lambda: settled(window), what="the picture")
            picture = card_picture(window)
            assert picture is not None and picture.isEnabled(), picture and picture.text()
            preview = picture.icon().pixmap(picture.iconSize()).toImage()
            assert has_colour(preview, QColor(0, 0, 255))  # the picture itself is drawn
            assert not has_colour(preview, QColor(255, 0, 0))  # the file of this computer is not


async def test_a_picture_that_failed_is_tried_again_on_refresh(qtbot) -> None:
    with FileServer("127.0.0.1") as pictures:
        pictures.routes["/flaky.png"] = Route(status=500, body=b"", headers={})
        async with review_with_pictures(qtbot, pictures, ["/flaky.png"]) as (_desk, window):
            await wait_until(lambda: settled(window), what="the failure")
            picture = card_picture(window)
            assert picture is not None and not picture.isEnabled() and "500" in picture.text()
            pictures.routes["/flaky.png"] = picture_route(grey_png(40, 30))
            window.refresh_button.click()
            await wait_until(
                lambda: (b := card_picture(window)) is not None and b.isEnabled(), what="the picture after Refresh"
            )
            assert not version_list(window).item(0).icon().isNull()
