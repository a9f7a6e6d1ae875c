"""Bearer authentication: the one key this sandbox accepts."""

from __future__ import annotations

import secrets
from collections.abc import Callable

from fastapi import Header, HTTPException

from app.sandbox.config import SandboxConfig


def bearer_check(cfg: SandboxConfig) -> Callable[..., None]:
    """A FastAPI dependency: 401 with ``WWW-Authenticate: Bearer`` unless the right key is sent."""

    def authorised(authorization: str | None = Header(default=None)) -> None:
        scheme, _, token = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not secrets.compare_digest(token.strip(), cfg.api_key):
            raise HTTPException(401, "Not authenticated", headers={"WWW-Authenticate": "Bearer"})

    return authorised
