"""A loopback HTTP(S) server that serves files with the headers a test chooses.

Routes map a path to what is answered: a status, headers, a body (given, or ``size`` bytes of
:func:`pattern`), optionally after a ``delay``, cut after ``cut_at`` bytes (the connection closed
mid-body), sent chunked, or dripped slowly. Every request's path and headers are kept in ``seen``.

Run alone (``python -m tests.file_server --size N``) it serves N bytes of :func:`pattern` at
``/big.bin`` from its own process, and prints its address on the first line (the benches).
"""

from __future__ import annotations

import argparse
import hashlib
import socket
import ssl
import sys
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

BLOCK = 1024 * 1024
PNG = b"\x89PNG\r\n\x1a\n" + b"x" * 100  # enough of a PNG for a fetcher that checks the signature


def _block() -> bytes:
    seed = b"aitasker-test-pattern"
    out = bytearray()
    counter = 0
    while len(out) < BLOCK:
        out += hashlib.sha256(seed + counter.to_bytes(8, "big")).digest()
        counter += 1
    return bytes(out[:BLOCK])


_PATTERN_BLOCK = _block()


def pattern(size: int) -> bytes:
    """``size`` bytes that do not compress and do not repeat within a megabyte."""
    whole, rest = divmod(size, BLOCK)
    return _PATTERN_BLOCK * whole + _PATTERN_BLOCK[:rest]


def pattern_sha256(size: int) -> str:
    digest = hashlib.sha256()
    whole, rest = divmod(size, BLOCK)
    for _ in range(whole):
        digest.update(_PATTERN_BLOCK)
    digest.update(_PATTERN_BLOCK[:rest])
    return digest.hexdigest()


@dataclass
class Route:
    status: int = 200
    body: bytes | None = None  # None: ``size`` bytes of pattern()
    size: int = 0
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "application/octet-stream"})
    content_length: int | None = None  # None: the body's real length
    send_length: bool = True
    cut_at: int | None = None  # close the connection after this many bytes of the body
    chunked: bool = False
    drip: float = 0.0  # seconds between pieces
    delay: float = 0.0  # seconds before answering at all
    piece: int = 64 * 1024
    # Set by the server when the first bytes of the body have gone out (tests wait on it).
    started: threading.Event = field(default_factory=threading.Event)

    def payload(self) -> bytes:
        return self.body if self.body is not None else pattern(self.size)


def picture(body: bytes = PNG, **answer: Any) -> Route:
    """What a route answers: a PNG picture unless told otherwise."""
    answer.setdefault("headers", {"Content-Type": "image/png"})
    return Route(body=body, **answer)


class FileServer:
    def __init__(self, host: str = "127.0.0.1", *, tls: ssl.SSLContext | None = None) -> None:
        self.routes: dict[str, Route] = {}
        self.seen: list[tuple[str, dict[str, str]]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                server.seen.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                route = server.routes.get(self.path.split("?")[0])
                if route is None:
                    route = Route(status=404, body=b"not here", headers={"Content-Type": "text/plain"})
                server.answer(self, route)

        self.httpd = ThreadingHTTPServer((host, 0), Handler)
        self.httpd.daemon_threads = True
        if tls is not None:
            self.httpd.socket = tls.wrap_socket(self.httpd.socket, server_side=True)
        scheme = "https" if tls is not None else "http"
        self.url = f"{scheme}://{host}:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @staticmethod
    def answer(handler: BaseHTTPRequestHandler, route: Route) -> None:
        body = route.payload()
        if route.delay:
            time.sleep(route.delay)
        handler.send_response(route.status)
        for name, value in route.headers.items():
            handler.send_header(name, value)
        if route.chunked:
            handler.send_header("Transfer-Encoding", "chunked")
        elif route.send_length:
            handler.send_header(
                "Content-Length", str(len(body) if route.content_length is None else route.content_length)
            )
        else:
            handler.send_header("Connection", "close")
        handler.end_headers()
        limit = len(body) if route.cut_at is None else min(route.cut_at, len(body))
        sent = 0
        try:
            while sent < limit:
                piece = body[sent : min(limit, sent + route.piece)]
                if route.chunked:
                    handler.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
                else:
                    handler.wfile.write(piece)
                handler.wfile.flush()
                sent += len(piece)
                route.started.set()
                if route.drip:
                    time.sleep(route.drip)
            if route.cut_at is not None or not route.send_length and not route.chunked:
                handler.close_connection = True
                handler.wfile.flush()
                handler.connection.shutdown(socket.SHUT_RDWR)
                return
            if route.chunked:
                handler.wfile.write(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError, OSError):
            handler.close_connection = True  # the client went away (a cancelled download)

    def __enter__(self) -> FileServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def self_signed(folder: Path, host: str = "127.0.0.1") -> tuple[ssl.SSLContext, Path]:
    """A server TLS context for ``host`` and the path of its certificate (to trust it in a client)."""
    import datetime
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, host)])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address(host))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path = folder / "server.pem"
    key_path = folder / "server.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_path, key_path)
    return context, cert_path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, required=True)
    args = parser.parse_args()
    server = FileServer()
    # Made once, not per request, and sent a megabyte at a time: the bench times the client's
    # side of the transfer, so the server spends as little of the shared CPU as it can.
    server.routes["/big.bin"] = Route(body=pattern(args.size), piece=BLOCK)
    server.thread.start()
    print(server.url, flush=True)
    try:
        sys.stdin.read()  # until the bench closes our stdin
    finally:
        server.httpd.shutdown()


if __name__ == "__main__":
    main()
