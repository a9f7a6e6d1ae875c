"""Where the app connects and how that is going: plain values, without the network or asyncio
(the window's first picture shows the state before anything connects)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple


class ConnectionState(StrEnum):
    STARTING = "starting"
    ONLINE = "online"
    OFFLINE = "offline"
    SLOWED = "slowed"
    ERROR = "error"
    UNAUTHORIZED = "unauthorized"
    NO_KEY = "no-key"


@dataclass
class Connection:
    api_url: str
    api_key: str | None
    demo: bool = False


class StateChange(NamedTuple):
    state: ConnectionState
    detail: str = ""
