"""Artifact pictures are fetched with the client's rules, from real loopback servers.

Two servers stand for two hosts: 127.0.0.1 (the API's host) and 127.0.0.2 (someone else's).
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from app.images import ImageError, ImageFetcher

PNG = b"\x89PNG\r\n\x1a\n" + b"x" * 100
KEY = "aitk_test_secret_key"


@dataclass
class Route:
    status: int = 200
    body: bytes = PNG
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "image/png"})
    delay: float = 0.0
    chunked: bool = False


class PictureServer:
    def __init__(self, host: str) -> None:
        self.routes: dict[str, Route] = {}
        self.seen: list[tuple[str, dict[str, str]]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                server.seen.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                route = server.routes.get(self.path, Route(status=404, body=b"", headers={}))
                if route.delay:
                    time.sleep(route.delay)
                self.send_response(route.status)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                if route.chunked:
                    self.send_header("Transfer-Encoding", "chunked")
                    self.end_headers()
                    for start in range(0, len(route.body), 4096):
                        piece = route.body[start : start + 4096]
                        self.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
                    self.wfile.write(b"0\r\n\r\n")
                    return
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                self.wfile.write(route.body)

        self.httpd = ThreadingHTTPServer((host, 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://{host}:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> PictureServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def api_host() -> Iterator[PictureServer]:
    with PictureServer("127.0.0.1") as server:
        yield server


@pytest.fixture
def other_host() -> Iterator[PictureServer]:
    with PictureServer("127.0.0.2") as server:
        yield server


async def test_the_key_goes_only_to_the_apis_own_address(api_host: PictureServer, other_host: PictureServer) -> None:
    api_host.routes["/a.png"] = Route()
    other_host.routes["/b.png"] = Route()
    fetcher = ImageFetcher(api_host.url, KEY)
    try:
        assert await fetcher.fetch(api_host.url + "/a.png") == PNG
        assert await fetcher.fetch(other_host.url + "/b.png") == PNG
    finally:
        await fetcher.aclose()
    assert api_host.seen[0][1].get("authorization") == f"Bearer {KEY}"
    assert "authorization" not in other_host.seen[0][1]
    assert all(KEY not in value for _, headers in other_host.seen for value in headers.values())


async def test_same_host_on_another_port_gets_no_key(api_host: PictureServer) -> None:
    with PictureServer("127.0.0.1") as neighbour:
        neighbour.routes["/c.png"] = Route()
        fetcher = ImageFetcher(api_host.url, KEY)
        try:
            await fetcher.fetch(neighbour.url + "/c.png")
        finally:
            await fetcher.aclose()
        assert "authorization" not in neighbour.seen[0][1]


async def test_redirects_are_not_followed(api_host: PictureServer, other_host: PictureServer) -> None:
    other_host.routes["/moved.png"] = Route()
    api_host.routes["/r.png"] = Route(status=302, body=b"", headers={"Location": other_host.url + "/moved.png"})
    fetcher = ImageFetcher(api_host.url, KEY)
    try:
        with pytest.raises(ImageError, match="moved"):
            await fetcher.fetch(api_host.url + "/r.png")
    finally:
        await fetcher.aclose()
    assert other_host.seen == []  # the key (or anything) never went to the other host


async def test_oversize_pictures_are_refused_declared_or_not(api_host: PictureServer) -> None:
    big = PNG + b"y" * 5000
    api_host.routes["/declared.png"] = Route(body=big)
    api_host.routes["/chunked.png"] = Route(body=big, chunked=True)
    api_host.routes["/fits.png"] = Route(body=PNG)
    fetcher = ImageFetcher(api_host.url, KEY, max_bytes=1000)
    try:
        for path in ("/declared.png", "/chunked.png"):
            with pytest.raises(ImageError, match="larger than"):
                await fetcher.fetch(api_host.url + path)
        assert await fetcher.fetch(api_host.url + "/fits.png") == PNG
    finally:
        await fetcher.aclose()


async def test_not_a_picture_plain_http_elsewhere_and_server_errors_are_refused(api_host: PictureServer) -> None:
    api_host.routes["/page"] = Route(body=b"<html>", headers={"Content-Type": "text/html"})
    api_host.routes["/err.png"] = Route(status=500, body=b"")
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


async def test_a_slow_picture_times_out_without_holding_up_others(api_host: PictureServer) -> None:
    api_host.routes["/slow.png"] = Route(delay=3.0)
    api_host.routes["/quick.png"] = Route()
    fetcher = ImageFetcher(api_host.url, KEY, timeout=1.0, parallel=2)
    try:
        slow = asyncio.ensure_future(fetcher.fetch(api_host.url + "/slow.png"))
        assert await fetcher.fetch(api_host.url + "/quick.png") == PNG
        assert not slow.done()  # the quick one finished while the slow one was still loading
        with pytest.raises(ImageError, match="too long"):
            await slow
    finally:
        await fetcher.aclose()


async def test_one_download_per_address_and_a_bounded_cache(api_host: PictureServer) -> None:
    for n in range(30):
        api_host.routes[f"/{n}.png"] = Route(body=PNG + bytes([n]) * 400)
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


async def test_a_failure_is_remembered_briefly(api_host: PictureServer) -> None:
    api_host.routes["/gone.png"] = Route(status=404, body=b"")
    fetcher = ImageFetcher(api_host.url, KEY)
    try:
        for _ in range(3):
            with pytest.raises(ImageError):
                await fetcher.fetch(api_host.url + "/gone.png")
    finally:
        await fetcher.aclose()
    assert len(api_host.seen) == 1


async def test_asked_again_a_remembered_failure_goes_to_the_server(api_host: PictureServer) -> None:
    api_host.routes["/later.png"] = Route(status=503, body=b"")
    fetcher = ImageFetcher(api_host.url, KEY)
    try:
        with pytest.raises(ImageError):
            await fetcher.fetch(api_host.url + "/later.png")
        api_host.routes["/later.png"] = Route()
        with pytest.raises(ImageError):
            await fetcher.fetch(api_host.url + "/later.png")  # remembered: not asked
        assert await fetcher.fetch(api_host.url + "/later.png", again=True) == PNG  # Refresh asks
    finally:
        await fetcher.aclose()
    assert len(api_host.seen) == 2
