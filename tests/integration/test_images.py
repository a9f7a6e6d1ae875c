"""Artifact pictures are fetched with the client's rules, from real loopback servers.

Two servers stand for two hosts: 127.0.0.1 (the API's host) and 127.0.0.2 (someone else's).
"""

from __future__ import annotations

import asyncio

import pytest

from app.images import ImageError, ImageFetcher
from tests.file_server import PNG, FileServer, picture

KEY = "aitk_test_secret_key"


async def test_the_key_goes_only_to_the_apis_own_address(api_host: FileServer, other_host: FileServer) -> None:
    api_host.routes["/a.png"] = picture()
    other_host.routes["/b.png"] = picture()
    fetcher = ImageFetcher(api_host.url, KEY)
    try:
        assert await fetcher.fetch(api_host.url + "/a.png") == PNG
        assert await fetcher.fetch(other_host.url + "/b.png") == PNG
    finally:
        await fetcher.aclose()
    assert api_host.seen[0][1].get("authorization") == f"Bearer {KEY}"
    assert "authorization" not in other_host.seen[0][1]
    assert all(KEY not in value for _, headers in other_host.seen for value in headers.values())


async def test_same_host_on_another_port_gets_no_key(api_host: FileServer) -> None:
    with FileServer("127.0.0.1") as neighbour:
        neighbour.routes["/c.png"] = picture()
        fetcher = ImageFetcher(api_host.url, KEY)
        try:
            await fetcher.fetch(neighbour.url + "/c.png")
        finally:
            await fetcher.aclose()
        assert "authorization" not in neighbour.seen[0][1]


async def test_redirects_are_not_followed(api_host: FileServer, other_host: FileServer) -> None:
    other_host.routes["/moved.png"] = picture()
    api_host.routes["/r.png"] = picture(status=302, body=b"", headers={"Location": other_host.url + "/moved.png"})
    fetcher = ImageFetcher(api_host.url, KEY)
    try:
        with pytest.raises(ImageError, match="moved"):
            await fetcher.fetch(api_host.url + "/r.png")
    finally:
        await fetcher.aclose()
    assert other_host.seen == []  # the key (or anything) never went to the other host


async def test_oversize_pictures_are_refused_declared_or_not(api_host: FileServer) -> None:
    big = PNG + b"y" * 5000
    api_host.routes["/declared.png"] = picture(body=big)
    api_host.routes["/chunked.png"] = picture(body=big, chunked=True)
    api_host.routes["/fits.png"] = picture(body=PNG)
    fetcher = ImageFetcher(api_host.url, KEY, max_bytes=1000)
    try:
        for path in ("/declared.png", "/chunked.png"):
            with pytest.raises(ImageError, match="larger than"):
                await fetcher.fetch(api_host.url + path)
        assert await fetcher.fetch(api_host.url + "/fits.png") == PNG
    finally:
        await fetcher.aclose()


async def test_not_a_picture_plain_http_elsewhere_and_server_errors_are_refused(api_host: FileServer) -> None:
    api_host.routes["/page"] = picture(body=b"<html>", headers={"Content-Type": "text/html"})
    api_host.routes["/err.png"] = picture(status=500, body=b"")
    fetcher = ImageFetcher(api_host.url, KEY)
    try:
        with pytest.raises(ImageError, match="not a picture"):
            await fetcher.fetch(api_host.url + "/page")
        with pytest.raises(ImageError, match="500"):
            await fetcher.fetch(api_host.url + "/err.png")
        with pytest.raises(ImageError, match="secure"):
            await fetcher.fetch("http://example.com/a.png")  # never even tried: not https, not this computer
        with pytest.raises(ImageError):
            await fetcher.fetch("ftp://127.0.0.1/a.png")
    finally:
        await fetcher.aclose()


async def test_a_slow_picture_times_out_without_holding_up_others(api_host: FileServer) -> None:
    api_host.routes["/slow.png"] = picture(delay=3.0)
    api_host.routes["/quick.png"] = picture()
    fetcher = ImageFetcher(api_host.url, KEY, timeout=1.0, parallel=2)
    try:
        slow = asyncio.ensure_future(fetcher.fetch(api_host.url + "/slow.png"))
        assert await fetcher.fetch(api_host.url + "/quick.png") == PNG
        assert not slow.done()  # the quick one finished while the slow one was still loading
        with pytest.raises(ImageError, match="too long"):
            await slow
    finally:
        await fetcher.aclose()


async def test_one_download_per_address_and_a_bounded_cache(api_host: FileServer) -> None:
    for n in range(30):
        api_host.routes[f"/{n}.png"] = picture(body=PNG + bytes([n]) * 400)
    fetcher = ImageFetcher(api_host.url, KEY, cache_bytes=2000, cache_entries=10)
    try:
        same = await asyncio.gather(*(fetcher.fetch(api_host.url + "/0.png") for _ in range(5)))
        assert len({bytes(s) for s in same}) == 1
        assert len([p for p, _ in api_host.seen if p == "/0.png"]) == 1
        await fetcher.fetch(api_host.url + "/0.png")
        assert len([p for p, _ in api_host.seen if p == "/0.png"]) == 1  # from the cache
        for n in range(30):
            await fetcher.fetch(api_host.url + f"/{n}.png")
        assert fetcher.cached_bytes <= 2000 and len(fetcher._cache) <= 10
    finally:
        await fetcher.aclose()


async def test_a_failure_is_remembered_briefly(api_host: FileServer) -> None:
    api_host.routes["/gone.png"] = picture(status=404, body=b"")
    fetcher = ImageFetcher(api_host.url, KEY)
    try:
        for _ in range(3):
            with pytest.raises(ImageError):
                await fetcher.fetch(api_host.url + "/gone.png")
    finally:
        await fetcher.aclose()
    assert len(api_host.seen) == 1


async def test_asked_again_a_remembered_failure_goes_to_the_server(api_host: FileServer) -> None:
    api_host.routes["/later.png"] = picture(status=503, body=b"")
    fetcher = ImageFetcher(api_host.url, KEY)
    try:
        with pytest.raises(ImageError):
            await fetcher.fetch(api_host.url + "/later.png")
        api_host.routes["/later.png"] = picture()
        with pytest.raises(ImageError):
            await fetcher.fetch(api_host.url + "/later.png")  # remembered: not asked
        assert await fetcher.fetch(api_host.url + "/later.png", again=True) == PNG  # Refresh asks
    finally:
        await fetcher.aclose()
    assert len(api_host.seen) == 2
