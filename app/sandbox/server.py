"""Run the sandbox on a loopback port in a background thread (demo mode and tests)."""

from __future__ import annotations

import socket
import threading
import time

import uvicorn

from app.sandbox.config import SandboxConfig
from app.sandbox.service import create_app


class SandboxServer:
    """A real uvicorn server bound to ``host:port`` (0 = a free port), in a daemon thread."""

    def __init__(self, config: SandboxConfig | None = None, *, host: str = "127.0.0.1", port: int = 0) -> None:
        self.config = config or SandboxConfig()
        self.app = create_app(self.config)
        # IPPROTO_TCP named explicitly: asyncio turns Nagle's algorithm off only on sockets whose
        # protocol says TCP (proto 0 does not), and with it on every small answer waited ~40 ms for
        # the client's delayed ACK. TCP_NODELAY on the listener too (accepted sockets inherit it).
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self._socket = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._socket.bind((host, port))
        self.host = host
        self.port = self._socket.getsockname()[1]
        self._server = uvicorn.Server(
            uvicorn.Config(self.app, log_level="warning", access_log=False, lifespan="off", timeout_graceful_shutdown=1)
        )
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [self._socket]}, daemon=True, name="sandbox"
        )

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    def start(self, timeout: float = 10.0) -> SandboxServer:
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the sandbox server did not start")
            time.sleep(0.01)
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._server.should_exit = True
        if self._thread.is_alive():
            self._thread.join(timeout)
        self._socket.close()

    def __enter__(self) -> SandboxServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start_sandbox(config: SandboxConfig | None = None, *, host: str = "127.0.0.1", port: int = 0) -> SandboxServer:
    return SandboxServer(config, host=host, port=port).start()
