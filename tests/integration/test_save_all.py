"""“Save all” into Downloads/<task title>/, and a run killed in the middle of a download."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.delivery import DeliveryItem, Downloader, DownloadError, delivery_items, downloads_base, save_all
from tests.file_server import FileServer, Route, pattern, pattern_sha256

ROOT = Path(__file__).resolve().parents[2]
KEY = "aitk_test_download_key"


@pytest.fixture
def server() -> Iterator[FileServer]:
    with FileServer("127.0.0.1") as running:
        yield running


def in_folder(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def sandbox_like_delivery(server: FileServer) -> dict[str, object]:
    """A delivery shaped as the sandbox answers it, its files on the test's server."""
    picture, guide = pattern(300_000), pattern(50_000)[::-1]
    server.routes["/d/logo.png"] = Route(body=picture, headers={"Content-Type": "image/png"})
    server.routes["/d/guide.pdf"] = Route(body=guide, headers={"Content-Type": "application/pdf"})
    server.routes["/d/gone.zip"] = Route(status=404, body=b"no such file", headers={"Content-Type": "text/plain"})
    return {
        "id": "d1",
        "artifacts": [
            {
                "type": "image",
                "name": "logo.png",
                "url": "/d/logo.png",
                "content_type": "image/png",
                "size_bytes": 300_000,
            },
            {"type": "text", "name": "notes.txt", "content": "Warm colours, as asked.\n"},
            {"type": "file", "name": "guide.pdf", "url": server.url + "/d/guide.pdf", "size_bytes": 50_000},
            {"type": "file", "name": "source.zip", "url": "/d/gone.zip", "content_type": "application/zip"},
            {"type": "file", "name": "nothing to save"},  # no address, no text: not an item
        ],
    }


async def test_save_all_puts_every_item_in_the_task_folder_and_reports_each(server: FileServer, tmp_path: Path) -> None:
    items = delivery_items(sandbox_like_delivery(server), server.url)
    assert [i.name for i in items] == ["logo.png", "notes.txt", "guide.pdf", "source.zip"]
    assert [i.kind for i in items] == ["picture", "text", "file", "file"]
    seen: dict[int, tuple[int, int | None]] = {}
    async with Downloader(server.url, KEY) as downloader:
        result = await save_all(
            downloader,
            items,
            "Logo for my bakery",
            base=tmp_path / "Downloads",
            progress=lambda index, done, total: seen.__setitem__(index, (done, total)),
        )
    folder = tmp_path / "Downloads" / "Logo for my bakery"
    assert result.folder == folder
    assert [(s.item.name, s.path) for s in result.saved] == [
        ("logo.png", folder / "logo.png"),
        ("notes.txt", folder / "notes.txt"),
        ("guide.pdf", folder / "guide.pdf"),
    ]
    assert (folder / "logo.png").read_bytes() == pattern(300_000)
    assert (folder / "guide.pdf").read_bytes() == pattern(50_000)[::-1]
    assert (folder / "notes.txt").read_text() == "Warm colours, as asked.\n"
    assert [(f.item.name, f.error.reason) for f in result.failed] == [("source.zip", "status")]
    assert "404" in result.failed[0].reason and not result.complete
    assert in_folder(folder) == ["guide.pdf", "logo.png", "notes.txt"]
    assert seen[0] == (300_000, 300_000) and seen[2] == (50_000, 50_000)


