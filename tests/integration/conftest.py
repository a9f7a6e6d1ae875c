"""Two loopback file servers that stand for two hosts: 127.0.0.1 (the API's host) and 127.0.0.2
(someone else's), for the tests of what the app fetches (pictures, downloads)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.file_server import FileServer


@pytest.fixture
def api_host() -> Iterator[FileServer]:
    with FileServer("127.0.0.1") as server:
        yield server


@pytest.fixture
def other_host() -> Iterator[FileServer]:
    with FileServer("127.0.0.2") as server:
        yield server
