"""httpx's transport for downloads, reading the socket in pieces of :data:`READ` instead of 64 KiB.

Every piece a download receives costs the event loop's thread the same fixed work in httpcore, h11,
anyio and qasync (a cancel scope, a checkpoint through a Qt timer, a socket notifier made again
when anyio resumes reading, the generators up to ours), whatever its size. httpcore asks its
network stream for at most 64 KiB at a time, while asyncio's transport has already received up
to 256 KiB with one ``recv``, which anyio then cuts in four (copying the rest each time). Asked
for 256 KiB, a 100 MB download costs the loop a quarter as many pieces: measured with the bench's
ticker (``tests/bench/test_downloads.py``), a third or more less CPU time on the loop's thread.

Built only from public parts: httpcore's connection pool with a network backend that wraps its
AnyIO backend, and httpx's transport interface; requests, answers and errors are translated as
httpx's own transport does. Proxies are not ours to handle: ``httpx.AsyncClient`` mounts its own
transports for them (``trust_env``), so a proxied download reads as httpx does.
"""

from __future__ import annotations

import contextlib
import ssl
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator
from typing import Any

import httpcore
import httpx

READ = 256 * 1024  # what asyncio's selector transport receives with one recv (Python 3.11–3.13)

_ERRORS: dict[type[Exception], type[httpx.HTTPError]] = {
    httpcore.TimeoutException: httpx.TimeoutException,
    httpcore.ConnectTimeout: httpx.ConnectTimeout,
    httpcore.ReadTimeout: httpx.ReadTimeout,
    httpcore.WriteTimeout: httpx.WriteTimeout,
    httpcore.PoolTimeout: httpx.PoolTimeout,
    httpcore.NetworkError: httpx.NetworkError,
    httpcore.ConnectError: httpx.ConnectError,
    httpcore.ReadError: httpx.ReadError,
    httpcore.WriteError: httpx.WriteError,
    httpcore.ProxyError: httpx.ProxyError,
    httpcore.UnsupportedProtocol: httpx.UnsupportedProtocol,
    httpcore.ProtocolError: httpx.ProtocolError,
    httpcore.LocalProtocolError: httpx.LocalProtocolError,
    httpcore.RemoteProtocolError: httpx.RemoteProtocolError,
}


@contextlib.contextmanager
def _as_httpx_errors() -> Iterator[None]:
    """httpcore's errors as the most specific httpx error, as httpx's own transport raises them."""
    try:
        yield
    except Exception as exc:
        mapped: type[httpx.HTTPError] | None = None
        for theirs, ours in _ERRORS.items():
            if isinstance(exc, theirs) and (mapped is None or issubclass(ours, mapped)):
                mapped = ours
        if mapped is None:
            raise
        raise mapped(str(exc)) from exc


class _Stream(httpcore.AsyncNetworkStream):
    def __init__(self, inner: httpcore.AsyncNetworkStream) -> None:
        self._inner = inner

    # httpcore's interface passes the timeouts as arguments (ASYNC109 below).
    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:  # noqa: ASYNC109
        # More than asked is fine for HTTP/1.1: h11 keeps what it has not used yet.
        return await self._inner.read(max(max_bytes, READ), timeout)

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:  # noqa: ASYNC109
        await self._inner.write(buffer, timeout)

    async def aclose(self) -> None:
        await self._inner.aclose()

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,  # noqa: ASYNC109
    ) -> httpcore.AsyncNetworkStream:
        return _Stream(await self._inner.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _Backend(httpcore.AsyncNetworkBackend):
    def __init__(self) -> None:
        self._inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        return _Stream(await self._inner.connect_tcp(host, port, timeout, local_address, socket_options))

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,  # noqa: ASYNC109
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        return _Stream(await self._inner.connect_unix_socket(path, timeout, socket_options))

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class _Body(httpx.AsyncByteStream):
    def __init__(self, pieces: AsyncIterable[bytes]) -> None:
        self._pieces = pieces

    async def __aiter__(self) -> AsyncIterator[bytes]:
        with _as_httpx_errors():
            async for piece in self._pieces:
                yield piece

    async def aclose(self) -> None:
        closing = getattr(self._pieces, "aclose", None)
        if closing is not None:
            with _as_httpx_errors():
                await closing()


class BigReadTransport(httpx.AsyncBaseTransport):
    """Direct HTTP/1.1 connections with httpx's default limits, reading :data:`READ` at a time."""

    def __init__(self, verify: ssl.SSLContext | bool = True) -> None:
        limits = httpx.Limits(max_connections=100, max_keepalive_connections=20)  # httpx's defaults
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=verify if isinstance(verify, ssl.SSLContext) else httpx.create_ssl_context(verify=verify),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=_Backend(),
        )

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(request.stream, httpx.AsyncByteStream)
        core = httpcore.Request(
            method=request.method,
            url=httpcore.URL(
                scheme=request.url.raw_scheme,
                host=request.url.raw_host,
                port=request.url.port,
                target=request.url.raw_path,
            ),
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        with _as_httpx_errors():
            answer = await self._pool.handle_async_request(core)
        assert isinstance(answer.stream, AsyncIterable)
        return httpx.Response(
            status_code=answer.status,
            headers=answer.headers,
            stream=_Body(answer.stream),
            extensions=answer.extensions,
        )

    async def aclose(self) -> None:
        await self._pool.aclose()