async def test_the_platforms_downloads_folder_is_made_when_missing(
    server: FileServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    downloads = tmp_path / "Herunterladen"
    monkeypatch.setenv("XDG_DOWNLOAD_DIR", str(downloads))
    assert downloads_base() == downloads and downloads_base("  ") == downloads
    assert downloads_base("~/Elsewhere") == Path.home() / "Elsewhere"
    server.routes["/a"] = Route(body=b"a")
    one = [DeliveryItem(name="a.txt", url=server.url + "/a")]
    async with Downloader(server.url, KEY) as downloader:
        untitled = await save_all(downloader, one, "  ")  # Downloads itself is missing: made
        assert untitled.folder == downloads / "AITasker task" and in_folder(untitled.folder) == ["a.txt"]
        hostile = await save_all(downloader, one, "../../\u202eevil")
        assert hostile.folder == downloads / "_.._evil"  # a title is a title, not a path
        (downloads / "Poster").write_text("a file where the folder would go")
        first = await save_all(downloader, one, "Poster")
        assert first.folder == downloads / "Poster (2)" and in_folder(first.folder) == ["a.txt"]
        again = await save_all(downloader, one, "Poster")
        assert again.folder == first.folder and in_folder(again.folder) == ["a (2).txt", "a.txt"]
    assert in_folder(downloads) == ["AITasker task", "Poster", "Poster (2)", "_.._evil"]


async def test_cancelling_save_all_leaves_nothing(server: FileServer, tmp_path: Path) -> None:
    for n in range(3):
        server.routes[f"/{n}"] = Route(body=pattern(2_000_000), drip=0.05, piece=16 * 1024)
    items = [DeliveryItem(name=f"{n}.bin", url=server.url + f"/{n}", size=2_000_000) for n in range(3)]
    started = asyncio.Event()

    def progress(index: int, done: int, total: int | None) -> None:
        if done:
            started.set()

    async with Downloader(server.url, KEY) as downloader:
        job = asyncio.ensure_future(save_all(downloader, items, "Big", base=tmp_path, progress=progress))
        await asyncio.wait_for(started.wait(), 10)
        job.cancel()
        with pytest.raises(asyncio.CancelledError):
            await job
    assert in_folder(tmp_path) == []  # not even the empty folder made for it


async def test_when_the_folder_cannot_be_made_it_says_so(server: FileServer, tmp_path: Path) -> None:
    (tmp_path / "Downloads").write_text("a file, not a folder")
    async with Downloader(server.url, KEY) as downloader:
        with pytest.raises(DownloadError) as caught:
            await save_all(downloader, [DeliveryItem(name="a", text="a")], "T", base=tmp_path / "Downloads")
    assert caught.value.reason == "disk"


CHILD = r"""
import asyncio, sys
from pathlib import Path
from app.delivery import DeliveryItem, Downloader

async def main():
    url, folder, size = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    def progress(done, total):
        print(done, flush=True)
    async with Downloader(url, "aitk_child_key", progress_interval=0) as downloader:
        await downloader.save(DeliveryItem(name="work.bin", url=url + "/work.bin", size=size), folder, progress=progress)
    print("finished", flush=True)

asyncio.run(main())
"""


def run_and_kill(command: list[str], past: int) -> int:
    """Start ``command``, SIGKILL it once it has printed a number above ``past``; its return code."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    assert child.stdout is not None and child.stderr is not None
    try:
        for line in child.stdout:  # counted, not timed: a loaded machine is slow
            if line.strip().isdigit() and int(line) > past:
                os.kill(child.pid, signal.SIGKILL)
                break
        else:
            raise AssertionError("the child ended early: " + child.stderr.read())
    finally:
        if child.poll() is None and child.returncode is None:
            child.kill()
        child.wait(timeout=30)
    return child.returncode


async def test_a_run_killed_mid_download_leaves_no_file_and_the_next_save_cleans_up(
    server: FileServer, tmp_path: Path
) -> None:
    size = 8 * 1024 * 1024
    server.routes["/work.bin"] = Route(size=size, drip=0.02, piece=32 * 1024)
    folder = tmp_path / "Downloads" / "Logo"
    command = [sys.executable, "-c", CHILD, server.url, str(folder), str(size)]
    assert await asyncio.to_thread(run_and_kill, command, 2 * 1024 * 1024) == -signal.SIGKILL
    left = in_folder(folder)
    assert "work.bin" not in left
    assert len(left) == 1 and left[0].startswith("work.bin.aitasker-") and left[0].endswith(".part"), left

    server.routes["/work.bin"] = Route(size=size)
    async with Downloader(server.url, KEY) as downloader:
        saved = await downloader.save(
            DeliveryItem(name="work.bin", url=server.url + "/work.bin", size=size, sha256=pattern_sha256(size)), folder
        )
    assert saved == folder / "work.bin"
    assert in_folder(folder) == ["work.bin"]
