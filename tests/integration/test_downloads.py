"""Saving the final work to disk, from real loopback servers started in the test.

127.0.0.1 stands for the API's host, 127.0.0.2 for someone else's. What is checked is what the
person finds in the folder afterwards, and what each server received.
"""

from __future__ import annotations

import asyncio
import errno
import hashlib
import os
import ssl
from pathlib import Path

import pytest

from app.delivery import DeliveryItem, Downloader, DownloadError
from app.delivery.disk import PartFile, remove_stale_parts
from tests.conftest import wait_until
from tests.file_server import FileServer, Route, pattern, self_signed

KEY = "aitk_test_download_key"


def in_folder(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def item(server: FileServer, path: str, body: bytes | None, name: str = "logo.png", **declared: object) -> DeliveryItem:
    fields: dict[str, object] = {"size": len(body) if body is not None else None, "content_type": "image/png"}
    fields.update(declared)
    return DeliveryItem(name=name, url=server.url + path, **fields)  # type: ignore[arg-type]


async def test_the_bytes_on_disk_are_the_bytes_served_with_progress(api_host: FileServer, tmp_path: Path) -> None:
    body = pattern(6 * 1024 * 1024 + 17)  # several batches: their order on disk and in the checksum
    api_host.routes["/logo.png"] = Route(body=body, headers={"Content-Type": "image/png"})
    seen: list[tuple[int, int | None]] = []
    async with Downloader(api_host.url, KEY, progress_interval=0) as downloader:
        saved = await downloader.save(
            item(api_host, "/logo.png", body, sha256=hashlib.sha256(body).hexdigest()),
            tmp_path / "out",
            progress=lambda done, total: seen.append((done, total)),
        )
    assert saved == tmp_path / "out" / "logo.png"
    assert saved.read_bytes() == body
    assert in_folder(tmp_path / "out") == ["logo.png"]
    assert seen[0] == (0, len(body)) and seen[-1] == (len(body), len(body))
    assert [d for d, _ in seen] == sorted(d for d, _ in seen) and len(seen) > 3
    assert {t for _, t in seen} == {len(body)}


async def test_unknown_size_progress_says_so_and_an_inline_text_is_saved(api_host: FileServer, tmp_path: Path) -> None:
    body = pattern(200_000)
    api_host.routes["/data"] = Route(body=body, chunked=True)
    seen: list[tuple[int, int | None]] = []
    async with Downloader(api_host.url, KEY, progress_interval=0) as downloader:
        saved = await downloader.save(
            DeliveryItem(name="data.bin", url=api_host.url + "/data"),
            tmp_path,
            progress=lambda done, total: seen.append((done, total)),
        )
        note = await downloader.save(DeliveryItem(name="notes.txt", text="Grüße\n"), tmp_path)
    assert saved.read_bytes() == body
    assert seen[0] == (0, None) and all(t is None for _, t in seen[:-1]) and seen[-1] == (len(body), len(body))
    assert note.read_text("utf-8") == "Grüße\n"


async def test_cancel_leaves_nothing_behind(api_host: FileServer, tmp_path: Path) -> None:
    body = pattern(4 * 1024 * 1024)
    route = Route(body=body, drip=0.05, piece=32 * 1024)
    api_host.routes["/slow.bin"] = route
    progressed = asyncio.Event()
    async with Downloader(api_host.url, KEY, progress_interval=0) as downloader:
        job = asyncio.ensure_future(
            downloader.save(
                item(api_host, "/slow.bin", body, name="slow.bin", content_type=""),
                tmp_path,
                progress=lambda done, total: progressed.set() if done > 64 * 1024 else None,
            )
        )
        await asyncio.wait_for(progressed.wait(), 10)
        assert any(name.endswith(".part") for name in in_folder(tmp_path))  # really mid-download
        job.cancel()
        with pytest.raises(asyncio.CancelledError):
            await job
    assert in_folder(tmp_path) == []


async def test_a_cancel_at_any_moment_leaves_nothing(api_host: FileServer, tmp_path: Path) -> None:
    body = pattern(1024 * 1024)
    api_host.routes["/w.bin"] = Route(body=body, piece=16 * 1024)
    async with Downloader(api_host.url, KEY) as downloader:
        for n in range(30):  # at once, while the file is made, while it streams, while it is put in place
            job = asyncio.ensure_future(downloader.save(item(api_host, "/w.bin", body, name="w.bin"), tmp_path))
            await asyncio.sleep(n * 0.0015)
            job.cancel()
            try:
                await job
            except asyncio.CancelledError:
                pass
            else:  # it finished first: the file is whole
                assert (tmp_path / "w.bin").read_bytes() == body
                (tmp_path / "w.bin").unlink()
    await wait_until(lambda: in_folder(tmp_path) == [], what="nothing left in the folder")


async def test_a_body_cut_halfway_leaves_no_file(api_host: FileServer, tmp_path: Path) -> None:
    body = pattern(2 * 1024 * 1024)
    api_host.routes["/cut.bin"] = Route(body=body, cut_at=len(body) // 2)
    api_host.routes["/cut-chunked.bin"] = Route(body=body, cut_at=len(body) // 2, chunked=True)
    api_host.routes["/cut-unframed.bin"] = Route(body=body, cut_at=len(body) // 2, send_length=False)
    async with Downloader(api_host.url, KEY) as downloader:
        for path, reason in (("/cut.bin", "cut"), ("/cut-chunked.bin", "cut"), ("/cut-unframed.bin", "size")):
            with pytest.raises(DownloadError) as caught:
                await downloader.save(item(api_host, path, body, name="work.bin", content_type=""), tmp_path)
            assert caught.value.reason == reason, path
            assert "not" in caught.value.user_message.lower()  # "Nothing was kept" / "was not saved"
            assert in_folder(tmp_path) == [], path


async def test_names_that_collide_are_numbered_never_overwritten(api_host: FileServer, tmp_path: Path) -> None:
    body = b"new picture"
    api_host.routes["/logo.png"] = Route(body=body, headers={"Content-Type": "image/png"})
    (tmp_path / "logo.png").write_bytes(b"the person's own file")
    async with Downloader(api_host.url, KEY) as downloader:
        first = await downloader.save(item(api_host, "/logo.png", body), tmp_path)
        together = await asyncio.gather(
            *(downloader.save(item(api_host, "/logo.png", body), tmp_path) for _ in range(3))
        )
    assert first.name == "logo (2).png"
    assert sorted(p.name for p in together) == ["logo (3).png", "logo (4).png", "logo (5).png"]
    assert (tmp_path / "logo.png").read_bytes() == b"the person's own file"
    assert all(p.read_bytes() == body for p in [first, *together])
    assert len(in_folder(tmp_path)) == 5


async def test_hostile_names_stay_in_the_folder_and_show_what_they_are(api_host: FileServer, tmp_path: Path) -> None:
    api_host.routes["/f"] = Route(body=b"x")
    folder = tmp_path / "task"
    names = {
        "../../etc/passwd": "passwd",
        "..\\..\\windows\\system.ini": "system.ini",
        "\u202egnp.exe": "gnp.exe",
        "con.txt": "_con.txt",
        "..": "file",
        "": "file (2)",
        "report\x00.pdf\n": "report.pdf",
    }
    async with Downloader(api_host.url, KEY) as downloader:
        saved = {
            name: await downloader.save(DeliveryItem(name=name, url=api_host.url + "/f", size=1), folder)
            for name in names
        }
        long_one = await downloader.save(DeliveryItem(name="é" * 300 + ".png", url=api_host.url + "/f"), folder)
    for name, expected in names.items():
        assert saved[name].parent == folder and saved[name].name == expected, name
    assert long_one.parent == folder and long_one.suffix == ".png" and len(long_one.name.encode()) <= 200
    assert long_one.read_bytes() == b"x"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["task"]  # nothing outside the folder


async def test_what_contradicts_the_delivery_is_refused(api_host: FileServer, tmp_path: Path) -> None:
    body = pattern(10_000)
    api_host.routes["/png"] = Route(body=body, headers={"Content-Type": "image/png"})
    api_host.routes["/html"] = Route(body=body, headers={"Content-Type": "text/html; charset=utf-8"})
    api_host.routes["/long-chunked"] = Route(body=body + b"more", chunked=True)
    api_host.routes["/generic"] = Route(body=body, headers={"Content-Type": "application/octet-stream"})
    api_host.routes["/jpg"] = Route(body=body, headers={"Content-Type": "image/jpg"})
    cases = [
        (item(api_host, "/png", body, size=9_000), "size"),  # Content-Length says 10 000
        (item(api_host, "/html", body), "type"),
        (item(api_host, "/long-chunked", body), "size"),  # longer than declared, no length given
        (item(api_host, "/png", body, sha256="0" * 64), "checksum"),
        (item(api_host, "/png", body, size=None, content_type="application/pdf"), "type"),
    ]
    async with Downloader(api_host.url, KEY, max_bytes=5_000) as downloader:
        for case, reason in cases:
            with pytest.raises(DownloadError) as caught:
                await downloader.save(case, tmp_path)
            assert caught.value.reason == reason, case
            assert in_folder(tmp_path) == [], case
        with pytest.raises(DownloadError, match="larger than") as too_big:  # nothing declared: the cap
            await downloader.save(DeliveryItem(name="x.bin", url=api_host.url + "/generic"), tmp_path)
        assert too_big.value.reason == "size"
        # A generic type contradicts nothing; an alias is the same type.
        assert (await downloader.save(item(api_host, "/generic", body), tmp_path)).read_bytes() == body
        jpg = DeliveryItem(name="a.jpg", url=api_host.url + "/jpg", size=len(body), content_type="image/jpeg")
        assert (await downloader.save(jpg, tmp_path)).read_bytes() == body
    assert in_folder(tmp_path) == ["a.jpg", "logo.png"]


async def test_redirects_to_another_scheme_are_not_followed(
    api_host: FileServer, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    context, certificate = self_signed(tmp_path_factory.mktemp("tls"))
    trust = ssl.create_default_context(cafile=str(certificate))
    body = b"the work"
    api_host.routes["/plain"] = Route(body=body)
    api_host.routes["/to-file"] = Route(status=302, body=b"", headers={"Location": "file:///etc/passwd"})
    with FileServer("127.0.0.1", tls=context) as secure:
        secure.routes["/down"] = Route(status=302, body=b"", headers={"Location": api_host.url + "/plain"})
        secure.routes["/here"] = Route(body=body)
        secure.routes["/hop0"] = Route(status=301, body=b"", headers={"Location": "/hop1"})
        for n in range(1, 6):
            secure.routes[f"/hop{n}"] = Route(status=307, body=b"", headers={"Location": f"/hop{n + 1}"})
        secure.routes["/hop3"] = Route(status=302, body=b"", headers={"Location": secure.url + "/here"})
        async with Downloader(secure.url, KEY, verify=trust) as downloader:
            for url in (api_host.url + "/to-file", secure.url + "/down"):
                with pytest.raises(DownloadError, match="moved") as caught:
                    await downloader.save(DeliveryItem(name="w.bin", url=url), tmp_path)
                assert caught.value.reason == "redirect"
            # Same scheme, a few hops: followed.
            saved = await downloader.save(DeliveryItem(name="w.bin", url=secure.url + "/hop0"), tmp_path)
            assert saved.read_bytes() == body
            # Too many hops: refused.
            secure.routes["/hop3"] = Route(status=302, body=b"", headers={"Location": "/hop4"})
            with pytest.raises(DownloadError) as caught:
                await downloader.save(DeliveryItem(name="w.bin", url=secure.url + "/hop0"), tmp_path)
            assert caught.value.reason == "redirect"
    assert [p for p, _ in api_host.seen] == ["/to-file"]  # nothing went from https to http, nor to a file
    assert in_folder(tmp_path) == ["w.bin"]


async def test_plain_http_elsewhere_is_never_asked(tmp_path: Path) -> None:
    async with Downloader("https://api.aitasker.co", KEY) as downloader:
        for url in ("http://example.com/a.png", "ftp://127.0.0.1/a.png", "file:///etc/passwd"):
            with pytest.raises(DownloadError) as caught:
                await downloader.save(DeliveryItem(name="a.png", url=url), tmp_path)
            assert caught.value.reason == "address"
    assert in_folder(tmp_path) == []


async def test_the_key_reaches_the_api_host_only(api_host: FileServer, other_host: FileServer, tmp_path: Path) -> None:
    api_host.routes["/own"] = Route(body=b"a")
    other_host.routes["/theirs"] = Route(body=b"b")
    api_host.routes["/away"] = Route(status=302, body=b"", headers={"Location": other_host.url + "/back"})
    other_host.routes["/back"] = Route(status=302, body=b"", headers={"Location": api_host.url + "/own"})
    with FileServer("127.0.0.1") as neighbour:  # the same host on another port is another origin
        neighbour.routes["/n"] = Route(body=b"n")
        async with Downloader(api_host.url, KEY) as downloader:
            await downloader.save(DeliveryItem(name="a", url=api_host.url + "/own"), tmp_path)
            await downloader.save(DeliveryItem(name="b", url=other_host.url + "/theirs"), tmp_path)
            await downloader.save(DeliveryItem(name="c", url=neighbour.url + "/n"), tmp_path)
            await downloader.save(DeliveryItem(name="d", url=api_host.url + "/away"), tmp_path)
        assert neighbour.seen and all("authorization" not in h for _, h in neighbour.seen)
    assert api_host.seen[0][0] == "/own" and api_host.seen[0][1]["authorization"] == f"Bearer {KEY}"
    assert api_host.seen[1][0] == "/away" and api_host.seen[1][1]["authorization"] == f"Bearer {KEY}"
    # Once a redirect has left the API's host, the key is not sent again, not even back home.
    assert api_host.seen[2][0] == "/own" and "authorization" not in api_host.seen[2][1]
    assert [p for p, _ in other_host.seen] == ["/theirs", "/back"]
    assert all(KEY not in value for _, headers in other_host.seen for value in headers.values())
    assert (tmp_path / "d").read_bytes() == b"a"


async def test_timeouts_per_piece_and_in_all(api_host: FileServer, tmp_path: Path) -> None:
    api_host.routes["/stalls"] = Route(body=pattern(300_000), piece=100_000, drip=2.0)
    api_host.routes["/drips"] = Route(body=pattern(300_000), piece=1_000, drip=0.02)
    async with Downloader(api_host.url, KEY, read_timeout=0.5) as downloader:
        with pytest.raises(DownloadError, match="sent nothing") as stalled:
            await downloader.save(DeliveryItem(name="s.bin", url=api_host.url + "/stalls"), tmp_path)
        with pytest.raises(DownloadError, match="longer than") as slow:
            await downloader.save(DeliveryItem(name="d.bin", url=api_host.url + "/drips"), tmp_path, deadline=0.6)
    assert stalled.value.reason == slow.value.reason == "timeout"
    assert in_folder(tmp_path) == []


async def test_a_server_error_and_an_unreachable_server(api_host: FileServer, tmp_path: Path) -> None:
    from tests.conftest import free_port

    api_host.routes["/gone"] = Route(status=404, body=b"no")
    async with Downloader(api_host.url, KEY) as downloader:
        with pytest.raises(DownloadError, match="404") as missing:
            await downloader.save(DeliveryItem(name="g", url=api_host.url + "/gone"), tmp_path)
        with pytest.raises(DownloadError) as unreachable:
            await downloader.save(DeliveryItem(name="u", url=f"http://127.0.0.1:{free_port()}/u"), tmp_path)
    assert (missing.value.reason, unreachable.value.reason) == ("status", "offline")
    assert in_folder(tmp_path) == []


async def test_stale_parts_of_a_killed_run_go_at_the_next_save(api_host: FileServer, tmp_path: Path) -> None:
    api_host.routes["/a"] = Route(body=b"a")
    (tmp_path / "logo.png.aitasker-0badc0de.part").write_bytes(b"half of a file")
    (tmp_path / "film.mkv.part").write_bytes(b"a browser's download")  # not ours: left alone
    async with Downloader(api_host.url, KEY) as downloader:
        await downloader.save(DeliveryItem(name="a.txt", url=api_host.url + "/a"), tmp_path)
    assert in_folder(tmp_path) == ["a.txt", "film.mkv.part"]


def test_a_part_being_written_is_never_taken_for_a_stale_one(tmp_path: Path) -> None:
    writing = PartFile(tmp_path, "a.bin")
    assert remove_stale_parts(tmp_path) == 0 and writing.part.exists()
    writing.write([b"whole ", b"file"])
    assert writing.finish().read_bytes() == b"whole file"
    assert in_folder(tmp_path) == ["a.bin"]


def test_without_hard_links_names_are_still_never_overwritten(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_links(*args: object) -> None:  # FAT, exFAT, some network shares
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    (tmp_path / "logo.png").write_bytes(b"the person's own")
    placed = []
    for content in (b"one", b"two"):
        part = PartFile(tmp_path, "logo.png")
        part.write([content])
        placed.append(part.finish())
    assert [p.name for p in placed] == ["logo (2).png", "logo (3).png"]
    assert (tmp_path / "logo.png").read_bytes() == b"the person's own"
    assert [p.read_bytes() for p in placed] == [b"one", b"two"]
    assert in_folder(tmp_path) == ["logo (2).png", "logo (3).png", "logo.png"]


FULL_DISK_DOWNLOAD = r"""
import asyncio, json, sys
from pathlib import Path
from app.delivery import DeliveryItem, Downloader, DownloadError

async def main():
    small, url = Path(sys.argv[1]), sys.argv[2]
    out = {}
    async with Downloader(url, None) as downloader:
        for name, path, size in (
            ("declared.bin", "/big.bin", 8 * 1024 * 1024),
            ("length.bin", "/big.bin", None),
            ("unknown.bin", "/chunked.bin", None),
        ):
            try:
                await downloader.save(DeliveryItem(name=name, url=url + path, size=size), small / "task")
                out[name] = "saved"
            except DownloadError as exc:
                out[name] = [exc.reason, exc.user_message]
    out["left"] = sorted(p.name for p in (small / "task").iterdir())
    print(json.dumps(out))

asyncio.run(main())
"""


def test_a_full_disk_is_said_in_words_and_leaves_nothing(api_host: FileServer, tmp_path: Path) -> None:
    from tests import disk

    api_host.routes["/big.bin"] = Route(size=8 * 1024 * 1024)
    api_host.routes["/chunked.bin"] = Route(size=8 * 1024 * 1024, chunked=True)
    out = disk.on_small_disk(tmp_path, FULL_DISK_DOWNLOAD, api_host.url)
    assert out["declared.bin"] == [  # known before a byte is written
        "space",
        "There is not enough space on the disk: the file needs 8,192 KB, 3,072 KB are free.",
    ]
    assert out["length.bin"] == out["declared.bin"]  # a Content-Length tells it before too
    assert out["unknown.bin"] == ["space", "There is not enough space on the disk."]  # found while writing
    assert out["left"] == []
